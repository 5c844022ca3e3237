"""A store held by another process: a clear "store is busy" (exit code 2, no traceback), or,
with --wait, the command waits its turn."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from cronica.store import Store
from cronica.store.lock import StoreBusy
from tests.conftest import run_cli
from tests.robustness.reports import write_reports

HOLD = (
    "import sys, time\n"
    "from cronica.store import Store\n"
    "store = Store(sys.argv[1])\n"
    "print('held', flush=True)\n"
    "time.sleep(float(sys.argv[2]))\n"
    "store.close()\n"
)


def hold(db: Path, seconds: float) -> subprocess.Popen:
    """Another process holding `db` (as an ingest does) for `seconds`."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)],
                            stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


@pytest.fixture
def held(tmp_path):
    db = tmp_path / "team.duckdb"
    Store(str(db)).close()
    proc = hold(db, 600)
    yield db, proc
    proc.kill()
    proc.wait()


def test_store_busy_in_process(held):
    db, proc = held
    for read_only in (False, True):
        with pytest.raises(StoreBusy) as caught:
            Store(str(db), read_only=read_only)
        assert "store is busy" in str(caught.value) and str(proc.pid) in str(caught.value)
    started = time.monotonic()
    with pytest.raises(StoreBusy, match="after waiting 1s"):
        Store(str(db), wait=1)
    assert 0.9 <= time.monotonic() - started < 10


@pytest.mark.parametrize("command", [["events"], ["show", "abc"], ["export", "-o", "x.csv"]])
def test_readers_get_a_clear_busy_error(held, command, tmp_path):
    db, proc = held
    command = [str(tmp_path / c) if c == "x.csv" else c for c in command]
    run = run_cli(*command, "--db", db, timeout=120)
    assert run.returncode == 2, str(run)
    assert "store is busy" in run.stderr and f"process {proc.pid}" in run.stderr
    assert "Traceback" not in run.stderr and "IOException" not in run.stderr


def test_second_ingest_gets_a_clear_busy_error(held, tmp_path):
    db, _ = held
    (report,) = write_reports(tmp_path / "in", 1)
    run = run_cli("ingest", report, "--db", db, timeout=300)
    assert run.returncode == 2, str(run)
    assert "store is busy" in run.stderr and "--wait" in run.stderr
    assert "Traceback" not in run.stderr


def test_ingest_waits_its_turn(tmp_path):
    db = tmp_path / "team.duckdb"
    Store(str(db)).close()
    (report,) = write_reports(tmp_path / "in", 1)
    holder = hold(db, 4)
    try:
        run = run_cli("ingest", report, "--db", db, "--wait", "120", timeout=300)
    finally:
        holder.wait(timeout=60)
    assert run.returncode == 0, str(run)
    assert "1 stored" in run.stderr
    run = run_cli("events", "--db", db, "--format", "jsonl", timeout=120)
    assert run.returncode == 0 and run.jsonl()
