"""ACLED's codebook as code sets: event and sub-event types, disorder types, actor (inter)
codes, interaction codes, time and geo precision, source scales. The ACLED-style export
writes only these values; a test checks it against them."""

from __future__ import annotations

from cronica.ontology import ontology

# sub-event type -> event type: ACLED's 25 sub-event types under 6 event types, as the
# ontology (data/ontology.yaml) holds them.
SUB_EVENT_TYPES: dict[str, str] = dict(ontology().event_type_of)
EVENT_TYPES: frozenset[str] = frozenset(SUB_EVENT_TYPES.values())

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC = "Strategic developments"
BOTH = f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}"
DISORDER_TYPES: frozenset[str] = frozenset({POLITICAL_VIOLENCE, DEMONSTRATIONS, STRATEGIC, BOTH})
# Sub-event types whose disorder type is not the one of their event type.
_DISORDER_BY_SUB: dict[str, str] = {
    "Excessive force against protesters": BOTH,
    "Mob violence": POLITICAL_VIOLENCE,
}
_DISORDER_BY_TYPE: dict[str, str] = {
    "Battles": POLITICAL_VIOLENCE,
    "Explosions/Remote violence": POLITICAL_VIOLENCE,
    "Violence against civilians": POLITICAL_VIOLENCE,
    "Protests": DEMONSTRATIONS,
    "Riots": DEMONSTRATIONS,
    "Strategic developments": STRATEGIC,
}

# inter codes: 0 no actor, 1-8 the actor types.
INTER: dict[int, str] = {
    1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces",
}  # fmt: skip
INTER_CODES: frozenset[int] = frozenset({0, *INTER})
# interaction: the two inter codes, lowest first; a sole actor is "N0".
INTERACTIONS: frozenset[str] = frozenset(
    f"{a}{b}" for a in range(1, 9) for b in [0, *range(a, 9)]
)
TIME_PRECISION: frozenset[int] = frozenset({1, 2, 3})
GEO_PRECISION: frozenset[int] = frozenset({1, 2, 3})
CIVILIAN_TARGETING: frozenset[str] = frozenset({"", "Civilian targeting"})
SOURCE_SCALES: frozenset[str] = frozenset({
    "Local partner", "Subnational", "National", "Regional", "International", "New media",
    "Other",
})  # single scales; a row joins several with "-" ("National-International")
# Event types where civilians can be the target ACLED's `civilian_targeting` marks.
CIVILIAN_TARGETING_TYPES: frozenset[str] = frozenset({
    "Violence against civilians", "Explosions/Remote violence", "Riots",
})


def disorder_type(event_type: str, sub_event_type: str = "") -> str:
    """ACLED's disorder type for a (sub-)event type; '' when the type is not ACLED's."""
    if sub_event_type in _DISORDER_BY_SUB:
        return _DISORDER_BY_SUB[sub_event_type]
    return _DISORDER_BY_TYPE.get(event_type.strip(), "")
