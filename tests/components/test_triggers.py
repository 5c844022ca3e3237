"""cronica_triggers: lexicon triggers of reporting sentences only."""

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
    sents = read(text, "en", NAME, zones=[Block(0, len(text), "related", "teaser")])
    assert sents[0]._.triggers == []
