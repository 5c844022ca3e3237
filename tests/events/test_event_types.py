"""Event types end to end: one news-style sentence in, the expected ACLED sub-event type out.

The cases are data (tests/fixtures/events/cases_<lang>.yaml): at least one sentence per ACLED
sub-event type and language, optional expectations on the event's arguments, and sentences
that must produce no event at all.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from cronica.events.lexicon import ontology
from cronica.pipeline import Pipeline
from cronica.record import Document, Event

FIXTURES = Path(__file__).parents[1] / "fixtures" / "events"
LANGS = ("es", "en")
DEFAULT_DATE = date(2020, 2, 8)


def _load(lang: str) -> dict[str, Any]:
    data = yaml.safe_load((FIXTURES / f"cases_{lang}.yaml").read_text(encoding="utf-8"))
    assert data["lang"] == lang
    return data


CASES = {lang: _load(lang) for lang in LANGS}


def _params(kind: str, *xfail_keys: str) -> list[Any]:
    """One pytest param per case; a case's first reason among `xfail_keys` marks it xfail."""
    params = []
    for lang in LANGS:
        for case in CASES[lang].get(kind) or []:
            reasons = [case[k] for k in xfail_keys if case.get(k)]
            marks = [pytest.mark.xfail(reason=reasons[0], strict=True)] if reasons else []
            params.append(pytest.param(lang, case, id=f"{lang}-{case['id']}", marks=marks))
    return params


def _argument_params() -> list[Any]:
    keys = ("actor1", "location", "fatalities")
    return [
        p for p in _params("cases", "xfail", "xfail_args") if any(k in p.values[1] for k in keys)
    ]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def extracted(pipeline: Pipeline) -> dict[tuple[str, str], list[Event]]:
    """Events per (lang, case id), extracted once for all the tests of this module."""
    cache: dict[tuple[str, str], list[Event]] = {}

    def events(lang: str, case: dict[str, Any]) -> list[Event]:
        found = cache.get((lang, case["id"]))
        if found is None:
            when = date.fromisoformat(str(case["date"])) if "date" in case else DEFAULT_DATE
            doc = Document(id=f"{lang}-{case['id']}", text=case["text"], lang=lang, date=when)
            found = cache[(lang, case["id"])] = pipeline.extract(doc)
        return found

    return events  # type: ignore[return-value]


def _summary(events: list[Event]) -> list[tuple[str, str, str | None]]:
    return [
        (e.sub_event_type, e.evidence.trigger, e.actor1.canonical if e.actor1 else None)
        for e in events
    ]


def test_fixtures_are_well_formed() -> None:
    subs = set(ontology().event_type_of)
    for lang in LANGS:
        ids = [c["id"] for c in CASES[lang]["cases"] + CASES[lang]["negatives"]]
        assert len(ids) == len(set(ids)), f"{lang}: duplicate case ids"
        for case in CASES[lang]["cases"]:
            assert case["sub_event_type"] in subs, case["id"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_sub_event_type_has_a_case(lang: str) -> None:
    covered = {c["sub_event_type"] for c in CASES[lang]["cases"]}
    assert set(ontology().event_type_of) - covered == set()


@pytest.mark.parametrize(("lang", "case"), _params("cases", "xfail"))
def test_detects_sub_event_type(lang: str, case: dict[str, Any], extracted: Any) -> None:
    events = extracted(lang, case)
    found = {e.sub_event_type for e in events}
    assert case["sub_event_type"] in found, _summary(events)


@pytest.mark.parametrize(("lang", "case"), _argument_params())
def test_event_arguments(lang: str, case: dict[str, Any], extracted: Any) -> None:
    events = [e for e in extracted(lang, case) if e.sub_event_type == case["sub_event_type"]]
    assert events, "sub-event type not detected"
    if "actor1" in case:
        actors = {e.actor1.canonical for e in events if e.actor1 is not None}
        assert case["actor1"] in actors
    if "location" in case:
        places = {e.location.canonical for e in events if e.location is not None}
        assert case["location"] in places
    if "fatalities" in case:
        best = {e.fatalities.best for e in events if e.fatalities is not None}
        assert case["fatalities"] in best


@pytest.mark.parametrize(("lang", "case"), _params("negatives", "xfail"))
def test_negative_sentences_have_no_event(lang: str, case: dict[str, Any], extracted: Any) -> None:
    events = extracted(lang, case)
    assert events == [], _summary(events)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Los helicópteros del régimen arrojaron barriles con gas cloro sobre Sarmin."),
        ("en", "Government helicopters dropped barrel bombs filled with chlorine gas on Sarmin."),
    ],
)
def test_a_chemical_strike_is_one_chemical_weapon_event(pipeline: Pipeline, lang: str, text: str):
    doc = Document(id=f"{lang}-chemical-strike", text=text, lang=lang, date=DEFAULT_DATE)
    assert {e.sub_event_type for e in pipeline.extract(doc)} == {"Chemical weapon"}
