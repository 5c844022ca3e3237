import json
from pathlib import Path

import pytest

from cronica.evaluate import events
from cronica.record import Actor, Claim, Document, Event, Evidence, Location, Quantity

FIXTURES = Path(__file__).parents[1] / "fixtures" / "eval" / "events"
GOLD = FIXTURES / "gold.jsonl"
TEXT = (FIXTURES / "pueblo-es.txt").read_text(encoding="utf-8")
LINES = TEXT.splitlines()


def make_event(sentence, sub, place=None, lat=None, lon=None, date=None, actor1=None,
               actor2=None, quantities=(), claims=()):  # fmt: skip
    return Event(
        event_id="x", document="d", sentence_index=0,
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence)),
        event_type="t", sub_event_type=sub, plover="p", action="a", date=date,
        actor1=Actor(actor1, canonical=actor1) if actor1 else None,
        actor2=Actor(actor2, canonical=actor2) if actor2 else None,
        location=Location(place or "", canonical=place, lat=lat, lon=lon) if place else None,
        quantities=[Quantity(kind=k, value=v) for k, v in quantities],
        claims=[Claim(source=s, source_type="media", stance=st) for s, st in claims],
    )  # fmt: skip


def perfect(doc: Document) -> list[Event]:
    assert doc.lang == "es" and str(doc.date) == "2020-05-10"
    return [
        make_event(LINES[0], "Air/drone strike", "Villanueva", date="2020-05-03", actor1="Army",
                   claims=[("Observatorio", "reports")]),
        make_event(LINES[1], "Non-state actor overtakes territory", "Santa Clara",
                   date="2020-05-04", actor1="Rebels"),
        make_event(LINES[2], "Arrests", None, actor1="Police", actor2="Protesters",
                   quantities=[("detained", 2)]),
    ]  # fmt: skip


def partial(doc: Document) -> list[Event]:
    return [
        make_event(LINES[0], "Air/drone strike", "villanueva", date="2020-05-03", actor1="army",
                   claims=[("el Observatorio", "reports")]),
        # 1.1 km from the gold coordinates: place right; date and sources wrong
        make_event(LINES[1], "Non-state actor overtakes territory", "Puente", lat=10.01, lon=20.0,
                   date="2020-05-03", actor1="Rebels", claims=[("Observatorio", "reports")]),
        make_event(LINES[1], "Armed clash", "Santa Clara"),
        make_event("Otra frase.", "Arrests", None, actor1="Police"),
    ]  # fmt: skip


def test_perfect_predictions_score_one():
    result = events.run(GOLD, predict=perfect)
    assert result["status"] == "ok" and result["n"] == 3
    m = result["metrics"]
    assert (m["precision"], m["recall"], m["f1"]) == (1.0, 1.0, 1.0)
    for name in events.ATTRIBUTES:
        assert m[f"{name}_accuracy"] == 1.0, name
    assert result["worst_errors"] == []


def test_wrong_types_score_zero():
    def wrong(doc):
        return [make_event(line, "Other") for line in LINES[:2]]

    m = events.run(GOLD, predict=wrong)["metrics"]
    assert (m["tp"], m["fp"], m["fn"], m["f1"]) == (0, 2, 3, 0.0)
    assert m["place_accuracy"] == 0.0


def test_partial_predictions_hand_computed():
    result = events.run(GOLD, predict=partial)
    m = result["metrics"]
    assert (m["tp"], m["fp"], m["fn"]) == (2, 2, 1)
    assert m["precision"] == 0.5
    assert m["recall"] == pytest.approx(2 / 3)
    assert m["f1"] == pytest.approx(4 / 7)
    assert m["place_accuracy"] == 1.0
    assert m["date_accuracy"] == 0.5
    assert m["actor1_accuracy"] == 1.0 and m["actor2_accuracy"] == 1.0
    assert m["quantities_accuracy"] == 1.0
    assert m["sources_accuracy"] == 0.5
    kinds = {e["kind"] for e in result["worst_errors"]}
    assert kinds == {"missed", "spurious", "attributes"}
    assert all(e["text"] for e in result["worst_errors"])
    assert result["per_class"]["per class"]["Arrests"]["recall"] == 0.0


def test_missing_gold_is_skipped_and_predictor_never_built(tmp_path):
    result = events.run(tmp_path / "nope.jsonl")
    assert result["status"] == "skipped" and "not found" in result["reason"]


def test_missing_text_is_reported(tmp_path):
    row = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])
    (tmp_path / "g.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = events.run(tmp_path / "g.jsonl", predict=perfect)
    assert result["texts_missing"] == ["pueblo-es.txt"] and result["n"] == 0
    found = events.run(tmp_path / "g.jsonl", predict=perfect, texts_dir=FIXTURES)
    assert found["metrics"]["recall"] == 1.0


def test_sources_loose_names_and_counts():
    gold = [{"name": "Observatorio Sirio", "stance": "reports"}]
    assert events.sources_ok(gold, [("el observatorio sirio para los DDHH", "reports")])
    assert not events.sources_ok(gold, [("Observatorio Sirio", "denies")])
    assert not events.sources_ok(gold, [])
    assert events.sources_ok([], [])


def test_one_source_under_two_gold_names_is_one_source():
    """The gold lists a source under its acronym and a bare head noun of it, or under two
    of its names: one source, as extraction unifies it (a different one stays two)."""
    pred = [("Syrian Observatory for Human Rights", "reports")]
    both = [{"name": "Observatorio", "stance": "reports"}, {"name": "OSDH", "stance": "reports"}]
    assert events.sources_ok(both, pred)
    names = [{"name": "OSDH", "stance": "reports"}, {"name": "SOHR", "stance": "reports"}]
    assert events.sources_ok(names, pred)
    other = [{"name": "OSDH", "stance": "reports"}, {"name": "AFP", "stance": "reports"}]
    assert not events.sources_ok(other, pred)
    stances = [{"name": "Observatorio", "stance": "accuses"}, {"name": "OSDH", "stance": "reports"}]
    assert not events.sources_ok(stances, pred)


def test_guess_lang():
    assert events.guess_lang("alepo-2016-es.txt") == "es"
    assert events.guess_lang("report_en.md") == "en"
    assert events.guess_lang("notes.txt") is None


def test_place_first_part_of_canonical_counts():
    gold = {"location_canonical": "Eastern Aleppo"}
    assert events.place_ok(gold, {"location_canonical": "Eastern Aleppo, Aleppo"})
    assert not events.place_ok(gold, {"location_canonical": "Aleppo, Eastern Aleppo"})
    assert not events.place_ok(gold, {"location_canonical": None})
    assert events.place_ok({"location_canonical": None}, {"location_canonical": None})


def test_place_ok_accepts_spellings_of_the_same_place() -> None:
    from cronica.evaluate.events_match import place_ok
    from cronica.resolve.places import Gazetteer

    (hama,) = [c.entry for c in Gazetteer.load().candidates("Hamah", 1)]
    at_hama = {"location_canonical": "Hamah", "lat": hama.lat, "lon": hama.lon}
    assert place_ok({"location_canonical": "Al Mayadin"}, {"location_canonical": "Mayadin"})
    assert place_ok({"location_canonical": "Hama", "country": "Syria"}, at_hama)
    assert not place_ok({"location_canonical": "Homs", "country": "Syria"}, at_hama)
    assert not place_ok({"location_canonical": "Hama", "country": "Iraq"}, at_hama)


def test_gold_place_with_its_city_counts_by_its_first_part() -> None:
    from cronica.evaluate.events_match import place_ok
    from cronica.resolve.places import Gazetteer

    (sukkari,) = [c.entry for c in Gazetteer.load().candidates("As-Sukkari", 1)]
    at_sukkari = {"location_canonical": "Elsewhere", "lat": sukkari.lat, "lon": sukkari.lon}
    gold = {"location_canonical": "Sukkari, Aleppo", "country": "Syria"}
    assert place_ok(gold, {"location_canonical": "As-Sukkari, Aleppo"})  # particle dropped
    assert place_ok(gold, at_sukkari)  # the gazetteer's point of the gold's first part
    assert not place_ok(gold, {"location_canonical": "Aleppo"})


def test_gold_place_spelt_nearly_as_the_gazetteer_counts_at_its_point() -> None:
    """No coordinates in the gold: a transliteration ("Salaheddine") close to the gazetteer's
    name of a place in the gold's country ("Salah Ad-Deen") gives that place's point."""
    from cronica.evaluate.events_match import place_ok
    from cronica.resolve.places import Gazetteer

    gaz = Gazetteer.load()
    salah = next(c.entry for c in gaz.candidates("Salah Ad-Deen", 3) if c.entry.country == "Syria")
    hanano = next(c.entry for c in gaz.candidates("Hanano", 3) if c.entry.country == "Syria")
    gold = {"location_canonical": "Salaheddine, Aleppo", "country": "Syria"}
    assert place_ok(gold, {"location_canonical": "Elsewhere", "lat": salah.lat, "lon": salah.lon})
    assert not place_ok(gold, {"location_canonical": "Hanano", "lat": hanano.lat,
                               "lon": hanano.lon})


def test_a_gold_part_of_a_place_counts_at_that_place_when_approximate() -> None:
    """ACLED codes "northern Aleppo province" at Aleppo with precision 2 or 3: a prediction
    at the place the gold names a part of counts when it says it is approximate."""
    from cronica.evaluate.events_match import place_ok

    north = {"location_canonical": "Northern Aleppo province", "country": "Syria"}
    assert place_ok(north, {"location_canonical": "Aleppo", "geo_precision": 2})
    assert not place_ok(north, {"location_canonical": "Aleppo", "geo_precision": 1})
    assert not place_ok(north, {"location_canonical": "Idlib", "geo_precision": 2})
    east = {"location_canonical": "East of Khanasir (south of Lake Jabbul)", "country": "Syria"}
    assert place_ok(east, {"location_canonical": "Khanasir", "geo_precision": 2})
    assert place_ok({"location_canonical": "East of Al-Rai"},
                    {"location_canonical": "Ar Ra'i", "geo_precision": 2})  # fmt: skip
    # a place that is not named as a part of another gets nothing from this
    assert not place_ok({"location_canonical": "Tel Aswad", "country": "Iraq"},
                        {"location_canonical": "Mosul", "geo_precision": 2})  # fmt: skip


def test_place_names_spelt_otherwise_or_with_a_kind_noun_count() -> None:
    from cronica.evaluate.events_match import place_ok

    spelt = {"location_canonical": "Newaran", "geo_precision": 2}  # the text's spelling
    assert place_ok({"location_canonical": "Nawaran"}, spelt)
    assert not place_ok({"location_canonical": "Nawaran"}, spelt | {"geo_precision": 1})
    assert place_ok({"location_canonical": "Ithriya-Thawrah road"},
                    {"location_canonical": "Ithriya-Thawrah"})  # fmt: skip
    assert place_ok({"location_canonical": "Tal Zarour"},
                    {"location_canonical": "Tal Za\u2019rour hill"})  # fmt: skip
    assert place_ok({"location_canonical": "Aleppo (unspecified warehouse)"},
                    {"location_canonical": "Aleppo"})  # fmt: skip
    # two places whose names share their consonants are still two
    assert not place_ok({"location_canonical": "Tal Afar"},
                        {"location_canonical": "Tel Fur", "geo_precision": 2})  # fmt: skip
    assert not place_ok({"location_canonical": "Homs"}, {"location_canonical": "Hama"})


def test_a_landmark_the_gazetteer_lacks_counts_at_its_town_when_approximate() -> None:
    from cronica.evaluate.events_match import place_ok

    silos = {"location_canonical": "Al-Rai grain silos, Al-Rai", "country": "Syria"}
    assert place_ok(silos, {"location_canonical": "Ar Ra'i", "geo_precision": 2})
    assert not place_ok(silos, {"location_canonical": "Ar Ra'i", "geo_precision": 1})
    # a district the gazetteer places is no landmark: the city is not it
    sukkari = {"location_canonical": "Sukkari, Aleppo", "country": "Syria"}
    assert not place_ok(sukkari, {"location_canonical": "Aleppo", "geo_precision": 2})


def test_a_gold_region_said_in_a_parenthesis_or_with_particles_counts() -> None:
    from cronica.evaluate.events_match import place_ok

    plains = {"location_canonical": "Nineveh Plains (north and east of Mosul)", "country": "Iraq"}
    assert place_ok(plains, {"location_canonical": "Mosul", "geo_precision": 2})
    assert not place_ok(plains, {"location_canonical": "Mosul", "geo_precision": 1})
    raqqa = {"location_canonical": "Raqqa Governorate", "country": "Syria"}
    assert place_ok(raqqa, {"location_canonical": "Ar-Raqqah province", "geo_precision": 3})
    assert not place_ok(raqqa, {"location_canonical": "Hasakah province", "geo_precision": 3})


def test_a_district_of_the_gold_town_counts_for_the_town() -> None:
    """ACLED codes an event in a district at its town: the gold's "Aleppo" is right for a
    prediction in one of Aleppo's districts, not the other way round."""
    from cronica.evaluate.events_match import place_ok

    assert place_ok({"location_canonical": "Aleppo"},
                    {"location_canonical": "Eastern Aleppo, Aleppo"})  # fmt: skip
    assert not place_ok({"location_canonical": "Idlib"},
                        {"location_canonical": "Eastern Aleppo, Aleppo"})  # fmt: skip
    assert not place_ok({"location_canonical": "Sukkari, Aleppo", "country": "Syria"},
                        {"location_canonical": "Aleppo"})  # fmt: skip
