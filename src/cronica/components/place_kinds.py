"""``cronica_place_kinds``: a name the model tagged as a person, an organisation or a work is
a place when a settlement noun governs it ("the town of Rajm Al-Joz", "la localidad de Harf
Sufian"); one it tagged as a place is a person when set beside a noun for a person ("sus dos
hermanos, Saadi y Mohamed"). It runs right after the model's entity recogniser, before the
document's places are collected and resolved together."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from cronica.events.syntax import PLACE_LABELS, any_words, nominal_head, preposition, words
from cronica.resolve.places.mention import settlement_nouns
from cronica.text import fold

NAME = "cronica_place_kinds"
PLACE_LABEL = "LOC"
PERSON_LABEL = "PER"  # read as a person with the English model's PERSON (ACTOR_LABELS)
RELABELLED = frozenset({"PER", "PERSON", "ORG", "MISC", "WORK_OF_ART", "PRODUCT"})


@Language.factory(NAME)
def make_place_kinds(nlp: Language, name: str) -> PlaceKinds:
    return PlaceKinds()


class PlaceKinds:
    """Relabel the model's names by the noun that governs them (a class, as cronica's other
    components are, so that a benchmark times it as cronica's own stage)."""

    def __call__(self, doc: Doc) -> Doc:
        return relabel_places(doc)


def relabel_places(doc: Doc) -> Doc:
    """The document with each name of a settlement noun labelled as a place."""
    changed = False
    ents: list[Span] = []
    for ent in doc.ents:
        if ent.label_ in RELABELLED and _settlement_noun(ent) is not None:
            ent = Span(doc, ent.start, ent.end, label=PLACE_LABEL)
            changed = True
        elif ent.label_ in PLACE_LABELS and _beside_a_person_noun(ent):
            ent = Span(doc, ent.start, ent.end, label=PERSON_LABEL)
            changed = True
        ents.append(ent)
    if changed:
        doc.ents = ents
    return doc


def _settlement_noun(ent: Span) -> Token | None:
    """The settlement noun a name hangs from ("the village of Sayda" -> "village")."""
    root = ent.root
    if preposition(root) not in any_words("genitive_prepositions"):
        return None
    governor = nominal_head(root)
    if governor.i == root.i or fold(governor.lemma_) not in settlement_nouns(ent.doc.lang_):
        return None
    return governor


def described_place(ent: Span) -> str:
    """A place name with the settlement noun the text gives it ("the village of Sayda",
    "la localidad de Harf Sufian"), so that the gazetteer looks for a village or town; else
    the name as written."""
    noun = _settlement_noun(ent)
    if noun is None or noun.left_edge.i >= ent.start:
        return ent.text
    return ent.doc[noun.left_edge.i : ent.end].text


def _beside_a_person_noun(ent: Span) -> bool:
    """An apposition (or a conjunct of one) of a noun for a person: "sus hermanos, Saadi"."""
    root = ent.root
    for _ in range(3):
        if root.dep_ == "appos":
            head, persons = root.head, words(ent.doc.lang_, "person_nouns")
            return head.pos_ == "NOUN" and bool({fold(head.lemma_), fold(head.text)} & persons)
        if root.dep_ != "conj" or root.head.i == root.i:
            return False
        root = root.head
    return False
