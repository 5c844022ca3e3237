"""Counts: digits with either separator style, words, modifiers, vague plurals, kinds."""

import pytest

from cronica.resolve.numbers import (
    QUANTITY_KINDS,
    find_numbers,
    parse_number,
    quantity_kind,
)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("8.500", "es", 8500),
        ("8,500", "es", 8500),
        ("8,500", "en", 8500),
        ("1.200.000", "es", 1200000),
        ("728", "es", 728),
        ("3,5 millones", "es", 3500000),
        ("3.5 million", "en", 3500000),
        ("nueve", "es", 9),
        ("veintitrés", "es", 23),
        ("ciento veinte", "es", 120),
        ("dos mil", "es", 2000),
        ("treinta y dos", "es", 32),
        ("un millón", "es", 1000000),
        ("a dozen", "en", 12),
        ("twenty-three", "en", 23),
        ("one hundred", "en", 100),
        ("two hundred thousand", "en", 200000),
    ],
)
def test_exact_counts(text: str, lang: str, value: int) -> None:
    n = parse_number(text, lang)
    assert n is not None and n.value == value and not n.approx


@pytest.mark.parametrize(
    ("text", "lang", "value", "low", "high"),
    [
        ("unos 3.000", "es", 3000, 2700, 3300),
        ("about 3,000", "en", 3000, 2700, 3300),
        ("alrededor de 50", "es", 50, 45, 55),
        ("cerca de 100", "es", 100, 90, 110),
        ("aproximadamente 20", "es", 20, 18, 22),
    ],
)
def test_approximations(text: str, lang: str, value: int, low: int, high: int) -> None:
    n = parse_number(text, lang)
    assert n is not None and n.approx
    assert (n.value, n.low, n.high) == (value, low, high)


@pytest.mark.parametrize(
    ("text", "lang", "low", "high"),
    [
        ("más de 100", "es", 100, None),
        ("al menos 12", "es", 12, None),
        ("more than 100", "en", 100, None),
        ("at least 7", "en", 7, None),
        ("hasta 50", "es", None, 50),
        ("up to 40", "en", None, 40),
    ],
)
def test_bounds(text: str, lang: str, low: int | None, high: int | None) -> None:
    n = parse_number(text, lang)
    assert n is not None and (n.low, n.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "lang", "value", "low"),
    [
        ("decenas de", "es", 20, 20),
        ("dozens of", "en", 24, 24),
        ("cientos de", "es", 200, 200),
        ("hundreds of", "en", 200, 200),
        ("miles de", "es", 2000, 2000),
        ("thousands of", "en", 2000, 2000),
    ],
)
def test_vague_plurals(text: str, lang: str, value: int, low: int) -> None:
    n = parse_number(text, lang)
    assert n is not None and n.approx and (n.value, n.low) == (value, low)
    assert n.high is not None and n.high > n.value


@pytest.mark.parametrize(("text", "lang"), [("décimo convoy", "es"), ("tenth convoy", "en"),
                                             ("3er", "es"), ("convoy", "es")])
def test_not_counts(text: str, lang: str) -> None:
    assert parse_number(text, lang) is None


def test_find_numbers_flags_dates_and_skips_citations() -> None:
    text = "El 15 de diciembre de 2016 fueron evacuadas unas 8.500 personas [52] y nueve heridos."
    found = find_numbers(text, "es")
    counts = [(m.text, m.number.value) for m in found if not m.is_date_part]
    assert counts == [("unas 8.500", 8500), ("nueve", 9)]
    dates = {m.text for m in found if m.is_date_part}
    assert {"15", "2016"} <= dates
    assert all(m.text != "52" for m in found)


def test_find_numbers_english() -> None:
    text = "On December 15, 2016, more than 300 civilians and dozens of fighters left."
    found = [(m.text, m.number.value) for m in find_numbers(text, "en") if not m.is_date_part]
    assert found == [("more than 300", 300), ("dozens of", 24)]


def test_find_numbers_ignores_bare_articles() -> None:
    assert find_numbers("Un soldado murió en una emboscada.", "es") == []


@pytest.mark.parametrize(
    ("lemma", "lang", "kind"),
    [
        ("muerto", "es", "killed"),
        ("matar", "es", "killed"),
        ("fallecido", "es", "killed"),
        ("herido", "es", "wounded"),
        ("evacuar", "es", "evacuated"),
        ("evacuado", "es", "evacuated"),
        ("rendirse", "es", "surrendered"),
        ("desplazado", "es", "displaced"),
        ("detenido", "es", "detained"),
        ("arrestado", "es", "detained"),
        ("capturado", "es", "captured"),
        ("prisionero", "es", "captured"),
        ("convoy", "es", "convoys"),
        ("killed", "en", "killed"),
        ("dead", "en", "killed"),
        ("wounded", "en", "wounded"),
        ("injured", "en", "wounded"),
        ("Evacuated", "en", "evacuated"),
        ("civil", "es", None),
        ("persona", "es", None),
        ("combatiente", "es", None),
        ("civilian", "en", None),
    ],
)
def test_quantity_kind(lemma: str, lang: str, kind: str | None) -> None:
    assert quantity_kind(lemma, lang) == kind
    assert kind is None or kind in QUANTITY_KINDS
