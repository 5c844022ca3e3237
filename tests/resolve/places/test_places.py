"""Gazetteer and place resolution."""

from pathlib import Path

import pytest

from cronica.record import Location
from cronica.resolve.places import (
    Gazetteer,
    choose_event_place,
    city_of,
    document_country_focus,
    is_common_word,
    parse_mention,
    resolve_place,
    resolve_place_explained,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def aleppo(gaz: Gazetteer) -> Location:
    loc = resolve_place("Alepo", "es", "Syria", gazetteer=gaz)
    assert loc is not None
    return loc


@pytest.mark.parametrize("text", ["Alepo", "Aleppo", "Halab", "حلب"])
def test_aleppo_spellings(gaz: Gazetteer, text: str) -> None:
    loc = resolve_place(text, "es", gazetteer=gaz)
    assert loc is not None and loc.canonical == "Aleppo" and loc.country == "Syria"
    assert loc.geo_precision == 1 and abs(loc.lat - 36.2) < 0.1


def test_neighbourhood_with_descriptor(gaz: Gazetteer) -> None:
    loc = resolve_place("distrito de Hanano", "es", "Syria", gazetteer=gaz)
    assert loc.canonical == "Hanano, Aleppo" and loc.admin1 == "Aleppo"
    assert abs(loc.lat - 36.22) < 0.05 and abs(loc.lon - 37.18) < 0.05


def test_spanish_spellings(gaz: Gazetteer) -> None:
    assert resolve_place("Jan Shijún", "es", "Syria", gazetteer=gaz).canonical == \
        "Khan Shaykhun"
    assert resolve_place("Sheij Said", "es", "Syria", gazetteer=gaz).canonical == \
        "Sheikh Said, Aleppo"


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Damasco", "Damascus", "Syria"), ("Bagdad", "Baghdad", "Iraq"),
    ("Járkov", "Kharkiv", "Ukraine"), ("Trípoli", "Tripoli", "Libya"), ("Saná", "Sanaa", "Yemen"),
])
def test_exonyms(gaz: Gazetteer, text: str, name: str, country: str) -> None:
    loc = resolve_place(text, "es", gazetteer=gaz)
    assert (loc.canonical, loc.country) == (name, country)


def test_focus_country_breaks_name_clashes(gaz: Gazetteer) -> None:
    assert resolve_place("Palmira", "es", gazetteer=gaz).country == "Colombia"
    syrian = resolve_place("Palmira", "es", country_focus="Syria", gazetteer=gaz)
    assert (syrian.canonical, syrian.country) == ("Tadmur", "Syria")


def test_descriptors_set_precision(gaz: Gazetteer) -> None:
    assert resolve_place("las afueras de Alepo", "es", gazetteer=gaz).geo_precision == 2
    province = resolve_place("la provincia de Alepo", "es", gazetteer=gaz)
    assert province.geo_precision == 3 and province.gazetteer_id.startswith("ocha:")
    assert parse_mention("las afueras de Alepo", "es").relation == "near"


def test_unknown_district_falls_back_to_city(gaz: Gazetteer, aleppo: Location) -> None:
    loc = resolve_place("distrito de Qwzxtrabu", "es", "Syria", within=aleppo, gazetteer=gaz)
    assert loc.canonical == "Aleppo" and loc.geo_precision == 2


def test_within_prefers_local_places(gaz: Gazetteer, aleppo: Location) -> None:
    loc, cands = resolve_place_explained("Tariq al-Bab", "es", "Syria", aleppo, gaz)
    assert loc.canonical == "Tariq al-Bab, Aleppo"
    assert cands[0].features["inside_within"] is True


def test_river_added_by_hand(gaz: Gazetteer) -> None:
    assert resolve_place("el río Queiq", "es", "Syria", gazetteer=gaz).canonical == \
        "Queiq River, Aleppo"


def test_user_csv_adds_a_place(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("name,alt_names,country,lat,lon\nTell Zzyxqa,Tal Zzyxqa,Syria,36.1,37.0\n",
                    encoding="utf-8")
    gaz = Gazetteer.load([str(path)])
    loc = resolve_place("Tal Zzyxqa", "es", gazetteer=gaz)
    assert loc.canonical == "Tell Zzyxqa" and loc.gazetteer_id.startswith("user:")
    assert resolve_place("Tal Zzyxqa", "es", gazetteer=Gazetteer.load()) is None


def test_document_country_focus(gaz: Gazetteer) -> None:
    assert document_country_focus(["Alepo", "Damasco", "Mosul"], gazetteer=gaz) == "Syria"
    assert document_country_focus([], gazetteer=gaz) is None


def test_patterns(gaz: Gazetteer) -> None:
    patterns = gaz.patterns("es")
    assert any(p["pattern"] == "Tariq al-Bab" for p in patterns)
    assert all(p["label"] == "PLACE" for p in patterns)
    assert len(patterns) < 20000


@pytest.mark.parametrize(("text", "country"), [
    ("Gao", "Mali"), ("Tumaco", "Colombia"), ("Arauca", "Colombia"), ("Bambari",
    "Central African Republic"), ("Antioquia", "Colombia"),
])
def test_world_places_are_found_by_their_own_name(gaz: Gazetteer, text: str,
                                                  country: str) -> None:
    loc = resolve_place(text, "es", gazetteer=gaz)
    assert loc is not None and loc.country == country


@pytest.mark.parametrize("text", ["granada", "mina", "Syrian", "sirios", "iraquíes"])
def test_common_words_and_demonyms_are_not_places(gaz: Gazetteer, text: str) -> None:
    assert resolve_place(text, "es", gazetteer=gaz) is None


def test_common_words_are_left_out_of_ruler_patterns(gaz: Gazetteer) -> None:
    assert not any(p["pattern"].lower() == "granada" for p in gaz.patterns("es"))


def test_fuzzy_matches_are_strict() -> None:
    from cronica.resolve.places import fuzzy_plausible

    assert fuzzy_plausible("dahret awwad", "dahert awwad")
    assert not fuzzy_plausible("syrian", "syria")
    assert not fuzzy_plausible("bambari", "mumbai")
    assert not fuzzy_plausible("antioquia", "antiochia am orontes")


@pytest.mark.parametrize(("text", "name", "feature_precision"), [
    ("U.S.", "United States", 3), ("the United Kingdom", "United Kingdom", 3),
    ("Estados Unidos", "United States", 3), ("Africa", "Africa", 3), ("Darfur", "Darfur", 3),
    ("California", "California", 3), ("Canada", "Canada", 3),
])
def test_countries_regions_and_states(gaz: Gazetteer, text: str, name: str,
                                      feature_precision: int) -> None:
    loc = resolve_place(text, "en", gazetteer=gaz)
    assert loc is not None and loc.canonical == name
    assert loc.geo_precision == feature_precision


def test_country_point_is_a_centre_not_a_capital(gaz: Gazetteer) -> None:
    usa = resolve_place("United States", "en", gazetteer=gaz)
    assert 35 < usa.lat < 42 and -105 < usa.lon < -93


def test_document_context_disambiguates(gaz: Gazetteer) -> None:
    from cronica.resolve.places import resolve_places, resolve_places_explained

    state, city, _ = resolve_places(["Georgia", "Atlanta", "Savannah"], "en", gazetteer=gaz)
    assert state.country == "United States" and state.canonical == "Georgia"
    country, _ = resolve_places(["Georgia", "Tbilisi"], "en", gazetteer=gaz)
    assert country.country == "Georgia"
    explained = resolve_places_explained(["Santa Ana", "California", "Irvine"], "en",
                                         gazetteer=gaz)
    loc, cands = explained[0]
    assert loc.admin1 == "California"
    assert cands[0].features["doc_inside"] == "California"


def test_a_place_said_again_is_ranked_as_its_first_mention_with_candidates_of_its_own(
    gaz: Gazetteer,
) -> None:
    """A repeated text shares its first mention's ranking while the rounds last and gets its
    own copy of it at the end: the same choice and features, no candidate shared."""
    from cronica.resolve.places import resolve_places_explained

    texts = ["Santa Ana", "California", "Irvine", "Santa Ana", "Irvine"]
    explained = resolve_places_explained(texts, "en", gazetteer=gaz)
    for first, again in ((0, 3), (2, 4)):
        (loc, cands), (loc_again, cands_again) = explained[first], explained[again]
        assert loc == loc_again and loc is not None
        assert [(c.entry, c.rank, c.features) for c in cands] == [
            (c.entry, c.rank, c.features) for c in cands_again]
        assert not {id(c) for c in cands} & {id(c) for c in cands_again}
        assert all(a.features is not b.features for a, b in zip(cands, cands_again, strict=True))


def test_document_context_with_spanish_text(gaz: Gazetteer) -> None:
    from cronica.resolve.places import resolve_places

    locs = resolve_places(["Palmira", "Homs", "Damasco"], "es", gazetteer=gaz)
    assert [loc.country for loc in locs] == ["Syria"] * 3


def test_shipped_tables_stay_small() -> None:
    from cronica.resolve.places import gazetteer_files

    files = gazetteer_files()
    assert len(files) >= 2 and all(f.stat().st_size < 4_000_000 for f in files)


@pytest.mark.parametrize("text", ["granada", "màs", "sirio", "Syrian"])
def test_common_words_are_lower_case_latin_or_demonyms(text: str) -> None:
    assert is_common_word(text)


@pytest.mark.parametrize("text", ["Granada", "Alepo", "حلب", "Járkov"])
def test_names_are_not_common_words(text: str) -> None:
    assert not is_common_word(text)


def test_candidates_explain_their_rank(gaz: Gazetteer) -> None:
    _, cands = resolve_place_explained("Palmira", "es", "Syria", gazetteer=gaz)
    top = cands[0]
    assert top.entry.country == "Syria" and top.terms["country_match"] > 0
    assert top.rank == pytest.approx(sum(top.terms.values()))


def test_ranking_table_holds_every_weight() -> None:
    from cronica.resolve.places.settings import SECTIONS, table

    data = table()
    assert all(isinstance(data[s], dict) for s in SECTIONS)
    assert data["event"]["own_place"] > data["event"]["story_city"]


def test_city_of(gaz: Gazetteer, aleppo: Location) -> None:
    hanano = resolve_place("distrito de Hanano", "es", "Syria", gazetteer=gaz)
    assert city_of(hanano, gaz).canonical == "Aleppo"
    assert city_of(aleppo, gaz).gazetteer_id == aleppo.gazetteer_id
    province = resolve_place("la provincia de Alepo", "es", gazetteer=gaz)
    assert city_of(province, gaz) is None


def test_event_keeps_its_own_place(gaz: Gazetteer, aleppo: Location) -> None:
    own = resolve_place("Mosul", "es", gazetteer=gaz)
    loc, why = choose_event_place(own, city_of(aleppo, gaz), gaz)
    assert loc is own and why.why == "own_place"
    assert [o.features.get("story_city", False) for o in why.options] == [False, True]


def test_event_without_coordinates_takes_the_story_city(gaz: Gazetteer,
                                                        aleppo: Location) -> None:
    city = city_of(aleppo, gaz)
    loc, why = choose_event_place(Location(text="la zona"), city, gaz)
    assert (loc.text, loc.canonical, loc.geo_precision) == ("la zona", "Aleppo", 2)
    assert loc.lat == city.lat and why.why == "story_city"
    loc, _ = choose_event_place(None, city, gaz)
    assert loc.text == "" and loc.gazetteer_id == city.gazetteer_id


def test_event_without_any_place(gaz: Gazetteer) -> None:
    bare = Location(text="la zona")
    loc, why = choose_event_place(bare, None, gaz)
    assert loc is bare and why.chosen is None
    loc, why = choose_event_place(None, None, gaz)
    assert loc is None and why.chosen is None and why.why == "none"
