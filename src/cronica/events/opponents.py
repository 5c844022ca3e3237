"""The other side of a fight, from the rest of the document.

A report about one campaign names who fights whom once ("the army launched an offensive
against ISIL") and then tells each step with the actor alone ("the army captured three
villages"). ACLED codes the other side on every step. An armed event with actor 1 and no
actor 2 takes actor 1's opponent in this document: the actor it is most often paired with in
events that name both sides, either way round, when one actor leads that count.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from cronica.ontology import ontology
from cronica.record import Actor, Event

OPPONENT_RULE = "actor2:story-opponent"
NOT_A_SIDE = frozenset({"Civilians", "Protesters", "Rioters"})


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
        ranked = counts.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            found[actor] = named[ranked[0][0]]
    return found


def fill_opponents(events: list[Event]) -> list[Event]:
    """Armed events with actor 1 but no actor 2 take actor 1's opponent in the document."""
    sides = opponents(events)
    onto = ontology()
    out: list[Event] = []
    for ev in events:
        one = _side(ev.actor1)
        if (
            ev.actor2 is None
            and one in sides
            and onto.takes_opponent(ev.sub_event_type)
        ):
            ev = replace(ev, actor2=replace(sides[one], text=""), rules=[*ev.rules, OPPONENT_RULE])
        out.append(ev)
    return out
