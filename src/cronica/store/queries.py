"""The store's SQL, written once for DuckDB and PostgreSQL (``?`` placeholders; the dialect
respells them). Every value is a parameter; only table and column names from this package are
formatted in."""

from __future__ import annotations

SCHEMA_VERSION_GET = "SELECT value FROM meta WHERE key = 'schema_version'"
SCHEMA_VERSION_SET = (
    "INSERT INTO meta (key, value) VALUES ('schema_version', ?)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)
SCHEMA_VERSION_INIT = (
    "INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT DO NOTHING"
)

HAS_DOCUMENT = "SELECT 1 FROM documents WHERE content_hash = ? LIMIT 1"

OLD_EVENTS = "SELECT event_id FROM events WHERE document = ?"
DELETE_DOCUMENT = (
    f"DELETE FROM claims WHERE event_id IN ({OLD_EVENTS})",
    f"DELETE FROM evidence WHERE event_id IN ({OLD_EVENTS})",
    "DELETE FROM events WHERE document = ?",
    "DELETE FROM sentences WHERE document = ?",
    "DELETE FROM documents WHERE id = ?",
)
DELETE_EVENTS = tuple(
    f"DELETE FROM {table} WHERE event_id = ANY(?)" for table in ("claims", "evidence", "events")
)


STORED_HASHES = "SELECT content_hash FROM documents WHERE content_hash = ANY(?)"
STORED_IDS = "SELECT id FROM documents WHERE id = ANY(?)"
STORED_EVENTS = "SELECT event_id FROM events WHERE event_id = ANY(?)"


def link_candidates(blocks: str) -> str:
    """Ids of the cross-document link candidates of a list of blocks. `blocks` is the
    dialect's table of six parameter lists (Dialect.blocks: event type, place key, gazetteer
    id, earliest start, latest start, first day), given twice: stored events of the same type
    and place key, then of the same type and gazetteer id, whose day ranges overlap. An
    event's range is at most a year long, so date_start is bounded on both sides and the
    (event_type, place_key | gazetteer_id, date_start) indexes can be range-scanned on all
    three columns (PostgreSQL does; DuckDB hash-joins over these few columns)."""
    return " UNION ALL ".join(
        f"SELECT e.event_id FROM {blocks} JOIN events e ON e.event_type = b.t"
        f" AND e.{column} = b.{key}"
        " AND e.date_start BETWEEN b.lo AND b.hi AND e.date_end >= b.first_day"
        for column, key in (("place_key", "k"), ("gazetteer_id", "g"))
    )


EVENTS_BY_IDS = "SELECT event_id, record FROM events WHERE event_id = ANY(?)"
EVENTS_TO_REKEY = "SELECT event_id, record FROM events"  # a version-1 store, once
REKEY_EVENT = (
    "UPDATE events SET date_start = ?, date_end = ?, place_key = ?, gazetteer_id = ?"
    " WHERE event_id = ?"
)

EVENT_BY_ID = "SELECT record FROM events WHERE event_id = ?"
EVENTS_ORDER = " ORDER BY date NULLS LAST, document, sentence_index, event_id"

DOCUMENTS = """
    SELECT d.id, d.content_hash, d.path, d.url, d.source, d.lang, d.date, d.title,
           d.ingested_at,
           (SELECT count(*) FROM sentences s WHERE s.document = d.id) AS n_sentences,
           (SELECT count(*) FROM events e WHERE e.document = d.id) AS n_events
    FROM documents d ORDER BY d.ingested_at, d.id
"""
DOCUMENT_BY_ID = (
    "SELECT id, text, lang, date, url, source, path, title FROM documents WHERE id = ?"
)
SENTENCES_OF = (
    "SELECT sentence_index, start_char, end_char, text, citations FROM sentences"
    " WHERE document = ? ORDER BY sentence_index"
)
COUNTED_TABLES = ("documents", "sentences", "events", "claims", "evidence", "reviews")
COUNT_DISPUTED = "SELECT count(*) FROM events WHERE disputed"

# Issue 8: documents by text with their metadata, event codes, the store's own reviews.
METADATA = ("lang", "date", "url", "source", "title")  # a document's metadata, compared
STORED_BY_HASH = (
    f"SELECT content_hash, id, {', '.join(METADATA)} FROM documents"
    " WHERE content_hash = ANY(?)"
)
EVENTS_TO_PLACE = "SELECT event_id, record FROM events WHERE place_keys IS NULL"
SET_PLACE_KEYS = "UPDATE events SET place_keys = ? WHERE event_id = ?"
EVENTS_WITHOUT_CODE = (
    "SELECT e.record FROM events e LEFT JOIN event_codes c ON c.event_id = e.event_id"
    " WHERE c.event_id IS NULL"
)
CODED_EVENTS = "SELECT event_id FROM event_codes WHERE event_id = ANY(?)"
LAST_CODE = "SELECT coalesce(max(number), 0) FROM event_codes WHERE iso3 = ?"
EVENT_CODES = "SELECT event_id, iso3, number FROM event_codes"
EVENT_IDS_LIKE = (
    "SELECT e.event_id FROM events e LEFT JOIN event_codes c ON c.event_id = e.event_id"
    " WHERE starts_with(lower(e.event_id), lower(?))"
    " OR lower(concat(c.iso3, c.number)) = lower(?)"
    " ORDER BY e.event_id LIMIT ?"
)
REVIEW_COLUMNS = ("id", "event_id", "decision", "changes", "before", "after", "reviewer", "note")
REVIEWS_OF = (
    "SELECT reviewer, decision, note, created_at FROM reviews WHERE event_id = ?"
    " ORDER BY created_at, id"
)
