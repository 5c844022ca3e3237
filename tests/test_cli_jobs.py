"""`--jobs N`: extract and ingest run documents in worker processes with the same results,
in the same order, as in one process; failures stay isolated and named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cronica.cli.workers
from cronica.cli import app
from cronica.export.jsonl import event_record
from cronica.pipeline import Pipeline
from cronica.record import Document
from cronica.store import Store
from tests.robustness.reports import write_reports

runner = CliRunner()


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def reports(tmp_path) -> list[Path]:
    """Five short reports, Spanish and English, plus the Idlib example."""
    example = Path(__file__).parents[1] / "examples" / "informe-idlib-es.txt"
    copy = tmp_path / "in" / "idlib.txt"
    paths = write_reports(tmp_path / "in", 5)
    copy.write_text(example.read_text("utf-8"), "utf-8")
    return [*paths[:3], copy, *paths[3:]]


@pytest.fixture
def pool_started(monkeypatch) -> list[int]:
    """How many worker pools the command started (their sizes)."""
    sizes: list[int] = []
    real = cronica.cli.workers.Workers.__init__

    def init(self, pipeline, jobs, command, first=None):
        sizes.append(jobs)
        real(self, pipeline, jobs, command, first)

    monkeypatch.setattr(cronica.cli.workers.Workers, "__init__", init)
    return sizes


@pytest.mark.parametrize("fmt", ["jsonl", "acled-csv"])
def test_extract_with_two_jobs_writes_what_one_job_writes(tmp_path, reports, pool_started, fmt):
    outputs, logs = [], []
    for jobs in (1, 2):
        out = tmp_path / f"events-{jobs}.out"
        result = invoke("extract", *reports, "--format", fmt, "--jobs", jobs, "-o", out)
        assert result.exit_code == 0, result.stderr
        text = out.read_text("utf-8")
        if fmt == "acled-csv":  # the timestamp column is the time of writing
            text = "\n".join(line.rsplit(",", 1)[0] for line in text.splitlines())
        outputs.append(text)
        logs.append([line for line in result.stderr.splitlines() if "wrote" not in line])
    assert pool_started == [2]  # --jobs 1 ran here
    assert outputs[0] == outputs[1] and outputs[0].count("\n") > len(reports)
    assert logs[0] == logs[1]  # the workers' log lines, in input order


def test_one_document_runs_here(tmp_path, reports, pool_started):
    result = invoke("extract", reports[0], "--format", "jsonl", "--jobs", 2)
    assert result.exit_code == 0 and result.stdout.strip()
    assert pool_started == []


def test_a_failing_document_is_named_and_the_others_written(tmp_path, reports, monkeypatch,
                                                            pool_started):
    real = Pipeline.analyse

    def analyse(self, doc: Document, keep_sentences: bool = True):  # inherited by workers
        if "report-01" in doc.id:
            raise ZeroDivisionError("injected fault")
        return real(self, doc, keep_sentences)

    monkeypatch.setattr(Pipeline, "analyse", analyse)
    failures = tmp_path / "failed.jsonl"
    missing = tmp_path / "missing.txt"
    result = invoke("extract", *reports, missing, "--format", "jsonl", "--jobs", 2,
                    "--failures", failures)  # fmt: skip
    assert pool_started == [2]
    assert result.exit_code == 1
    assert f"{reports[1]}: ZeroDivisionError: injected fault [analyse, in cronica." in \
        result.stderr
    assert "2 input(s) failed" in result.stderr
    records = [json.loads(line) for line in failures.read_text("utf-8").splitlines()]
    assert [(r["input"], r["stage"], r["error"]) for r in records] == [
        (str(reports[1]), "analyse", "ZeroDivisionError"),
        (str(missing), "read", "InputError"),
    ]
    assert records[0]["where"].startswith("cronica.")
    documents = [json.loads(line)["document"] for line in result.stdout.splitlines()]
    expected = [str(p) for p in reports if p != reports[1]]
    assert sorted(set(documents), key=documents.index) == expected  # input order


def _stored(db: Path) -> list[list]:
    """The stored documents (without the time of ingest) and events, comparable."""
    with Store(str(db), read_only=True) as store:
        docs = sorted(json.dumps({k: v for k, v in d.items() if k != "ingested_at"},
                                 sort_keys=True, default=str) for d in store.documents())
        events = sorted(json.dumps(event_record(ev), sort_keys=True, default=str)
                        for ev in store.events())
    return [docs, events]


def test_ingest_with_two_jobs_stores_what_one_job_stores(tmp_path, reports, pool_started):
    stored = []
    for jobs in (1, 2):
        db = tmp_path / f"s{jobs}.duckdb"
        result = invoke("ingest", *reports, "--db", db, "--jobs", jobs)
        assert result.exit_code == 0, result.stderr
        assert f"{len(reports)} stored, 0 unchanged, 0 failed" in result.stderr
        stored.append(_stored(db))
    assert pool_started == [2]
    assert stored[0] == stored[1] and stored[0][1]
    # Again with two jobs: every document is already stored, none is analysed.
    result = invoke("ingest", *reports, "--db", tmp_path / "s2.duckdb", "--jobs", 2)
    assert f"0 stored, {len(reports)} unchanged" in result.stderr
    assert _stored(tmp_path / "s2.duckdb") == stored[1]


def test_ingest_same_document_twice_in_one_run(tmp_path, reports, pool_started):
    """The second copy is unchanged in its turn, though workers analysed it ahead."""
    db = tmp_path / "s.duckdb"
    twice = [reports[0], reports[1], reports[0]]
    result = invoke("ingest", *twice, "--db", db, "--jobs", 2)
    assert result.exit_code == 0, result.stderr
    assert "2 stored, 1 unchanged, 0 failed" in result.stderr
