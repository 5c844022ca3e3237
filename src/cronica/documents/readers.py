"""Read documents from a path in one of the input formats (text, html, jsonl, csv).

Readers yield, never raise, InputErrors: a bad record is reported and the rest of the file
goes on; a whole-file problem (missing, empty, binary, not UTF-8, too large) is one
InputError naming the file. ``-`` reads stdin, named ``<stdin>``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from cronica.documents.fields import ReadOptions
from cronica.documents.jsonl import read_jsonl
from cronica.documents.plain import read_plain
from cronica.documents.raw import DEFAULT_MAX_BYTES, STDIN, read_text, source_name
from cronica.documents.table import read_csv
from cronica.documents.webpage import read_html
from cronica.record import Document, InputError

Reader = Callable[[str, str, str | None, ReadOptions], Iterator[Document | InputError]]

READERS: dict[str, Reader] = {
    "text": read_plain,
    "html": read_html,
    "jsonl": read_jsonl,
    "csv": read_csv,
}
FORMATS = (*READERS, "auto")
_EXTENSIONS = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
}  # fmt: skip


def format_for(path: str) -> str:
    """Guess the input format from the file extension ("text" when unknown or stdin)."""
    return _EXTENSIONS.get(os.path.splitext(path)[1].lower(), "text")


def read_path(
    path: str,
    input_format: str = "text",
    text_column: str = "text",
    default_date: date | None = None,
    default_lang: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | InputError]:
    """Yield the Documents in `path` (``-`` = stdin), and an InputError for each bad one.

    `input_format` is text | html | jsonl | csv | auto (by extension). `default_date` and
    `default_lang` fill records that lack them. Inputs over `max_bytes` are refused.
    """
    name = source_name(path)
    fmt = format_for(path) if input_format == "auto" else input_format
    reader = READERS.get(fmt)
    if reader is None:
        yield InputError(name, f"unknown input format {input_format!r}; use one of {FORMATS}")
        return
    options = ReadOptions(text_column, default_date, default_lang, max_bytes)
    try:
        text = read_text(path, max_bytes)
    except InputError as err:
        yield err
        return
    yield from reader(text, name, None if path == STDIN else path, options)


def read_inputs(
    paths: Iterable[str],
    input_format: str = "text",
    text_column: str = "text",
    default_date: date | None = None,
    default_lang: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | InputError]:
    """`read_path` over several paths, in order."""
    for path in paths:
        yield from read_path(
            path, input_format, text_column, default_date, default_lang, max_bytes
        )
