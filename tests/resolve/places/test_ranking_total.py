"""The score adds a candidate's terms group by group, as the plain nested sum does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cronica.resolve.places.ranking import GROUPS, total

KEYS = [k for group in GROUPS for k in group]


@given(st.dictionaries(st.sampled_from(KEYS),
                       st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)))
def test_the_score_is_the_nested_sum_to_the_last_bit(parts: dict[str, float]) -> None:
    expected = sum(sum(parts[k] for k in group if k in parts) for group in GROUPS)
    found = total(parts)
    assert found == expected and type(found) is type(expected)
