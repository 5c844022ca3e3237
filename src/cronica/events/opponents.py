"""The other side of a fight, from the rest of the document.

A report about one campaign names who fights whom once ("the army launched an offensive
against ISIL") and then tells each step with the actor alone ("the army captured three
villages"). ACLED codes the other side on every step. An armed event with actor 1 and no
actor 2 takes actor 1's opponent in this document: the actor it is most often paired with in
events that name both sides, either way round, when one actor leads that count; failing that,
in a fight (Battles), the armed actor of the other camp that acts most often in the document.
The reverse too: a strike no one is named for on a place one camp holds ("barrios controlados
por el régimen") is by the other camp's leading actor (`strikers_from_holders`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from cronica.link.compare import IMPLIED_ACTOR
from cronica.ontology import ontology
from cronica.record import Actor, Event

OPPONENT_RULE = "actor2:story-opponent"
HELD_BY_RULE = "place:held-by:"  # + actor type "|" canonical name: who holds the place hit
HOLDER_OPPONENT_RULE = "actor1:opponent-of-holder"
NOT_A_SIDE = frozenset({"Civilians", "Protesters", "Rioters"})
CAMPS = {"State forces": "state", "Rebel groups": "armed groups",
         "Political militias": "armed groups"}  # the two camps of a civil war


def _side(actor: Actor | None) -> str | None:
    if actor is None or not actor.canonical or actor.actor_type in NOT_A_SIDE:
        return None
    return actor.canonical


def opponents(events: list[Event]) -> dict[str, Actor]:
    """Each actor's opponent in these events: the one it meets most often, when unique."""
    met: dict[str, Counter[str]] = defaultdict(Counter)
    named: dict[str, Actor] = {}
    for ev in events:
        one, two = _side(ev.actor1), _side(ev.actor2)
        if one is None or two is None or one == two or OPPONENT_RULE in ev.rules:
            continue
        met[one][two] += 1
        met[two][one] += 1
        named.setdefault(one, ev.actor1)  # type: ignore[arg-type]
        named.setdefault(two, ev.actor2)  # type: ignore[arg-type]
    found: dict[str, Actor] = {}
    for actor, counts in met.items():
        leader = _leader(counts)
        if leader is not None:
            found[actor] = named[leader]
    return found


def _leader(counts: Counter[str]) -> str | None:
    ranked = counts.most_common(2)
    return ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None


def _across_camps(events: list[Event]) -> dict[str, Actor]:
    """When no event names both sides: the armed actor of the other camp (state forces
    against rebels and militias) that acts most often in this document's armed events,
    when one leads ("el Ejército capturó X" ... "los rebeldes lanzaron un contraataque")."""
    onto = ontology()
    acting: Counter[str] = Counter()
    named: dict[str, Actor] = {}
    for ev in events:
        one = _side(ev.actor1)
        if one is not None and _camp(ev.actor1) and onto.takes_opponent(ev.sub_event_type):
            acting[one] += 1
            named.setdefault(one, ev.actor1)  # type: ignore[arg-type]
    found: dict[str, Actor] = {}
    for actor in acting:
        camp = _camp(named[actor])
        others = Counter({o: n for o, n in acting.items() if _camp(named[o]) not in (None, camp)})
        leader = _leader(others) if others else None
        if leader is not None:
            found[actor] = named[leader]
    return found


def _camp(actor: Actor | None) -> str | None:
    """State forces, or the armed groups they fight; None for anyone else."""
    kind = actor.actor_type if actor is not None else None
    return CAMPS.get(kind or "")


def held_by_rule(holder: Actor) -> str:
    """The rule that records who holds the place an event hit (read by
    `strikers_from_holders`)."""
    return f"{HELD_BY_RULE}{holder.actor_type or ''}|{holder.canonical}"


def _holder(ev: Event) -> tuple[str, str] | None:
    rule = next((r for r in ev.rules if r.startswith(HELD_BY_RULE)), None)
    if rule is None:
        return None
    kind, _, name = rule[len(HELD_BY_RULE):].partition("|")
    return kind, name


def _striking_camps(events: list[Event]) -> dict[str, Actor]:
    """Each camp's leading actor: by the armed events it is named acting in, else by the
    events it is named in at all ("el Gobierno acordó con las facciones rebeldes")."""
    onto = ontology()
    acting: dict[str, Counter[str]] = defaultdict(Counter)
    named_at_all: dict[str, Counter[str]] = defaultdict(Counter)
    named: dict[str, Actor] = {}
    for ev in events:
        for actor in (ev.actor1, ev.actor2):
            camp, side = _camp(actor), _side(actor)
            if camp is None or side is None or (actor is ev.actor1 and IMPLIED_ACTOR in ev.rules):
                continue
            named.setdefault(side, actor)  # type: ignore[arg-type]
            named_at_all[camp][side] += 1
            if actor is ev.actor1 and onto.takes_opponent(ev.sub_event_type):
                acting[camp][side] += 1
    found: dict[str, Actor] = {}
    for camp, counts in named_at_all.items():
        lead = _leader(acting[camp]) if acting[camp] else _leader(counts)
        if lead is not None:
            found[camp] = named[lead]
    return found


def _by_holders_opponent(ev: Event, camps: dict[str, Actor]) -> Event:
    """A strike no one is named for on a place one camp holds ("cohetes sobre barrios
    controlados por las autoridades sirias"): the other camp's leading actor in the document
    struck it, as a coder reads the report."""
    held = _holder(ev)
    if held is None or not ontology().carries_agent_type(ev.event_type):
        return ev
    if ev.actor1 is not None and ev.actor1.canonical and IMPLIED_ACTOR not in ev.rules:
        return ev
    camp = CAMPS.get(held[0])
    other = next((a for c, a in camps.items() if camp is not None and c != camp), None)
    if other is None or other.canonical == held[1]:
        return ev
    rules = [r for r in ev.rules if r != IMPLIED_ACTOR]
    return replace(ev, actor1=replace(other, text=""), rules=[*rules, HOLDER_OPPONENT_RULE])


def strikers_from_holders(events: list[Event]) -> list[Event]:
    """A strike no one is named for on a place one camp holds takes the other camp's leading
    actor in the document as actor 1 (before linking, so that the strikes told next carry
    it: `link.carried`)."""
    camps = _striking_camps(events)
    return [_by_holders_opponent(ev, camps) for ev in events]


def fill_opponents(events: list[Event]) -> list[Event]:
    """Armed events with actor 1 but no actor 2 take actor 1's opponent in the document (for
    a fight with no pair named, the other camp's leading actor)."""
    sides, camps = opponents(events), _across_camps(events)
    onto = ontology()
    out: list[Event] = []
    for ev in events:
        one = _side(ev.actor1)
        other = sides.get(one or "")
        if other is None and onto.is_symmetric(ev.event_type):  # a fight: the other camp
            other = camps.get(one or "")
        if ev.actor2 is None and other is not None and onto.takes_opponent(ev.sub_event_type):
            ev = replace(ev, actor2=replace(other, text=""), rules=[*ev.rules, OPPONENT_RULE])
        out.append(ev)
    return out
