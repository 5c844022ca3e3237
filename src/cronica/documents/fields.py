"""Shared record-to-Document logic for the structured readers (JSONL, CSV)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from cronica.documents.language import normalise_lang
from cronica.documents.raw import DEFAULT_MAX_BYTES
from cronica.record import Document, InputError


@dataclass(frozen=True)
class ReadOptions:
    """Options every reader shares."""

    text_column: str = "text"
    default_date: date | None = None
    default_lang: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


def parse_date(value: Any, source: str, line: int | None = None) -> date | None:
    """Parse YYYY-MM-DD or an ISO datetime (``Z`` allowed); None/"" is no date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise InputError(source, f"bad date {value!r}: expected a YYYY-MM-DD string", line)
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(
            source, f"bad date {value!r}: expected YYYY-MM-DD or an ISO datetime", line
        ) from None


def check_text(text: Any, source: str, line: int | None = None) -> str:
    """Return `text` if it is a non-blank string; raise InputError otherwise."""
    if text is None:
        raise InputError(source, "missing text", line)
    if not isinstance(text, str):
        raise InputError(source, f"text must be a string, not {type(text).__name__}", line)
    if not text.strip():
        raise InputError(source, "empty document", line)
    return text


def _optional_str(record: Mapping[str, Any], key: str, source: str, line: int | None) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return str(value)
    raise InputError(source, f"field {key!r} must be a string", line)


def document_from_record(
    record: Mapping[str, Any],
    *,
    source: str,
    line: int,
    default_id: str,
    options: ReadOptions,
    path: str | None,
) -> Document | InputError:
    """Build a Document from one JSON object or CSV row; an InputError when that record is bad
    (returned, so that the reader goes on with the next one)."""
    try:
        text = check_text(record.get(options.text_column), source, line)
        lang = _optional_str(record, "lang", source, line) or options.default_lang
        doc_date = parse_date(record.get("date"), source, line)
        return Document(
            id=_optional_str(record, "id", source, line) or default_id,
            text=text,
            lang=normalise_lang(lang, source, line) if lang else None,
            date=doc_date or options.default_date,
            url=_optional_str(record, "url", source, line),
            source=_optional_str(record, "source", source, line),
            path=path,
            title=_optional_str(record, "title", source, line),
            line=line,
        )
    except InputError as err:
        return err
