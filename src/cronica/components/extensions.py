"""The ``Doc._`` and ``Span._`` extensions cronica's components write, the sentences they
read, and the base class of a component that reads them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from cronica.story import Story

DOC_EXTENSIONS = ("story", "offset", "sentences")
# the document's Story; the paragraph's clean-text offset; its sentences that were indexed
SPAN_EXTENSIONS = (
    "index", "evidence", "zone", "time", "times", "date_text", "triggers", "dropped", "cues",
    "roles", "quantities",
)  # fmt: skip

for _name in DOC_EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in SPAN_EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def read_sentences(doc: Doc) -> Iterator[Span]:
    """The sentences of a paragraph that the components read (non-empty ones), in order:
    those the sentence locator kept (``Doc._.sentences``: each component and the event
    builder read the same Spans, not new ones from ``doc.sents``), else those indexed."""
    kept: list[Span] | None = doc._.sentences
    if kept is not None:
        yield from kept
        return
    for span in doc.sents:
        if span._.index is not None:
            yield span


class SentenceReader:
    """A component that reads each sentence of a paragraph with its document's story
    (``Doc._.story``); a Doc without a story passes through unchanged."""

    def __call__(self, doc: Doc) -> Doc:
        story = doc._.story
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
        """Read one sentence, writing its ``Span._`` extensions."""
        raise NotImplementedError
