"""The evaluations by name, where their data lives, and running one or all of them."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from cronica.evaluate import acled, events, geo, ner, sentences, timex
from cronica.evaluate.result import Result, default_data_dir


class Evaluation(Protocol):
    """A module (or an event set) with a default data path and a `run`."""

    @property
    def DEFAULT_PATH(self) -> str: ...  # noqa: N802

    def run(self, path: Path, limit: int | None = ...) -> Result: ...


EVENTS_HEADLINE = ("f1", "precision", "recall", "place_accuracy", "date_accuracy",
                   "actor1_accuracy")  # fmt: skip
EVALUATIONS: dict[str, Evaluation] = {
    **events.SETS,
    "acled": acled,
    "timex": timex,
    "geo": geo,
    "ner": ner,
    "sentences": sentences,
}
HEADLINE = {
    **dict.fromkeys(events.SETS, EVENTS_HEADLINE),
    "acled": (
        "sub_event_macro_f1",
        "event_type_accuracy",
        "location_within_25km",
        "fatalities_stated_accuracy",
    ),  # fmt: skip
    "timex": ("strict_f1", "relaxed_f1", "value_accuracy"),
    "geo": ("toponym_recall", "accuracy_161km", "median_error_km", "auc"),
    "ner": ("spacy_f1", "cronica_f1"),
    "sentences": ("f1", "precision", "recall"),
}


def default_path(kind: str, data_dir: Path | None = None) -> Path:
    """Where an evaluation's data lives under the data folder (default ../shared/eval)."""
    return (data_dir or default_data_dir()) / EVALUATIONS[kind].DEFAULT_PATH


def run_one(
    kind: str, path: Path | None = None, data_dir: Path | None = None, limit: int | None = None
) -> Result:
    """Run one evaluation on `path` (default: its place in the data folder).

    `limit` None keeps the evaluation's own default (ACLED: a seeded sample)."""
    if kind not in EVALUATIONS:
        raise ValueError(f"unknown evaluation {kind!r}; choose from {', '.join(EVALUATIONS)}")
    module = EVALUATIONS[kind]
    target = path or default_path(kind, data_dir)
    if limit is None:
        return module.run(target)
    return module.run(target, limit=limit)


def run_events(
    path: Path | None = None, data_dir: Path | None = None, limit: int | None = None
) -> list[Result]:
    """The event sets: each at its default place (no `path`), one gold file, or each gold file
    of a folder as its own result."""
    if path is None:
        return [run_one(kind, None, data_dir, limit) for kind in events.SETS]
    return events.run_many(path, limit)


def run_all(data_dir: Path | None = None, limit: int | None = None) -> list[Result]:
    """Every evaluation on its data under `data_dir`; absent data gives skipped results."""
    return [run_one(kind, None, data_dir, limit) for kind in EVALUATIONS]
