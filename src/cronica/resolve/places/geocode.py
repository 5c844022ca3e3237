"""Place resolution put together: one mention, or all the place mentions of a document."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from cronica.record import Location
from cronica.resolve.places.candidates import Candidate, for_mention, with_spelling_variants
from cronica.resolve.places.choose import acceptable, choose
from cronica.resolve.places.features import DocumentContext, Votes
from cronica.resolve.places.gazetteer import Gazetteer, PlaceEntry
from cronica.resolve.places.mention import PlaceMention, descriptors
from cronica.resolve.places.ranking import rank
from cronica.resolve.places.settings import table
from cronica.text import fold

CONTAINER_WORDS = 4  # at most this many words name the place a landmark is in


def resolve_place_explained(
    text: str, lang: str, country_focus: str | None = None, within: Location | None = None,
    gazetteer: Gazetteer | None = None,
) -> tuple[Location | None, list[Candidate]]:
    """Resolve a mention and return the ranked candidates (with features) behind the choice.

    `within` is a place known to contain the mention ("los barrios del sureste de Alepo":
    the districts are in Aleppo): candidates inside it win, and a name the gazetteer does not
    know becomes that place with precision 2."""
    gaz = gazetteer or Gazetteer.load()
    mention, cands = for_mention(text, lang, gaz)
    if within is None and mention.context:
        within = resolve_place(mention.context, lang, country_focus, None, gaz)
    cands = with_spelling_variants(cands, mention, country_focus, within, gaz)
    ranked = rank(cands, mention, country_focus, within, gaz)
    return _chosen(text, lang, mention, ranked, country_focus, within, gaz), ranked


def _chosen(text: str, lang: str, mention: PlaceMention, ranked: list[Candidate],
            country_focus: str | None, within: Location | None, gaz: Gazetteer) -> (
    Location | None
):
    """`choose`, else, for a mention with no place around it, the place a landmark is
    named in (`in_named_place`); a village or town named after its noun is that name only."""
    found = choose(text, mention, ranked, within, gaz)
    if found is None and within is None and "city" not in mention.types:
        found = in_named_place(text, lang, country_focus, gaz)  # ("the village of X" is X)
    return found


def in_named_place(text: str, lang: str, country_focus: str | None,
                   gaz: Gazetteer) -> Location | None:
    """A landmark the gazetteer does not know, named with the place it is in ("la Plaza de
    la Perla de Manama", "the Grand Mosque of Aleppo"): that place, at precision 2."""
    words = text.split()
    links = frozenset(fold(w) for w in descriptors(lang).get("generic_of") or [])
    at = next((i for i in range(len(words) - 2, 0, -1) if fold(words[i]) in links), None)
    if at is None or not words[at + 1][:1].isupper() or len(words) - at - 1 > CONTAINER_WORDS:
        return None
    container = resolve_place(" ".join(words[at + 1:]), lang, country_focus, None, gaz)
    if container is None or container.lat is None:
        return None
    return replace(container, text=text, geo_precision=max(2, container.geo_precision or 2))


def resolve_place(
    text: str, lang: str, country_focus: str | None = None, within: Location | None = None,
    gazetteer: Gazetteer | None = None,
) -> Location | None:
    """The Location a place mention refers to, or None when the gazetteer has nothing fit."""
    return resolve_place_explained(text, lang, country_focus, within, gazetteer)[0]


def _picks(prepared: list[tuple[PlaceMention, list[Candidate]]],
           ranked: list[list[Candidate]]) -> tuple[list[PlaceEntry | None], list[float]]:
    """Each mention's current choice and how much it may vote (sure, unsure, none)."""
    doc = table()["document"]
    picks: list[PlaceEntry | None] = []
    confidence: list[float] = []
    for (mention, _c), cands in zip(prepared, ranked, strict=True):
        top = cands[0] if cands and acceptable(cands[0], mention, None) else None
        picks.append(top.entry if top else None)
        sure = len(cands) < 2 or cands[0].rank - cands[1].rank >= doc["sure_margin"]
        confidence.append(0.0 if top is None else 1.0 if sure else doc["unsure_weight"])
    return picks, confidence


Prepared = list[tuple[PlaceMention, list[Candidate]]]  # each mention and its candidates


def prepare_mentions(texts: list[str], lang: str, gazetteer: Gazetteer) -> Prepared:
    """Each mention taken apart and its candidates (`for_mention`), to resolve the same
    mentions more than once (for the country focus, then with it)."""
    return [for_mention(t, lang, gazetteer) for t in texts]


def resolve_places_explained(
    texts: list[str], lang: str, country_focus: str | None = None,
    gazetteer: Gazetteer | None = None, rounds: int | None = None,
    prepared: Prepared | None = None,
) -> list[tuple[Location | None, list[Candidate]]]:
    """Resolve all place mentions of one document together.

    Each mention is first ranked alone (name match, kind of place, population, country
    focus); then again with the document as context: the share of the other mentions in the
    candidate's country, a region of the document that contains it ("Santa Ana" with
    "California"), and other places of the document nearby. Candidates keep these features,
    so every choice can be explained. `prepared`: `prepare_mentions(texts, ...)` (its
    candidates are copied, not ranked in place)."""
    gaz = gazetteer or Gazetteer.load()
    # A text said again is ranked as its first mention was (same candidates, same context):
    # it gets a copy of that ranking. `first[i]`: the first mention of text i.
    seen: dict[str, int] = {}
    first = [seen.setdefault(text, i) for i, text in enumerate(texts)]
    if prepared is None:
        prepared = prepare_mentions(texts, lang, gaz)
    else:
        prepared = [(mention, [c.fresh() for c in cands] if first[i] == i else cands)
                    for i, (mention, cands) in enumerate(prepared)]
    prepared = [(m, with_spelling_variants(c, m, country_focus, None, gaz) if first[i] == i
                 else c) for i, (m, c) in enumerate(prepared)]
    names = [m.name for m, _ in prepared]
    ranked = _repeats_shared(first, (rank(c, m, country_focus, None, gaz) if first[i] == i
                                     else None for i, (m, c) in enumerate(prepared)))
    voted: tuple[list[PlaceEntry | None], list[float]] | None = None
    for _ in range(table()["document"]["rounds"] if rounds is None else rounds):
        picks, confidence = _picks(prepared, ranked)
        votes = (picks, confidence)
        if votes == voted:  # the same context ranks every candidate as the last round did
            break
        voted = votes
        contexts: dict[str, DocumentContext] = {}  # the mentions of one name share theirs
        round_votes = Votes(picks, confidence, names)  # added up once for all of them
        ranked = _repeats_shared(first, (
            (rank([c.fresh() for c in cands], mention, country_focus, None, gaz,
                  contexts.get(names[i]) or contexts.setdefault(
                      names[i], DocumentContext(picks, confidence, names, i, round_votes)))
             if cands else [])  # no candidate to rank: no context to work out
            if first[i] == i else None
            for i, ((mention, _c), cands) in enumerate(zip(prepared, ranked, strict=True))))
    # Each repeat gets its own copy of its first mention's ranking now, before the mentions
    # placed inside another (`within`) are ranked again, which writes into their candidates.
    ranked = [found if first[i] == i else [c.copy() for c in found]
              for i, found in enumerate(ranked)]
    out = []
    for text, (mention, _c), cands in zip(texts, prepared, ranked, strict=True):
        within = None
        if mention.context:
            within = resolve_place(mention.context, lang, country_focus, None, gaz)
            cands = rank(with_spelling_variants(cands, mention, country_focus, within, gaz),
                         mention, country_focus, within, gaz)
        out.append((_chosen(text, lang, mention, cands, country_focus, within, gaz), cands))
    return out


def _repeats_shared(
    first: list[int], ranked: Iterable[list[Candidate] | None]
) -> list[list[Candidate]]:
    """The rankings of the mentions, in order: each first mention of a text (`first[i] ==
    i`) gives its own, a repeat (None) shares its first mention's list (read, not ranked,
    while the rounds last; copied after them)."""
    out: list[list[Candidate]] = []
    for i, found in enumerate(ranked):
        out.append(found if found is not None else out[first[i]])
    return out


def resolve_places(
    texts: list[str], lang: str, country_focus: str | None = None,
    gazetteer: Gazetteer | None = None, prepared: Prepared | None = None,
) -> list[Location | None]:
    """The Location of each place mention of one document, resolved together (see
    resolve_places_explained)."""
    return [loc for loc, _ in resolve_places_explained(texts, lang, country_focus, gazetteer,
                                                       prepared=prepared)]


def document_country_focus(
    place_texts: list[str], lang: str = "es", gazetteer: Gazetteer | None = None,
    prepared: Prepared | None = None,
) -> str | None:
    """The country most of a document's resolved places belong to (first seen breaks ties).

    Continents and regions that span countries do not count; a country named outright counts
    `document.country_weight` of a place inside it (countries are often actors: "Rusia
    bombardeó" says little about where a Syrian story happens)."""
    gaz = gazetteer or Gazetteer.load()
    return country_focus_of(resolve_places(place_texts, lang, gazetteer=gaz, prepared=prepared),
                            gaz)


def country_focus_of(places: list[Location | None], gaz: Gazetteer) -> str | None:
    """The country focus of places already resolved without one (see
    `document_country_focus`)."""
    counts: dict[str, float] = {}
    weight = float(table()["document"]["country_weight"])
    for loc in places:
        if loc is not None and loc.country:
            entry = gaz.by_id.get(loc.gazetteer_id or "")
            country = entry is not None and entry.feature == "country"
            counts[loc.country] = counts.get(loc.country, 0.0) + (weight if country else 1.0)
    return max(counts, key=lambda c: counts[c]) if counts else None  # first seen on a tie
