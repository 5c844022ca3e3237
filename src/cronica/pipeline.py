"""The per-document function: text in, events out (normalise, analyse, detect, resolve, link)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from cronica.documents.language import document_language
from cronica.documents.normalise import NormalisedText, citations_in, normalise, to_original
from cronica.events.arguments import ArgumentReader, Roles
from cronica.events.attribution import AttributionState, Attributor, SourceCue
from cronica.events.detect import TriggerMatch, find_triggers
from cronica.events.lexicon import ontology
from cronica.events.quantities import sentence_quantities
from cronica.events.syntax import coordinated, entity_of, name_span, phrase
from cronica.language.nlp import load_nlp
from cronica.link.merge import fatalities_of, merge_document, merge_within_sentence
from cronica.record import (
    Actor,
    Claim,
    Document,
    Event,
    Evidence,
    Location,
    event_id_for,
)
from cronica.resolve.actors import ActorResolver
from cronica.resolve.places import (
    Gazetteer,
    document_country_focus,
    parse_mention,
    resolve_place,
    resolve_places,
)
from cronica.resolve.time import ResolvedTime, Timeline, find_times

log = logging.getLogger(__name__)

PLACE_LABELS = ("LOC", "GPE", "PLACE", "FAC")
MAX_PLACE_MENTIONS = 400  # resolved together per document
FOLLOW_UP_SENTENCES = 2  # how far back an event-less sentence's toll may reach
FOLLOW_UP_KINDS = ("killed", "wounded", "detained", "displaced", "evacuated", "surrendered")

Sentence = tuple[int, int, int, str, list[str]]  # index, start, end, original text, citations


@dataclass
class Analysis:
    """One document's sentences (original offsets) and its events."""

    document: Document
    lang: str
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass
class _Parsed:
    offset: int  # offset of the paragraph in the clean text
    doc: Doc


@dataclass
class _DocState:
    """What one document's reading carries from sentence to sentence."""

    doc: Document
    norm: NormalisedText
    reader: ArgumentReader
    attributor: Attributor
    timeline: Timeline
    places: dict[str, Location | None]  # place mentions resolved together, document-wide
    attribution: AttributionState = field(default_factory=AttributionState)
    actors: dict[str, Actor] = field(default_factory=dict)  # last actor per trigger family
    cities: dict[str, tuple[int, int, Location]] = field(default_factory=dict)
    # city id -> (mentions so far, last sentence, city): the story's city is the most named
    date_text: str | None = None  # the words that set the narrative date
    last_events: list[Event] = field(default_factory=list)  # of the last sentence with events
    last_index: int = -1


@dataclass
class _Sentence:
    """One sentence being read: its parse, its place in the document, its time."""

    span: Span
    para: _Parsed
    index: int
    evidence: Evidence
    time: ResolvedTime
    date_text: str | None


class Pipeline:
    """cronica's extraction flow for Spanish and English documents."""

    def __init__(self, gazetteers: list[str] | None = None) -> None:
        self.actors = ActorResolver()
        self.gazetteer = Gazetteer.load(gazetteers)

    # -- public ------------------------------------------------------------------------------
    def extract(self, doc: Document) -> list[Event]:
        """Events of one document."""
        return self.analyse(doc).events

    def analyse(self, doc: Document) -> Analysis:
        """Sentences and events of one document (raises InputError on unusable input)."""
        lang = document_language(doc)
        norm = normalise(doc.text)
        parsed = self._parse(norm.clean, lang)
        analysis = Analysis(doc, lang)
        names = [ent.text for p in parsed for ent in p.doc.ents if ent.label_ in PLACE_LABELS][
            :MAX_PLACE_MENTIONS
        ]
        focus = document_country_focus(names, lang, self.gazetteer)
        resolved = resolve_places(names, lang, focus, self.gazetteer)
        reader = ArgumentReader(lang, self.actors, focus, doc.date, self._known_place)
        state = _DocState(
            doc=doc,
            norm=norm,
            reader=reader,
            attributor=Attributor(reader),
            timeline=Timeline(doc.date),
            places=dict(zip(names, resolved, strict=True)),
        )
        for para in parsed:
            for span in para.doc.sents:
                if not span.text.strip():
                    continue
                sentence = self._sentence(state, para, span, len(analysis.sentences))
                ev = sentence.evidence
                analysis.sentences.append(
                    (sentence.index, ev.start, ev.end, ev.sentence, ev.citations)
                )
                analysis.events.extend(self._sentence_events(state, sentence))
        analysis.events = merge_document(analysis.events, state.attribution.detached)
        log.info(
            "%s: %d sentences, %d events (%s)",
            doc.id,
            len(analysis.sentences),
            len(analysis.events),
            lang,
        )
        return analysis

    def _known_place(self, name: str) -> bool:
        """The gazetteer has this exact name (or an alternate name)."""
        return any(c.score >= 100 for c in self.gazetteer.candidates(name, limit=1))

    # -- stages ------------------------------------------------------------------------------
    @staticmethod
    def _parse(clean: str, lang: str) -> list[_Parsed]:
        """Parse paragraph by paragraph (a line break always ends a sentence)."""
        nlp = load_nlp(lang)
        offsets, texts, pos = [], [], 0
        for line in clean.split("\n"):
            if line.strip():
                offsets.append(pos)
                texts.append(line)
            pos += len(line) + 1
        return [_Parsed(o, d) for o, d in zip(offsets, nlp.pipe(texts), strict=True)]

    def _sentence(self, state: _DocState, para: _Parsed, span: Span, index: int) -> _Sentence:
        """Locate a sentence in the original text and give it a time: its own or the story's."""
        start, end = to_original(
            state.norm, para.offset + span.start_char, para.offset + span.end_char
        )
        original = state.doc.text[start:end]
        evidence = Evidence(original, start, end, citations_in(state.norm, start, end))
        own: tuple[ResolvedTime, str] | None = None
        for mention in find_times(span.text, state.reader.lang):
            resolved = state.timeline.resolve(mention)
            if own is None and resolved.precision != "unknown":
                own = (resolved, mention.text)
        if own is not None:
            time, date_text = own
            if time.precision == "day":
                state.date_text = date_text
        else:
            time = state.timeline.current or ResolvedTime(None, "unknown")
            date_text = state.date_text if state.timeline.current else None
        state.reader.on_date = time.date or state.doc.date  # actor names valid on that day
        self._count_cities(state, span, index)
        return _Sentence(span, para, index, evidence, time, date_text)

    def _sentence_events(self, state: _DocState, sentence: _Sentence) -> list[Event]:
        reader, sent = state.reader, sentence.span
        matches = find_triggers(
            sent, reader.lang, reader.satisfies, lambda tok: not reader.non_factual(tok)
        )
        foreground = [m for m in matches if not reader.background(m.token)]
        if foreground:
            matches = foreground
        cues = state.attributor.attribute(sent, [m.token.i for m in matches], state.attribution)
        spans = [c.span for cs in cues.values() for c in cs]
        not_places = {t.i for t in sent if any(a <= t.idx < b for a, b in spans)}
        not_places.update(m.token.i for m in matches)  # a trigger ("granada") is no place
        events: list[tuple[int, Event]] = []
        for match in matches:
            pattern = match.entry.patterns[match.pattern_index]
            roles = reader.read(match.token, sent, match.entry.family, pattern.requires, not_places)
            for ev in self._events_for(state, sentence, match, roles, cues.get(match.token.i, [])):
                events.append((match.token.i, ev))
        if not events:
            self._attach_to_previous(state, sentence)
            return []
        self._attach_quantities(events, sent, reader.lang)
        merged = merge_within_sentence([ev for _, ev in events])
        state.last_events, state.last_index = merged, sentence.index
        return merged

    @staticmethod
    def _attach_to_previous(state: _DocState, sentence: _Sentence) -> None:
        """A toll in a sentence of its own ("Two civilians died.") belongs to the event just
        reported (at most two sentences back)."""
        if not state.last_events or sentence.index - state.last_index > FOLLOW_UP_SENTENCES:
            return
        target = state.last_events[0]
        found = sentence_quantities(sentence.span, state.reader.lang, target.action)
        added = [q for _, q in found if q.kind in FOLLOW_UP_KINDS and q not in target.quantities]
        if added:
            target.quantities.extend(added)
            target.fatalities = fatalities_of(target.quantities)
            target.rules.append("quantity:next-sentence")

    def _events_for(
        self,
        state: _DocState,
        sentence: _Sentence,
        match: TriggerMatch,
        roles: Roles,
        cues: list[SourceCue],
    ) -> list[Event]:
        onto, reader, doc = ontology(), state.reader, state.doc
        index, offset = sentence.index, sentence.para.offset
        agents = self._actors(roles.agent, reader) or [None]
        target = reader.actor_of(roles.target) if roles.target is not None else None
        places = [self._place(state, t) for t in roles.themes] or [None]
        places = [self._with_narrative_place(state, p, roles) for p in places]
        claims = [
            Claim(
                c.source,
                c.source_type,
                c.stance,
                doc.id,
                index,
                to_original(state.norm, offset + c.span[0], offset + c.span[1]),
            )
            for c in cues
        ]
        if doc.source and not any(c.source == doc.source for c in claims):
            claims.append(Claim(doc.source, "media", "reports", doc.id, index, None))
        accused = next((c.accused for c in cues if c.accused is not None), None)
        token = match.token
        t_start, t_end = to_original(
            state.norm, offset + token.idx, offset + token.idx + len(token)
        )
        family = match.entry.family
        out = []
        for agent in agents:
            actor1 = agent or accused
            if actor1 is None and family == "territory" and family in state.actors:
                actor1 = state.actors[family]
                roles.rules.append("agent:narrative-previous")
            elif actor1 is not None and family:
                state.actors[family] = actor1
            sub = match.entry.sub_event_type
            if family == "territory":
                sub = onto.sub_event_for_family(family, actor1.actor_type if actor1 else None)
            elif family == "attack":
                sub = onto.sub_event_for_family(family, target.actor_type if target else None)
            assert sub is not None
            sub = onto.sub_event_for_agent(sub, actor1.actor_type if actor1 else None)
            for place in places:
                assoc: list[Actor] = []
                if actor1 is None or not actor1.canonical:
                    country = (place.country if place else None) or reader.country_focus
                    implied = onto.default_actor(sub, country)
                    if implied is not None:  # a named but unknown group stays associated
                        assoc = [actor1] if actor1 is not None else []
                        actor1 = implied
                extra = f"{actor1.canonical if actor1 else ''}|{place.text if place else ''}"
                ev = sentence.evidence
                out.append(
                    Event(
                        event_id=event_id_for(doc.content_hash, index, t_start, extra),
                        document=doc.id,
                        sentence_index=index,
                        evidence=Evidence(
                            ev.sentence,
                            ev.start,
                            ev.end,
                            list(ev.citations),
                            token.text,
                            t_start,
                            t_end,
                        ),
                        event_type=onto.event_type_of[sub],
                        sub_event_type=sub,
                        plover=onto.plover_of[sub],
                        action=match.entry.action,
                        date=sentence.time.value,
                        date_precision=sentence.time.precision,
                        date_text=sentence.date_text,
                        actor1=actor1,
                        actor2=target,
                        assoc_actors=assoc,
                        location=place,
                        claims=list(claims),
                        confidence=self._confidence(actor1, place),
                        rules=[match.rule, *roles.rules, *(c.rule for c in cues)],
                        lang=reader.lang,
                    )
                )
        return out

    @staticmethod
    def _confidence(actor: Actor | None, place: Location | None) -> float:
        """A rule-based score: a trigger, plus a resolved actor, plus a geocoded place."""
        score = 0.5
        score += 0.2 if actor is not None and actor.canonical else 0.0
        score += 0.2 if place is not None and place.lat is not None else 0.0
        return round(min(score, 0.95), 2)

    @staticmethod
    def _actors(head: Token | None, reader: ArgumentReader) -> list[Actor]:
        """The agent and the actors coordinated with it ("sirios y rusos" -> two)."""
        if head is None:
            return []
        found: list[Actor] = []
        for tok in coordinated(head):
            actor = reader.actor_of(tok) if reader.agentive(tok) else None
            if actor is not None and all(a.canonical != actor.canonical for a in found):
                found.append(actor)
        return found

    def _count_cities(self, state: _DocState, span: Span, index: int) -> None:
        """Count the cities this sentence names (a district counts for its city)."""
        for ent in span.ents:
            loc = state.places.get(ent.text)
            city = self._city_of(loc) if loc is not None else None
            if city is not None and city.gazetteer_id:
                count = state.cities.get(city.gazetteer_id, (0, 0, city))[0]
                state.cities[city.gazetteer_id] = (count + 1, index, city)

    @staticmethod
    def _story_city(state: _DocState) -> Location | None:
        """The city named most often so far (the most recent one on a tie)."""
        if not state.cities:
            return None
        return max(state.cities.values(), key=lambda c: (c[0], c[1]))[2]

    def _with_narrative_place(
        self, state: _DocState, place: Location | None, roles: Roles
    ) -> Location | None:
        """An event with no (resolvable) place of its own takes the story's city.

        ACLED coders place such events at the city the narrative is in, at geo-precision 2.
        """
        if place is not None and place.lat is not None:
            return place
        city = self._story_city(state)
        if city is None:
            return place
        roles.rules.append("place:narrative")
        return Location(
            text=place.text if place is not None else "",
            canonical=city.canonical,
            admin1=city.admin1,
            admin2=city.admin2,
            country=city.country,
            lat=city.lat,
            lon=city.lon,
            geo_precision=2,
            gazetteer_id=city.gazetteer_id,
        )

    def _city_of(self, place: Location) -> Location | None:
        """The city-level place a location is in (a neighbourhood's city), if any."""
        entry = self.gazetteer.by_id.get(place.gazetteer_id or "")
        if entry is not None and entry.feature != "city":
            entry = self.gazetteer.parent_of(entry)
        if entry is None or entry.feature != "city":
            return None
        return Location(
            text=entry.name,
            canonical=entry.name,
            admin1=entry.admin1 or None,
            admin2=entry.admin2 or None,
            country=entry.country or None,
            lat=entry.lat,
            lon=entry.lon,
            geo_precision=1,
            gazetteer_id=entry.gazetteer_id,
        )

    def _place(self, state: _DocState, token: Token) -> Location:
        """Resolve a place token: its entity or name, else the descriptive phrase around it.

        Names resolved together with the document's other places are reused; a district
        ("el distrito de X", "los barrios de…") is looked up inside the story's city.
        """
        reader = state.reader
        ent = entity_of(token)
        if ent is not None and ent.label_ in PLACE_LABELS:
            texts = [ent.text]
        elif token.pos_ == "PROPN":  # a mislabelled entity ("Asuncion (Asuncion") or a name
            texts = list(
                dict.fromkeys(
                    [ent.text, name_span(token).text]
                    if ent is not None
                    else [name_span(token).text]
                )
            )
        else:  # "las afueras de Tal Afar", "el mercado de Maarat": phrase first, then the name
            texts = [phrase(token).text]
            inner = reader.named_inside(token)
            if inner is not token:
                texts.append((entity_of(inner) or name_span(inner)).text)
        for text in texts:
            loc = state.places.get(text)
            if loc is None:
                within = None
                listed_in = self._listing_noun(token)  # "dos distritos, X y Y" -> distritos
                described = f"{listed_in.text} {text}" if listed_in is not None else text
                if "neighbourhood" in parse_mention(described, reader.lang).types:
                    within = self._story_city(state)
                else:
                    described = text
                loc = resolve_place(
                    described,  # the district word makes the resolver look inside the city
                    reader.lang,
                    country_focus=reader.country_focus,
                    within=within,
                    gazetteer=self.gazetteer,
                )
                if loc is not None:
                    loc.text = text
            if loc is not None:
                return loc
        return Location(text=texts[0])

    @staticmethod
    def _listing_noun(token: Token) -> Token | None:
        """The common noun a name is listed under ("two districts, X and Y" -> districts)."""
        current = token
        for _ in range(4):
            if current.dep_ not in ("conj", "appos") or current.head is current:
                break
            current = current.head
        return current if current is not token and current.pos_ == "NOUN" else None

    @staticmethod
    def _attach_quantities(events: list[tuple[int, Event]], sent: Span, lang: str) -> None:
        """Each count goes to the events of the nearest trigger in the sentence."""
        if not events:
            return
        triggers = sorted({i for i, _ in events})
        found = sentence_quantities(sent, lang, events[0][1].action)
        for trigger_i, ev in events:
            ev.quantities = [
                q for at, q in found if min(triggers, key=lambda t: abs(t - at)) == trigger_i
            ]
            ev.fatalities = fatalities_of(ev.quantities)
