"""``cronica_arguments``: agent, target and places of each trigger by syntax (``Span._.roles``:
trigger token index -> Roles); source phrases and triggers are never places. Sentences are
read in document order: a pronoun or elided subject takes the last acting subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Span

from cronica.components.extensions import SentenceReader
from cronica.readings import paragraph, reading

if TYPE_CHECKING:
    from cronica.story import Story

NAME = "cronica_arguments"


@Language.factory(NAME)
def make_arguments(nlp: Language, name: str) -> ArgumentFinder:
    return ArgumentFinder()


class ArgumentFinder(SentenceReader):
    """Read the roles of every trigger of a sentence."""

    def read(self, story: Story, span: Span) -> None:
        story.at(span)
        record = reading(span)
        triggers = record.triggers or []
        sources = [c.span for cues in (record.cues or {}).values() for c in cues]  # document
        # offsets
        offset = paragraph(span.doc).offset or 0
        not_places: set[int] = set()
        if triggers and sources:
            not_places = {t.i for t in span if any(a <= offset + t.idx < b for a, b in sources)}
        not_places.update(m.token.i for m in triggers)  # "granada" is no place
        record.roles = {
            m.token.i: story.reader.read(
                m.token,
                span,
                m.entry.family,
                m.entry.patterns[m.pattern_index].requires,
                not_places,
                m.entry.sub_event_type,
            )  # fmt: skip
            for m in triggers
        }
        story.reader.remember(span)  # the antecedent of the next elided subject
        story.reader.remember_places(list(record.roles.values()))  # for "allí", "there"
