"""Spelling skeletons: one Arabic name as Spanish, English and French writers spell it, and
the places found by it in the focus country or inside the story's city."""

import pytest

from cronica.record import Location
from cronica.resolve.places import Gazetteer, resolve_place
from cronica.resolve.places.spelling import skeleton


@pytest.mark.parametrize(("one", "other"), [
    ("Yarabulus", "Jarabulus"),  # Spanish y for English j
    ("Jan Sheijun", "Khan Shaykhun"),  # Spanish j for kh
    ("Qamichli", "Qamishli"),  # French ch for sh
    ("Douma", "Duma"),
    ("Darayya", "Daraya"),  # doubled letters
    ("Hamah", "Hama"),  # a final h after a vowel
    ("al-Suleimaniya", "Suleimaniyeh"),  # article prefix, -iya / -iyeh
    ("Seij Maqsud", "Sheikh Maqsoud"),  # Spanish "Seij" for the title Sheikh
    ("Seij Miskin", "Shaykh Miskin"),
])
def test_spellings_of_one_name_share_a_skeleton(one: str, other: str) -> None:
    assert skeleton(one) == skeleton(other)


@pytest.mark.parametrize(("one", "other"), [
    ("Homs", "Hama"), ("Idlib", "Daraa"), ("Manbij", "Menagh"), ("Raqqa", "Rastan"),
    ("Seij Maqsud", "Sahl Maqsud"),  # only the whole word is respelt
])
def test_different_names_keep_different_skeletons(one: str, other: str) -> None:
    assert skeleton(one) != skeleton(other)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(("text", "lang", "canonical"), [
    ("Yarabulus", "es", "Jarabulus"),
    ("Jan Sheijun", "es", "Khan Shaykhun"),
    ("Yisr al Shughur", "es", "Jisr ash Shughur"),
    ("Khan Sheikhoun", "en", "Khan Shaykhun"),
])
def test_a_town_spelled_otherwise_is_found_in_the_focus_country(
    gaz: Gazetteer, text: str, lang: str, canonical: str,
) -> None:
    loc = resolve_place(text, lang, "Syria", gazetteer=gaz)
    assert loc is not None and loc.canonical == canonical and loc.country == "Syria"


def test_without_a_focus_country_no_spelling_is_guessed(gaz: Gazetteer) -> None:
    loc = resolve_place("Yarabulus", "es", gazetteer=gaz)
    assert loc is None or loc.canonical != "Jarabulus"


@pytest.mark.parametrize(("text", "lang"), [
    ("el barrio de Al Yabriya", "es"), ("the district of al-Jabriya", "en"),
])
def test_a_district_spelled_otherwise_is_found_inside_the_city(
    gaz: Gazetteer, text: str, lang: str,
) -> None:
    aleppo = resolve_place("Aleppo", "en", "Syria", gazetteer=gaz)
    assert isinstance(aleppo, Location)
    loc = resolve_place(text, lang, "Syria", within=aleppo, gazetteer=gaz)
    assert loc is not None and loc.canonical == "Jabriyeh, Aleppo" and loc.geo_precision == 1


def test_a_short_skeleton_is_looked_for_only_inside_a_known_city(gaz: Gazetteer) -> None:
    from cronica.resolve.places import parse_mention
    from cronica.resolve.places.candidates import with_spelling_variants

    mention = parse_mention("Al Zahra", "es")  # three letters of skeleton: they collide
    assert with_spelling_variants([], mention, "Syria", None, gaz) == []
    aleppo = resolve_place("Aleppo", "en", "Syria", gazetteer=gaz)
    inside = with_spelling_variants([], mention, "Syria", aleppo, gaz)
    assert [c.entry.name for c in inside][0] == "Az-Zahraa"  # before "Zuhour": closer spelling
