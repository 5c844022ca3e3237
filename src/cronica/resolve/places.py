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

from rapidfuzz import fuzz, process

from cronica.lang import pack, packs
from cronica.record import InputError, Location
from cronica.text import name_key, place_keys

SUB_CITY = ("neighbourhood", "river", "road")
ADMIN = ("continent", "region", "country", "admin1", "admin2", "admin3")
_FEATURE_PRIOR = {"continent": 2.2, "country": 2.2, "region": 1.6, "admin1": 1.4,
                  "city": 0.6, "admin2": 0.4, "admin3": 0.2, "neighbourhood": 0.2,
                  "river": 0.1, "road": 0.1}
FUZZY_CUTOFF = 88.0  # a fuzzy key must score this (rapidfuzz ratio) to be a candidate
FUZZY_ACCEPT = 94.0  # ... and this to be accepted without support from context
FUZZY_MIN_LEN = 5
LOCAL_KM = 30.0
NEAR_KM = 250.0  # "nearby places already resolved" in a document


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
        self._primary: dict[str, set[str]] = {}  # key -> ids whose main name gives that key
        self._whole: dict[str, set[str]] = {}  # key -> ids with a name giving it unshortened
        for entry in entries:
            for n, name in enumerate((entry.name, *entry.alt_names)):
                full = name_key(name)
                for key in place_keys(name):
                    bucket = self._index.setdefault(key, [])
                    if entry not in bucket:
                        bucket.append(entry)
                    if n == 0:
                        self._primary.setdefault(key, set()).add(entry.gazetteer_id)
                    if key in (full, full.replace(" ", "")):
                        self._whole.setdefault(key, set()).add(entry.gazetteer_id)
        self._keys = list(self._index)
        self._shadowed = self._shadowed_regions()
        self._memo: dict[tuple[str, int], list[Candidate]] = {}

    def _shadowed_regions(self) -> set[str]:
        """Regions named like a city of theirs ("Aleppo" governorate, "New York" state): a
        bare mention of such a name means the city."""
        cities = {(name_key(e.name), e.country) for e in self.entries if e.feature == "city"
                  and e.population >= 50_000 or e.feature == "city" and e.source != "GeoNames"}
        return {e.gazetteer_id for e in self.entries
                if e.feature in ("admin1", "admin2", "admin3") and (name_key(e.name), e.country)
                in cities}

    @classmethod
    def load(cls, extra: list[str] | None = None) -> Gazetteer:
        """The shipped gazetteer plus user CSVs (same columns; only name, lat, lon required)."""
        return _load_cached(tuple(extra or ()))

    def candidates(self, name: str, limit: int = 10) -> list[Candidate]:
        """Entries for a name: exact normalised matches, else fuzzy ones (memoised)."""
        memo_key = (name, limit)
        if memo_key not in self._memo:
            self._memo[memo_key] = self._candidates(name, limit)
        return [Candidate(c.entry, c.score, dict(c.features)) for c in self._memo[memo_key]]

    def _candidates(self, name: str, limit: int) -> list[Candidate]:
        keys = place_keys(name)
        found: dict[str, Candidate] = {}
        order = {"exact_name": 0, "exact_alt": 1, "exact_without_article": 2}
        for key in keys:
            primary = self._primary.get(key, set())
            whole = self._whole.get(key, set())
            for entry in self._index.get(key, []):
                gid = entry.gazetteer_id
                match = ("exact_name" if gid in primary else "exact_alt") if gid in whole \
                    else "exact_without_article"  # "La Cañada" is not "Canada"
                old = found.get(gid)
                if old is None or order[match] < order[old.features["match"]]:
                    found[gid] = Candidate(entry, 100.0, {"match": match})
        query = name_key(name)
        if query and len(query) >= FUZZY_MIN_LEN and not found:
            for key, score, _ in process.extract(query, self._keys, scorer=fuzz.ratio,
                                                 limit=limit * 2, score_cutoff=FUZZY_CUTOFF):
                if not _fuzzy_plausible(query, key):
                    continue
                for entry in self._index[key]:
                    if entry.gazetteer_id not in found:
                        found[entry.gazetteer_id] = Candidate(
                            entry, float(score), {"match": "fuzzy", "key": key})
        ordered = sorted(found.values(), key=lambda c: (-c.score, -c.entry.population))
        return ordered[: max(limit, len([c for c in ordered if c.score == 100.0]))]

    def parent_of(self, entry: PlaceEntry) -> PlaceEntry | None:
        """The containing city of a neighbourhood (or river, road), when known."""
        return self.by_id.get(entry.parent) if entry.parent else None

    def contains(self, outer: PlaceEntry, inner: PlaceEntry) -> bool:
        """Whether `inner` lies in `outer` by the table's hierarchy (parent, admin, country)."""
        if inner.gazetteer_id == outer.gazetteer_id:
            return False
        if inner.parent and inner.parent == outer.gazetteer_id:
            return True
        if outer.feature == "country":
            return bool(inner.country) and inner.country == outer.country
        if outer.feature == "admin1":
            return inner.country == outer.country and bool(inner.admin1) and \
                name_key(inner.admin1) == name_key(outer.admin1 or outer.name)
        if outer.feature == "admin2":
            return inner.country == outer.country and bool(inner.admin2) and \
                name_key(inner.admin2) == name_key(outer.admin2 or outer.name)
        return False

    def patterns(self, lang: str, countries: set[str] | None = None) -> list[dict[str, Any]]:
        """EntityRuler phrase patterns (label PLACE, id = gazetteer_id).

        Neighbourhoods, rivers and roads everywhere, plus cities and admin areas of
        `countries` (default: the countries that have neighbourhoods). Use a ruler with
        `phrase_matcher_attr="LOWER"`; names that are also common words of the language
        ("granada", "mina") are left out.
        """
        if countries is None:
            countries = {e.country for e in self.entries if e.feature == "neighbourhood"}
        common = _common_words(lang)
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
                if name_key(name) in common:
                    continue
                item = (name.lower(), entry.gazetteer_id)
                if item not in seen:
                    seen.add(item)
                    out.append({"label": "PLACE", "pattern": name, "id": entry.gazetteer_id})
        return out


def _fuzzy_plausible(query: str, key: str) -> bool:
    """A fuzzy key must start like the query, be about as long, and not be the query less an
    adjectival ending ("syrian" is not "syria", "iraqi" not "iraq": demonyms are not
    toponyms)."""
    if query[0] != key[0] or abs(len(query) - len(key)) > 2:
        return False
    ending = query[len(key):] if query.startswith(key) else ""
    return not ending or not ending.endswith(("n", "i", "ese", "ish", "s"))


@lru_cache(maxsize=4)
def _common_words(lang: str) -> frozenset[str]:
    words = _descriptors(lang).get("not_places") or []
    return frozenset(name_key(w) for w in words)


def _gazetteer_files() -> list[Path]:
    """The shipped tables: gazetteer.csv, gazetteer_2.csv, ... in that order."""
    folder = _data_path("gazetteer.csv").parent
    parts = sorted(folder.glob("gazetteer_*.csv"), key=lambda p: (len(p.name), p.name))
    return [folder / "gazetteer.csv", *parts]


@lru_cache(maxsize=8)
def _load_cached(extra: tuple[str, ...]) -> Gazetteer:
    entries: list[PlaceEntry] = []
    for path in _gazetteer_files():
        entries.extend(_read_rows(path, user=False))
    for path in extra:
        entries.extend(_read_rows(Path(path), user=True))
    return Gazetteer(entries)


@lru_cache(maxsize=4)
def _descriptors(lang: str) -> dict[str, Any]:
    """The place words of a language pack (lang/<code>/places.yaml)."""
    return pack(lang).lexicon("places")


@dataclass
class PlaceMention:
    """A mention split into its name and the words around it."""

    name: str
    relation: str | None = None  # part_of | near
    types: tuple[str, ...] = ()
    context: str | None = None  # "Hanano, Alepo" -> "Alepo"
    spelled: str | None = None  # the name as written, accents and all


def parse_mention(text: str, lang: str) -> PlaceMention:
    """Strip leading descriptors ("las afueras de", "distrito de") off a place mention."""
    desc = _descriptors(lang)
    head, _, context = text.partition(",")
    key = name_key(head)
    relation: str | None = None
    types: list[str] = []
    phrases = [(name_key(p), "part_of") for p in desc.get("part_of", [])]
    phrases += [(name_key(p), "near") for p in desc.get("near", [])]
    phrases += [(name_key(p), f"type:{t}") for t, ps in desc.get("types", {}).items() for p in ps]
    phrases += [(name_key(p), "strip") for p in desc.get("strip", [])]
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
          within: Location | None, gaz: Gazetteer,
          context: _DocumentContext | None = None) -> list[Candidate]:
    """Score each candidate from its features (kept on the candidate to explain the choice)."""
    spelled = mention.spelled.casefold() if mention.spelled else None
    for cand in cands:
        e = cand.entry
        f = cand.features
        f["country_match"] = bool(focus and e.country == focus)
        f["feature"] = e.feature
        f["population"] = e.population
        f["type_match"] = e.feature in mention.types or (
            "neighbourhood" in mention.types and e.feature in SUB_CITY) or (
            "admin1" in mention.types and e.feature in ("admin1", "region"))
        f["region_named_like_its_city"] = e.gazetteer_id in gaz._shadowed
        f["same_spelling"] = spelled is not None and any(
            n.casefold() == spelled for n in (e.name, *e.alt_names))
        if f["match"] == "fuzzy":
            rank = 4 * cand.score / 100 - 1.0
        else:
            rank = 4.0 + {"exact_name": 0.3, "exact_without_article": -1.5}.get(f["match"], 0)
        rank += 0.4 if f["same_spelling"] else 0.0
        rank += _FEATURE_PRIOR.get(e.feature, 0.1)
        rank += math.log10(e.population + 1) / 4 + (2 if f["country_match"] else 0)
        rank += 1.5 if f["type_match"] else 0
        rank += 0.5 if e.gazetteer_id.startswith("user:") else 0
        if f["region_named_like_its_city"] and not f["type_match"]:
            rank -= 1.5
        if within is not None and within.lat is not None and within.lon is not None:
            km = km_between(e.lat, e.lon, within.lat, within.lon)
            f["km_from_within"] = round(km, 1)
            inside = (within.gazetteer_id and e.parent == within.gazetteer_id) or km <= LOCAL_KM
            f["inside_within"] = bool(inside)
            rank += 3 if inside else (-3 if km > 100 else 0)
        if context is not None:
            rank += context.score(cand, gaz)
        cand.rank = rank
    return sorted(cands, key=lambda c: -c.rank)


def _acceptable(cand: Candidate, mention: PlaceMention, within: Location | None,
                focus: str | None) -> bool:
    if within is not None and "neighbourhood" in mention.types:
        if not cand.features.get("inside_within", False):
            return False
    if cand.score >= FUZZY_ACCEPT:
        return True
    return bool(cand.features.get("inside_within") or cand.features.get("country_match")
                or cand.features.get("doc_country_share", 0) >= 0.3
                or cand.features.get("doc_near_km") is not None)


def _location(text: str, cand: Candidate, mention: PlaceMention, gaz: Gazetteer) -> Location:
    e = cand.entry
    parent = gaz.parent_of(e)
    canonical = f"{e.name}, {parent.name}" if parent and e.feature in SUB_CITY else e.name
    if e.feature in ADMIN:
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


def _is_common_word(text: str, lang: str) -> bool:
    """Lower-case words are not names ("granada" is a grenade, "mina" a landmine), nor are
    demonyms ("sirio", "Syrian")."""
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isascii() or c in "áéíóúüñç" for c in letters) and \
            not any(c.isupper() for c in letters):
        return True
    return name_key(text) in _demonyms()


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Adjectives of nationality of every language pack: never toponyms."""
    return frozenset(
        name_key(w) for p in packs().values() for w in p.lexicon("places").get("demonym_words", [])
    )


def _prepare(text: str, lang: str, gaz: Gazetteer) -> tuple[PlaceMention, list[Candidate]]:
    """The mention split from its descriptors, and its gazetteer candidates."""
    whole = name_key(text)
    mention = parse_mention(text, lang)
    if not whole or _is_common_word(text, lang):
        return mention, []
    cands = gaz.candidates(text, limit=15) if gaz._index.get(whole) or any(
        gaz._index.get(k) for k in place_keys(text)) else []
    if cands:
        mention = PlaceMention(whole, context=mention.context, spelled=text.strip())
    else:
        cands = gaz.candidates(mention.name, limit=15) if mention.name else []
        mention = replace(mention, spelled=_tail_words(text.partition(",")[0],
                                                         len(mention.name.split())))
    return mention, cands


def _tail_words(text: str, n: int) -> str:
    """The last `n` words of a mention as written ("la provincia de Alepo" -> "Alepo")."""
    words = text.split()
    return " ".join(words[-n:]) if n else ""


def _choose(text: str, lang: str, mention: PlaceMention, ranked: list[Candidate],
            focus: str | None, within: Location | None, gaz: Gazetteer) -> Location | None:
    for cand in ranked:
        if _acceptable(cand, mention, within, focus):
            return _location(text, cand, mention, gaz)
    if within is not None:
        return replace(within, text=text, geo_precision=max(2, within.geo_precision or 2))
    return None


def resolve_place_explained(
    text: str, lang: str, country_focus: str | None = None, within: Location | None = None,
    gazetteer: Gazetteer | None = None,
) -> tuple[Location | None, list[Candidate]]:
    """Resolve a mention and return the ranked candidates (with features) behind the choice.

    `within` is a place known to contain the mention ("los barrios del sureste de Alepo":
    the districts are in Aleppo): candidates inside it win, and a name the gazetteer does not
    know becomes that place with precision 2."""
    gaz = gazetteer or Gazetteer.load()
    mention, cands = _prepare(text, lang, gaz)
    if within is None and mention.context:
        within = resolve_place(mention.context, lang, country_focus, None, gaz)
    ranked = _rank(cands, mention, country_focus, within, gaz)
    return _choose(text, lang, mention, ranked, country_focus, within, gaz), ranked


def resolve_place(
    text: str, lang: str, country_focus: str | None = None, within: Location | None = None,
    gazetteer: Gazetteer | None = None,
) -> Location | None:
    """The Location a place mention refers to, or None when the gazetteer has nothing fit."""
    return resolve_place_explained(text, lang, country_focus, within, gazetteer)[0]


@dataclass
class _DocumentContext:
    """What the other place mentions of a document say: their countries and their places."""

    picks: list[PlaceEntry | None]
    confidence: list[float]
    names: list[str]
    me: int = -1

    def score(self, cand: Candidate, gaz: Gazetteer) -> float:
        """Bonus for a candidate agreeing with the rest of the document (features recorded)."""
        e, f = cand.entry, cand.features
        mine = self.names[self.me] if self.me >= 0 else None
        others = [(p, w) for i, (p, w) in enumerate(zip(self.picks, self.confidence,
                                                         strict=True))
                  if i != self.me and p is not None and p.gazetteer_id != e.gazetteer_id
                  and self.names[i] != mine]  # a name's repeats do not vote for it
        total = sum(w for _, w in others)
        if not others or total <= 0:
            return 0.0
        same = sum(w for p, w in others if e.country and p.country == e.country)
        share = same / total
        f["doc_country_share"] = round(share, 2)
        bonus = 2.5 * share
        inside = [p.name for p, _ in others if p.feature in ("admin1", "admin2", "region")
                  and gaz.contains(p, e)]
        if inside:
            f["doc_inside"] = inside[0]
            bonus += 1.0
        holds = [p.name for p, _ in others if gaz.contains(e, p)]
        if holds and e.feature in ("country", "admin1", "admin2", "region"):
            f["doc_contains"] = holds[0]
            bonus += 1.0
        if e.feature not in ("continent", "country", "region"):
            near = [km_between(e.lat, e.lon, p.lat, p.lon) for p, _ in others
                    if p.feature in ("city", *SUB_CITY)]
            close = min(near, default=None)
            if close is not None and close <= NEAR_KM:
                f["doc_near_km"] = round(close, 1)
                bonus += 1.0
        return bonus


def resolve_places_explained(
    texts: list[str], lang: str, country_focus: str | None = None,
    gazetteer: Gazetteer | None = None, rounds: int = 2,
) -> list[tuple[Location | None, list[Candidate]]]:
    """Resolve all place mentions of one document together.

    Each mention is first ranked alone (name match, kind of place, population, country
    focus); then again with the document as context: the share of the other mentions in the
    candidate's country, a region of the document that contains it ("Santa Ana" with
    "California"), and other places of the document within NEAR_KM. Candidates keep these
    features, so every choice can be explained."""
    gaz = gazetteer or Gazetteer.load()
    prepared = [_prepare(t, lang, gaz) for t in texts]
    ranked = [_rank(c, m, country_focus, None, gaz) for m, c in prepared]
    for _ in range(rounds):
        picks: list[PlaceEntry | None] = []
        confidence: list[float] = []
        for (mention, _c), cands in zip(prepared, ranked, strict=True):
            top = cands[0] if cands and _acceptable(cands[0], mention, None, country_focus) \
                else None
            picks.append(top.entry if top else None)
            margin = cands[0].rank - cands[1].rank if len(cands) > 1 else 3.0
            confidence.append(0.0 if top is None else 1.0 if margin >= 1.0 else 0.5)
        ranked = []
        for i, (mention, cands) in enumerate(prepared):
            context = _DocumentContext(picks, confidence, [m.name for m, _ in prepared], me=i)
            fresh = [Candidate(c.entry, c.score, {"match": c.features["match"],
                                                  **({"key": c.features["key"]}
                                                     if "key" in c.features else {})})
                     for c in cands]
            ranked.append(_rank(fresh, mention, country_focus, None, gaz, context))
    out = []
    for text, (mention, _c), cands in zip(texts, prepared, ranked, strict=True):
        within = None
        if mention.context:
            within = resolve_place(mention.context, lang, country_focus, None, gaz)
            cands = _rank(cands, mention, country_focus, within, gaz)
        out.append((_choose(text, lang, mention, cands, country_focus, within, gaz), cands))
    return out


def resolve_places(
    texts: list[str], lang: str, country_focus: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[Location | None]:
    """The Location of each place mention of one document, resolved together (see
    resolve_places_explained)."""
    return [loc for loc, _ in resolve_places_explained(texts, lang, country_focus, gazetteer)]


def document_country_focus(
    place_texts: list[str], lang: str = "es", gazetteer: Gazetteer | None = None,
) -> str | None:
    """The country most of a document's resolved places belong to (first seen breaks ties).

    Continents and regions that span countries do not count; a country named outright
    counts like any of its places."""
    counts: Counter[str] = Counter()
    gaz = gazetteer or Gazetteer.load()
    for loc in resolve_places(place_texts, lang, gazetteer=gaz):
        if loc is not None and loc.country:
            counts[loc.country] += 1
    return counts.most_common(1)[0][0] if counts else None
