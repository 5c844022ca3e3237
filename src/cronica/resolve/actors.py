"""Actor resolution: a mention ("los combatientes de Fatah al-Sham") -> canonical ACLED actor."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from cronica.datafiles import parse_yaml
from cronica.lang import pack, supported
from cronica.memo import Memo
from cronica.record import Actor
from cronica.resolve.fuzzy_keys import FuzzyKeys
from cronica.resolve.phrase_index import PhraseIndex
from cronica.text import (
    actor_key,
    contains_acronym,
    contains_phrase,
    is_acronym,
    name_key,
    strip_articles,
)

ACTOR_TYPES = (
    "State forces", "Rebel groups", "Political militias", "Identity militias", "Rioters",
    "Protesters", "Civilians", "External/Other forces",
)
SOURCE_TYPES = (
    "media", "NGO", "government", "armed group", "international organisation", "unnamed",
)
FUZZY_THRESHOLD = 90.0
_MIN_FUZZY_LEN = 8


@dataclass(frozen=True)
class ActorEntry:
    """One dictionary entry as read from actors.yaml."""

    canonical: str
    actor_type: str
    country: str | None = None
    generic: bool = False
    role: str | None = None
    national: str | None = None  # with one country named, that country's entry of this role
    countries: tuple[str, ...] = ()
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    former_names: tuple[tuple[str, date], ...] = ()

    def name_on(self, on_date: date | None) -> str:
        """The canonical name valid on a date (former names carry an `until` date)."""
        if on_date is not None:
            for name, until in sorted(self.former_names, key=lambda item: item[1]):
                if on_date < until:
                    return name
        return self.canonical


def _data_path(name: str) -> Path:
    return Path(str(resources.files("cronica") / "data" / name))


def _as_date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ValueError(f"{where}: bad `until` date {value!r}") from exc


def load_actor_entries(path: Path | None = None) -> list[ActorEntry]:
    """Read and validate an actor dictionary (default: the shipped actors.yaml)."""
    path = path or _data_path("actors.yaml")
    rows = parse_yaml(path.read_text(encoding="utf-8")) or []
    entries = []
    for i, row in enumerate(rows):
        where = f"{path}: entry {i} ({row.get('canonical')!r})"
        if row.get("actor_type") not in ACTOR_TYPES:
            raise ValueError(f"{where}: unknown actor_type {row.get('actor_type')!r}")
        aliases = {lang: tuple(str(a) for a in names or ()) for lang, names in
                   (row.get("aliases") or {}).items()}
        former = tuple(
            (str(f["name"]), _as_date(f["until"], where)) for f in row.get("former_names") or ()
        )
        entries.append(ActorEntry(
            canonical=str(row["canonical"]), actor_type=row["actor_type"],
            country=row.get("country"), generic=bool(row.get("generic", False)),
            role=row.get("role"), national=row.get("national"),
            countries=tuple(row.get("countries") or ()),
            aliases=aliases, former_names=former,
        ))
    return entries


@lru_cache(maxsize=4)
def _country_words(lang: str) -> dict[str, str]:
    data = pack(lang).lexicon("demonyms")
    return {name_key(word): country for word, country in data.items()}


@lru_cache(maxsize=4)
def _inflections(lang: str) -> tuple[tuple[int, str], ...]:
    """(letters dropped from the end, ending added) of a demonym's other forms."""
    rows = pack(lang).lexicon("words").get("demonym_inflections") or ()
    return tuple((int(drop), str(add)) for drop, add in rows)


def _forms(word: str, lang: str) -> set[str]:
    """A demonym and its inflected forms ("frances" -> "francesa", "franceses", ...)."""
    return {word} | {(word[:-drop] if drop else word) + add for drop, add in _inflections(lang)}


@lru_cache(maxsize=4)
def _country_forms(lang: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(country, its demonyms' forms) of a supported language, worked out once."""
    words = _country_words(lang) if lang in supported() else {}
    return tuple((country, frozenset(_forms(word, lang))) for word, country in words.items())


CountryForms = tuple[tuple[str, str], ...]  # (country, demonym form)


@lru_cache(maxsize=4)
def _country_index(lang: str) -> tuple[dict[str, CountryForms], CountryForms]:
    """The (country, form) pairs of `_country_forms` by the form's first word, and those
    without one (a form that is empty or starts with a space): a form occurs in a mention on
    word boundaries only where its first word is one of the mention's words."""
    by_word: dict[str, list[tuple[str, str]]] = {}
    always: list[tuple[str, str]] = []
    for country, forms in _country_forms(lang):
        for form in forms:
            first = form.split(" ")[0]
            (by_word.setdefault(first, []) if first else always).append((country, form))
    return {word: tuple(pairs) for word, pairs in by_word.items()}, tuple(always)


@lru_cache(maxsize=1 << 14)
def _countries_named(text: str, lang: str) -> frozenset[str]:
    key = name_key(text)
    by_word, always = _country_index(lang)
    candidates = [*always]
    for word in set(key.split(" ")):
        candidates.extend(by_word.get(word, ()))
    return frozenset(country for country, form in candidates if contains_phrase(key, form))


def countries_named(text: str, lang: str) -> set[str]:
    """Countries a mention names by demonym or name ("tropas francesas" -> {"France"})."""
    return set(_countries_named(text, lang))


class _AliasIndex:
    """Aliases in match order, found through the words they need (phrase_index.py)."""

    def __init__(self, aliases: list[_Alias]) -> None:
        self.aliases = aliases
        self.index = PhraseIndex([(a.key, a.text if a.acronym else None) for a in aliases])

    def found(self, text: str, key: str, stripped: str) -> list[_Alias]:
        """The aliases found in a mention, in match order (what testing each would give)."""
        return [self.aliases[n] for n in self.index.candidates(text, key)
                if self.aliases[n].found_in(text, key, stripped)]


@dataclass(frozen=True)
class _Alias:
    key: str
    text: str
    entry: ActorEntry
    acronym: bool = False  # is_acronym(text), worked out once
    stripped: str = ""  # strip_articles(name_key(text)), worked out once

    @classmethod
    def of(cls, key: str, text: str, entry: ActorEntry) -> _Alias:
        return cls(key, text, entry, is_acronym(text), strip_articles(name_key(text)))

    def found_in(self, text: str, key: str, stripped: str | None = None) -> bool:
        """Whether the alias occurs in a mention (`key` its actor_key; `stripped`, when
        given, its strip_articles(name_key(text)))."""
        if self.acronym:
            return contains_acronym(text, self.text)
        if not contains_phrase(key, self.key):
            return False
        if self.entry.generic:
            return True
        # Names are not plural-tolerant: "Hama" (a city) must not match "Hamas".
        if stripped is None:
            stripped = strip_articles(name_key(text))
        return contains_phrase(stripped, self.stripped)


class ActorResolver:
    """Resolves actor mentions against the actor dictionary; build once, reuse."""

    def __init__(self, path: Path | None = None, sources_path: Path | None = None) -> None:
        self.entries = load_actor_entries(path)
        self._aliases: dict[str, list[_Alias]] = {}
        for entry in self.entries:
            for lang, names in entry.aliases.items():
                for name in names:
                    key = actor_key(name, lang)
                    if key:
                        self._aliases.setdefault(lang, []).append(_Alias.of(key, name, entry))
        for lang in self._aliases:
            self._aliases[lang].sort(key=lambda a: -len(a.key))
        self._by_role = {
            (e.role, e.country): e for e in self.entries if e.role and e.country and not e.generic
        }
        self._fuzzy: dict[str | None, list[_Alias]] = {}
        self._fuzzy_keys: dict[str | None, FuzzyKeys] = {}
        self._index: dict[str | None, _AliasIndex] = {}
        self._memo: Memo[tuple[str, str, str | None], _Alias | None] = Memo()
        # Which fuzzy aliases a mention naming these countries may pick, by language.
        self._allowed: Memo[tuple[str, frozenset[str]], list[bool]] = Memo(1 << 10)
        self._sources = _SourceTable(sources_path or _data_path("sources.yaml"))

    def _alias_list(self, lang: str | None) -> list[_Alias]:
        if lang in self._aliases:
            return self._aliases[lang]
        return sorted((a for group in self._aliases.values() for a in group),
                      key=lambda a: -len(a.key))

    def _fuzzy_list(self, lang: str | None) -> list[_Alias]:
        """The aliases a fuzzy match may pick: named (not generic), long, no acronym."""
        if lang not in self._fuzzy:
            self._fuzzy[lang] = [a for a in self._alias_list(lang) if not a.entry.generic
                                 and len(a.key) >= _MIN_FUZZY_LEN and not a.acronym]
        return self._fuzzy[lang]

    def match(self, text: str, lang: str, country_focus: str | None = None) -> _Alias | None:
        """The dictionary alias a mention refers to: longest contained alias, else fuzzy."""
        return self._memo.get((text, lang, country_focus),
                              lambda: self._match(text, lang, country_focus))

    def _match(self, text: str, lang: str, country_focus: str | None) -> _Alias | None:
        key = actor_key(text, lang)
        if not key:
            return None
        if lang not in self._index:
            self._index[lang] = _AliasIndex(self._alias_list(lang))
        found = self._index[lang].found(text, key, strip_articles(name_key(text)))
        if found:
            longest = len(found[0].key)
            tied = [a for a in found if len(a.key) == longest]
            tied.sort(key=lambda a: (a.entry.generic, a.entry.country != country_focus))
            return tied[0]
        aliases = self._fuzzy_list(lang)
        if lang not in self._fuzzy_keys:
            self._fuzzy_keys[lang] = FuzzyKeys([a.key for a in aliases])
        named_countries = frozenset(countries_named(text, lang))
        allowed = self._allowed.get((lang, named_countries), lambda: [
            a.entry.country in named_countries for a in aliases]) if named_countries else None
        best = self._fuzzy_keys[lang].best(key, FUZZY_THRESHOLD, allowed)
        return None if best is None else aliases[best]

    def resolve(
        self, text: str, lang: str, country_focus: str | None = None,
        on_date: date | None = None,
    ) -> Actor | None:
        """Canonical actor for a mention, or None when nothing in the dictionary matches."""
        alias = self.match(text, lang, country_focus)
        if alias is None:
            return None
        entry = alias.entry
        if not entry.generic:
            return Actor(text, entry.name_on(on_date), entry.actor_type, entry.country)
        named = countries_named(text, lang)
        if len(named) == 1:  # "tropas francesas" in a Mali story are France's
            country_focus = next(iter(named))
            role = entry.national or ""
            national = self._by_role.get((role, country_focus)) if entry.national else None
            if national is not None:  # "aviones turcos" are Turkey's, not unidentified
                return Actor(text, national.name_on(on_date), national.actor_type, country_focus)
        return self._generic(text, entry, country_focus, on_date)

    def _generic(
        self, text: str, entry: ActorEntry, focus: str | None, on_date: date | None,
    ) -> Actor:
        if "{country}" not in entry.canonical:
            return Actor(text, entry.name_on(on_date), entry.actor_type, focus)
        if focus is None or (entry.countries and focus not in entry.countries):
            return Actor(text, None, entry.actor_type, None)
        specific = self._by_role.get((entry.role, focus)) if entry.role else None
        if specific is not None:
            return Actor(text, specific.name_on(on_date), specific.actor_type, focus)
        return Actor(text, entry.canonical.format(country=focus), entry.actor_type, focus)

    def military_of(self, country: str, text: str, on_date: date | None = None) -> Actor | None:
        """The armed forces of `country` (for "ataques aéreos rusos")."""
        entry = self._by_role.get(("military", country))
        if entry is None:
            return None
        return Actor(text, entry.name_on(on_date), entry.actor_type, entry.country)

    def patterns(self, lang: str) -> list[dict[str, Any]]:
        """spaCy EntityRuler patterns (label ACTOR, id = canonical) for named aliases.

        Patterns are phrase strings; add them to a ruler built with
        `phrase_matcher_attr="LOWER"` so that case does not matter.
        """
        seen: set[tuple[str, str]] = set()
        out = []
        for alias in self._aliases.get(lang, []):
            if alias.entry.generic:
                continue
            item = (alias.text.lower(), alias.entry.canonical)
            if item not in seen:
                seen.add(item)
                out.append({"label": "ACTOR", "pattern": alias.text, "id": alias.entry.canonical})
        return out

    def source_type(self, text: str, lang: str | None = None) -> str:
        """Source type of an attribution phrase ("según el SOHR" -> "NGO")."""
        return self._sources.source_type(text)

    def referred_source_types(self, text: str) -> frozenset[str] | None:
        """The source types a generic noun may refer back to ("la organización": an NGO or
        an international organisation), or None when any will do."""
        return self._sources.referred_types(text)

    def source_head_noun(self, text: str) -> bool:
        """Whether a source phrase is only a head word of a kind of source ("ONG",
        "observatorio", "the agency"): it names no one source by itself."""
        return self._sources.head_noun(text)

    def side_voice(self, text: str) -> bool:
        """Whether a source phrase is one side's own voice ("fuentes de seguridad", "rebel
        sources"): what it tells is that side's claim."""
        return self._sources.side_voice(text)

    def source_name(self, text: str, lang: str | None = None) -> str | None:
        """Canonical name of a named source, the same in every language ("SOHR", "OSDH",
        "Observatorio Sirio" -> "Syrian Observatory for Human Rights"); `lang` is unused."""
        return self._sources.source_name(text)


@lru_cache(maxsize=1)
def shipped_resolver() -> ActorResolver:
    """The resolver of the shipped dictionary, built once per process: the pipeline and its
    entity ruler's patterns (components/nlp.py) both read it."""
    return ActorResolver()


class _SourceTable:
    """Named sources and head-word patterns from sources.yaml."""

    def __init__(self, path: Path) -> None:
        data = parse_yaml(path.read_text(encoding="utf-8")) or {}
        self.named: list[tuple[str, str, str, str, bool]] = []  # key, alias, name, type, acronym
        for row in data.get("named", []):
            if row["source_type"] not in SOURCE_TYPES:
                raise ValueError(f"{path}: {row['name']!r} has bad source_type")
            for alias in row.get("aliases", []):
                entry = (name_key(str(alias)), str(alias), row["name"], row["source_type"],
                         is_acronym(str(alias)))
                self.named.append(entry)
        self.named.sort(key=lambda item: -len(item[0]))
        self.index = PhraseIndex([(key, alias if acronym else None)
                                  for key, alias, _n, _t, acronym in self.named])
        self.heads: list[tuple[str, str]] = []
        for stype, words in (data.get("patterns") or {}).items():
            if stype not in SOURCE_TYPES:
                raise ValueError(f"{path}: bad source type {stype!r} in patterns")
            self.heads.extend((name_key(str(w)), stype) for w in words)
        self.voices: set[str] = set()
        for stype, words in (data.get("side_voices") or {}).items():
            if stype not in SOURCE_TYPES:
                raise ValueError(f"{path}: bad source type {stype!r} in side_voices")
            self.heads.extend((name_key(str(w)), stype) for w in words)
            self.voices.update(name_key(str(w)) for w in words)
        self.heads.sort(key=lambda item: -len(item[0]))
        self.refer_back: list[tuple[str, frozenset[str]]] = sorted(
            ((name_key(str(w)), frozenset(types))
             for w, types in (data.get("refer_back") or {}).items()),
            key=lambda item: -len(item[0]),
        )
        self.head_keys = frozenset(key for key, _ in (*self.heads, *self.refer_back))
        self._memo: Memo[str, tuple[str, str] | None] = Memo()

    def _named(self, text: str) -> tuple[str, str] | None:
        return self._memo.get(text, lambda: self._find_named(text))

    def _find_named(self, text: str) -> tuple[str, str] | None:
        key = name_key(text)
        for n in self.index.candidates(text, key):
            alias_key, alias, name, stype, acronym = self.named[n]
            if contains_acronym(text, alias) if acronym else contains_phrase(key, alias_key):
                return name, stype
        return None

    def source_name(self, text: str) -> str | None:
        found = self._named(text)
        return found[0] if found else None

    def referred_types(self, text: str) -> frozenset[str] | None:
        key = name_key(text)
        return next((types for word, types in self.refer_back if contains_phrase(key, word)),
                    None)

    def head_noun(self, text: str) -> bool:
        return name_key(text) in self.head_keys

    def side_voice(self, text: str) -> bool:
        key = name_key(text)
        return any(contains_phrase(key, voice) for voice in self.voices)

    def source_type(self, text: str) -> str:
        found = self._named(text)
        if found:
            return found[1]
        key = name_key(text)
        for head, stype in self.heads:
            if contains_phrase(key, head):
                return stype
        return "unnamed"
