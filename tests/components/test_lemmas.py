"""cronica's remembered lemmas (components/lemmas.py) are the model's lemmatizer's own,
token for token, on a first reading and on a second one (read from the table), in Spanish
and English."""

from __future__ import annotations

import pytest

from cronica.components.lemmas import (
    FACTORY,
    RememberedLemmas,
    WordSet,
    index_as_sets,
    remember_lemmas,
)
from cronica.components.nlp import load_model

TEXTS = {
    "es": [
        "Los rebeldes dispararon contra los barrios orientales; murieron cinco civiles.",
        "Según el Observatorio, las tropas leales avanzaron hacia Alepo el martes.",
        "Dispararon. Los jóvenes huyeron y las ciudades quedaron vacías.",
        "",
        "El ejército dijo que había tomado tres aldeas y capturado a decenas de combatientes.",
    ],
    "en": [
        "Rebels shelled the eastern districts; five civilians were killed.",
        "According to the Observatory, loyal troops advanced towards Aleppo on Tuesday.",
        "Fired. The young men fled and the cities stood empty.",
        "The army said it had taken three villages and captured dozens of fighters.",
    ],
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_remembered_lemmas_are_the_models(lang: str) -> None:
    plain, quick = load_model(lang), load_model(lang)
    remember_lemmas(quick)
    assert quick.pipe_names == plain.pipe_names
    assert quick.get_pipe_meta("lemmatizer").factory == FACTORY
    remembered = quick.get_pipe("lemmatizer")
    assert isinstance(remembered, RememberedLemmas)
    for _ in range(2):  # the second reading comes from the table
        for text in TEXTS[lang]:
            assert [t.lemma_ for t in quick(text)] == [t.lemma_ for t in plain(text)]
    assert remembered.lemmas  # the table was used, not only the lemmatizer


def test_a_lemma_set_before_the_lemmatizer_stays() -> None:
    nlp = load_model("es")
    remember_lemmas(nlp)
    first = nlp("Los rebeldes dispararon.")  # the lemmatizer checks its tables here
    assert first[2].lemma_ == "disparar"
    doc = nlp.make_doc("Los rebeldes dispararon.")
    doc[2].lemma_ = "tirar"
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    assert doc[2].lemma_ == "tirar" and doc[1].lemma_ == "rebelde"


def test_word_sets_answer_in_as_the_lists_did() -> None:
    words = WordSet(["casa", "perro", "ciudad"])
    assert "perro" in words and "gato" not in words
    assert list(words) == ["casa", "perro", "ciudad"] and len(words) == 3
    lemmatizer = load_model("en").get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index")
    before = {key: list(value) for key, value in table.items()}
    index_as_sets(lemmatizer)
    assert all(isinstance(value, WordSet) for value in table.values())
    assert {key: list(value) for key, value in table.items()} == before
