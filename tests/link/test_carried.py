"""An unnamed perpetrator carried from the event of the same type told just before (texts
written for cronica, es and en)."""

from __future__ import annotations

from datetime import date

import pytest

from cronica.link.carried import RULE
from cronica.pipeline import Pipeline
from cronica.record import Document, Event


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def events_of(pipeline: Pipeline, text: str, lang: str) -> list[Event]:
    doc = Document(id=f"t-{lang}", text=text, lang=lang, date=date(2024, 3, 6))
    return pipeline.analyse(doc).events


def at(events: list[Event], place: str) -> Event:
    found = [ev for ev in events if ev.location is not None and ev.location.canonical == place]
    assert len(found) == 1, [(e.sub_event_type, e.location) for e in events]
    return found[0]


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El martes, aviones del régimen sirio bombardearon Duma y mataron a trece civiles. "
           "Y en la provincia de Homs, dos civiles murieron en bombardeos contra la localidad de "
           "Talbiseh."),
    ("en", "On Tuesday, Syrian government jets bombed Duma, killing thirteen civilians. And in "
           "Homs province, two civilians died in shelling on the town of Talbiseh."),
])
def test_the_next_strike_of_a_list_takes_the_named_perpetrator(pipeline, lang, text):
    events = events_of(pipeline, text, lang)
    first, second = at(events, "Duma"), at(events, "Tallbisah")
    assert first.actor1 is not None and first.actor1.canonical == "Military Forces of Syria (2000-)"
    assert second.actor1 is not None and second.actor1.canonical == first.actor1.canonical
    assert RULE in second.rules


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El martes, aviones del régimen sirio bombardearon Duma y mataron a trece civiles. "
           "La ciudad quedó sin luz. Los hospitales no daban abasto. Las escuelas cerraron. "
           "Dos civiles murieron en bombardeos contra la localidad de Talbiseh."),
    ("en", "On Tuesday, Syrian government jets bombed Duma, killing thirteen civilians. The town "
           "lost power. Hospitals were overwhelmed. Schools closed. Two civilians died in "
           "shelling of the town of Talbiseh."),
])
def test_a_perpetrator_is_not_carried_far(pipeline, lang, text):
    second = at(events_of(pipeline, text, lang), "Tallbisah")
    assert RULE not in second.rules


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El martes, aviones del régimen sirio bombardearon Duma y mataron a trece civiles. "
           "Los cohetes cayeron también sobre la localidad de Talbiseh."),
    ("en", "On Tuesday, Syrian government jets bombed Duma, killing thirteen civilians. Rockets "
           "also fell on the town of Talbiseh."),
])
def test_the_civilians_struck_are_carried_with_the_perpetrator(pipeline, lang, text):
    """The next strike of the list, with no victims of its own, hits the same kind of people."""
    second = at(events_of(pipeline, text, lang), "Tallbisah")
    assert RULE in second.rules
    assert second.actor2 is not None and second.actor2.actor_type == "Civilians"
