"""The DuckDB schema: documents, sentences, events, claims, evidence, event codes, reviews.

`events.record` holds the full `Event.to_dict()` as JSON (the source of truth when reading
events back); the other event columns are flat copies kept for filtering and SQL users.
`events.place_keys` holds every name of the event's place (its text, the gazetteer entry's
name and alternate names, its admin areas and country), folded by `text.name_key`, so that
`--place Alepo` and `--place Aleppo` find the same events.
`event_codes` gives each event, once and for good, an ACLED-style `event_id_cnty` (ISO3 of
its country + a number per country), so re-exports keep it. `reviews` hold people's (or an
importer's) verdicts on events; they are keyed by event id and survive re-extraction.

`meta.schema_version` says which version a file has; `MIGRATIONS[v]` brings a version-v file
to v + 1 (opening a store read-write migrates it).
"""

from __future__ import annotations

SCHEMA_VERSION = 2

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
        record JSON NOT NULL,
        place_keys VARCHAR[]
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
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    """
    CREATE TABLE IF NOT EXISTS event_codes (
        event_id VARCHAR PRIMARY KEY,
        iso3 VARCHAR NOT NULL,
        number BIGINT NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS reviews (
        event_id VARCHAR NOT NULL,
        reviewer VARCHAR NOT NULL,
        verdict VARCHAR NOT NULL,
        note VARCHAR,
        reviewed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    )
    """,
)

# Version 1 -> 2: every name of an event's place, for --place (filled from the stored records;
# the gazetteer's alternate names come with the next re-ingest). The new tables are created
# by TABLES; event codes of version-1 events are numbered after the migration.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: ("ALTER TABLE events ADD COLUMN IF NOT EXISTS place_keys VARCHAR[]",),
}
