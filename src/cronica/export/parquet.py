"""Parquet: typed flat event columns (dates as date32, counts as integers), the figures,
claims, actors and citations as nested lists and structs, and `record` (the full event as a
JSON string). The schema is written down in the README ("Parquet export")."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from functools import cache
from typing import IO, TYPE_CHECKING, Any

from cronica.export.flat import FLAT_COLUMNS, flat_row
from cronica.export.jsonl import event_record
from cronica.export.registry import FunctionExporter
from cronica.export.units import unit_of
from cronica.record import Event, parse_iso_date

if TYPE_CHECKING:  # pyarrow is imported when a Parquet file is written, not at start-up
    import pyarrow as pa


@cache
def schema() -> pa.Schema:
    """The table's schema: flat columns typed, the figures and claims nested, `record`."""
    import pyarrow as pa

    types = {
        "sentence_index": pa.int32(),
        "date": pa.date32(),
        "lat": pa.float64(),
        "lon": pa.float64(),
        "geo_precision": pa.int8(),
        "fatalities_low": pa.int64(),
        "fatalities_best": pa.int64(),
        "fatalities_high": pa.int64(),
        "disputed": pa.bool_(),
        "confidence": pa.float64(),
        "citations": pa.list_(pa.string()),
    }
    quantity = pa.struct([
        ("kind", pa.string()), ("value", pa.int64()), ("approx", pa.bool_()),
        ("low", pa.int64()), ("high", pa.int64()), ("unit", pa.string()), ("text", pa.string()),
        ("source", pa.string()),
    ])  # fmt: skip
    claim = pa.struct([
        ("source", pa.string()), ("source_type", pa.string()), ("stance", pa.string()),
        ("document", pa.string()), ("sentence_index", pa.int32()),
    ])  # fmt: skip
    nested = [
        pa.field("quantities", pa.list_(quantity)),
        pa.field("claims", pa.list_(claim)),
    ]

    return pa.schema(
        [pa.field(name, types.get(name, pa.string())) for name in FLAT_COLUMNS]
        + nested
        + [pa.field("record", pa.string(), nullable=False)]
    )


def _row(event: Event) -> dict[str, Any]:
    row = flat_row(event)
    day = None
    if event.date:
        try:
            day = parse_iso_date(event.date)  # a partial date: its first day (see precision)
        except ValueError:
            day = None
    row["date"] = day
    row["citations"] = list(event.evidence.citations)
    sentence = event.evidence.sentence
    row["quantities"] = [
        {"kind": q.kind, "value": q.value, "approx": q.approx, "low": q.low, "high": q.high,
         "unit": unit_of(q, sentence) or "persons", "text": q.text, "source": q.source}
        for q in event.quantities
    ]
    row["claims"] = [
        {"source": c.source, "source_type": c.source_type, "stance": c.stance,
         "document": c.document, "sentence_index": c.sentence}
        for c in event.claims
    ]
    row["record"] = json.dumps(event_record(event), ensure_ascii=False)
    return row


def events_table(events: Iterable[Event]) -> pa.Table:
    """A pyarrow Table (schema `schema()`) of the events."""
    import pyarrow as pa

    table_schema = schema()
    columns: dict[str, list[Any]] = {name: [] for name in table_schema.names}
    for event in events:
        row = _row(event)
        for name in table_schema.names:
            columns[name].append(row[name])
    return pa.Table.from_pydict(columns, schema=table_schema)


def write_parquet(
    events: Iterable[Event], path_or_stream: str | os.PathLike[str] | IO[bytes]
) -> int:
    """Write the events to a Parquet file (path or binary stream); returns the number written."""
    import pyarrow.parquet as pq

    table = events_table(events)
    pq.write_table(table, path_or_stream)
    return table.num_rows


EXPORTER = FunctionExporter("parquet", ".parquet", write_parquet, binary=True)
