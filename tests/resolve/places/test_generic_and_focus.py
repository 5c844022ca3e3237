"""Generic place nouns, names cut short, small places abroad, the document's country focus and
unknown names placed at the story's city."""

import pytest

from cronica.record import Location
from cronica.resolve.places import (
    Gazetteer,
    choose_event_place,
    city_of,
    document_country_focus,
    parse_mention,
    resolve_place,
    resolve_places,
)
from cronica.resolve.places.mention import own_name


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def aleppo(gaz: Gazetteer) -> Location:
    loc = resolve_place("Aleppo", "en", "Syria", gazetteer=gaz)
    assert loc is not None
    return loc


@pytest.mark.parametrize(("text", "lang"), [
    ("the Citadel", "en"), ("Citadel", "en"), ("the Old City", "en"), ("the airport", "en"),
    ("la Ciudadela", "es"), ("el barrio", "es"), ("la base aérea", "es"), ("Oriente", "es"),
    ("el Casco Antiguo", "es"),
])
def test_generic_nouns_are_no_gazetteer_place(gaz: Gazetteer, aleppo: Location, text: str,
                                              lang: str) -> None:
    assert resolve_place(text, lang, "Syria", gazetteer=gaz) is None
    inside = resolve_place(text, lang, "Syria", within=aleppo, gazetteer=gaz)
    assert inside is not None and inside.canonical == "Aleppo" and inside.geo_precision == 2


@pytest.mark.parametrize(("text", "lang"), [
    ("the airport of Aleppo", "en"), ("the Citadel of Aleppo", "en"),
    ("northeast of Aleppo", "en"), ("el aeropuerto de Alepo", "es"),
    ("el hospital de Alepo", "es"), ("noreste de Alepo", "es"), ("proximidades de Alepo", "es"),
])
def test_a_part_of_a_named_place_is_that_place_at_precision_two(gaz: Gazetteer, text: str,
                                                                lang: str) -> None:
    loc = resolve_place(text, lang, "Syria", gazetteer=gaz)
    assert loc is not None and loc.canonical == "Aleppo" and loc.geo_precision == 2


def test_descriptors_count_without_their_article() -> None:
    assert parse_mention("noreste de Hama", "es").relation == "part_of"
    assert parse_mention("proximidades de Hama", "es").relation == "near"
    assert parse_mention("the northeast of Hama", "en").name == "hama"
    assert parse_mention("la ciudad de Hama", "es").types == ("city",)  # a type, not a part


@pytest.mark.parametrize(("text", "lang"), [("Al", "en"), ("El", "es"), ("al", "es")])
def test_an_article_alone_is_no_place(gaz: Gazetteer, text: str, lang: str) -> None:
    assert resolve_place(text, lang, "Syria", gazetteer=gaz) is None


def test_a_settlement_far_from_its_containing_place_is_not_chosen(gaz: Gazetteer,
                                                                  aleppo: Location) -> None:
    for text, lang in (("Taiz", "en"), ("Taiz", "es")):
        alone = resolve_place(text, lang, gazetteer=gaz)
        assert alone is not None and alone.country == "Yemen"
        inside = resolve_place(text, lang, "Syria", within=aleppo, gazetteer=gaz)
        assert inside is not None and inside.canonical == "Aleppo" and inside.geo_precision == 2


def test_small_places_abroad_need_the_documents_support(gaz: Gazetteer) -> None:
    # a big city abroad is fine; a small one with no nearby place of the document is not
    assert resolve_place("Moscow", "en", "Syria", gazetteer=gaz).country == "Russia"
    assert resolve_place("Moscú", "es", "Syria", gazetteer=gaz).country == "Russia"
    assert resolve_place("Magreb", "es", "Libya", gazetteer=gaz).canonical == "Maghreb"
    # with the region named beside it, a small town there is supported
    locs = resolve_places(["Mosul", "Qayyarah", "Nineveh"], "en", "Syria", gazetteer=gaz)
    assert locs[1] is not None and locs[1].country == "Iraq"


def test_fuzzy_country_names(gaz: Gazetteer) -> None:
    assert resolve_place("Bahrein", "es", "Yemen", gazetteer=gaz).canonical == "Bahrain"


@pytest.mark.parametrize(("names", "lang"), [
    (["Rusia", "Siria", "Rusia", "Rusia", "Alepo", "Rusia", "Homs"], "es"),
    (["Russia", "Syria", "Russia", "Russia", "Aleppo", "Russia", "Homs"], "en"),
])
def test_countries_named_as_actors_weigh_less_than_places(gaz: Gazetteer, names: list[str],
                                                          lang: str) -> None:
    assert document_country_focus(names, lang, gaz) == "Syria"


@pytest.mark.parametrize(("text", "name"), [
    ("Tal Hamra", "Tal Hamra"), ("the Jubb Oil Field", "Jubb Oil Field"),
    ("la aldea de Tal Hamra", "Tal Hamra"), ("al-Hamra", "al-Hamra"),
    ("village near al-Hamra Mountain", "al-Hamra Mountain"),
    ("three villages", None), ("la zona", None), ("the Citadel", None), ("Al", None),
    ("sirios", None), ("Syrian", None),
    ("ISIL-held towns", None), ("the US-backed forces", None), ("the Tal-ar area", "Tal-ar"),
    ("Tal Za'rour hill", "Tal Za'rour"), ("las posiciones rebeldes", None),
])
def test_own_name(text: str, name: str | None) -> None:
    assert own_name(text) == name


@pytest.mark.parametrize("text", ["Tal Hamra", "la aldea de Tal Hamra"])
def test_an_unknown_name_keeps_its_name_at_the_story_city(gaz: Gazetteer, aleppo: Location,
                                                          text: str) -> None:
    city = city_of(aleppo, gaz)
    loc, why = choose_event_place(Location(text=text), city, gaz)
    assert why.why == "story_city" and loc.canonical == "Tal Hamra"
    assert loc.geo_precision == 2 and loc.lat == city.lat and loc.gazetteer_id is None
    assert loc.country == "Syria"


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("la Plaza de la Perla de Manama", "es", "Manama"),
    ("la plaza Tahrir de El Cairo", "es", "Cairo"),
    ("the Grand Mosque of Aleppo", "en", "Aleppo"),
    ("the Pearl Roundabout of Manama", "en", "Manama"),
])
def test_a_landmark_unknown_to_the_gazetteer_is_the_place_it_is_named_in(
    gaz: Gazetteer, text: str, lang: str, place: str
) -> None:
    found = resolve_place(text, lang, gazetteer=gaz)
    assert found is not None and found.canonical == place and found.geo_precision == 2
    assert found.text == text


@pytest.mark.parametrize(("text", "lang"), [("Santiago de Compostela", "es"),
                                            ("Deir ez-Zor", "en")])
def test_a_name_with_a_linking_word_in_the_gazetteer_stays_whole(
    gaz: Gazetteer, text: str, lang: str
) -> None:
    found = resolve_place(text, lang, gazetteer=gaz)
    assert found is not None and found.canonical == text and found.geo_precision == 1


@pytest.mark.parametrize(("texts", "lang"), [
    (["the village of Sayda", "Ayn Issa"], "en"),
    (["la aldea de Sayda", "Ain Issa"], "es"),
])
def test_a_village_abroad_needs_the_documents_support_whatever_its_size(
    gaz: Gazetteer, texts: list[str], lang: str,
) -> None:
    """A village the text names in a Syrian story is no Lebanese city of 200,000 (Sidon,
    "Saida"); the bare name of a big city abroad still is (Moscow, above)."""
    village, _ = resolve_places(texts, lang, "Syria", gazetteer=gaz)
    assert village is None or village.country == "Syria"


@pytest.mark.parametrize(("text", "lang"), [
    ("the villages of Khaldiyah", "en"), ("las aldeas de Jaldiya", "es"),
])
def test_a_village_is_no_citys_district(gaz: Gazetteer, text: str, lang: str) -> None:
    place = resolve_place(text, lang, "Syria", gazetteer=gaz)
    assert place is None or "Homs" not in (place.canonical or "")


@pytest.mark.parametrize(("text", "canonical"), [
    ("Idlib province", "Idlib"), ("the Aleppo province", "Aleppo"),
    ("Raqqa Governorate", "Ar Raqqah"), ("la provincia de Idlib", "Idlib"),
])
def test_a_province_named_before_its_kind_is_the_province(gaz: Gazetteer, text: str,
                                                          canonical: str) -> None:
    """"Idlib province" (English puts the kind after the name) is the province, at the
    approximate precision of one, as "la provincia de Idlib" is."""
    lang = "es" if text.startswith("la ") else "en"
    place = resolve_place(text, lang, "Syria", gazetteer=gaz)
    assert place is not None and place.canonical == canonical and place.geo_precision == 3
