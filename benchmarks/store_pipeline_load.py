"""Store load throughput (events/second) of real pipeline output into DuckDB and PostgreSQL, and
linking time, through `cronica batch` (Parquet shards) and `cronica load DIR --db ...`.

Both commands come with issue 10's Dask/PostgreSQL work; where this checkout lacks them the
benchmark skips and says so. PostgreSQL is measured when $CRONICA_BENCH_PG holds a
postgresql:// URL of a server to write to. Linking at 10^5 events needs about 20,000
documents of shards: pass --docs accordingly on a machine that can afford it.

Usage: python benchmarks/store_pipeline_load.py [--docs N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

CLI = [sys.executable, "-m", "cronica.cli"]


def missing() -> str | None:
    """Why the store benchmark cannot run here, or None."""
    if importlib.util.find_spec("cronica.batch") is None:
        return "`cronica.batch` is not in this checkout (`cronica batch`/`load`, issue 10b)"
    helptext = subprocess.run([*CLI, "--help"], capture_output=True, text=True,
                              check=False).stdout
    if " load " not in helptext:
        return "`cronica load` is not a command of this checkout"
    return corpus.available()


def _timed(args: list[str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {done.stderr[-1000:]}")
    return time.perf_counter() - t0


def run(docs: int) -> dict[str, Any]:
    why = missing()
    if why is not None:
        return {"skipped": why}
    texts = list(corpus.repeated(corpus.news_es(200) + corpus.wikipedia_en(20), docs))
    with tempfile.TemporaryDirectory() as tmp:
        inputs, shards = Path(tmp) / "docs.jsonl", Path(tmp) / "shards"
        inputs.write_text("".join(json.dumps({"id": t.id, "text": t.text, "lang": t.lang,
                                              "date": t.date.isoformat() if t.date else None})
                                  + "\n" for t in texts), encoding="utf-8")
        _timed([*CLI, "batch", str(inputs), "--out", str(shards)])
        import pyarrow.dataset as ds

        parts = sorted((shards / "parts").glob("*/events.parquet"))  # one per partition
        events = ds.dataset([str(p) for p in parts], format="parquet").count_rows() if parts else 0
        rows = [{"db": "DuckDB", "seconds": _timed([*CLI, "load", str(shards), "--db",
                                                    str(Path(tmp) / "bench.duckdb")])}]
        if os.environ.get("CRONICA_BENCH_PG"):
            rows.append({"db": "PostgreSQL", "seconds": _timed(
                [*CLI, "load", str(shards), "--db", os.environ["CRONICA_BENCH_PG"]])})
    return {"documents": docs, "events": events, "rows": rows}


def report(result: dict[str, Any]) -> list[str]:
    lines = ["## Store load and cross-document linking", ""]
    if "skipped" in result:
        return lines + [f"Skipped: {result['skipped']}.", ""]
    lines += [f"{result['documents']:,} documents, {result['events']:,} events "
              "(`cronica load`, linking included).", "",
              "| store | seconds | events/s |", "|---|---:|---:|"]
    lines += [f"| {r['db']} | {r['seconds']:.1f} | {result['events'] / r['seconds']:,.0f} |"
              for r in result["rows"]]
    if not os.environ.get("CRONICA_BENCH_PG"):
        lines += ["", "PostgreSQL not measured: set CRONICA_BENCH_PG=postgresql://..."]
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    print("\n".join(report(run(args.docs))))


if __name__ == "__main__":
    main()
