"""`doc_ents` and `span_ents`: spaCy's entities of a parsed paragraph, built once."""

from __future__ import annotations

import pytest

from cronica.events.syntax import doc_ents, span_ents
from cronica.pipeline import Pipeline
from cronica.record import Document

TEXTS = {
    "es": "El ejército sirio bombardeó Alepo y Homs. Los rebeldes de Idlib respondieron en Hama.",
    "en": "The Syrian army shelled Aleppo and Homs. Rebels from Idlib hit back in Hama.",
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_entities_are_spacys_and_built_once(lang: str) -> None:
    _, docs = Pipeline().read(Document(lang, TEXTS[lang], lang=lang))
    for doc in docs:
        assert doc_ents(doc) == tuple(doc.ents) and len(doc.ents) >= 3
        assert doc_ents(doc) is doc_ents(doc)
        for span in [*doc.sents, doc[2:6], doc[0:1], doc[3:len(doc)]]:
            assert span_ents(span) == list(span.ents)
