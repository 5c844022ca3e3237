"""``cronica_triggers``: the event triggers of each sentence (``Span._.triggers``), from the
language pack's lexicon; intended, prevented and scene-setting mentions are left out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Span, Token

from cronica.components.extensions import SentenceReader
from cronica.events.detect import TriggerMatch, apart, find_triggers, simultaneity_marks
from cronica.events.lexicon import trigger_lemmas
from cronica.events.modality import modality
from cronica.readings import reading

if TYPE_CHECKING:
    from cronica.story import Story

NAME = "cronica_triggers"


@Language.factory(NAME)
def make_triggers(nlp: Language, name: str) -> TriggerFinder:
    return TriggerFinder()


class TriggerFinder(SentenceReader):
    """Find the triggers of the sentences that report (zones that carry events)."""

    def read(self, story: Story, span: Span) -> None:
        record = reading(span)
        record.triggers, record.dropped = [], []
        if not story.reports(span):
            return
        story.at(span)
        reader, keys = story.reader, trigger_lemmas(story.lang)

        def mood(tok: Token) -> tuple[str, str]:
            return modality(tok, story.lang, reader.non_factual(tok), keys)

        dropped: list[TriggerMatch] = []
        matches = find_triggers(
            span, story.lang, reader.satisfies, mood, dropped, scene=reader.background,
        )
        marks = simultaneity_marks(span, story.lang) if len(matches) > 1 else []
        foreground = [m for m in matches if not reader.background(m.token)]
        kept = []
        for m in matches:  # a scene for the events of its own clause, not for those apart
            if m not in foreground and any(not apart(m.token, f.token, marks) for f in foreground):
                m.modality, m.reason = "background", "scene-setting noun"
                dropped.append(m)
            else:
                kept.append(m)
        record.triggers, record.dropped = kept, dropped
