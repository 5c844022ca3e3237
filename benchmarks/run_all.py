"""Run every benchmark and write benchmarks/results.md (`make bench`).

Sizes are options so a quick or CI run can use fewer documents (--quick). Each figure is
one run on whatever machine runs it: on a shared machine they move with its load, which the
report records. Benchmarks that need the corpus (../shared/eval or $CRONICA_BENCH_DATA) or
a command this checkout lacks skip with the reason; none is a unit test.

Usage: python benchmarks/run_all.py [--quick] [--out benchmarks/results.md] [--only NAME,...]
                                   [--set KEY=N ...]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
import traceback
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import extract_speed  # noqa: E402
import memory  # noqa: E402
import scaling  # noqa: E402
import startup  # noqa: E402
import store_pipeline_load as store_load  # noqa: E402

FULL = {"docs": 100, "wiki": 10, "profile_docs": 30, "sizes": [1000, 10000],
        "scale_docs": 60, "workers": [1, 2], "store_docs": 20000}
QUICK = {"docs": 20, "wiki": 2, "profile_docs": 10, "sizes": [50, 200],
         "scale_docs": 16, "workers": [1, 2], "store_docs": 200}


def _benchmarks(size: dict) -> dict[str, Callable[[], list[str]]]:
    return {
        "startup": lambda: startup.report(startup.run()),
        "speed": lambda: extract_speed.report(extract_speed.run(
            size["docs"], size["wiki"], size["profile_docs"])),
        "memory": lambda: memory.report(memory.run(size["sizes"])),
        "scaling": lambda: scaling.report(scaling.run(size["scale_docs"], size["workers"])),
        "store": lambda: store_load.report(store_load.run(size["store_docs"])),
    }


def _machine() -> str:
    import spacy

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") \
        else "n/a"
    return (f"{platform.platform()}, {os.cpu_count()} CPUs, Python "
            f"{platform.python_version()}, spaCy {spacy.__version__}; load average at start "
            f"{load}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes (CI, smoke test)")
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    parser.add_argument("--only", default="", help="comma-separated: " +
                        ", ".join(_benchmarks(FULL)))
    parser.add_argument("--set", action="append", default=[], metavar="KEY=N[,N]",
                        help=f"override a size ({', '.join(FULL)}), e.g. --set sizes=100,400")
    args = parser.parse_args()
    size = dict(QUICK if args.quick else FULL)
    for item in args.set:
        key, _, value = item.partition("=")
        if key not in FULL or not value:
            parser.error(f"--set {item}: expected one of {', '.join(FULL)} = number(s)")
        numbers = [int(v) for v in value.split(",")]
        size[key] = numbers if isinstance(FULL[key], list) else numbers[0]
    chosen = _benchmarks(size)
    if args.only:
        wanted = args.only.split(",")
        unknown = [w for w in wanted if w not in chosen]
        if unknown:
            parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
        chosen = {k: v for k, v in chosen.items() if k in wanted}
    started = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = ["# cronica benchmarks", "",
             f"Run {started} ({'quick' if args.quick else 'full'} sizes"
             f"{', overridden' if args.set else ''}: {size}) on "
             f"{_machine()}. One run per figure: on a shared machine they vary with its load.",
             ""]
    if any(size[key] < FULL[key] for key in FULL):
        lines += ["Smaller than the full sizes: this run shows that every benchmark works; its "
                  "figures are not the targets' (the Dask split of a few documents, for one, "
                  "is mostly start-up). `make bench` measures the targets.", ""]
    for name, bench in chosen.items():
        print(f"running {name} ...", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            section = bench()
        except Exception:  # one failed benchmark must not hide the others' figures
            section = [f"## {name}", "", "Failed:", "", "```", traceback.format_exc(), "```",
                       ""]
        section.append(f"_{name}: {time.perf_counter() - t0:.0f} s to measure._")
        lines += [*section, ""]
        print("\n".join(section), flush=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
