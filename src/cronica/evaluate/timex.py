"""`timex`: time expressions against the Spanish TimeBank (TempEval-3, BIO TSV as shipped).

Each document's text is rebuilt from its tokens; detection is scored strict (same tokens) and
relaxed (overlapping tokens), one-to-one; the TIMEX3 value is scored on relaxed matches with
the document's creation date (the `DCTVALUE` line) as anchor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cronica.evaluate import metrics, predictors
from cronica.evaluate.result import Result, guarded, ok
from cronica.record import InputError

NAME = "timex"
DEFAULT_PATH = "temporal/timebank_es_train.tsv"
DCT_LINE = re.compile(r'\*!-DCTVALUE="([^"]*)"-!\*')
NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "?", "!", "%", "»", "]"}
NO_SPACE_AFTER = {"(", "¿", "¡", "«", "["}
Predictor = Callable[[str, str, date | None], list[tuple[int, int, str | None]]]


@dataclass
class Timex:
    start: int  # first token index in the document
    end: int  # one past the last token
    type: str
    value: str


@dataclass
class TimexDoc:
    dct: str
    tokens: list[str] = field(default_factory=list)
    sentence_starts: set[int] = field(default_factory=set)
    timexes: list[Timex] = field(default_factory=list)

    @property
    def anchor(self) -> date | None:
        try:
            return date.fromisoformat(self.dct[:10])
        except ValueError:
            return None


def load_docs(path: Path) -> list[TimexDoc]:
    """Documents from the TimeBank TSV: `token<TAB>BIO-type<TAB>value`, a DCTVALUE line per doc."""
    docs: list[TimexDoc] = []
    new_sentence = True
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            dct = DCT_LINE.search(line)
            if dct:
                docs.append(TimexDoc(dct=dct.group(1)))
                new_sentence = True
                continue
            if not line.strip():
                new_sentence = True
                continue
            parts = line.split("\t")
            if len(parts) != 3 or not docs:
                raise InputError(str(path), "expected token, tag, value after a DCTVALUE", number)
            token, tag, value = parts
            doc = docs[-1]
            index = len(doc.tokens)
            if new_sentence:
                doc.sentence_starts.add(index)
                new_sentence = False
            doc.tokens.append(token)
            if tag.startswith("B-") or (tag.startswith("I-") and not _continues(doc, index, tag)):
                doc.timexes.append(Timex(index, index + 1, tag[2:], value))
            elif tag.startswith("I-"):
                doc.timexes[-1].end = index + 1
    return docs


def _continues(doc: TimexDoc, index: int, tag: str) -> bool:
    last = doc.timexes[-1] if doc.timexes else None
    return last is not None and last.end == index and last.type == tag[2:]


def rebuild_text(doc: TimexDoc) -> tuple[str, list[tuple[int, int]]]:
    """Plain text from the tokens (newline between sentences) and each token's char offsets."""
    parts: list[str] = []
    offsets = []
    length = 0
    for i, token in enumerate(doc.tokens):
        if i:
            if i in doc.sentence_starts:
                sep = "\n"
            elif token in NO_SPACE_BEFORE or doc.tokens[i - 1] in NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            length += len(sep)
        offsets.append((length, length + len(token)))
        parts.append(token)
        length += len(token)
    return "".join(parts), offsets


def char_to_tokens(start: int, end: int, offsets: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Token range [first, last+1) covered by a character span (None if it covers none)."""
    hit = [i for i, (s, e) in enumerate(offsets) if s < end and start < e]
    return (hit[0], hit[-1] + 1) if hit else None


def score(docs: list[TimexDoc], predicted: list[list[tuple[int, int, str | None]]]) -> dict:
    """Strict and relaxed detection P/R/F1 and value accuracy; predictions are token ranges."""
    worst = metrics.WorstErrors()
    strict_tp = relaxed_tp = n_gold = n_pred = value_ok = 0
    by_type: dict[str, dict[str, int]] = {}
    for doc, preds in zip(docs, predicted, strict=True):
        gold = doc.timexes
        n_gold += len(gold)
        n_pred += len(preds)

        def overlap(g: int, p: int, gold: list[Timex] = gold, preds: list = preds) -> float | None:
            gs, ge, ps, pe = gold[g].start, gold[g].end, preds[p][0], preds[p][1]
            if ps >= ge or gs >= pe:
                return None
            return 2.0 if (gs, ge) == (ps, pe) else 1.0

        pairs = metrics.greedy_match(len(gold), len(preds), overlap)
        matched_g = {g for g, _ in pairs}
        matched_p = {p for _, p in pairs}
        for g, p in pairs:
            t, pred = gold[g], preds[p]
            exact = (t.start, t.end) == (pred[0], pred[1])
            strict_tp += exact
            relaxed_tp += 1
            right = pred[2] == t.value
            value_ok += right
            row = by_type.setdefault(t.type, {"gold": 0, "found": 0, "value_ok": 0})
            row["found"] += 1
            row["value_ok"] += right
            if not right:
                worst.add("value", 1.0, gold=t.value, predicted=pred[2], text=_span(doc, t),
                          dct=doc.dct)  # fmt: skip
            elif not exact:
                worst.add("extent", 0.5, gold=_span(doc, t),
                          text=" ".join(doc.tokens[pred[0]:pred[1]]))  # fmt: skip
        for i, t in enumerate(gold):
            by_type.setdefault(t.type, {"gold": 0, "found": 0, "value_ok": 0})["gold"] += 1
            if i not in matched_g:
                worst.add("missed", 1.0, type=t.type, gold=t.value, text=_context(doc, t))
        for i, (s, e, v) in enumerate(preds):
            if i not in matched_p:
                worst.add("spurious", 1.0, predicted=v, text=" ".join(doc.tokens[s:e]))
    strict = metrics.prf(strict_tp, n_pred - strict_tp, n_gold - strict_tp)
    relaxed = metrics.prf(relaxed_tp, n_pred - relaxed_tp, n_gold - relaxed_tp)
    value_p = metrics.safe_div(value_ok, n_pred)
    value_r = metrics.safe_div(value_ok, n_gold)
    result = {
        "strict_precision": strict["precision"],
        "strict_recall": strict["recall"],
        "strict_f1": strict["f1"],
        "relaxed_precision": relaxed["precision"],
        "relaxed_recall": relaxed["recall"],
        "relaxed_f1": relaxed["f1"],
        "value_accuracy": metrics.safe_div(value_ok, relaxed_tp),
        "value_f1": metrics.safe_div(2 * value_p * value_r, value_p + value_r),
        "gold": n_gold,
        "predicted": n_pred,
    }
    per_class = {
        label: {
            "support": row["gold"],
            "recall": metrics.safe_div(row["found"], row["gold"]),
            "value_accuracy": metrics.safe_div(row["value_ok"], row["found"]),
        }
        for label, row in sorted(by_type.items())
    }
    return {"metrics": result, "per_class": per_class, "worst_errors": worst.worst()}


def _span(doc: TimexDoc, t: Timex) -> str:
    return " ".join(doc.tokens[t.start : t.end])


def _context(doc: TimexDoc, t: Timex, width: int = 6) -> str:
    left = " ".join(doc.tokens[max(0, t.start - width) : t.start])
    right = " ".join(doc.tokens[t.end : t.end + width])
    return f"{left} [{_span(doc, t)}] {right}".strip()


def predict_tokens(doc: TimexDoc, predict: Predictor) -> list[tuple[int, int, str | None]]:
    """Run the predictor on the rebuilt text and map its spans to token ranges."""
    text, offsets = rebuild_text(doc)
    out = []
    for start, end, value in predict(text, "es", doc.anchor):
        tokens = char_to_tokens(start, end, offsets)
        if tokens:
            out.append((tokens[0], tokens[1], value))
    return out


def evaluate(path: Path, predict: Predictor, limit: int | None = None) -> Result:
    """Score the predictor on the first `limit` documents (all when None)."""
    docs = load_docs(path)
    docs = docs[:limit] if limit else docs
    scored: dict[str, Any] = score(docs, [predict_tokens(d, predict) for d in docs])
    n = sum(len(d.timexes) for d in docs)
    return ok(NAME, scored["metrics"], scored["per_class"], scored["worst_errors"], n=n,
              seconds=0.0, data=str(path), documents=len(docs))  # fmt: skip


def run(path: Path, limit: int | None = None, predict: Predictor | None = None) -> Result:
    """The `timex` evaluation (skipped when the file is absent)."""
    return guarded(NAME, path, lambda: evaluate(path, predict or predictors.times(), limit))
