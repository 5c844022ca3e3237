"""The choice: the best acceptable candidate becomes a Location, with the reason kept."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from cronica.record import Location
from cronica.resolve.places.candidates import Candidate
from cronica.resolve.places.mention import PlaceMention, own_name
from cronica.resolve.places.settings import ADMIN, SUB_CITY, table

if TYPE_CHECKING:
    from cronica.resolve.places.gazetteer import Gazetteer, PlaceEntry


@dataclass
class Option:
    """A Location proposed for an event, with its features and score."""

    location: Location
    features: dict[str, Any] = field(default_factory=dict)
    rank: float = 0.0


@dataclass
class Explanation:
    """Why a place was chosen: the options weighed (best first), the chosen one and a reason
    ("own_place", "story_city", "none")."""

    options: list[Option]
    chosen: Option | None
    why: str


def supported(cand: Candidate) -> bool:
    """Whether the document backs a candidate: inside `within`, in the focus country, in a
    region the document names, near its other places, or in a country it names often."""
    f = cand.features
    return bool(f.get("inside_within") or f.get("country_match") or f.get("doc_inside")
                or f.get("doc_near_km") is not None
                or f.get("doc_country_share", 0) >= table()["accept"]["doc_country_share"])


def foreign(cand: Candidate) -> bool:
    """A settlement outside the document's focus country."""
    e = cand.entry
    return bool(cand.features.get("focus")) and bool(e.country) \
        and not cand.features.get("country_match") and e.feature not in ADMIN[:3]


def foreign_and_small(cand: Candidate) -> bool:
    """A small settlement outside the document's focus country ("the Citadel" in Canada for a
    Syrian story): chosen only with the document's support."""
    return foreign(cand) and cand.entry.population < table()["accept"]["foreign_min_population"]


def acceptable(cand: Candidate, mention: PlaceMention, within: Location | None) -> bool:
    """Whether a ranked candidate may be chosen: a district must lie in its `within`; a weak
    fuzzy match, a small place abroad, or any place abroad the text calls a village or town,
    needs support (see `supported`); a settlement far from `within` is never chosen for it,
    nor a city's district for a village or town."""
    if within is not None and "neighbourhood" in mention.types:
        if not cand.features.get("inside_within", False):
            return False
    if cand.features.get("far_from_within") and cand.entry.feature not in ADMIN:
        return False
    settlement = "city" in mention.types  # "the village of Sayda", "la localidad de X"
    if (foreign_and_small(cand) or (settlement and foreign(cand))) and not supported(cand):
        return False  # a village named in a Syrian story is no Lebanese city
    if settlement and cand.entry.feature in SUB_CITY:
        return False  # "the villages of Khaldiyah" are no district of a city
    accept = table()["accept"]
    ratio = accept["fuzzy_ratio_area"] if cand.entry.feature in ADMIN[:3] else accept["fuzzy_ratio"]
    return cand.score >= ratio or supported(cand)


def to_location(text: str, cand: Candidate, mention: PlaceMention, gaz: Gazetteer) -> Location:
    """The Location of a chosen candidate: precision 3 for an area, 2 near or part of a
    place, else 1; a neighbourhood is named with its city."""
    e = cand.entry
    parent = gaz.parent_of(e)
    canonical = f"{e.name}, {parent.name}" if parent and e.feature in SUB_CITY else e.name
    if e.feature in ADMIN or "admin1" in mention.types:  # "Idlib province" at its capital
        precision = 3
    elif mention.relation:
        precision = 2
    else:
        precision = 1
    return Location(
        text=text, canonical=canonical, admin1=e.admin1 or None, admin2=e.admin2 or None,
        country=e.country or None, lat=e.lat, lon=e.lon, geo_precision=precision,
        gazetteer_id=e.gazetteer_id,
    )


def choose(text: str, mention: PlaceMention, ranked: list[Candidate], within: Location | None,
           gaz: Gazetteer) -> Location | None:
    """The first acceptable candidate, else `within` (precision 2 at least), else None."""
    for cand in ranked:
        if acceptable(cand, mention, within):
            return to_location(text, cand, mention, gaz)
    if within is not None:
        return replace(within, text=text, geo_precision=max(2, within.geo_precision or 2))
    return None


def city_of(location: Location, gazetteer: Gazetteer) -> Location | None:
    """The city-level place a location is in (itself, or a neighbourhood's city), if any."""
    entry: PlaceEntry | None = gazetteer.by_id.get(location.gazetteer_id or "")
    if entry is not None and entry.feature != "city":
        entry = gazetteer.parent_of(entry)
    if entry is None or entry.feature != "city":
        return None
    return entry_location(entry)


def entry_location(entry: PlaceEntry) -> Location:
    """A gazetteer place as a Location by its own name, at precision 1."""
    return Location(
        text=entry.name, canonical=entry.name, admin1=entry.admin1 or None,
        admin2=entry.admin2 or None, country=entry.country or None, lat=entry.lat,
        lon=entry.lon, geo_precision=1, gazetteer_id=entry.gazetteer_id,
    )


def choose_event_place(
    mention: Location | None, story_city: Location | None, gazetteer: Gazetteer,
) -> tuple[Location | None, Explanation]:
    """An event's place: its own (`mention`) or the city the story names most.

    Both are ranked options (weights `event` in the ranking table); only an option with
    coordinates can win. The story city is placed at `story_city_precision` and keeps the
    mention's text; a proper name the gazetteer lacks ("Tal Hamra") keeps its own name as
    the canonical one, placed at the story city (no gazetteer id). With no option,
    `mention` is returned as it is."""
    w = table()["event"]
    options: list[Option] = []
    if mention is not None:
        own: dict[str, Any] = {"own_place": True}
        if story_city is not None:  # shown only: whether the event is in the story's city
            city = city_of(mention, gazetteer)
            own["in_story_city"] = city is not None and \
                city.gazetteer_id == story_city.gazetteer_id
        options.append(Option(mention, own, w["own_place"]))
    if story_city is not None:
        named = own_name(mention.text) if mention is not None and mention.lat is None else None
        at_city = Location(
            text=mention.text if mention is not None else "",
            canonical=named or story_city.canonical, admin1=story_city.admin1,
            admin2=story_city.admin2, country=story_city.country, lat=story_city.lat,
            lon=story_city.lon, geo_precision=w["story_city_precision"],
            gazetteer_id=None if named else story_city.gazetteer_id,
        )
        options.append(Option(at_city, {"story_city": True, "own_name": named},
                              w["story_city"]))
    for option in options:
        option.features["has_coordinates"] = option.location.lat is not None
    options.sort(key=lambda o: -o.rank)
    chosen = next((o for o in options if o.features["has_coordinates"]), None)
    if chosen is None:
        return mention, Explanation(options, None, "none")
    why = "story_city" if chosen.features.get("story_city") else "own_place"
    return chosen.location, Explanation(options, chosen, why)
