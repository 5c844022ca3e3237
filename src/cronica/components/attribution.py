"""``cronica_attribution``: who says so, for each trigger of a sentence (``Span._.cues``:
trigger token index -> source cues), with the speaker carried across sentences."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from cronica.components.extensions import read_sentences

NAME = "cronica_attribution"


@Language.factory(NAME)
def make_attribution(nlp: Language, name: str) -> SourceFinder:
    return SourceFinder()


class SourceFinder:
    """Attribute each sentence's triggers to their sources, in document order."""

    def __call__(self, doc: Doc) -> Doc:
        story = doc._.story
        if story is None:
            return doc
        for span in read_sentences(doc):
            story.at(span)
            ids = [m.token.i for m in span._.triggers]
            span._.cues = story.attributor.attribute(span, ids, story.attribution)
        return doc
