"""Hypothesis strategies for hostile text: mixed scripts, right-to-left text, zero-width and
control characters, lone surrogates, and bytes in several encodings."""

from __future__ import annotations

from hypothesis import strategies as st

HOSTILE = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width, BOM, soft hyphen
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2069"  # direction marks, isolates
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9f"  # C0/C1 controls, NEL
    "\u00a0\u2028\u2029\u3000\t\r\n "  # odd spaces and breaks
    "\u0301\u0308\u0327"  # combining marks
    "[]«»“”\"'.,;:!?…—–-()"
)
WORDS = [
    "El", "ejército", "bombardeó", "Alepo", "y", "mató", "a", "23", "civiles", "según",
    "el", "Observatorio", "said", "killed", "Mosul", "airstrike", "3.000", "veinte", "dozen",
    "15 de marzo de 2016", "ayer", "on Monday", "[12]", "[cita requerida]", "حلب", "دمشق",
    "قتل", "מוסול", "Ελλάδα", "Москва", "北京", "😀", "ﷺ", "İdlib", "ǅ", "ﬁ", "\u0645\u200d",
]  # fmt: skip

any_char = st.characters(codec=None, exclude_categories=())  # surrogates included
safe_char = st.characters(exclude_categories=("Cs",))


@st.composite
def hostile_text(draw, max_words: int = 40, surrogates: bool = False) -> str:
    """Words of several scripts mixed with hostile characters and random ones."""
    chars = any_char if surrogates else safe_char
    pieces = draw(
        st.lists(
            st.one_of(
                st.sampled_from(WORDS),
                st.sampled_from(HOSTILE),
                st.text(chars, max_size=6),
            ),
            max_size=max_words,
        )
    )
    seps = draw(st.lists(st.sampled_from([" ", " ", "\n", "", "\u200f", ". "]),
                         min_size=len(pieces), max_size=len(pieces)))  # fmt: skip
    return "".join(p + s for p, s in zip(pieces, seps, strict=True))


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252"]


@st.composite
def encoded_text(draw) -> bytes:
    """Hostile text in one of several encodings (unencodable characters replaced), with
    some random bytes spliced in now and then."""
    text = draw(hostile_text())
    data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=8)) + data[at:]
    return data


any_bytes = st.one_of(st.binary(max_size=3000), encoded_text())
