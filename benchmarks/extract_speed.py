"""Words per second of `cronica extract` versus spaCy alone, on the same text, in one run.

Usage: python benchmarks/extract_speed.py [FILE] [--repeat N]
Default text: ../shared/examples/alepo-2016-es.txt when present, else the bundled example.
Reports the ratio (cronica / spaCy) — absolute figures vary by machine.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULTS = [
    ROOT.parent / "shared" / "examples" / "alepo-2016-es.txt",
    ROOT / "examples" / "informe-idlib-es.txt",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    path = args.file or next(p for p in DEFAULTS if p.exists())
    text = path.read_text(encoding="utf-8")
    words = len(text.split())

    from cronica.components.nlp import load_model, load_nlp
    from cronica.documents.normalise import normalise
    from cronica.pipeline import Pipeline
    from cronica.record import Document

    t0 = time.perf_counter()
    plain = load_model("es")
    spacy_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    pipeline = Pipeline()
    load_nlp("es")  # load both before timing
    cronica_load = time.perf_counter() - t0
    clean = normalise(text).clean
    lines = [line for line in clean.split("\n") if line.strip()]
    list(plain.pipe(lines))
    pipeline.extract(Document(id=str(path), text=text, lang="es"))

    def spacy_alone() -> None:
        list(plain.pipe(lines))

    def cronica() -> None:
        # Cold name caches on every run: memoised look-ups must not flatter repeated text.
        pipeline.gazetteer._memo.clear()
        pipeline.actors._memo.clear()
        pipeline.extract(Document(id=str(path), text=text, lang="es"))

    timings = {}
    for name, fn in (("spaCy alone", spacy_alone), ("cronica extract", cronica)):
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t0)
        timings[name] = best
    tracemalloc.start()
    cronica()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"text: {path.name}, {words} words, best of {args.repeat}")
    for name, secs in timings.items():
        print(f"  {name:16s} {words / secs:10.0f} words/s  ({secs * 1000:.1f} ms)")
    ratio = timings["spaCy alone"] / timings["cronica extract"]
    print(f"  cronica runs at {ratio:.2f}x the speed of spaCy alone")
    print(f"  peak Python allocations during one cronica extract: {peak / 1e6:.1f} MB")
    print(f"  start-up: spaCy model {spacy_load:.1f} s; cronica (gazetteer, dictionaries, "
          f"rulers) {cronica_load:.1f} s, once per process")


if __name__ == "__main__":
    main()
