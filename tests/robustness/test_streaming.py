"""`extract` writes each document's events as it finishes (JSONL, CSV): a process killed
after the first document leaves that document's events, complete, in the output."""

from __future__ import annotations

import csv
import io
import json
import re
import signal
import subprocess
from pathlib import Path

import pytest

from tests.robustness.processes import StderrReader, cronica_process, wait_for
from tests.robustness.reports import report_es, write_reports


@pytest.fixture
def inputs(tmp_path) -> list[Path]:
    """A short report, then a long one (it keeps the process busy), then another short one."""
    first, last = write_reports(tmp_path / "in", 2)
    long = tmp_path / "in" / "long.txt"
    long.write_text("\n\n".join(report_es(i) for i in range(100, 400)), encoding="utf-8")
    return [first, long, last]


def complete_lines(path: Path) -> list[dict]:
    text = path.read_text("utf-8") if path.exists() else ""
    return [json.loads(line) for line in text.splitlines(keepends=True) if line.endswith("\n")]


def test_killed_jsonl_extract_keeps_the_first_document(tmp_path, inputs):
    out = tmp_path / "events.jsonl"
    proc = cronica_process("extract", *inputs, "--format", "jsonl", "-o", out,
                           stderr=subprocess.PIPE)  # fmt: skip
    log = StderrReader(proc)
    try:
        wait_for(lambda: complete_lines(out), what="the first document's events")
        proc.kill()
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL, log.text()
    text = out.read_text("utf-8")
    assert text.endswith("\n")  # no half-written line
    events = [json.loads(line) for line in text.splitlines()]
    assert events and {ev["document"] for ev in events} == {str(inputs[0])}


def test_killed_csv_extract_to_stdout_keeps_whole_rows(tmp_path, inputs):
    proc = cronica_process("extract", *inputs, "--format", "csv",
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    assert proc.stdout is not None
    log = StderrReader(proc)
    try:
        header = proc.stdout.readline()
        first_row = proc.stdout.readline()  # arrives when the first document is done
        proc.kill()
        rest = proc.stdout.read()
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    rows = list(csv.DictReader(io.StringIO(header + first_row + rest)))
    assert rows and all(None not in row and None not in row.values() for row in rows)
    # the first row is the first document's; workers running ahead may have finished the
    # long document's first sections too, written whole after it before the kill
    said = f"rows: {[row['notes'] for row in rows]}\nlog: {log.text()}"
    assert rows[0]["notes"] in inputs[0].read_text("utf-8"), said
    texts = [path.read_text("utf-8") for path in inputs]
    # a row's notes are its mentions' sentences joined by a space: an event of the long
    # document told twice (the same day and place) has two, each from the input
    sentences = [part for row in rows for part in re.split(r"(?<=\.) (?=\S)", row["notes"])]
    assert all(any(part in text for text in texts) for part in sentences), said


def test_ctrl_c_keeps_what_was_written(tmp_path, inputs):
    out = tmp_path / "events.jsonl"
    proc = cronica_process("extract", *inputs, "--format", "jsonl", "-o", out,
                           stderr=subprocess.PIPE)  # fmt: skip
    log = StderrReader(proc)
    try:
        wait_for(lambda: complete_lines(out), what="the first document's events")
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, log.text()
    assert "interrupted" in log.text() and "Traceback" not in log.text()
    events = complete_lines(out)
    assert out.read_text("utf-8").endswith("\n")
    assert str(inputs[0]) in {ev["document"] for ev in events}
    assert str(inputs[2]) not in {ev["document"] for ev in events}
