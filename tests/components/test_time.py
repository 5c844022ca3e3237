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


def test_an_undated_sentence_of_a_report_is_news_of_the_day(read):
    text = "Los rebeldes tomaron la colina.\n\nLa aviación bombardeó la ciudad."
    sents = read(text, "es", NAME, when=date(2016, 2, 27))
    assert [(s._.time.value, s._.time.precision) for s in sents] == [
        ("2016-02-27", "week"), ("2016-02-27", "week")]


def test_a_day_carries_to_the_next_sentence_only(read):
    text = ("On Tuesday the army shelled the town. Rebels answered with rockets. "
            "Aid groups describe a dire situation.")
    sents = read(text, "en", NAME, when=date(2016, 2, 27))
    assert [s._.time.value for s in sents] == ["2016-02-23", "2016-02-23", "2016-02-27"]


def test_a_plan_does_not_date_the_sentence(read):
    text = "Los rebeldes atacaron el cuartel, antes de la reunión del próximo domingo."
    sents = read(text, "es", NAME, when=date(2016, 2, 27))
    assert (sents[0]._.time.value, sents[0]._.time.precision) == ("2016-02-27", "week")


def test_a_weekday_with_a_future_verb_is_the_coming_one_a_plan(read):
    """The coming Tuesday lies after the publication date: it does not date the sentence."""
    sents = read("Las partes se reunirán el martes.", "es", NAME, when=date(2016, 2, 27))
    assert (sents[0]._.time.value, sents[0]._.time.precision) == ("2016-02-27", "week")
    sents = read("The parties will meet on Tuesday.", "en", NAME, when=date(2016, 2, 27))
    assert (sents[0]._.time.value, sents[0]._.time.precision) == ("2016-02-27", "week")
    sents = read("Las partes se reunieron el martes.", "es", NAME, when=date(2016, 2, 27))
    assert sents[0]._.time.value == "2016-02-23"


def test_a_year_less_date_told_in_the_past_is_on_or_before_the_publication_date(read):
    """A March report telling what happened "on 12 April" means last April, not next month's
    (which would be after the report); the same date with a future verb stays a plan."""
    when = date(2019, 3, 20)
    sents = read("El 12 de abril, los rebeldes tomaron el pueblo.", "es", NAME, when=when)
    assert sents[0]._.time.value == "2018-04-12"
    sents = read("On 12 April, rebels took the village.", "en", NAME, when=when)
    assert sents[0]._.time.value == "2018-04-12"
    sents = read("El 12 de abril se votará la tregua.", "es", NAME, when=when)
    assert (sents[0]._.time.value, sents[0]._.time.precision) == ("2019-03-20", "week")


def test_a_year_less_date_in_a_dated_narrative_moves_forward(read):
    """Anchored on the story's own day, not the publication date, a later month is later."""
    text = "El 3 de marzo de 2012 el Ejército entró en Homs. El 5 de abril, los rebeldes huyeron."
    sents = read(text, "es", NAME, when=date(2016, 1, 10))
    assert [s._.time.value for s in sents] == ["2012-03-03", "2012-04-05"]
