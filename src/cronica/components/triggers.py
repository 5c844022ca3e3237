"""``cronica_triggers``: the event triggers of each sentence (``Span._.triggers``), from the
language pack's lexicon; intended, prevented and scene-setting mentions are left out."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from cronica.components.extensions import read_sentences
from cronica.events.detect import find_triggers

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
        reader = story.reader
        for span in read_sentences(doc):
            if not story.reports(span):
                span._.triggers = []
                continue
            story.at(span)
            matches = find_triggers(
                span, story.lang, reader.satisfies, lambda tok: not reader.non_factual(tok)
            )
            foreground = [m for m in matches if not reader.background(m.token)]
            span._.triggers = foreground or matches
        return doc
