"""`sentences`: CASE 2021 Spanish sentences; "reports an event" = cronica finds an event in it."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from cronica.evaluate import metrics, predictors
from cronica.evaluate.result import Result, guarded, ok
from cronica.record import Event, InputError

NAME = "sentences"
DEFAULT_PATH = "events_es/case2021_task1_sentences_es.tsv"
Predictor = Callable[[str, str], list[Event]]


def load_sentences(path: Path) -> list[tuple[str, str, int]]:
    """(id, text, label) rows from a TSV with columns id, text, label (1 = reports an event)."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        if not reader.fieldnames or not {"text", "label"} <= set(reader.fieldnames):
            raise InputError(str(path), "expected a TSV with `text` and `label` columns")
        for number, row in enumerate(reader, 2):
            try:
                rows.append((row.get("id") or str(number), row["text"], int(row["label"])))
            except (TypeError, ValueError) as err:
                raise InputError(str(path), f"bad label: {err}", number) from err
    return rows


def score(rows: list[tuple[str, str, int]], found: list[list[Event]]) -> dict:
    """P/R/F1 of the positive class, accuracy and the confusion table."""
    gold = [label for _, _, label in rows]
    pred = [int(bool(events)) for events in found]
    tp = sum(g == p == 1 for g, p in zip(gold, pred, strict=True))
    fp = sum(p == 1 and g == 0 for g, p in zip(gold, pred, strict=True))
    fn = sum(p == 0 and g == 1 for g, p in zip(gold, pred, strict=True))
    worst = metrics.WorstErrors()
    for (_, text, g), p, events in zip(rows, pred, found, strict=True):
        if g != p:
            kind = "false positive" if p else "false negative"
            types = sorted({e.sub_event_type for e in events})
            worst.add(kind, 1.0, gold=g, predicted=types, text=text)
    result = {**metrics.prf(tp, fp, fn), "accuracy": metrics.accuracy(gold, pred)}
    per_class = {
        "labels": metrics.per_class_report(gold, pred, [1, 0]),
        "confusion": metrics.confusion(gold, pred),
    }
    return {"metrics": result, "per_class": per_class, "worst_errors": worst.worst()}


def evaluate(path: Path, predict: Predictor, limit: int | None = None) -> Result:
    """Run `predict` on the first `limit` sentences (all when None) and score them."""
    rows = load_sentences(path)
    rows = rows[:limit] if limit else rows
    scored = score(rows, [predict(text, "es") for _, text, _ in rows])
    return ok(NAME, scored["metrics"], scored["per_class"], scored["worst_errors"], n=len(rows),
              seconds=0.0, data=str(path))  # fmt: skip


def run(path: Path, limit: int | None = None, predict: Predictor | None = None) -> Result:
    """The `sentences` evaluation (skipped when the file is absent)."""
    return guarded(
        NAME, path, lambda: evaluate(path, predict or predictors.sentence_events(), limit)
    )
