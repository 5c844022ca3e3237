"""Candidate generation: gazetteer entries a name may mean (exact, alternate, strict fuzzy)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from cronica.resolve.places.features import km_between
from cronica.resolve.places.index import PRIMARY, WHOLE
from cronica.resolve.places.mention import (
    PlaceMention,
    is_common_word,
    is_generic,
    is_particle,
    parse_mention,
    tail_words,
)
from cronica.resolve.places.settings import table
from cronica.resolve.places.spelling import skeleton
from cronica.text import name_key, place_keys

if TYPE_CHECKING:
    from cronica.record import Location
    from cronica.resolve.places.gazetteer import Gazetteer, PlaceEntry

_MATCH_ORDER = {"exact_name": 0, "exact_alt": 1, "exact_without_article": 2}


@dataclass
class Candidate:
    """A gazetteer entry proposed for a mention, with its string score and ranking features."""

    entry: PlaceEntry
    score: float
    features: dict[str, Any] = field(default_factory=dict)
    rank: float = 0.0
    terms: dict[str, float] = field(default_factory=dict)  # the rank, feature by feature

    def fresh(self) -> Candidate:
        """The candidate as generated: its name match only, no ranking features."""
        kept: dict[str, Any] = {k: self.features[k] for k in ("match", "key") if k in self.features}
        return Candidate(self.entry, self.score, kept)

    def copy(self) -> Candidate:
        """An equal candidate with its own features and terms (ranking writes into them)."""
        return Candidate(self.entry, self.score, dict(self.features), self.rank,
                         dict(self.terms))


def fuzzy_plausible(query: str, key: str) -> bool:
    """A fuzzy key must start like the query, be about as long, and not be the query less an
    adjectival ending ("syrian" is not "syria", "iraqi" not "iraq": demonyms are not
    toponyms)."""
    if query[0] != key[0] or abs(len(query) - len(key)) > 2:
        return False
    ending = query[len(key):] if query.startswith(key) else ""
    return not ending or not ending.endswith(("n", "i", "ese", "ish", "s"))


def generate(gaz: Gazetteer, name: str, limit: int) -> list[Candidate]:
    """Entries for a name: exact normalised matches (main name, alternate name, name less its
    article), else strict fuzzy ones; best string score first, then population."""
    settings = table()["candidates"]
    found: dict[str, Candidate] = {}
    for key in place_keys(name):
        rows = gaz.lookup(key)
        primary = {e.gazetteer_id for e, flags in rows if flags & PRIMARY}
        whole = {e.gazetteer_id for e, flags in rows if flags & WHOLE}
        for entry, _flags in rows:
            gid = entry.gazetteer_id
            match = ("exact_name" if gid in primary else "exact_alt") if gid in whole \
                else "exact_without_article"  # "La Cañada" is not "Canada"
            old = found.get(gid)
            if old is None or _MATCH_ORDER[match] < _MATCH_ORDER[old.features["match"]]:
                found[gid] = Candidate(entry, 100.0, {"match": match})
    query = name_key(name)
    if query and len(query) >= settings["fuzzy_min_length"] and not found:
        for key, score in gaz.fuzzy_keys(query, limit * 2, settings["fuzzy_cutoff"]):
            if not fuzzy_plausible(query, key):
                continue
            for entry, _flags in gaz.lookup(key):
                if entry.gazetteer_id not in found:
                    found[entry.gazetteer_id] = Candidate(
                        entry, score, {"match": "fuzzy", "key": key})
    ordered = sorted(found.values(), key=lambda c: (-c.score, -c.entry.population))
    return ordered[: max(limit, len([c for c in ordered if c.score == 100.0]))]


def for_mention(text: str, lang: str, gaz: Gazetteer) -> tuple[PlaceMention, list[Candidate]]:
    """The mention split from its descriptors, and its candidates: those of the whole text
    when the gazetteer knows it ("El Bab"), else those of the name less its descriptors.
    None for a name's article alone ("Al"), a common word or a generic place noun ("the
    Citadel")."""
    whole = name_key(text)
    mention = parse_mention(text, lang)
    if is_particle(text, lang) or is_common_word(text) or is_generic(mention.name, lang):
        return mention, []  # "Al", "the airport", "la Ciudadela": no one place by itself
    limit = table()["candidates"]["limit"]
    cands = gaz.candidates(text, limit=limit) if gaz.has_name(text) else []
    if cands:
        mention = PlaceMention(whole, context=mention.context, spelled=text.strip())
    else:
        cands = gaz.candidates(mention.name, limit=limit) if mention.name else []
        mention = replace(mention, spelled=tail_words(text.partition(",")[0],
                                                      len(mention.name.split())))
    return mention, cands


def with_spelling_variants(cands: list[Candidate], mention: PlaceMention, focus: str | None,
                           within: Location | None, gaz: Gazetteer) -> list[Candidate]:
    """`cands` plus the places spelled otherwise ("Yarabulus" = "Jarabulus", see
    places/spelling.py) near `within` (the ranking table's `within.local_km`) or, with no
    `within`, in the focus country, when no exact candidate lies there. A skeleton must be
    `min_skeleton` letters long to be looked for country-wide (short ones collide)."""
    settings = table()["candidates"]["spelling"]
    country = (within.country if within is not None else None) or focus
    if not country or not mention.name or any(
        c.score == 100.0 and c.entry.country == country
        and (within is None or _near(c.entry, within)) for c in cands
    ):
        return cands
    if within is None and len(skeleton(mention.name)) < settings["min_skeleton"]:
        return cands
    have = {c.entry.gazetteer_id for c in cands}
    query = name_key(mention.name)
    extra = [
        Candidate(entry, _closest(query, entry), {"match": "spelling_variant"})
        for entry in gaz.spelled_like(mention.name, country)
        if entry.gazetteer_id not in have and (within is None or _near(entry, within))
    ]
    return cands + sorted(extra, key=lambda c: -c.score)  # equal ranks: the closer spelling


def _closest(query: str, entry: PlaceEntry) -> float:
    """How like the query the entry's nearest name is written (rapidfuzz ratio)."""
    return max(fuzz.ratio(query, name_key(name)) for name in (entry.name, *entry.alt_names))


def _near(entry: PlaceEntry, within: Location) -> bool:
    if within.lat is None or within.lon is None:
        return False
    km = km_between(entry.lat, entry.lon, within.lat, within.lon)
    return entry.gazetteer_id != within.gazetteer_id and km <= table()["within"]["local_km"]
