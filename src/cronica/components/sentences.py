"""``cronica_sentences``: each non-empty sentence gets its index in the document, its evidence
(the original text and offsets, citation markers) and the zone it lies in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span

from cronica.components.extensions import SentenceReader
from cronica.documents.normalise import citations_in, to_original
from cronica.readings import paragraph, reading, span_text
from cronica.record import Evidence

if TYPE_CHECKING:
    from cronica.story import Story

NAME = "cronica_sentences"


@Language.factory(NAME)
def make_sentences(nlp: Language, name: str) -> SentenceLocator:
    return SentenceLocator()


class SentenceLocator(SentenceReader):
    """Locate each sentence of a paragraph in the document's original text."""

    def sentences(self, doc: Doc) -> Iterator[Span]:
        """Every non-empty sentence (they get their index here, and are kept as the
        paragraph's `Paragraph.sentences` for the components after this one)."""
        kept = [span for span in doc.sents if span_text(span).strip()]
        paragraph(doc).sentences = kept
        return iter(kept)

    def read(self, story: Story, span: Span) -> None:
        offset = paragraph(span.doc).offset or 0
        start, end = to_original(story.norm, offset + span.start_char, offset + span.end_char)
        text = story.document.text[start:end]
        record = reading(span)
        record.evidence = Evidence(text, start, end, citations_in(story.norm, start, end))
        record.index = story.sentences
        record.zone = story.zone_at(start)
        story.sentences += 1
