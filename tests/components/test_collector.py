"""The cyclic collector's settings that loading a model leaves (cronica.components.nlp)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from cronica.components.nlp import YOUNG_COLLECTION, _collect_less_often, load_nlp


@pytest.fixture
def threshold() -> Iterator[None]:
    kept = gc.get_threshold()
    yield
    gc.set_threshold(*kept)


def test_a_loaded_model_leaves_young_collections_rarer(threshold: None) -> None:
    gc.set_threshold(700, 10, 10)
    load_nlp("es")
    assert gc.get_threshold()[0] >= YOUNG_COLLECTION > 700


@pytest.mark.parametrize("young", [0, 50_000])
def test_a_higher_threshold_or_a_disabled_collector_is_left_as_it_is(
    threshold: None, young: int
) -> None:
    gc.set_threshold(young, 10, 10)
    _collect_less_often()
    assert gc.get_threshold() == (young, 10, 10)
