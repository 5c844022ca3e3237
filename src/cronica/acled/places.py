"""An imported ACLED location's gazetteer entry: the entry with the location's name (or an
alternate name) in its country nearest its coordinates, so that ACLED's events answer to every
name of their place (`cronica events --place Alepo`) as cronica's do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cronica.record import Location
from cronica.resolve.places.features import km_between
from cronica.text import name_key

if TYPE_CHECKING:
    from cronica.resolve.places.gazetteer import Gazetteer, PlaceEntry

MAX_KM = 30.0  # farther than this, a namesake is another place


def match_entry(loc: Location, gazetteer: Gazetteer) -> PlaceEntry | None:
    """The gazetteer entry for an imported location, or None (no namesake near enough)."""
    ids = gazetteer.whole_ids(name_key(loc.text or loc.canonical or ""))
    found = [gazetteer.by_id[i] for i in sorted(ids)]
    found = [e for e in found if not loc.country or e.country == loc.country]
    if loc.lat is None or loc.lon is None:
        return found[0] if len(found) == 1 else None
    lat, lon = loc.lat, loc.lon
    near = [(km_between(lat, lon, e.lat, e.lon), e) for e in found]
    near = [(km, e) for km, e in near if km <= MAX_KM]
    return min(near, key=lambda pair: pair[0])[1] if near else None
