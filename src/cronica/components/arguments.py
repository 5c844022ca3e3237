"""``cronica_arguments``: agent, target and places of each trigger by syntax (``Span._.roles``:
trigger token index -> Roles); source phrases and triggers are never places."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from cronica.components.extensions import read_sentences

NAME = "cronica_arguments"


@Language.factory(NAME)
def make_arguments(nlp: Language, name: str) -> ArgumentFinder:
    return ArgumentFinder()


class ArgumentFinder:
    """Read the roles of every trigger of a sentence."""

    def __call__(self, doc: Doc) -> Doc:
        story = doc._.story
        if story is None:
            return doc
        for span in read_sentences(doc):
            story.at(span)
            sources = [c.span for cues in span._.cues.values() for c in cues]
            not_places = {t.i for t in span if any(a <= t.idx < b for a, b in sources)}
            not_places.update(m.token.i for m in span._.triggers)  # "granada" is no place
            span._.roles = {
                m.token.i: story.reader.read(
                    m.token,
                    span,
                    m.entry.family,
                    m.entry.patterns[m.pattern_index].requires,
                    not_places,
                )
                for m in span._.triggers
            }
        return doc
