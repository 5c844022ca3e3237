"""A place mention taken apart: its name, the descriptors around it, and words that are no place."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from cronica.lang import pack, packs
from cronica.text import name_key


@dataclass
class PlaceMention:
    """A mention split into its name and the words around it."""

    name: str
    relation: str | None = None  # part_of | near
    types: tuple[str, ...] = ()
    context: str | None = None  # "Hanano, Alepo" -> "Alepo"
    spelled: str | None = None  # the name as written, accents and all


@lru_cache(maxsize=4)
def descriptors(lang: str) -> dict[str, Any]:
    """The place words of a language pack (lang/<code>/places.yaml)."""
    return pack(lang).lexicon("places")


@lru_cache(maxsize=4)
def common_words(lang: str) -> frozenset[str]:
    """Name keys of the language's common words that are also place names ("granada")."""
    return frozenset(name_key(w) for w in descriptors(lang).get("not_places") or [])


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Adjectives of nationality of every language pack: never toponyms."""
    return frozenset(
        name_key(w) for p in packs().values() for w in p.lexicon("places").get("demonym_words", [])
    )


def _lower_latin(letter: str) -> bool:
    return letter.islower() and unicodedata.name(letter, "").startswith("LATIN")


def is_common_word(text: str) -> bool:
    """Whether a mention is a common word, not a name: every letter lower-case and Latin
    ("granada" is a grenade, "mina" a landmine), or a demonym ("sirio", "Syrian")."""
    letters = [c for c in text if c.isalpha()]
    if letters and all(_lower_latin(c) for c in letters):
        return True
    return name_key(text) in demonyms()


def parse_mention(text: str, lang: str) -> PlaceMention:
    """Strip leading descriptors ("las afueras de", "distrito de") off a place mention."""
    desc = descriptors(lang)
    head, _, context = text.partition(",")
    key = name_key(head)
    relation: str | None = None
    types: list[str] = []
    phrases = [(name_key(p), "part_of") for p in desc.get("part_of", [])]
    phrases += [(name_key(p), "near") for p in desc.get("near", [])]
    phrases += [(name_key(p), f"type:{t}") for t, ps in desc.get("types", {}).items() for p in ps]
    phrases += [(name_key(p), "strip") for p in desc.get("strip", [])]
    phrases.sort(key=lambda item: -len(item[0]))
    changed = True
    while changed:
        changed = False
        for phrase, role in phrases:
            if key.startswith(phrase + " ") and len(key) > len(phrase) + 1:
                key = key[len(phrase) + 1:]
                if role.startswith("type:"):
                    types.append(role[5:])
                elif role != "strip":
                    relation = relation or role
                changed = True
                break
    return PlaceMention(key, relation, tuple(types), context.strip() or None)


def tail_words(text: str, n: int) -> str:
    """The last `n` words of a mention as written ("la provincia de Alepo" -> "Alepo")."""
    words = text.split()
    return " ".join(words[-n:]) if n else ""
