"""A document's credit line: who supplied the story ("Con información de AFP", "With files
from Reuters"). A news agency credited for the whole text reports each of its events, as an
outlet's own name does (``Document.source``)."""

from __future__ import annotations

import re

from cronica.documents.zones.cues import cues_for, starts_with
from cronica.lang.registry import pack, packs
from cronica.text import fold

CREDIT_CHARS = 80  # a credit is a short line of its own, not a sentence that starts alike


def credited_sources(text: str, lang: str | None) -> list[str]:
    """The names a credit line of `text` gives, as written ("EFE y AFP" -> EFE, AFP); common
    nouns ("agencias") name no one and are left out."""
    phrases = cues_for(lang).credit_starts
    if not phrases:
        return []
    joiners = _joiners(lang)
    names: list[str] = []
    for line in text.splitlines():
        line = line.strip().strip(".")
        if not line or len(line) > CREDIT_CHARS:
            continue
        cue = starts_with(fold(line), phrases)
        if cue is None:
            continue
        rest = line[_cut(line, cue):]
        for part in re.split(rf"[,;/]|\s(?:{joiners})\s", rest) if joiners else [rest]:
            name = part.strip(" :-–—()")
            if name[:1].isupper() and name not in names:
                names.append(name)
    return names


def _cut(line: str, cue: str) -> int:
    """Where the folded cue ends in the line as written (folding may change lengths)."""
    return next((i for i in range(len(cue), len(line) + 1) if fold(line[:i]) == cue), len(cue))


def _joiners(lang: str | None) -> str:
    codes = [lang] if lang is not None and lang in packs() else sorted(packs())
    words = {w for code in codes for w in pack(code).word_list("list_joiners")}
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
