"""Build events from a sentence the components have read: trigger, roles, sources, places,
date and counts become Event records, with the story's context (narrative actor and place)."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from cronica.components.time import time_verb, with_tense
from cronica.documents.normalise import to_original
from cronica.events.arguments import CIVILIANS_TYPE, ArgumentReader, Roles
from cronica.events.attribution import SourceCue, is_armed, stance_for
from cronica.events.detect import TriggerMatch
from cronica.events.lexicon import actions_named, ontology
from cronica.events.opponents import held_by_rule
from cronica.events.place_of import event_place, token_place
from cronica.events.quantities import sentence_quantities
from cronica.events.syntax import coordinated, morph_values, words
from cronica.events.tolls import cumulative_tolls
from cronica.lang import packs
from cronica.link.compare import GENERAL_WORD, place_relation
from cronica.link.merge import (
    ANAPHOR_RULE,
    IMPLIED_ACTOR_RULE,
    fatalities_of,
    merge_within_sentence,
)
from cronica.readings import children_of, paragraph, reading
from cronica.record import (
    BRIEF_ZONE,
    Actor,
    Claim,
    Event,
    Evidence,
    Location,
    Quantity,
    event_id_for,
)
from cronica.resolve.time import UNKNOWN, ResolvedTime, background, resolve_time
from cronica.story import Story
from cronica.text import fold

VICTIM_KINDS = ("killed", "wounded")  # counts whose noun may name an event's victims
SELF_DATED_ZONE = BRIEF_ZONE  # a dated news brief (documents/zones): its own dateline dates it
CLAUSE_DEPS = ("aux", "aux:pass", "nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "mark")
CROWD_FIRST_RULE = "actor:crowd-first"  # the force acting on a protest moved to actor 2
REWRITTEN_AFTER = 2  # events told as past and dated after the page's date: it was rewritten
log = logging.getLogger(__name__)

FOLLOW_UP_SENTENCES = 2  # how far back an event-less sentence's toll may reach
FOLLOW_UP_KINDS = ("killed", "wounded", "detained", "displaced", "evacuated", "surrendered")


def sentence_events(story: Story, span: Span) -> list[Event]:
    """The events of one read sentence, merged within it; a toll in an event-less sentence
    goes to the events just reported."""
    record = reading(span)
    index = record.index
    assert index is not None  # the sentence locator's
    story.count_cities(span, index)
    story.at(span)
    quantities = record.quantities or []
    tolls = cumulative_tolls(span, story.lang, quantities)
    events: list[tuple[int, Event]] = []
    roles, cues_of = record.roles or {}, record.cues or {}
    for match in record.triggers or ():
        if tolls.holds(match.token):
            _log_toll(story, span, match.token)
            continue
        cues = cues_of.get(match.token.i, [])
        for ev in _events_for(story, span, match, roles[match.token.i], cues):
            events.append((match.token.i, ev))
    if not events:
        if not tolls.counts:
            _attach_to_previous(story, span)
        return []
    counts = [(i, q) for i, q in quantities if i not in tolls.counts]
    _attach_quantities(events, counts)
    _civilian_victims(story, span, events, counts)
    _claimed_deeds(story, span, events, quantities)  # a multi-day toll names them too
    _share_anaphor([ev for _, ev in events])
    merged = [_crowd_of_type(ev) for ev in merge_within_sentence([ev for _, ev in events])]
    story.last_events, story.last_index = merged, index
    return merged


def _crowd_of_type(event: Event) -> Event:
    """The crowd of an event as its type names it (`Ontology.crowd_as`)."""
    if event.actor1 is None:
        return event
    crowd = ontology().crowd_as(event.actor1, event.sub_event_type)
    return event if crowd is event.actor1 else replace(event, actor1=crowd)


def _civilian_victims(
    story: Story, span: Span, events: list[tuple[int, Event]], counts: list[tuple[int, Quantity]]
) -> None:
    """A strike or shelling whose dead or wounded are civilians ("dos civiles perecieron en
    bombardeos", "killing 15 people, among them 11 children") has them as actor 2, as ACLED
    codes it, when no one else is its target."""
    victims = next((a for a in _victims(story.reader, span, counts)
                    if a.actor_type == CIVILIANS_TYPE), None)  # fmt: skip
    if victims is None:
        return
    onto = ontology()
    for _, ev in events:  # a battle's other end is an armed side, whoever died in it
        if (
            ev.actor2 is None
            and onto.takes_opponent(ev.sub_event_type)
            and not onto.is_symmetric(ev.event_type)
        ):
            ev.actor2 = _in_country(victims, ev.location, story.reader)  # "Civilians (Syria)"
            ev.rules.append("target:civilian-victims")


CLAIMANT_RULE = "agent:claimant"  # an agentless deed the side that tells of it claims


def _claimed_deeds(
    story: Story, span: Span, events: list[tuple[int, Event]], counts: list[tuple[int, Quantity]]
) -> None:
    """A deed told with no one doing it, which an armed side claims and whose dead are of
    another side ("According to the Turkish military, 38 ISIL militants were killed in
    airstrikes"; "según el Ejército, murieron 30 yihadistas en bombardeos"), is that side's
    own. Its own losses ("a Russian helicopter was downed", says Russia) are not."""
    reader = story.reader
    victims = next(iter(_victims(reader, span, counts)), None)
    for _, ev in events:
        unnamed = ev.actor1 is None or IMPLIED_ACTOR_RULE in ev.rules
        side = ev.actor2 or victims
        if not unnamed or side is None or not side.canonical:
            continue
        speaker = next((a for c in ev.claims if c.stance == "claims"
                        and (a := _speaker_actor(c, reader)) is not None), None)  # fmt: skip
        if (
            speaker is None
            or not is_armed(speaker)
            or _same_side(speaker, side)
            or not ontology().takes_opponent(ev.sub_event_type)
        ):
            continue
        ev.actor1 = _in_country(speaker, ev.location, reader)
        ev.actor2 = ev.actor2 or _in_country(side, ev.location, reader)
        ev.rules = [r for r in ev.rules if r != IMPLIED_ACTOR_RULE] + [CLAIMANT_RULE]


def _victims(reader: ArgumentReader, span: Span, counts: list[tuple[int, Quantity]]) -> (
    list[Actor]
):
    """The actors the sentence counts dead or wounded ("dos civiles", "38 ISIL militants")."""
    found = []
    for i, q in counts:
        if q.kind in VICTIM_KINDS:
            noun = span.doc[i].head if span.doc[i].dep_ == "nummod" else span.doc[i]
            actor = reader.actor_of(noun)
            if actor is not None:
                found.append(actor)
    return found


def _speaker_actor(claim: Claim, reader: ArgumentReader) -> Actor | None:
    """The actor a source is, by its canonical name in any language ("Turkish military")."""
    return next(
        (a for lang in (reader.lang, *packs())
         if (a := reader.actors.resolve(claim.source, lang, reader.country_focus))
         and a.canonical),
        None,
    )  # fmt: skip


def _log_toll(story: Story, span: Span, trigger: Token) -> None:
    """A trigger dropped as a cumulative toll: logged (cronica explain may show it)."""
    log.info(
        "%s: sentence %d: %r dropped: cumulative toll (a count over a span of days)",
        story.document.id,
        reading(span).index,
        trigger.text,
    )


def _attach_to_previous(story: Story, span: Span) -> None:
    """A toll in a sentence of its own ("Two civilians died.") belongs to the event just
    reported (at most FOLLOW_UP_SENTENCES back)."""
    index = reading(span).index
    if not story.last_events or index is None or index - story.last_index > FOLLOW_UP_SENTENCES:
        return
    if not story.reports(span):
        return
    target = story.last_events[0]
    found = sentence_quantities(span, story.lang, target.action)
    tolls = cumulative_tolls(span, story.lang, found)
    found = [(i, q) for i, q in found if i not in tolls.counts]  # "desde enero, 300 muertos"
    added = [q for _, q in found if q.kind in FOLLOW_UP_KINDS and q not in target.quantities]
    if added:
        target.quantities.extend(added)
        target.fatalities = fatalities_of(target.quantities)
        target.rules.append("quantity:next-sentence")


def _attach_quantities(events: list[tuple[int, Event]], found: list[tuple[int, Quantity]]) -> None:
    """Each count goes to the events of the nearest trigger in the sentence."""
    triggers = sorted({i for i, _ in events})
    for trigger_i, ev in events:
        ev.quantities = [
            q for at, q in found if min(triggers, key=lambda t: abs(t - at)) == trigger_i
        ]
        ev.fatalities = fatalities_of(ev.quantities)


def _claims(story: Story, span: Span, cues: list[SourceCue]) -> list[Claim]:
    """The sources of a trigger, and the outlet that published the document."""
    doc, index = story.document, reading(span).index
    claims = [
        Claim(
            c.source,
            c.source_type,
            c.stance,
            doc.id,
            index,
            to_original(story.norm, *c.span),  # cue spans are document offsets already
        )
        for c in cues
    ]
    outlets = [(doc.source, "media")] if doc.source else []
    for name, given in outlets + story.credits:  # they report all the text tells
        source_type = "media" if given == "unnamed" else given  # a credited name is an outlet
        if not any(c.source == name for c in claims):
            stance = stance_for("reports", source_type)
            claims.append(Claim(name, source_type, stance, doc.id, index, None))
    return claims


def _party_stance(claim: Claim, actor1: Actor | None, event_type: str,
                  reader: ArgumentReader) -> Claim:
    """A party's claim of violence another side committed accuses ("los rebeldes dijeron que
    aviones rusos bombardearon Idlib"): `claims` stays for its own side's deeds and for
    deeds no one is named for."""
    if claim.stance != "claims" or not ontology().is_accusable(event_type):
        return claim
    speaker = _speaker_actor(claim, reader)  # a listed source: one name in every language
    if speaker is None:
        return claim
    if actor1 is None or not actor1.canonical or _same_side(speaker, actor1):
        return claim  # its own side's deed, or no one named to accuse
    return replace(claim, stance="accuses")


def _same_side(a: Actor, b: Actor) -> bool:
    """One actor, or two of one kind and one country (a state's ministry and its army)."""
    if a.canonical == b.canonical:
        return True
    return a.country is not None and (a.country, a.actor_type) == (b.country, b.actor_type)


def _adjective_actors(noun: Token, reader: ArgumentReader) -> list[Actor]:
    """Two or more actors named by coordinated adjectives of one noun ("aviones sirios y
    rusos", "Syrian and Russian jets"): each is an agent of its own."""
    for child in children_of(noun):
        if child.dep_ != "amod":
            continue
        listed = [t for t in coordinated(child) if reader.agentive(t)]
        actors = [a for a in (reader.actor_of(t) for t in listed) if a is not None]
        if len({a.canonical for a in actors}) > 1:
            return actors
    return []


def _actors(head: Token | None, reader: ArgumentReader, sides: bool = False) -> list[Actor]:
    """The agent and the actors coordinated with it ("los sirios y los rusos", "aviones
    sirios y rusos" -> two); of the two sides of a fight ("entre X y Y"), only X acts."""
    if head is None:
        return []
    found: list[Actor] = []
    for tok in [head] if sides else coordinated(head):
        named = _adjective_actors(tok, reader)
        if not named and reader.agentive(tok):
            named = [a for a in [reader.actor_of(tok)] if a is not None]
        for actor in named:
            if all(a.canonical != actor.canonical for a in found):
                found.append(actor)
    return found


def confidence(actor: Actor | None, place: Location | None) -> float:
    """A rule-based score: a trigger, plus a resolved actor, plus a geocoded place."""
    score = 0.5
    score += 0.2 if actor is not None and actor.canonical else 0.0
    score += 0.2 if place is not None and place.lat is not None else 0.0
    return round(min(score, 0.95), 2)


def _sub_event(match: TriggerMatch, actor1: Actor | None, target: Actor | None) -> str:
    """The sub-event type: the trigger's, or its family's by the role the ontology names (who
    acted, or who was hit); then the agent may change it ("rioters clashed" is a riot)."""
    onto, family = ontology(), match.entry.family
    sub = match.entry.sub_event_type
    if family:
        sub = onto.sub_event_for_roles(family, actor1, target)
    assert sub is not None
    crowd = onto.family_agent_type(family, actor1.actor_type if actor1 else None)
    if crowd is not None:
        return crowd
    unheld = onto.held_briefly(family)
    if unheld is not None and _held_briefly(match.token):
        return unheld  # ACLED: a place taken and not held is the fight for it
    return onto.sub_event_for_agent(sub, actor1.actor_type if actor1 else None)


def _defenceless(noun: Token) -> bool:
    """A victim who cannot fight back ("rematando a libios heridos", "executed captured
    soldiers"): violence against them is one-sided (ACLED: an Attack, not a clash)."""
    marks = words(noun.doc.lang_, "defenceless_words")
    if fold(noun.text) in marks:  # the victims named as such ("los presos", "prisoners")
        return True
    return any(  # a modifier in the victim's own phrase, not a clause of its own
        fold(t.text) in marks and not _clause(t)
        for t in noun.subtree
        if t.i != noun.i and t.dep_ in ("amod", "acl") and t.head.pos_ in ("NOUN", "PROPN")
    )


def _clause(word: Token) -> bool:
    """A word heading a clause of its own ("los soldados que habían herido a dos civiles")."""
    return any(c.dep_ in CLAUSE_DEPS or "Rel" in morph_values(c, "PronType")
               for c in children_of(word))


def _held_briefly(token: Token) -> bool:
    """A capture said to last a moment ("recapturaron brevemente la ciudad", "temporarily
    recaptured the area")."""
    brief = words(token.doc.lang_, "temporary_words")
    return any(c.dep_ == "advmod" and fold(c.text) in brief for c in children_of(token))


def _determiner_marks(det: Token) -> list[str]:
    return [*morph_values(det, "Definite"), *morph_values(det, "PronType")]


def anaphor_rules(token: Token, refers_to: frozenset[str]) -> list[str]:
    """A definite or demonstrative nominal of a general action ("el ataque", "this attack")
    may name an event just reported: `link:refers-to:<actions>` lets linking join them."""
    if token.pos_ != "NOUN" or not refers_to:
        return []
    marks = {m for c in children_of(token) if c.dep_ == "det" for m in _determiner_marks(c)}
    definite = bool(marks & {"Def", "Dem"})
    return [ANAPHOR_RULE + ",".join(sorted(refers_to))] if definite else []


def _general(match: TriggerMatch, span: Span) -> list[str]:
    """GENERAL_WORD for a trigger that is a general word alone ("un ataque", "a bombing": its
    type is the convention's default, and linking lets a specific mention type it), unless
    its sentence sets it beside a specific word of its event type ("los ataques aéreos, los
    bombardeos y los combates": the bombardeos are the shelling)."""
    token = match.token
    general = words(token.doc.lang_, "general_event_words")
    if match.entry.patterns[match.pattern_index].with_ or fold(token.lemma_) not in general:
        return []
    onto = ontology()
    kind = onto.event_type_of.get(match.entry.sub_event_type or "")
    beside = any(
        other.entry.sub_event_type != match.entry.sub_event_type
        and onto.event_type_of.get(other.entry.sub_event_type or "") == kind
        for other in reading(span).triggers or ()
        if other.token.i != token.i
    )
    return [] if beside else [GENERAL_WORD]


def _named_by(match: TriggerMatch, lang: str) -> frozenset[str]:
    """The actions a definite mention may name: a bare general word ("el ataque") those of
    every entry listing it; a word its modifiers made specific ("los ataques aéreos") those
    of its own entry."""
    if match.entry.patterns[match.pattern_index].with_:
        return match.entry.subsumed_by
    return actions_named(lang, fold(match.token.lemma_))


def _share_anaphor(events: list[Event]) -> None:
    """ "The attack killed 12": the sentence's other mentions of the same general action with
    no actor of their own name the same earlier event."""
    rule = next((r for ev in events for r in ev.rules if r.startswith(ANAPHOR_RULE)), None)
    if rule is None:
        return
    action = next(ev.action for ev in events if rule in ev.rules)
    for ev in events:
        no_actor = ev.actor1 is None or IMPLIED_ACTOR_RULE in ev.rules  # none named
        if ev.action == action and no_actor and rule not in ev.rules:
            ev.rules.append(rule)


def _distinct(places: list[Location | None]) -> list[Location | None]:
    """One event per place a trigger names: the same place once, and a place that holds
    another of the list ("Alepo" beside "Hanano, Alepo") gives no event of its own; a list
    of countries stays one event, at the first (countries are no event's place of impact)."""
    first = places[0] if places else None
    if first is not None and first.country and fold(first.canonical or "") == fold(first.country):
        return [first]  # countries listed ("protestas en Túnez, Egipto y Argelia"): the first
    out: list[Location | None] = []
    for place in places:
        relations = [place_relation(place, kept) for kept in out]
        if any(r in ("same", "b-in-a") for r in relations) and place is not None:
            continue
        out = [k for k, r in zip(out, relations, strict=True) if r != "a-in-b"] + [place]
    return out or [None]


def _events_for(
    story: Story, span: Span, match: TriggerMatch, roles: Roles, cues: list[SourceCue]
) -> list[Event]:
    """One event per agent and place of a trigger (coordinated agents and places split)."""
    onto, reader, doc = ontology(), story.reader, story.document
    record = reading(span)
    index, offset, token = record.index, paragraph(span.doc).offset or 0, match.token
    agents: list[Actor | None] = [*_actors(roles.agent, reader, roles.sides)] or [None]
    target = reader.actor_of(roles.target) if roles.target is not None else None
    if target is not None and roles.target is not None and _defenceless(roles.target):
        target = replace(target, actor_type=CIVILIANS_TYPE)  # for the type only: one-sided
    held = reader.actor_of(roles.held_by) if roles.held_by is not None else None
    holder = [held_by_rule(held)] if held is not None and held.canonical else []
    mentioned: list[Location | None] = [token_place(story, t) for t in roles.themes] or [None]
    places = _distinct([event_place(story, p, roles.rules) for p in mentioned])
    claims = _claims(story, span, cues)
    accuser = next((c for c in cues if c.accused is not None), None)
    accused = accuser.accused if accuser is not None else None
    if accuser is not None and agents == [None] and accuser.co_accused:
        agents = [accused, *accuser.co_accused]  # "acusaron a X y a su aliado Y de ...": each
    t_start, t_end = to_original(story.norm, offset + token.idx, offset + token.idx + len(token))
    family = match.entry.family
    ev = record.evidence
    assert ev is not None and index is not None  # the sentence locator's
    anaphor = anaphor_rules(token, _named_by(match, story.lang))
    when, when_text = trigger_time(story, span, token)
    out = []
    for agent in agents:
        actor1 = story.narrative_actor(family, agent or accused)
        if actor1 is not None and agent is None and accused is None:
            roles.rules.append("agent:narrative-previous")
        sub = _sub_event(match, actor1, target)
        for place in places:
            assoc: list[Actor] = []
            actor, implied_rule = _in_country(actor1, place, reader), []
            victim = _in_country(target, place, reader)
            country = (place.country if place else None) or reader.country_focus
            if onto.crowd_first(sub) and _acts_on_crowd(actor):
                actor, victim = _crowd(victim), actor  # ACLED: the crowd first, then the force
                implied_rule = [CROWD_FIRST_RULE]
            if actor is not None and actor.actor_type == CIVILIANS_TYPE:
                actor, victim = None, victim or actor  # ACLED: civilians are only ever actor 2
            if actor is None or not actor.canonical:
                implied = onto.default_actor(sub, country)
                if implied is not None:  # a named but unknown group stays associated
                    assoc = [actor1] if actor1 is not None else []
                    actor, implied_rule = implied, [*implied_rule, IMPLIED_ACTOR_RULE]
            extra = f"{actor.canonical if actor else ''}|{place.text if place else ''}"
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
                    ),  # fmt: skip
                    event_type=onto.event_type_of[sub],
                    sub_event_type=sub,
                    plover=onto.plover_of[sub],
                    action=match.entry.action,
                    date=when.value,
                    date_precision=when.precision,
                    date_text=when_text,
                    actor1=actor,
                    actor2=victim,
                    assoc_actors=assoc,
                    location=place,
                    claims=[  # an implied actor 1 is no one named to accuse
                        _party_stance(c, None if IMPLIED_ACTOR_RULE in implied_rule else actor,
                                      onto.event_type_of[sub], reader)
                        for c in claims
                    ],
                    confidence=confidence(actor, place),
                    rules=[
                        match.rule,
                        *_general(match, span),
                        *roles.rules,
                        *(c.rule for c in cues),
                        *anaphor,
                        *implied_rule,
                        *holder,
                    ],  # fmt: skip
                    lang=story.lang,
                    zone=record.zone,
                )
            )
    return out


def _acts_on_crowd(actor: Actor | None) -> bool:
    """An actor 1 that is not the crowd itself (police, soldiers acting on protesters)."""
    crowds = ontology().crowd_actor_types
    return actor is not None and bool(actor.canonical) and actor.actor_type not in crowds


def _crowd(victim: Actor | None) -> Actor | None:
    """The crowd of a protest whose actor 1 acted on it: the victim if it is a crowd, else
    none named (the type's implied protesters come in its place)."""
    crowds = ontology().crowd_actor_types
    return victim if victim is not None and victim.actor_type in crowds else None


def _in_country(actor: Actor | None, place: Location | None, reader: ArgumentReader) -> (
    Actor | None
):
    """An actor the document's country gave ("los civiles", "el Ejército" in a Syrian
    story) read again in the country of an event placed elsewhere ("cuatro prisioneros
    abatidos" in Libya, told in a story about Yemen), or one no country named yet ("dos
    civiles" before the story's country is known: "Civilians (Syria)" where it happened)."""
    focus = reader.country_focus
    if actor is None or place is None or not place.country:
        return actor
    if actor.canonical and (actor.country != focus or place.country == focus):
        return actor
    again = reader.actors.resolve(actor.text, reader.lang, place.country, reader.on_date)
    return again if again is not None and again.canonical else actor


def trigger_time(story: Story, span: Span, token: Token) -> tuple[ResolvedTime, str | None]:
    """The date of one trigger: in a sentence naming two dates, the one said of the trigger's
    own verb ("supo hoy que fue ejecutado en 2015"), else the last one before the trigger
    ("On 14 April ... by the following day they captured X"), resolved on the sentence's own
    date; else the sentence's. Pure: the story's timeline is not moved."""
    record = reading(span)
    own, own_text = record.time or UNKNOWN, record.date_text
    if own_text is None or own.date is None:
        return own, own_text
    mentions = record.times or []  # the time component's, found once
    if len(mentions) < 2:
        return own, own_text
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    governed = [m for m in mentions if (v := time_verb(span, m)) is not None and v.i == verb.i]
    before = [m for m in mentions if m.end <= token.idx - span.start_char]
    chosen = governed[0] if governed else before[-1] if before else None
    if chosen is None or chosen.text == own_text:
        return own, own_text
    resolved = resolve_time(with_tense(chosen, span, story.lang), story.timeline.dct, own.date)
    if not story.timeline.usable(resolved):
        return own, own_text
    return resolved, chosen.text


def news_background(events: list[Event], dct: date | None) -> list[Event]:
    """The events of a news report that tell its background ("en 2012, los combates llegaron
    a Damasco" in a 2016 article): dated long before the publication date, in a document that
    also reports something recent. A retrospective report, all of whose events are old, keeps
    them."""
    if dct is None:
        return []
    old = [ev for ev in events if _background(ev, dct)]
    dropped = {id(ev) for ev in old}
    recent = any(id(ev) not in dropped and ev.date is not None for ev in events)
    return old if recent else []


def after_publication(events: list[Event], dct: date | None) -> list[Event]:
    """Events told in the past but dated after the report's publication date ("El 4 de
    abril del 2017, un ataque …" in a page dated 2016): the page was rewritten after that
    date, so they are not news of this report (and the report's date cannot date them). A
    dated news brief carries its own date: the page's does not bound it."""
    if dct is None:
        return []
    return [
        ev for ev in events
        if ev.date is not None and ev.zone != SELF_DATED_ZONE and _time_of(ev).after(dct)
    ]  # fmt: skip


def undated_in_rewritten(events: list[Event], later: list[Event], dct: date | None) -> list[
    Event
]:
    """The events dated only by the publication date in a page that tells, in the past, at
    least REWRITTEN_AFTER events dated after it: the page was written later than its date
    says, so that date dates nothing ("Estas son las seis fases de un conflicto" in a page
    dated years before its last phase). A dated brief keeps its own date."""
    if dct is None or len(later) < REWRITTEN_AFTER:
        return []
    told_later = {id(ev) for ev in later}
    return [
        ev for ev in events
        if ev.date_text is None and ev.zone != SELF_DATED_ZONE and id(ev) not in told_later
    ]  # fmt: skip


def _time_of(event: Event) -> ResolvedTime:
    return ResolvedTime(event.date, event.date_precision, _day_of(event.date or ""))


def _background(event: Event, dct: date) -> bool:
    return event.date is not None and background(_time_of(event), dct)


def _day_of(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
