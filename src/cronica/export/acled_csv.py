"""ACLED-style CSV: ACLED's column names, codes and conventions, one row per event.

- `event_id_cnty`: ISO3 of the event's country + a number, ACLED's form ("SYR12"). From a
  store, the number is the one the store gave the event once (`Store.event_codes`), so
  re-exports keep it; without one (`cronica extract`), events are numbered per country in
  (date, event_id) order within the file. "XXX" stands for an unknown country.
- `iso` (ISO 3166 numeric), `region` (ACLED's) from the country (data/countries.csv);
  `country` in ACLED's spelling; `admin3` from the gazetteer (export/admin3.py).
- Dates: a day is itself (time_precision 1); a week's date is kept (2); a month is coded on
  its 15th and a year on 1 July (3), the middle of the period. An undated event takes its
  document's publication date with time_precision 3 and the tag "date unknown: publication
  date"; with no publication date either, `event_date` and `year` stay empty and the tag is
  "date unknown".
- `notes`: the evidence sentences (every mention) without citation markers.
- `fatalities`: the best killed figure counting persons; a figure counting something else
  ("3,000 families") is not a number of persons: it goes to `tags` with its unit, as does any
  other figure with a non-person unit.
- `civilian_targeting` only where civilians are targeted by violence (ACLED's violent event
  types), never for an evacuation or an arrest.
- `source_scale` from the kinds of the sources (export/source_scale below).
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Iterable, Mapping
from datetime import date

from cronica.acled import codebook
from cronica.acled.countries import country as find_country
from cronica.acled.rows import COLUMNS
from cronica.export._io import PathOrStream, open_text
from cronica.export.admin3 import admin3_of
from cronica.export.flat import SEP, actor_name, event_sources
from cronica.export.registry import FunctionExporter
from cronica.export.units import figure, unit_of
from cronica.record import Actor, Event, parse_iso_date

ACLED_COLUMNS: tuple[str, ...] = COLUMNS
UNKNOWN_ISO3 = "XXX"

_INTER_WORDS = (
    ("state", 1), ("rebel", 2), ("political", 3), ("identity", 4), ("communal", 4),
    ("rioter", 5), ("protester", 6), ("civilian", 7), ("external", 8), ("other", 8),
)  # fmt: skip
# source kind -> ACLED source scale
SOURCE_SCALE: dict[str, str] = {
    "international organisation": "International",
    "ngo": "Other",
    "media": "National",
    "government": "National",
    "armed group": "Other",
    "unnamed": "Other",
}
_CITATION = re.compile(r"\[\d+\]")  # numbered markers; others come from evidence.citations


def inter_code(actor: Actor | None) -> int | None:
    """ACLED's inter code (1-8) for the actor's actor_type name; None when unknown."""
    if actor is None or not actor.actor_type:
        return None
    name = actor.actor_type.strip().lower()
    return next((code for word, code in _INTER_WORDS if word in name), None)


def interaction_code(inter1: int | None, inter2: int | None) -> str:
    """ACLED interaction: the two inter codes, lowest first ('13'); a sole actor is 'N0'."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return ""
    if len(codes) == 1:
        return f"{codes[0]}0"
    return f"{codes[0]}{codes[1]}"


def disorder_type(event_type: str, sub_event_type: str = "") -> str:
    """ACLED disorder type for an event type ('' when the type is not one of ACLED's six)."""
    return codebook.disorder_type(event_type, sub_event_type)


def acled_date(event: Event, published: date | None) -> tuple[date | None, int, str | None]:
    """(event date, time_precision, tag) by the conventions of the module docstring."""
    day = None
    if event.date:
        try:
            day = parse_iso_date(event.date)
        except ValueError:
            day = None
    if day is None:
        if published is not None:
            return published, 3, "date unknown: publication date"
        return None, 3, "date unknown"
    precision = event.date_precision
    if precision == "day":
        return day, 1, None
    if precision == "week":
        return day, 2, None
    if precision == "month" or len(event.date or "") == 7:
        return day.replace(day=15), 3, None
    if precision == "year" or len(event.date or "") == 4:
        return day.replace(month=7, day=1), 3, None
    return day, 3, None


def readable_notes(event: Event) -> str:
    """The evidence sentences of the event (each mention once) without citation markers."""
    out: list[str] = []
    for mention in event.mentions or [event.evidence]:
        text = mention.sentence
        for marker in {*mention.citations, *event.evidence.citations}:
            text = text.replace(marker, "")
        text = _CITATION.sub("", text)
        text = re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split()))
        if text and text not in out:
            out.append(text)
    return " ".join(out)


def source_scale(event: Event) -> str:
    """ACLED's source scale from the kinds of the event's sources ("National-International")."""
    scales: dict[str, None] = {}
    for claim in event.claims:
        scales.setdefault(SOURCE_SCALE.get((claim.source_type or "").lower(), "Other"), None)
    return "-".join(scales)


def _fatalities(event: Event) -> tuple[int, list[str]]:
    """(persons killed, tags for figures counted in other units)."""
    tags = []
    other_unit = False
    sentence = event.evidence.sentence
    for q in event.quantities:
        if unit_of(q, sentence):
            tags.append(f"{q.kind}: {figure(q, sentence)}")
            other_unit = other_unit or q.kind == "killed"
    persons = event.fatalities.best if event.fatalities and not other_unit else 0
    return persons, tags


def _civilian_targeting(event: Event, inter2: int | None) -> bool:
    etype = event.event_type.strip()
    if etype == "Violence against civilians":
        return True
    return inter2 == 7 and etype in codebook.CIVILIAN_TARGETING_TYPES


def number_events(events: list[Event]) -> dict[str, str]:
    """event_id -> "ISO3N" for events without a stored code: per country, (date, id) order."""
    counters: dict[str, int] = {}
    codes: dict[str, str] = {}
    for ev in sorted(events, key=lambda e: (e.date or "9999", e.event_id)):
        found = find_country(ev.location.country if ev.location else None)
        iso3 = found.iso3 if found else UNKNOWN_ISO3
        counters[iso3] = counters.get(iso3, 0) + 1
        codes[ev.event_id] = f"{iso3}{counters[iso3]}"
    return codes


def acled_row(
    event: Event,
    timestamp: int,
    code: str | None = None,
    published: date | None = None,
) -> dict[str, str | int | float]:
    """One event as an ACLED-style row (keys: ACLED_COLUMNS; '' for missing values)."""
    day, precision, date_tag = acled_date(event, published)
    loc = event.location
    found = find_country(loc.country if loc else None)
    i1, i2 = inter_code(event.actor1), inter_code(event.actor2)
    fatalities, unit_tags = _fatalities(event)
    tags = [t for t in (date_tag,) if t] + unit_tags
    if event.disputed:
        tags.append(f"disputed: {event.disputed_reason}" if event.disputed_reason else "disputed")
    if event.review:
        tags.append(f"reviewed: {event.review}")  # values a person accepted or corrected
    assoc = [actor_name(a) for a in event.assoc_actors]
    assoc1 = [a for a, actor in zip(assoc, event.assoc_actors, strict=True)
              if a and not _sides_with(actor, event.actor2)]
    assoc2 = [a for a, actor in zip(assoc, event.assoc_actors, strict=True)
              if a and _sides_with(actor, event.actor2)]

    def blank(value: str | int | float | None) -> str | int | float:
        return "" if value is None else value

    return {
        "event_id_cnty": code or "",
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": precision,
        "disorder_type": disorder_type(event.event_type, event.sub_event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": blank(actor_name(event.actor1)),
        "assoc_actor_1": SEP.join(assoc1),
        "inter1": _inter_cell(event.actor1, i1),
        "actor2": blank(actor_name(event.actor2)),
        "assoc_actor_2": SEP.join(assoc2),
        "inter2": _inter_cell(event.actor2, i2),
        "interaction": interaction_code(i1, i2),
        "civilian_targeting": "Civilian targeting" if _civilian_targeting(event, i2) else "",
        "iso": found.iso_numeric if found else "",
        "region": found.region if found else "",
        "country": found.acled_name if found else blank(loc.country if loc else None),
        "admin1": blank(loc.admin1 if loc else None),
        "admin2": blank(loc.admin2 if loc else None),
        "admin3": blank(admin3_of(loc)),
        "location": blank((loc.canonical or loc.text) if loc else None),
        "latitude": blank(loc.lat if loc else None),
        "longitude": blank(loc.lon if loc else None),
        "geo_precision": blank(loc.geo_precision if loc else None),
        "source": SEP.join(event_sources(event)),
        "source_scale": source_scale(event),
        "notes": readable_notes(event),
        "fatalities": fatalities,
        "tags": SEP.join(tags),
        "timestamp": timestamp,
    }


def _inter_cell(actor: Actor | None, code: int | None) -> int | str:
    """ACLED's inter column: 0 for no actor, the code, or '' for an actor of unknown type."""
    if actor is None:
        return 0
    return "" if code is None else code


def _sides_with(actor: Actor, actor2: Actor | None) -> bool:
    """Whether an associated actor sides with actor 2 (same actor type as actor 2's)."""
    return bool(actor2 and actor.actor_type and actor.actor_type == actor2.actor_type)


def write_acled_csv(
    events: Iterable[Event],
    path_or_stream: PathOrStream,
    timestamp: int | None = None,
    codes: Mapping[str, str] | None = None,
    published: Mapping[str, date] | None = None,
) -> int:
    """Write an ACLED-style CSV with a header row; returns the number of events written.

    `timestamp` (Unix seconds, ACLED's upload time) defaults to now; `codes` (event_id ->
    event_id_cnty) are the store's, others are numbered here; `published` (document ->
    publication date) dates undated events.
    """
    stamp = int(time.time()) if timestamp is None else int(timestamp)
    events = list(events)
    given = dict(codes or {})
    numbered = number_events([ev for ev in events if ev.event_id not in given])
    n = 0
    with open_text(path_or_stream, newline="") as out:
        writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        for event in events:
            code = given.get(event.event_id) or numbered.get(event.event_id)
            writer.writerow(acled_row(event, stamp, code, (published or {}).get(event.document)))
            n += 1
    return n


EXPORTER = FunctionExporter("acled-csv", ".csv", write_acled_csv, aliases=("csv",))
