"""One text normalisation for the whole package: folding keys, name keys and regex alternations.

- `fold`: lexicon key of a word (case and accents removed, punctuation kept);
- `name_key`: matching key of a name (also apostrophes dropped, punctuation to spaces);
- `loose`: text for loose comparison (accents removed, whitespace collapsed);
- `alternation`: a regex alternation of words, longest first, whitespace-flexible.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

from unidecode import unidecode

_NON_WORD = re.compile(r"[^0-9a-z]+")
# unidecode transliterates each character on its own: its answer for every non-ASCII
# character met so far, by code point, for str.translate (ASCII characters map to themselves).
_TRANSLITERATED: dict[int, str] = {}
_MET = {chr(n) for n in range(128)}
_APOSTROPHES = re.compile(r"['`´’‘ʿʾ]")
_SPACES = re.compile(r"\s+")


def to_ascii(text: str) -> str:
    """`unidecode(text)`, a character at a time through a table of those met so far (a
    long line's characters are looked up by str.translate, not by a Python loop)."""
    if text.isascii():
        return text
    for char in set(text).difference(_MET):
        _TRANSLITERATED[ord(char)] = unidecode(char)
        _MET.add(char)
    return text.translate(_TRANSLITERATED)


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Case- and accent-insensitive key for lexicon matching (memoised: a run folds the
    same few thousand words again and again)."""
    return to_ascii(word).casefold().strip()


def fold_all(words: Iterable[str] | str | None) -> frozenset[str]:
    """`fold` over a word list (a single string counts as a list of one)."""
    if words is None:
        return frozenset()
    if isinstance(words, str):
        words = [words]
    return frozenset(fold(w) for w in words)


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Casefold, transliterate to ASCII and turn punctuation into single spaces."""
    ascii_text = to_ascii(_APOSTROPHES.sub("", text or ""))
    ascii_text = _APOSTROPHES.sub("", ascii_text).casefold()
    return _NON_WORD.sub(" ", ascii_text).strip()


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    return _SPACES.sub(" ", text).strip()


def loose(text: str) -> str:
    """Casefolded text with accents removed and whitespace normalised, for loose comparison."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return normalise_space(stripped.casefold())


_Trie = dict[str, "_Trie"]  # a letter -> the words' rest ("" -> {}: a word ends here)


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of words, longest first, whitespace-flexible.

    Written as a trie ("d(?:os(?:cientos)?|iez)" for "dos", "doscientos", "diez"): the
    regex engine tries an alternative at every word of a text, and a flat list of hundreds
    of words (number words, fixed time phrases) costs a comparison per word at each; a trie
    costs one per letter that can follow. It matches what the flat list, longest first,
    matches, and prefers the same words: at each letter the longer words come before the
    word that ends there. Where two letters at one point differ only in case (which
    IGNORECASE would make one), the flat list is written instead."""
    ordered = sorted(set(words), key=len, reverse=True)
    flat = "|".join(_escaped(w) for w in ordered)
    if "" in ordered:
        return flat
    trie: _Trie = {}
    for word in ordered:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    branches = _branches(trie)
    return flat if branches is None else "|".join(branches)


def _escaped(word: str) -> str:
    return re.escape(word).replace(r"\ ", r"\s+")


def _branches(node: _Trie) -> list[str] | None:
    """The alternatives below a trie node, one per next letter (None: two letters differ
    only in case)."""
    letters = [c for c in node if c]
    if any(re.fullmatch(re.escape(a), b, re.IGNORECASE)
           for i, a in enumerate(letters) for b in letters[i + 1 :]):  # fmt: skip
        return None
    out = []
    for letter in letters:
        below = _branches(node[letter])
        if below is None:
            return None
        rest = "" if not below else below[0] if len(below) == 1 else f"(?:{'|'.join(below)})"
        if rest and "" in node[letter]:
            rest = f"(?:{rest})?"  # the longer words first, then the word ending here
        out.append(_escaped(letter) + rest)
    return out


@cache
def _articles(lang: str | None) -> tuple[str, ...]:
    """Leading definite articles of one language (all languages when `lang` is None)."""
    from cronica.lang import pack, packs

    chosen = [pack(lang)] if lang else list(packs().values())
    return tuple(name_key(a) for p in chosen for a in p.word_list("definite_articles"))


@cache
def _name_particles() -> tuple[str, ...]:
    """Transliterated article prefixes of names ("al-", "ash-"), from data/names.yaml."""
    from cronica.datafiles import load_yaml

    return tuple(load_yaml("names.yaml")["article_prefixes"])


def place_key_particles() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The articles and name particles `place_keys` strips (what a built index depends on)."""
    return _articles(None), _name_particles()


def strip_articles(key: str, lang: str | None = None) -> str:
    """Drop leading definite articles ("el", "los", "the", ...) from a name key."""
    articles = _articles(lang)
    words = key.split()
    while len(words) > 1 and words[0] in articles:
        words = words[1:]
    return " ".join(words)


def stem_word(word: str) -> str:
    """Crude singular form, applied alike to aliases and text ("rebeldes" ~ "rebelde")."""
    if len(word) < 4 or word.isdigit():
        return word
    if word.endswith("s"):
        word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


@lru_cache(maxsize=1 << 16)
def actor_key(text: str, lang: str | None = None) -> str:
    """Matching key for an actor alias or mention: folded, articles dropped, plural-tolerant."""
    key = strip_articles(name_key(text), lang)
    return " ".join(stem_word(w) for w in key.split())


def place_keys(name: str) -> set[str]:
    """Matching keys for a place name: folded, with and without a leading article."""
    key = name_key(name)
    if not key:
        return set()
    keys = {key}
    words = key.split()
    if len(words) > 1 and words[0] in _name_particles():
        keys.add(" ".join(words[1:]))
    if len(words) > 1 and words[0] in _articles(None):
        keys.add(" ".join(words[1:]))
    keys.add(key.replace(" ", ""))
    return {k for k in keys if k}


@lru_cache(maxsize=1 << 12)
def is_acronym(alias: str) -> bool:
    """Short all-capital aliases ("UN", "EI", "SDF") are matched case-sensitively."""
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= 5 and alias.isupper() and " " not in alias.strip()


@lru_cache(maxsize=1 << 12)
def _acronym_pattern(acronym: str) -> re.Pattern[str]:
    return re.compile(r"(?<![A-Za-z0-9])" + re.escape(to_ascii(acronym)) + r"(?![A-Za-z0-9])")


@lru_cache(maxsize=1 << 12)
def _ascii(text: str) -> str:
    return to_ascii(text)


def contains_acronym(text: str, acronym: str) -> bool:
    """Whether an acronym occurs in the text as a whole word, case-sensitively."""
    return _acronym_pattern(acronym).search(_ascii(text or "")) is not None


def contains_phrase(haystack: str, needle: str) -> bool:
    """Whether the folded needle occurs in the folded haystack on word boundaries."""
    return f" {needle} " in f" {haystack} "
