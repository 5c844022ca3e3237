"""A trigger told together with the event that contains it is no event of its own."""

from __future__ import annotations

from datetime import date

import pytest

from cronica.pipeline import Pipeline
from cronica.record import Document


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "El lunes los rebeldes tomaron la aldea de Kafr Naya tras combates, y las tropas "
               "del Gobierno se retiraron hacia el sur."),
        ("en", "On Monday the rebels captured the village of Kafr Naya after heavy fighting, "
               "forcing government troops to withdraw to the south."),
    ],
)
def test_a_withdrawal_forced_by_a_fight_is_part_of_that_fight(pipeline, lang, text):
    doc = Document(id=f"withdrawal-{lang}", text=text, lang=lang, date=date(2016, 8, 3))
    types = {e.sub_event_type for e in pipeline.analyse(doc).events}
    assert "Non-state actor overtakes territory" in types
    assert "Change to group/activity" not in types


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Las tropas del Gobierno se retiraron de la ciudad de Kafr Naya el lunes."),
        ("en", "Government troops withdrew from the town of Kafr Naya on Monday."),
    ],
)
def test_a_withdrawal_alone_is_a_change_of_activity(pipeline, lang, text):
    doc = Document(id=f"withdrawal-alone-{lang}", text=text, lang=lang, date=date(2016, 8, 3))
    assert [e.sub_event_type for e in pipeline.analyse(doc).events] == [
        "Change to group/activity"
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "El lunes dos kamikazes se hicieron estallar en la estación de autobuses de "
               "Tartus, antes de que un coche bomba detonara en la entrada."),
        ("en", "On Monday two suicide bombers blew themselves up at the bus station in Tartus "
               "before a car bomb went off at the entrance."),
    ],
)  # fmt: skip
def test_a_car_bomb_set_off_with_a_suicide_attack_is_part_of_it(pipeline, lang, text):
    doc = Document(id=f"suicide-{lang}", text=text, lang=lang, date=date(2016, 5, 23))
    assert [e.sub_event_type for e in pipeline.analyse(doc).events] == ["Suicide bomb"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Catorce personas resultaron heridas durante la dispersión de una manifestación en "
               "Adén, mientras que miles de personas desfilaban en Saná contra el presidente."),
        ("en", "Fourteen people were wounded during the dispersal of a demonstration in Aden, "
               "while thousands of people were marching in Sanaa against the president."),
    ],
)  # fmt: skip
def test_a_protest_told_beside_another_is_its_own_event(pipeline, lang, text):
    """A word of simultaneity ("mientras", "while") sets two happenings side by side: the
    march is neither part of the dispersal nor its scene, and the imperfect that tells it is
    what was going on then, not a habit."""
    doc = Document(id=f"beside-{lang}", text=text, lang=lang, date=date(2011, 3, 11))
    found = {(e.sub_event_type, e.location.canonical if e.location else None)
             for e in pipeline.analyse(doc).events}  # fmt: skip
    assert ("Peaceful protest", "Sanaa") in found
    assert ("Protest with intervention", "Aden") in found
