"""The phase of an event mention: halted, completed, resumed, or the event itself (None).

"La evacuación" and "la evacuación se suspendió" name the same process in different phases;
linking keeps mentions of different phases apart. Phase words (word starts, folded) live in
lang/<code>/attribution.yaml under `phases`; they count within a few words of the trigger.
"""

from __future__ import annotations

import re
from functools import cache

from cronica.lang import pack, supported
from cronica.record import Event
from cronica.text import fold

BEFORE, AFTER = 4, 10  # words around the trigger where a phase word counts
_WORD = re.compile(r"\w+")


@cache
def phase_words(lang: str) -> dict[str, tuple[str, ...]]:
    """Each phase's word starts (folded) for a language: `phases` in its attribution.yaml."""
    raw = pack(lang).lexicon("attribution").get("phases") or {}
    return {phase: tuple(fold(str(w)) for w in stems) for phase, stems in raw.items()}


def phase_of(event: Event) -> str | None:
    """The phase a mention's words give its event, or None."""
    ev = event.evidence
    if event.lang not in supported() or ev.trigger_start is None:
        return None
    at = ev.trigger_start - ev.start
    words = [(m.start(), fold(m.group())) for m in _WORD.finditer(ev.sentence)]
    i = next((n for n, (pos, _) in enumerate(words) if pos >= at), len(words))
    window = [w for _, w in words[max(0, i - BEFORE) : i]] + [
        w for _, w in words[i + 1 : i + 1 + AFTER]
    ]
    for phase, stems in phase_words(event.lang).items():
        if any(w.startswith(stem) for w in window for stem in stems):
            return phase
    return None


def told_apart(a: Event, b: Event) -> bool:
    """Two mentions of one sentence that a word of simultaneity separates ("dispersaron una
    protesta en Adén, mientras miles desfilaban en Saná", "while"): two happenings at once,
    neither a degree nor a part of the other (`simultaneity_markers` in words.yaml; read on
    the evidence text, as events keep no tokens: `events.detect.apart` is the parse's twin)."""
    ea, eb = a.evidence, b.evidence
    if a.lang != b.lang or a.lang not in supported() or ea.start != eb.start:
        return False
    if ea.trigger_start is None or eb.trigger_start is None:
        return False
    low, high = sorted((ea.trigger_start - ea.start, eb.trigger_start - eb.start))
    markers = pack(a.lang).words("simultaneity_markers")
    return any(fold(w) in markers for w in _WORD.findall(ea.sentence[low:high]))
