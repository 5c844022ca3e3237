"""Shared fixtures: run the real `cronica` command, and extract the CLI fixture reports once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CLI_FIXTURES = FIXTURES / "cli"
SPANISH_REPORT = CLI_FIXTURES / "homs-es.txt"
ENGLISH_REPORT = CLI_FIXTURES / "mosul-en.txt"


@dataclass
class Run:
    """What one `cronica` process did."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    def jsonl(self) -> list[dict]:
        """stdout parsed as JSON lines."""
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]

    def __str__(self) -> str:  # shown by pytest when an assertion on a Run fails
        return (
            f"cronica {' '.join(self.args)} -> {self.returncode}\n"
            f"--- stdout ---\n{self.stdout[-3000:]}\n--- stderr ---\n{self.stderr[-3000:]}"
        )


def run_cli(
    *args: object,
    stdin: str | None = None,
    cwd: Path | None = None,
    timeout: float = 600,
) -> Run:
    """Run `python -m cronica.cli ARGS` in a fresh process (the installed package, real models)."""
    argv = [str(a) for a in args]
    env = dict(os.environ)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "cronica.cli", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        cwd=cwd,
        env=env,
        timeout=timeout,
    )
    return Run(argv, proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture(scope="session")
def cronica():
    """The `run_cli` function: `cronica("extract", path, "--format", "jsonl")`."""
    return run_cli


@dataclass
class Extraction:
    """The JSONL events `cronica extract` found in the two narrative fixture reports."""

    run: Run
    events: list[dict]
    texts: dict[str, str]  # document (as given on the command line) -> original text

    def of(self, document: str) -> list[dict]:
        return [ev for ev in self.events if ev["document"] == document]


@pytest.fixture(scope="session")
def extraction(tmp_path_factory) -> Extraction:
    """One real `cronica extract --format jsonl -o FILE` run over the es and en reports."""
    out = tmp_path_factory.mktemp("extract") / "events.jsonl"
    run = run_cli("extract", SPANISH_REPORT, ENGLISH_REPORT, "--format", "jsonl", "-o", out)
    assert run.returncode == 0, str(run)
    events = [json.loads(line) for line in out.read_text("utf-8").splitlines() if line.strip()]
    texts = {str(p): p.read_text("utf-8") for p in (SPANISH_REPORT, ENGLISH_REPORT)}
    return Extraction(run, events, texts)


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory) -> Path:
    """A DuckDB file holding the es and en reports and the Spanish HTML article.

    Session-scoped and shared: tests that write to it must copy it first (`copy_db`).
    """
    db = tmp_path_factory.mktemp("store") / "seed.duckdb"
    for paths, fmt in (
        ([SPANISH_REPORT, ENGLISH_REPORT], "text"),
        ([CLI_FIXTURES / "idlib-es.html"], "html"),
    ):
        run = run_cli("ingest", *paths, "--db", db, "--input-format", fmt)
        assert run.returncode == 0, str(run)
    return db
