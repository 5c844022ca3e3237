"""cronica_sentences: index, original-text evidence and zone of each sentence."""

from cronica.components.sentences import NAME
from cronica.record import REPORTING_ZONES, Block


def test_sentences_get_original_offsets_and_citations(read):
    text = "Los rebeldes tomaron Kafr Nabl.[4] Luego avanzaron hacia el sur.\n\nOtra línea."
    sents = read(text, "es", NAME)
    assert [s._.index for s in sents] == [0, 1, 2]
    first = sents[0]._.evidence
    assert text[first.start : first.end] == first.sentence
    assert first.citations == ["[4]"]
    assert sents[2]._.evidence.sentence == "Otra línea."


def test_zone_of_each_sentence_comes_from_the_document_blocks(read):
    text = "Fighting in the north\nThe army shelled the town on Monday."
    zones = [Block(0, 22, "heading", "short line"), Block(22, len(text), "body", "")]
    sents = read(text, "en", NAME, zones=zones)
    assert [s._.zone for s in sents] == ["heading", "body"]
    menu = [Block(0, 22, "boilerplate", "menu"), Block(22, len(text), "body", "")]
    assert [s._.zone for s in read(text, "en", NAME, zones=menu)] == ["body"]  # not parsed
    zoned = read(text, "en", NAME)  # no zones given: the zoner's own
    assert zoned[1]._.zone in REPORTING_ZONES
