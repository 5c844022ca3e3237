"""``cronica_sentences``: each non-empty sentence gets its index in the document, its evidence
(the original text and offsets, citation markers) and the zone it lies in."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from cronica.documents.normalise import citations_in, to_original
from cronica.record import Evidence

NAME = "cronica_sentences"


@Language.factory(NAME)
def make_sentences(nlp: Language, name: str) -> SentenceLocator:
    return SentenceLocator()


class SentenceLocator:
    """Locate each sentence of a paragraph in the document's original text."""

    def __call__(self, doc: Doc) -> Doc:
        story = doc._.story
        if story is None:
            return doc
        for span in doc.sents:
            if not span.text.strip():
                continue
            start, end = to_original(
                story.norm, doc._.offset + span.start_char, doc._.offset + span.end_char
            )
            text = story.document.text[start:end]
            span._.evidence = Evidence(text, start, end, citations_in(story.norm, start, end))
            span._.index = story.sentences
            span._.zone = story.zone_at(start)
            story.sentences += 1
        return doc
