"""Exporters: one module per format, each declaring an EXPORTER found through the registry
(export/registry.py, entry-point group ``cronica.exporters``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cronica.export.acled_csv import write_acled_csv
from cronica.export.geojson import write_geojson
from cronica.export.jsonl import read_jsonl_events, write_jsonl
from cronica.export.parquet import write_parquet
from cronica.export.registry import (
    Exporter,
    FunctionExporter,
    exporter,
    exporters,
    names,
    register,
    unregister,
)
from cronica.record import Event


def export(events: Iterable[Event], fmt: str, path: Any) -> int:
    """Write `events` to `path` (a path or stream) in format `fmt` (a registered name).

    Returns the number of events written; ValueError for an unknown format.
    """
    return exporter(fmt).write(events, path)


__all__ = [
    "Exporter",
    "FunctionExporter",
    "export",
    "exporter",
    "exporters",
    "names",
    "read_jsonl_events",
    "register",
    "unregister",
    "write_acled_csv",
    "write_geojson",
    "write_jsonl",
    "write_parquet",
]
