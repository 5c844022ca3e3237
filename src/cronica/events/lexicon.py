"""Load the event ontology, trigger lexicons and attribution cues from data/*.yaml."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from cronica.datafiles import load_yaml
from cronica.lang import pack
from cronica.record import Actor
from cronica.text import fold, fold_all


@dataclass(frozen=True)
class TriggerPattern:
    lemmas: frozenset[str]
    pos: frozenset[str] = frozenset()
    with_: frozenset[str] = frozenset()
    sentence_has: frozenset[str] = frozenset()
    not_near: frozenset[str] = frozenset()
    requires: str | None = None


@dataclass(frozen=True)
class TriggerEntry:
    action: str
    sub_event_type: str | None  # None when decided by `family`
    family: str | None
    patterns: tuple[TriggerPattern, ...]
    subsumed_by: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Ontology:
    """ACLED types with their PLOVER codes and the actor-decided families."""

    event_type_of: dict[str, str]
    plover_of: dict[str, str]
    by_actor_type: dict[str, dict[str, str]]
    by_agent_type: dict[str, dict[str, str]] = field(default_factory=dict)
    default_actor1: dict[str, dict[str, str]] = field(default_factory=dict)

    def sub_event_for_family(self, family: str, actor_type: str | None) -> str:
        table = self.by_actor_type[family]
        return table.get(actor_type or "", table["default"])

    def sub_event_for_agent(self, sub_event_type: str, agent_type: str | None) -> str:
        """The sub-event type once the agent is known ("rioters clashed" is a riot)."""
        return self.by_agent_type.get(sub_event_type, {}).get(agent_type or "", sub_event_type)

    def default_actor(self, sub_event_type: str, country: str | None) -> Actor | None:
        """The implied actor 1 of a demonstration event (protesters, rioters)."""
        spec = self.default_actor1.get(self.event_type_of[sub_event_type])
        if spec is None:
            return None
        name = spec["canonical"].format(country=country) if country else spec["actor_type"]
        return Actor("", name, spec["actor_type"], country)


@dataclass(frozen=True)
class AttributionCues:
    according_to: tuple[tuple[str, ...], ...]
    stance_of_verb: dict[str, str]
    number_claims: tuple[tuple[str, frozenset[str]], ...]
    unnamed_sources: frozenset[str]
    place_nouns: frozenset[str]
    person_nouns: frozenset[str] = field(default_factory=frozenset)
    non_factual_heads: frozenset[str] = field(default_factory=frozenset)
    background_preps: frozenset[str] = field(default_factory=frozenset)
    patient_verbs: frozenset[str] = field(default_factory=frozenset)


@cache
def ontology() -> Ontology:
    """The ACLED/PLOVER ontology (data/ontology.yaml)."""
    data = load_yaml("ontology.yaml")
    event_type_of: dict[str, str] = {}
    plover_of: dict[str, str] = {}
    for event_type, subs in data["event_types"].items():
        for sub, plover in subs.items():
            event_type_of[sub] = event_type
            plover_of[sub] = plover
    return Ontology(
        event_type_of,
        plover_of,
        data["by_actor_type"],
        data.get("by_agent_type", {}),
        data.get("default_actor1", {}),
    )


def _pattern(raw: dict[str, Any]) -> TriggerPattern:
    return TriggerPattern(
        lemmas=fold_all(raw["lemma"]),
        pos=frozenset(raw.get("pos", [])),
        with_=fold_all(raw.get("with")),
        sentence_has=fold_all(raw.get("sentence_has")),
        not_near=fold_all(raw.get("not_near")),
        requires=raw.get("requires"),
    )


@cache
def triggers(lang: str) -> tuple[TriggerEntry, ...]:
    """Trigger entries for a language, in priority order (lang/<lang>/triggers.yaml)."""
    data = pack(lang).lexicon("triggers")
    onto = ontology()
    entries = []
    for raw in data["triggers"]:
        sub = raw.get("sub_event_type")
        family = raw.get("family")
        if sub is not None and sub not in onto.event_type_of:
            raise ValueError(f"lang/{lang}/triggers.yaml: unknown sub_event_type {sub!r}")
        if family is not None and family not in onto.by_actor_type:
            raise ValueError(f"lang/{lang}/triggers.yaml: unknown family {family!r}")
        if (sub is None) == (family is None):
            raise ValueError(
                f"lang/{lang}/triggers.yaml: {raw['action']!r} needs sub_event_type or family"
            )
        entries.append(
            TriggerEntry(
                action=raw["action"],
                sub_event_type=sub,
                family=family,
                patterns=tuple(_pattern(p) for p in raw["patterns"]),
                subsumed_by=frozenset(raw.get("subsumed_by", [])),
            )
        )
    return tuple(entries)


@cache
def attribution_data(lang: str) -> dict[str, Any]:
    """The parsed lang/<lang>/attribution.yaml, read once (cues here, extra cues in
    events/attribution.py)."""
    return pack(lang).lexicon("attribution")


@cache
def attribution_cues(lang: str) -> AttributionCues:
    """Attribution cues for a language (lang/<lang>/attribution.yaml)."""
    data = attribution_data(lang)
    stance_of_verb = {
        fold(verb): stance for stance, verbs in data["speech_verbs"].items() for verb in verbs
    }
    return AttributionCues(
        according_to=tuple(tuple(fold(w) for w in seq) for seq in data["according_to"]),
        stance_of_verb=stance_of_verb,
        number_claims=tuple(
            (fold(item["verb"]), fold_all(item["with"])) for item in data["number_claims"]
        ),
        unnamed_sources=fold_all(data["unnamed_sources"]),
        place_nouns=fold_all(data["place_nouns"]),
        person_nouns=fold_all(data.get("person_nouns")),
        non_factual_heads=fold_all(data.get("non_factual_heads")),
        background_preps=fold_all(data.get("background_preps")),
        patient_verbs=fold_all(data.get("patient_verbs")),
    )
