"""Exporters: each output is read back and checked."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pyarrow.parquet as pq
import pytest

from cronica.export import export, exporter, read_jsonl_events, write_jsonl
from cronica.export.acled_csv import ACLED_COLUMNS, inter_code, interaction_code
from cronica.export.flat import FLAT_COLUMNS
from cronica.record import (
    Actor,
    Claim,
    Event,
    Evidence,
    Fatalities,
    InputError,
    Location,
    Quantity,
)


def make_event(
    event_id: str = "e1",
    *,
    event_type: str = "Battles",
    sub_event_type: str = "Armed clash",
    date: str | None = "2024-03-03",
    precision: str = "day",
    actor1: Actor | None = None,
    actor2: Actor | None = None,
    location: Location | None = None,
    fatalities: Fatalities | None = None,
    disputed: bool = False,
) -> Event:
    return Event(
        event_id=event_id,
        document="doc-1",
        sentence_index=2,
        evidence=Evidence("El ejército se enfrentó a los rebeldes en Tal Rifat. [7]", 120, 176,
                          ["[7]"], "enfrentó", 132, 140),
        event_type=event_type,
        sub_event_type=sub_event_type,
        plover="FIGHT",
        action="clash",
        date=date,
        date_precision=precision,
        actor1=actor1 or Actor("el ejército", "Military Forces of Syria", "State forces", "Syria"),
        actor2=actor2,
        assoc_actors=[Actor("milicia local", "NDF", "Political militia")],
        location=location
        or Location("Tal Rifat", "Tall Rifat", "Aleppo", "Azaz", "Syria", 36.47, 37.1, 1),
        quantities=[Quantity("killed", 12, text="doce")],
        fatalities=fatalities,
        claims=[Claim("SOHR", "NGO", "reports", "doc-1", 2, (0, 10)),
                Claim("SANA", "media", "claims"), Claim("SOHR", "NGO", "reports")],
        disputed=disputed,
        disputed_reason="counts differ" if disputed else None,
        confidence=0.8,
        rules=["lexicon:enfrentar"],
        lang="es",
    )


@pytest.fixture
def events() -> list[Event]:
    return [
        make_event("e1", actor2=Actor("los rebeldes", "HTS", "Rebel groups"),
                   fatalities=Fatalities(10, 12, 15), disputed=True),
        make_event("e2", event_type="Protests", sub_event_type="Peaceful protest",
                   date="2024-05", precision="month",
                   actor1=Actor("manifestantes", None, "Protesters"),
                   location=Location("Bogotá", country="Colombia")),  # no coordinates
        make_event("e3", event_type="Violence against civilians", sub_event_type="Attack",
                   date=None, precision="unknown", actor1=Actor("hombres armados"),
                   actor2=Actor("civiles", None, "Civilians")),
    ]


def test_jsonl_round_trip(tmp_path, events):
    path = tmp_path / "e.jsonl"
    assert write_jsonl(events, path) == 3
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and "Bogotá" in lines[1]  # ensure_ascii=False
    expected = json.loads(json.dumps(events[0].to_dict()))
    # the nested evidence names its document and sentence, as the top level does
    expected["evidence"]["document"] = events[0].document
    expected["evidence"]["sentence_index"] = events[0].sentence_index
    assert json.loads(lines[0]) == expected
    back = read_jsonl_events(path)
    assert [e.evidence.document for e in back] == [e.document for e in events]
    for e in back:
        e.evidence.document = e.evidence.sentence_index = None
    assert back == events


def test_jsonl_to_stream_and_bad_line(tmp_path, events):
    buf = io.StringIO()
    assert write_jsonl(events[:1], buf) == 1 and not buf.closed
    bad = tmp_path / "bad.jsonl"
    bad.write_text(buf.getvalue() + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:3"):
        read_jsonl_events(bad)


def read_csv(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
        return list(reader)


def test_acled_csv(tmp_path, events):
    path = tmp_path / "e.csv"
    assert export(events, "acled-csv", path) == 3
    e1, e2, e3 = read_csv(path)
    # ISO3 + a number per country, in (date, event_id) order; undated events last
    assert (e1["event_id_cnty"], e2["event_id_cnty"], e3["event_id_cnty"]) == (
        "SYR1", "COL1", "SYR2")
    assert e1["event_date"] == "2024-03-03"
    assert (e1["iso"], e1["region"], e2["iso"], e2["region"]) == (
        "760", "Middle East", "170", "South America")
    assert (e1["year"], e1["time_precision"]) == ("2024", "1")
    assert e1["disorder_type"] == "Political violence"
    assert (e1["actor1"], e1["inter1"], e1["actor2"], e1["inter2"]) == (
        "Military Forces of Syria", "1", "HTS", "2")
    assert e1["interaction"] == "12" and e1["assoc_actor_1"] == "NDF"
    assert (e1["location"], e1["admin1"], e1["country"]) == ("Tall Rifat", "Aleppo", "Syria")
    assert (float(e1["latitude"]), float(e1["longitude"]), e1["geo_precision"]) == (
        36.47, 37.1, "1")
    assert e1["source"] == "SOHR; SANA"
    assert e1["notes"] == "El ejército se enfrentó a los rebeldes en Tal Rifat."  # no [7]
    assert e1["fatalities"] == "12" and e1["source_scale"] == "Other-National"
    assert e1["tags"] == "disputed: counts differ" and e1["civilian_targeting"] == ""
    assert int(e1["timestamp"]) > 1_600_000_000
    assert e2["disorder_type"] == "Demonstrations" and e2["time_precision"] == "3"
    assert e2["event_date"] == "2024-05-15" and e2["interaction"] == "60"  # mid-month
    assert e2["latitude"] == "" and e2["fatalities"] == "0"
    assert e3["event_date"] == "" and e3["year"] == "" and e3["time_precision"] == "3"
    assert e3["tags"] == "date unknown"
    assert e3["civilian_targeting"] == "Civilian targeting"
    assert (e3["actor1"], e3["inter1"], e3["inter2"], e3["interaction"]) == (
        "hombres armados", "", "7", "70")


def test_csv_alias_and_fixed_timestamp(events):
    from cronica.export.acled_csv import write_acled_csv

    buf = io.StringIO()
    assert write_acled_csv(events, buf, timestamp=1700000000) == 3
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert {r["timestamp"] for r in rows} == {"1700000000"}
    assert exporter("csv") is exporter("acled-csv")


@pytest.mark.parametrize(
    ("name", "code"),
    [("State forces", 1), ("rebel group", 2), ("Political Militias", 3),
     ("Identity militia", 4), ("Rioters", 5), ("protesters", 6), ("Civilians", 7),
     ("External/Other forces", 8), ("external / other forces", 8), ("bandits", None),
     (None, None)],
)
def test_inter_codes(name, code):
    assert inter_code(Actor("x", actor_type=name)) == code


def test_interaction_code():
    assert interaction_code(3, 1) == "13"
    assert interaction_code(None, 7) == "70"
    assert interaction_code(None, None) == ""


def test_geojson(tmp_path, events):
    path = tmp_path / "e.geojson"
    assert export(events, "geojson", path) == 2  # e2 has no coordinates
    fc = json.loads(path.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection"
    assert [f["id"] for f in fc["features"]] == ["e1", "e3"]
    for f in fc["features"]:
        assert f["type"] == "Feature"
        assert f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert (lon, lat) == (37.1, 36.47)  # GeoJSON order: longitude first
        assert set(f["properties"]) == set(FLAT_COLUMNS)
        assert all(not isinstance(v, (dict, list)) for v in f["properties"].values())
    p = fc["features"][0]["properties"]
    assert (p["event_type"], p["actor2"], p["fatalities_best"], p["disputed"]) == (
        "Battles", "HTS", 12, True)


def test_geojson_empty(events):
    buf = io.StringIO()
    assert export(events[1:2], "geojson", buf) == 0
    assert json.loads(buf.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_parquet(tmp_path, events):
    path = tmp_path / "e.parquet"
    assert export(events, "parquet", path) == 3
    table = pq.read_table(path)
    assert table.column_names == [*FLAT_COLUMNS, "quantities", "claims", "record"]
    assert str(table.schema.field("date").type) == "date32[day]"
    assert str(table.schema.field("fatalities_best").type) == "int64"
    rows = table.to_pylist()
    assert [r["event_id"] for r in rows] == ["e1", "e2", "e3"]
    assert rows[0]["fatalities_best"] == 12 and rows[1]["lat"] is None
    record = json.loads(rows[2]["record"])
    assert record["evidence"]["document"] == "doc-1" and record["event_id"] == "e3"
    assert rows[0]["quantities"][0]["unit"] == "persons"
    assert rows[0]["claims"][0]["source"] == "SOHR"
    got = duckdb.sql(
        f"SELECT event_id, country FROM read_parquet('{path}') WHERE disputed"
    ).fetchall()
    assert got == [("e1", "Syria")]


def test_parquet_no_events_keeps_schema(tmp_path):
    path = tmp_path / "empty.parquet"
    assert export([], "parquet", path) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0 and str(table.schema.field("lat").type) == "double"


def test_export_accepts_generators_and_rejects_unknown_format(tmp_path, events):
    assert export((e for e in events), "JSONL", tmp_path / "g.jsonl") == 3
    with pytest.raises(ValueError, match="unknown export format 'kml'"):
        export(events, "kml", tmp_path / "x.kml")


# -- issue 8: ACLED conventions -----------------------------------------------------------------


def _one_row(event, **kw):
    from cronica.export.acled_csv import write_acled_csv

    buf = io.StringIO()
    write_acled_csv([event], buf, timestamp=1, **kw)
    return next(csv.DictReader(io.StringIO(buf.getvalue())))


def test_a_figure_in_families_is_not_a_number_of_persons():
    ev = make_event("f1", fatalities=Fatalities(3, 3, 3))
    ev.evidence.sentence = "Tres familias murieron en el bombardeo de Tal Rifat."
    ev.quantities = [Quantity("killed", 3, text="Tres")]
    row = _one_row(ev)
    assert row["fatalities"] == "0" and row["tags"] == "killed: 3 families"
    ev.evidence.sentence = "Tres civiles murieron en el bombardeo de Tal Rifat."
    assert _one_row(ev)["fatalities"] == "3" and _one_row(ev)["tags"] == ""


def test_an_evacuation_of_civilians_is_not_civilian_targeting():
    evacuation = make_event("v1", event_type="Strategic developments", sub_event_type="Other",
                            actor2=Actor("civiles", "Civilians (Syria)", "Civilians"))
    assert _one_row(evacuation)["civilian_targeting"] == ""
    shelling = make_event("v2", event_type="Explosions/Remote violence",
                          sub_event_type="Shelling/artillery/missile attack",
                          actor2=Actor("civiles", "Civilians (Syria)", "Civilians"))
    assert _one_row(shelling)["civilian_targeting"] == "Civilian targeting"


def test_undated_events_take_the_publication_date_and_say_so():
    from datetime import date

    ev = make_event("u1", date=None, precision="unknown")
    row = _one_row(ev, published={"doc-1": date(2024, 6, 2)})
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-06-02", "2024", "3")
    assert row["tags"] == "date unknown: publication date"
    year_only = _one_row(make_event("u2", date="2023", precision="year"))
    assert (year_only["event_date"], year_only["time_precision"]) == ("2023-07-01", "3")


def test_stored_codes_win_and_others_are_numbered_after_none():
    row = _one_row(make_event("s1"), codes={"s1": "SYR77"})
    assert row["event_id_cnty"] == "SYR77"
    unknown = make_event("s2", location=Location("Nowhere"))
    assert _one_row(unknown)["event_id_cnty"] == "XXX1" and _one_row(unknown)["iso"] == ""


def test_reviewed_events_say_so_in_every_export():
    from cronica.export.flat import flat_row

    ev = make_event("r1")
    assert "reviewed" not in _one_row(ev)["tags"] and flat_row(ev)["review"] is None
    ev.review = "correct"
    assert "reviewed: correct" in _one_row(ev)["tags"]
    assert flat_row(ev)["review"] == "correct"  # GeoJSON properties and Parquet columns
