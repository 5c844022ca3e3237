"""A place mention taken apart: its name, the descriptors around it, and words that are no place."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from cronica.datafiles import load_yaml
from cronica.lang import pack, packs
from cronica.resolve.places.settings import table
from cronica.text import fold, name_key


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


@lru_cache(maxsize=4)
def generic_words(lang: str) -> frozenset[str]:
    """Name keys of the language's generic place nouns ("the Citadel", "el aeropuerto",
    "Oriente"): a kind of place or a direction, never one gazetteer place by itself."""
    return frozenset(name_key(w) for w in descriptors(lang).get("generic") or [])


def is_generic(name: str, lang: str) -> bool:
    """Whether a mention's name (descriptors stripped) is only a generic place noun."""
    return name_key(name) in generic_words(lang)


def _articles(lang: str) -> tuple[str, ...]:
    return tuple(name_key(a) for a in pack(lang).word_list("definite_articles"))


@lru_cache(maxsize=4)
def _particles(lang: str) -> frozenset[str]:
    return frozenset(load_yaml("names.yaml")["article_prefixes"]) | frozenset(_articles(lang))


def is_particle(text: str, lang: str) -> bool:
    """Whether a mention is only an article or a name's particle ("Al", "El"): a name cut
    short, no place."""
    return name_key(text) in _particles(lang)


@lru_cache(maxsize=4)
def _phrases(lang: str) -> list[tuple[str, str]]:
    """Descriptor phrases and their role, longest first; a phrase that starts with an
    article also counts without it ("el noreste de" -> "noreste de"); a generic place noun
    followed by a linking word names a part of the place after it ("el aeropuerto de X")."""
    desc = descriptors(lang)
    phrases = [(name_key(p), "part_of") for p in desc.get("part_of", [])]
    phrases += [(name_key(p), "near") for p in desc.get("near", [])]
    phrases += [(name_key(p), f"type:{t}") for t, ps in desc.get("types", {}).items() for p in ps]
    known = {p for p, _ in phrases}
    phrases += [(f"{name_key(g)} {name_key(link)}", "part_of")
                for g in desc.get("generic") or [] for link in desc.get("generic_of") or []
                if f"{name_key(g)} {name_key(link)}" not in known]
    articles = _articles(lang)
    bare = [(p.split(" ", 1)[1], role) for p, role in phrases
            if " " in p and p.split(" ", 1)[0] in articles]
    phrases += [(name_key(p), "strip") for p in desc.get("strip", [])]
    return sorted(dict.fromkeys(phrases + bare), key=lambda item: -len(item[0]))


def parse_mention(text: str, lang: str) -> PlaceMention:
    """Strip leading descriptors ("las afueras de", "distrito de") off a place mention."""
    return PlaceMention(*_parsed(text, lang))


@lru_cache(maxsize=1 << 14)
def _parsed(text: str, lang: str) -> tuple[str, str | None, tuple[str, ...], str | None]:
    """`parse_mention`'s fields (memoised: a document names its places again and again)."""
    head, _, context = text.partition(",")
    key = name_key(head)
    relation: str | None = None
    types: list[str] = []
    phrases = _phrases_by_word(lang)
    changed = True
    while changed:
        changed = False
        for phrase, role in phrases.get(key.split(" ", 1)[0], ()):
            if key.startswith(phrase + " ") and len(key) > len(phrase) + 1:
                key = key[len(phrase) + 1:]
                if role.startswith("type:"):
                    types.append(role[5:])
                elif role != "strip":
                    relation = relation or role
                changed = True
                break
    for suffix, kind in _suffixes(lang):  # "idlib province": a province named Idlib
        if key.endswith(" " + suffix) and len(key) > len(suffix) + 1:
            key, types = key[: -len(suffix) - 1], [*types, kind]
            break
    return key, relation, tuple(types), context.strip() or None


@lru_cache(maxsize=4)
def _phrases_by_word(lang: str) -> dict[str, list[tuple[str, str]]]:
    """`_phrases` filed under their first word, each list in `_phrases`' order: a phrase
    followed by a space starts a key only where the key's first word is the phrase's."""
    filed: dict[str, list[tuple[str, str]]] = {}
    for phrase, role in _phrases(lang):
        filed.setdefault(phrase.split(" ", 1)[0], []).append((phrase, role))
    return filed


@lru_cache(maxsize=4)
def _suffixes(lang: str) -> list[tuple[str, str]]:
    """Kinds of place a language says after the name ("province" in "Idlib province")."""
    found = descriptors(lang).get("type_suffixes") or {}
    return [(name_key(w), kind) for kind, ws in found.items() for w in ws]


def own_name(text: str) -> str | None:
    """The proper name a mention gives, as written, in any language ("the Duraham Oil Field"
    -> "Duraham Oil Field"), or None: a common or generic noun, an article, a long phrase."""
    words = text.partition(",")[0].split()
    particles = frozenset().union(*(_particles(lang) for lang in packs()))
    while words and not words[0][:1].isupper() and not (
            "-" in words[0] and name_key(words[0].split("-")[0]) in particles):
        words = words[1:]  # "the", "la", "near": lower-case words before the name ("al-Bab")
    while words and not words[-1][:1].isupper() and not _named_part(words[-1]):
        words = words[:-1]  # "Tal Za'rour hill", "ISIL-held towns": kind nouns after it
    if words and "-" in words[-1] and name_key(words[-1].rsplit("-", 1)[1]) in _tails():
        return None  # "ISIL-held", "US-backed": an adjective, not a place's name
    name = " ".join(words)
    if not name or len(words) > table()["event"]["own_name_max_words"] or is_common_word(name):
        return None
    for lang in packs():
        parsed = parse_mention(name, lang).name
        if is_particle(name, lang) or not parsed or is_generic(parsed, lang):
            return None
    return name


@lru_cache(maxsize=1)
def _tails() -> frozenset[str]:
    """What follows the hyphen of an adjective in any language ("held" in "ISIL-held")."""
    return frozenset(name_key(str(w)) for lang in packs()
                     for w in descriptors(lang).get("adjective_tails") or [])


def _named_part(word: str) -> bool:
    """A lower-case word that is part of a name ("al-Bab", "ash-Sheikh"): a particle with a
    capitalised name after its hyphen."""
    return "-" in word and word.rsplit("-", 1)[1][:1].isupper()


def tail_words(text: str, n: int) -> str:
    """The last `n` words of a mention as written ("la provincia de Alepo" -> "Alepo")."""
    words = text.split()
    return " ".join(words[-n:]) if n else ""


@lru_cache(maxsize=4)
def settlement_nouns(lang: str) -> frozenset[str]:
    """Nouns for a town of the language ("ciudad", "pueblo", "town"): the words of its `city`
    type phrases ("la ciudad de", "the town of") other than the leading words it strips."""
    table = descriptors(lang)
    strip = {fold(w) for w in table.get("strip") or []}
    phrases = (table.get("types") or {}).get("city") or []
    return frozenset(fold(w) for p in phrases for w in p.split() if fold(w) not in strip)
