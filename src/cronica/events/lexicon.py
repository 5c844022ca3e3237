"""Load the trigger lexicons and attribution cues (the ontology itself: cronica/ontology.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from cronica.lang import pack
from cronica.ontology import Ontology as Ontology  # re-exported: the ontology's old home
from cronica.ontology import ontology
from cronica.text import fold, fold_all


@dataclass(frozen=True)
class TriggerPattern:
    lemmas: frozenset[str]
    pos: frozenset[str] = frozenset()
    with_: frozenset[str] = frozenset()
    sentence_has: frozenset[str] = frozenset()
    not_near: frozenset[str] = frozenset()
    sentence_lacks: frozenset[str] = frozenset()
    requires: str | None = None


@dataclass(frozen=True)
class TriggerEntry:
    action: str
    sub_event_type: str | None  # None when decided by `family`
    family: str | None
    patterns: tuple[TriggerPattern, ...]
    subsumed_by: frozenset[str] = frozenset()


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


def _pattern(raw: dict[str, Any]) -> TriggerPattern:
    return TriggerPattern(
        lemmas=fold_all(raw["lemma"]),
        pos=frozenset(raw.get("pos", [])),
        with_=fold_all(raw.get("with")),
        sentence_has=fold_all(raw.get("sentence_has")),
        not_near=fold_all(raw.get("not_near")),
        sentence_lacks=fold_all(raw.get("sentence_lacks")),
        requires=raw.get("requires"),
    )


@cache
def triggers(lang: str) -> tuple[TriggerEntry, ...]:
    """Trigger entries for a language, in priority order (lang/<lang>/triggers.yaml)."""
    data = pack(lang).lexicon("triggers")
    onto = ontology()
    entries = []
    for raw in data.get("triggers") or ():  # a pack without triggers finds no events
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
def trigger_words(lang: str, group: str) -> frozenset[str]:
    """A folded word group kept beside the triggers (lang/<lang>/triggers.yaml), for words that
    are also labels in code and so cannot live in words.yaml ("day", "week")."""
    return fold_all(pack(lang).lexicon("triggers").get(group))


@cache
def attribution_data(lang: str) -> dict[str, Any]:
    """The parsed lang/<lang>/attribution.yaml, read once (cues here, extra cues in
    events/attribution.py)."""
    return pack(lang).lexicon("attribution")


@cache
def attribution_cues(lang: str) -> AttributionCues:
    """Attribution cues for a language (lang/<lang>/attribution.yaml)."""
    data = attribution_data(lang)  # every key optional: a pack may have no attribution cues
    stance_of_verb = {
        fold(verb): stance
        for stance, verbs in (data.get("speech_verbs") or {}).items()
        for verb in verbs
    }
    return AttributionCues(
        according_to=tuple(
            tuple(fold(w) for w in seq) for seq in data.get("according_to") or ()
        ),
        stance_of_verb=stance_of_verb,
        number_claims=tuple(
            (fold(item["verb"]), fold_all(item["with"]))
            for item in data.get("number_claims") or ()
        ),
        unnamed_sources=fold_all(data.get("unnamed_sources")),
        place_nouns=fold_all(data.get("place_nouns")),
        person_nouns=fold_all(data.get("person_nouns")),
        non_factual_heads=fold_all(data.get("non_factual_heads")),
        background_preps=fold_all(data.get("background_preps")),
        patient_verbs=fold_all(data.get("patient_verbs")),
    )


@cache
def patterns_by_lemma(lang: str) -> tuple[
    tuple[tuple[TriggerEntry, int, TriggerPattern], ...], dict[str, tuple[int, ...]]
]:
    """Every (entry, pattern index, pattern) of `lang` in priority order, and for each folded
    lemma the positions in that order of the patterns that list it: a sentence need only try
    the patterns of the lemmas it has."""
    flat = tuple((e, n, p) for e in triggers(lang) for n, p in enumerate(e.patterns))
    positions: dict[str, list[int]] = {}
    for at, (_, _, pattern) in enumerate(flat):
        for lemma in pattern.lemmas:
            positions.setdefault(lemma, []).append(at)
    return flat, {lemma: tuple(found) for lemma, found in positions.items()}


@cache
def trigger_lemmas(lang: str) -> frozenset[str]:
    """Every folded lemma a trigger of `lang` may have."""
    return frozenset(lemma for e in triggers(lang) for p in e.patterns for lemma in p.lemmas)


@cache
def actions_named(lang: str, lemma: str) -> frozenset[str]:
    """The actions a general word may name when it refers back ("el ataque" names an air
    strike or a shelling told just before): the actions that subsume an entry listing the
    (folded) lemma, whichever entry its words matched ("ataque" alone is a shelling by the
    convention, and still names what an attack names)."""
    found: set[str] = set()
    for entry in triggers(lang):
        if any(lemma in p.lemmas for p in entry.patterns):
            found.update(entry.subsumed_by)
    return frozenset(found)
