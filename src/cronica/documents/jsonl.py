"""JSONL reader: one JSON object per line, each an independent document.

Fields: ``text`` (or the chosen text column), optional ``id``, ``date``, ``lang``, ``url``,
``source``, ``title``. A bad line yields an InputError with its line number; the other
lines go on. Blank lines are skipped. Default id: ``"<path>#<line>"``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from cronica.documents.fields import ReadOptions, document_from_record
from cronica.documents.registry import FunctionReader
from cronica.record import Document, InputError


def read_jsonl(text: str, name: str, path: str | None, options: ReadOptions) -> Iterator[
    Document | InputError
]:
    """Yield a Document or an InputError for each non-blank line of `text`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(name, f"malformed JSON: {err.msg} (column {err.colno})", number)
            continue
        if not isinstance(record, dict):
            kind = type(record).__name__
            yield InputError(name, f"expected a JSON object, got {kind}", number)
            continue
        yield document_from_record(
            record,
            source=name,
            line=number,
            default_id=f"{name}#{number}",
            options=options,
            path=path,
        )


READER = FunctionReader("jsonl", (".jsonl", ".ndjson"), read_jsonl)
