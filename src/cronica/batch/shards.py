"""A batch's output folder: one Parquet shard per partition and table, written atomically.

    OUT/parts/<partition>/documents.parquet, sentences.parquet, events.parquet,
                          claims.parquet, mentions.parquet   (mentions: the evidence rows)
    OUT/failures.jsonl                                        (the last run's failures)

A partition is written into ``<partition>.tmp-<random>`` and renamed in one step, so a
partition folder is either complete or absent; a killed run leaves only temporary folders,
removed by the next run. Columns are those of the store's tables (store/rows.py).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from cronica.store.rows import COLUMNS

PARTS = "parts"
FAILURES = "failures.jsonl"
TABLES = {  # shard file -> store table
    "documents": "documents",
    "sentences": "sentences",
    "events": "events",
    "claims": "claims",
    "mentions": "evidence",
}

_STR, _INT, _F, _DATE, _BOOL = pa.string(), pa.int64(), pa.float64(), pa.date32(), pa.bool_()
_TYPES: dict[str, pa.DataType] = {
    "sentence_index": _INT, "start_char": _INT, "end_char": _INT, "claim_index": _INT,
    "span_start": _INT, "span_end": _INT, "trigger_start": _INT, "trigger_end": _INT,
    "fatalities_best": _INT, "lat": _F, "lon": _F, "confidence": _F, "disputed": _BOOL,
    "date": _DATE, "date_start": _DATE, "date_end": _DATE, "citations": pa.list_(_STR),
}  # fmt: skip


def schema(table: str) -> pa.Schema:
    """The Arrow schema of a store table's shard (strings unless typed above)."""
    return pa.schema([(c, _TYPES.get(c, _STR)) for c in COLUMNS[table]])


def parts_dir(out: Path) -> Path:
    return Path(out) / PARTS


def write_partition(out: Path, name: str, rows: dict[str, list[list[Any]]]) -> Path:
    """Write one partition's rows (shard name -> rows in store column order) atomically."""
    final = parts_dir(out) / name
    tmp = parts_dir(out) / f"{name}.tmp-{uuid.uuid4().hex[:8]}"
    tmp.mkdir(parents=True)
    try:
        for shard, table in TABLES.items():
            sch = schema(table)
            data = rows.get(shard, [])
            columns = {c: [r[i] for r in data] for i, c in enumerate(sch.names)}
            pq.write_table(pa.Table.from_pydict(columns, schema=sch), tmp / f"{shard}.parquet")
        if final.exists():  # the same documents written by a run that was thought lost
            shutil.rmtree(tmp)
            return final
        os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def partitions(out: Path) -> list[Path]:
    """The finished partitions of a batch folder, in name order."""
    folder = parts_dir(out)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir() and ".tmp-" not in p.name)


def remove_unfinished(out: Path) -> int:
    """Remove temporary folders a killed run left; returns how many."""
    folder = parts_dir(out)
    found = [p for p in folder.iterdir() if ".tmp-" in p.name] if folder.is_dir() else []
    for p in found:
        shutil.rmtree(p, ignore_errors=True)
    return len(found)


def done_hashes(out: Path) -> Iterator[str]:
    """Content hashes of the documents in finished partitions."""
    for part in partitions(out):
        column = pq.read_table(part / "documents.parquet", columns=["content_hash"])
        yield from column.column(0).to_pylist()


def read_partition(part: Path) -> dict[str, list[dict[str, Any]]]:
    """A finished partition's rows, as dicts, by store table name."""
    return {
        table: pq.read_table(part / f"{shard}.parquet").to_pylist()
        for shard, table in TABLES.items()
    }
