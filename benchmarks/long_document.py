"""Peak memory and time of `cronica extract` on one long document, at several sizes.

Usage: python benchmarks/long_document.py [--line | --repeat FILE] [SIZE_KB ...]
(default sizes: 250 1000)

The document is, by default, distinct short Spanish reports (tests/robustness/reports.py),
one paragraph each; with --line, one line of 'palabra ' repeated (no punctuation, no line
break: the parser gets it in parts); with --repeat, FILE's text repeated, one copy a
paragraph (a report that a site published over and over). Each is run through the real CLI
under /usr/bin/time -v. Prints, per size, the exit code, wall time, CPU seconds (user +
system), peak resident memory, the sections the pipeline read and the progress lines it
printed, the lines it cut, the events written and the load average before and after.
"""

from __future__ import annotations

import argparse
import os
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


def one_line(size: int) -> str:
    """A single line of `size` characters: words, no punctuation."""
    return ("palabra " * (size // 8 + 1))[:size]


def repeated(text: str, size: int) -> str:
    return "\n\n".join([text.strip()] * max(1, size // (len(text.strip()) + 2)))


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _field(pattern: str, text: str) -> str | None:
    found = re.search(pattern, text)
    return found.group(1) if found else None


def measure(name: str, text: str, folder: Path) -> str:
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    out = folder / f"{name}.jsonl"
    load = _load()
    cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "cronica.cli", "extract", str(path),
           "--lang", "es", "--date", "2016-03-30", "--format", "jsonl", "-o", str(out),
           "--failures", str(folder / "failures.jsonl")]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}  # this checkout's code
    run = subprocess.run(cmd, capture_output=True, text=True, env=env)
    err = run.stderr
    wall = _field(r"Elapsed \(wall clock\) time.*: (\S+)", err)
    user = float(_field(r"User time \(seconds\): (\S+)", err) or 0)
    system = float(_field(r"System time \(seconds\): (\S+)", err) or 0)
    peak = _field(r"Maximum resident set size \(kbytes\): (\d+)", err)
    sections = _field(r"read in (\d+) sections", err) or "1"
    progress = len(re.findall(r"section \d+/\d+ read", err))
    cut = _field(r"(\d+) line\(s\) over \d+ characters cut", err) or "0"
    events = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else 0
    path.unlink()
    return (
        f"{name} ({len(text.encode('utf-8')) / 1e6:.2f} MB): rc {run.returncode}, "
        f"wall {wall or '?'}, cpu {user + system:.1f} s, "
        f"peak {int(peak) // 1024 if peak else '?'} MB, sections {sections} "
        f"({progress} progress lines), lines cut {cut}, events {events}; "
        f"load {load} -> {_load()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--line", action="store_true", help="one line without punctuation")
    kind.add_argument("--repeat", type=Path, help="repeat this file's text")
    parser.add_argument("sizes", nargs="*", type=int, default=[250, 1000], help="KB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            if args.line:
                name, text = f"line{size}k", one_line(size * 1000)
            elif args.repeat:
                source = args.repeat.read_text(encoding="utf-8")
                name, text = f"repeat{size}k", repeated(source, size * 1000)
            else:
                name, text = f"reports{size}k", document(size * 1000)
            print(measure(name, text, Path(tmp)), flush=True)


if __name__ == "__main__":
    main()
