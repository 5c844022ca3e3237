"""Counts in text: "8.500", "nueve", "unos 3.000", "dozens of" -> integers with bounds.

The words (number words, modifiers, separators, quantity kinds) live in
``lang/<lang>/numbers.yaml``; this module only holds the rules that combine them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from unidecode import unidecode

from cronica.lang import pack
from cronica.text import alternation

QUANTITY_KINDS: tuple[str, ...] = (
    "killed",
    "wounded",
    "evacuated",
    "surrendered",
    "displaced",
    "detained",
    "captured",
    "convoys",
    "other",
)

APPROX_MARGIN = 0.10  # "unos 3.000" -> low 2.700, high 3.300
NEVER = "(?!)"  # the regex of an empty word list

# What a pack without some part of numbers.yaml reads as: digits only.
_EMPTY: dict[str, Any] = {
    "decimal_separator": ".",
    "thousands_separator": ",",
    "units": {},
    "hundreds": {},
    "multipliers": {},
    "collectives": {},
    "joiners": [],
    "articles": [],
    "modifiers": {},
    "vague": {},
    "ordinals": [],
    "ordinal_suffixes": [],
    "number_fillers": [],
}


@dataclass(frozen=True)
class NumberValue:
    """A parsed count: best value, optional bounds, approximation flag, source text."""

    value: int
    low: int | None
    high: int | None
    approx: bool
    text: str


@dataclass(frozen=True)
class NumberMention:
    """A count found in a sentence; ``is_date_part`` marks numbers inside dates/durations."""

    start: int
    end: int
    text: str
    number: NumberValue
    is_date_part: bool = False


@cache
def load_numbers_lexicon(lang: str) -> dict[str, Any]:
    """The number lexicon for ``lang`` (``lang/<lang>/numbers.yaml``), cached."""
    data = dict(pack(lang).lexicon("numbers"))
    for name, empty in _EMPTY.items():
        data.setdefault(name, empty)
    return data


def _alternation(words: Any) -> str:
    """`alternation`, or a never-matching regex when a pack lists no words."""
    return alternation(words) if words else NEVER


@cache
def number_word_pattern(lang: str) -> str:
    """A regex (no groups) matching one number written in digits or words in ``lang``."""
    lex = load_numbers_lexicon(lang)
    words = (
        set(lex["units"]) | set(lex["hundreds"]) | set(lex["multipliers"])
        | set(lex["collectives"])
    )
    word = rf"(?:{_alternation(words)})(?!\w)"
    joiner = _alternation([j for j in lex["joiners"] if j != "-"])
    seq = rf"{word}(?:(?:\s*-\s*|\s+(?:(?:{joiner})\s+)?){word})*"
    article = _alternation(lex["articles"])
    digits = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
    mult = _alternation(lex["multipliers"])
    return rf"(?:(?:{digits})(?:\s+(?:{mult})(?!\w))*|(?:(?:{article})\s+)?{seq})"


@cache
def _scanner(lang: str) -> re.Pattern[str]:
    lex = load_numbers_lexicon(lang)
    mods = _alternation(lex["modifiers"])
    vague = _alternation(lex["vague"])
    return re.compile(
        rf"(?<![\w\[.,])(?:(?P<mod>{mods})\s+)?"
        rf"(?:(?P<vague>{vague})(?!\w)|(?P<num>{number_word_pattern(lang)}))"
        r"(?![\w\]%º°ª]|[.,:]\d)",
        re.IGNORECASE,
    )


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def _digits_value(token: str, lang: str, before_multiplier: bool) -> float:
    """Value of a digit string, reading separators the way ``lang`` writes them.

    Groups of exactly three digits after a separator are thousands in either language
    ("8,500" and "8.500" are both 8500) unless a multiplier follows, in which case the
    language decides ("3,5 millones", "3.5 million").
    """
    lex = load_numbers_lexicon(lang)
    dec, thou = lex["decimal_separator"], lex["thousands_separator"]
    seps = [c for c in token if c in ".,"]
    if not seps:
        return float(token)
    if before_multiplier or len(set(seps)) == 2:
        return float(token.replace(thou, "").replace(dec, "."))
    sep = seps[0]
    groups = token.split(sep)
    if len(seps) > 1 or (len(groups[1]) == 3 and groups[0] != "0"):
        return float(token.replace(sep, ""))
    return float(token.replace(sep, "."))


def _words_value(words: list[str], lex: dict[str, Any]) -> float | None:
    """Combine number words: units add, hundreds and multipliers multiply."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w in lex["joiners"]:
            continue
        if w in lex["units"]:
            current += lex["units"][w]
        elif w in lex["hundreds"]:
            current = (current or 1) * lex["hundreds"][w]
        elif w in lex["collectives"]:
            current = (current or 1) * lex["collectives"][w]
        elif w in lex["multipliers"]:
            m = lex["multipliers"][w]
            if total + current < m and total:
                total = (total + current) * m
            else:
                total += (current or 1) * m
            current = 0.0
        else:
            try:
                current += float(w)
            except ValueError:
                return None
        seen = True
    return total + current if seen else None


def _core_value(core: str, lang: str) -> float | None:
    lex = load_numbers_lexicon(lang)
    tokens = re.findall(r"\d[\d.,]*\d|\d|[^\W\d]+|-", core)
    tokens = [t for t in tokens if t != "-"]
    if not tokens:
        return None
    if tokens[0] in lex["articles"] and len(tokens) == 1:
        return 1.0
    if re.fullmatch(r"[\d.,]+", tokens[0]):
        has_mult = len(tokens) > 1 and tokens[1] in lex["multipliers"]
        first = _digits_value(tokens[0], lang, has_mult)
        tokens = [repr(first), *tokens[1:]]
    articles = set(lex["articles"]) - set(lex["units"])
    fillers = set(lex["number_fillers"])  # "tres millones de"
    words = [t for t in tokens if t not in fillers and t not in articles]
    return _words_value(words, lex)


def _apply_modifier(value: int, kind: str | None) -> tuple[int | None, int | None, bool]:
    """(low, high, approx) for a modifier kind from the lexicon."""
    if kind == "approx":
        return round(value * (1 - APPROX_MARGIN)), round(value * (1 + APPROX_MARGIN)), True
    if kind == "at_least":
        return value, None, False
    if kind == "at_most":
        return None, value, False
    if kind == "almost":
        return None, value, True
    return None, None, False


def _from_match(m: re.Match[str], lang: str, bare_article: bool = False) -> NumberValue | None:
    lex = load_numbers_lexicon(lang)
    mod = m.group("mod")
    mod_kind = lex["modifiers"].get(_norm(mod)) if mod else None
    if m.group("vague"):
        v = lex["vague"][_norm(m.group("vague"))]
        return NumberValue(v["value"], v["low"], v["high"], True, m.group(0))
    core = _norm(m.group("num"))
    if core in lex["articles"] and not bare_article:
        return None
    value = _core_value(core, lang)
    if value is None:
        return None
    n = round(value)
    low, high, approx = _apply_modifier(n, mod_kind)
    return NumberValue(n, low, high, approx, m.group(0))


def parse_number(text: str, lang: str) -> NumberValue | None:
    """Parse a count written in ``text`` ("unos 3.000", "veintitrés", "a dozen").

    Returns None for text that is not a count, ordinals included ("décimo convoy").
    """
    lex = load_numbers_lexicon(lang)
    clean = text.strip()
    first = _norm(clean).split(" ")[0] if clean else ""
    if first in lex["ordinals"] or re.fullmatch(
        rf"\d+(?:{_alternation(lex['ordinal_suffixes'])})", first
    ):
        return None
    m = _scanner(lang).match(clean)
    if not m:
        return None
    return _from_match(m, lang, bare_article=True)


def _time_spans(text: str, lang: str) -> list[tuple[int, int]]:
    from cronica.resolve.time import find_times  # late import: time uses number words

    return [(t.start, t.end) for t in find_times(text, lang)]


def find_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every count in ``text``; numbers inside dates, years and durations are flagged.

    Citation markers ("[52]"), percentages and clock times are skipped.
    """
    spans = _time_spans(text, lang)
    found: list[NumberMention] = []
    for m in _scanner(lang).finditer(text):
        value = _from_match(m, lang)
        if value is None:
            continue
        start, end = m.start(), m.end()
        # overlapping is enough: "Around 26 March 2022" scans as the count "around 26"
        inside = any(start < e and s < end for s, e in spans)
        yearlike = bool(re.fullmatch(r"1[5-9]\d\d|20\d\d", m.group(0).strip()))
        found.append(NumberMention(start, end, m.group(0), value, inside or yearlike))
    return found


def quantity_kind(lemma: str, lang: str) -> str | None:
    """The quantity kind a noun or verb lemma gives a count (muerto -> killed), else None."""
    table: dict[str, str | None] = load_numbers_lexicon(lang).get("quantity_kinds", {})
    key = _norm(lemma)
    if key in table:
        return table[key]
    return _plain_quantity_kinds(lang).get(unidecode(key))


@cache
def _plain_quantity_kinds(lang: str) -> dict[str, str | None]:
    """The pack's quantity kinds keyed without accents (built once per language)."""
    table: dict[str, str | None] = load_numbers_lexicon(lang).get("quantity_kinds", {})
    return {unidecode(k): v for k, v in table.items()}
