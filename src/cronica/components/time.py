"""``cronica_time``: the date of each sentence, its own or the story's (``Span._.time`` and
``Span._.date_text``), resolved against the publication date and the narrative so far."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Span, Token

from cronica.components.extensions import SentenceReader
from cronica.events.syntax import morph_values, words
from cronica.readings import children_of, reading, span_text, tokens_of
from cronica.record import BRIEF_ZONE
from cronica.resolve.time import (
    UNKNOWN,
    ResolvedTime,
    Timeline,
    TimeMention,
    calendar_date,
    find_times,
)
from cronica.text import fold

if TYPE_CHECKING:
    from cronica.story import Story

NAME = "cronica_time"


@Language.factory(NAME)
def make_time(nlp: Language, name: str) -> SentenceTime:
    return SentenceTime()


def time_verb(span: Span, mention: TimeMention) -> Token | None:
    """The verb a time expression depends on (the nearest verb above its highest token)."""
    start, end = span.start_char + mention.start, span.start_char + mention.end
    inside = [t for t in tokens_of(span) if start <= t.idx < end]
    if not inside:
        return None
    token = min(inside, key=lambda t: sum(1 for _ in t.ancestors))
    return next((h for h in [token, *token.ancestors] if h.pos_ in ("VERB", "AUX")), None)


def _future(verb: Token | None, lang: str) -> bool:
    """A verb in the future tense or with a future auxiliary ("atacarán", "will meet")."""
    if verb is None:
        return False
    if "Fut" in morph_values(verb, "Tense"):
        return True
    auxes = words(lang, "future_auxiliaries")
    return any(c.dep_ == "aux" and fold(c.text) in auxes for c in children_of(verb))


def with_tense(mention: TimeMention, span: Span, lang: str) -> TimeMention:
    """A weekday said with a future verb is the coming one ("atacarán el martes"); any other
    is the most recent one."""
    if mention.weekday is not None and mention.direction in (None, 0):
        if _future(time_verb(span, mention), lang):
            return replace(mention, direction=1)
    return mention


def sentence_time(
    span: Span, timeline: Timeline, lang: str, dates: bool
) -> tuple[ResolvedTime, str | None]:
    """A sentence's date and the words that gave it.

    Its own: the first time expression resolving to a date not after the publication date (a
    later one is a plan). Else, in a dated report, the day the sentence before named, or the
    publication date at week precision (news of the day); in an undated narrative, the
    story's current date. ``dates``: the sentence's zone lets its dates count."""
    own: tuple[ResolvedTime, str | None] | None = None
    later: tuple[ResolvedTime, str | None] | None = None
    if dates:
        times = reading(span).times = find_times(span_text(span), lang)
        past = bool(times) and _told_as_past(span, lang)
        for mention in times:
            resolved = timeline.resolve(with_tense(mention, span, lang), past)
            if own is None and timeline.usable(resolved):
                own = (resolved, mention.text)
            elif later is None and past and calendar_date(mention):
                later = (resolved, mention.text)  # a later day told in the past: the story's
    own = own or (later if later is not None and later[0].precision == "day" else None)
    if own is not None:
        timeline.said(own)
        return own
    dct, previous, current = timeline.dct, timeline.previous, timeline.current
    if dates:  # a sentence of another zone (a teaser, a menu) does not break the narrative
        timeline.said(None)
    if dct is not None:
        return previous or (ResolvedTime(dct.isoformat(), "week", dct), None)
    if current is not None:
        return current, timeline.current_text
    return UNKNOWN, None


def _told_as_past(span: Span, lang: str) -> bool:
    """A sentence told in the past ("El 4 de abril del 2017, un ataque causó …"), no verb of
    it future or conditional: a date it names after the publication date is no plan."""
    verbs = [t for t in tokens_of(span) if t.pos_ in ("VERB", "AUX")]
    if any(_future(v, lang) or "Cnd" in morph_values(v, "Mood") for v in verbs):
        return False
    return any("Past" in morph_values(v, "Tense") for v in verbs)


def closing_date(story: Story, span: Span) -> TimeMention | None:
    """The date that closes a dated brief ("Los rebeldes acusaron ... (03.08.2016)"): the
    first calendar date after the sentence, in its block or the brief's next block (a
    brief's headline is a block of its own), in the original text."""
    evidence = reading(span).evidence
    assert evidence is not None  # the sentence locator's, before this component
    end = evidence.end
    for block in story.blocks_from(end)[:BRIEF_BLOCKS]:
        if block.zone != BRIEF_ZONE:
            break
        tail = story.document.text[max(end, block.start):block.end]
        found = next((m for m in find_times(tail, story.lang) if calendar_date(m)), None)
        if found is not None:
            return found
    return None


BRIEF_BLOCKS = 2  # a brief's headline and its dated paragraph


class SentenceTime(SentenceReader):
    """Resolve each sentence's time expressions on the story's timeline."""

    def read(self, story: Story, span: Span) -> None:
        dates = story.dates(span)
        record = reading(span)
        record.time, record.date_text = sentence_time(span, story.timeline, story.lang, dates)
        if record.zone == BRIEF_ZONE and record.date_text is None:
            closing = closing_date(story, span)  # dated at its end: not by the narrative
            if closing is not None:
                record.time = story.timeline.resolve(closing, True)
                record.date_text = closing.text  # the words that date it, though not its own
