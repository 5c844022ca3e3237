"""Start-up time of `cronica extract` on one sentence, as a newcomer runs it: a fresh Python
process, end to end (imports, spaCy model, gazetteer, rulers, the sentence, output).

Measured with the caches empty (the first run after install builds the gazetteer index, the
entity ruler's pattern keys and Python's compiled modules), with the caches warm (every later
run; the best of three, as the load of a shared machine only adds to it), and the spaCy model
load alone (`import spacy; spacy.load(model)`) for comparison. Python's bytecode cache is on,
as by default, in a folder of its own (PYTHONPYCACHEPREFIX), even where this environment turns
it off (PYTHONDONTWRITEBYTECODE, as some sandboxes do: each start then compiles every module
that has no compiled copy yet). Target: warm start under 3 s.

Usage: python benchmarks/startup.py
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from typing import Any

SENTENCE = "Un bombardeo aéreo mató a cinco civiles en el barrio de Hanano, en Alepo, el martes."
TARGET_S = 3.0


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _timed(args: list[str], env: dict[str, str], stdin: str = "") -> tuple[float, float]:
    """Wall-clock and CPU seconds of a command (CPU time moves less with a busy machine)."""
    t0, c0 = time.perf_counter(), _cpu()
    done = subprocess.run(args, input=stdin, capture_output=True, text=True, env=env,
                          check=False)
    seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {done.stderr[-2000:]}")
    return seconds, cpu


def run() -> dict[str, Any]:
    from cronica.lang import pack

    extract = [sys.executable, "-m", "cronica.cli", "extract", "-", "--lang", "es",
               "--date", "2016-11-22", "--format", "jsonl"]
    model = pack("es").model
    code = f"import spacy; spacy.load({model!r})"
    result: dict[str, Any] = {"model": model}
    with tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as pycache:
        cold_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cold_env.update(CRONICA_CACHE_DIR=empty, PYTHONPYCACHEPREFIX=pycache)
        result["cold_s"] = _timed(extract, cold_env, SENTENCE)
        warm_env = dict(cold_env)  # the caches the cold run wrote
        result["warm_s"] = min((_timed(extract, warm_env, SENTENCE) for _ in range(3)),
                               key=lambda t: t[0])
        result["spacy_load_s"] = _timed([sys.executable, "-W", "ignore", "-c", code], warm_env)
        result["import_s"] = _timed([sys.executable, "-c", "import cronica.cli"], warm_env)
    return result


def report(result: dict[str, Any]) -> list[str]:
    verdict = "meets" if result["warm_s"][0] < TARGET_S else "misses"

    def row(name: str, key: str) -> str:
        wall, cpu = result[key]
        return f"| {name} | {wall:.1f} | {cpu:.1f} |"

    return [
        "## Start-up: `cronica extract` on one sentence",
        "",
        "A fresh process each, end to end (`echo SENTENCE | cronica extract - --lang es`).",
        "",
        "| run | wall s | CPU s |",
        "|---|---:|---:|",
        row("first run, caches empty (builds them)", "cold_s"),
        row("**every later run, caches warm** (best of 3)", "warm_s"),
        row(f"`import spacy; spacy.load('{result['model']}')` alone", "spacy_load_s"),
        row("`import cronica.cli` alone", "import_s"),
        "",
        "Python's bytecode cache on, as by default (PYTHONPYCACHEPREFIX: a folder of the "
        "benchmark's own, empty at the first run).",
        "",
        f"Target: warm start under {TARGET_S:.0f} s wall-clock ({verdict}; CPU time is the "
        "figure to trust on a busy machine).",
        "",
    ]


if __name__ == "__main__":
    print("\n".join(report(run())))
