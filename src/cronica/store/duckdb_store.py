"""The store: one DuckDB file (the default) or a PostgreSQL database holding documents,
sentences, events, claims, evidence.

Ingest is per document and atomic: `add_document` writes the document, its sentences and its
events in one transaction, so a failure (or a crash) never leaves a partial document behind;
`add_documents` writes many (a shard of `cronica batch`) in one transaction. Re-ingest is
idempotent by content hash and metadata: the same text with the same metadata changes nothing;
the same text with a new date, language, url, source or title replaces that document and its
events (reviews and event codes, keyed by event id, are kept). Every query is parametrised;
the SQL is in store/queries.py, what differs between DuckDB and PostgreSQL in store/dialect.py.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from types import TracebackType
from typing import Any

from cronica.record import (
    Document,
    Event,
    InputError,
    Linker,
    Sentence,
    event_from_dict,
    parse_iso_date,
)
from cronica.store import queries as q
from cronica.store.candidates import CandidatePool, blocks_of
from cronica.store.dialect import dialect_for, display_name, is_postgres
from cronica.store.keys import link_keys
from cronica.store.place_keys import place_keys as basic_place_keys
from cronica.store.reviews import apply_reviews
from cronica.store.rows import (
    CLAIM_COLUMNS,
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    EVIDENCE_COLUMNS,
    SENTENCE_COLUMNS,
    document_row,
    event_date,
    event_json,
    event_rows,
    record_of,
    sentence_rows,
)
from cronica.store.schema import INDEXES, SCHEMA_VERSION, TABLES, UPGRADES
from cronica.text import name_key

MAX_DATE_SPAN = timedelta(days=366)  # the longest day range an event date covers (a year)
UNKNOWN_ISO3 = "XXX"  # event_id_cnty prefix of events whose country is unknown
METADATA = q.METADATA  # a document's metadata: part of what makes it "the same"
PlaceKeys = Callable[[Event], list[str]]
# issue 8's verdicts, spelled as the decisions of store/reviews.py (which the page, its review
# filters and `cronica eval events --reviewed` read)
_DECISION_OF = {"accepted": "accept", "rejected": "reject", "corrected": "correct"}
_ACLED_CODE = re.compile(r"^([A-Z]{3})(\d+)$")

Item = tuple[Document, Sequence[Sentence], Iterable[Event]]


def iso3_of(event: Event) -> str:
    """The ISO 3166 alpha-3 code of the event's country; UNKNOWN_ISO3 when unknown."""
    from cronica.acled.countries import country

    found = country(event.location.country if event.location else None)
    return found.iso3 if found else UNKNOWN_ISO3


def split_code(code: str) -> tuple[str, int] | None:
    """("SYR", 123) for an ACLED event_id_cnty "SYR123"; None for another form."""
    match = _ACLED_CODE.match(code.strip())
    return (match.group(1), int(match.group(2))) if match else None


def _same_metadata(doc: Document, stored: dict[str, Any]) -> bool:
    """Whether the metadata `doc` gives (a field it leaves empty is not compared) is as
    stored."""
    return not _changed(doc, stored)


def _changed(doc: Document, stored: dict[str, Any]) -> list[str]:
    return [f for f in METADATA if getattr(doc, f) is not None and getattr(doc, f) != stored[f]]


def _like(value: str) -> str:
    """An ILIKE substring pattern matching `value` literally (escape char: backslash)."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Store:
    """A DuckDB file (or ':memory:'), or a ``postgresql://`` database, with cronica's schema;
    use as a context manager.

    `Store(target)` creates the file and the tables when missing. With `read_only=True` the
    store must exist and nothing can be written (several readers may share it).
    While another process holds a DuckDB file, opening waits up to `wait` seconds, then
    raises StoreBusy. A read-only open of a store with an older schema upgrades it first (a
    short read-write open; the upgrade only adds) unless `migrate` is False, so that every
    query finds the current schema.
    """

    def __init__(
        self, path: str, *, read_only: bool = False, wait: float = 0.0, migrate: bool = True
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.dialect = dialect_for(self.path)
        self._con = self._connect(read_only, wait)
        if not read_only:
            self._create_schema()
        elif migrate and (self._schema_version() or SCHEMA_VERSION) < SCHEMA_VERSION:
            self._con.close()
            Store(self.path, wait=wait).close()  # upgrades
            self._con = self._connect(True, wait)

    def _connect(self, read_only: bool, wait: float) -> Any:
        try:
            return self.dialect.connect(self.path, read_only, wait)
        except self.dialect.errors() as exc:
            what = "PostgreSQL" if is_postgres(self.path) else "DuckDB"
            raise InputError(
                display_name(self.path), f"cannot open {what} store: {exc}"
            ) from exc

    # -- lifecycle -------------------------------------------------------------------------

    def _sql(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        """Run one statement (``?`` placeholders) and return the driver's cursor."""
        return self._con.execute(self.dialect.sql(sql), params)

    def _schema_version(self) -> int | None:
        """The stored schema version; None for a new store."""
        try:
            row = self._sql(q.SCHEMA_VERSION_GET).fetchone()
        except self.dialect.errors():
            return None
        return int(row[0]) if row else None

    def schema_version(self) -> int | None:
        """The store's schema version (meta.schema_version); None when it has none."""
        return self._schema_version()

    def _create_schema(self) -> None:
        if self._schema_version() == SCHEMA_VERSION:
            return  # no DDL: it would lock the tables against other writers and readers
        self._con.execute("BEGIN TRANSACTION")
        try:
            for ddl in TABLES:
                self._con.execute(self.dialect.ddl(ddl))
            row = self._sql(q.SCHEMA_VERSION_GET).fetchone()
            if row is not None and int(row[0]) > SCHEMA_VERSION:
                raise InputError(display_name(self.path),
                                 f"store schema version {row[0]} is newer than this "
                                 f"cronica's ({SCHEMA_VERSION}); upgrade cronica")
            for ddl in UPGRADES:
                self._con.execute(ddl)
            for ddl in INDEXES:
                self._con.execute(ddl)
            if row is not None and int(row[0]) < 2:
                self._rekey_events()
            if row is not None and int(row[0]) < 3:
                self._backfill_places_and_codes()
            self._sql(q.SCHEMA_VERSION_SET, [str(SCHEMA_VERSION)])
            self._con.execute("COMMIT")
        except Exception:
            self._con.execute("ROLLBACK")
            raise

    def _rekey_events(self) -> None:
        """Fill the link columns of a version-1 store's events (once, on upgrade)."""
        for event_id, record in self._sql(q.EVENTS_TO_REKEY).fetchall():
            keys = link_keys(event_from_dict(record_of(record)))
            self._sql(q.REKEY_EVENT, [*keys, event_id])

    def _backfill_places_and_codes(self) -> None:
        """Fill what a version-2 store lacks (once, on upgrade): every name of each event's
        place from its record (the gazetteer's alternate names come with the next re-ingest)
        and the event codes, numbered in date order."""
        for event_id, record in self._sql(q.EVENTS_TO_PLACE).fetchall():
            event = event_from_dict(record_of(record))
            self._sql(q.SET_PLACE_KEYS, [basic_place_keys(event), event_id])
        uncoded = [event_from_dict(record_of(r[0]))
                   for r in self._sql(q.EVENTS_WITHOUT_CODE).fetchall()]
        self._assign_codes(uncoded)

    def close(self) -> None:
        """Close the connection (an open transaction is rolled back)."""
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        """Whether a document with this content hash is stored."""
        return self._sql(q.HAS_DOCUMENT, [content_hash]).fetchone() is not None

    def stored_hashes(self, content_hashes: list[str]) -> set[str]:
        """Those of `content_hashes` whose document is stored (one query)."""
        return {r[0] for r in self._sql(q.STORED_HASHES, [content_hashes]).fetchall()}

    def changed_metadata(self, doc: Document) -> list[str] | None:
        """How `doc` differs from the stored document with its text: None when no document
        has its text; [] when the metadata `doc` gives (lang, date, url, source, title; a
        field it leaves empty is not compared) is as stored; else the fields that differ."""
        rows = self._sql(q.STORED_BY_HASH, [[doc.content_hash]]).fetchall()
        if not rows:
            return None
        return _changed(doc, dict(zip(METADATA, rows[0][2:], strict=True)))

    def is_unchanged(self, doc: Document) -> bool:
        """Whether `doc` (text and the metadata it gives) is stored as it is."""
        return self.changed_metadata(doc) == []

    def add_document(
        self,
        doc: Document,
        sentences: Sequence[Sentence],
        events: Iterable[Event],
        *,
        link: Linker | None = None,
        place_keys: PlaceKeys | None = None,
        codes: dict[str, str] | None = None,
    ) -> bool:
        """Store a document with its sentences and events in one transaction.

        Returns False and changes nothing when a document with the same content hash and the
        same metadata is stored already (idempotent re-ingest: `is_unchanged`). When a
        document with the same id but other content, or the same content with other metadata,
        is stored, its old rows (document, sentences, events, claims, evidence) are replaced
        in the same transaction; reviews and event codes of its events are kept.
        `place_keys(event)` gives the folded names of an event's place for `events(place=)`
        (default: the names in the record; the CLI adds the gazetteer's). `codes` gives events
        their ACLED event_id_cnty ("SYR123", e.g. imported ACLED rows); the others get ISO3 of
        their country + the next number of that country, once. An event whose id is already
        stored (e.g. a merged event re-emitted by linking) replaces the stored one with its
        claims and evidence.
        Every event must belong to `doc` (`event.document == doc.id`), else InputError.
        With `link`, the document's events are linked to stored events of other documents in
        the same transaction: `link(new, candidates)` returns the new events left and the
        stored events that absorbed the others (rewritten with their new claims and evidence).
        On any error the transaction is rolled back and the store is as before.
        """
        return self.add_documents(
            [(doc, sentences, events)], link=link, place_keys=place_keys, codes=codes
        ) == 1

    def add_documents(
        self,
        items: Iterable[Item],
        *,
        link: Linker | None = None,
        place_keys: PlaceKeys | None = None,
        codes: dict[str, str] | None = None,
        review: tuple[str, str] | None = None,
    ) -> int:
        """`add_document` for many documents in one transaction (all or none); each is linked
        to those stored before it, earlier items included. Returns how many were stored
        (documents whose content and metadata are stored already, or repeated in `items`, are
        skipped; the same text with other metadata replaces the stored document).
        `place_keys` and `codes` as in `add_document`; `review` = (reviewer, decision) is
        recorded for every event written (import-acled: ACLED's rows are reviewed events).

        The statements are per batch, not per document: which documents are stored, the
        link candidates of every new event (one indexed query, store/candidates.py), the
        deletions and the bulk inserts.
        """
        checked = [self._checked(doc, sentences, events) for doc, sentences, events in items]
        if not checked:
            return 0
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            if self.dialect.writer_lock:  # concurrent writers link one after the other
                con.execute(self.dialect.writer_lock)
            stored = self._add_many(checked, link, place_keys or basic_place_keys, codes,
                                    review)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return stored

    @staticmethod
    def _checked(
        doc: Document, sentences: Sequence[Sentence], events: Iterable[Event]
    ) -> tuple[Document, list[list[Any]], list[Event]]:
        events = list(events)
        rows = sentence_rows(doc, sentences)
        for ev in events:
            if ev.document != doc.id:
                raise InputError(
                    doc.id, f"event {ev.event_id} belongs to document {ev.document!r}"
                )
        return doc, rows, events

    def _add_many(
        self,
        checked: list[tuple[Document, list[list[Any]], list[Event]]],
        link: Linker | None,
        place_keys: PlaceKeys,
        codes: dict[str, str] | None,
        review: tuple[str, str] | None,
    ) -> int:
        """The documents' rows, inside the caller's transaction."""
        stored: dict[str, tuple[Any, ...]] = {
            row[0]: row[1:] for row in self._sql(
                q.STORED_BY_HASH, [[doc.content_hash for doc, _, _ in checked]]
            ).fetchall()
        }
        seen: set[str] = set()
        fresh, replaced = [], []
        for doc, rows, events in checked:
            if doc.content_hash in seen:
                continue
            seen.add(doc.content_hash)
            old = stored.get(doc.content_hash)
            if old is not None:
                if _same_metadata(doc, dict(zip(METADATA, old[1:], strict=True))):
                    continue
                replaced.append(old[0])  # the same text stored with other metadata
            fresh.append((doc, rows, events))
        if not fresh:
            return 0
        for old_id in replaced:
            self._delete_document(old_id)
        ids = [doc.id for doc, _, _ in fresh]
        for (old,) in self._sql(q.STORED_IDS, [ids]).fetchall():
            self._delete_document(old)  # the same id with other content: replaced
        pool = CandidatePool()
        if link is not None:
            for ev in self._link_candidates_many([ev for _, _, evs in fresh for ev in evs]):
                pool.add(ev)
        written: dict[str, Event] = {}
        for doc, _, events in fresh:
            updated: list[Event] = []
            if link is not None and events:
                events, updated = link(events, pool.candidates(doc.id, events))
            for ev in [*events, *updated]:
                written[ev.event_id] = ev
                pool.add(ev)
        self._delete_events(list(written))
        self._insert_rows("documents", DOCUMENT_COLUMNS, [document_row(d) for d, _, _ in fresh])
        self._insert_sentences([row for _, rows, _ in fresh for row in rows])
        events_out = list(written.values())
        self._insert_events(events_out, place_keys)
        self._assign_codes(events_out, codes)
        if review is not None:
            self._insert_reviews(events_out, review[0], review[1], None)
        return len(fresh)

    def _link_candidates(self, doc_id: str, events: list[Event]) -> list[Event]:
        """Stored events of other documents that the new events may link to: the same event
        type and place block (place key or gazetteer id) and overlapping day ranges, found
        through the link indexes (store/queries.py link_candidates)."""
        return [ev for ev in self._link_candidates_many(events) if ev.document != doc_id]

    def _link_candidates_many(self, events: list[Event]) -> list[Event]:
        blocks = sorted(blocks_of(events), key=str)
        if not blocks:
            return []
        columns: list[list[Any]] = [[], [], [], [], [], []]
        for event_type, start, end, key, gazetteer_id in blocks:
            row = [event_type, key, gazetteer_id, start - MAX_DATE_SPAN, end, start]
            for column, value in zip(columns, row, strict=True):
                column.append(value)
        sql = q.link_candidates(self.dialect.blocks())
        ids = sorted({r[0] for r in self._sql(sql, columns + columns).fetchall()})
        if not ids:
            return []
        rows = self._sql(q.EVENTS_BY_IDS, [ids]).fetchall()
        return [event_from_dict(record_of(record)) for _, record in sorted(rows)]

    def _delete_document(self, doc_id: str) -> None:
        for sql in q.DELETE_DOCUMENT:
            self._sql(sql, [doc_id])

    def _delete_events(self, event_ids: list[str]) -> None:
        """Delete these events where stored (with their claims and evidence)."""
        if not event_ids:
            return
        stored = [r[0] for r in self._sql(q.STORED_EVENTS, [event_ids]).fetchall()]
        if stored:
            for sql in q.DELETE_EVENTS:
                self._sql(sql, [stored])

    def _insert_rows(self, table: str, columns: Sequence[str], rows: list[list[Any]]) -> None:
        """Bulk insert rows (values in `columns` order)."""
        self.dialect.insert_rows(self._con, table, columns, rows)

    def _insert_sentences(self, rows: list[list[Any]]) -> None:
        self._insert_rows("sentences", SENTENCE_COLUMNS, rows)

    def _insert_events(self, events: list[Event], place_keys: PlaceKeys) -> None:
        event_out, claim_out, evidence_out = event_rows(events)
        for row, ev in zip(event_out, events, strict=True):
            row.append(place_keys(ev))
        self._insert_rows("events", (*EVENT_COLUMNS, "place_keys"), event_out)
        self._insert_rows("claims", CLAIM_COLUMNS, claim_out)
        self._insert_rows("evidence", EVIDENCE_COLUMNS, evidence_out)

    def _assign_codes(self, events: list[Event], given: dict[str, str] | None = None) -> None:
        """Give each event without an ACLED code its code, once: `given[event_id]` where it
        parses, else ISO3 of its country + the next number of that country, new events in
        (date, event_id) order. A stored code is never changed (re-exports keep it)."""
        if not events:
            return
        ids = [ev.event_id for ev in events]
        have = {r[0] for r in self._sql(q.CODED_EVENTS, [ids]).fetchall()}
        rows: list[list[Any]] = []
        next_number: dict[str, int] = {}
        fresh = {ev.event_id: ev for ev in events if ev.event_id not in have}
        for ev in sorted(fresh.values(),
                         key=lambda e: (event_date(e.date) or date.max, e.event_id)):
            split = split_code((given or {}).get(ev.event_id, ""))
            if split is None:
                iso3 = iso3_of(ev)
                if iso3 not in next_number:
                    last = self._sql(q.LAST_CODE, [iso3]).fetchall()
                    next_number[iso3] = int(last[0][0]) + 1 if last else 1
                split = (iso3, next_number[iso3])
                next_number[iso3] += 1
            rows.append([ev.event_id, split[0], split[1]])
        self._insert_rows("event_codes", ("event_id", "iso3", "number"), rows)

    def _insert_reviews(
        self, events: list[Event], reviewer: str, decision: str, note: str | None
    ) -> None:
        """One review row per event (reviews table of store/reviews.py): no changes, the
        event's record before and after."""
        rows = []
        decision = _DECISION_OF.get(decision, decision)
        for ev in events:
            record = event_json(ev)
            rows.append([uuid.uuid4().hex, ev.event_id, decision, "{}", record, record,
                         reviewer, note])  # fmt: skip
        self._insert_rows("reviews", q.REVIEW_COLUMNS, rows)

    def add_review(
        self, event_id: str, reviewer: str, verdict: str, note: str | None = None
    ) -> None:
        """Record a review (decision `verdict`: accept/accepted, reject/rejected, ...; no
        changes) of a stored event; KeyError when no such event. Reviews are keyed by event
        id: re-ingesting its document keeps them."""
        rows = self._sql(q.EVENT_BY_ID, [event_id]).fetchall()
        if not rows:
            raise KeyError(event_id)
        self._con.execute("BEGIN TRANSACTION")
        try:
            self._insert_reviews([event_from_dict(record_of(rows[0][0]))], reviewer, verdict, note)
            self._con.execute("COMMIT")
        except BaseException:
            self._con.execute("ROLLBACK")
            raise

    def reviews(self, event_id: str) -> list[dict[str, Any]]:
        """The reviews of an event, oldest first: reviewer, verdict (the decision), note,
        reviewed_at."""
        rows = self._sql(q.REVIEWS_OF, [event_id]).fetchall()
        return [{"reviewer": r[0], "verdict": r[1], "note": r[2],
                 "reviewed_at": r[3].isoformat()} for r in rows]  # fmt: skip

    def event_codes(self, event_ids: Iterable[str] | None = None) -> dict[str, str]:
        """event_id -> ACLED-style event_id_cnty ("SYR12") of stored events (all, or these)."""
        sql, params = q.EVENT_CODES, []
        if event_ids is not None:
            sql += " WHERE event_id = ANY(?)"
            params.append(list(event_ids))
        return {r[0]: f"{r[1]}{r[2]}" for r in self._sql(sql, params).fetchall()}

    def event_ids_like(self, key: str, limit: int = 10) -> list[str]:
        """Ids of stored events whose id starts with `key`, or whose ACLED event_id_cnty is
        `key` (case-insensitive), at most `limit`, sorted."""
        return [r[0] for r in self._sql(q.EVENT_IDS_LIKE, [key, key, limit]).fetchall()]

    # -- reading ---------------------------------------------------------------------------

    def events(
        self,
        type: str | None = None,  # the CLI/API parameter name (shadows the builtin)
        since: str | None = None,
        until: str | None = None,
        actor: str | None = None,
        place: str | None = None,
        disputed: bool | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """Stored events matching every given filter, ordered by date, document, sentence.

        type: event_type, sub_event_type or action (case-insensitive equality);
        since/until: ISO dates (YYYY[-MM[-DD]]), inclusive, on the event date (undated
        events are excluded when either is given); actor: substring of actor1/actor2
        canonical name or text; place: any name of the event's place, its admin areas or
        country (the gazetteer's alternate names included: `place_keys`), compared folded
        (case, accents, punctuation), or a substring of the place's canonical name, text or
        admin1; disputed: exact; limit: at most this many.
        """
        where: list[str] = []
        params: list[Any] = []
        if type is not None:
            where.append("(lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?)"
                         " OR lower(action) = lower(?))")
            params += [type, type, type]
        if since is not None:
            where.append("date >= ?")
            params.append(parse_iso_date(since))
        if until is not None:
            where.append("date <= ?")
            params.append(parse_iso_date(until, end=True))
        if actor is not None:
            actor_cols = ("actor1_canonical", "actor1_text", "actor2_canonical", "actor2_text")
            where.append("(" + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in actor_cols) + ")")
            params += [_like(actor)] * len(actor_cols)
        if place is not None:
            place_cols = ("location_canonical", "location_text", "admin1")
            where.append("(? = ANY(place_keys) OR "
                         + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in place_cols) + ")")
            params += [name_key(place)] + [_like(place)] * len(place_cols)
        if disputed is not None:
            where.append("disputed = ?")
            params.append(bool(disputed))
        sql = "SELECT record FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += q.EVENTS_ORDER
        if limit is not None:
            if limit < 0:
                raise ValueError(f"limit must be >= 0, got {limit}")
            sql += " LIMIT ?"
            params.append(int(limit))
        rows = self._sql(sql, params).fetchall()
        return self._reviewed([event_from_dict(record_of(r[0])) for r in rows])

    def event(self, event_id: str) -> Event | None:
        """The stored event with this id (its reviewed record, a rejected one too), or None."""
        row = self._sql(q.EVENT_BY_ID, [event_id]).fetchone()
        if not row:
            return None
        return self._reviewed([event_from_dict(record_of(row[0]))], rejected=True)[0]

    def _reviewed(self, events: list[Event], rejected: bool = False) -> list[Event]:
        """Events with their latest review applied (reviews: issue 9; DuckDB stores only, the
        review module speaks DuckDB's SQL), rejected ones left out unless asked for."""
        if self.dialect.name != "duckdb":
            return events
        return apply_reviews(self._con, events, rejected=rejected)

    def documents(self) -> list[dict[str, Any]]:
        """Stored documents' metadata (no text), with sentence and event counts."""
        rows = self._sql(q.DOCUMENTS)
        names = [c[0] for c in rows.description]
        out = []
        for row in rows.fetchall():
            item = dict(zip(names, row, strict=True))
            item["date"] = item["date"].isoformat() if item["date"] else None
            item["ingested_at"] = item["ingested_at"].isoformat()
            out.append(item)
        return out

    def document(self, doc_id: str) -> Document | None:
        """The stored document with this id (text and metadata), or None."""
        row = self._sql(q.DOCUMENT_BY_ID, [doc_id]).fetchone()
        return Document(*row) if row else None

    def sentences(self, doc_id: str) -> list[Sentence]:
        """A stored document's sentences, in order."""
        rows = self._sql(q.SENTENCES_OF, [doc_id]).fetchall()
        return [(r[0], r[1], r[2], r[3], list(r[4])) for r in rows]

    def counts(self) -> dict[str, int]:
        """Row counts per table, plus the number of disputed events."""
        out: dict[str, int] = {}
        for table in q.COUNTED_TABLES:
            out[table] = self._count(f"SELECT count(*) FROM {table}")
        out["disputed"] = self._count(q.COUNT_DISPUTED)
        return out

    def _count(self, sql: str) -> int:
        """The single number a `SELECT count(*)` query gives."""
        row = self._sql(sql).fetchone()
        return int(row[0]) if row is not None else 0
