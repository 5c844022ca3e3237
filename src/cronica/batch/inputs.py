"""A batch's inputs: files, folders and glob patterns, read lazily into Documents.

Text, HTML, JSONL and CSV go through the registered readers (documents/readers.py); a
``.parquet`` file is streamed a row group at a time, each row a record like a JSONL line
(the text column, optional id, date, lang, url, source, title).
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from cronica.documents.fields import ReadOptions, document_from_record
from cronica.documents.readers import read_path
from cronica.record import Document, InputError

PARQUET = (".parquet", ".parq")
_GLOB_CHARS = set("*?[")


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Each path as given; a folder's files (recursively, sorted) or a pattern's matches."""
    for path in paths:
        if path == "-" or Path(path).is_file():
            yield path
        elif Path(path).is_dir():
            yield from sorted(str(p) for p in Path(path).rglob("*") if p.is_file())
        elif _GLOB_CHARS & set(path):
            matches = sorted(glob.glob(path, recursive=True))
            yield from matches or [path]  # no match: read_path names the missing input
        else:
            yield path


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def read_parquet(path: str, options: ReadOptions) -> Iterator[Document | InputError]:
    """The rows of a Parquet file as Documents (an InputError per bad row or bad file)."""
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
        if options.text_column not in table.schema_arrow.names:
            yield InputError(path, f"no column {options.text_column!r}")
            return
        number = 0
        for batch in table.iter_batches(batch_size=256):
            for record in batch.to_pylist():
                number += 1
                yield document_from_record(
                    {k: _plain(v) for k, v in record.items()},
                    source=path,
                    line=number,
                    default_id=f"{path}#{number}",
                    options=options,
                    path=path,
                )
    except (OSError, ValueError) as exc:  # missing, not Parquet, corrupt
        yield InputError(path, f"cannot read Parquet: {exc}")


def read_batch_inputs(
    paths: Iterable[str],
    input_format: str = "auto",
    text_column: str = "text",
    default_date: date | None = None,
    default_lang: str | None = None,
) -> Iterator[Document | InputError]:
    """Every document of every input, lazily, in order."""
    options = ReadOptions(text_column, default_date, default_lang)
    for path in expand(paths):
        if input_format in ("auto", "parquet") and path.lower().endswith(PARQUET):
            yield from read_parquet(path, options)
        else:
            yield from read_path(path, input_format, text_column, default_date, default_lang)
