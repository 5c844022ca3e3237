"""The place an argument token names, resolved with the story's context.

Names resolved together with the document's other places are reused; a district ("el
distrito de X", "two districts, X and Y") is looked up inside the story's city; an event with
no place of its own that resolves takes the story's city, as a ranked candidate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from spacy.tokens import Span, Token

from cronica.events.syntax import (
    PLACE_LABELS,
    entity_of,
    morph_values,
    name_span,
    nominal_head,
    phrase,
    words,
)
from cronica.link.compare import NARRATIVE_PLACE
from cronica.readings import children_of, kept_reading, sentence_of, tokens_of
from cronica.record import Event, Location
from cronica.resolve.actors import countries_named
from cronica.resolve.places import (
    choose_event_place,
    entry_location,
    parse_mention,
    resolve_place,
    settlement_nouns,
)
from cronica.resolve.places.mention import descriptors
from cronica.story import Story
from cronica.text import fold

LISTING_DEPTH = 4  # how far up a list of names ("X, Y and Z") its noun may be


def listing_noun(token: Token) -> Token | None:
    """The common noun a name is listed under ("two districts, X and Y" -> districts)."""
    current = token
    for _ in range(LISTING_DEPTH):
        if current.dep_ not in ("conj", "appos") or current.head.i == current.i:
            break
        current = current.head
    if current.dep_ in ("nmod", "pobj"):  # "los barrios de X, Y", "the districts of X and Y"
        head = nominal_head(current)
        if head.pos_ == "NOUN":
            return head
    return current if current is not token and current.pos_ == "NOUN" else None


def _texts(story: Story, token: Token) -> list[str]:
    """The texts a place token may be known by: its entity or name, else its phrase first."""
    ent = entity_of(token)
    if ent is not None and ent.label_ in PLACE_LABELS:
        return [ent.text]
    if token.pos_ == "PROPN":  # a mislabelled entity ("Asuncion (Asuncion") or a name
        names = [ent.text, name_span(token).text] if ent is not None else [name_span(token).text]
        return list(dict.fromkeys(names))
    texts = [phrase(token).text]  # "las afueras de Tal Afar": phrase first, then the name
    inner = story.reader.named_inside(token)
    if inner is not token:
        texts.append((entity_of(inner) or name_span(inner)).text)
    return texts


def token_place(story: Story, token: Token) -> Location:
    """Resolve a place token (a Location with only its text when nothing resolves)."""
    texts = _texts(story, token)
    listed_in = listing_noun(token)
    for text in texts:
        described = f"{listed_in.text} {text}" if listed_in is not None else text
        district = "neighbourhood" in parse_mention(described, story.lang).types
        # a district is looked for in the story's city, whatever the document-wide guess
        loc = None if district and story.city() is not None else story.places.get(text)
        if loc is None:
            within = None
            if district:
                within = story.city()
            else:
                described = text
            loc = resolve_place(
                described,  # the district word makes the resolver look inside the city
                story.lang,
                country_focus=story.reader.country_focus,
                within=within,
                gazetteer=story.gazetteer,
            )
            if loc is not None:
                loc.text = text
                named = token.pos_ == "PROPN" or entity_of(token) is not None
                if within is not None and named and _is_city_of(loc, within):
                    loc = _unknown_district(text, loc)
        if loc is not None:
            loc = _in_sentence_country(story, token, text, loc)
            if (loc.geo_precision or 1) < 2 and _part_named(story, token):
                loc = replace(loc, geo_precision=2)  # "east of Khanasir": near, not at it
            return loc
    antecedent = _town_named_before(story, token)
    if antecedent is not None:
        return replace(antecedent, text=texts[0])
    if token.pos_ == "NOUN" and _owned_by_actor(story, token):
        return Location(text=token.text)  # "las posiciones del Ejército": no place's name
    return Location(text=texts[0])


def _owned_by_actor(story: Story, noun: Token) -> bool:
    """ "las posiciones del Ejército", "the positions of the army": the name after the noun
    is its owner's, an actor the dictionary knows, so the phrase names no place."""
    owners = [c for c in children_of(noun) if c.pos_ == "PROPN"] + [
        g for c in children_of(noun) if c.dep_ == "prep" for g in children_of(c) if g.dep_ == "pobj"
    ]
    known = any(story.reader.known_actor(o) for o in owners)
    return known and not any(story.reader.taken_place(o) for o in owners)


def _in_sentence_country(story: Story, token: Token, text: str, loc: Location) -> Location:
    """A place resolved in another country than the only one its sentence names as a setting
    ("En Al Bayda, ... según un diario libio": Libya's Al Bayda, not Yemen's) is looked for
    again in that country, and taken when found there."""
    if loc.country is None:
        return loc
    named = _setting_countries(story, sentence_of(token))  # a walk: only when it may count
    if len(named) != 1 or loc.country in named:
        return loc
    again = resolve_place(text, story.lang, country_focus=next(iter(named)),
                          gazetteer=story.gazetteer)  # fmt: skip
    if again is None or again.country not in named or again.lat is None:
        return loc
    again.text = text
    return again


def _setting_countries(story: Story, sent: Span) -> set[str]:
    """The countries a sentence names other than through who acts: not "fuerzas rusas",
    "Rusia bombardeó" (an actor's country says nothing of where), but "un diario libio"."""
    found: set[str] = set()
    for tok in tokens_of(sent):
        if not tok.text[:1].isalpha() or tok.pos_ not in ("ADJ", "PROPN"):
            continue
        countries = countries_named(tok.text, story.lang)
        if not countries:
            continue
        described = tok.head if tok.pos_ == "ADJ" else tok
        if story.reader.actor_of(described) is not None or described.dep_ in ACTING_DEPS:
            continue
        found |= countries
    return found


ACTING_DEPS = ("nsubj", "nsubj:pass", "nsubjpass", "agent", "obl:agent")


@cache
def _part_phrases(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The pack's `part_of` and `near` phrases (folded), and their core words ("este",
    "east", "afueras"), read once per language."""
    found = descriptors(lang)
    phrases = frozenset(fold(p) for key in ("part_of", "near") for p in found.get(key) or [])
    return phrases, frozenset(p.split()[-2] for p in phrases if len(p.split()) > 1)


def _part_named(story: Story, token: Token) -> bool:
    """A name said with a part or a direction of it ("east of Khanasir", "al este de
    Alepo", "the outskirts of X"): the pack's `part_of` and `near` phrases before it."""
    phrases, cores = _part_phrases(story.lang)
    head, steps = token.head, 0
    while steps < 3 and head.i != head.head.i and head.i < token.i:
        if head.pos_ == "ADP":  # English: "east" <- "of" <- name
            head = head.head
            continue
        words_before = " ".join(fold(t.text) for t in token.doc[head.left_edge.i : token.i])
        if any(words_before == p or words_before.endswith(" " + p) for p in phrases):
            return True
        if fold(head.text) in cores:  # "del este de la ciudad de Alepo": through the town
            return True
        head, steps = head.head, steps + 1
    return False


def _town_named_before(story: Story, token: Token) -> Location | None:
    """The town a definite town noun stands for: the nearest town named before it in its
    sentence ("un médico de Misrata afirmó que la ciudad había sido bombardeada", "a doctor
    from Misrata said the town had been shelled"), else the one the sentence before told of
    ("a village near X" placed near X), else the town it named ("La ciudad de Ajtarin fue
    tomada. Dos días después, el EI recuperó la ciudad"), not the story's most named city."""
    if token.pos_ != "NOUN" or fold(token.lemma_) not in settlement_nouns(story.lang):
        return None
    articles = words(story.lang, "definite_articles")
    if not any(c.dep_ == "det" and fold(c.text) in articles for c in children_of(token)):
        return None
    sent = sentence_of(token)
    own = _town_among(story, reversed(sent[: token.i - sent.start]))
    if own is not None or sent.start == 0:
        return own
    before = sentence_of(token.doc[sent.start - 1])
    return _placed_before(story, token, before) or _town_among(story, reversed(list(before)))


def _placed_before(story: Story, token: Token, before: Span) -> Location | None:
    """ "ISIL took a village near al-Hamam Mountain. The army retook the village": the
    definite noun is the indefinite one of the sentence before, where that sentence's event
    was placed (near the mountain), not the story's most named city."""
    lemma = fold(token.lemma_)
    if not any(t.pos_ == "NOUN" and fold(t.lemma_) == lemma and _indefinite(t) for t in before):
        return None
    record = kept_reading(before)  # a sentence not read (blank) has none
    index = record.index if record is not None else None
    placed = [ev.location for ev in story.last_events if ev.sentence_index == index
              and ev.location is not None and ev.location.lat is not None]  # fmt: skip
    return placed[0] if len(placed) == 1 else None


def _indefinite(noun: Token) -> bool:
    return any(c.dep_ == "det" and "Ind" in morph_values(c, "Definite") for c in children_of(noun))


def _town_among(story: Story, tokens: Iterable[Token]) -> Location | None:
    """The first town named among `tokens` (walked in the order given)."""
    for before in tokens:
        ent = entity_of(before)
        if ent is None or ent.root.i != before.i:
            continue
        if ent.label_ not in PLACE_LABELS and (  # a town the model took for a group or person
            not story.reader.known_place(ent.text) or story.reader.actor_of(before) is not None
        ):
            continue
        loc = story.places.get(ent.text)
        if loc is None:
            loc = resolve_place(ent.text, story.lang, story.reader.country_focus,
                                gazetteer=story.gazetteer)  # fmt: skip
        entry = story.gazetteer.by_id.get(loc.gazetteer_id or "") if loc is not None else None
        if entry is not None and entry.feature == "city":
            return loc
        if loc is not None and loc.country:  # a province named as its capital ("Misrata")
            town = next((c.entry for c in story.gazetteer.candidates(ent.text, limit=5)
                         if c.score >= 100 and c.entry.feature == "city"
                         and c.entry.country == loc.country), None)  # fmt: skip
            if town is not None:
                return entry_location(town)
    return None


COUNTRY_PLACE_RULE = "place:story-country"  # an event placed only by its document's country
LINE_FEATURES = ("river",)  # gazetteer features that run through many places


def _is_city_of(loc: Location, city: Location) -> bool:
    """The resolver fell back to the city itself (the district is not in the gazetteer)."""
    return loc.gazetteer_id is not None and loc.gazetteer_id == city.gazetteer_id


def _unknown_district(name: str, city: Location) -> Location:
    """A district the gazetteer lacks: its own name inside its city, at the city's point
    (precision 2), so two such districts stay two places ("Al Zahra, Aleppo")."""
    return replace(city, text=name, canonical=f"{name}, {city.canonical}", gazetteer_id=None,
                   geo_precision=2)  # fmt: skip


def event_place(story: Story, place: Location | None, rules: list[str]) -> Location | None:
    """The event's place: its own when geocoded, else the story's city (a ranked candidate).
    A river has no point an event happens at ("crossing the Euphrates"): the story's city
    stands for it, as for a place the gazetteer lacks."""
    entry = story.gazetteer.by_id.get(place.gazetteer_id or "") if place is not None else None
    if entry is not None and entry.feature in LINE_FEATURES and story.city() is not None:
        place = Location(text=place.text) if place is not None else None
    chosen, why = choose_event_place(place, story.city(), story.gazetteer)
    if why.why == "story_city":
        rules.append(NARRATIVE_PLACE)
    return chosen


def in_story_country(events: list[Event], story: Story) -> list[Event]:
    """Events still at no point once linked ("la tregua ... entró en vigor" in a report on
    Syria, with no town anywhere) are placed in the document's country at precision 3, as
    ACLED gives every event a place. Done after linking, so that it changes no merge."""
    focus = story.reader.country_focus
    country = resolve_place(focus, story.lang, gazetteer=story.gazetteer) if focus else None
    if country is None or country.lat is None:
        return events
    out = []
    for ev in events:
        if ev.location is None or ev.location.lat is None:
            text = ev.location.text if ev.location is not None else ""
            ev = replace(ev, location=replace(country, text=text, geo_precision=3),
                         rules=[*ev.rules, COUNTRY_PLACE_RULE])  # fmt: skip
        out.append(ev)
    return out
