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
    assert (r.value, r.precision) == (value, precision)


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
    values = [tl.resolve(m).value for m in find_times(text, "es")]
    assert values == ["2016-12-15", "2016-12-16", "2016-W52", "2016-12-18"]
    assert tl.current is not None and tl.current.value == "2016-12-18"
    assert tl.current.precision == "day"


def test_timex_time_of_day() -> None:
    m = one("en la mañana del 16 de diciembre de 2016", "es")
    assert timex_value(m, DCT) == "2016-12-16TMO"
