"""`ner`: entity F1 on CoNLL-2002 Spanish for the plain spaCy model and for cronica's pipeline.

Labels are mapped to CoNLL's PER/ORG/LOC/MISC (cronica's ruler labels ACTOR -> ORG and
PLACE -> LOC); an entity is right when its tokens and label are both right (CoNLL scoring).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cronica.evaluate import metrics, predictors
from cronica.evaluate.result import Result, guarded, ok
from cronica.record import InputError

NAME = "ner"
DEFAULT_PATH = "ner_es/esp.testb"
LABELS = ("PER", "ORG", "LOC", "MISC")
TO_CONLL = {
    "PER": "PER", "PERSON": "PER", "ORG": "ORG", "ACTOR": "ORG", "NORP": "MISC",
    "LOC": "LOC", "GPE": "LOC", "FAC": "LOC", "PLACE": "LOC", "MISC": "MISC", "EVENT": "MISC",
}  # fmt: skip
Entity = tuple[int, int, str]
System = Callable[[list[list[str]]], list[list[Entity]]]


def load_sentences(
    path: Path, encoding: str = "iso-8859-1"
) -> list[tuple[list[str], list[Entity]]]:
    """Sentences (words, gold entities) from a CoNLL-2002 file (`word POS IOB` per line)."""
    sentences: list[tuple[list[str], list[Entity]]] = []
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding=encoding) as handle:
        for number, line in enumerate(handle, 1):
            parts = line.split()
            if not parts or parts[0] == "-DOCSTART-":
                if words:
                    sentences.append((words, bio_entities(tags)))
                words, tags = [], []
                continue
            if len(parts) < 2:
                raise InputError(str(path), "expected `word [POS] IOB`", number)
            words.append(parts[0])
            tags.append(parts[-1])
    if words:
        sentences.append((words, bio_entities(tags)))
    return sentences


def bio_entities(tags: list[str]) -> list[Entity]:
    """(start, end, label) spans from IOB/BIO tags (an I- after O or another label opens one)."""
    spans: list[Entity] = []
    for i, tag in enumerate(tags):
        if tag == "O" or "-" not in tag:
            continue
        prefix, label = tag.split("-", 1)
        last = spans[-1] if spans else None
        if prefix == "I" and last and last[1] == i and last[2] == label:
            spans[-1] = (last[0], i + 1, label)
        else:
            spans.append((i, i + 1, label))
    return spans


def to_conll(entities: list[Entity]) -> set[Entity]:
    """Predicted entities with labels mapped to CoNLL's; others dropped."""
    return {(s, e, TO_CONLL[label]) for s, e, label in entities if label in TO_CONLL}


def score(gold: list[list[Entity]], predicted: list[list[Entity]]) -> dict[str, Any]:
    """Micro P/R/F1 overall and per label, exact span and label."""
    tp: Counter = Counter()
    n_gold: Counter = Counter()
    n_pred: Counter = Counter()
    for g_ents, p_ents in zip(gold, predicted, strict=True):
        g, p = set(g_ents), to_conll(p_ents)
        for _, _, label in g:
            n_gold[label] += 1
        for _, _, label in p:
            n_pred[label] += 1
        for _, _, label in g & p:
            tp[label] += 1
    per_label = {}
    for label in LABELS:
        row = metrics.prf(tp[label], n_pred[label] - tp[label], n_gold[label] - tp[label])
        row["support"] = n_gold[label]
        per_label[label] = row
    total = sum(tp.values())
    overall = metrics.prf(total, sum(n_pred.values()) - total, sum(n_gold.values()) - total)
    return {"overall": overall, "per_label": per_label}


def evaluate(path: Path, systems: dict[str, System], limit: int | None = None) -> Result:
    """Score each system on the first `limit` sentences (all when None)."""
    sentences = load_sentences(path)
    sentences = sentences[:limit] if limit else sentences
    words = [w for w, _ in sentences]
    gold = [g for _, g in sentences]
    result: dict[str, float] = {}
    per_class: dict[str, Any] = {}
    worst = metrics.WorstErrors()
    for name, system in systems.items():
        predicted = system(words)
        scored = score(gold, predicted)
        for key in ("precision", "recall", "f1"):
            result[f"{name}_{key}"] = scored["overall"][key]
        for label in LABELS:
            result[f"{name}_{label}_f1"] = scored["per_label"][label]["f1"]
        per_class[name] = scored["per_label"]
        if name == "cronica":
            _collect(worst, words, gold, predicted)
    if "spacy" in systems and "cronica" in systems:
        result["cronica_minus_spacy_f1"] = result["cronica_f1"] - result["spacy_f1"]
    n = sum(len(g) for g in gold)
    return ok(NAME, result, per_class, worst.worst(), n=n, seconds=0.0, data=str(path),
              sentences=len(sentences), systems=list(systems))  # fmt: skip


def _collect(
    worst: metrics.WorstErrors,
    words: list[list[str]],
    gold: list[list[Entity]],
    predicted: list[list[Entity]],
) -> None:
    for w, g_ents, p_ents in zip(words, gold, predicted, strict=True):
        g, p = set(g_ents), to_conll(p_ents)
        if g == p:
            continue
        worst.add(
            "sentence",
            len(g ^ p),
            gold=_show(w, g - p),
            predicted=_show(w, p - g),
            text=" ".join(w),
        )


def _show(words: list[str], entities: set[Entity]) -> list[tuple[str, str]]:
    return [(" ".join(words[s:e]), label) for s, e, label in sorted(entities)]


def run(path: Path, limit: int | None = None, systems: dict[str, System] | None = None) -> Result:
    """The `ner` evaluation (skipped when the file is absent)."""
    return guarded(NAME, path, lambda: evaluate(path, systems or predictors.ner_systems(), limit))
