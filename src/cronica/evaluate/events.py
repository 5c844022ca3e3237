"""`events`: cronica's events against our gold JSON Lines (one gold event per line).

An event matches a gold one when the sub-event type is equal and the predicted evidence
sentence contains the gold evidence (whitespace normalised); matching is one-to-one and
greedy. Over matched events: accuracy of place, date, actors, quantities and sources.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from cronica.evaluate import metrics, predictors
from cronica.evaluate.result import Result, guarded, ok
from cronica.lang import supported
from cronica.record import Document, Event, InputError
from cronica.text import loose, normalise_space

NAME = "events"
DEFAULT_PATH = "gold"
PLACE_KM = 2.0
ATTRIBUTES = ("place", "date", "actor1", "actor2", "quantities", "sources")
Predictor = Callable[[Document], list[Event]]


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Gold events from one .jsonl file or every .jsonl file in a folder (sorted by name)."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    gold = []
    for file in files:
        with file.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as err:
                    raise InputError(str(file), f"not JSON: {err}", number) from err
                for key in ("doc", "evidence", "sub_event_type"):
                    if not row.get(key):
                        raise InputError(str(file), f"gold event lacks {key!r}", number)
                row["_gold_file"] = str(file)
                gold.append(row)
    return gold


def find_text(doc: str, gold_file: Path, texts_dir: Path | None = None) -> Path | None:
    """The document a gold event names: in `texts_dir`, beside the gold file, or in examples/."""
    folder = gold_file.parent
    places = [texts_dir] if texts_dir else []
    places += [folder, folder.parent / "examples", folder.parent.parent / "examples"]
    for place in places:
        if place is not None and (place / doc).is_file():
            return place / doc
    return None


def guess_lang(name: str) -> str | None:
    """Language from a file name ending in -es / -en (e.g. alepo-2016-es.txt), else None."""
    stem = Path(name).stem.lower()
    for lang in supported():
        if stem.endswith(f"-{lang}") or stem.endswith(f"_{lang}") or stem.endswith(f".{lang}"):
            return lang
    return None


def event_view(event: Event) -> dict[str, Any]:
    """The parts of a predicted event that are scored, as plain values."""
    loc = event.location
    return {
        "sub_event_type": event.sub_event_type,
        "sentence": event.evidence.sentence,
        "location_canonical": (loc.canonical or loc.text) if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "date": event.date,
        "actor1": event.actor1.canonical if event.actor1 else None,
        "actor2": event.actor2.canonical if event.actor2 else None,
        "quantities": sorted((q.kind, q.value) for q in event.quantities),
        "sources": sorted((c.source, c.stance) for c in event.claims),
    }


def _same_text(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return loose(a) == loose(b)


def place_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Canonical names equal (case- and accent-insensitive; a predicted "Place, Admin" counts
    by its first part), or both coordinates within 2 km."""
    gold_name, pred_name = gold.get("location_canonical"), pred.get("location_canonical")
    if _same_text(gold_name, pred_name):
        return True
    if gold_name and pred_name and _same_text(gold_name, pred_name.split(",")[0]):
        return True  # "Eastern Aleppo, Aleppo": the place, then its admin area
    coords = (gold.get("lat"), gold.get("lon"), pred.get("lat"), pred.get("lon"))
    if all(c is not None for c in coords):
        return metrics.haversine_km(*coords) <= PLACE_KM
    return False


def _source_name_ok(gold_name: str, pred_name: str) -> bool:
    g, p = loose(gold_name), loose(pred_name)
    return bool(g) and bool(p) and (g in p or p in g)


def sources_ok(gold: list[dict[str, Any]], pred: list[tuple[str, str]]) -> bool:
    """Same number of (source, stance) pairs and each gold one loosely matched by its own."""
    wanted = {(s.get("name") or "", s.get("stance") or "") for s in gold}
    given = set(pred)
    if len(wanted) != len(given):
        return False
    pairs = metrics.greedy_match(
        len(wanted),
        len(given),
        _pair_scorer(sorted(wanted), sorted(given)),
    )
    return len(pairs) == len(wanted)


def _pair_scorer(wanted: list[tuple[str, str]], given: list[tuple[str, str]]) -> Callable:
    def score(g: int, p: int) -> float | None:
        (gname, gstance), (pname, pstance) = wanted[g], given[p]
        if gstance.casefold() != pstance.casefold() or not _source_name_ok(gname, pname):
            return None
        return 1.0

    return score


def attribute_checks(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, bool]:
    """Which attributes of a matched prediction agree with the gold event."""
    gold_quantities = sorted((q["kind"], int(q["value"])) for q in gold.get("quantities") or [])
    return {
        "place": place_ok(gold, pred),
        "date": gold.get("date") == pred.get("date"),
        "actor1": _same_text(gold.get("actor1"), pred.get("actor1")),
        "actor2": _same_text(gold.get("actor2"), pred.get("actor2")),
        "quantities": set(gold_quantities) == set(pred["quantities"]),
        "sources": sources_ok(gold.get("sources") or [], pred["sources"]),
    }


def match(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one greedy pairs (gold index, prediction index); among candidates, those that
    agree on more attributes are taken first."""
    evidence = [normalise_space(g["evidence"]) for g in gold]
    sentences = [normalise_space(p["sentence"]) for p in pred]

    def score(g: int, p: int) -> float | None:
        if gold[g]["sub_event_type"] != pred[p]["sub_event_type"]:
            return None
        if evidence[g] not in sentences[p]:
            return None
        return float(sum(attribute_checks(gold[g], pred[p]).values()))

    return metrics.greedy_match(len(gold), len(pred), score)


def score(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, Any]:
    """Event P/R/F1, attribute accuracy, per-class report and worst errors for one document
    set (`pred` are event_view dicts; gold and pred carry a `doc` key to keep documents apart)."""
    worst = metrics.WorstErrors()
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    matched_gold: set[int] = set()
    matched_pred: set[int] = set()
    for doc in sorted({g["doc"] for g in gold} | {p["doc"] for p in pred}):
        gi = [i for i, g in enumerate(gold) if g["doc"] == doc]
        pi = [i for i, p in enumerate(pred) if p["doc"] == doc]
        for g, p in match([gold[i] for i in gi], [pred[i] for i in pi]):
            matched_gold.add(gi[g])
            matched_pred.add(pi[p])
            pairs.append((gold[gi[g]], pred[pi[p]]))
    tp, fp, fn = len(pairs), len(pred) - len(matched_pred), len(gold) - len(matched_gold)
    result = metrics.prf(tp, fp, fn)
    for i, g in enumerate(gold):
        if i not in matched_gold:
            worst.add("missed", 1.0, doc=g["doc"], gold=g["sub_event_type"], text=g["evidence"])
    for i, p in enumerate(pred):
        if i not in matched_pred:
            worst.add(
                "spurious", 1.0, doc=p["doc"], predicted=p["sub_event_type"], text=p["sentence"]
            )
    correct = dict.fromkeys(ATTRIBUTES, 0)
    for g, p in pairs:
        checks = attribute_checks(g, p)
        wrong = [name for name, good in checks.items() if not good]
        for name in ATTRIBUTES:
            correct[name] += checks[name]
        if wrong:
            worst.add(
                "attributes",
                len(wrong),
                doc=g["doc"],
                wrong=wrong,
                text=g["evidence"],
                gold={k: _gold_value(g, k) for k in wrong},
                predicted={k: _pred_value(p, k) for k in wrong},
            )
    accuracy = {f"{name}_accuracy": metrics.safe_div(correct[name], tp) for name in ATTRIBUTES}
    return {
        "metrics": {**result, **accuracy, "matched": tp},
        "per_class": _per_class(gold, pred, pairs),
        "worst_errors": worst.worst(),
    }


def _gold_value(g: dict[str, Any], key: str) -> Any:
    return g.get("location_canonical") if key == "place" else g.get(key)


def _pred_value(p: dict[str, Any], key: str) -> Any:
    return p.get("location_canonical") if key == "place" else p.get(key)


def _per_class(gold: list[dict], pred: list[dict], pairs: list[tuple[dict, dict]]) -> dict:
    labels = sorted({g["sub_event_type"] for g in gold} | {p["sub_event_type"] for p in pred})
    report = {}
    for label in labels:
        tp = sum(1 for g, _ in pairs if g["sub_event_type"] == label)
        n_gold = sum(1 for g in gold if g["sub_event_type"] == label)
        n_pred = sum(1 for p in pred if p["sub_event_type"] == label)
        row = metrics.prf(tp, n_pred - tp, n_gold - tp)
        row["support"] = n_gold
        report[label] = row
    return report


def _dct(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def evaluate(
    gold_path: Path, predict: Predictor, texts_dir: Path | None = None, limit: int | None = None
) -> Result:
    """Run `predict` on every document the gold names and score the events."""
    gold = load_gold(gold_path)
    docs = sorted({g["doc"] for g in gold})[:limit] if limit else sorted({g["doc"] for g in gold})
    gold = [g for g in gold if g["doc"] in docs]
    pred: list[dict[str, Any]] = []
    missing = []
    for name in docs:
        first = next(g for g in gold if g["doc"] == name)
        text_path = find_text(name, Path(first["_gold_file"]), texts_dir)
        if text_path is None:
            missing.append(name)
            continue
        document = Document(
            id=name,
            text=text_path.read_text(encoding="utf-8"),
            lang=guess_lang(name),
            date=_dct(first.get("dct")),
            path=str(text_path),
        )
        pred.extend({**event_view(e), "doc": name} for e in predict(document))
    gold = [g for g in gold if g["doc"] not in missing]
    scored = score(gold, pred)
    return ok(
        NAME,
        scored["metrics"],
        scored["per_class"],
        scored["worst_errors"],
        n=len(gold),
        seconds=0.0,
        data=str(gold_path),
        documents=len(docs) - len(missing),
        texts_missing=missing,
    )


def run(
    path: Path,
    limit: int | None = None,
    predict: Predictor | None = None,
    texts_dir: Path | None = None,
) -> Result:
    """The `events` evaluation on a gold file or folder (skipped when it is absent)."""

    def body() -> Result:
        return evaluate(path, predict or predictors.events(), texts_dir, limit)

    return guarded(NAME, path, body)
