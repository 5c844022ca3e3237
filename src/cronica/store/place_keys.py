"""Every name of an event's place, folded for matching: what `cronica events --place` looks
up, so that a place is found by any of its names ("Alepo", "Aleppo", "حلب")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cronica.record import Event
from cronica.text import name_key

if TYPE_CHECKING:
    from cronica.resolve.places.gazetteer import Gazetteer, PlaceEntry


def _names(entry: PlaceEntry) -> list[str]:
    return [entry.name, *entry.alt_names]


def _areas(gazetteer: Gazetteer, name: str, feature: str, country: str) -> list[PlaceEntry]:
    """The gazetteer's `feature` entries (admin1, admin2, country) called `name` in `country`."""
    ids = gazetteer.whole_ids(name_key(name))
    found = [gazetteer.by_id[i] for i in sorted(ids)]
    return [e for e in found if e.feature == feature and (not country or e.country == country
                                                          or feature == "country")]


def place_keys(event: Event, gazetteer: Gazetteer | None = None) -> list[str]:
    """Folded names (`text.name_key`) of the event's place: its text and canonical name, its
    admin areas and country, and, with a gazetteer, every name (alternate names included) of
    the place's entry and of the entries of its admin areas and country."""
    loc = event.location
    if loc is None:
        return []
    names = [loc.text, loc.canonical, loc.admin1, loc.admin2, loc.country]
    if gazetteer is not None:
        entry = gazetteer.by_id.get(loc.gazetteer_id or "")
        if entry is not None:
            names += _names(entry)
            parent = gazetteer.parent_of(entry)
            if parent is not None:
                names += _names(parent)
        country = loc.country or ""
        for name, feature in ((loc.admin1, "admin1"), (loc.admin2, "admin2"),
                              (loc.country, "country")):  # fmt: skip
            for area in _areas(gazetteer, name, feature, country) if name else []:
                names += _names(area)
    keys: dict[str, None] = {}
    for name in names:
        key = name_key(name or "")
        if key:
            keys.setdefault(key, None)
    return list(keys)
