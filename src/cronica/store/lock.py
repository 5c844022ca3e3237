"""Opening a DuckDB file that another process may hold.

DuckDB lets one process write a file (and no other process read it meanwhile). A second
process gets a lock error; here it becomes `StoreBusy`, a clear "store is busy" after an
optional bounded wait, instead of DuckDB's IO error.
"""

from __future__ import annotations

import re
import time

import duckdb

from cronica.record import InputError

POLL_SECONDS = 0.25
_LOCK = re.compile(r"conflicting lock|set lock", re.IGNORECASE)
_PID = re.compile(r"\(PID (\d+)\)")


class StoreBusy(InputError):
    """Another process holds the store."""


def is_lock_error(exc: BaseException) -> bool:
    """Whether DuckDB refused the file because another process holds its lock."""
    return isinstance(exc, duckdb.Error) and bool(_LOCK.search(str(exc)))


def connect(path: str, *, read_only: bool = False, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """A connection to `path`; while another process holds it, retry for up to `wait` seconds,
    then raise StoreBusy. Other failures to open are an InputError naming the file."""
    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            if not is_lock_error(exc):
                raise InputError(path, f"cannot open DuckDB store: {exc}") from exc
            if time.monotonic() >= deadline:
                pid = _PID.search(str(exc))
                holder = f"process {pid.group(1)}" if pid else "another process"
                waited = f" after waiting {wait:g}s" if wait > 0 else ""
                raise StoreBusy(
                    path,
                    f"store is busy (held by {holder}){waited}; try again when it is done, "
                    "or give --wait SECONDS",
                ) from None
            time.sleep(min(POLL_SECONDS, max(deadline - time.monotonic(), 0.01)))
