"""``cronica_quantities``: the counts of a sentence with events, each with its kind and the
token it stands at (``Span._.quantities``: [(token index, Quantity)])."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Span

from cronica.components.extensions import SentenceReader
from cronica.events.quantities import sentence_quantities
from cronica.readings import reading

if TYPE_CHECKING:
    from cronica.story import Story

NAME = "cronica_quantities"


@Language.factory(NAME)
def make_quantities(nlp: Language, name: str) -> QuantityFinder:
    return QuantityFinder()


class QuantityFinder(SentenceReader):
    """Read the counts of sentences that have triggers (the first trigger's action decides
    the kind a bare count takes)."""

    def read(self, story: Story, span: Span) -> None:
        record = reading(span)
        triggers = record.triggers
        action = triggers[0].entry.action if triggers else None
        record.quantities = sentence_quantities(span, story.lang, action) if triggers else []
