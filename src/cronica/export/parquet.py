"""Parquet: the flat event columns plus `record` (the full event as a JSON string)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from cronica.export.flat import FLAT_COLUMNS, flat_row
from cronica.export.registry import FunctionExporter
from cronica.record import Event

_TYPES: dict[str, pa.DataType] = {
    "sentence_index": pa.int32(),
    "lat": pa.float64(),
    "lon": pa.float64(),
    "geo_precision": pa.int32(),
    "fatalities_low": pa.int64(),
    "fatalities_best": pa.int64(),
    "fatalities_high": pa.int64(),
    "disputed": pa.bool_(),
    "confidence": pa.float64(),
}

SCHEMA = pa.schema(
    [pa.field(name, _TYPES.get(name, pa.string())) for name in FLAT_COLUMNS]
    + [pa.field("record", pa.string(), nullable=False)]
)


def events_table(events: Iterable[Event]) -> pa.Table:
    """A pyarrow Table (schema SCHEMA) of the events."""
    columns: dict[str, list[Any]] = {name: [] for name in SCHEMA.names}
    for event in events:
        row = flat_row(event)
        for name in FLAT_COLUMNS:
            columns[name].append(row[name])
        columns["record"].append(json.dumps(event.to_dict(), ensure_ascii=False))
    return pa.Table.from_pydict(columns, schema=SCHEMA)


def write_parquet(
    events: Iterable[Event], path_or_stream: str | os.PathLike[str] | IO[bytes]
) -> int:
    """Write the events to a Parquet file (path or binary stream); returns the number written."""
    table = events_table(events)
    pq.write_table(table, path_or_stream)
    return table.num_rows


EXPORTER = FunctionExporter("parquet", ".parquet", write_parquet, binary=True)
