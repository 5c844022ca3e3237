"""cronica_triggers: lexicon triggers of reporting sentences only."""

import pytest

from cronica.components.triggers import NAME
from cronica.record import Block


def test_triggers_are_found_with_their_lexicon_entries(read):
    sents = read("Aviones rusos bombardearon el mercado de Saraqib.", "es", NAME)
    assert [m.entry.action for m in sents[0]._.triggers] == ["airstrike"]


def test_intended_events_are_not_triggers(read):
    sents = read("The army massed troops in an attempt to capture the town.", "en", NAME)
    assert "capture" not in [m.entry.action for m in sents[0]._.triggers]


def test_sentences_outside_reporting_zones_have_no_triggers(read):
    text = "Rebels shelled the airport."
    sents = read(text, "en", NAME, zones=[Block(0, len(text), "heading", "short line")])
    assert sents[0]._.triggers == []  # a heading dates the story, it reports nothing
    assert read(text, "en", NAME, zones=[Block(0, len(text), "related", "teaser")]) == []


def _actions(read, text: str, lang: str) -> list[str]:
    return [m.entry.action for s in read(text, lang, NAME) for m in s._.triggers]


@pytest.mark.parametrize(
    ("lang", "text", "present", "absent"),
    [
        # holding is not taking; taking control is
        ("es", "Las fuerzas leales controlan las ciudades de Homs y Hama.", None, "capture"),
        ("en", "Loyalist forces control the towns of Homs and Hama.", None, "capture"),
        ("es", "El ejército recuperó el control de varios barrios de Alepo.", "capture", None),
        ("en", "The militants seized control of a village near Palmyra.", "capture", None),
        # a truce mentioned is no agreement; one that comes into force is
        ("es", "El ministro dijo que la tregua es frágil.", None, "ceasefire"),
        ("en", "The minister said the truce was fragile.", None, "ceasefire"),
        ("es", "El lunes entró en vigor una tregua pactada por las dos partes.", "ceasefire", None),
        ("en", "A truce brokered by the two sides took effect on Monday.", "ceasefire", None),
        # an aerial agent makes an attack an air strike
        ("es", "El ataque perpetrado por un avión mató a tres personas.", "airstrike", None),
        ("en", "The attack carried out by a jet killed three people.", "airstrike", None),
        ("es", "Dos kamikazes se inmolaron en la estación de autobuses.", "suicide bombing", None),
        ("en", "Two kamikaze attackers hit the bus station.", "suicide bombing", None),
        # lethal force against protesters
        (
            "es",
            "La policía disolvió la manifestación con fuego real y causó dos muertos.",
            "crackdown",
            "protest",
        ),
        ("en", "Police dispersed the protest with live fire, killing two.", "crackdown", "protest"),
        # aircraft shot down are a clash, drones shot down a disrupted weapon
        ("es", "Los rebeldes derribaron un helicóptero del ejército.", "shootdown", None),
        ("en", "Rebels shot down an army helicopter.", "shootdown", None),
        ("es", "Los soldados derribaron un dron cerca de la base.", "weapons seizure", "shootdown"),
        ("en", "Soldiers shot down a drone near the base.", "weapons seizure", "shootdown"),
        # figurative fights
        ("es", "La batalla política en el Parlamento continúa.", None, "clash"),
        ("en", "The political battle in parliament goes on.", None, "clash"),
        ("es", "El ministro tendrá que rendir cuentas ante el juez.", None, "surrender"),
    ],
)
def test_trigger_types(read, lang, text, present, absent):
    actions = _actions(read, text, lang)
    if present:
        assert present in actions, actions
    if absent:
        assert absent not in actions, actions


def test_light_verb_idioms_of_take_are_no_capture(read):
    es = read("Los aviones tomaron como blanco los barrios del este de Alepo.", "es", NAME)
    assert "capture" not in [m.entry.action for m in es[0]._.triggers]
    en = read("Gunmen took hostages in the town of Idlib.", "en", NAME)
    assert "capture" not in [m.entry.action for m in en[0]._.triggers]
    took = read("Los rebeldes tomaron la ciudad de Idlib.", "es", NAME)
    assert [m.entry.action for m in took[0]._.triggers] == ["capture"]
