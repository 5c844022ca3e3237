"""The DuckDB schema: documents, sentences, events, claims, evidence.

`events.record` holds the full `Event.to_dict()` as JSON (the source of truth when reading
events back); the other event columns are flat copies kept for filtering and SQL users.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

TABLES: tuple[str, ...] = (
    """
    CREATE TABLE IF NOT EXISTS documents (
        id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL UNIQUE,
        path VARCHAR,
        url VARCHAR,
        source VARCHAR,
        lang VARCHAR,
        date DATE,
        title VARCHAR,
        text VARCHAR NOT NULL,
        ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS sentences (
        document VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        citations VARCHAR[] NOT NULL,
        PRIMARY KEY (document, sentence_index)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY,
        document VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        event_type VARCHAR NOT NULL,
        sub_event_type VARCHAR NOT NULL,
        plover VARCHAR,
        action VARCHAR,
        date DATE,
        date_precision VARCHAR,
        actor1_text VARCHAR,
        actor1_canonical VARCHAR,
        actor2_text VARCHAR,
        actor2_canonical VARCHAR,
        location_text VARCHAR,
        location_canonical VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        country VARCHAR,
        admin1 VARCHAR,
        fatalities_best INTEGER,
        disputed BOOLEAN NOT NULL,
        confidence DOUBLE,
        record JSON NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS claims (
        event_id VARCHAR NOT NULL,
        claim_index INTEGER NOT NULL,
        source VARCHAR NOT NULL,
        source_type VARCHAR,
        stance VARCHAR,
        document VARCHAR,
        sentence_index INTEGER,
        span_start INTEGER,
        span_end INTEGER
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS evidence (
        event_id VARCHAR NOT NULL,
        document VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        sentence VARCHAR NOT NULL,
        citations VARCHAR[] NOT NULL,
        trigger VARCHAR,
        trigger_start INTEGER,
        trigger_end INTEGER
    )
    """,
    # Human reviews (cronica.store.reviews): one row per decision, never an overwrite of the
    # machine's event; `before`/`after` are whole event records, `changes` what was asked.
    """
    CREATE TABLE IF NOT EXISTS reviews (
        id VARCHAR PRIMARY KEY,
        event_id VARCHAR NOT NULL,
        decision VARCHAR NOT NULL,
        changes JSON NOT NULL,
        before JSON NOT NULL,
        after JSON NOT NULL,
        reviewer VARCHAR NOT NULL,
        note VARCHAR,
        created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    )
    """,
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
)
