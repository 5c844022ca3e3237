"""The news folder of the evaluation data, in a test-sized form: a sample of its files
(with the Yemen article of 2011-10-10 that used to end the run) goes through `extract`
end to end, every file done, none failed. Skipped where ../shared/eval is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

NEWS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "news_es"
ONCE_FAILED = NEWS / "yemen" / "2011-10-10" / "ext_50.txt"
SAMPLE = 12


@pytest.mark.skipif(not NEWS.is_dir(), reason="no ../shared/eval/news_es here")
def test_news_sample_runs_end_to_end(tmp_path):
    files = sorted(NEWS.rglob("*.txt"))
    step = max(1, len(files) // SAMPLE)
    sample = sorted({*files[::step][:SAMPLE], ONCE_FAILED} & set(files))
    out, failures = tmp_path / "events.jsonl", tmp_path / "failed.jsonl"
    run = run_cli("extract", *sample, "--lang", "es", "--format", "jsonl", "-o", out,
                  "--failures", failures, timeout=1200)  # fmt: skip
    assert run.returncode == 0, str(run)
    assert not failures.exists()
    events = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert events and {ev["document"] for ev in events} <= {str(p) for p in sample}
