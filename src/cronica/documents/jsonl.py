"""JSONL reader: one JSON object per line, each an independent document.

Fields: ``text`` (or the chosen text column), optional ``id``, ``date``, ``lang``, ``url``,
``source``, ``title``. A bad line yields an InputError with its line number; the other
lines go on. Blank lines are skipped. Default id: ``"<path>#<line>"``.

JSON can escape a lone UTF-16 surrogate (``"\\udfff"``), which no UTF-8 text holds: each
one is replaced by U+FFFD (a warning names the line), so the record is read, not lost.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import Any

from cronica.documents.fields import ReadOptions, document_from_record
from cronica.documents.registry import FunctionReader
from cronica.record import Document, InputError

log = logging.getLogger(__name__)

_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def scrub(value: Any) -> tuple[Any, int]:
    """`value` (a JSON value) with every lone surrogate replaced by U+FFFD; and how many."""
    if isinstance(value, str):
        return _SURROGATE.subn(REPLACEMENT, value)
    if isinstance(value, dict):
        items = [(scrub(k), scrub(v)) for k, v in value.items()]
        return {k: v for (k, _), (v, _) in items}, sum(a + b for (_, a), (_, b) in items)
    if isinstance(value, list):
        parts = [scrub(v) for v in value]
        return [v for v, _ in parts], sum(n for _, n in parts)
    return value, 0


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
        except RecursionError:
            yield InputError(name, "malformed JSON: nested too deeply", number)
            continue
        if not isinstance(record, dict):
            kind = type(record).__name__
            yield InputError(name, f"expected a JSON object, got {kind}", number)
            continue
        try:
            record, replaced = scrub(record)
        except RecursionError:
            yield InputError(name, "malformed JSON: nested too deeply", number)
            continue
        if replaced:
            log.warning("%s:%d: %d lone surrogate(s) (\\u escapes that are no character) "
                        "replaced by U+FFFD", name, number, replaced)  # fmt: skip
        yield document_from_record(
            record,
            source=name,
            line=number,
            default_id=f"{name}#{number}",
            options=options,
            path=path,
        )


READER = FunctionReader("jsonl", (".jsonl", ".ndjson"), read_jsonl)
