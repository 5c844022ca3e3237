"""The strings every match of a regex holds: exact where the parse tree tells, None where it
cannot, and never a set that a match lacks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cronica.resolve import time as time_module
from cronica.resolve.regex_literals import (
    LiteralGate,
    literal_test,
    needs_digit,
    required_literals,
)


@pytest.mark.parametrize(("source", "expected"), [
    (r"abc", {"abc"}),
    (r"(?:uno|dos) de", {"uno de", "dos de"}),
    (r"(?<!\w)(?:el\s+)?(?P<month>enero|mayo)(?!\w)", {"enero", "mayo"}),
    (r"\d{1,2}\s+de\s+(?:enero|mayo)", {"enero", "mayo"}),
    (r"(?:19|20)\d\d", {"19", "20"}),  # \d is any script's digit: not the ten
    (r"a(?=b)c", {"ac"}),  # a look-ahead matches nothing: a and c are adjacent
    (r"[0-9]+ horas", {" horas"}),
    (r"[0-9]+", set("0123456789")),
    (r"[0-9]+h", {"h"}),  # one string beats the ten digits
    (r"(?P<a>ab)(?P=a)?", {"ab"}),  # a back-reference adds nothing known
])
def test_required_strings(source: str, expected: set[str]) -> None:
    assert required_literals(source) == expected


@pytest.mark.parametrize("source", [
    r"x?",  # optional: a match may be empty
    r"\w+",  # a wide class
    r"(?:ayer|\w+)",  # one alternative requires nothing known
    r".",
    r"\d+",  # "٣" (an Arabic-Indic three) is a digit too
])
def test_nothing_known(source: str) -> None:
    assert required_literals(source) is None


def test_case_insensitive_patterns_are_not_told() -> None:
    assert required_literals("abc", re.IGNORECASE) is None
    assert required_literals("(?i)abc") is None
    assert required_literals("(?i:abc)") is None


def test_a_test_finds_what_every_match_holds() -> None:
    test = literal_test(r"(?<!\w)(?:el\s+)?(?:enero|mayo)(?!\w)")
    assert test is not None
    assert test.search("llegó el 3 de mayo") and not test.search("llegó el martes")
    assert literal_test(r"\w+") is None


_PIECES = ["a", "b", "ab", "(?:a|b)", "(?:ab|ba)", "b?", "a+", "[ab]", "(?:a|b+)", r"\d",
           "(?=a)", "(?<!b)", "c{2}", "(?:ca)*", ".", "[^a]", r"\b"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=5),
       st.text(alphabet="abc1\u0663 ", max_size=12))  # \u0663: an Arabic-Indic three
def test_never_a_set_a_match_lacks(pieces: list[str], text: str) -> None:
    source = "".join(pieces)
    found = required_literals(source)
    if found is not None and re.search(source, text):
        assert any(s in text for s in found), (source, text, found)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_time_expressions_are_found_as_without_the_tests(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the time patterns find with their literal tests is what they find without."""
    texts = {
        "es": ["El pasado martes 3 de mayo, a las 10.30 horas, hubo disparos.",
               "Hace dos semanas, el 12/04/2021, y desde entonces, cada día.",
               "A finales de marzo de 2019 y durante toda la noche siguiente.",
               "Los próximos días, al día siguiente, a primera hora de la mañana.",
               "Ningún dato de fecha aquí, solo palabras."],
        "en": ["Last Tuesday, 3 May 2011, at 10:30 GMT shots were fired.",
               "Two weeks ago, on 12/04/2021, and since then every day.",
               "In late March 2019 and throughout the following night.",
               "In the coming days, the day after, early in the morning.",
               "No date at all here, only words."],
    }[lang]
    find = time_module._find_times.__wrapped__
    assert time_module._literal_gate(lang).holders
    tested = [find(t, lang) for t in texts]
    monkeypatch.setattr(time_module, "_literal_gate",
                        lambda code: LiteralGate([None] * len(time_module._sources(code))))
    assert tested == [find(t, lang) for t in texts]
    assert all(tested[:-1]) and not tested[-1]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.none() | st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4)
                .map("".join), min_size=1, max_size=6),
       st.text(alphabet="abc1 ", max_size=16))
def test_the_gate_tells_what_each_literal_test_tells(sources: list[str | None],
                                                     text: str) -> None:
    """The gate opens the regexes whose own test finds one of their strings, and those with
    no test: the strings of one may be prefixes, parts or repeats of another's."""
    expected = set()
    digit = any(c.isdigit() for c in text)
    for i, source in enumerate(sources):
        test = literal_test(source) if source is not None else None
        if (test is None or test.search(text) is not None) and (
                digit or source is None or not needs_digit(source)):
            expected.add(i)
    assert LiteralGate(sources).possible(text) == expected


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + [r"[0-9]", "1", r"(?:\d|a)", r"\d*", r"[\d.]"]),
                min_size=1, max_size=5).map("".join),
       st.text(alphabet="abc1\u0663. ", max_size=12))
def test_a_regex_the_gate_rules_out_has_no_match(source: str, text: str) -> None:
    """What the gate leaves out cannot match: digits of every script count."""
    if re.search(source, text):
        assert 0 in LiteralGate([source]).possible(text), (source, text)


@pytest.mark.parametrize(("source", "needs"), [
    (r"\d{1,2} de mayo", True), (r"(?:19|20)\d\d", True), (r"[0-9]+h", True),
    (r"(?:\d+|dos) días", False), (r"\d*", False), (r"(?=\d)\w+", False), (r"[\d.]", False),
    (r"(?:a\d|\d b)", True), (r"[^0-9]", False), ("ayer", False),
])
def test_which_regexes_need_a_digit(source: str, needs: bool) -> None:
    assert needs_digit(source) is needs


def test_the_gate_reads_overlapping_strings() -> None:
    """ "abc" holds "a", "abc" and "bc", one inside another, not "ca"."""
    gate = LiteralGate(["a", "abc", "bc", "ca", None])
    assert gate.possible("abc") == {0, 1, 2, 4}
    assert gate.possible("xyz") == {4}
