"""Zone cue phrases of a language pack (``lang/<code>/zones.yaml``), folded for matching."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from cronica.lang.registry import pack, packs
from cronica.text import fold

NUMERIC_DATE = r"\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b"


@dataclass(frozen=True)
class Cues:
    """Folded cue phrases by role, and a pattern for dates in teasers."""

    boilerplate_contains: tuple[str, ...] = ()
    boilerplate_starts: tuple[str, ...] = ()
    byline_starts: tuple[str, ...] = ()
    credit_starts: tuple[str, ...] = ()  # "Con información de AFP": who supplied the story
    caption_starts: tuple[str, ...] = ()
    caption_contains: tuple[str, ...] = ()
    comments_contains: tuple[str, ...] = ()
    related_starts: tuple[str, ...] = ()
    related_ends: tuple[str, ...] = ()
    references: frozenset[str] = frozenset()
    see_also: frozenset[str] = frozenset()
    date: re.Pattern[str] = re.compile(NUMERIC_DATE)


def cues_for(lang: str | None) -> Cues:
    """The cues of `lang`'s pack; every pack's cues together when `lang` is unknown."""
    codes = (lang,) if lang in packs() else tuple(sorted(packs()))
    return _cues(codes)


@lru_cache(maxsize=16)
def _cues(codes: tuple[str, ...]) -> Cues:
    fields: dict[str, set[str]] = {}
    months: set[str] = set()

    def put(name: str, values: str | Iterable[object] | None) -> None:
        items = [values] if isinstance(values, str) else list(values or ())
        fields.setdefault(name, set()).update(fold(str(v)) for v in items if str(v).strip())

    for code in codes:
        lexicon = pack(code).lexicon("zones") or {}
        for role in ("boilerplate", "byline", "caption", "comments", "credit", "related"):
            for how, values in (lexicon.get(role) or {}).items():
                put(f"{role}_{how}", values)
        put("references", lexicon.get("references"))
        put("see_also", lexicon.get("see_also"))
        months.update(fold(str(m)) for m in (pack(code).lexicon("time").get("months") or {}))
    month = "|".join(sorted((re.escape(m) for m in months if len(m) > 2), key=len, reverse=True))
    date = NUMERIC_DATE + (rf"|\b\d{{1,2}}(?:\s+de)?\s+(?:{month})\b|\b(?:{month})\s+\d{{1,2}}\b"
                            if month else "")
    sets = ("references", "see_also")
    known = {f for f in Cues.__dataclass_fields__ if f not in (*sets, "date")}
    given: dict[str, Any] = {
        k: tuple(sorted(v, key=len, reverse=True)) for k, v in fields.items() if k in known
    }
    given.update({k: frozenset(fields.get(k, ())) for k in sets})
    return Cues(**given, date=re.compile(date))


def starts_with(folded: str, phrases: tuple[str, ...]) -> str | None:
    """The first phrase `folded` starts with as whole words, or None."""
    for phrase in phrases:
        if folded.startswith(phrase) and (
            len(folded) == len(phrase) or not phrase[-1].isalnum()
            or not folded[len(phrase)].isalnum()
        ):
            return phrase
    return None


def contains(folded: str, phrases: tuple[str, ...]) -> str | None:
    """The first phrase found in `folded` as whole words, or None."""
    for phrase in phrases:
        at = folded.find(phrase)
        while at >= 0:
            before = folded[at - 1] if at else " "
            end = at + len(phrase)
            after = folded[end] if end < len(folded) else " "
            if (not before.isalnum() or not phrase[0].isalnum()) and (
                not after.isalnum() or not phrase[-1].isalnum()
            ):
                return phrase
            at = folded.find(phrase, at + 1)
    return None
