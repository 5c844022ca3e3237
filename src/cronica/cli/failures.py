"""The failures file: one JSON line per input that failed, so a long run can be checked and
the failed inputs re-run. Records are appended (a file gathers several runs); the file is
created only when something fails."""

from __future__ import annotations

import json
import logging
import traceback
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from cronica.record import InputError

log = logging.getLogger("cronica")

DEFAULT_FAILURES = Path("cronica-failures.jsonl")
PACKAGE = "cronica"


@dataclass
class Failure:
    """One input that failed: what, where in the run, and why."""

    input: str  # the document id, or the path when the whole input failed
    stage: str  # read, analyse, explain, store ...
    error: str  # the exception's class name
    message: str
    line: int | None = None  # the input's line (records of JSONL/CSV), when known
    where: str | None = None  # the innermost cronica frame: module.function:line
    command: str = ""
    time: str = ""

    def describe(self) -> str:
        """One log line: the input (and line), the error, then the stage."""
        at = f"{self.input}:{self.line}" if self.line is not None else self.input
        error = "" if self.error == "InputError" else f"{self.error}: "
        place = f", in {self.where}" if self.where else ""
        return f"{at}: {error}{self.message} [{self.stage}{place}]"


def failure_of(exc: BaseException, name: str, stage: str, command: str) -> Failure:
    """The Failure record of `exc` raised while `stage` worked on input `name`."""
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    if isinstance(exc, InputError):
        message = str(exc)
        prefix = f"{exc.source}:{exc.line}: " if exc.line is not None else f"{exc.source}: "
        message = message.removeprefix(prefix)
        return Failure(exc.source, stage, "InputError", message, exc.line, None, command, stamp)
    return Failure(
        name, stage, type(exc).__name__, str(exc) or repr(exc), None, _where(exc), command, stamp
    )


def _where(exc: BaseException) -> str | None:
    """The innermost frame of cronica's own code in `exc`'s traceback."""
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        parts = Path(frame.filename).parts
        if PACKAGE in parts:
            module = ".".join(parts[parts.index(PACKAGE) :]).removesuffix(".py")
            found = f"{module}.{frame.name}:{frame.lineno}"
    return found


class FailureLog:
    """Appends Failures to a JSONL file (opened per record, so a crash keeps what was written)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.count = 0

    def add(self, failure: Failure) -> None:
        self.count += 1
        if self.path is None:
            return
        try:
            with open(self.path, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(asdict(failure), ensure_ascii=False) + "\n")
        except OSError as exc:
            log.warning("cannot write the failures file %s: %s", self.path, exc.strerror or exc)
