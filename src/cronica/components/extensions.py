"""The sentences cronica's components read, and the base class of a component that reads
them (what they write: cronica.readings)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from cronica.readings import kept_reading, paragraph

if TYPE_CHECKING:
    from cronica.story import Story


def read_sentences(doc: Doc) -> Iterator[Span]:
    """The sentences of a paragraph that the components read (non-empty ones), in order:
    those the sentence locator kept (`Paragraph.sentences`: each component and the event
    builder read the same Spans, not new ones from ``doc.sents``), else those indexed."""
    kept = paragraph(doc).sentences
    if kept is not None:
        yield from kept
        return
    for span in doc.sents:
        record = kept_reading(span)
        if record is not None and record.index is not None:
            yield span


class SentenceReader:
    """A component that reads each sentence of a paragraph with its document's story
    (`Paragraph.story`); a Doc without a story passes through unchanged."""

    def __call__(self, doc: Doc) -> Doc:
        story = paragraph(doc).story
        if story is None:
            return doc
        self.begin(story)
        for span in self.sentences(doc):
            self.read(story, span)
        return doc

    def begin(self, story: Story) -> None:
        """Prepare for one paragraph of `story` (nothing by default)."""

    def sentences(self, doc: Doc) -> Iterator[Span]:
        """The sentences to read: those the sentence locator indexed."""
        return read_sentences(doc)

    def read(self, story: Story, span: Span) -> None:
        """Read one sentence, writing its `Reading`."""
        raise NotImplementedError
