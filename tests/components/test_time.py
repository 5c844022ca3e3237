"""cronica_time: each sentence's date, its own or the narrative's."""

from datetime import date

from cronica.components.time import NAME
from cronica.record import Block


def test_a_sentence_without_a_date_takes_the_narrative_date(read):
    text = "El 3 de marzo el Ejército bombardeó Idlib. Los rebeldes respondieron."
    sents = read(text, "es", NAME, when=date(2020, 3, 10))
    assert [s._.time.value for s in sents] == ["2020-03-03", "2020-03-03"]
    assert sents[1]._.date_text == "El 3 de marzo"


def test_relative_dates_resolve_against_the_publication_date(read):
    sents = read("Yesterday gunmen attacked a checkpoint.", "en", NAME, when=date(2021, 5, 6))
    assert sents[0]._.time.value == "2021-05-05"
    assert sents[0]._.time.precision == "day"


def test_dates_in_non_reporting_zones_do_not_move_the_narrative(read):
    text = "On 1 June rebels took the hill.\nRelated: On 9 July a protest.\nThey held it."
    teaser = text.index("Related")
    zones = [
        Block(0, teaser, "body"),
        Block(teaser, text.index("They"), "related"),
        Block(text.index("They"), len(text), "body"),
    ]
    sents = read(text, "en", NAME, when=date(2019, 6, 3), zones=zones)
    assert sents[-1]._.time.value == "2019-06-01"
