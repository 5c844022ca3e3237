"""Scaling of the per-document pipeline with Dask workers (1 -> 2, or --workers 1,2,4,...).

Three measurements:
- `cronica batch` (the Dask command of issue 10), when this checkout has it (`cronica.batch`
  importable and `--workers` in its help): wall time of the whole command per worker count;
- the same documents as Dask tasks on a distributed LocalCluster (one thread per worker
  process), in partitions of about equal characters submitted as `cronica batch` submits
  them; before timing each worker loads the pipelines and reads WARM_DOCS other news texts
  (the steady state of a long run);
- `cronica extract --jobs N` (worker processes on one machine), the whole command, start-up
  included, when this checkout's extract has --jobs.
Target: 2 workers >= 1.8x the documents/second of 1 on a 2-core machine. Beside it, the
machine's own ceiling: equal pure-CPU tasks (no cronica) in a pool of 1 and of N processes.

Usage: python benchmarks/scaling.py [--docs N] [--workers 1,2]
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
from corpus import Text  # noqa: E402

TARGET = 1.8


PARTITIONS_PER_WORKER = 12  # small partitions: the last one to finish sets the time
IN_FLIGHT = 2  # partitions a worker holds at once (`cronica batch`'s default)
WARM_DOCS = 20  # news texts (not timed ones) each worker reads before timing


def _warm(texts: list[Text]) -> None:
    """Load the pipeline and both languages' models on a worker and read `texts` with it
    (not timed): the name caches then hold the corpus's common names, as they do in a long
    run, so the timing is of the steady state, not of each worker's first documents."""
    from cronica.components.nlp import load_nlp
    from cronica.pipeline import Pipeline

    Pipeline()
    for lang in ("es", "en"):
        load_nlp(lang)
    extract_partition(texts)


def extract_partition(texts: list[Text]) -> list[int]:
    """Events per document of one partition, on a worker."""
    from cronica.pipeline import Pipeline

    pipeline = Pipeline()  # the gazetteer, models and rulers are cached per process
    return [len(pipeline.extract(t.document()))
            for t in texts]


def timed_partition(texts: list[Text]) -> tuple[int, float, float]:
    """(worker process, wall s, CPU s) of one partition, on a worker."""
    wall, cpu = time.perf_counter(), time.process_time()
    extract_partition(texts)
    return os.getpid(), time.perf_counter() - wall, time.process_time() - cpu


def balanced(texts: list[Text], parts: int) -> list[list[Text]]:
    """`parts` partitions of about equal characters (the longest text first, each to the
    partition with the fewest so far): the texts differ tenfold in length, and a worker
    left with the longest partition last keeps the other idle."""
    found: list[list[Text]] = [[] for _ in range(max(1, min(parts, len(texts))))]
    size = [0] * len(found)
    for text in sorted(texts, key=lambda t: -len(t.text)):
        at = size.index(min(size))
        found[at].append(text)
        size[at] += len(text.text)
    return found


def dask_partitions(texts: list[Text], workers: int, warm: list[Text]) -> dict[str, Any]:
    """Seconds to run every text through the pipeline on `workers` local worker processes
    (after each read `warm`), and each worker's busy wall and CPU seconds. The partitions
    are submitted by `cronica batch`'s own `completed_in_turn`: IN_FLIGHT per worker, the
    next as one finishes, so that a worker free early takes the next one (a dask.bag hands
    its partitions out at the start, and the worker left with the heavier ones sets the time)."""
    from distributed import Client, LocalCluster

    from cronica.batch.run import completed_in_turn

    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(HERE), os.environ.get("PYTHONPATH", "")) if p)
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        client.run(_warm, warm)
        parts = balanced(texts, workers * PARTITIONS_PER_WORKER)
        t0 = time.perf_counter()
        done = [future.result() for _, future in completed_in_turn(
            lambda part: (client.submit(timed_partition, part, pure=False), None),
            parts, IN_FLIGHT * workers)]
        seconds = time.perf_counter() - t0
    busy: dict[int, list[float]] = {}
    for pid, wall, cpu in done:
        busy.setdefault(pid, [0.0, 0.0])
        busy[pid][0] += wall
        busy[pid][1] += cpu
    return {"seconds": seconds, "busy": sorted(busy.values(), reverse=True)}


def batch_command(texts: list[Text], workers: int) -> float | str:
    """Seconds of `cronica batch` over the texts with `workers` workers, or why not. Its
    partitions are sized to give each worker PARTITIONS_PER_WORKER of them, as the Dask
    run has (the default, 20 documents a task, makes 3 tasks of 60 documents: 2 workers
    could not reach 2x)."""
    if importlib.util.find_spec("cronica.batch") is None:
        return "`cronica.batch` is not in this checkout (the Dask command of issue 10b)"
    size = max(1, -(-len(texts) // (PARTITIONS_PER_WORKER * max(workers, 2))))
    return _timed("batch", "--workers", workers, texts,
                  lambda tmp: ["--out", str(tmp / "out"), "--partition-size", str(size)])


def extract_command(texts: list[Text], jobs: int) -> float | str:
    """Seconds of `cronica extract --jobs N` over the texts (JSONL out), or why not."""
    return _timed("extract", "--jobs", jobs, texts,
                  lambda tmp: ["--format", "jsonl", "-o", str(tmp / "events.jsonl"),
                               "--failures", str(tmp / "failures.jsonl")])  # fmt: skip


def _timed(command: str, option: str, n: int, texts: list[Text],
           outputs: Callable[[Path], list[str]]) -> float | str:  # fmt: skip
    """Seconds of `cronica COMMAND docs.jsonl OUTPUTS OPTION n`, or why it could not run."""
    cli = [sys.executable, "-m", "cronica.cli", command]
    helptext = subprocess.run([*cli, "--help"], capture_output=True, text=True,
                              check=False).stdout
    if option not in helptext:
        return f"`cronica {command} --help` lists no {option} option"
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        inputs = tmp / "docs.jsonl"
        _jsonl(texts, inputs)
        t0 = time.perf_counter()
        done = subprocess.run([*cli, str(inputs), *outputs(tmp), option, str(n)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            return f"`cronica {command}` failed: {done.stderr[-500:]}"
        return time.perf_counter() - t0


def _jsonl(texts: list[Text], path: Path) -> None:
    path.write_text("".join(json.dumps({"id": t.id, "text": t.text, "lang": t.lang,
                                        "date": t.date.isoformat() if t.date else None})
                            + "\n" for t in texts), encoding="utf-8")


CEILING_TASKS = 8  # equal CPU tasks for the machine's own ceiling
CEILING_RUNS = 3


def _cpu_task(seed: int) -> float:
    """A fixed amount of single-threaded CPU work: matrix products and a Python loop."""
    import numpy as np

    matrix = np.random.default_rng(seed).random((300, 300))
    total = sum(float((matrix @ matrix).sum()) for _ in range(200))
    return total + sum(i * i for i in range(3_000_000))


def ceiling(workers: list[int]) -> dict[int, float]:
    """Seconds for CEILING_TASKS equal CPU tasks in a pool of each size: what any parallel
    work gets from this machine (BLAS held to one thread per process)."""
    import multiprocessing

    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"
    found: dict[int, float] = {}
    for n in workers:
        with multiprocessing.get_context("spawn").Pool(n) as pool:
            pool.map(abs, range(n))  # the processes started before timing
            for _ in range(CEILING_RUNS):  # the best of a few: load only adds to it
                t0 = time.perf_counter()
                pool.map(_cpu_task, range(CEILING_TASKS))
                found[n] = min(found.get(n, float("inf")), time.perf_counter() - t0)
    return found


def run(docs: int, workers: list[int]) -> dict[str, Any]:
    why = corpus.available()
    if why is not None:
        return {"skipped": why}
    texts = corpus.news_es(docs)
    timed = {t.id for t in texts}
    warm = [t for t in corpus.news_es(2 * docs + WARM_DOCS) if t.id not in timed][:WARM_DOCS]
    rows: list[dict[str, Any]] = []
    for n in workers:
        bag = dask_partitions(texts, n, warm)
        rows.append({"workers": n, "dask_bag_s": bag["seconds"], "busy": bag["busy"],
                     "batch": batch_command(texts, n), "extract": extract_command(texts, n)})
    base = rows[0]["dask_bag_s"]
    for row in rows:
        row["speedup"] = base / row["dask_bag_s"]
        for key in ("batch", "extract"):
            if isinstance(row[key], float) and isinstance(rows[0][key], float):
                row[f"{key}_speedup"] = rows[0][key] / row[key]
    return {"documents": len(texts), "warm": len(warm), "rows": rows, "cpus": os.cpu_count(),
            "ceiling": ceiling(workers)}


def report(result: dict[str, Any]) -> list[str]:
    lines = ["## Scaling with Dask workers", ""]
    if "skipped" in result:
        return lines + [f"Skipped: {result['skipped']}.", ""]
    rows = result["rows"]
    lines += [
        f"{result['documents']} Spanish news texts, {result['cpus']} CPUs; workers are "
        "processes with one thread; before timing, every worker loads the models and reads "
        f"{result['warm']} other news texts (steady state: the name caches hold the common "
        f"names); Dask partitions: {PARTITIONS_PER_WORKER} per worker, of about equal "
        f"characters, {IN_FLIGHT} per worker in flight. Busy: each worker's "
        "seconds in partitions, wall / CPU (CPU under wall: "
        "the machine's load took the core).",
        "",
        "| workers | Dask seconds | speed-up | busy per worker (wall / CPU s) "
        "| `cronica batch` | `cronica extract --jobs` |",
        "|---:|---:|---:|---|---|---|",
    ]

    def cell(r: dict[str, Any], key: str) -> str:
        if not isinstance(r[key], float):
            return "skipped"
        return f"{r[key]:.1f} s ({r.get(f'{key}_speedup', 1.0):.2f}x)"

    for r in rows:
        busy = ", ".join(f"{wall:.1f} / {cpu:.1f}" for wall, cpu in r["busy"])
        lines.append(f"| {r['workers']} | {r['dask_bag_s']:.1f} | **{r['speedup']:.2f}x** | "
                     f"{busy} | {cell(r, 'batch')} | {cell(r, 'extract')} |")
    lines.append("")
    for key in ("batch", "extract"):
        skipped = {r[key] for r in rows if not isinstance(r[key], float)}
        lines += [f"`cronica {key}` skipped: {why}." for why in sorted(skipped)]
    lines.append("`cronica extract --jobs N`: the whole command, start-up included, on the same "
                 "documents as one JSONL file (workers = N).")
    bound = result.get("ceiling") or {}
    if len(bound) > 1:
        first, last = min(bound), max(bound)
        lines += ["", f"This machine's ceiling: {CEILING_TASKS} equal CPU tasks in {first} and "
                  f"{last} processes took {bound[first]:.2f} and {bound[last]:.2f} s (best of "
                  f"{CEILING_RUNS}): "
                  f"**{bound[first] / bound[last]:.2f}x** (no cronica in it)."]
    if len(rows) > 1:
        best = rows[-1]["speedup"]
        verdict = "meets" if best >= TARGET else "misses"
        lines += ["", f"Target: {rows[-1]['workers']} workers >= {TARGET}x of 1 "
                  f"(Dask: {verdict})."]
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--workers", default="1,2")
    args = parser.parse_args()
    print("\n".join(report(run(args.docs, [int(w) for w in args.workers.split(",")]))))


if __name__ == "__main__":
    main()
