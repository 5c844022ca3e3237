"""Exporters: one module per format, each `write_X(events, path_or_stream) -> int`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from cronica.export.acled_csv import write_acled_csv
from cronica.export.geojson import write_geojson
from cronica.export.jsonl import read_jsonl_events, write_jsonl
from cronica.export.parquet import write_parquet
from cronica.record import Event

Writer = Callable[[Iterable[Event], Any], int]

FORMATS: dict[str, Writer] = {
    "jsonl": write_jsonl,
    "acled-csv": write_acled_csv,
    "csv": write_acled_csv,
    "geojson": write_geojson,
    "parquet": write_parquet,
}


def export(events: Iterable[Event], fmt: str, path: Any) -> int:
    """Write `events` to `path` (a path or stream) in format `fmt` (a FORMATS key).

    Returns the number of events written; ValueError for an unknown format.
    """
    writer = FORMATS.get(fmt.lower())
    if writer is None:
        raise ValueError(f"unknown export format {fmt!r}; one of: {', '.join(FORMATS)}")
    return writer(events, path)


__all__ = [
    "FORMATS",
    "export",
    "read_jsonl_events",
    "write_acled_csv",
    "write_geojson",
    "write_jsonl",
    "write_parquet",
]
