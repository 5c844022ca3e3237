"""Clean a document's text for parsing while keeping exact offsets into the original.

`normalise` applies, in order:

1. character clean-up: ``\\r\\n``/``\\r`` -> ``\\n``; NBSP, tabs and other odd spaces -> space;
   control, zero-width and soft-hyphen characters dropped; Unicode NFC (per base character
   plus its combining marks, so every clean character still maps to the original);
2. citation markers (Wikipedia style: ``[52]``, ``[56][57]``, ``[a]``, ``[nota 3]``,
   ``[cita requerida]``, ``[citation needed]`` ...) removed and recorded as `Citation`s,
   with the surrounding spaces repaired (no doubled space, no space before punctuation or a
   line end, no leading space on a line, a space put back between two glued words);
3. runs of spaces collapsed to one.

Bracketed real text (``"[que]"``, ``[...]``) is kept: a marker is digits or a known label.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property

from cronica.lang import LanguagePack, packs

# One marker: [12], [a], a note word of any language pack and a number or letter ([nota 3],
# [n. 2], [note a]), or a citation label of any pack ([cita requerida]); words in any case.
_MARKER_TEMPLATE = r"\[(?:\d{{1,4}}|[a-z]|(?i:(?:{note_words})) ?[\da-z]{{1,3}}|(?i:{labels}))\]"


def _label_regex(label: str) -> str:
    """A citation label as a regex: a hyphen stands for any dash, spaces around it optional."""
    return r"\s*[–-]\s*".join(re.escape(part) for part in re.split(r"\s*-\s*", label))


@cache
def _marker_res(chosen: tuple[LanguagePack, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    notes = {w for p in chosen for w in p.word_list("citation_note_words")}
    labels = {w for p in chosen for w in p.word_list("citation_labels")}
    marker = _MARKER_TEMPLATE.format(
        note_words="|".join(re.escape(w) for w in sorted(notes)) or "(?!)",
        labels="|".join(_label_regex(w) for w in sorted(labels)) or "(?!)",
    )
    return re.compile(marker), re.compile(rf"(?:{marker})+")


_SPACES = {"\u00a0", "\t", "\u1680", "\u202f", "\u205f", "\u3000", "\u2028", "\u2029"}
_DROP = {"\u200b", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad"}
_CLOSING = set(".,;:!?)]}»”’\"'…")
# Characters after which an attached marker run is still "immediately following" a span.
_TRAILING = set(" \n.,;:!?)]}»”’\"'…")
_SPACE_RUNS = re.compile(" {2,}")


@dataclass
class Citation:
    """A citation marker removed from the text; start/end index the original text."""

    marker: str
    start: int
    end: int


@dataclass
class NormalisedText:
    """Clean text plus the map back to the original.

    ``offsets[i]`` is the original index of ``clean[i]``; ``offsets[len(clean)]`` is the
    original length. ``ends[i]`` is the original index just after the characters that
    produced ``clean[i]`` (an inserted space has ``ends[i] == offsets[i]``).
    """

    original: str
    clean: str
    offsets: Sequence[int]  # array('q') from normalise: 8 bytes a character, not ~40
    citations: list[Citation] = field(default_factory=list)
    ends: Sequence[int] = field(default_factory=list, repr=False)

    @cached_property
    def citation_starts(self) -> list[int]:
        """The start of each citation, for bisection (made once, not once per sentence)."""
        return [c.start for c in self.citations]


def normalise(text: str) -> NormalisedText:
    """Normalise `text` for parsing; see the module docstring for the exact steps."""
    chars, starts, ends = _clean_characters(text)
    chars, starts, ends, citations = _remove_markers(chars, starts, ends)
    chars, starts, ends = _collapse_spaces(chars, starts, ends)
    return NormalisedText(
        original=text,
        clean="".join(chars),
        offsets=starts + array("q", [len(text)]),
        citations=citations,
        ends=ends,
    )


def to_original(norm: NormalisedText, clean_start: int, clean_end: int) -> tuple[int, int]:
    """Map a clean-text span [clean_start, clean_end) to the original text.

    The end is the end of the last clean character, so citation markers removed just after
    the span are not included. An empty span maps to an empty span.
    """
    n = len(norm.clean)
    if not 0 <= clean_start <= clean_end <= n:
        raise ValueError(f"span ({clean_start}, {clean_end}) outside clean text of length {n}")
    start = norm.offsets[clean_start]
    if clean_end == clean_start:
        return start, start
    return start, max(start, norm.ends[clean_end - 1])


def citations_in(norm: NormalisedText, start: int, end: int) -> list[str]:
    """Markers attached to the original span [start, end), in order.

    The rule: every marker lying inside the span, plus the run of markers that immediately
    follows it, where "immediately" allows spaces, newlines and closing punctuation
    (``. , ; : ! ? ) » ” "``) between the span and the marker and between markers, but no
    other text. Wikipedia puts a citation after the sentence it supports, so in
    ``"... rusas.\\n[55] Al mismo"`` the ``[55]`` belongs to the sentence ending ``rusas.``.
    """
    cits = norm.citations
    keys = norm.citation_starts
    out: list[str] = []
    i = bisect_left(keys, start)
    while i < len(cits) and cits[i].start < end:
        out.append(cits[i].marker)
        i += 1
    pos = max(end, cits[i - 1].end if out else end)
    text = norm.original
    while i < len(cits):
        while pos < cits[i].start and _skippable(text[pos]):
            pos += 1
        if pos != cits[i].start:
            break
        out.append(cits[i].marker)
        pos = cits[i].end
        i += 1
    return out


def _skippable(ch: str) -> bool:
    """Space, line break, closing punctuation, or a character the normaliser drops."""
    return (
        ch in _TRAILING
        or ch in _SPACES
        or ch in _DROP
        or ch == "\r"
        or unicodedata.category(ch) == "Zs"
    )


# The clean characters, and the original start and end of each: arrays of 8-byte integers
# (a list of Python ints takes some 40 bytes a character, 4 GB for a 50 MB document).
Chars = tuple[list[str], "array[int]", "array[int]"]


_PLAIN: dict[str, bool] = {}  # character -> kept as it is, on its own (see _plain)


def _plain(ch: str) -> bool:
    """Whether `_step` keeps `ch` as it is, with its own offsets, when no combining mark
    follows it: not a line break to fold, a space to unify (the plain space is its own
    unified form) or a character to drop, not a combining mark, and its own NFC form."""
    found = _PLAIN.get(ch)
    if found is None:
        found = not (
            ch == "\r"
            or ch in _SPACES
            or ch in _DROP
            or (ch not in "\n " and unicodedata.category(ch) in ("Zs", "Cc"))
            or unicodedata.combining(ch)
            or unicodedata.normalize("NFC", ch) != ch
        )
        _PLAIN[ch] = found
    return found


def _clean_characters(text: str) -> Chars:
    """The text's characters cleaned (see `_step`), each with the span of original offsets
    it comes from. Runs of plain characters (most of any text) are copied whole; `_step`
    takes each other character, and a plain one a combining mark follows."""
    chars: list[str] = []
    starts = array("q")  # 8 bytes an offset: a 5 MB text is 40 million offsets
    ends = array("q")
    n = len(text)
    text = _spaces_unified(text)
    special = sorted(ch for ch in set(text) if not _plain(ch))
    if not special:
        return list(text), array("q", range(n)), array("q", range(1, n + 1))
    find = re.compile("[" + "".join(map(re.escape, special)) + "]").search
    i = 0
    while i < n:
        found = find(text, i)
        k = found.start() if found else n
        end = k - 1 if k < n and unicodedata.combining(text[k]) else k
        if end > i:
            chars.extend(text[i:end])
            starts.extend(range(i, end))
            ends.extend(range(i + 1, end + 1))
            i = end
        if i < n:
            i = _step(text, i, chars, starts, ends)
    return chars, starts, ends


def _spaces_unified(text: str) -> str:
    """The odd spaces (_SPACES, Zs) as plain spaces, each in its place, where no combining
    mark follows: what `_step` makes of each, done for the whole text at once (a page can
    hold thousands of thin or no-break spaces)."""
    met = set(text)
    odd = [ch for ch in met if ch in _SPACES or (ch != " " and unicodedata.category(ch) == "Zs")]
    if not odd:
        return text
    marks = [ch for ch in met if unicodedata.combining(ch)]
    pattern = "[" + "".join(map(re.escape, odd)) + "]"
    if marks:
        pattern += "(?![" + "".join(map(re.escape, marks)) + "])"
    return re.sub(pattern, " ", text)


def _step(
    text: str, i: int, chars: list[str], starts: array[int], ends: array[int]
) -> int:
    """Clean the character at `i` (with the combining marks after it); the next index.
    CR and CRLF become a line break, the odd spaces (_SPACES, Zs) a space, invisible and
    control characters (_DROP, Cc) nothing; a character and its combining marks their
    NFC form, every character of it spanning them all."""
    n = len(text)
    ch = text[i]
    if ch == "\r":
        step = 2 if i + 1 < n and text[i + 1] == "\n" else 1
        chars.append("\n")
        starts.append(i)
        ends.append(i + step)
        return i + step
    if ch in _SPACES or (ch != "\n" and unicodedata.category(ch) == "Zs"):
        chars.append(" ")
        starts.append(i)
        ends.append(i + 1)
        return i + 1
    if ch in _DROP or (ch != "\n" and unicodedata.category(ch) == "Cc"):
        return i + 1
    j = i + 1
    while j < n and unicodedata.combining(text[j]):
        j += 1
    for out in unicodedata.normalize("NFC", text[i:j]):
        chars.append(out)
        starts.append(i)
        ends.append(j)
    return j


def _remove_markers(
    chars: list[str], starts: array[int], ends: array[int]
) -> tuple[list[str], array[int], array[int], list[Citation]]:
    s = "".join(chars)
    marker_re, group_re = _marker_res(tuple(packs().values()))
    if group_re.search(s) is None:  # most texts have no marker: nothing to copy
        return chars, starts, ends, []
    out_c: list[str] = []
    out_s = array("q")
    out_e = array("q")
    citations: list[Citation] = []
    pos = 0
    for group in group_re.finditer(s):
        gs, ge = group.span()
        out_c.extend(chars[pos:gs])
        out_s.extend(starts[pos:gs])
        out_e.extend(ends[pos:gs])
        for m in marker_re.finditer(s, gs, ge):
            # the closing bracket is one character of the original, even where a combining
            # mark after it made one NFC cluster with it ("[12]" + U+0301): the mark stays text
            citations.append(Citation(m.group(), starts[m.start()], starts[m.end() - 1] + 1))
        prev = out_c[-1] if out_c else None
        nxt = s[ge] if ge < len(s) else None
        if prev is None or prev == "\n" or prev == " ":
            while ge < len(s) and s[ge] == " ":
                ge += 1
            nxt = s[ge] if ge < len(s) else None
            if prev == " " and (nxt is None or nxt == "\n" or nxt in _CLOSING):
                while out_c and out_c[-1] == " ":
                    out_c.pop()
                    out_s.pop()
                    out_e.pop()
        elif nxt is not None and prev.isalnum() and nxt.isalnum():
            out_c.append(" ")
            out_s.append(starts[gs])
            out_e.append(starts[gs])
        pos = ge
    out_c.extend(chars[pos:])
    out_s.extend(starts[pos:])
    out_e.extend(ends[pos:])
    return out_c, out_s, out_e, citations


def _collapse_spaces(chars: list[str], starts: array[int], ends: array[int]) -> Chars:
    """A run of spaces as its first space (one character each in `chars`)."""
    runs = [(m.start() + 1, m.end()) for m in _SPACE_RUNS.finditer("".join(chars))]
    if not runs:
        return chars, starts, ends
    out_c: list[str] = []
    out_s = array("q")
    out_e = array("q")
    pos = 0
    for drop, after in (*runs, (len(chars), len(chars))):
        out_c.extend(chars[pos:drop])
        out_s.extend(starts[pos:drop])
        out_e.extend(ends[pos:drop])
        pos = after
    return out_c, out_s, out_e
