"""The other side of a fight taken from the rest of the document (texts written for cronica)."""

from __future__ import annotations

from datetime import date

import pytest

from cronica.events.opponents import OPPONENT_RULE, fill_opponents, opponents
from cronica.pipeline import Pipeline
from cronica.record import Actor, Document, Event, Evidence

ARMY = Actor("el Ejército", "Military Forces of Syria (2000-)", "State forces", "Syria")
ISIS = Actor("el EI", "Islamic State", "Political militia", None)
REBELS = Actor("los rebeldes", "Rebel groups", "Rebel group", "Syria")
CIVILIANS = Actor("civiles", "Civilians (Syria)", "Civilians", "Syria")


def event(sub: str, actor1: Actor | None, actor2: Actor | None) -> Event:
    return Event(event_id=f"{sub}-{actor1}-{actor2}", document="d", sentence_index=0,
                 evidence=Evidence("", 0, 0), event_type="", sub_event_type=sub, plover="",
                 action="", actor1=actor1, actor2=actor2)  # fmt: skip


def test_an_actor_takes_the_one_it_meets_most_as_its_opponent():
    found = opponents([
        event("Armed clash", ARMY, ISIS),
        event("Armed clash", ISIS, ARMY),
        event("Armed clash", ARMY, REBELS),
        event("Attack", ARMY, CIVILIANS),  # civilians are never a side
    ])  # fmt: skip
    assert found["Military Forces of Syria (2000-)"].canonical == "Islamic State"
    assert found["Islamic State"].canonical == "Military Forces of Syria (2000-)"


def test_a_tie_names_no_opponent():
    assert "Military Forces of Syria (2000-)" not in opponents(
        [event("Armed clash", ARMY, ISIS), event("Armed clash", ARMY, REBELS)]
    )


def test_only_fights_with_actor_1_and_no_actor_2_are_filled():
    filled = fill_opponents([
        event("Armed clash", ARMY, ISIS),
        event("Government regains territory", ARMY, None),
        event("Peaceful protest", ARMY, None),
        event("Air/drone strike", None, None),
    ])  # fmt: skip
    assert filled[1].actor2 is not None and filled[1].actor2.canonical == "Islamic State"
    assert OPPONENT_RULE in filled[1].rules
    assert filled[2].actor2 is None and filled[3].actor2 is None


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Ofensiva al sur de Alepo\n\nEl lunes hubo combates entre el Ejército sirio y "
               "el Estado Islámico al sur de Alepo. El martes, el Ejército sirio tomó la aldea "
               "de Rasm al-Nafal."),
        ("en", "Offensive south of Aleppo\n\nOn Monday there were clashes between the Syrian "
               "Army and the Islamic State south of Aleppo. On Tuesday, the Syrian Army "
               "captured the village of Rasm al-Nafal."),
    ],
)
def test_a_step_of_a_campaign_names_the_side_it_is_fought_against(pipeline, lang, text):
    doc = Document(id=f"campaign-{lang}", text=text, lang=lang, date=date(2016, 2, 25))
    taken = [e for e in pipeline.analyse(doc).events
             if e.sub_event_type == "Government regains territory"]  # fmt: skip
    assert taken and taken[0].actor2 is not None
    assert taken[0].actor2.canonical == "Islamic State"


RUSSIA = Actor("Rusia", "Military Forces of Russia (2000-)", "State forces", "Russia")
FSA = Actor("los rebeldes", "Rebel groups", "Rebel groups", "Syria")  # the data's type names
IS = Actor("el EI", "Islamic State", "Political militias", None)


def typed(sub: str, event_type: str, actor1: Actor | None) -> Event:
    ev = event(sub, actor1, None)
    ev.event_type = event_type
    return ev


def test_with_no_pair_named_a_fight_takes_the_other_camps_leading_actor():
    filled = fill_opponents([
        typed("Government regains territory", "Battles", ARMY),
        typed("Armed clash", "Battles", ARMY),
        typed("Non-state actor overtakes territory", "Battles", FSA),
        typed("Air/drone strike", "Explosions/Remote violence", RUSSIA),  # an ally: same camp
        typed("Air/drone strike", "Explosions/Remote violence", ARMY),  # no fight: untouched
    ])  # fmt: skip
    sides = [(ev.actor1.canonical if ev.actor1 else None,
              ev.actor2.canonical if ev.actor2 else None) for ev in filled]
    assert sides == [
        ("Military Forces of Syria (2000-)", "Rebel groups"),
        ("Military Forces of Syria (2000-)", "Rebel groups"),
        ("Rebel groups", "Military Forces of Syria (2000-)"),
        ("Military Forces of Russia (2000-)", None),
        ("Military Forces of Syria (2000-)", None),
    ]


def test_two_armed_groups_of_one_camp_are_not_opponents():
    filled = fill_opponents([
        typed("Armed clash", "Battles", FSA),
        typed("Armed clash", "Battles", IS),
    ])  # fmt: skip
    assert [ev.actor2 for ev in filled] == [None, None]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Los rebeldes atacaron el lunes un cuartel del Ejército sirio en Hama. Además, "
               "ocho civiles murieron por el impacto de proyectiles sobre barrios controlados por "
               "el régimen sirio en Alepo."),
        ("en", "Rebels attacked a Syrian Army barracks in Hama on Monday. Eight civilians were "
               "also killed by shells on districts held by the Syrian regime in Aleppo."),
    ],
)  # fmt: skip
def test_a_strike_on_a_place_one_camp_holds_is_by_the_other_camp(pipeline, lang, text):
    """No one is named for the shells; the districts hit are held by the state, so the
    striker is the armed group the report has acting on the other side."""
    doc = Document(id=f"held-{lang}", text=text, lang=lang, date=date(2016, 8, 25))
    found = [e for e in pipeline.analyse(doc).events
             if e.event_type == "Explosions/Remote violence"]  # fmt: skip
    assert found and all(e.actor1 is not None for e in found)
    assert {e.actor1.canonical for e in found} == {"Rebel groups"}
