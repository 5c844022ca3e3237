"""The ``Doc._`` and ``Span._`` extensions cronica's components write, and the sentences
they read."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

DOC_EXTENSIONS = ("story", "offset")  # the document's Story; the paragraph's clean-text offset
SPAN_EXTENSIONS = (
    "index", "evidence", "zone", "time", "date_text", "triggers", "dropped", "cues", "roles",
    "quantities",
)  # fmt: skip

for _name in DOC_EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in SPAN_EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def read_sentences(doc: Doc) -> Iterator[Span]:
    """The sentences of a paragraph that the components read (non-empty ones), in order."""
    for span in doc.sents:
        if span._.index is not None:
            yield span
