"""CSV reader (TSV for ``.tsv`` paths): one document per row, with a header row.

``options.text_column`` names the text column; optional ``id``, ``date``, ``lang``, ``url``,
``source``, ``title`` columns. Default id: ``"<path>#row<N>"`` (N counts data rows from 1).
A bad row yields an InputError with its line number; a header without the text column is
one InputError for the whole file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from cronica.documents.fields import ReadOptions, document_from_record
from cronica.documents.registry import FunctionReader
from cronica.record import Document, InputError


def read_csv(text: str, name: str, path: str | None, options: ReadOptions) -> Iterator[
    Document | InputError
]:
    """Yield a Document or an InputError for each data row of `text`."""
    delimiter = "\t" if name.lower().endswith(".tsv") else ","
    csv.field_size_limit(max(options.max_bytes, csv.field_size_limit()))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = reader.fieldnames
    except csv.Error as err:
        yield InputError(name, f"malformed CSV header: {err}", reader.line_num)
        return
    if not header or options.text_column not in header:
        columns = ", ".join(header or []) or "none"
        yield InputError(name, f"no {options.text_column!r} column (columns: {columns})", 1)
        return
    row_number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield InputError(name, f"malformed CSV: {err}", reader.line_num)
            return
        row_number += 1
        if not any(isinstance(value, str) and value.strip() for value in row.values()):
            continue
        yield document_from_record(
            row,
            source=name,
            line=reader.line_num,
            default_id=f"{name}#row{row_number}",
            options=options,
            path=path,
        )


READER = FunctionReader("csv", (".csv", ".tsv"), read_csv)
