"""`morph_values`: a token's feature values, kept per analysis, are what spaCy's
`token.morph.get` gives, for every field of every word and for a field a word lacks."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from cronica.components.nlp import load_nlp
from cronica.events import syntax
from cronica.events.syntax import morph_values
from cronica.pipeline import Pipeline
from cronica.record import Document

TEXTS = {
    "es": "Los rebeldes habían atacado el cuartel; mañana atacarán otra vez, dijo ella, que "
          "lo vio. Si hubieran llegado antes, los heridos serían menos.",
    "en": "The rebels had attacked the barracks; they will attack again, she said. Two were "
          "wounded while crowds were marching.",
}
FIELDS = ("Tense", "Mood", "VerbForm", "Number", "Person", "PronType", "Definite", "Gender")


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_values_are_those_spacy_gives(lang: str) -> None:
    _, docs = Pipeline().read(Document(lang, TEXTS[lang], lang=lang))
    tokens = [t for doc in docs for t in doc]
    assert any(len(t.morph) for t in tokens)  # the model gave analyses to compare
    for _ in range(2):  # worked out, then kept
        for token in tokens:
            for field in FIELDS:
                assert morph_values(token, field) == tuple(token.morph.get(field, []))


def test_several_values_keep_their_order_and_analyses_stay_apart() -> None:
    syntax._MORPHS.clear()
    vocab = load_nlp("es").vocab
    doc = Doc(vocab, words=["que", "cuyo", "dijo"],
              morphs=["PronType=Int,Rel", "PronType=Rel", "Mood=Ind|Tense=Past|VerbForm=Fin"])
    assert morph_values(doc[0], "PronType") == tuple(doc[0].morph.get("PronType")) == (
        "Int", "Rel")
    assert morph_values(doc[1], "PronType") == ("Rel",)
    assert morph_values(doc[2], "Tense") == ("Past",) and morph_values(doc[2], "Number") == ()
    assert len(syntax._MORPHS) == 3


def test_the_kept_analyses_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    syntax._MORPHS.clear()
    monkeypatch.setattr(syntax, "MAX_MORPHS", 1)
    vocab = load_nlp("es").vocab
    doc = Doc(vocab, words=["dijo", "dirá"], morphs=["Tense=Past", "Tense=Fut"])
    assert morph_values(doc[0], "Tense") == ("Past",)
    assert morph_values(doc[1], "Tense") == ("Fut",)
    assert len(syntax._MORPHS) == 1
