"""The columns cross-document linking blocks on: an event's day range and place key.

Two events of different documents can be one event only if `same_event` (link/compare.py)
finds their dates overlapping and their places the same or one inside the other. These keys
let the store find such candidates with an indexed query instead of reading every event:

- `day_range`: the first and last day the date covers at its precision (day and week: the
  day; month, year: the whole month, year); None when `same_time` would say unknown;
- `place_key`: the last ", "-separated part of the folded place name. Equal names share it,
  and so does a name inside another ("hanano, aleppo" ends with ", aleppo"), so blocking on
  it (or on the gazetteer id, the other way places are 'same') never drops a pair that
  `place_relation` accepts.
"""

from __future__ import annotations

from datetime import date

from cronica.record import Event, Location, parse_iso_date
from cronica.text import fold

_PREFIX = {"day": 10, "week": 10, "month": 7, "year": 4}


def day_range(value: str | None, precision: str) -> tuple[date, date] | None:
    """(first day, last day) of an event date at its precision, or None (not comparable)."""
    size = _PREFIX.get(precision)
    if not value or size is None:
        return None
    try:
        return parse_iso_date(value[:size]), parse_iso_date(value[:size], end=True)
    except ValueError:
        return None


def place_key(location: Location | None) -> str | None:
    """The blocking key of a place (None when the place is unknown)."""
    if location is None:
        return None
    name = fold(location.canonical or location.text or "")
    return name.rsplit(", ", 1)[-1] or None


def link_keys(event: Event) -> tuple[date | None, date | None, str | None, str | None]:
    """(first day, last day, place key, gazetteer id) of an event, as stored for linking."""
    days = day_range(event.date, event.date_precision)
    loc = event.location
    return (
        days[0] if days else None,
        days[1] if days else None,
        place_key(loc),
        (loc.gazetteer_id or None) if loc else None,
    )
