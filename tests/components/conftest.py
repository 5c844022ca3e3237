"""Run the pipeline's components up to one of them on a text we wrote, and look at the
sentences they annotated."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Span

from cronica.components import read_sentences
from cronica.pipeline import Pipeline
from cronica.record import Document


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def read(pipeline):
    """read(text, lang, upto, when=None, zones=None) -> the sentences after component `upto`."""

    def run(text: str, lang: str, upto: str, when: date | None = None, zones=None) -> list[Span]:
        doc = Document(id="t", text=text, lang=lang, date=when, zones=zones)
        _, docs = pipeline.read(doc, upto=upto)
        return [s for d in docs for s in read_sentences(d)]

    return run
