"""Real `cronica` processes to watch and kill, and polling helpers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time


def cronica_process(*args: object, **popen) -> subprocess.Popen:
    """A real `python -m cronica.cli ARGS` process, started and left running, with Ctrl-C
    (SIGINT) as a terminal gives it. A test run started in the background by a shell ignores
    SIGINT, and a child inherits an ignored signal (Python then never raises
    KeyboardInterrupt in it); a handled one is reset to the default at `exec`."""
    env = dict(os.environ)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    ignored = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    if ignored:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "cronica.cli", *(str(a) for a in args)],
            env=env,
            text=True,
            encoding="utf-8",
            errors="replace",
            **popen,
        )
    finally:
        if ignored:
            signal.signal(signal.SIGINT, signal.SIG_IGN)


def wait_for(check, timeout: float = 300, every: float = 0.1, what: str = "a condition"):
    """Poll `check()` until it returns something true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {what}")


def stored_lines(lines: list[str]) -> int:
    """How many "…: stored, N events" log lines an ingest printed."""
    return sum(1 for line in lines if ": stored, " in line)


class StderrReader:
    """Collect a process's stderr lines in the background (so that it never blocks)."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(proc,), daemon=True)
        self._thread.start()

    def _read(self, proc: subprocess.Popen) -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            self.lines.append(line)

    def text(self) -> str:
        self._thread.join(timeout=10)
        return "".join(self.lines)
