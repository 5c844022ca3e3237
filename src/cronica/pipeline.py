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
    Quantity,
    event_id_for,
)
from cronica.resolve.actors import ActorResolver
from cronica.resolve.places import Gazetteer, document_country_focus, resolve_place
from cronica.resolve.time import ResolvedTime, Timeline, find_times

log = logging.getLogger(__name__)

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
        focus = self._country_focus(parsed, lang)
        timeline = Timeline(doc.date)
        state = AttributionState()
        reader = ArgumentReader(lang, self.actors, focus, doc.date)
        attributor = Attributor(reader)
        memory: dict[str, Actor] = {}  # the narrative's last actor per trigger family
        index = 0
        for para in parsed:
            for sent in para.doc.sents:
                if not sent.text.strip():
                    continue
                start, end = to_original(
                    norm, para.offset + sent.start_char, para.offset + sent.end_char
                )
                original = doc.text[start:end]
                cites = citations_in(norm, start, end)
                analysis.sentences.append((index, start, end, original, cites))
                evidence = Evidence(sentence=original, start=start, end=end, citations=cites)
                when = self._sentence_time(sent, lang, timeline)
                reader.on_date = when[0].date or doc.date  # actor names valid on that day
                events = self._sentence_events(
                    doc,
                    sent,
                    index,
                    evidence,
                    when,
                    reader,
                    attributor,
                    state,
                    norm,
                    para,
                    focus,
                    memory,
                )
                analysis.events.extend(events)
                index += 1
        analysis.events = merge_document(analysis.events, state.detached)
        log.info("%s: %d sentences, %d events (%s)", doc.id, index, len(analysis.events), lang)
        return analysis

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

    def _country_focus(self, parsed: list[_Parsed], lang: str) -> str | None:
        names = [
            ent.text for p in parsed for ent in p.doc.ents if ent.label_ in ("LOC", "GPE", "PLACE")
        ]
        return document_country_focus(names[:200], lang, self.gazetteer)

    @staticmethod
    def _sentence_time(
        sent: Span, lang: str, timeline: Timeline
    ) -> tuple[ResolvedTime, str | None]:
        """The sentence's own date if it states one, else the narrative date so far."""
        own: tuple[ResolvedTime, str] | None = None
        for mention in find_times(sent.text, lang):
            resolved = timeline.resolve(mention)
            if own is None and resolved.precision != "unknown":
                own = (resolved, mention.text)
        if own is not None:
            return own
        current = timeline.current
        if current is not None:
            return current, timeline.current_text if hasattr(timeline, "current_text") else None
        return ResolvedTime(None, "unknown"), None

    def _sentence_events(
        self,
        doc: Document,
        sent: Span,
        index: int,
        evidence: Evidence,
        when: tuple[ResolvedTime, str | None],
        reader: ArgumentReader,
        attributor: Attributor,
        state: AttributionState,
        norm: NormalisedText,
        para: _Parsed,
        focus: str | None,
        memory: dict[str, Actor],
    ) -> list[Event]:
        matches = find_triggers(
            sent, reader.lang, reader.satisfies, lambda tok: not reader.non_factual(tok)
        )
        foreground = [m for m in matches if not reader.background(m.token)]
        if foreground:
            matches = foreground
        cues = attributor.attribute(sent, [m.token.i for m in matches], state)
        spans = [c.span for cs in cues.values() for c in cs]
        in_sources = {t.i for t in sent if any(a <= t.idx < b for a, b in spans)}
        in_sources.update(m.token.i for m in matches)  # a trigger ("granada") is no place
        events: list[Event] = []
        for match in matches:
            roles = reader.read(
                match.token,
                sent,
                match.entry.family,
                match.entry.patterns[match.pattern_index].requires,
                in_sources,
            )
            events.extend(
                self._events_for(
                    doc,
                    sent,
                    index,
                    evidence,
                    when,
                    match,
                    roles,
                    cues.get(match.token.i, []),
                    reader,
                    norm,
                    para,
                    focus,
                    memory,
                )
            )
        self._attach_quantities(events, sent, reader.lang, matches)
        return merge_within_sentence(events)

    def _events_for(
        self,
        doc: Document,
        sent: Span,
        index: int,
        evidence: Evidence,
        when: tuple[ResolvedTime, str | None],
        match: TriggerMatch,
        roles: Roles,
        cues: list[SourceCue],
        reader: ArgumentReader,
        norm: NormalisedText,
        para: _Parsed,
        focus: str | None,
        memory: dict[str, Actor],
    ) -> list[Event]:
        onto = ontology()
        agents = self._actors(roles.agent, reader) or [None]
        target = reader.actor_of(roles.target) if roles.target is not None else None
        places = [self._place(t, reader, focus) for t in roles.themes] or [None]
        places = [self._with_narrative_place(p, memory, roles) for p in places]
        resolved, date_text = when
        claims = [
            Claim(
                c.source,
                c.source_type,
                c.stance,
                doc.id,
                index,
                to_original(norm, para.offset + c.span[0], para.offset + c.span[1]),
            )
            for c in cues
        ]
        if doc.source and not any(c.source == doc.source for c in claims):
            claims.append(Claim(doc.source, "media", "reports", doc.id, index, None))
        accused = next((c.accused for c in cues if c.accused is not None), None)
        t_start, t_end = to_original(
            norm, para.offset + match.token.idx, para.offset + match.token.idx + len(match.token)
        )
        out = []
        family = match.entry.family
        for agent in agents:
            actor1 = agent or accused
            if actor1 is None and family == "territory" and family in memory:
                actor1 = memory[family]
                roles.rules.append("agent:narrative-previous")
            elif actor1 is not None and family:
                memory[family] = actor1
            sub = match.entry.sub_event_type
            if match.entry.family == "territory":
                sub = onto.sub_event_for_family("territory", actor1.actor_type if actor1 else None)
            elif match.entry.family == "attack":
                sub = onto.sub_event_for_family("attack", target.actor_type if target else None)
            assert sub is not None
            for place in places:
                extra = f"{actor1.canonical if actor1 else ''}|{place.text if place else ''}"
                ev = Event(
                    event_id=event_id_for(doc.content_hash, index, t_start, extra),
                    document=doc.id,
                    sentence_index=index,
                    evidence=Evidence(
                        evidence.sentence,
                        evidence.start,
                        evidence.end,
                        list(evidence.citations),
                        match.token.text,
                        t_start,
                        t_end,
                    ),
                    event_type=onto.event_type_of[sub],
                    sub_event_type=sub,
                    plover=onto.plover_of[sub],
                    action=match.entry.action,
                    date=resolved.value,
                    date_precision=resolved.precision,
                    date_text=date_text,
                    actor1=actor1,
                    actor2=target,
                    location=place,
                    claims=list(claims),
                    confidence=self._confidence(roles, actor1, place),
                    rules=[match.rule, *roles.rules, *(c.rule for c in cues)],
                    lang=reader.lang,
                )
                out.append(ev)
        return out

    @staticmethod
    def _confidence(roles: Roles, actor: Actor | None, place: Location | None) -> float:
        score = 0.5
        score += 0.2 if actor is not None and actor.canonical else 0.0
        score += 0.2 if place is not None and place.lat is not None else 0.0
        return round(min(score, 0.95), 2)

    def _actors(self, head, reader: ArgumentReader) -> list[Actor]:
        """The agent and the actors coordinated with it ("sirios y rusos" -> two)."""
        if head is None:
            return []
        found: list[Actor] = []
        for tok in coordinated(head):
            actor = reader.actor_of(tok) if reader.agentive(tok) else None
            if actor is not None and all(a.canonical != actor.canonical for a in found):
                found.append(actor)
        return found

    def _with_narrative_place(
        self, place: Location | None, memory: dict, roles: Roles
    ) -> Location | None:
        """Remember the story's city; an event with no (resolvable) place of its own takes it.

        ACLED coders place such events at the city the narrative is in, at geo-precision 2.
        """
        if place is not None and place.lat is not None:
            city = self._city_of(place)
            if city is not None:
                memory["place"] = city
            return place
        city = memory.get("place")
        if city is None:
            return place
        roles.rules.append("place:narrative")
        return Location(
            text=place.text if place is not None else "", canonical=city.canonical,
            admin1=city.admin1, admin2=city.admin2, country=city.country, lat=city.lat,
            lon=city.lon, geo_precision=2, gazetteer_id=city.gazetteer_id,
        )

    def _city_of(self, place: Location) -> Location | None:
        """The city-level place a location is in (a neighbourhood's city), if any."""
        entry = self.gazetteer.by_id.get(place.gazetteer_id or "")
        if entry is None:
            return None
        if entry.feature not in ("city",):
            entry = self.gazetteer.parent_of(entry)
            if entry is None or entry.feature != "city":
                return None
        return Location(
            text=entry.name, canonical=entry.name, admin1=entry.admin1 or None,
            admin2=entry.admin2 or None, country=entry.country or None, lat=entry.lat,
            lon=entry.lon, geo_precision=1, gazetteer_id=entry.gazetteer_id,
        )

    def _place(self, token: Token, reader: ArgumentReader, focus: str | None) -> Location:
        """Resolve a place token: its entity or name, else the descriptive phrase around it."""
        ent = entity_of(token)
        if ent is not None:
            texts = [ent.text]
        elif token.pos_ == "PROPN":
            texts = [name_span(token).text]
        else:  # "las afueras de Tal Afar", "el mercado de Maarat": phrase first, then the name
            texts = [phrase(token).text]
            inner = reader.named_inside(token)
            if inner is not token:
                texts.append((entity_of(inner) or name_span(inner)).text)
        for text in texts:
            loc = resolve_place(text, reader.lang, country_focus=focus, gazetteer=self.gazetteer)
            if loc is not None:
                return loc
        return Location(text=texts[0])

    @staticmethod
    def _attach_quantities(
        events: list[Event], sent: Span, lang: str, matches: list[TriggerMatch]
    ) -> None:
        if not events:
            return
        quantities: list[Quantity] = sentence_quantities(sent, lang, events[0].action)
        for ev in events:
            ev.quantities = [q for q in quantities if q.kind != "other"]
            ev.fatalities = fatalities_of(ev.quantities)
