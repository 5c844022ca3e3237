"""``cronica_quantities``: the counts of a sentence with events, each with its kind and the
token it stands at (``Span._.quantities``: [(token index, Quantity)])."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from cronica.components.extensions import read_sentences
from cronica.events.quantities import sentence_quantities

NAME = "cronica_quantities"


@Language.factory(NAME)
def make_quantities(nlp: Language, name: str) -> QuantityFinder:
    return QuantityFinder()


class QuantityFinder:
    """Read the counts of sentences that have triggers (the first trigger's action decides
    the kind a bare count takes)."""

    def __call__(self, doc: Doc) -> Doc:
        story = doc._.story
        if story is None:
            return doc
        for span in read_sentences(doc):
            triggers = span._.triggers
            action = triggers[0].entry.action if triggers else None
            span._.quantities = sentence_quantities(span, story.lang, action) if triggers else []
        return doc
