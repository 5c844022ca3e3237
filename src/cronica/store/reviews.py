"""Human reviews of stored events: each decision is its own row, never an overwrite.

A review accepts, rejects or corrects one event. Its row keeps who decided, when, the note,
the changes asked for and the whole event record before and after them; the machine's row in
`events` is left as it was. Reading applies the latest review of each event: its `after`
record, with `Event.review` set to the decision. Rejected events are left out unless asked for.

Corrections take these fields: `sub_event_type` (its event type and PLOVER code follow from the
ontology) or `event_type`, `action`, `actor1`, `actor2` (a name, an object with `text`,
`canonical`, `actor_type`, `country`, or null), `location` (a name, an object with `canonical`,
`text`, `lat`, `lon`, `country`, `admin1`, `admin2`, `geo_precision`, or null), `date`
(YYYY[-MM[-DD]], or null) and `fatalities` (a whole number >= 0, or null).
"""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb

from cronica.record import Event, event_from_dict, parse_iso_date

DECISIONS = ("accept", "reject", "correct")
CORRECTABLE = ("event_type", "sub_event_type", "action", "actor1", "actor2", "location", "date",
               "fatalities")  # fmt: skip
ACTOR_FIELDS = ("text", "canonical", "actor_type", "country")
LOCATION_FIELDS = ("text", "canonical", "admin1", "admin2", "country", "lat", "lon",
                   "geo_precision", "gazetteer_id")  # fmt: skip
MAX_NAME = 200

# The latest review of each event (ties broken by id, which is random but fixed).
LATEST = """
    SELECT event_id, decision, after FROM (
        SELECT event_id, decision, after,
               row_number() OVER (PARTITION BY event_id ORDER BY created_at DESC, id DESC) AS n
        FROM reviews)
    WHERE n = 1
"""
# Every event with its latest review applied: (event_id, record JSON, review decision or NULL).
REVIEWED_EVENTS = f"""
    SELECT e.event_id, e.document, e.sentence_index,
           coalesce(r.after, e.record) AS record, r.decision AS review
    FROM events e LEFT JOIN ({LATEST}) r ON r.event_id = e.event_id
"""


class ReviewError(ValueError):
    """A review that cannot be applied; the message names the field at fault."""


@dataclass(frozen=True)
class Review:
    """One stored review."""

    id: str
    event_id: str
    decision: str
    changes: dict[str, Any]
    before: dict[str, Any]
    after: dict[str, Any]
    reviewer: str
    note: str | None
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types."""
        return {
            "id": self.id, "event_id": self.event_id, "decision": self.decision,
            "changes": self.changes, "before": self.before, "after": self.after,
            "reviewer": self.reviewer, "note": self.note, "created_at": self.created_at,
        }  # fmt: skip


def has_reviews_table(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store has the reviews table (a store made before reviews existed has not)."""
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'reviews'"
    ).fetchone()
    return bool(row and row[0])


def _name(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ReviewError(f"{where}: expected a non-empty name")
    if len(value) > MAX_NAME:
        raise ReviewError(f"{where}: longer than {MAX_NAME} characters")
    return value.strip()


def _actor(value: Any, where: str) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, str):
        name = _name(value, where)
        return {"text": name, "canonical": name, "actor_type": None, "country": None}
    if not isinstance(value, dict):
        raise ReviewError(f"{where}: expected a name, an object or null")
    unknown = sorted(set(value) - set(ACTOR_FIELDS))
    if unknown:
        raise ReviewError(f"{where}: unknown field(s) {', '.join(unknown)}")
    name = _name(value.get("canonical") or value.get("text"), f"{where}.canonical")
    out = {k: value.get(k) for k in ACTOR_FIELDS}
    for key in ("actor_type", "country"):
        if out[key] is not None:
            out[key] = _name(out[key], f"{where}.{key}")
    out["text"] = _name(out["text"], f"{where}.text") if out["text"] else name
    out["canonical"] = name
    return out


def _coordinate(value: Any, limit: float, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ReviewError(f"{where}: expected a number")
    if not math.isfinite(value) or abs(value) > limit:
        raise ReviewError(f"{where}: must lie within ±{limit:g}")
    return float(value)


def _location(value: Any, where: str) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = {"canonical": value}
    if not isinstance(value, dict):
        raise ReviewError(f"{where}: expected a name, an object or null")
    unknown = sorted(set(value) - set(LOCATION_FIELDS))
    if unknown:
        raise ReviewError(f"{where}: unknown field(s) {', '.join(unknown)}")
    out: dict[str, Any] = {k: value.get(k) for k in LOCATION_FIELDS}
    out["canonical"] = _name(value.get("canonical") or value.get("text"), f"{where}.canonical")
    out["text"] = out["text"] or out["canonical"]
    for key in ("text", "admin1", "admin2", "country", "gazetteer_id"):
        if out[key] is not None:
            out[key] = _name(str(out[key]), f"{where}.{key}")
    out["lat"] = _coordinate(out["lat"], 90, f"{where}.lat")
    out["lon"] = _coordinate(out["lon"], 180, f"{where}.lon")
    if (out["lat"] is None) != (out["lon"] is None):
        raise ReviewError(f"{where}: give both lat and lon, or neither")
    precision = out["geo_precision"]
    if precision is not None and precision not in (1, 2, 3):
        raise ReviewError(f"{where}.geo_precision: expected 1, 2 or 3")
    if out["lat"] is not None and precision is None:
        out["geo_precision"] = 1
    return out


def _date(value: Any, where: str) -> tuple[str | None, str]:
    """(ISO date, precision) of a corrected date."""
    if value is None:
        return None, "unknown"
    if not isinstance(value, str):
        raise ReviewError(f"{where}: expected YYYY[-MM[-DD]]")
    try:
        parse_iso_date(value)
    except ValueError as exc:
        raise ReviewError(f"{where}: {value!r} is not a date YYYY[-MM[-DD]]") from exc
    return value, {4: "year", 7: "month"}.get(len(value), "day")


def _fatalities(value: Any, where: str) -> dict[str, int] | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ReviewError(f"{where}: expected a whole number >= 0")
    return {"low": value, "best": value, "high": value}


def _types(record: dict[str, Any], changes: dict[str, Any]) -> None:
    """Apply a corrected sub-event type (with its event type and PLOVER code) or event type."""
    from cronica.ontology import ontology

    onto = ontology()
    if "sub_event_type" in changes:
        sub = _name(changes["sub_event_type"], "changes.sub_event_type")
        if sub not in onto.event_type_of:
            raise ReviewError(f"changes.sub_event_type: unknown sub-event type {sub!r}")
        record["sub_event_type"] = sub
        record["event_type"] = onto.event_type_of[sub]
        record["plover"] = onto.plover_of.get(sub, record.get("plover"))
    if "event_type" in changes:
        kind = _name(changes["event_type"], "changes.event_type")
        if kind not in set(onto.event_type_of.values()):
            raise ReviewError(f"changes.event_type: unknown event type {kind!r}")
        if onto.event_type_of.get(record["sub_event_type"]) != kind:
            raise ReviewError(f"changes.event_type: {kind!r} does not hold sub-event type "
                              f"{record['sub_event_type']!r}; correct sub_event_type too")
        record["event_type"] = kind


def corrected(before: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """The event record `before` with `changes` applied (ReviewError names a bad field)."""
    if not isinstance(changes, dict):
        raise ReviewError("changes: expected an object")
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise ReviewError(f"changes: cannot correct {', '.join(unknown)}; "
                          f"correctable: {', '.join(CORRECTABLE)}")
    after = json.loads(json.dumps(before))
    _types(after, changes)
    if "action" in changes:
        after["action"] = _name(changes["action"], "changes.action")
    for role in ("actor1", "actor2"):
        if role in changes:
            after[role] = _actor(changes[role], f"changes.{role}")
    if "location" in changes:
        after["location"] = _location(changes["location"], "changes.location")
    if "date" in changes:
        after["date"], after["date_precision"] = _date(changes["date"], "changes.date")
        after["date_text"] = None
    if "fatalities" in changes:
        after["fatalities"] = _fatalities(changes["fatalities"], "changes.fatalities")
    event_from_dict(after)  # the corrected record still fits the contract
    return after


def _current(con: duckdb.DuckDBPyConnection, event_id: str) -> tuple[dict[str, Any], str | None]:
    row = con.execute(
        f"SELECT record, review FROM ({REVIEWED_EVENTS}) WHERE event_id = ?", [event_id]
    ).fetchone()
    if row is None:
        raise KeyError(event_id)
    record = json.loads(row[0])
    record.pop("review", None)
    return record, row[1]


def add_review(
    con: duckdb.DuckDBPyConnection,
    event_id: str,
    decision: str,
    changes: dict[str, Any] | None = None,
    reviewer: str = "anonymous",
    note: str | None = None,
) -> Review:
    """Store a review of the event `event_id` and return it.

    `before` is the event as it reads now (earlier reviews applied), `after` that record with
    `changes` applied (only a `correct` decision takes changes). KeyError when no such event,
    ReviewError for a bad decision or change; nothing is written then.
    """
    if decision not in DECISIONS:
        raise ReviewError(f"decision: {decision!r} is not one of {', '.join(DECISIONS)}")
    changes = dict(changes or {})
    if changes and decision != "correct":
        raise ReviewError(f"changes: only a 'correct' decision takes changes, not {decision!r}")
    if decision == "correct" and not changes:
        raise ReviewError("changes: a 'correct' decision needs at least one change")
    reviewer = _name(reviewer, "reviewer")
    if note is not None and len(note) > 2000:
        raise ReviewError("note: longer than 2000 characters")
    before, _ = _current(con, event_id)
    after = corrected(before, changes) if changes else before
    review_id = uuid.uuid4().hex
    stamp = datetime.now()
    con.execute(
        "INSERT INTO reviews (id, event_id, decision, changes, before, after, reviewer, note,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [review_id, event_id, decision, json.dumps(changes, ensure_ascii=False),
         json.dumps(before, ensure_ascii=False), json.dumps(after, ensure_ascii=False),
         reviewer, note, stamp],
    )  # fmt: skip
    return Review(review_id, event_id, decision, changes, before, after, reviewer, note,
                  stamp.isoformat())  # fmt: skip


def reviews_of(con: duckdb.DuckDBPyConnection, event_id: str) -> list[Review]:
    """Every review of one event, oldest first."""
    if not has_reviews_table(con):
        return []
    rows = con.execute(
        "SELECT id, event_id, decision, changes, before, after, reviewer, note, created_at"
        " FROM reviews WHERE event_id = ? ORDER BY created_at, id",
        [event_id],
    ).fetchall()
    return [
        Review(r[0], r[1], r[2], json.loads(r[3]), json.loads(r[4]), json.loads(r[5]), r[6],
               r[7], r[8].isoformat())
        for r in rows
    ]  # fmt: skip


def apply_reviews(
    con: duckdb.DuckDBPyConnection, events: Iterable[Event], *, rejected: bool = False
) -> list[Event]:
    """`events` as reviewed: each replaced by its latest review's record with `review` set;
    rejected ones left out unless `rejected`. Order is kept."""
    events = list(events)
    if not events or not has_reviews_table(con):
        return events
    rows = con.execute(
        f"SELECT event_id, decision, after FROM ({LATEST}) WHERE list_contains(?, event_id)",
        [[ev.event_id for ev in events]],
    ).fetchall()
    latest = {r[0]: (r[1], r[2]) for r in rows}
    out: list[Event] = []
    for ev in events:
        if ev.event_id not in latest:
            out.append(ev)
            continue
        decision, after = latest[ev.event_id]
        if decision == "reject" and not rejected:
            continue
        reviewed = event_from_dict({**json.loads(after), "review": decision})
        out.append(reviewed)
    return out


def reviewed_records(con: duckdb.DuckDBPyConnection) -> list[tuple[Event, Event]]:
    """(machine event, reviewed event) for every reviewed event, rejected ones included."""
    if not has_reviews_table(con):
        return []
    rows = con.execute(
        f"SELECT e.record, r.decision, r.after FROM events e JOIN ({LATEST}) r"
        " ON r.event_id = e.event_id ORDER BY e.document, e.sentence_index, e.event_id"
    ).fetchall()
    return [
        (event_from_dict(json.loads(r[0])), event_from_dict({**json.loads(r[2]), "review": r[1]}))
        for r in rows
    ]
