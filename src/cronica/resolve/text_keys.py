"""Name normalisation shared by the actor and place resolvers: one key per spelling variant."""

from __future__ import annotations

import re

from unidecode import unidecode

_ARTICLES = {
    "es": ("el", "la", "los", "las", "del", "lo"),
    "en": ("the",),
}
_ARABIC_ARTICLES = ("al", "el", "as", "ash", "ar", "ad", "az", "an", "at", "ath", "adh", "ad")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_APOSTROPHES = re.compile(r"['`´’‘ʿʾ]")


def fold(text: str) -> str:
    """Casefold, transliterate to ASCII and turn punctuation into single spaces."""
    ascii_text = unidecode(_APOSTROPHES.sub("", text or ""))
    ascii_text = _APOSTROPHES.sub("", ascii_text).casefold()
    return _NON_WORD.sub(" ", ascii_text).strip()


def strip_articles(key: str, lang: str | None = None) -> str:
    """Drop leading definite articles ("el", "los", "the", ...) from a folded key."""
    articles = _ARTICLES.get(lang or "", ()) if lang else tuple(
        a for group in _ARTICLES.values() for a in group
    )
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


def actor_key(text: str, lang: str | None = None) -> str:
    """Matching key for an actor alias or mention: folded, articles dropped, plural-tolerant."""
    key = strip_articles(fold(text), lang)
    return " ".join(stem_word(w) for w in key.split())


def place_keys(name: str) -> set[str]:
    """Matching keys for a place name: folded, with and without a leading Arabic article."""
    key = fold(name)
    if not key:
        return set()
    keys = {key}
    words = key.split()
    if len(words) > 1 and words[0] in _ARABIC_ARTICLES:
        keys.add(" ".join(words[1:]))
    if len(words) > 1 and words[0] in ("el", "la", "los", "las", "the"):
        keys.add(" ".join(words[1:]))
    keys.add(key.replace(" ", ""))
    return {k for k in keys if k}


def is_acronym(alias: str) -> bool:
    """Short all-capital aliases ("UN", "EI", "SDF") are matched case-sensitively."""
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= 5 and alias.isupper() and " " not in alias.strip()


def contains_acronym(text: str, acronym: str) -> bool:
    """Whether an acronym occurs in the text as a whole word, case-sensitively."""
    pattern = r"(?<![A-Za-z0-9])" + re.escape(unidecode(acronym)) + r"(?![A-Za-z0-9])"
    return re.search(pattern, unidecode(text or "")) is not None


def contains_phrase(haystack: str, needle: str) -> bool:
    """Whether the folded needle occurs in the folded haystack on word boundaries."""
    return f" {needle} " in f" {haystack} "
