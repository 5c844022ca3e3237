"""Plain-text reader: the whole input is one document whose id is the path as given."""

from __future__ import annotations

from collections.abc import Iterator

from cronica.documents.fields import ReadOptions, check_text
from cronica.documents.language import normalise_lang
from cronica.documents.registry import FunctionReader
from cronica.record import Document, InputError


def read_plain(text: str, name: str, path: str | None, options: ReadOptions) -> Iterator[
    Document | InputError
]:
    """Yield one Document for `text` (already decoded), or an InputError if it is blank."""
    try:
        body = check_text(text, name)
        lang = normalise_lang(options.default_lang, name) if options.default_lang else None
    except InputError as err:
        yield err
        return
    yield Document(id=name, text=body, lang=lang, date=options.default_date, path=path)


READER = FunctionReader("text", (".txt",), read_plain)
