"""Peak memory and time of `cronica extract` on one long document, at several sizes.

Usage: python benchmarks/long_document.py [SIZE_KB ...]   (default: 250 1000)
Each document is made of distinct short Spanish reports (tests/robustness/reports.py), one
paragraph each; it is run through the real CLI under /usr/bin/time -v. Prints, per size,
the wall time, the peak resident memory and the sections the pipeline read.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.robustness.reports import report_es  # noqa: E402


def document(size: int) -> str:
    parts, total, i = [], 0, 0
    while total < size:
        parts.append(report_es(i))
        total += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)


def measure(size_kb: int, folder: Path) -> str:
    path = folder / f"doc{size_kb}k.txt"
    path.write_text(document(size_kb * 1000), encoding="utf-8")
    out = folder / f"out{size_kb}k.jsonl"
    cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "cronica.cli", "extract", str(path),
           "--lang", "es", "--date", "2016-03-30", "--format", "jsonl", "-o", str(out)]  # fmt: skip
    run = subprocess.run(cmd, capture_output=True, text=True)
    wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", run.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
    sections = re.search(r"read in (\d+) sections", run.stderr)
    events = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else 0
    return (
        f"{size_kb} KB: rc {run.returncode}, wall {wall.group(1) if wall else '?'}, "
        f"peak {int(peak.group(1)) // 1024 if peak else '?'} MB, "
        f"sections {sections.group(1) if sections else 1}, events {events}"
    )


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [250, 1000]
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            print(measure(size, Path(tmp)), flush=True)


if __name__ == "__main__":
    main()
