"""FuzzyKeys scores what scoring every alias one by one scores: its length and letter bounds
only skip aliases that cannot reach the cutoff."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from cronica.resolve.fuzzy_keys import FuzzyKeys

WORDS = st.text(alphabet="abcr ", min_size=1, max_size=14)


def one_by_one(key: str, keys: list[str], cutoff: float) -> list[float]:
    """Each alias's ratio, or its partial ratio within a longer key where higher; 0 under
    the cutoff."""
    out = []
    for alias in keys:
        score = fuzz.ratio(key, alias)
        if len(alias) < len(key):
            score = max(score, fuzz.partial_ratio(alias, key))
        out.append(score if score >= cutoff else 0.0)
    return out


@settings(max_examples=300, deadline=None)
@given(WORDS, st.lists(WORDS, min_size=1, max_size=12), st.sampled_from([60.0, 75.0, 90.0]))
@example("las fuerzas del ejercito", ["fuerzas del ejercito", "ejercito libre", "del ej"], 90.0)
def test_scores_are_those_of_every_alias_scored(key: str, keys: list[str], cutoff: float) -> None:
    found = FuzzyKeys(keys).scores(key, cutoff).tolist()
    assert found == one_by_one(key, keys, cutoff)


NAMES = st.text(alphabet="abdehilmnorstu ", min_size=1, max_size=24)


@settings(max_examples=400, deadline=None, database=None)
@given(NAMES, st.lists(NAMES, min_size=1, max_size=16),
       st.sampled_from([66.0, 67.0, 80.0, 90.0, 95.0]))
@example("los manifestantes del barrio", ["hamas", "manifestantes", "del barrio", "los m"], 90.0)
def test_two_letter_bound_skips_only_aliases_under_the_cutoff(
    key: str, keys: list[str], cutoff: float,
) -> None:
    """Long keys and short aliases of many letters: the two-letter bound leaves out most
    aliases, never one whose partial ratio reaches the cutoff."""
    found = FuzzyKeys(keys).scores(key, cutoff).tolist()
    assert found == one_by_one(key, keys, cutoff)
