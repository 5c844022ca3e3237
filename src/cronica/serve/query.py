"""The API's event query: filters over the reviewed events, in parameterised SQL, with paging.

Every filter value travels as a query parameter; only fixed SQL text is ever concatenated.
Filters apply to the reviewed values (a corrected date or place is found by its new value).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from cronica.record import Event, event_from_dict, parse_iso_date
from cronica.store.reviews import REVIEWED_EVENTS

REVIEW_STATES = ("any", "unreviewed", "reviewed", "accept", "reject", "correct", "not-rejected")

# Columns of the reviewed record, extracted from its JSON (fixed SQL, no user text).
_TEXT = {
    "event_type": "record->>'$.event_type'",
    "sub_event_type": "record->>'$.sub_event_type'",
    "action": "record->>'$.action'",
    "country": "record->>'$.location.country'",
    "sentence": "record->>'$.evidence.sentence'",
}
_ACTORS = ("record->>'$.actor1.canonical'", "record->>'$.actor1.text'",
           "record->>'$.actor2.canonical'", "record->>'$.actor2.text'")  # fmt: skip
_PLACES = ("record->>'$.location.canonical'", "record->>'$.location.text'",
           "record->>'$.location.admin1'")  # fmt: skip
_LAT = "TRY_CAST(record->>'$.location.lat' AS DOUBLE)"
_LON = "TRY_CAST(record->>'$.location.lon' AS DOUBLE)"
# A partial ISO date (YYYY or YYYY-MM) counts as its first day, as in the events table.
_DATE = ("TRY_CAST(CASE length(record->>'$.date') WHEN 4 THEN (record->>'$.date') || '-01-01'"
         " WHEN 7 THEN (record->>'$.date') || '-01' ELSE record->>'$.date' END AS DATE)")


def like(value: str) -> str:
    """An ILIKE pattern matching `value` literally anywhere (escape character: backslash)."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class EventFilter:
    """What `GET /events` asks for; every field optional."""

    type: str | None = None  # event type, sub-event type or action
    sub_type: str | None = None
    since: str | None = None  # YYYY[-MM[-DD]], inclusive
    until: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    actor: str | None = None
    place: str | None = None
    source: str | None = None
    country: str | None = None
    disputed: bool | None = None
    review: str = "any"
    q: str | None = None  # text search in the evidence sentence, actors and place

    def where(self) -> tuple[list[str], list[Any]]:
        """SQL conditions (fixed text with ? marks) and their parameters."""
        cond: list[str] = []
        params: list[Any] = []
        if self.type is not None:
            cond.append("(" + " OR ".join(
                f"lower({_TEXT[k]}) = lower(?)" for k in ("event_type", "sub_event_type", "action")
            ) + ")")  # fmt: skip
            params += [self.type] * 3
        if self.sub_type is not None:
            cond.append(f"lower({_TEXT['sub_event_type']}) = lower(?)")
            params.append(self.sub_type)
        if self.since is not None:
            cond.append(f"{_DATE} >= ?")
            params.append(parse_iso_date(self.since))
        if self.until is not None:
            cond.append(f"{_DATE} <= ?")
            params.append(parse_iso_date(self.until, end=True))
        if self.bbox is not None:
            cond.append(f"{_LON} BETWEEN ? AND ? AND {_LAT} BETWEEN ? AND ?")
            west, south, east, north = self.bbox
            params += [west, east, south, north]
        for value, names in ((self.actor, _ACTORS), (self.place, _PLACES)):
            if value is not None:
                cond.append("(" + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in names) + ")")
                params += [like(value)] * len(names)
        if self.source is not None:
            cond.append("EXISTS (SELECT 1 FROM claims c WHERE c.event_id = ev.event_id"
                        " AND c.source ILIKE ? ESCAPE '\\')")
            params.append(like(self.source))
        if self.country is not None:
            cond.append(f"lower({_TEXT['country']}) = lower(?)")
            params.append(self.country)
        if self.disputed is not None:
            cond.append("TRY_CAST(record->>'$.disputed' AS BOOLEAN) = ?")
            params.append(self.disputed)
        cond += _review_condition(self.review)
        if self.q is not None:
            columns = (_TEXT["sentence"], *_ACTORS, *_PLACES)
            cond.append("(" + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in columns) + ")")
            params += [like(self.q)] * len(columns)
        return cond, params


def _review_condition(state: str) -> list[str]:
    if state not in REVIEW_STATES:
        raise ValueError(f"review: {state!r} is not one of {', '.join(REVIEW_STATES)}")
    return {
        "any": [],
        "unreviewed": ["review IS NULL"],
        "reviewed": ["review IS NOT NULL"],
        "not-rejected": ["(review IS NULL OR review <> 'reject')"],
    }.get(state, [f"review = '{state}'"])  # one of the fixed names above, never user text


def _event(record: str, review: str | None) -> Event:
    return event_from_dict({**json.loads(record), "review": review})


def find_events(
    con: duckdb.DuckDBPyConnection, query: EventFilter, limit: int, offset: int
) -> tuple[int, list[Event]]:
    """(number of events matching, the page of them), ordered by date, document, sentence."""
    cond, params = query.where()
    base = f"FROM ({REVIEWED_EVENTS}) ev"
    if cond:
        base += " WHERE " + " AND ".join(cond)
    total_row = con.execute(f"SELECT count(*) {base}", params).fetchone()
    rows = con.execute(
        f"SELECT record, review {base} ORDER BY {_DATE} NULLS LAST, document, sentence_index,"
        " event_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return (int(total_row[0]) if total_row else 0), [_event(r[0], r[1]) for r in rows]


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> Event | None:
    """One event as reviewed (a rejected one too), or None."""
    row = con.execute(
        f"SELECT record, review FROM ({REVIEWED_EVENTS}) ev WHERE event_id = ?", [event_id]
    ).fetchone()
    return _event(row[0], row[1]) if row else None


def evidence_sentences(con: duckdb.DuckDBPyConnection, event: Event) -> dict[str, dict[int, str]]:
    """The stored sentences of the documents an event's claims and mentions cite, by index."""
    docs = {event.document, *(c.document for c in event.claims if c.document),
            *(m.document for m in event.mentions if m.document)}  # fmt: skip
    rows = con.execute(
        "SELECT document, sentence_index, text FROM sentences WHERE list_contains(?, document)",
        [sorted(d for d in docs if d)],
    ).fetchall()
    out: dict[str, dict[int, str]] = {}
    for doc, index, text in rows:
        out.setdefault(doc, {})[index] = text
    return out


def day_counts(con: duckdb.DuckDBPyConnection, query: EventFilter) -> list[dict[str, Any]]:
    """Events per day and event type (for the timeline), matching `query`."""
    cond, params = query.where()
    sql = (f"SELECT {_DATE} AS day, record->>'$.event_type' AS kind, count(*) "
           f"FROM ({REVIEWED_EVENTS}) ev")  # fmt: skip
    if cond:
        sql += " WHERE " + " AND ".join(cond)
    sql += " GROUP BY day, kind HAVING day IS NOT NULL ORDER BY day, kind"
    rows = con.execute(sql, params).fetchall()
    return [{"day": d.isoformat() if isinstance(d, date) else str(d), "event_type": k, "count": n}
            for d, k, n in rows]  # fmt: skip
