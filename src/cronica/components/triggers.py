"""``cronica_triggers``: the event triggers of each sentence (``Span._.triggers``), from the
language pack's lexicon; intended, prevented and scene-setting mentions are left out."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from cronica.components.extensions import read_sentences
from cronica.events.detect import TriggerMatch, find_triggers
from cronica.events.lexicon import trigger_lemmas
from cronica.events.modality import modality

NAME = "cronica_triggers"


@Language.factory(NAME)
def make_triggers(nlp: Language, name: str) -> TriggerFinder:
    return TriggerFinder()


class TriggerFinder:
    """Find the triggers of the sentences that report (zones that carry events)."""

    def __call__(self, doc: Doc) -> Doc:
        story = doc._.story
        if story is None:
            return doc
        reader, keys = story.reader, trigger_lemmas(story.lang)

        def mood(tok: Token) -> tuple[str, str]:
            return modality(tok, story.lang, reader.non_factual(tok), keys)

        for span in read_sentences(doc):
            if not story.reports(span):
                span._.triggers, span._.dropped = [], []
                continue
            story.at(span)
            dropped: list[TriggerMatch] = []
            matches = find_triggers(span, story.lang, reader.satisfies, mood, dropped)
            foreground = [m for m in matches if not reader.background(m.token)]
            for m in matches:
                if foreground and m not in foreground:
                    m.modality, m.reason = "background", "scene-setting noun"
                    dropped.append(m)
            span._.triggers = foreground or matches
            span._.dropped = dropped
        return doc
