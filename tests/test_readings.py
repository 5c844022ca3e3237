"""The records the components write (cronica.readings) and the extensions that show them."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from cronica.components.nlp import load_nlp
from cronica.readings import (
    children_of,
    kept_reading,
    paragraph,
    reading,
    release,
    sentence_of,
    span_text,
    tokens_of,
)

NLP = spacy.blank("es")


def test_a_sentence_reading_is_shared_by_every_span_over_its_tokens() -> None:
    doc = NLP("Los rebeldes tomaron la ciudad. Hubo tres muertos.")
    first, again = doc[0:6], doc[0:6]
    assert first is not again
    reading(first).index = 4
    assert reading(again).index == 4
    assert again._.index == 4  # the extension shows the record
    assert doc[0:5]._.index is None  # other tokens, another sentence


def test_an_extension_written_is_the_record_written() -> None:
    doc = NLP("Tres civiles murieron en Alepo.")
    span = doc[0:5]
    span._.zone = "body"
    span._.triggers = ["a trigger"]
    assert reading(span).zone == "body"
    assert reading(span).triggers == ["a trigger"]
    doc._.offset = 120
    assert paragraph(doc).offset == 120


def test_reading_an_extension_makes_no_record() -> None:
    doc = NLP("Nada que contar.")
    span = doc[0:3]
    assert span._.time is None and doc._.story is None
    assert kept_reading(span) is None
    assert reading(span).time is None
    assert kept_reading(span) is not None


def test_readings_belong_to_their_doc() -> None:
    one, other = NLP("Atacaron el puesto."), NLP("Atacaron el puesto.")
    reading(one[0:3]).index = 1
    assert kept_reading(other[0:3]) is None


def test_span_text_is_spacys_text_of_a_span() -> None:
    doc = NLP("Según el OSDH,  murieron 12 civiles.\nAl día siguiente  hubo otro ataque. ")
    spans = [doc[i:j] for i in range(len(doc)) for j in range(i, len(doc) + 1)]
    assert all(span_text(s) == s.text for s in spans)


def test_span_text_reads_the_paragraph_text_it_is_given() -> None:
    doc = NLP("Cayeron dos obuses en Hanano.")
    paragraph(doc).text = "Cayeron dos obuses en Hanano?"  # not the Doc's: shows which is read
    assert span_text(doc[4:6]) == "Hanano?"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab é\n,.0"), max_size=40), st.data())
def test_span_text_agrees_on_any_text(text: str, data: st.DataObject) -> None:
    doc = NLP(text)
    start = data.draw(st.integers(0, len(doc)))
    end = data.draw(st.integers(start, len(doc)))
    assert span_text(doc[start:end]) == doc[start:end].text


def test_sentence_of_a_token_is_its_kept_sentence_else_spacys() -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe("sentencizer")
    doc = nlp("Hubo un ataque. \n Murieron dos. Según el OSDH, hubo más.")
    assert all(sentence_of(t) == t.sent for t in doc)  # nothing kept: spaCy's
    kept = [s for s in doc.sents if s.text.strip()]
    paragraph(doc).sentences = kept
    for token in doc:
        found = sentence_of(token)
        assert (found.start, found.end) == (token.sent.start, token.sent.end)
        assert any(found is span for span in kept) or not token.sent.text.strip()


def _parsed(lang: str, text: str) -> spacy.tokens.Doc:
    from cronica.components import COMPONENTS

    nlp = load_nlp(lang)
    with nlp.select_pipes(disable=list(COMPONENTS)):
        return nlp(text)


def test_tokens_of_a_span_are_its_tokens_made_once() -> None:
    doc = NLP("Los rebeldes tomaron la ciudad. Hubo tres muertos.")
    for start, end in [(0, 6), (2, 4), (6, 10), (3, 3), (0, len(doc))]:
        found = tokens_of(doc[start:end])
        assert [t.i for t in found] == [t.i for t in doc[start:end]]
        assert [t.text for t in found] == [t.text for t in doc[start:end]]
    assert tokens_of(doc[0:2])[1] is tokens_of(doc[1:3])[0]  # the same Token object
    assert [t.i for t in tokens_of(doc[0 : len(doc)])] == list(range(len(doc)))


def test_children_of_a_token_are_spacys_children_in_order() -> None:
    for lang, text in [
        ("es", "El Ejército, que había llegado ayer, bombardeó los barrios del este de Alepo "
               "y mató a doce civiles, según el Observatorio. Los rebeldes lo negaron."),
        ("en", "Government forces, which arrived on Monday, shelled the eastern districts and "
               "killed twelve civilians, the Observatory said. The rebels denied it."),
    ]:
        doc = _parsed(lang, text)
        assert any(list(t.children) for t in doc)
        for token in doc:
            assert [c.i for c in children_of(token)] == [c.i for c in token.children]


def test_the_token_tables_are_no_extensions() -> None:
    doc = NLP("Tres civiles murieron.")
    tokens_of(doc[0:2])
    children_of(doc[0])
    assert not doc.has_extension("tokens") and not doc.has_extension("children")


def test_release_drops_cronicas_records_and_keeps_the_rest() -> None:
    doc = NLP("Tres civiles murieron. Hubo otro ataque.")
    reading(doc[0:4]).index = 0
    paragraph(doc).offset = 40
    children_of(doc[0])
    doc.user_data["mine"] = 1
    doc.user_data[("mine", 0, 1)] = 2
    release([doc])
    assert kept_reading(doc[0:4]) is None
    assert paragraph(doc).offset is None and paragraph(doc).children is None
    assert doc.user_data["mine"] == 1 and doc.user_data[("mine", 0, 1)] == 2
