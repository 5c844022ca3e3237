"""cronica_attribution: the sources of each trigger, carried to the next sentence."""

from cronica.components.attribution import NAME


def test_according_to_names_the_source_of_the_trigger(read):
    sents = read("Según el Observatorio Sirio, la aviación bombardeó Jan Sheijun.", "es", NAME)
    cues = [c for cs in sents[0]._.cues.values() for c in cs]
    assert [(c.source, c.stance) for c in cues] == [
        ("Syrian Observatory for Human Rights", "reports")
    ]


def test_a_sentence_without_triggers_has_no_cues_for_triggers(read):
    sents = read("The weather was mild.", "en", NAME)
    assert sents[0]._.cues == {}
