"""Any exception met on one input (not only a bad input) is caught, logged with the input's
name and the stage, written to the failures file, and the run goes on (exit code 1).

Faults are injected in-process: a pipeline stage or the store raises for one document."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from cronica.cli import app
from cronica.documents import registry
from cronica.documents.registry import FunctionReader
from cronica.pipeline import Pipeline
from cronica.record import Document
from cronica.store import Store
from tests.robustness.reports import write_reports

runner = CliRunner()


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def failures_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture
def reports(tmp_path) -> list[Path]:
    paths = write_reports(tmp_path / "in", 3)
    bad = paths[1].with_name("boom.txt")
    paths[1].rename(bad)
    return [paths[0], bad, paths[2]]


@pytest.fixture
def fault(monkeypatch):
    """Make Pipeline.analyse raise, deep inside, for documents whose id says "boom"."""
    real = Pipeline.analyse

    def analyse(self, doc: Document, keep_sentences: bool = True):
        if "boom" in doc.id:
            raise ZeroDivisionError("injected fault")
        return real(self, doc, keep_sentences)

    monkeypatch.setattr(Pipeline, "analyse", analyse)


@pytest.mark.parametrize("fmt", ["jsonl", "table"])
def test_extract_goes_on_after_an_exception(tmp_path, reports, fault, fmt):
    failures = tmp_path / "failed.jsonl"
    out = tmp_path / f"events.{fmt}"
    result = invoke("extract", *reports, "--format", fmt, "-o", out, "--failures", failures)
    assert result.exit_code == 1
    assert f"{reports[1]}: ZeroDivisionError: injected fault [analyse, in cronica." in result.stderr
    assert "Traceback" not in result.stderr
    (record,) = failures_of(failures)
    assert record["input"] == str(reports[1]) and record["stage"] == "analyse"
    assert record["error"] == "ZeroDivisionError" and record["message"] == "injected fault"
    assert record["command"] == "extract" and record["where"].startswith("cronica.pipeline.")
    if fmt == "jsonl":
        documents = {json.loads(line)["document"] for line in out.read_text("utf-8").splitlines()}
        assert documents == {str(reports[0]), str(reports[2])}
    else:
        assert "bombard" in out.read_text("utf-8").lower()


def test_failures_file_gathers_runs_and_read_errors(tmp_path, reports, fault):
    failures = tmp_path / "failed.jsonl"
    for _ in range(2):
        result = invoke("extract", *reports, tmp_path / "missing.txt", "--format", "jsonl",
                        "--failures", failures)  # fmt: skip
        assert result.exit_code == 1
    records = failures_of(failures)
    assert [r["stage"] for r in records] == ["analyse", "read"] * 2
    assert records[1]["input"] == str(tmp_path / "missing.txt")
    assert records[1]["error"] == "InputError" and records[1]["message"] == "file not found"


def test_no_failures_file_when_nothing_fails(tmp_path, reports):
    failures = tmp_path / "failed.jsonl"
    result = invoke("extract", reports[0], "--format", "jsonl", "--failures", failures)
    assert result.exit_code == 0 and not failures.exists()


def test_explain_goes_on_after_an_exception(tmp_path, reports, monkeypatch):
    import cronica.explain

    real = cronica.explain.explain

    def explain(pipeline, doc):
        if "boom" in doc.id:
            raise KeyError("injected")
        return real(pipeline, doc)

    monkeypatch.setattr(cronica.explain, "explain", explain)
    failures = tmp_path / "failed.jsonl"
    result = invoke("explain", *reports, "--failures", failures)
    assert result.exit_code == 1
    assert f"# {reports[0]}" in result.stdout and f"# {reports[2]}" in result.stdout
    assert failures_of(failures)[0]["stage"] == "explain"


def test_ingest_goes_on_after_an_exception(tmp_path, reports, fault):
    db, failures = tmp_path / "s.duckdb", tmp_path / "failed.jsonl"
    result = invoke("ingest", *reports, "--db", db, "--failures", failures)
    assert result.exit_code == 1
    assert "2 stored, 0 unchanged, 1 failed" in result.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert {r[0] for r in con.execute("SELECT id FROM documents").fetchall()} == {
        str(reports[0]), str(reports[2])
    }
    con.close()
    assert failures_of(failures)[0]["stage"] == "analyse"


def test_ingest_store_failure_leaves_no_trace_of_that_document(tmp_path, reports, monkeypatch):
    real = Store.add_document

    def add_document(self, doc, sentences, events, **kw):
        if "boom" in doc.id:
            self._con.execute("BEGIN TRANSACTION")
            self._con.execute("INSERT INTO meta VALUES ('half', 'written')")
            self._con.execute("ROLLBACK")
            raise OSError("disk full (injected)")
        return real(self, doc, sentences, events, **kw)

    monkeypatch.setattr(Store, "add_document", add_document)
    db, failures = tmp_path / "s.duckdb", tmp_path / "failed.jsonl"
    result = invoke("ingest", *reports, "--db", db, "--failures", failures)
    assert result.exit_code == 1
    (record,) = failures_of(failures)
    assert record["stage"] == "store" and record["error"] == "OSError"
    con = duckdb.connect(str(db), read_only=True)
    docs = {r[0] for r in con.execute("SELECT id FROM documents").fetchall()}
    assert docs == {str(reports[0]), str(reports[2])}
    boom = con.execute("SELECT count(*) FROM events WHERE document LIKE '%boom%'").fetchone()
    assert boom == (0,)
    con.close()


def test_a_reader_that_breaks_ends_only_its_input(tmp_path, reports):
    def explode(text, name, path, options):
        yield Document(id=f"{name}#1", text=text, path=path)
        raise RuntimeError("reader bug (injected)")

    registry.register(FunctionReader("explode", (".boom",), explode))
    try:
        failures = tmp_path / "failed.jsonl"
        result = invoke("extract", *reports, "--input-format", "explode", "--format", "jsonl",
                        "--failures", failures)  # fmt: skip
    finally:
        registry.unregister("explode")
    assert result.exit_code == 1
    records = failures_of(failures)
    assert [r["input"] for r in records] == [str(p) for p in reports]
    assert {r["stage"] for r in records} == {"read"}
    documents = {json.loads(line)["document"] for line in result.stdout.splitlines()}
    assert documents == {f"{p}#1" for p in reports}  # each input's first record got through
