"""``cronica_attribution``: who says so, for each trigger of a sentence (``Span._.cues``:
trigger token index -> source cues), with the speaker carried across sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Span

from cronica.components.extensions import SentenceReader
from cronica.readings import reading

if TYPE_CHECKING:
    from cronica.story import Story

NAME = "cronica_attribution"


@Language.factory(NAME)
def make_attribution(nlp: Language, name: str) -> SourceFinder:
    return SourceFinder()


class SourceFinder(SentenceReader):
    """Attribute each sentence's triggers to their sources, in document order."""

    def read(self, story: Story, span: Span) -> None:
        story.at(span)
        record = reading(span)
        ids = [m.token.i for m in record.triggers or ()]
        record.cues = story.attributor.attribute(span, ids, story.attribution)
