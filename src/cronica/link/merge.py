"""Merge mentions of one event within a sentence and within a document.

Every claim and every mention (evidence sentence) of the merged events is kept. The kept
record is the most specific mention (a place inside the other's, an actor, a finer date);
its id stays the event's id. After merging, figures get their sources and each event is
settled: fatalities low / best / high and `disputed` (link/sources.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from cronica.link.compare import (
    IMPLIED_ACTOR,
    actors_compatible,
    place_relation,
    same_event,
    same_time,
)
from cronica.link.sources import settle, source_quantities
from cronica.ontology import ontology
from cronica.record import Claim, DetachedClaim, Event, Evidence, Fatalities, Quantity

DETACHED_WINDOW = 3  # sentences between a denial of an accusation and the accused event
ANAPHOR_WINDOW = 3  # sentences between an event and a later "el ataque" that names it
IMPLIED_ACTOR_RULE = IMPLIED_ACTOR  # actor1 is the ontology's default, no one named
ANAPHOR_RULE = "link:refers-to:"  # + the actions a general nominal may name (events/build.py)
DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def fatalities_of(quantities: list[Quantity]) -> Fatalities | None:
    """Fatalities from the `killed` counts: best = largest stated, bounds from approximations."""
    killed = [q for q in quantities if q.kind == "killed"]
    if not killed:
        return None
    best = max(q.value for q in killed)
    low = min(q.low if q.low is not None else q.value for q in killed)
    high = max(q.high if q.high is not None else q.value for q in killed)
    return Fatalities(low=min(low, best), best=best, high=max(high, best))


def _escalation(a: Event, b: Event) -> bool:
    """Two degrees of one happening ("mataron a manifestantes en las protestas")."""
    onto = ontology()
    return (
        a.event_type == b.event_type
        and onto.degree(a.sub_event_type) is not None
        and onto.degree(b.sub_event_type) is not None
    )


def _compatible(a: Event, b: Event) -> bool:
    if a.sub_event_type != b.sub_event_type and not _escalation(a, b):
        return False
    if place_relation(a.location, b.location) not in ("same", "unknown"):
        return False
    if a.sub_event_type != b.sub_event_type:
        return True  # degrees of one happening: the crowd of one is the other's target
    ca = a.actor1.canonical if a.actor1 and IMPLIED_ACTOR not in a.rules else None
    cb = b.actor1.canonical if b.actor1 and IMPLIED_ACTOR not in b.rules else None
    return not (ca and cb and ca != cb)  # an implied actor is no one in particular


def _absorb_sentence(keep: Event, other: Event) -> None:
    keep.location = keep.location or other.location
    if IMPLIED_ACTOR in keep.rules and IMPLIED_ACTOR not in other.rules and other.actor1:
        keep.actor1 = other.actor1  # a named actor over the ontology's default
        keep.rules.remove(IMPLIED_ACTOR)
    keep.actor1 = keep.actor1 or other.actor1
    keep.actor2 = keep.actor2 or other.actor2
    for claim in other.claims:
        if claim not in keep.claims:
            keep.claims.append(claim)
    keep.rules = [
        *keep.rules,
        *(r for r in other.rules if r not in keep.rules),
        "link:same-sentence",
    ]
    keep.confidence = max(keep.confidence, other.confidence)
    for quantity in other.quantities:  # counts attached to the absorbed trigger stay
        if quantity not in keep.quantities:
            keep.quantities.append(quantity)
    keep.fatalities = fatalities_of(keep.quantities)


def merge_within_sentence(events: list[Event]) -> list[Event]:
    """Two triggers of one event in a sentence ("combates ... avanzaron") become one event;
    two degrees of one happening become one of the harsher degree (ontology escalation)."""
    kept: list[Event] = []
    onto = ontology()
    for ev in events:
        twin = next((k for k in kept if _compatible(k, ev)), None)
        if twin is None:
            kept.append(ev)
        elif (onto.degree(ev.sub_event_type) or 0) > (onto.degree(twin.sub_event_type) or 0):
            kept[kept.index(twin)] = ev
            _absorb_sentence(ev, twin)
        else:
            _absorb_sentence(twin, ev)
    return kept


def mentions_of(event: Event) -> list[Evidence]:
    """The event's mentions; a fresh event's only mention is its own evidence."""
    if event.mentions:
        return event.mentions
    return [replace(event.evidence, document=event.document, sentence_index=event.sentence_index)]


def specificity(event: Event) -> tuple[int, ...]:
    """Higher is more specific: place inside the other's, precise place, actor, date."""
    loc = event.location
    return (
        1 if loc is not None and loc.lat is not None else 0,
        -(loc.geo_precision or 3) if loc is not None else -4,
        (1 if event.actor1 else 0) + (1 if event.actor2 else 0),
        -DATE_RANK.get(event.date_precision, 4),
        len(event.quantities),
    )


HEADLINE_ZONES = ("title", "heading")  # a body mention tells more than a headline


def prefer(twin: Event, other: Event) -> bool:
    """Whether `other` should be the kept record of the two: its place lies inside the twin's
    ("Hanano" in "Alepo"), the twin is only a headline, or it is more specific."""
    relation = place_relation(twin.location, other.location)
    if relation in ("a-in-b", "b-in-a"):
        return relation == "b-in-a"
    headline = (twin.zone in HEADLINE_ZONES, other.zone in HEADLINE_ZONES)
    if headline[0] != headline[1]:
        return headline[0]
    return specificity(other) > specificity(twin)


def _more_specific_place(keep: Event, other: Event) -> None:
    relation = place_relation(keep.location, other.location)
    if relation == "b-in-a" or (keep.location is None and other.location is not None):
        keep.location = other.location


def absorb(keep: Event, other: Event, rule: str) -> None:
    """`keep` takes `other`'s claims, mentions and figures, and fills what it lacks."""
    source_quantities(keep)
    source_quantities(other)
    _more_specific_place(keep, other)
    if IMPLIED_ACTOR in keep.rules and IMPLIED_ACTOR not in other.rules and other.actor1:
        keep.actor1 = other.actor1  # a named actor over the ontology's default
        keep.rules.remove(IMPLIED_ACTOR)
    keep.actor1 = keep.actor1 or other.actor1
    keep.actor2 = keep.actor2 or other.actor2
    if DATE_RANK.get(other.date_precision, 4) < DATE_RANK.get(keep.date_precision, 4):
        keep.date, keep.date_precision = other.date, other.date_precision
        keep.date_text = other.date_text
    keep.mentions = mentions_of(keep) + [
        m for m in mentions_of(other) if m not in mentions_of(keep)
    ]
    keep.claims += [c for c in other.claims if c not in keep.claims]
    seen = {(q.kind, q.value, q.source) for q in keep.quantities}
    keep.quantities += [q for q in other.quantities if (q.kind, q.value, q.source) not in seen]
    keep.rules = [*keep.rules, *(r for r in other.rules if r not in keep.rules)]
    if rule not in keep.rules:
        keep.rules.append(rule)
    keep.confidence = max(keep.confidence, other.confidence)
    settle(keep)


def _denied_anaphor(event: Event) -> bool:
    """ "El Ejército negó el ataque": a denied mention with no actor of its own."""
    return event.actor1 is None and any(c.stance == "denies" for c in event.claims)


def _anaphor_target(event: Event, kept: list[Event]) -> Event | None:
    """The nearest earlier event, at a compatible place and time, that a denial refers to."""
    for prior in reversed(kept):
        if event.sentence_index - prior.sentence_index > DETACHED_WINDOW:
            break
        if prior.sentence_index >= event.sentence_index or prior.event_type == "Other":
            continue
        if place_relation(prior.location, event.location) is not None:
            return prior
    return None


def _refers_to(event: Event) -> frozenset[str]:
    """The actions a definite general mention ("el ataque") may name, from its rule."""
    for rule in event.rules:
        if rule.startswith(ANAPHOR_RULE):
            return frozenset(rule[len(ANAPHOR_RULE) :].split(","))
    return frozenset()


def _named_earlier(event: Event, kept: list[Event]) -> Event | None:
    """The event a definite general mention names: the nearest earlier one (a few sentences
    back) of an action it may name, at a compatible place and time, with no other actor."""
    actions = _refers_to(event)
    if not actions:
        return None
    for prior in reversed(kept):
        if event.sentence_index - prior.sentence_index > ANAPHOR_WINDOW:
            continue
        if prior.sentence_index >= event.sentence_index or prior.action not in actions:
            continue
        if place_relation(prior.location, event.location) is None:
            continue
        if same_time(prior, event) is False or not actors_compatible(prior, event):
            continue
        return prior
    return None


def attach_detached(events: list[Event], detached: Sequence[DetachedClaim]) -> None:
    """Attach "X negó la acusación de Y" to the accused event: the nearest one (earlier first
    on a tie) of an accusable type (data/ontology.yaml), within a few sentences."""
    onto = ontology()
    for item in detached:
        candidates = [
            ev
            for ev in events
            if onto.is_accusable(ev.event_type)
            and abs(ev.sentence_index - item.sentence) <= DETACHED_WINDOW
        ]
        if not candidates:
            continue
        target = min(
            candidates,
            key=lambda ev: (
                abs(ev.sentence_index - item.sentence),
                ev.sentence_index > item.sentence,
            ),
        )
        claim = Claim(item.source, item.source_type, item.stance, target.document, item.sentence)
        if claim not in target.claims:
            target.claims.append(claim)
            target.rules.append(f"link:detached-{item.stance}")


def merge_document(events: list[Event], detached: Sequence[DetachedClaim] = ()) -> list[Event]:
    """One document's events with mentions of one event merged (across its sentences),
    detached claims attached, figures sourced and every event settled (disputed, fatalities).

    A mention that only denies ("El Ejército negó el ataque") joins the event it denies.
    """
    kept: list[Event] = []
    for ev in sorted(events, key=lambda e: e.sentence_index):
        source_quantities(ev)
        ev.mentions = mentions_of(ev)
        twin = next((k for k in kept if same_event(k, ev, same_document=True)), None)
        rule = "link:same-document"
        if twin is None and _denied_anaphor(ev):
            twin, rule = _anaphor_target(ev, kept), "link:denial-of-previous"
        if twin is None:
            twin, rule = _named_earlier(ev, kept), "link:names-previous"
            if twin is not None:  # the earlier, specific mention stays the record
                absorb(twin, ev, rule)
                continue
        if twin is None:
            kept.append(ev)
            continue
        if prefer(twin, ev):
            kept[kept.index(twin)] = ev
            absorb(ev, twin, rule)
        else:
            absorb(twin, ev, rule)
    attach_detached(kept, detached)
    for ev in kept:
        settle(ev)
    return kept
