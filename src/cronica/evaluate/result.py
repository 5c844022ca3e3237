"""The result record every evaluation returns, and where evaluation data lives by default."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Result = dict[str, Any]


def default_data_dir() -> Path:
    """`<repo>/../shared/eval`, the repository being the one this package is checked out in."""
    repo = Path(__file__).resolve().parents[3]
    candidate = repo.parent / "shared" / "eval"
    if candidate.exists():
        return candidate
    return Path.cwd().parent / "shared" / "eval"


def skipped(name: str, reason: str) -> Result:
    """A result for an evaluation that did not run (no data, or no predictor)."""
    return {
        "name": name,
        "status": "skipped",
        "reason": reason,
        "metrics": {},
        "per_class": {},
        "worst_errors": [],
        "n": 0,
        "seconds": 0.0,
    }


def ok(
    name: str,
    metrics: dict[str, Any],
    per_class: dict[str, Any],
    worst_errors: list[dict[str, Any]],
    n: int,
    seconds: float,
    **extra: Any,
) -> Result:
    """A result for an evaluation that ran; `extra` keys (data path, sample) are kept."""
    return {
        "name": name,
        "status": "ok",
        "reason": "",
        "metrics": metrics,
        "per_class": per_class,
        "worst_errors": worst_errors,
        "n": n,
        "seconds": round(seconds, 2),
        **extra,
    }


def guarded(name: str, path: Path, body: Callable[[], Result]) -> Result:
    """Run `body` when `path` exists; a skipped result when it does not, or when the part of
    cronica it needs cannot be imported yet. Timing is filled in here."""
    if not path.exists():
        return skipped(name, f"data not found: {path}")
    start = time.perf_counter()
    try:
        result = body()
    except ImportError as err:
        return skipped(name, f"predictor unavailable: {err}")
    if result.get("status") == "ok":
        result["seconds"] = round(time.perf_counter() - start, 2)
    return result
