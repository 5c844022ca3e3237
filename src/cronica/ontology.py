"""The event ontology as data (data/ontology.yaml): ACLED types and PLOVER codes, trigger
families, implied actors, the counts actions imply, and the types linking treats specially.

Every stage asks this object; no module lists event types or actions in code. It lives
beside record.py (not in events/) because linking reads it too.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from typing import Any

from cronica.datafiles import load_yaml
from cronica.record import Actor

ROLES = ("actor1", "actor2")


@dataclass(frozen=True)
class Family:
    """Triggers whose sub-event type an actor's type decides (data/ontology.yaml `families`)."""

    name: str
    decided_by: str  # "actor1" (who acted) or "actor2" (whom it was done to)
    by_actor_type: dict[str, str]  # actor type -> sub-event type; "default" for the rest
    carries_actor: bool = False  # an actorless mention takes the family's last actor
    place_is_theme: bool = False  # the trigger's object or passive subject is the place
    held_briefly: str | None = None  # the sub-event type of a place taken and not held
    by_agent_type: dict[str, str] = field(default_factory=dict)  # who acted, over the role


@dataclass(frozen=True)
class Ontology:
    """ACLED types with their PLOVER codes, trigger families and linking's type sets."""

    event_type_of: dict[str, str]
    plover_of: dict[str, str]
    by_actor_type: dict[str, dict[str, str]]
    by_agent_type: dict[str, dict[str, str]] = field(default_factory=dict)
    default_actor1: dict[str, dict[str, str]] = field(default_factory=dict)
    families: dict[str, Family] = field(default_factory=dict)
    action_kinds: dict[str, str] = field(default_factory=dict)
    symmetric_types: frozenset[str] = frozenset()
    accusable_types: frozenset[str] = frozenset()
    crowd_types: frozenset[str] = frozenset()
    opponent_types: frozenset[str] = frozenset()
    escalation_ladder: tuple[str, ...] = ()
    carried_agent_types: frozenset[str] = frozenset()
    crowd_first_types: frozenset[str] = frozenset()

    def degree(self, sub_event_type: str) -> int | None:
        """How harsh `sub_event_type` is on the escalation ladder (0 mildest); None when it is
        not a degree of a crowd's happening."""
        if sub_event_type not in self.escalation_ladder:
            return None
        return self.escalation_ladder.index(sub_event_type)

    def sub_event_for_family(self, family: str, actor_type: str | None) -> str:
        """The sub-event type a family gives for the deciding actor's type."""
        table = self.by_actor_type[family]
        return table.get(actor_type or "", table["default"])

    def sub_event_for_roles(
        self, family: str, actor1: Actor | None, actor2: Actor | None
    ) -> str:
        """The sub-event type of a family's event, decided by the role the family names."""
        decider = actor1 if self.families[family].decided_by == "actor1" else actor2
        return self.sub_event_for_family(family, decider.actor_type if decider else None)

    def sub_event_for_agent(self, sub_event_type: str, agent_type: str | None) -> str:
        """The sub-event type once the agent is known ("rioters clashed" is a riot)."""
        return self.by_agent_type.get(sub_event_type, {}).get(agent_type or "", sub_event_type)

    def default_actor(self, sub_event_type: str, country: str | None) -> Actor | None:
        """The implied actor 1 of a sub-event type, or of its event type (protesters,
        rioters, an unidentified armed group)."""
        spec = self.default_actor1.get(sub_event_type) or self.default_actor1.get(
            self.event_type_of[sub_event_type]
        )
        if spec is None:
            return None
        canonical = spec["canonical"]
        if "{country}" not in canonical:  # one actor wherever ("Unidentified Military Forces")
            return Actor("", canonical, spec["actor_type"], None)
        name = canonical.format(country=country) if country else spec["actor_type"]
        return Actor("", name, spec["actor_type"], country)

    def crowd_as(self, actor: Actor, sub_event_type: str) -> Actor:
        """A crowd named as the event's type names its crowd: the protesters of a protest
        that turned violent are rioters (ACLED: "Rioters (Libya)"), and the other way round.
        Any other actor, or a crowd already so named, is returned as it is."""
        crowd = self.default_actor(sub_event_type, actor.country)
        kinds = {actor.actor_type, crowd.actor_type if crowd else None}
        if crowd is None or len(kinds) == 1 or not kinds <= self.crowd_actor_types:
            return actor
        return replace(crowd, text=actor.text)

    @cached_property
    def crowd_actor_types(self) -> frozenset[str | None]:
        """The actor types of a crowd: those implied by the escalation ladder's types."""
        implied = (self.default_actor(sub, None) for sub in self.escalation_ladder)
        return frozenset(a.actor_type for a in implied if a is not None)

    def is_crowd(self, sub_event_type: str | None) -> bool:
        """Whether the trigger's own words name the crowd that acts (a protest, a riot): its
        actor 1 is that crowd, never who acts on it in the clause above."""
        return sub_event_type in self.crowd_types

    def crowd_first(self, sub_event_type: str) -> bool:
        """Whether events of this sub-event type have the crowd as actor 1 and whoever acts
        on it as actor 2 (ACLED's protests)."""
        return self.event_type_of.get(sub_event_type) in self.crowd_first_types

    def takes_opponent(self, sub_event_type: str) -> bool:
        """Whether an event of this type with no actor 2 takes actor 1's opponent in the
        document (its actor 2 is the armed side on the other end)."""
        return self.event_type_of.get(sub_event_type) in self.opponent_types

    def carries_actor(self, family: str | None) -> bool:
        """Whether an actorless mention of `family` takes the family's last actor."""
        return family in self.families and self.families[family].carries_actor

    def family_agent_type(self, family: str | None, agent_type: str | None) -> str | None:
        """The sub-event type a family's event takes from who acted, whoever it was done to
        (a crowd that kills is mob violence), or None."""
        if family not in self.families or agent_type is None:
            return None
        return self.families[family].by_agent_type.get(agent_type)

    def held_briefly(self, family: str | None) -> str | None:
        """The sub-event type of a `family` event whose place is taken and not held (ACLED
        codes a capture reversed at once as the fight for the place)."""
        return self.families[family].held_briefly if family in self.families else None

    def place_is_theme(self, family: str | None) -> bool:
        """Whether a trigger of `family` takes its place as object ("tomaron Alepo")."""
        return family in self.families and self.families[family].place_is_theme

    def kind_of_action(self, action: str | None) -> str | None:
        """The count kind an action implies (evacuation -> evacuated), or None."""
        return self.action_kinds.get(action or "")

    def is_symmetric(self, event_type: str) -> bool:
        """Whether the two sides of `event_type` are interchangeable (Battles)."""
        return event_type in self.symmetric_types

    def carries_agent_type(self, event_type: str) -> bool:
        """Whether events of `event_type` are one side striking (one-sided violence, remote
        violence): an unnamed striker may be read from the story."""
        return event_type in self.carried_agent_types

    def is_accusable(self, event_type: str) -> bool:
        """Whether a detached denial or accusation can be about an event of `event_type`."""
        return event_type in self.accusable_types


def _family(name: str, raw: dict[str, Any], subs: dict[str, str]) -> Family:
    where = f"cronica/data/ontology.yaml: family {name!r}"
    table = dict(raw.get("by_actor_type") or {})
    if "default" not in table:
        raise ValueError(f"{where}: by_actor_type needs a default")
    unknown = sorted(set(table.values()) - set(subs))
    if unknown:
        raise ValueError(f"{where}: unknown sub-event type(s) {', '.join(unknown)}")
    if raw.get("decided_by") not in ROLES:
        raise ValueError(f"{where}: decided_by must be one of {', '.join(ROLES)}")
    brief = raw.get("held_briefly")
    if brief is not None and brief not in subs:
        raise ValueError(f"{where}: unknown sub-event type {brief}")
    agents = dict(raw.get("by_agent_type") or {})
    unknown_agents = sorted(set(agents.values()) - set(subs))
    if unknown_agents:
        raise ValueError(f"{where}: unknown sub-event type(s) {', '.join(unknown_agents)}")
    return Family(
        name,
        raw["decided_by"],
        table,
        bool(raw.get("carries_actor", False)),
        bool(raw.get("place_is_theme", False)),
        brief,
        agents,
    )


def _event_types(data: dict[str, Any], key: str) -> frozenset[str]:
    found = frozenset(data.get(key) or ())
    unknown = sorted(found - set(data["event_types"]))
    if unknown:
        raise ValueError(f"cronica/data/ontology.yaml: {key}: unknown {', '.join(unknown)}")
    return found


def _sub_event_types(data: dict[str, Any], key: str, known: dict[str, str]) -> frozenset[str]:
    found = frozenset(data.get(key) or ())
    unknown = sorted(found - set(known))
    if unknown:
        raise ValueError(f"cronica/data/ontology.yaml: {key}: unknown {', '.join(unknown)}")
    return found


def _ladder(data: dict[str, Any], key: str, known: dict[str, str]) -> tuple[str, ...]:
    found = tuple(data.get(key) or ())
    _sub_event_types({key: found}, key, known)
    return found


@cache
def ontology() -> Ontology:
    """The ACLED/PLOVER ontology (data/ontology.yaml), read once."""
    data = load_yaml("ontology.yaml")
    event_type_of: dict[str, str] = {}
    plover_of: dict[str, str] = {}
    for event_type, subs in data["event_types"].items():
        for sub, plover in subs.items():
            event_type_of[sub] = event_type
            plover_of[sub] = plover
    families = {
        name: _family(name, raw, event_type_of) for name, raw in data["families"].items()
    }
    return Ontology(
        event_type_of,
        plover_of,
        {name: fam.by_actor_type for name, fam in families.items()},
        data.get("by_agent_type", {}),
        data.get("default_actor1", {}),
        families,
        dict(data.get("action_kinds") or {}),
        _event_types(data, "symmetric_types"),
        _event_types(data, "accusable_types"),
        _sub_event_types(data, "crowd_sub_event_types", event_type_of),
        _event_types(data, "opponent_types"),
        _ladder(data, "escalation_ladder", event_type_of),
        _event_types(data, "carried_agent_types"),
        _event_types(data, "crowd_first_types"),
    )
