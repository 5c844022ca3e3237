"""Descriptor phrases filed under their first word find the phrase a scan over every phrase,
longest first, finds: the first one that starts a mention's key."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cronica.resolve.places.mention import _phrases, _phrases_by_word


def _first_by_scan(key: str, lang: str) -> tuple[str, str] | None:
    return next(((p, r) for p, r in _phrases(lang)
                 if key.startswith(p + " ") and len(key) > len(p) + 1), None)


def _first_filed(key: str, lang: str) -> tuple[str, str] | None:
    return next(((p, r) for p, r in _phrases_by_word(lang).get(key.split(" ", 1)[0], ())
                 if key.startswith(p + " ") and len(key) > len(p) + 1), None)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_phrase_is_filed_once_in_order(lang: str) -> None:
    filed = _phrases_by_word(lang)
    assert sum(len(v) for v in filed.values()) == len(_phrases(lang))
    for word, phrases in filed.items():
        assert all(p.split(" ", 1)[0] == word for p, _ in phrases)
        order = [_phrases(lang).index(item) for item in phrases]
        assert order == sorted(order)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_phrase_before_a_name_is_found_under_its_first_word(lang: str) -> None:
    for phrase, _ in _phrases(lang):
        key = f"{phrase} zafaraniya"
        assert _first_filed(key, lang) == _first_by_scan(key, lang)
        assert _first_filed(key, lang) is not None


@settings(max_examples=300, deadline=None, database=None)
@given(lang=st.sampled_from(["es", "en"]), data=st.data())
def test_filed_look_up_equals_the_scan(lang: str, data: st.DataObject) -> None:
    words = sorted({w for p, _ in _phrases(lang) for w in p.split()}) + ["", "de", "x", "hama"]
    key = " ".join(data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=6)))
    assert _first_filed(key, lang) == _first_by_scan(key, lang)
