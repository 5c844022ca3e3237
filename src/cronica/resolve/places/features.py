"""Ranking features of a candidate: what it is, where it lies, and what the document says.

Each function returns a dict of named features, distances and shares unrounded; `ranking`
turns them into a score and keeps them, rounded, on the candidate to explain the choice."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cronica.resolve.places.mention import PlaceMention
from cronica.resolve.places.settings import SUB_CITY, table

if TYPE_CHECKING:
    from cronica.record import Location
    from cronica.resolve.places.gazetteer import Gazetteer, PlaceEntry


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def entry_features(entry: PlaceEntry, mention: PlaceMention, focus: str | None,
                   gaz: Gazetteer) -> dict[str, Any]:
    """The entry against the mention: country focus, kind and size of place, its descriptor's
    type, a region named like its city, the spelling as written."""
    spelled = mention.spelled.casefold() if mention.spelled else None
    return {
        "focus": focus,
        "country_match": bool(focus and entry.country == focus),
        "feature": entry.feature,
        "population": entry.population,
        "type_match": entry.feature in mention.types or (
            "neighbourhood" in mention.types and entry.feature in SUB_CITY) or (
            "admin1" in mention.types and entry.feature in ("admin1", "region")),
        "region_named_like_its_city": entry.gazetteer_id in gaz.shadowed,
        "same_spelling": spelled is not None and any(
            n.casefold() == spelled for n in (entry.name, *entry.alt_names)),
    }


def within_features(entry: PlaceEntry, within: Location) -> dict[str, Any]:
    """Distance to a place known to contain the mention, whether the entry lies in it (its
    child, or within `local_km`), and whether it lies farther than `far_km`."""
    if within.lat is None or within.lon is None:
        return {}
    limits = table()["within"]
    km = km_between(entry.lat, entry.lon, within.lat, within.lon)
    inside = bool((within.gazetteer_id and entry.parent == within.gazetteer_id)
                  or km <= limits["local_km"])
    return {"km_from_within": km, "inside_within": inside,
            "far_from_within": not inside and km > limits["far_km"]}


@dataclass
class DocumentContext:
    """What the other place mentions of a document say: their countries and their places."""

    picks: list[PlaceEntry | None]
    confidence: list[float]
    names: list[str]
    me: int = -1  # the mention whose candidates it ranks (those of one name share it)

    def __post_init__(self) -> None:
        mine = self.names[self.me] if self.me >= 0 else None
        # The voters, in mention order: every other mention with a pick, less the repeats
        # of this mention's name. What `features` needs of them is worked out once here for
        # all of this mention's candidates: the weights summed in mention order (all, and by
        # country), and each distinct pick once (a repeat gives the same answers).
        self._voters = [(p, w) for i, (p, w) in enumerate(zip(self.picks, self.confidence,
                                                               strict=True))
                        if i != self.me and p is not None and self.names[i] != mine]
        self._ids = {p.gazetteer_id for p, _ in self._voters}
        self._total = sum(w for _, w in self._voters)
        self._by_country: dict[str, float] = {}
        for p, w in self._voters:
            self._by_country[p.country] = self._by_country.get(p.country, 0) + w
        self._distinct = list(dict.fromkeys(p for p, _ in self._voters))

    def _shares(self, entry: PlaceEntry) -> tuple[bool, float, float]:
        """Whether other voters remain once the entry's own id is left out, their total
        weight and the weight in the entry's country (summed in mention order)."""
        if entry.gazetteer_id not in self._ids:
            same = self._by_country.get(entry.country, 0) if entry.country else 0
            return bool(self._voters), self._total, same
        others = [(p, w) for p, w in self._voters if p.gazetteer_id != entry.gazetteer_id]
        return bool(others), sum(w for _, w in others), sum(
            w for p, w in others if entry.country and p.country == entry.country)

    def features(self, entry: PlaceEntry, gaz: Gazetteer) -> dict[str, Any]:
        """The entry's agreement with the document's other picks (a name's repeats do not
        vote for it): share in its country, a region that contains it, places it contains,
        the nearest other place within `near_km`."""
        any_other, total, same = self._shares(entry)
        if not any_other or total <= 0:
            return {}
        out: dict[str, Any] = {"doc_country_share": same / total}
        others = [p for p in self._distinct if p.gazetteer_id != entry.gazetteer_id]
        inside = next((p.name for p in others if p.feature in ("admin1", "admin2", "region")
                       and gaz.contains(p, entry)), None)
        if inside is not None:
            out["doc_inside"] = inside
        if entry.feature in ("country", "admin1", "admin2", "region"):
            holds = next((p.name for p in others if gaz.contains(entry, p)), None)
            if holds is not None:
                out["doc_contains"] = holds
        if entry.feature not in ("continent", "country", "region"):
            near = [km_between(entry.lat, entry.lon, p.lat, p.lon) for p in others
                    if p.feature in ("city", *SUB_CITY)]
            close = min(near, default=None)
            if close is not None and close <= table()["document"]["near_km"]:
                out["doc_near_km"] = close
        return out
