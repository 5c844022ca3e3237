"""kill -9 during `ingest`, at several points, then a re-run: the store opens, holds no half
document and no duplicate, its documents and events agree, and the re-run completes the
rest, ending with the same store as one uninterrupted run. Two ingests into one file: the
second waits its turn (--wait) or gets a clear busy error, never a corrupt store."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import run_cli
from tests.robustness.processes import StderrReader, cronica_process, stored_lines, wait_for
from tests.robustness.reports import write_reports

COUNT = 6


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> list[Path]:
    return write_reports(tmp_path_factory.mktemp("reports"), COUNT)


def contents(db: Path) -> dict[str, tuple[int, int, int]]:
    """document id -> (sentences, events, evidence rows), after checking consistency."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        assert q("SELECT count(*) - count(DISTINCT event_id) FROM events") == [(0,)]
        assert q("SELECT count(*) - count(DISTINCT content_hash) FROM documents") == [(0,)]
        orphans = "SELECT count(*) FROM {t} WHERE document NOT IN (SELECT id FROM documents)"
        for table in ("sentences", "events", "evidence"):
            assert q(orphans.format(t=table)) == [(0,)], table
        for table in ("claims", "evidence"):
            sql = f"SELECT count(*) FROM {table} WHERE event_id NOT IN "
            assert q(sql + "(SELECT event_id FROM events)") == [(0,)], table
        assert q("SELECT count(*) FROM documents WHERE id NOT IN "
                 "(SELECT document FROM sentences)") == [(0,)]  # fmt: skip
        rows = q(
            "SELECT d.id, (SELECT count(*) FROM sentences s WHERE s.document = d.id), "
            "(SELECT count(*) FROM events e WHERE e.document = d.id), "
            "(SELECT count(*) FROM evidence v WHERE v.document = d.id) FROM documents d"
        )
        return {r[0]: (r[1], r[2], r[3]) for r in rows}
    finally:
        con.close()


@pytest.fixture(scope="module")
def reference(reports, tmp_path_factory) -> dict[str, tuple[int, int, int]]:
    """The store one uninterrupted ingest makes."""
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    run = run_cli("ingest", *reports, "--db", db)
    assert run.returncode == 0, str(run)
    found = contents(db)
    assert len(found) == COUNT and all(events for _, events, _ in found.values())
    return found


def ingest_until(reports: list[Path], db: Path, stored: int, delay: float) -> str:
    """Start an ingest, kill -9 it `delay` seconds after its `stored`-th stored document
    (stored=0: `delay` seconds after it starts); its log."""
    proc = cronica_process("ingest", *reports, "--db", db, stderr=subprocess.PIPE)
    log = StderrReader(proc)
    try:
        if stored:
            wait_for(lambda: stored_lines(log.lines) >= stored, what=f"{stored} stored")
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    return log.text()


@pytest.mark.parametrize(
    ("stored", "delay"),
    [
        pytest.param(0, 4.0, id="while-loading"),
        pytest.param(1, 0.0, id="just-after-the-first"),
        pytest.param(2, 0.5, id="during-the-third"),
        pytest.param(4, 0.05, id="near-the-end"),
    ],
)
def test_kill_then_rerun_loses_nothing(reports, reference, tmp_path, stored, delay):
    db = tmp_path / "crash.duckdb"
    log = ingest_until(reports, db, stored, delay)
    done = stored_lines(log.splitlines())
    if db.exists():
        after_kill = contents(db)
        assert done <= len(after_kill) <= COUNT
        for doc, counts in after_kill.items():
            assert counts == reference[doc], f"half-written {doc}"
    rerun = run_cli("ingest", *reports, "--db", db)
    assert rerun.returncode == 0, str(rerun)
    assert contents(db) == reference
    again = run_cli("ingest", *reports, "--db", db)
    assert f"0 stored, {COUNT} unchanged" in again.stderr
    assert contents(db) == reference


def test_two_ingests_into_one_file(reports, reference, tmp_path):
    db = tmp_path / "shared.duckdb"
    first = cronica_process("ingest", *reports[:3], "--db", db, stderr=subprocess.PIPE)
    first_log = StderrReader(first)
    try:
        wait_for(db.exists, what="the first ingest to open the store")
        busy = run_cli("ingest", *reports[3:], "--db", db)
        waiting = run_cli("ingest", *reports[3:], "--db", db, "--wait", "600", timeout=900)
        first.wait(timeout=600)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == 0, first_log.text()
    if busy.returncode != 0:  # it ran while the first held the store
        assert busy.returncode == 2 and "store is busy" in busy.stderr, str(busy)
        assert "Traceback" not in busy.stderr
    assert waiting.returncode == 0, str(waiting)
    assert contents(db) == reference
