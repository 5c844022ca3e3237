"""Tests for cronica.documents.normalise: markers, offsets, citations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cronica.documents.normalise import citations_in, normalise, to_original


def clean_span(norm, words: str) -> tuple[int, int]:
    start = norm.clean.index(words)
    return start, start + len(words)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dos barrios,[130] Loma Alta[131] y Cerro", "dos barrios, Loma Alta y Cerro"),
        ("un grupo armado[200] que operaba", "un grupo armado que operaba"),
        ("[52] Durante la noche", "Durante la noche"),
        ("el cuartel.\n[55] Al mismo tiempo", "el cuartel.\nAl mismo tiempo"),
        ("Cerro Verde.[56][57] Luego", "Cerro Verde. Luego"),
        ("hubo muertos [cita requerida].", "hubo muertos."),
        ("the town [citation needed], then", "the town, then"),
        ("algo[nota 3] y otra[a] cosa", "algo y otra cosa"),
        ("fin de frase [12]\nnueva", "fin de frase\nnueva"),
        ("palabra[3]pegada", "palabra pegada"),
        ("al final[7]", "al final"),
        ("dos  espacios [4]  y más", "dos espacios y más"),
    ],
)
def test_markers_removed_without_spacing_damage(text: str, expected: str) -> None:
    norm = normalise(text)
    assert norm.clean == expected
    assert "  " not in norm.clean
    assert len(norm.offsets) == len(norm.clean) + 1
    assert norm.offsets[-1] == len(text)


def test_bracketed_real_text_is_kept() -> None:
    text = "dijo: «no [sabían] qué hacer» y «[que] se fueran» [...]"
    assert normalise(text).clean == text
    assert normalise(text).citations == []


def test_citations_recorded_with_original_offsets() -> None:
    text = "dos barrios,[130] Loma Alta[131] y Cerro Verde.[56][57]"
    norm = normalise(text)
    assert [c.marker for c in norm.citations] == ["[130]", "[131]", "[56]", "[57]"]
    for c in norm.citations:
        assert text[c.start : c.end] == c.marker


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("dos barrios,[130] Loma Alta[131] y Cerro Verde.", "Loma Alta"),
        ("dos barrios,[130] Loma Alta[131] y Cerro Verde.", "barrios, Loma Alta y"),
        ("un grupo armado[200] que operaba", "armado que"),
        ("[52] Durante la noche", "Durante"),
        ("a\u00a0b\r\nc\x07d", "a b\ncd"),
    ],
)
def test_offsets_round_trip(text: str, words: str) -> None:
    norm = normalise(text)
    s, e = to_original(norm, *clean_span(norm, words))
    original = text[s:e]
    assert normalise(original).clean == words
    if "[" not in original and "\r" not in original and "\x07" not in original:
        assert original.replace("\u00a0", " ") == words


def test_to_original_excludes_trailing_marker() -> None:
    text = "un grupo armado[200] que"
    norm = normalise(text)
    s, e = to_original(norm, *clean_span(norm, "un grupo armado"))
    assert text[s:e] == "un grupo armado"
    assert to_original(norm, 3, 3) == (3, 3)
    with pytest.raises(ValueError):
        to_original(norm, 0, len(norm.clean) + 1)


def test_whitespace_and_unicode_normalisation() -> None:
    text = "Ataque\u00a0en\tMosul\r\nSegunda\u200b línea: cafe\u0301\x00 fin"
    norm = normalise(text)
    assert norm.clean == "Ataque en Mosul\nSegunda línea: café fin"
    assert norm.clean.count("\u00e9") == 1  # NFC composed
    s, e = to_original(norm, *clean_span(norm, "café"))
    assert text[s:e] == "cafe\u0301"
    for i, ch in enumerate(norm.clean):
        if ch.isalpha() and ch.isascii():
            assert text[norm.offsets[i]] == ch


def test_citations_in_span_and_following_line() -> None:
    text = (
        "Las milicias capturaron dos barrios,[130] Loma Alta[131] y Cerro Verde.[56][57]\n"
        "Durante la noche bombardearon el cuartel.\n[55] Al mismo tiempo hubo tregua."
    )
    norm = normalise(text)
    first_end = norm.clean.index("Verde.") + len("Verde.")
    s, e = to_original(norm, 0, first_end)
    assert citations_in(norm, s, e) == ["[130]", "[131]", "[56]", "[57]"]
    second = "Durante la noche bombardearon el cuartel."
    s, e = to_original(norm, *clean_span(norm, second))
    assert citations_in(norm, s, e) == ["[55]"]
    third = "Al mismo tiempo hubo tregua."
    s, e = to_original(norm, *clean_span(norm, third))
    assert citations_in(norm, s, e) == []
    s, e = to_original(norm, *clean_span(norm, "Loma Alta"))
    assert citations_in(norm, s, e) == ["[131]"]


def test_citations_in_stops_at_other_text() -> None:
    norm = normalise("uno dos[1] tres")
    s, e = to_original(norm, *clean_span(norm, "uno"))
    assert citations_in(norm, s, e) == []


def _clean_characters_one_by_one(text: str):
    """The character cleaning as it was first written: every character in turn."""
    import unicodedata

    from cronica.documents.normalise import _DROP, _SPACES

    chars, starts, ends = [], [], []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\r":
            step = 2 if i + 1 < n and text[i + 1] == "\n" else 1
            chars.append("\n")
            starts.append(i)
            ends.append(i + step)
            i += step
            continue
        if ch in _SPACES or (ch != "\n" and unicodedata.category(ch) == "Zs"):
            chars.append(" ")
            starts.append(i)
            ends.append(i + 1)
            i += 1
            continue
        if ch in _DROP or (ch != "\n" and unicodedata.category(ch) == "Cc"):
            i += 1
            continue
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        for out in unicodedata.normalize("NFC", text[i:j]):
            chars.append(out)
            starts.append(i)
            ends.append(j)
        i = j
    return chars, starts, ends


# Plain letters and the characters the cleaning changes: CR, odd spaces, invisible and control
# characters, combining marks (alone, doubled, after a space or a CR), characters whose NFC
# form differs (Angstrom sign, Kelvin sign, a decomposed e-acute), Hangul jamo.
_TRICKY = ("ab é\n\r\t\u00a0\u2009\u200b\u00ad\x00\x7f\u0301\u0308\u0327\u212b\u212a"
           "e\u0301\u1100\u1161\u2028\ufeffñ[]1")


@given(st.text(alphabet=_TRICKY, max_size=60) | st.text(max_size=40))
@settings(max_examples=400, deadline=None)
def test_runs_of_plain_characters_clean_as_one_by_one(text: str) -> None:
    from cronica.documents.normalise import _clean_characters

    chars, starts, ends = _clean_characters(text)
    assert (chars, list(starts), list(ends)) == _clean_characters_one_by_one(text)


def test_a_combining_mark_after_a_citation_stays_out_of_its_span() -> None:
    """A stray combining accent after "]" makes one NFC cluster with it: the marker's span
    still covers the marker only (found by the property test)."""
    text = "El Ejército avanzó [12]\u0301 hacia Alepo."
    (citation,) = normalise(text).citations
    assert text[citation.start : citation.end] == citation.marker == "[12]"


def test_odd_spaces_become_spaces_each_in_its_place() -> None:
    """Thin and no-break spaces are spaces, each at its own offset; one a combining mark
    follows stays a space, and the mark its own character."""
    text = "a\u2009b\u00a0c\u2009\u0301d"
    norm = normalise(text)
    assert norm.clean == "a b c \u0301d"
    assert [to_original(norm, i, i + 1) for i in range(len(norm.clean))] == [
        (i, i + 1) for i in range(len(text))
    ]
