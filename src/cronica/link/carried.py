"""Perpetrators carried across a report: an event whose perpetrator is not named takes the
one of the event of the same type told just before, for one-sided violence (ontology's
`carried_agent_types`): "Aviones del régimen bombardearon Duma. Y en Homs, dos civiles
murieron en bombardeos" — the same actor's strikes, listed one after the other."""

from __future__ import annotations

from cronica.link.compare import IMPLIED_ACTOR
from cronica.ontology import ontology
from cronica.record import Event

WINDOW = 2  # sentences from the event whose perpetrator is carried
RULE = "agent:carried-from-previous-event"
CIVILIANS = "Civilians"  # ACLED's actor type of civilians: victims carried with the striker


def carry_agents(events: list[Event]) -> None:
    """Give each event of a carried-agent type with no named actor 1 the actor 1 of the
    nearest earlier event of the same type (at most WINDOW sentences before), unless that
    actor is the event's own actor 2."""
    carried = ontology().carried_agent_types
    last: dict[str, Event] = {}  # event type -> the last event naming its actor 1
    for ev in sorted(events, key=lambda e: e.sentence_index):
        if ev.event_type not in carried:
            continue
        if ev.actor1 is not None and IMPLIED_ACTOR not in ev.rules:
            last[ev.event_type] = ev
            continue
        prior = last.get(ev.event_type)
        if prior is None or ev.sentence_index - prior.sentence_index > WINDOW:
            continue
        actor = prior.actor1
        if actor is None or (ev.actor2 is not None and ev.actor2.canonical == actor.canonical):
            continue
        ev.actor1 = actor
        victims = prior.actor2
        if ev.actor2 is None and victims is not None and victims.actor_type == CIVILIANS:
            ev.actor2 = victims  # the same strikes on the same people ("y en Homs, ...")
        if IMPLIED_ACTOR in ev.rules:
            ev.rules.remove(IMPLIED_ACTOR)
        ev.rules.append(RULE)
