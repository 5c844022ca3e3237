"""A name under a settlement noun is a place whatever the model tagged it (es and en)."""

from __future__ import annotations

import pytest

from cronica.components.nlp import load_nlp
from cronica.events.syntax import PLACE_LABELS


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("es", "Una manifestación en la localidad de Harf Sufian fue disuelta a tiros.",
         "Harf Sufian"),
        ("en", "Oil fields were captured alongside the town of Rajm Al-Joz.", "Rajm Al-Joz"),
    ],
)
def test_a_name_of_a_settlement_noun_is_a_place(lang, text, name):
    doc = load_nlp(lang)(text)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get(name) in PLACE_LABELS, labels


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("es", "El alcalde de la ciudad, Juan Pérez, habló con la prensa.", "Juan Pérez"),
        ("en", "The mayor of the town, John Smith, spoke to reporters.", "John Smith"),
    ],
)
def test_a_person_beside_a_settlement_noun_stays_a_person(lang, text, name):
    doc = load_nlp(lang)(text)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get(name) not in PLACE_LABELS, labels


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("es", "Los rebeldes anunciaron la detención de sus dos hermanos, Saadi y Mohamed.",
         "Saadi"),
        ("es", "Los rebeldes anunciaron la detención de sus dos hermanos, Saadi y Mohamed.",
         "Mohamed"),
        ("en", "The rebels announced the arrest of his two brothers, Saadi and Mohamed.",
         "Saadi"),
    ],
)
def test_a_name_beside_a_person_noun_is_no_place(lang, text, name):
    doc = load_nlp(lang)(text)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get(name) not in PLACE_LABELS, labels
