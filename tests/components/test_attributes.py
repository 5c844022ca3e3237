"""cronica's filed attribute rules (components/attributes.py) set what the model's attribute
ruler sets, token for token, in Spanish and English (English: rules of two tokens, IN,
NOT_IN and REGEX tests, a later rule overriding an earlier one), and a ruler with a rule of
another kind is left in place."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from cronica.components.attributes import (
    FACTORY,
    IndexedAttributes,
    index_attributes,
    read_rules,
)
from cronica.components.nlp import load_model

TEXTS = {
    "es": [
        "Los rebeldes dispararon contra los barrios orientales; murieron cinco civiles.",
        "Según el Observatorio,  las tropas leales avanzaron hacia Alepo el martes.\n\nNada más.",
        "",
    ],
    "en": [
        "There's no doubt: y'all ain't gonna stop, and we're not gotta wait, let's go.",
        "C'mon, there is nothin' left; the army said it had taken three villages.",
        "Which one was it? That is what they do not know.  Whatever.\n",
    ],
}
COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


def _annotations(nlp, text: str) -> list[list[int]]:
    return nlp(text).to_array(COLUMNS).tolist()


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_filed_rules_set_what_the_ruler_sets(lang: str) -> None:
    plain, quick = load_model(lang), load_model(lang)
    index_attributes(quick)
    assert quick.get_pipe_meta("attribute_ruler").factory == FACTORY
    assert isinstance(quick.get_pipe("attribute_ruler"), IndexedAttributes)
    assert quick.pipe_names == plain.pipe_names
    for text in TEXTS[lang]:
        assert _annotations(quick, text) == _annotations(plain, text), text


def test_rules_of_english_kinds_are_read() -> None:
    rules = read_rules(load_model("en").get_pipe("attribute_ruler"))
    assert rules is not None
    kinds = {(len(r.tokens), t.negated, t.regex is not None)
             for rs in [rules.unfiled, *rules.filed.values()] for r in rs
             for tests in r.tokens for t in tests}
    assert (2, False, False) in kinds and (1, True, False) in kinds and (1, False, True) in kinds


def test_a_later_rule_wins_and_an_unknown_kind_keeps_the_ruler() -> None:
    nlp = load_model("es")
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "alepo"}]], {"TAG": "PRIMERO"})
    ruler.add([[{"LOWER": "alepo"}]], {"TAG": "SEGUNDO", "LEMMA": "Halab"})
    reference = _annotations(nlp, "Volvieron a Alepo.")
    index_attributes(nlp)
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributes)
    doc = nlp("Volvieron a Alepo.")
    assert (doc[2].tag_, doc[2].lemma_) == ("SEGUNDO", "Halab")
    assert doc.to_array(COLUMNS).tolist() == reference

    other = load_model("es")
    other.get_pipe("attribute_ruler").add([[{"LOWER": "alepo", "OP": "+"}]], {"TAG": "X"})
    index_attributes(other)
    assert other.get_pipe_meta("attribute_ruler").factory == "attribute_ruler"
