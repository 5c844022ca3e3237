"""Place resolution: a place mention -> gazetteer entry -> Location (candidates, features, rank)."""

from __future__ import annotations

import csv
import math
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from cronica.record import InputError, Location
from cronica.resolve.text_keys import fold, place_keys

SUB_CITY = ("neighbourhood", "river", "road")
ADMIN = ("country", "admin1", "admin2", "admin3")
_FEATURE_PRIOR = {"city": 0.6, "country": 0.5, "admin1": 0.4, "admin2": 0.3, "admin3": 0.2,
                  "neighbourhood": 0.2, "river": 0.1, "road": 0.1}
FUZZY_CUTOFF = 84.0
FUZZY_ACCEPT = 88.0
LOCAL_KM = 30.0


def _data_path(name: str) -> Path:
    return Path(str(resources.files("cronica") / "data" / name))


@dataclass(frozen=True)
class PlaceEntry:
    """One gazetteer row."""

    gazetteer_id: str
    name: str
    alt_names: tuple[str, ...]
    feature: str
    country: str
    admin1: str
    admin2: str
    lat: float
    lon: float
    population: int = 0
    parent: str = ""
    source: str = ""


@dataclass
class Candidate:
    """A gazetteer entry proposed for a mention, with its string score and ranking features."""

    entry: PlaceEntry
    score: float
    features: dict[str, Any] = field(default_factory=dict)
    rank: float = 0.0


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def _read_rows(path: Path, user: bool) -> list[PlaceEntry]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise InputError(str(path), f"cannot read gazetteer: {exc}") from exc
    out = []
    for n, row in enumerate(rows, start=2):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
            name = row["name"].strip()
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(str(path), f"needs name, lat, lon ({exc})", line=n) from exc
        out.append(PlaceEntry(
            gazetteer_id=row.get("gazetteer_id") or f"user:{path.stem}:{n}", name=name,
            alt_names=tuple(a for a in (row.get("alt_names") or "").split("|") if a),
            feature=row.get("feature") or "city", country=row.get("country") or "",
            admin1=row.get("admin1") or "", admin2=row.get("admin2") or "", lat=lat, lon=lon,
            population=int(float(row.get("population") or 0)), parent=row.get("parent") or "",
            source=row.get("source") or ("user" if user else ""),
        ))
    return out


class Gazetteer:
    """Places with a name index (exact keys) and a fuzzy index over the same keys."""

    def __init__(self, entries: list[PlaceEntry]) -> None:
        self.entries = entries
        self.by_id = {e.gazetteer_id: e for e in entries}
        self._index: dict[str, list[PlaceEntry]] = {}
        for entry in entries:
            for name in (entry.name, *entry.alt_names):
                for key in place_keys(name):
                    bucket = self._index.setdefault(key, [])
                    if entry not in bucket:
                        bucket.append(entry)
        self._keys = list(self._index)
        self._memo: dict[tuple[str, int], list[Candidate]] = {}

    @classmethod
    def load(cls, extra: list[str] | None = None) -> Gazetteer:
        """The shipped gazetteer plus user CSVs (same columns; only name, lat, lon required)."""
        return _load_cached(tuple(extra or ()))

    def candidates(self, name: str, limit: int = 10) -> list[Candidate]:
        """Entries for a name: exact normalised matches, else fuzzy ones (memoised)."""
        memo_key = (name, limit)
        if memo_key not in self._memo:
            self._memo[memo_key] = self._candidates(name, limit)
        return list(self._memo[memo_key])

    def _candidates(self, name: str, limit: int) -> list[Candidate]:
        keys = place_keys(name)
        found: dict[str, Candidate] = {}
        for key in keys:
            for entry in self._index.get(key, []):
                found[entry.gazetteer_id] = Candidate(entry, 100.0, {"match": "exact"})
        query = fold(name)
        if query and len(query) >= 4 and not found:
            for key, score, _ in process.extract(query, self._keys, scorer=fuzz.ratio,
                                                 limit=limit * 2, score_cutoff=FUZZY_CUTOFF):
                for entry in self._index[key]:
                    if entry.gazetteer_id not in found:
                        found[entry.gazetteer_id] = Candidate(
                            entry, float(score), {"match": "fuzzy", "key": key})
        ordered = sorted(found.values(), key=lambda c: (-c.score, -c.entry.population))
        return ordered[: max(limit, len([c for c in ordered if c.score == 100.0]))]

    def parent_of(self, entry: PlaceEntry) -> PlaceEntry | None:
        """The containing city of a neighbourhood (or river, road), when known."""
        return self.by_id.get(entry.parent) if entry.parent else None

    def patterns(self, lang: str, countries: set[str] | None = None) -> list[dict[str, Any]]:
        """EntityRuler phrase patterns (label PLACE, id = gazetteer_id).

        Neighbourhoods, rivers and roads everywhere, plus cities and admin areas of
        `countries` (default: the countries that have neighbourhoods). Use a ruler with
        `phrase_matcher_attr="LOWER"`.
        """
        if countries is None:
            countries = {e.country for e in self.entries if e.feature == "neighbourhood"}
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        for entry in self.entries:
            wanted = entry.feature in SUB_CITY or (
                entry.country in countries and entry.feature in ("city", "admin1", "admin2"))
            if not wanted:
                continue
            for name in (entry.name, *entry.alt_names):
                if len(name) < 4 or not name.isascii() and not any(c.isalpha() for c in name):
                    continue
                item = (name.lower(), entry.gazetteer_id)
                if item not in seen:
                    seen.add(item)
                    out.append({"label": "PLACE", "pattern": name, "id": entry.gazetteer_id})
        return out


@lru_cache(maxsize=8)
def _load_cached(extra: tuple[str, ...]) -> Gazetteer:
    entries = _read_rows(_data_path("gazetteer.csv"), user=False)
    for path in extra:
        entries.extend(_read_rows(Path(path), user=True))
    return Gazetteer(entries)


@lru_cache(maxsize=4)
def _descriptors(lang: str) -> dict[str, Any]:
    data = yaml.safe_load(_data_path("place_descriptors.yaml").read_text(encoding="utf-8"))
    return data.get(lang) or data["en"]


@dataclass
class PlaceMention:
    """A mention split into its name and the words around it."""

    name: str
    relation: str | None = None  # part_of | near
    types: tuple[str, ...] = ()
    context: str | None = None  # "Hanano, Alepo" -> "Alepo"


def parse_mention(text: str, lang: str) -> PlaceMention:
    """Strip leading descriptors ("las afueras de", "distrito de") off a place mention."""
    desc = _descriptors(lang)
    head, _, context = text.partition(",")
    key = fold(head)
    relation: str | None = None
    types: list[str] = []
    phrases = [(fold(p), "part_of") for p in desc.get("part_of", [])]
    phrases += [(fold(p), "near") for p in desc.get("near", [])]
    phrases += [(fold(p), f"type:{t}") for t, ps in desc.get("types", {}).items() for p in ps]
    phrases += [(fold(p), "strip") for p in desc.get("strip", [])]
    phrases.sort(key=lambda item: -len(item[0]))
    changed = True
    while changed:
        changed = False
        for phrase, role in phrases:
            if key.startswith(phrase + " ") and len(key) > len(phrase) + 1:
                key = key[len(phrase) + 1:]
                if role.startswith("type:"):
                    types.append(role[5:])
                elif role != "strip":
                    relation = relation or role
                changed = True
                break
    return PlaceMention(key, relation, tuple(types), context.strip() or None)


def _rank(cands: list[Candidate], mention: PlaceMention, focus: str | None,
          within: Location | None, gaz: Gazetteer) -> list[Candidate]:
    for cand in cands:
        e = cand.entry
        f = cand.features
        f["country_match"] = bool(focus and e.country == focus)
        f["feature"] = e.feature
        f["population"] = e.population
        f["type_match"] = e.feature in mention.types or (
            "neighbourhood" in mention.types and e.feature in SUB_CITY)
        rank = 4 * cand.score / 100 + _FEATURE_PRIOR.get(e.feature, 0.1)
        rank += math.log10(e.population + 1) / 7 + (2 if f["country_match"] else 0)
        rank += 1.5 if f["type_match"] else 0
        rank += 0.5 if e.gazetteer_id.startswith("user:") else 0
        if within is not None and within.lat is not None and within.lon is not None:
            km = km_between(e.lat, e.lon, within.lat, within.lon)
            f["km_from_within"] = round(km, 1)
            inside = (within.gazetteer_id and e.parent == within.gazetteer_id) or km <= LOCAL_KM
            f["inside_within"] = bool(inside)
            rank += 3 if inside else (-3 if km > 100 else 0)
        cand.rank = rank
    return sorted(cands, key=lambda c: -c.rank)


def _acceptable(cand: Candidate, mention: PlaceMention, within: Location | None,
                focus: str | None) -> bool:
    if within is not None and "neighbourhood" in mention.types:
        if not cand.features.get("inside_within", False):
            return False
    if cand.score >= FUZZY_ACCEPT:
        return True
    return bool(cand.features.get("inside_within") or cand.features.get("country_match"))


def _location(text: str, cand: Candidate, mention: PlaceMention, gaz: Gazetteer) -> Location:
    e = cand.entry
    parent = gaz.parent_of(e)
    canonical = f"{e.name}, {parent.name}" if parent and e.feature in SUB_CITY else e.name
    if mention.relation:
        precision = 2
    elif e.feature in ADMIN:
        precision = 3
    else:
        precision = 1
    return Location(
        text=text, canonical=canonical, admin1=e.admin1 or None, admin2=e.admin2 or None,
        country=e.country or None, lat=e.lat, lon=e.lon, geo_precision=precision,
        gazetteer_id=e.gazetteer_id,
    )


def resolve_place_explained(
    text: str, lang: str, country_focus: str | None = None, within: Location | None = None,
    gazetteer: Gazetteer | None = None,
) -> tuple[Location | None, list[Candidate]]:
    """Resolve a mention and return the ranked candidates (with features) behind the choice."""
    gaz = gazetteer or Gazetteer.load()
    whole = fold(text)
    mention = parse_mention(text, lang)
    if within is None and mention.context:
        within = resolve_place(mention.context, lang, country_focus, None, gaz)
    cands = gaz.candidates(text, limit=15) if whole and gaz._index.get(whole) else []
    if cands:
        mention = PlaceMention(whole, context=mention.context)
    else:
        cands = gaz.candidates(mention.name, limit=15)
    ranked = _rank(cands, mention, country_focus, within, gaz)
    for cand in ranked:
        if _acceptable(cand, mention, within, country_focus):
            return _location(text, cand, mention, gaz), ranked
    if within is not None:
        return replace(within, text=text, geo_precision=max(2, within.geo_precision or 2)), ranked
    return None, ranked


def resolve_place(
    text: str, lang: str, country_focus: str | None = None, within: Location | None = None,
    gazetteer: Gazetteer | None = None,
) -> Location | None:
    """The Location a place mention refers to, or None when the gazetteer has nothing fit."""
    return resolve_place_explained(text, lang, country_focus, within, gazetteer)[0]


def document_country_focus(
    place_texts: list[str], lang: str = "es", gazetteer: Gazetteer | None = None,
) -> str | None:
    """The country most of a document's resolved places belong to (first seen breaks ties)."""
    counts: Counter[str] = Counter()
    for text in place_texts:
        loc = resolve_place(text, lang, gazetteer=gazetteer)
        if loc is not None and loc.country:
            counts[loc.country] += 1
    return counts.most_common(1)[0][0] if counts else None
