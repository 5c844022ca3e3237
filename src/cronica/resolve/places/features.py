"""Ranking features of a candidate: what it is, where it lies, and what the document says.

Each function returns a dict of named features, distances and shares unrounded; `ranking`
turns them into a score and keeps them, rounded, on the candidate to explain the choice."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from cronica.resolve.places.mention import PlaceMention
from cronica.resolve.places.settings import SUB_CITY, table

if TYPE_CHECKING:
    from cronica.record import Location
    from cronica.resolve.places.gazetteer import Gazetteer, PlaceEntry


EARTH_KM = 6371.0  # the Earth's mean radius
TOWN_FEATURES = frozenset(("city", *SUB_CITY))  # what a place may lie near
REGION_FEATURES = frozenset(("admin1", "admin2", "region"))  # what a place may lie inside
_LAT_SLACK = 1e-9  # degrees: a bisection window a little wider than the exact test after it


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (never less than the arc between the two
    latitudes, EARTH_KM times their difference in radians)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    return _km_of(_haversine(p1, math.cos(p1), p2, math.cos(p2), lon2 - lon1))


def _haversine(p1: float, cos1: float, p2: float, cos2: float, dlon: float) -> float:
    """The haversine of the angle between two points: latitudes in radians with their
    cosines, the difference of longitudes in degrees. It grows with the distance."""
    return math.sin((p2 - p1) / 2) ** 2 + cos1 * cos2 * math.sin(math.radians(dlon) / 2) ** 2


def _km_of(haversine: float) -> float:
    return EARTH_KM * 2 * math.asin(math.sqrt(min(1.0, haversine)))


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
        "same_spelling": spelled is not None and spelled in _spellings(entry),
    }


@lru_cache(maxsize=1 << 14)
def _spellings(entry: PlaceEntry) -> frozenset[str]:
    """The entry's names, casefolded (kept: a name's candidates are ranked in every round
    of every document that names it)."""
    return frozenset(n.casefold() for n in (entry.name, *entry.alt_names))


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


class Votes:
    """The picks of a document's mentions as votes (weight: their confidence), added up once
    for a round of re-ranking: in all, and by name, pick, country and their pairs, so that
    the context of a name (every vote but its own name's) is the whole less its name's part
    rather than a pass over every vote for each name. The weights are those `_picks` gives
    (1 and `unsure_weight`, 0.5): their sums are exact in any order, so these differences
    equal the sums in mention order; another unsure weight may differ in the last bit."""

    def __init__(self, picks: list[PlaceEntry | None], confidence: list[float],
                 names: list[str]) -> None:
        voters = [(i, p, w) for i, (p, w) in enumerate(zip(picks, confidence, strict=True))
                  if p is not None]
        self.count: dict[tuple[str | None, str | None], int] = {}  # (name, id) -> votes
        self.weight: dict[tuple[str | None, str | None, str | None], float] = {}
        # Each pick once, in the order of its first vote: (pick, the place and name of its
        # first vote, the place of its first vote by another name, or None).
        self.distinct: list[tuple[PlaceEntry, int, str, int | None]] = []
        index: dict[int, int] = {}  # id(pick) -> its place in `distinct`
        for place, (i, pick, w) in enumerate(voters):
            name, gid, country = names[i], pick.gazetteer_id, pick.country
            wheres = (None,) if country is None else (None, country)
            for key in ((None, None), (name, None), (None, gid), (name, gid)):
                self.count[key] = self.count.get(key, 0) + 1
                for where in wheres:
                    cell = (key[0], key[1], where)
                    self.weight[cell] = self.weight.get(cell, 0) + w
            n = index.setdefault(id(pick), len(self.distinct))
            if n == len(self.distinct):
                self.distinct.append((pick, place, name, None))
            elif self.distinct[n][3] is None and name != self.distinct[n][2]:
                first_pick, first, who, _ = self.distinct[n]
                self.distinct[n] = (first_pick, first, who, place)
        # The distinct picks that are towns or parts of one, by latitude, each with what
        # `km_between` works out of its side once for all: (index, id, latitude, longitude,
        # latitude in radians, its cosine).
        towns = sorted((pick.lat, n) for n, (pick, *_) in enumerate(self.distinct)
                       if pick.feature in TOWN_FEATURES)
        self.town_lats = [lat for lat, _ in towns]
        self._town_rows: list[tuple[int, str, float, float, float, float]] = []
        for _, n in towns:
            pick = self.distinct[n][0]
            p = math.radians(pick.lat)
            self._town_rows.append((n, pick.gazetteer_id, pick.lat, pick.lon, p, math.cos(p)))

    def left(self, name: str | None, gid: str | None = None, country: str | None = None
             ) -> tuple[int, float]:
        """Votes and their weight once `name`'s are left out (of those for the pick `gid`,
        in `country`, when given)."""
        count, weight = self.count.get((None, gid), 0), self.weight.get((None, gid, country), 0)
        if name is None:  # no name left out
            return count, weight
        return (count - self.count.get((name, gid), 0),
                weight - self.weight.get((name, gid, country), 0))

    def left_indexes(self, name: str | None) -> list[int]:
        """Each pick some vote of another name gives (its index in `distinct`), in the order
        those votes come."""
        if name is None:
            return list(range(len(self.distinct)))
        firsts: list[tuple[int, int]] = []  # (place of its first vote left, index)
        for n, (_, first, who, other) in enumerate(self.distinct):
            place = first if who != name else other
            if place is not None:
                firsts.append((place, n))
        return [n for _, n in sorted(firsts)]

    def nearest_town(self, entry: PlaceEntry, kept: set[int], reach: float) -> float | None:
        """Kilometres from `entry` to the nearest town among the distinct picks `kept`
        (indexes), another place than the entry, at most `reach` degrees north or south
        of it; None when there is none."""
        lat, lon, gid = entry.lat, entry.lon, entry.gazetteer_id
        low = bisect_left(self.town_lats, lat - reach - _LAT_SLACK)
        high = bisect_right(self.town_lats, lat + reach + _LAT_SLACK)
        # `km_between` with the entry's side worked out once; the distance grows with the
        # haversine, so the nearest town is the one of least haversine.
        p1 = math.radians(lat)
        c1 = math.cos(p1)
        least: float | None = None
        for n, other, lat2, lon2, p2, c2 in self._town_rows[low:high]:
            if n in kept and other != gid and abs(lat2 - lat) <= reach:
                a = _haversine(p1, c1, p2, c2, lon2 - lon)
                if least is None or a < least:
                    least = a
        return None if least is None else _km_of(least)


@dataclass
class DocumentContext:
    """What the other place mentions of a document say: their countries and their places.
    `votes`: the round's Votes of these picks, shared by the contexts of its names."""

    picks: list[PlaceEntry | None]
    confidence: list[float]
    names: list[str]
    me: int = -1  # the mention whose candidates it ranks (those of one name share it)
    votes: Votes | None = None

    def __post_init__(self) -> None:
        # The voters: every other mention with a pick, less the repeats of this mention's
        # name, worked out from the round's totals once for all of this name's candidates.
        self._mine = self.names[self.me] if self.me >= 0 else None
        if self.votes is None:
            self.votes = Votes(self.picks, self.confidence, self.names)
        self._votes: Votes = self.votes
        self._count, self._total = self._votes.left(self._mine)
        self._kept = self._votes.left_indexes(self._mine)
        self._distinct = [self._votes.distinct[n][0] for n in self._kept]
        self._regions = [p for p in self._distinct if p.feature in REGION_FEATURES]
        self._kept_set = set(self._kept)

    def _shares(self, entry: PlaceEntry) -> tuple[bool, float, float]:
        """Whether other voters remain once the entry's own id is left out, their total
        weight and the weight in the entry's country."""
        votes, mine, gid, country = self._votes, self._mine, entry.gazetteer_id, entry.country
        same = votes.left(mine, None, country)[1] if country else 0
        own, own_weight = votes.left(mine, gid)
        if not own:
            return self._count > 0, self._total, same
        if country:
            same -= votes.left(mine, gid, country)[1]
        return self._count - own > 0, self._total - own_weight, same

    def features(self, entry: PlaceEntry, gaz: Gazetteer) -> dict[str, Any]:
        """The entry's agreement with the document's other picks (a name's repeats do not
        vote for it): share in its country, a region that contains it, places it contains,
        the nearest other place within `near_km`."""
        any_other, total, same = self._shares(entry)
        if not any_other or total <= 0:
            return {}
        out: dict[str, Any] = {"doc_country_share": same / total}
        gid = entry.gazetteer_id
        inside = next((p.name for p in self._regions
                       if p.gazetteer_id != gid and gaz.contains(p, entry)), None)
        if inside is not None:
            out["doc_inside"] = inside
        if entry.feature in ("country", "admin1", "admin2", "region"):
            holds = next((p.name for p in self._distinct
                          if p.gazetteer_id != gid and gaz.contains(entry, p)), None)
            if holds is not None:
                out["doc_contains"] = holds
        if entry.feature not in ("continent", "country", "region"):
            limit = table()["document"]["near_km"]
            # A place this many degrees north or south (a kilometre to spare) lies farther
            # than `limit`: its distance is not worked out.
            reach = math.degrees((limit + 1.0) / EARTH_KM)
            close = self._votes.nearest_town(entry, self._kept_set, reach)
            if close is not None and close <= limit:
                out["doc_near_km"] = close
        return out
