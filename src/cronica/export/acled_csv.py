"""ACLED-style CSV: ACLED's column names, codes and conventions, one row per event.

Limits of the mapping: `event_id_cnty` is our event_id; every associated actor goes to
`assoc_actor_1` (the record has one list); `iso`, `region`, `admin3` and `source_scale` are
empty (not in the record); `event_date` is ISO (a partial date becomes its first day).
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Iterable

from cronica.export._io import PathOrStream, open_text
from cronica.export.flat import SEP, actor_name, event_sources
from cronica.export.registry import FunctionExporter
from cronica.record import Actor, Event, parse_iso_date

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)

INTER_CODES: dict[str, int] = {
    "state forces": 1,
    "rebel group": 2,
    "political militia": 3,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
    "external forces": 8,
    "other forces": 8,
}

DISORDER_TYPES: dict[str, str] = {
    "battles": "Political violence",
    "explosions/remote violence": "Political violence",
    "violence against civilians": "Political violence",
    "protests": "Demonstrations",
    "riots": "Demonstrations",
    "strategic developments": "Strategic developments",
}

# ACLED codebook: 1 the day is known, 2 the week, 3 only the month or a wider period.
TIME_PRECISION: dict[str, int] = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}


def inter_code(actor: Actor | None) -> int | None:
    """ACLED's inter code (1-8) for the actor's actor_type name; None when unknown."""
    if actor is None or not actor.actor_type:
        return None
    name = re.sub(r"\s+", " ", actor.actor_type.strip().lower())
    name = re.sub(r"\b(group|militia)s\b", r"\1", name).replace(" / ", "/")
    return INTER_CODES.get(name)


def interaction_code(inter1: int | None, inter2: int | None) -> str:
    """ACLED interaction: the two inter codes, lowest first ('13'); a sole actor is 'N0'."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return ""
    if len(codes) == 1:
        return f"{codes[0]}0"
    return f"{codes[0]}{codes[1]}"


def disorder_type(event_type: str) -> str:
    """ACLED disorder type for an event type ('' when the type is not one of ACLED's six)."""
    return DISORDER_TYPES.get(event_type.strip().lower(), "")


def acled_row(event: Event, timestamp: int) -> dict[str, str | int | float]:
    """One event as an ACLED-style row (keys: ACLED_COLUMNS; '' for missing values)."""
    day = None
    if event.date:
        try:
            day = parse_iso_date(event.date)
        except ValueError:
            day = None
    loc = event.location
    i1, i2 = inter_code(event.actor1), inter_code(event.actor2)
    civilian = event.event_type.strip().lower() == "violence against civilians" or i2 == 7
    tags = []
    if event.disputed:
        tags.append(f"disputed: {event.disputed_reason}" if event.disputed_reason else "disputed")
    assoc = [actor_name(a) for a in event.assoc_actors]

    def blank(value: str | int | float | None) -> str | int | float:
        return "" if value is None else value

    return {
        "event_id_cnty": event.event_id,
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": TIME_PRECISION.get(event.date_precision, 3) if day else 3,
        "disorder_type": disorder_type(event.event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": blank(actor_name(event.actor1)),
        "assoc_actor_1": SEP.join(a for a in assoc if a),
        "inter1": blank(i1),
        "actor2": blank(actor_name(event.actor2)),
        "assoc_actor_2": "",
        "inter2": blank(i2),
        "interaction": interaction_code(i1, i2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": "",
        "region": "",
        "country": blank(loc.country if loc else None),
        "admin1": blank(loc.admin1 if loc else None),
        "admin2": blank(loc.admin2 if loc else None),
        "admin3": "",
        "location": blank((loc.canonical or loc.text) if loc else None),
        "latitude": blank(loc.lat if loc else None),
        "longitude": blank(loc.lon if loc else None),
        "geo_precision": blank(loc.geo_precision if loc else None),
        "source": SEP.join(event_sources(event)),
        "source_scale": "",
        "notes": event.evidence.sentence,
        "fatalities": event.fatalities.best if event.fatalities else 0,
        "tags": SEP.join(tags),
        "timestamp": timestamp,
    }


def write_acled_csv(
    events: Iterable[Event], path_or_stream: PathOrStream, timestamp: int | None = None
) -> int:
    """Write an ACLED-style CSV with a header row; returns the number of events written.

    `timestamp` (Unix seconds, ACLED's upload time) defaults to now.
    """
    stamp = int(time.time()) if timestamp is None else int(timestamp)
    n = 0
    with open_text(path_or_stream, newline="") as out:
        writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        for event in events:
            writer.writerow(acled_row(event, stamp))
            n += 1
    return n


EXPORTER = FunctionExporter("acled-csv", ".csv", write_acled_csv, aliases=("csv",))
