"""`key`: the lexicon keys of a word, kept by what decides them, are those worked out for it."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from cronica.components.nlp import load_nlp
from cronica.events import syntax
from cronica.events.syntax import key
from cronica.pipeline import Pipeline
from cronica.record import Document

TEXTS = {
    "es": "Los manifestantes reprimidos huyeron. Cohetes cayeron sobre Alepo; Cohetes no.",
    "en": "Rockets fell on Aleppo. The wounded protesters fled; rockets also hit Homs.",
}


def _tokens(lang: str) -> list:
    _, docs = Pipeline().read(Document(lang, TEXTS[lang], lang=lang))
    return [t for doc in docs for t in doc]


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_kept_keys_are_worked_out_keys(lang: str) -> None:
    syntax._KEYS.clear()
    tokens = _tokens(lang)
    first = [key(t) for t in tokens]
    assert syntax._KEYS  # kept
    again = [key(t) for t in tokens]
    assert first == again == [syntax._key(t) for t in tokens]


def test_a_name_that_may_be_misread_is_kept_apart() -> None:
    """The same word as a name opening a sentence (maybe a plural noun: "Rockets fell") and
    as a name inside one gets keys of its own."""
    syntax._KEYS.clear()
    vocab = load_nlp("en").vocab
    doc = Doc(vocab, words=["Rockets", "fell", "near", "Rockets"],
              pos=["PROPN", "VERB", "ADP", "PROPN"], sent_starts=[True, False, False, False],
              lemmas=["Rockets", "fall", "near", "Rockets"])
    opening, inside = doc[0], doc[3]
    assert syntax.misread_name(opening) and not syntax.misread_name(inside)
    assert "rocket" in key(opening) and "rocket" not in key(inside)
    syntax._KEYS.clear()
    assert "rocket" not in key(inside) and "rocket" in key(opening)


def test_the_kept_keys_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(syntax, "MAX_KEYS", 3)
    syntax._KEYS.clear()
    for t in _tokens("es"):
        key(t)
        assert len(syntax._KEYS) <= 3
