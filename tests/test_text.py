"""cronica.text's transliteration through a table of the characters met."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unidecode import unidecode

from cronica.text import alternation, fold, name_key, to_ascii


def test_to_ascii_is_unidecode() -> None:
    texts = ["Alepo", "Ḥalab, ʿAbd al-Qādir", "Deir ez-Zor (دير الزور)", "İstanbul", "ﬁnal",
             "Ñuñoa \U0001F600 \u200b", "", "北京 Bei Jing", "Damasco — Alepo… «Hama»"]
    for text in texts + texts[::-1]:  # the second time through, from the table
        assert to_ascii(text) == unidecode(text), text


def test_fold_and_name_key_transliterate() -> None:
    assert fold(" Ejército ") == "ejercito"
    assert name_key("Ḥalab’s Qādir") == "halabs qadir"


def _flat(words: list[str]) -> str:
    """The alternation as a flat list, longest first (what the trie must match alike)."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def test_alternation_is_a_trie_of_the_words() -> None:
    assert alternation(["dos", "doscientos", "diez"]) == "d(?:os(?:cientos)?|iez)"
    assert alternation(["un", "un par"]) == r"un(?:\s+par)?"


def test_alternation_letters_differing_in_case_fall_back_to_the_flat_list() -> None:
    assert alternation(["Mayo", "mayor"]) == "mayor|Mayo"


_LETTERS = st.sampled_from(list("aAbBñÑ "))
_WORDS = st.lists(st.text(_LETTERS, min_size=1, max_size=5).map(str.strip).filter(bool),
                  min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(words=_WORDS, text=st.text(st.sampled_from(list("aAbBñÑ  .x")), max_size=40),
       ignore_case=st.booleans())
def test_alternation_matches_what_the_flat_list_matches(
    words: list[str], text: str, ignore_case: bool
) -> None:
    """Same matches, and the same word preferred where the rest of a pattern leaves a
    choice (the groups show which word was taken)."""
    flags = re.IGNORECASE if ignore_case else 0
    for template in (r"(?<!\w)(?:{})(?!\w)", r"({})(\w*)", r"({})(?:\s+(\w+))?(?!\w)"):
        trie = re.compile(template.format(alternation(words)), flags)
        flat = re.compile(template.format(_flat(words)), flags)
        assert [(m.span(), m.groups()) for m in trie.finditer(text)] == [
            (m.span(), m.groups()) for m in flat.finditer(text)
        ]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_time_and_number_lexicons_read_alike_as_tries(lang: str) -> None:
    """The packs' time and number words: the trie regex finds what the flat list finds."""
    from cronica.lang import pack

    for table in ("time", "numbers"):
        for name, words in pack(lang).lexicon(table).items():
            if not isinstance(words, (list, dict)) or not words:
                continue
            keys = [str(w) for w in words]
            if not all(isinstance(w, (str, int)) for w in words):
                continue
            text = " ".join(keys) + " " + " ".join(k.upper() for k in keys)
            for flags in (0, re.IGNORECASE):
                trie = re.compile(rf"(?<!\w)(?:{alternation(keys)})(?!\w)", flags)
                flat = re.compile(rf"(?<!\w)(?:{_flat(keys)})(?!\w)", flags)
                assert [m.span() for m in trie.finditer(text)] == [
                    m.span() for m in flat.finditer(text)
                ], (table, name)
