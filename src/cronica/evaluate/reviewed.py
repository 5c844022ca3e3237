"""`events --reviewed`: the machine's events scored against what people decided in review.

Every reviewed event is one gold judgement about one machine event (`store/reviews.py`): a
rejected event is a false positive, an accepted or corrected one a true positive, and its
reviewed values are the gold values the machine's are compared with. Events nobody reviewed
are not counted; events the machine missed are not known to the store, so there is no recall.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cronica.evaluate.result import Result, ok, skipped
from cronica.record import Event

NAME = "events-reviewed"
HEADLINE = ("precision", "kept_unchanged", "sub_event_type_accuracy", "place_accuracy",
            "date_accuracy", "actor1_accuracy")  # fmt: skip


def _actor(event: Event, role: str) -> str | None:
    actor = getattr(event, role)
    return (actor.canonical or actor.text) if actor else None


def _place(event: Event) -> tuple[Any, ...] | None:
    loc = event.location
    return (loc.canonical or loc.text, loc.lat, loc.lon) if loc else None


ATTRIBUTES: dict[str, Callable[[Event], Any]] = {
    "sub_event_type": lambda e: e.sub_event_type,
    "place": _place,
    "date": lambda e: e.date,
    "actor1": lambda e: _actor(e, "actor1"),
    "actor2": lambda e: _actor(e, "actor2"),
    "fatalities": lambda e: e.fatalities.best if e.fatalities else None,
}


def score(pairs: list[tuple[Event, Event]]) -> tuple[dict[str, Any], dict[str, Any], list[dict]]:
    """(metrics, per sub-event type, errors) of (machine, reviewed) event pairs."""
    kept = [(m, r) for m, r in pairs if r.review != "reject"]
    rejected = [m for m, r in pairs if r.review == "reject"]
    metrics: dict[str, Any] = {
        "reviewed": len(pairs), "accepted": sum(r.review == "accept" for _, r in pairs),
        "corrected": sum(r.review == "correct" for _, r in pairs), "rejected": len(rejected),
        "precision": round(len(kept) / len(pairs), 3) if pairs else None,
    }  # fmt: skip
    errors: list[dict[str, Any]] = []
    unchanged = 0
    for machine, reviewed in kept:
        wrong = [a for a, get in ATTRIBUTES.items() if get(machine) != get(reviewed)]
        unchanged += not wrong
        if wrong:
            errors.append({"event_id": machine.event_id, "wrong": wrong,
                           "sentence": machine.evidence.sentence})  # fmt: skip
    for name, get in ATTRIBUTES.items():
        right = sum(get(m) == get(r) for m, r in kept)
        metrics[f"{name}_accuracy"] = round(right / len(kept), 3) if kept else None
    metrics["kept_unchanged"] = round(unchanged / len(kept), 3) if kept else None
    per_class: dict[str, Any] = {}
    for machine, reviewed in pairs:
        row = per_class.setdefault(machine.sub_event_type, {"reviewed": 0, "rejected": 0})
        row["reviewed"] += 1
        row["rejected"] += reviewed.review == "reject"
    for m in rejected:
        errors.append({"event_id": m.event_id, "wrong": ["rejected"],
                       "sentence": m.evidence.sentence})  # fmt: skip
    return metrics, per_class, errors


def run(db: Path) -> Result:
    """Score the store `db`'s machine events against its reviews."""
    from cronica.store import Store
    from cronica.store.reviews import reviewed_records

    if not db.exists():
        return skipped(NAME, f"no such store: {db}")
    start = time.perf_counter()
    with Store(str(db), read_only=True) as store:
        pairs = reviewed_records(store._con)
    if not pairs:
        return skipped(NAME, f"no reviewed events in {db}")
    metrics, per_class, errors = score(pairs)
    return ok(NAME, metrics, per_class, errors[:40], n=len(pairs),
              seconds=time.perf_counter() - start, data=str(db))  # fmt: skip
