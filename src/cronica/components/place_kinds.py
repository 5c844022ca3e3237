"""``cronica_place_kinds``: a name the model tagged as a person, an organisation or a work is
a place when a settlement noun governs it ("the town of Rajm Al-Joz", "la localidad de Harf
Sufian"). It runs right after the model's entity recogniser, before the document's places
are collected and resolved together."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from cronica.events.syntax import any_words, nominal_head, preposition
from cronica.resolve.places.mention import settlement_nouns
from cronica.text import fold

NAME = "cronica_place_kinds"
PLACE_LABEL = "LOC"
RELABELLED = frozenset({"PER", "PERSON", "ORG", "MISC", "WORK_OF_ART", "PRODUCT"})


@Language.component(NAME)
def relabel_places(doc: Doc) -> Doc:
    """The document with each name of a settlement noun labelled as a place."""
    changed = False
    ents: list[Span] = []
    for ent in doc.ents:
        if ent.label_ in RELABELLED and _of_a_settlement(ent):
            ent = Span(doc, ent.start, ent.end, label=PLACE_LABEL)
            changed = True
        ents.append(ent)
    if changed:
        doc.ents = ents
    return doc


def _of_a_settlement(ent: Span) -> bool:
    root = ent.root
    if preposition(root) not in any_words("genitive_prepositions"):
        return False
    governor = nominal_head(root)
    return governor.i != root.i and fold(governor.lemma_) in settlement_nouns(ent.doc.lang_)
