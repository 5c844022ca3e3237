"""Time expressions: detection spans and kinds, resolution against DCT and narrative."""

from datetime import date

import pytest

from cronica.resolve.time import Timeline, TimeMention, find_times, resolve_time, timex_value

DCT = date(2017, 1, 3)  # a Tuesday


def one(text: str, lang: str) -> TimeMention:
    found = find_times(text, lang)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "lang", "span", "kind", "value", "precision"),
    [
        ("Atacaron el 15 de diciembre de 2016.", "es", "el 15 de diciembre de 2016", "date",
         "2016-12-15", "day"),
        ("Atacaron el 15 de diciembre.", "es", "el 15 de diciembre", "date", "2016-12-15",
         "day"),
        ("Ocurrió en diciembre de 2016.", "es", "diciembre de 2016", "date", "2016-12", "month"),
        ("Ocurrió en 2016.", "es", "2016", "date", "2016", "year"),
        ("Ocurrió el 3/12/2016.", "es", "el 3/12/2016", "date", "2016-12-03", "day"),
        ("It happened on December 15, 2016.", "en", "December 15, 2016", "date", "2016-12-15",
         "day"),
        ("It happened on 15 December.", "en", "15 December", "date", "2016-12-15", "day"),
        ("Los combates del domingo.", "es", "del domingo", "relative_doc", "2017-01-01", "day"),
        ("They fought on Sunday.", "en", "Sunday", "relative_doc", "2017-01-01", "day"),
        ("Ayer hubo combates.", "es", "Ayer", "relative_doc", "2017-01-02", "day"),
        ("Hoy hubo combates.", "es", "Hoy", "relative_doc", "2017-01-03", "day"),
        ("Anteayer hubo combates.", "es", "Anteayer", "relative_doc", "2017-01-01", "day"),
        ("Mañana habrá una tregua.", "es", "Mañana", "relative_doc", "2017-01-04", "day"),
        ("Ocurrió hace dos días.", "es", "hace dos días", "relative_doc", "2017-01-01", "day"),
        ("Ocurrió hace cuatro semanas.", "es", "hace cuatro semanas", "relative_doc",
         "2016-W49", "week"),
        ("Ocurrió la semana pasada.", "es", "la semana pasada", "relative_doc", "2016-W52",
         "week"),
        ("Ocurrió el mes pasado.", "es", "el mes pasado", "relative_doc", "2016-12", "month"),
        ("Ocurrió el año pasado.", "es", "el año pasado", "relative_doc", "2016", "year"),
        ("It began yesterday.", "en", "yesterday", "relative_doc", "2017-01-02", "day"),
        ("It began today.", "en", "today", "relative_doc", "2017-01-03", "day"),
        ("It began last week.", "en", "last week", "relative_doc", "2016-W52", "week"),
        ("It began two days ago.", "en", "two days ago", "relative_doc", "2017-01-01", "day"),
        ("Ocurrió en la mañana del 16 de diciembre.", "es", "en la mañana del 16 de diciembre",
         "time_of_day", "2016-12-16", "day"),
        ("Durante las primeras horas del 15 de diciembre.", "es",
         "Durante las primeras horas del 15 de diciembre", "time_of_day", "2016-12-15", "day"),
    ],
)
def test_detect_and_resolve(text: str, lang: str, span: str, kind: str, value: str,
                            precision: str) -> None:
    m = one(text, lang)
    assert (m.text, m.kind) == (span, kind)
    assert text[m.start : m.end] == span
    r = resolve_time(m, DCT, None)
    assert (r.timex, r.precision) == (value, precision)


def test_la_manana_is_morning_not_tomorrow() -> None:
    m = one("Los ataques empezaron por la mañana.", "es")
    assert m.kind == "time_of_day" and m.part == "MO"


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Al día siguiente atacaron.", "es", "2016-12-16"),
        ("El día siguiente atacaron.", "es", "2016-12-16"),
        ("Más tarde ese mismo día atacaron.", "es", "2016-12-15"),
        ("Ese mismo día atacaron.", "es", "2016-12-15"),
        ("El mismo día atacaron.", "es", "2016-12-15"),
        ("Dos días después atacaron.", "es", "2016-12-17"),
        ("La noche anterior atacaron.", "es", "2016-12-14"),
        ("The next day they attacked.", "en", "2016-12-16"),
        ("Later that day they attacked.", "en", "2016-12-15"),
        ("The same day they attacked.", "en", "2016-12-15"),
        ("Two days later they attacked.", "en", "2016-12-17"),
    ],
)
def test_narrative_relative(text: str, lang: str, value: str) -> None:
    m = one(text, lang)
    assert m.kind == "relative_narrative"
    assert resolve_time(m, DCT, date(2016, 12, 15)).value == value
    # without a narrative date it falls back on the DCT; without either it is unknown
    assert resolve_time(m, DCT, None).precision == "day"
    assert resolve_time(m, None, None).value is None
    assert resolve_time(m, None, None).precision == "unknown"


@pytest.mark.parametrize(
    ("text", "lang", "timex"),
    [("Resistieron durante tres días.", "es", "P3D"),
     ("They resisted for two weeks.", "en", "P2W"),
     ("Actualmente controlan la ciudad.", "es", "PRESENT_REF")],
)
def test_durations_and_refs(text: str, lang: str, timex: str) -> None:
    m = one(text, lang)
    assert timex_value(m, DCT) == timex
    assert resolve_time(m, DCT, None).precision == "unknown"


def test_year_less_date_stays_before_dct() -> None:
    m = one("el 20 de diciembre", "es")
    assert resolve_time(m, date(2017, 1, 10), None).value == "2016-12-20"
    assert resolve_time(m, date(2016, 12, 25), None).value == "2016-12-20"
    # no DCT and no narrative: no year to give it
    assert resolve_time(m, None, None).value is None


def test_year_less_date_takes_narrative_year() -> None:
    m = one("el 2 de marzo", "es")
    assert resolve_time(m, date(2020, 6, 1), date(2014, 2, 20)).value == "2014-03-02"


def test_weekday_is_most_recent_on_or_before_dct() -> None:
    sunday = date(2017, 1, 1)
    assert resolve_time(one("el domingo", "es"), sunday, None).value == "2017-01-01"
    assert resolve_time(one("el pasado domingo", "es"), sunday, None).value == "2016-12-25"


def test_timeline_carries_the_narrative_date() -> None:
    text = ("El 15 de diciembre los rebeldes atacaron. Al día siguiente se retiraron. "
            "La semana pasada hubo una tregua. Dos días después volvieron.")
    tl = Timeline(DCT)
    assert tl.current is None
    values = [tl.resolve(m).timex for m in find_times(text, "es")]
    assert values == ["2016-12-15", "2016-12-16", "2016-W52", "2016-12-18"]
    assert tl.current is not None and tl.current.value == "2016-12-18"
    assert tl.current.precision == "day"


def test_timex_time_of_day() -> None:
    m = one("en la mañana del 16 de diciembre de 2016", "es")
    assert timex_value(m, DCT) == "2016-12-16TMO"


SATURDAY = date(2016, 2, 27)


@pytest.mark.parametrize(
    ("text", "lang", "value", "precision"),
    [
        ("Entre el 10 y el 14 de enero hubo combates.", "es", "2016-01-12", "week"),
        ("Del 30 de enero al 2 de febrero hubo combates.", "es", "2016-01-31", "week"),
        ("Los días 3 y 4 de enero hubo combates.", "es", "2016-01-03", "week"),
        ("Between 10 and 14 January there was fighting.", "en", "2016-01-12", "week"),
        ("From 30 January to 2 February there was fighting.", "en", "2016-01-31", "week"),
        ("On January 3 and 4 they fought.", "en", "2016-01-03", "week"),
        ("Between 1 and 20 January 2016 they fought.", "en", "2016-01-10", "month"),
        ("Between 28 December and 3 January 2016 they fought.", "en", "2015-12-31", "week"),
    ],
)
def test_a_range_is_its_midpoint(text: str, lang: str, value: str, precision: str) -> None:
    r = resolve_time(one(text, lang), SATURDAY, None)
    assert (r.value, r.precision) == (value, precision)


@pytest.mark.parametrize(
    ("text", "lang", "value", "precision"),
    [
        ("Desde el 20 de febrero los rebeldes han perdido terreno.", "es", "2016-02-23", "week"),
        ("Since 20 February the rebels have lost ground.", "en", "2016-02-23", "week"),
        ("Desde el lunes han muerto diez personas.", "es", "2016-02-24", "week"),
        ("Desde mediados de enero avanzan.", "es", "2016-02-05", "month"),
    ],
)
def test_since_a_date_runs_to_the_publication_date(text: str, lang: str, value: str,
                                                   precision: str) -> None:
    m = one(text, lang)
    assert m.since
    r = resolve_time(m, SATURDAY, None)
    assert (r.value, r.precision) == (value, precision)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("A principios de enero hubo combates.", "es", "2016-01-04"),
        ("A mediados de enero hubo combates.", "es", "2016-01-15"),
        ("A finales de enero hubo combates.", "es", "2016-01-28"),
        ("In early January there was fighting.", "en", "2016-01-04"),
        ("In mid-January there was fighting.", "en", "2016-01-15"),
        ("Towards the end of January there was fighting.", "en", "2016-01-28"),
    ],
)
def test_early_mid_late_month(text: str, lang: str, value: str) -> None:
    r = resolve_time(one(text, lang), SATURDAY, None)
    assert (r.value, r.precision) == (value, "week")


@pytest.mark.parametrize(
    ("text", "lang", "value", "precision", "timex"),
    [
        ("Ocurrió en enero.", "es", "2016-01-15", "month", "2016-01"),
        ("It happened in January.", "en", "2016-01-15", "month", "2016-01"),
        ("Recientemente hubo combates.", "es", "2016-02-27", "week", "2016-W08"),
        ("En los últimos días hubo combates.", "es", "2016-02-27", "week", "2016-W08"),
        ("Recently there was fighting.", "en", "2016-02-27", "week", "2016-W08"),
        ("In recent days there was fighting.", "en", "2016-02-27", "week", "2016-W08"),
        ("La semana pasada hubo combates.", "es", "2016-02-18", "week", "2016-W07"),
        ("Last week there was fighting.", "en", "2016-02-18", "week", "2016-W07"),
    ],
)
def test_weeks_and_months_stand_for_a_day(text: str, lang: str, value: str, precision: str,
                                          timex: str) -> None:
    r = resolve_time(one(text, lang), SATURDAY, None)
    assert (r.value, r.precision, r.timex) == (value, precision, timex)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [("Los combates de este viernes.", "es", "2016-02-26"),
     ("El alto el fuego de este sábado.", "es", "2016-02-27"),
     ("The fighting this Friday.", "en", "2016-02-26")],
)
def test_this_weekday_is_on_or_before_the_publication_date(text: str, lang: str,
                                                           value: str) -> None:
    assert resolve_time(one(text, lang), SATURDAY, None).value == value


def test_dotted_dates() -> None:
    assert resolve_time(one("(24.08.2016)", "es"), SATURDAY, None).value == "2016-08-24"
    assert find_times("Murieron 8.500 personas.", "es") == []


def test_a_date_after_the_publication_date_is_a_plan() -> None:
    tl = Timeline(SATURDAY)
    plan = tl.resolve(one("el próximo domingo", "es"))
    assert plan.value == "2016-02-28" and not tl.usable(plan)
    assert tl.current is None  # a plan does not move the story


def test_a_year_less_date_ignores_an_old_story_day_in_a_report() -> None:
    tl = Timeline(SATURDAY)
    tl.resolve(one("el 15 de marzo de 2011", "es"))
    tl.said(None)
    tl.said(None)  # two sentences on, the background date no longer anchors
    assert tl.resolve(one("el 30 de septiembre", "es")).value == "2015-09-30"


def test_a_year_named_gives_its_year_to_a_later_date_without_one() -> None:
    tl = Timeline(None)
    tl.resolve(one("in December 2015", "en"))
    tl.resolve(one("the 2015 offensive", "en"))
    assert tl.resolve(one("On December 16", "en")).value == "2015-12-16"


def test_background_is_a_time_long_before_the_publication_date() -> None:
    from cronica.resolve.time import background

    assert background(resolve_time(one("en 2012", "es"), SATURDAY, None), SATURDAY)
    assert background(resolve_time(one("in September 2015", "en"), SATURDAY, None), SATURDAY)
    assert not background(resolve_time(one("el 20 de febrero", "es"), SATURDAY, None), SATURDAY)
    assert not background(resolve_time(one("in January 2016", "en"), SATURDAY, None), SATURDAY)
    assert not background(resolve_time(one("en 2012", "es"), None, None), None)


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("En 2013 firmaron la convención. Ese año hubo bombardeos. En marzo de 2014 "
         "atacaron Homs. Al mes siguiente tomaron la ciudad.", "es",
         ["2013", "2013", "2014-03", "2014-04"]),
        ("In 2013 they signed the convention. That year there was shelling. In March 2014 "
         "they attacked Homs. The following month they took the city.", "en",
         ["2013", "2013", "2014-03", "2014-04"]),
    ],
)
def test_that_year_and_the_following_month_follow_the_narrative(
    text: str, lang: str, values: list[str]
) -> None:
    tl = Timeline(date(2016, 7, 26))
    assert [tl.resolve(m).timex for m in find_times(text, lang)] == values


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Al día siguiente, el 3 de marzo de 2016, las tropas avanzaron a las 14:30 horas.", "es"),
        ("On the following day, Tuesday March 3, 2015, shelling resumed two days later.", "en"),
    ],
)
def test_case_does_not_change_what_is_found(text: str, lang: str) -> None:
    """Patterns are run case-sensitively on a lower-cased copy where that is safe: the
    mentions, their spans and their own spelling are those of any casing."""
    found = find_times(text, lang)
    assert len(found) >= 2
    for variant in (text.upper(), text.title(), text.swapcase()):
        other = find_times(variant, lang)
        assert [(m.start, m.end, m.kind, m.month, m.day, m.offset) for m in other] == [
            (m.start, m.end, m.kind, m.month, m.day, m.offset) for m in found]
        assert [m.text for m in other] == [variant[m.start:m.end] for m in found]


def test_a_letter_that_folds_apart_is_no_error() -> None:
    """A dotless i (which IGNORECASE takes for an i) inside a fixed expression is no key of
    the lexicon: no mention, no KeyError; a date beside it is still found."""
    found = find_times("Al día sıguiente, el 3 de marzo, llegaron.", "es")
    assert [m.text for m in found] == ["el 3 de marzo"]
    assert find_times("İ el 3 de marzo", "es")[0].text == "el 3 de marzo"


def test_pattern_case_check_reads_regex_syntax() -> None:
    from cronica.resolve.time import _lower_case

    assert _lower_case(r"(?P<Day>\d{1,2})\s+\D(?i:de)\b")
    assert not _lower_case(r"(?:horas?|GMT)")
    assert not _lower_case(r"[A-Z]\w+")
