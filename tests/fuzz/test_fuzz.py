"""Runs the atheris fuzzer (fuzz_readers.py) for a bounded number of inputs, from seeds
written here; skipped when atheris is not installed (the dev extra has it on Linux x86-64)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).with_name("fuzz_readers.py")
ROOT = HARNESS.parents[2]
RUNS = 2000

SEEDS = {
    "es.txt": "Según el Ejército, murió un soldado en Alepo el 3 de marzo de 2016.\n".encode(),
    "es-cp1252.txt": "Según el Ejército, «murió» un soldado.\n".encode("cp1252"),
    "bom16.txt": "\ufeffDos civiles murieron ayer.".encode("utf-16"),
    "page.html": b"<html><title>Combates</title><p>Unos 300 rebeldes se rindieron.</p></html>",
    "batch.jsonl": b'{"id": "a", "text": "Ataque el 5 de mayo.", "date": "2016-05-06"}\n',
    "table.csv": b"id,text\n1,\"Murieron doce personas, [3] dijo la ONU.\"\n",
    # first byte picks the target: 0 readers, 1 Spanish parsers, 2 English ones
    "numbers.bin": b"\x01" + "mil doscientos, 3.000 y veintiún muertos el 12 de diciembre".encode(),
    "dates.bin": b"\x02On 14 March 2016 some 1,200 people fled; two weeks later",
}


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris not installed")
def test_readers_and_parsers_survive_fuzzing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in SEEDS.items():
        (corpus / name).write_bytes(data)
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"}
    run = subprocess.run(
        [sys.executable, str(HARNESS), f"-runs={RUNS}", "-max_len=2048", "-len_control=0",
         "-seed=12", str(corpus)],  # fmt: skip
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    assert f"Done {RUNS} runs" in run.stderr
