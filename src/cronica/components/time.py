"""``cronica_time``: the date of each sentence, its own or the story's (``Span._.time`` and
``Span._.date_text``), resolved against the publication date and the narrative so far."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from cronica.components.extensions import read_sentences
from cronica.resolve.time import ResolvedTime, find_times

NAME = "cronica_time"


@Language.factory(NAME)
def make_time(nlp: Language, name: str) -> SentenceTime:
    return SentenceTime()


class SentenceTime:
    """Resolve each sentence's time expressions on the story's timeline."""

    def __call__(self, doc: Doc) -> Doc:
        story = doc._.story
        if story is None:
            return doc
        for span in read_sentences(doc):
            own: tuple[ResolvedTime, str] | None = None
            if story.dates(span):
                for mention in find_times(span.text, story.lang):
                    resolved = story.timeline.resolve(mention)
                    if own is None and resolved.precision != "unknown":
                        own = (resolved, mention.text)
            if own is not None:
                span._.time, span._.date_text = own
                if own[0].precision == "day":
                    story.date_text = own[1]
            else:
                current = story.timeline.current
                span._.time = current or ResolvedTime(None, "unknown")
                span._.date_text = story.date_text if current else None
        return doc
