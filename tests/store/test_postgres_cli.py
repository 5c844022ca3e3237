"""The store commands against PostgreSQL: `--db postgresql://...` for ingest, events, show,
export, with the same results as DuckDB."""

from __future__ import annotations

import json

from tests.conftest import SPANISH_REPORT


def test_ingest_events_show_export_on_postgres_match_duckdb(cronica, postgres_url, tmp_path):
    duck = tmp_path / "c.duckdb"
    for db in (postgres_url, duck):
        run = cronica("ingest", SPANISH_REPORT, "--db", db)
        assert run.returncode == 0, str(run)
    assert "***" not in run.stderr
    pg_events = cronica("events", "--db", postgres_url, "--format", "jsonl")
    duck_events = cronica("events", "--db", duck, "--format", "jsonl")
    assert pg_events.returncode == 0, str(pg_events)
    assert pg_events.jsonl() == duck_events.jsonl() and pg_events.jsonl()
    first = pg_events.jsonl()[0]["event_id"]
    shown = cronica("show", first, "--db", postgres_url)
    assert shown.returncode == 0 and first in shown.stdout, str(shown)
    out = tmp_path / "e.jsonl"
    exported = cronica("export", "--db", postgres_url, "--format", "jsonl", "-o", out)
    assert exported.returncode == 0, str(exported)
    assert [json.loads(x)["event_id"] for x in out.read_text().splitlines()] == [
        e["event_id"] for e in pg_events.jsonl()
    ]
    again = cronica("ingest", SPANISH_REPORT, "--db", postgres_url)
    assert "0 stored, 1 unchanged" in again.stderr


def test_unreachable_postgres_is_a_clear_error_without_the_password(cronica):
    url = "postgresql://ana:secreto@127.0.0.1:1/nada"
    run = cronica("events", "--db", url)
    assert run.returncode != 0
    assert "secreto" not in run.stderr + run.stdout
    assert "cannot open PostgreSQL store" in run.stderr, str(run)
