"""Read documents from a path in one of the registered input formats (documents/registry.py:
text, html, jsonl, csv built in; a package adds one through the ``cronica.readers`` group).

Readers yield, never raise, InputErrors: a bad record is reported and the rest of the file
goes on; a whole-file problem (missing, empty, binary, not UTF-8, too large) is one
InputError naming the file. ``-`` reads stdin, named ``<stdin>``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from cronica.documents import registry
from cronica.documents.fields import ReadOptions
from cronica.documents.raw import DEFAULT_MAX_BYTES, STDIN, read_text, source_name
from cronica.documents.registry import FunctionReader
from cronica.documents.sniff import sniff
from cronica.record import Document, InputError

AUTO = "auto"  # choose the reader by file extension, else by content (documents/sniff.py)


def read_html(text: str, name: str, path: str | None, options: ReadOptions) -> Iterator[
    Document | InputError
]:
    """HTML reading lives in webpage.py, imported on the first page read: trafilatura takes
    half a second to import, which a run over plain text must not pay."""
    from cronica.documents.webpage import read_html as read_page

    return read_page(text, name, path, options)


HTML = FunctionReader("html", (".html", ".htm", ".xhtml"), read_html)


def formats() -> tuple[str, ...]:
    """The values `read_path` takes: every registered reader, then "auto"."""
    return (*registry.names(), AUTO)


def format_for(path: str, text: str | None = None) -> str:
    """The input format `auto` picks: the reader claiming the file extension, else (stdin, no
    or an unclaimed extension, or `.txt`) one guessed from the content when `text` is given,
    else "text". An `.html` file is HTML, and so is a `.txt` or stdin that starts like HTML."""
    claimed = registry.claimed_by(path) if path != STDIN else None
    if claimed is not None and claimed != registry.DEFAULT:
        return claimed
    return sniff(text) if text is not None else registry.DEFAULT


def read_path(
    path: str,
    input_format: str = AUTO,
    text_column: str = "text",
    default_date: date | None = None,
    default_lang: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | InputError]:
    """Yield the Documents in `path` (``-`` = stdin), and an InputError for each bad one.

    `input_format` is a registered reader's name (it overrides any guess) or "auto" (by
    extension, then content: `format_for`). `default_date` and `default_lang` fill records
    that lack them. Inputs over `max_bytes` are refused.
    """
    name = source_name(path)
    if input_format != AUTO and registry.reader(input_format) is None:
        yield InputError(name, f"unknown input format {input_format!r}; use one of {formats()}")
        return
    options = ReadOptions(text_column, default_date, default_lang, max_bytes)
    try:
        text = read_text(path, max_bytes)
    except InputError as err:
        yield err
        return
    fmt = format_for(path, text) if input_format == AUTO else input_format
    reader = registry.reader(fmt)
    if reader is None:  # a format guessed by content that no reader is registered for
        yield InputError(name, f"no reader for format {fmt!r}; use one of {formats()}")
        return
    yield from reader.read(text, name, None if path == STDIN else path, options)


def read_inputs(
    paths: Iterable[str],
    input_format: str = AUTO,
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
