"""Peak memory of the per-document pipeline as the corpus grows: N documents streamed one at
a time through `Pipeline.extract` (events counted, not kept), each size in a fresh process;
peak resident set size (ru_maxrss) at the end.

The documents repeat the corpus texts (Spanish news and English Wikipedia, cycled), so name
caches meet few new names after the first pass; a real corpus of distinct texts fills them
further, up to their bounds (cronica.memo). Target: the largest size within 20% of the
smallest.

Usage: python benchmarks/memory.py [--sizes 1000,10000] [--news 60] [--wiki 6]
(--news 0 takes every Spanish news text; --wiki 0 takes none of the articles.)
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

TARGET = 1.2


def texts_for(news: int, wiki: int) -> list[corpus.Text]:
    """The texts to cycle: `news` Spanish news texts (0: all of them), `wiki` articles."""
    return corpus.news_es(news or None) + (corpus.wikipedia_en(wiki) if wiki else [])


def child(count: int, news: int, wiki: int) -> dict[str, Any]:
    """In this process: stream `count` documents, then report peak memory."""
    from cronica.pipeline import Pipeline

    texts = texts_for(news, wiki)
    pipeline = Pipeline()
    events, t0 = 0, time.perf_counter()
    for text in corpus.repeated(texts, count):
        doc = text.document()
        events += len(pipeline.extract(doc))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"documents": count, "events": events, "seconds": time.perf_counter() - t0,
            "peak_mb": peak_kb / 1024, "texts": len(texts)}


def run(sizes: list[int], news: int = 60, wiki: int = 6) -> dict[str, Any]:
    why = corpus.available()
    if why is not None:
        return {"skipped": why}
    rows = []
    for size in sizes:
        done = subprocess.run([sys.executable, __file__, "--child", str(size),
                               "--news", str(news), "--wiki", str(wiki)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"memory run of {size} documents failed: {done.stderr[-2000:]}")
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {"rows": rows, "growth": rows[-1]["peak_mb"] / rows[0]["peak_mb"], "news": news,
            "wiki": wiki}


def _texts_said(result: dict[str, Any]) -> str:
    texts = result["rows"][0].get("texts", 0)
    wiki = result.get("wiki", 6)
    return (f"{texts - wiki:,} Spanish news texts and {wiki} English Wikipedia articles"
            if wiki else f"{texts:,} distinct Spanish news texts")


def report(result: dict[str, Any]) -> list[str]:
    lines = ["## Peak memory as the corpus grows", ""]
    if "skipped" in result:
        return lines + [f"Skipped: {result['skipped']}.", ""]
    verdict = "meets" if result["growth"] <= TARGET else "misses"
    lines += [
        "Documents streamed through `Pipeline.extract` in a fresh process per size; they "
        f"cycle through {_texts_said(result)} (so name caches see few new names after the "
        "first pass).",
        "",
        "| documents | events | seconds | peak RSS (MB) |",
        "|---:|---:|---:|---:|",
        *(f"| {r['documents']:,} | {r['events']:,} | {r['seconds']:.0f} | {r['peak_mb']:.0f} |"
          for r in result["rows"]),
        "",
        f"Largest / smallest: **{result['growth']:.2f}** (target <= {TARGET}: {verdict}).",
        "",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--news", type=int, default=60, help="Spanish news texts (0: all)")
    parser.add_argument("--wiki", type=int, default=6, help="English Wikipedia articles")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.news, args.wiki)))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    print("\n".join(report(run(sizes, args.news, args.wiki))))


if __name__ == "__main__":
    main()
