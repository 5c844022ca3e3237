"""Documents, sentences and events as table rows: the store inserts them, `cronica batch`
writes them to Parquet shards with the same columns, and `cronica load` reads them back."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import fields, is_dataclass
from datetime import date
from typing import Any

from cronica.record import Document, Event, InputError, Sentence, parse_iso_date
from cronica.store.keys import link_keys

DOCUMENT_COLUMNS = ("id", "content_hash", "path", "url", "source", "lang", "date", "title", "text")
SENTENCE_COLUMNS = ("document", "sentence_index", "start_char", "end_char", "text", "citations")
EVENT_COLUMNS = (
    "event_id", "document", "sentence_index", "event_type", "sub_event_type", "plover", "action",
    "date", "date_precision", "actor1_text", "actor1_canonical", "actor2_text",
    "actor2_canonical", "location_text", "location_canonical", "lat", "lon", "country",
    "admin1", "fatalities_best", "disputed", "confidence", "record",
    "date_start", "date_end", "place_key", "gazetteer_id",
)  # fmt: skip
CLAIM_COLUMNS = (
    "event_id", "claim_index", "source", "source_type", "stance", "document", "sentence_index",
    "span_start", "span_end",
)  # fmt: skip
EVIDENCE_COLUMNS = (
    "event_id", "document", "sentence_index", "start_char", "end_char", "sentence",
    "citations", "trigger", "trigger_start", "trigger_end",
)  # fmt: skip

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": DOCUMENT_COLUMNS,
    "sentences": SENTENCE_COLUMNS,
    "events": EVENT_COLUMNS,
    "claims": CLAIM_COLUMNS,
    "evidence": EVIDENCE_COLUMNS,
}


def event_date(value: str | None) -> date | None:
    """The DATE column for an event's ISO date string; None when absent or not a date."""
    if not value:
        return None
    try:
        return parse_iso_date(value)
    except ValueError:
        return None


_SCALARS = frozenset({str, int, float, bool, type(None)})


_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names; None for any other type."""
    if cls not in _NAMES:
        _NAMES[cls] = tuple(f.name for f in fields(cls)) if is_dataclass(cls) else None
    return _NAMES[cls]


def plain(value: Any) -> Any:
    """`dataclasses.asdict` for JSON, without its deep copies (the same JSON, much faster)."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list or kind is tuple:
        return [plain(v) for v in value]
    if kind is dict:
        return {k: plain(v) for k, v in value.items()}
    names = _field_names(kind)
    if names is None:
        return value
    return {name: plain(getattr(value, name)) for name in names}


def event_json(event: Event) -> str:
    """`Event.to_dict()` as JSON text (the events.record column)."""
    return json.dumps(plain(event), ensure_ascii=False)


def document_row(doc: Document) -> list[Any]:
    return [doc.id, doc.content_hash, doc.path, doc.url, doc.source, doc.lang, doc.date,
            doc.title, doc.text]  # fmt: skip


def sentence_rows(doc: Document, sentences: Sequence[Sentence]) -> list[list[Any]]:
    """Rows of a document's sentences; InputError naming the document on a malformed one."""
    rows: list[list[Any]] = []
    for i, sent in enumerate(sentences):
        try:
            index, start, end, text, citations = sent
        except (TypeError, ValueError):
            raise InputError(
                doc.id, f"sentence {i}: expected (index, start, end, text, citations)"
            ) from None
        rows.append([doc.id, int(index), int(start), int(end), str(text), list(citations)])
    return rows


def event_rows(
    events: Iterable[Event],
) -> tuple[list[list[Any]], list[list[Any]], list[list[Any]]]:
    """(event rows, claim rows, evidence rows) of events, in the columns above."""
    event_out, claim_out, evidence_out = [], [], []
    for ev in events:
        a1, a2, loc = ev.actor1, ev.actor2, ev.location
        event_out.append([
            ev.event_id, ev.document, ev.sentence_index, ev.event_type, ev.sub_event_type,
            ev.plover, ev.action, event_date(ev.date), ev.date_precision,
            a1.text if a1 else None, a1.canonical if a1 else None,
            a2.text if a2 else None, a2.canonical if a2 else None,
            loc.text if loc else None, loc.canonical if loc else None,
            loc.lat if loc else None, loc.lon if loc else None,
            loc.country if loc else None, loc.admin1 if loc else None,
            ev.fatalities.best if ev.fatalities else None,
            bool(ev.disputed), ev.confidence,
            event_json(ev),
            *link_keys(ev),
        ])  # fmt: skip
        for i, c in enumerate(ev.claims):
            span = c.span or (None, None)
            claim_out.append([ev.event_id, i, c.source, c.source_type, c.stance,
                              c.document, c.sentence, span[0], span[1]])  # fmt: skip
        for e in ev.mentions or [ev.evidence]:
            evidence_out.append([
                ev.event_id, e.document or ev.document,
                ev.sentence_index if e.sentence_index is None else e.sentence_index,
                e.start, e.end, e.sentence, list(e.citations), e.trigger,
                e.trigger_start, e.trigger_end,
            ])  # fmt: skip
    return event_out, claim_out, evidence_out


def record_of(value: Any) -> dict[str, Any]:
    """An `events.record` value as a dict (DuckDB gives JSON text, psycopg a parsed value)."""
    return json.loads(value) if isinstance(value, str) else dict(value)
