"""Build events from a sentence the components have read: trigger, roles, sources, places,
date and counts become Event records, with the story's context (narrative actor and place)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from cronica.documents.normalise import to_original
from cronica.events.arguments import ArgumentReader, Roles
from cronica.events.attribution import SourceCue
from cronica.events.detect import TriggerMatch
from cronica.events.lexicon import ontology
from cronica.events.place_of import event_place, token_place
from cronica.events.quantities import sentence_quantities
from cronica.events.syntax import coordinated
from cronica.link.merge import fatalities_of, merge_within_sentence
from cronica.record import Actor, Claim, Event, Evidence, Location, Quantity, event_id_for
from cronica.story import Story

FOLLOW_UP_SENTENCES = 2  # how far back an event-less sentence's toll may reach
FOLLOW_UP_KINDS = ("killed", "wounded", "detained", "displaced", "evacuated", "surrendered")


def sentence_events(story: Story, span: Span) -> list[Event]:
    """The events of one read sentence, merged within it; a toll in an event-less sentence
    goes to the events just reported."""
    index = span._.index
    story.count_cities(span, index)
    story.at(span)
    events: list[tuple[int, Event]] = []
    for match in span._.triggers:
        cues = span._.cues.get(match.token.i, [])
        for ev in _events_for(story, span, match, span._.roles[match.token.i], cues):
            events.append((match.token.i, ev))
    if not events:
        _attach_to_previous(story, span)
        return []
    _attach_quantities(events, span._.quantities)
    merged = merge_within_sentence([ev for _, ev in events])
    story.last_events, story.last_index = merged, index
    return merged


def _attach_to_previous(story: Story, span: Span) -> None:
    """A toll in a sentence of its own ("Two civilians died.") belongs to the event just
    reported (at most FOLLOW_UP_SENTENCES back)."""
    if not story.last_events or span._.index - story.last_index > FOLLOW_UP_SENTENCES:
        return
    if not story.reports(span):
        return
    target = story.last_events[0]
    found = sentence_quantities(span, story.lang, target.action)
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
    doc, offset, index = story.document, span.doc._.offset, span._.index
    claims = [
        Claim(
            c.source,
            c.source_type,
            c.stance,
            doc.id,
            index,
            to_original(story.norm, offset + c.span[0], offset + c.span[1]),
        )
        for c in cues
    ]
    if doc.source and not any(c.source == doc.source for c in claims):
        claims.append(Claim(doc.source, "media", "reports", doc.id, index, None))
    return claims


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
    return onto.sub_event_for_agent(sub, actor1.actor_type if actor1 else None)


def _events_for(
    story: Story, span: Span, match: TriggerMatch, roles: Roles, cues: list[SourceCue]
) -> list[Event]:
    """One event per agent and place of a trigger (coordinated agents and places split)."""
    onto, reader, doc = ontology(), story.reader, story.document
    index, offset, token = span._.index, span.doc._.offset, match.token
    agents: list[Actor | None] = [*_actors(roles.agent, reader)] or [None]
    target = reader.actor_of(roles.target) if roles.target is not None else None
    mentioned: list[Location | None] = [token_place(story, t) for t in roles.themes] or [None]
    places = [event_place(story, p, roles.rules) for p in mentioned]
    claims = _claims(story, span, cues)
    accused = next((c.accused for c in cues if c.accused is not None), None)
    t_start, t_end = to_original(story.norm, offset + token.idx, offset + token.idx + len(token))
    family = match.entry.family
    ev = span._.evidence
    out = []
    for agent in agents:
        actor1 = story.narrative_actor(family, agent or accused)
        if actor1 is not None and agent is None and accused is None:
            roles.rules.append("agent:narrative-previous")
        sub = _sub_event(match, actor1, target)
        for place in places:
            assoc: list[Actor] = []
            if actor1 is None or not actor1.canonical:
                country = (place.country if place else None) or reader.country_focus
                implied = onto.default_actor(sub, country)
                if implied is not None:  # a named but unknown group stays associated
                    assoc = [actor1] if actor1 is not None else []
                    actor1 = implied
            extra = f"{actor1.canonical if actor1 else ''}|{place.text if place else ''}"
            out.append(
                Event(
                    event_id=event_id_for(doc.content_hash, index, t_start, extra),
                    document=doc.id,
                    sentence_index=index,
                    evidence=Evidence(
                        ev.sentence, ev.start, ev.end, list(ev.citations), token.text,
                        t_start, t_end,
                    ),  # fmt: skip
                    event_type=onto.event_type_of[sub],
                    sub_event_type=sub,
                    plover=onto.plover_of[sub],
                    action=match.entry.action,
                    date=span._.time.value,
                    date_precision=span._.time.precision,
                    date_text=span._.date_text,
                    actor1=actor1,
                    actor2=target,
                    assoc_actors=assoc,
                    location=place,
                    claims=list(claims),
                    confidence=confidence(actor1, place),
                    rules=[match.rule, *roles.rules, *(c.rule for c in cues)],
                    lang=story.lang,
                    zone=span._.zone,
                )
            )
    return out
