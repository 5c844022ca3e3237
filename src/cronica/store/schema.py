"""The store's schema (DuckDB and PostgreSQL): documents, sentences, events, claims, evidence.

`events.record` holds the full `Event.to_dict()` as JSON (the source of truth when reading
events back); the other event columns are flat copies kept for filtering and SQL users.
`date_start`/`date_end` are the first and last day an event's date covers at its precision
and `place_key`/`gazetteer_id` the place, as cross-document linking blocks on them (store/keys.py):
the link candidate query (store/queries.py) reads only these indexed columns.
`events.place_keys` holds every name of the event's place (its text, the gazetteer entry's
name and alternate names, its admin areas and country), folded by `text.name_key`, so that
`--place Alepo` and `--place Aleppo` find the same events.
`event_codes` gives each event, once and for good, an ACLED-style `event_id_cnty` (ISO3 of
its country + a number per country), so re-exports keep it. `reviews` hold people's (or an
importer's) decisions on events; they are keyed by event id and survive re-extraction.
Type names are DuckDB's; a dialect respells the few PostgreSQL lacks (store/dialect.py).
"""

from __future__ import annotations

# 2: events.date_start, date_end, place_key, gazetteer_id and the link index;
# 3: events.place_keys (every folded name of the place) and the event_codes table
SCHEMA_VERSION = 3

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
        date_start DATE,
        date_end DATE,
        place_key VARCHAR,
        gazetteer_id VARCHAR,
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
    """
    CREATE TABLE IF NOT EXISTS event_codes (
        event_id VARCHAR PRIMARY KEY,
        iso3 VARCHAR NOT NULL,
        number BIGINT NOT NULL
    )
    """,
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
)

# Columns added since version 1 (an older store gets them, then the store fills them:
# version 1 -> 2 the link columns, 2 -> 3 place_keys and event codes).
UPGRADES: tuple[str, ...] = (
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS date_start DATE",
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS date_end DATE",
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS place_key VARCHAR",
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS gazetteer_id VARCHAR",
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS place_keys VARCHAR[]",
)

INDEXES: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS events_link_place ON events (event_type, place_key, date_start)",
    "CREATE INDEX IF NOT EXISTS events_link_gazetteer"
    " ON events (event_type, gazetteer_id, date_start)",
    "CREATE INDEX IF NOT EXISTS events_document ON events (document)",
    "CREATE INDEX IF NOT EXISTS claims_event ON claims (event_id)",
    "CREATE INDEX IF NOT EXISTS evidence_event ON evidence (event_id)",
    "CREATE INDEX IF NOT EXISTS event_codes_iso3 ON event_codes (iso3, number)",
)
