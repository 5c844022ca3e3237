"""The default store: one DuckDB file holding documents, sentences, events, claims, evidence.

Ingest is per document and atomic: `add_document` writes the document, its sentences and its
events in one transaction, so a failure (or a crash) never leaves a partial document behind.
Re-ingest is idempotent by content hash and metadata: the same text with the same metadata
changes nothing; the same text with a new date, language, url, source or title replaces that
document and its events (reviews, keyed by event id, are kept). Every query is parametrised.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from cronica.record import (
    Document,
    Event,
    InputError,
    Linker,
    Sentence,
    event_from_dict,
    parse_iso_date,
)
from cronica.store.place_keys import place_keys as basic_place_keys
from cronica.store.schema import MIGRATIONS, SCHEMA_VERSION, TABLES
from cronica.text import name_key

LINK_DAYS = 31  # stored events this many days around a new event's date are link candidates
UNKNOWN_ISO3 = "XXX"  # event_id_cnty prefix of events whose country is unknown
METADATA = ("lang", "date", "url", "source", "title")  # a document's metadata: part of it
PlaceKeys = Callable[[Event], list[str]]
_ACLED_CODE = re.compile(r"^([A-Z]{3})(\d+)$")


def iso3_of(event: Event) -> str:
    """The ISO 3166 alpha-3 code of the event's country; UNKNOWN_ISO3 when unknown."""
    from cronica.acled.countries import country

    found = country(event.location.country if event.location else None)
    return found.iso3 if found else UNKNOWN_ISO3


def split_code(code: str) -> tuple[str, int] | None:
    """("SYR", 123) for an ACLED event_id_cnty "SYR123"; None for another form."""
    match = _ACLED_CODE.match(code.strip())
    return (match.group(1), int(match.group(2))) if match else None


def _event_date(value: str | None) -> date | None:
    """The DATE column for an event's ISO date string; None when absent or not a date."""
    if not value:
        return None
    try:
        return parse_iso_date(value)
    except ValueError:
        return None


def _like(value: str) -> str:
    """An ILIKE substring pattern matching `value` literally (escape char: backslash)."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Store:
    """A DuckDB file (or ':memory:') with cronica's schema; use as a context manager.

    `Store(path)` creates the file and the tables when missing. With `read_only=True` the
    file must exist and nothing can be written (several readers may share it).
    """

    def __init__(self, path: str, *, read_only: bool = False, migrate: bool = True) -> None:
        """Open (or create) the store. A read-only open of a file with an older schema
        migrates it first (a short read-write open; the migration only adds) unless
        `migrate` is False, so that every query finds the current schema."""
        self.path = str(path)
        self.read_only = read_only
        self._con = self._connect(read_only)
        if not read_only:
            self._create_schema()
        elif migrate and (self.schema_version() or SCHEMA_VERSION) < SCHEMA_VERSION:
            self._con.close()
            Store(self.path).close()  # migrates
            self._con = self._connect(read_only=True)

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        try:
            return duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise InputError(self.path, f"cannot open DuckDB store: {exc}") from exc

    # -- lifecycle -------------------------------------------------------------------------

    def _create_schema(self) -> None:
        """Create the tables of a new file, or migrate an older one to SCHEMA_VERSION."""
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            for ddl in TABLES:
                con.execute(ddl)
            con.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
            )
            version = self.schema_version() or SCHEMA_VERSION
            if version > SCHEMA_VERSION:
                raise InputError(self.path, f"store schema version {version} is newer than "
                                 f"this cronica's ({SCHEMA_VERSION}); upgrade cronica")
            for step in range(version, SCHEMA_VERSION):
                for ddl in MIGRATIONS.get(step, ()):
                    con.execute(ddl)
            if version < SCHEMA_VERSION:
                self._backfill(version)
                con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                            [str(SCHEMA_VERSION)])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def _backfill(self, version: int) -> None:
        """Fill what a version-`version` file lacks: place names and event codes."""
        if version < 2:
            rows = self._con.execute("SELECT record FROM events").fetchall()
            events = [event_from_dict(json.loads(r[0])) for r in rows]
            for ev in events:
                self._con.execute("UPDATE events SET place_keys = ? WHERE event_id = ?",
                                  [basic_place_keys(ev), ev.event_id])
            self._assign_codes(events)

    def schema_version(self) -> int | None:
        """The file's schema version (meta.schema_version); None when it has none."""
        try:
            row = self._con.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'"
            ).fetchone()
        except duckdb.Error:
            return None
        return int(row[0]) if row else None

    def close(self) -> None:
        """Close the connection (an open transaction is rolled back by DuckDB)."""
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
        row = self._con.execute(
            "SELECT 1 FROM documents WHERE content_hash = ? LIMIT 1", [content_hash]
        ).fetchone()
        return row is not None

    def changed_metadata(self, doc: Document) -> list[str] | None:
        """How `doc` differs from the stored document with its text: None when no document
        has its text; [] when the metadata `doc` gives (lang, date, url, source, title; a
        field it leaves empty is not compared) is as stored; else the fields that differ."""
        row = self._con.execute(
            f"SELECT {', '.join(METADATA)} FROM documents WHERE content_hash = ? LIMIT 1",
            [doc.content_hash],
        ).fetchone()
        if row is None:
            return None
        stored = dict(zip(METADATA, row, strict=True))
        return [f for f in METADATA if getattr(doc, f) is not None
                and getattr(doc, f) != stored[f]]

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
        in the same transaction; reviews of its events are kept.
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
        events = list(events)
        sentence_rows = self._sentence_rows(doc, sentences)
        for ev in events:
            if ev.document != doc.id:
                raise InputError(
                    doc.id, f"event {ev.event_id} belongs to document {ev.document!r}"
                )
        content_hash = doc.content_hash
        if self.is_unchanged(doc):
            return False
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            if self.is_unchanged(doc):  # re-check inside the transaction
                con.execute("ROLLBACK")
                return False
            for (old_id,) in con.execute(
                "SELECT id FROM documents WHERE content_hash = ?", [content_hash]
            ).fetchall():
                self._delete_document(old_id)  # the same text stored with other metadata
            self._delete_document(doc.id)
            updated: list[Event] = []
            if link is not None and events:
                events, updated = link(events, self._link_candidates(doc.id, events))
            written = events + updated
            self._delete_events([ev.event_id for ev in written])
            self._insert_document(doc, content_hash)
            self._insert_sentences(sentence_rows)
            self._insert_events(written, place_keys or basic_place_keys)
            self._assign_codes(written, codes)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return True

    def _link_candidates(self, doc_id: str, events: list[Event]) -> list[Event]:
        """Stored events of other documents dated near the new events (same event types)."""
        days = [d for d in (_event_date(ev.date) for ev in events) if d is not None]
        if not days:
            return []
        rows = self._con.execute(
            "SELECT record FROM events WHERE document <> ? AND list_contains(?, event_type)"
            " AND date BETWEEN ? - ? * INTERVAL 1 DAY AND ? + ? * INTERVAL 1 DAY",
            [doc_id, sorted({ev.event_type for ev in events}), min(days), LINK_DAYS,
             max(days), LINK_DAYS],
        ).fetchall()
        return [event_from_dict(json.loads(r[0])) for r in rows]

    @staticmethod
    def _sentence_rows(doc: Document, sentences: Sequence[Sentence]) -> list[list[Any]]:
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

    def _delete_document(self, doc_id: str) -> None:
        con = self._con
        old = "SELECT event_id FROM events WHERE document = ?"
        con.execute(f"DELETE FROM claims WHERE event_id IN ({old})", [doc_id])
        con.execute(f"DELETE FROM evidence WHERE event_id IN ({old})", [doc_id])
        con.execute("DELETE FROM events WHERE document = ?", [doc_id])
        con.execute("DELETE FROM sentences WHERE document = ?", [doc_id])
        con.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    def _delete_documents(self, doc_ids: list[str]) -> None:
        """`_delete_document` for many documents, in bulk."""
        if not doc_ids:
            return
        con = self._con
        old = "SELECT event_id FROM events WHERE list_contains(?, document)"
        con.execute(f"DELETE FROM claims WHERE event_id IN ({old})", [doc_ids])
        con.execute(f"DELETE FROM evidence WHERE event_id IN ({old})", [doc_ids])
        con.execute("DELETE FROM events WHERE list_contains(?, document)", [doc_ids])
        con.execute("DELETE FROM sentences WHERE list_contains(?, document)", [doc_ids])
        con.execute("DELETE FROM documents WHERE list_contains(?, id)", [doc_ids])

    def add_documents(
        self,
        items: Sequence[tuple[Document, Sequence[Sentence], list[Event]]],
        *,
        codes: dict[str, str] | None = None,
        review: tuple[str, str] | None = None,
        place_keys: PlaceKeys | None = None,
    ) -> list[Document]:
        """Store many documents with their sentences and events in one transaction, without
        linking (an import of records already coded, such as ACLED's rows). Documents stored
        with the same text and metadata are skipped; ones with other metadata, or the same id,
        are replaced. `codes` and `place_keys` as in `add_document`; `review` = (reviewer,
        verdict) is recorded
        for every event written. Returns the documents written. All or nothing."""
        prepared = []
        for doc, sentences, events in items:
            for ev in events:
                if ev.document != doc.id:
                    raise InputError(
                        doc.id, f"event {ev.event_id} belongs to document {ev.document!r}"
                    )
            prepared.append((doc, self._sentence_rows(doc, sentences), list(events)))
        hashes = [doc.content_hash for doc, _, _ in prepared]
        stored: dict[str, tuple[Any, ...]] = {
            row[0]: row[1:] for row in self._con.execute(
                f"SELECT content_hash, id, {', '.join(METADATA)} FROM documents"
                " WHERE list_contains(?, content_hash)", [hashes],
            ).fetchall()
        }
        todo, replaced, seen = [], [], set()
        for (doc, sentence_rows, events), content_hash in zip(prepared, hashes, strict=True):
            if content_hash in seen:
                continue
            seen.add(content_hash)
            old = stored.get(content_hash)
            if old is not None:
                before = dict(zip(METADATA, old[1:], strict=True))
                if all(getattr(doc, f) is None or getattr(doc, f) == before[f]
                       for f in METADATA):
                    continue
                replaced.append(old[0])
            todo.append((doc, sentence_rows, events))
        if not todo:
            return []
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            self._delete_documents(replaced + [doc.id for doc, _, _ in todo])
            written = [ev for _, _, events in todo for ev in events]
            self._delete_events([ev.event_id for ev in written])
            self._insert_rows("documents", [
                [doc.id, doc.content_hash, doc.path, doc.url, doc.source, doc.lang, doc.date,
                 doc.title, doc.text] for doc, _, _ in todo
            ], columns=["id", "content_hash", "path", "url", "source", "lang", "date", "title",
                        "text"])
            self._insert_sentences([row for _, rows, _ in todo for row in rows])
            self._insert_events(written, place_keys or basic_place_keys)
            self._assign_codes(written, codes)
            if review is not None:
                self._insert_rows("reviews", [[ev.event_id, review[0], review[1], None]
                                              for ev in written],
                                  columns=["event_id", "reviewer", "verdict", "note"])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return [doc for doc, _, _ in todo]

    def _delete_events(self, event_ids: list[str]) -> None:
        if not event_ids:
            return
        for table in ("claims", "evidence", "events"):
            self._con.execute(f"DELETE FROM {table} WHERE list_contains(?, event_id)", [event_ids])

    def _insert_document(self, doc: Document, content_hash: str) -> None:
        self._con.execute(
            "INSERT INTO documents (id, content_hash, path, url, source, lang, date, title, text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [doc.id, content_hash, doc.path, doc.url, doc.source, doc.lang, doc.date,
             doc.title, doc.text],
        )

    def _insert_rows(
        self, table: str, rows: list[list[Any]], columns: list[str] | None = None
    ) -> None:
        """Bulk insert rows (in the table's column order, or `columns`') through Arrow."""
        if not rows:
            return
        if columns is None:
            columns = [c[0] for c in self._con.execute(f"DESCRIBE {table}").fetchall()]
        data = pa.Table.from_pydict({c: [r[i] for r in rows] for i, c in enumerate(columns)})
        view = f"_cronica_insert_{table}"
        self._con.register(view, data)
        try:
            self._con.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM {view}"
            )
        finally:
            self._con.unregister(view)

    def _insert_sentences(self, rows: list[list[Any]]) -> None:
        self._insert_rows("sentences", rows)

    def _assign_codes(self, events: list[Event], given: dict[str, str] | None = None) -> None:
        """Give each event without an ACLED code its code, once: `given[event_id]` where it
        parses, else ISO3 of its country + the next number of that country, new events in
        (date, event_id) order. A stored code is never changed (re-exports keep it)."""
        if not events:
            return
        ids = [ev.event_id for ev in events]
        have = {r[0] for r in self._con.execute(
            "SELECT event_id FROM event_codes WHERE list_contains(?, event_id)", [ids]
        ).fetchall()}
        rows: list[list[Any]] = []
        fresh = [ev for ev in events if ev.event_id not in have]
        next_number: dict[str, int] = {}
        for ev in sorted(fresh, key=lambda e: (_event_date(e.date) or date.max, e.event_id)):
            split = split_code((given or {}).get(ev.event_id, ""))
            if split is None:
                iso3 = iso3_of(ev)
                if iso3 not in next_number:
                    row = self._con.execute(
                        "SELECT coalesce(max(number), 0) FROM event_codes WHERE iso3 = ?", [iso3]
                    ).fetchone()
                    next_number[iso3] = int(row[0]) + 1 if row else 1
                split = (iso3, next_number[iso3])
                next_number[iso3] += 1
            rows.append([ev.event_id, split[0], split[1]])
        self._insert_rows("event_codes", rows)

    def event_codes(self, event_ids: Iterable[str] | None = None) -> dict[str, str]:
        """event_id -> ACLED-style event_id_cnty ("SYR12") of stored events (all, or these)."""
        sql = "SELECT event_id, iso3, number FROM event_codes"
        params: list[Any] = []
        if event_ids is not None:
            sql += " WHERE list_contains(?, event_id)"
            params.append(list(event_ids))
        return {r[0]: f"{r[1]}{r[2]}" for r in self._con.execute(sql, params).fetchall()}

    def add_review(self, event_id: str, reviewer: str, verdict: str, note: str | None = None,
                   ) -> None:
        """Record a review of a stored event (kept when its document is re-ingested)."""
        self._con.execute(
            "INSERT INTO reviews (event_id, reviewer, verdict, note) VALUES (?, ?, ?, ?)",
            [event_id, reviewer, verdict, note],
        )

    def reviews(self, event_id: str) -> list[dict[str, Any]]:
        """The reviews of an event, oldest first."""
        rows = self._con.execute(
            "SELECT reviewer, verdict, note, reviewed_at FROM reviews WHERE event_id = ?"
            " ORDER BY reviewed_at", [event_id],
        ).fetchall()
        return [{"reviewer": r[0], "verdict": r[1], "note": r[2],
                 "reviewed_at": r[3].isoformat()} for r in rows]

    def _insert_events(self, events: list[Event], place_keys: PlaceKeys) -> None:
        event_rows, claim_rows, evidence_rows = [], [], []
        for ev in events:
            a1, a2, loc = ev.actor1, ev.actor2, ev.location
            event_rows.append([
                ev.event_id, ev.document, ev.sentence_index, ev.event_type, ev.sub_event_type,
                ev.plover, ev.action, _event_date(ev.date), ev.date_precision,
                a1.text if a1 else None, a1.canonical if a1 else None,
                a2.text if a2 else None, a2.canonical if a2 else None,
                loc.text if loc else None, loc.canonical if loc else None,
                loc.lat if loc else None, loc.lon if loc else None,
                loc.country if loc else None, loc.admin1 if loc else None,
                ev.fatalities.best if ev.fatalities else None,
                bool(ev.disputed), ev.confidence,
                json.dumps(ev.to_dict(), ensure_ascii=False), place_keys(ev),
            ])
            for i, c in enumerate(ev.claims):
                span = c.span or (None, None)
                claim_rows.append([ev.event_id, i, c.source, c.source_type, c.stance,
                                   c.document, c.sentence, span[0], span[1]])
            for e in ev.mentions or [ev.evidence]:
                evidence_rows.append([
                    ev.event_id, e.document or ev.document,
                    ev.sentence_index if e.sentence_index is None else e.sentence_index,
                    e.start, e.end, e.sentence, list(e.citations), e.trigger,
                    e.trigger_start, e.trigger_end,
                ])
        self._insert_rows("events", event_rows)
        self._insert_rows("claims", claim_rows)
        self._insert_rows("evidence", evidence_rows)

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
            where.append("(list_contains(place_keys, ?) OR "
                         + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in place_cols) + ")")
            params += [name_key(place)] + [_like(place)] * len(place_cols)
        if disputed is not None:
            where.append("disputed = ?")
            params.append(bool(disputed))
        sql = "SELECT record FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date NULLS LAST, document, sentence_index, event_id"
        if limit is not None:
            if limit < 0:
                raise ValueError(f"limit must be >= 0, got {limit}")
            sql += " LIMIT ?"
            params.append(int(limit))
        rows = self._con.execute(sql, params).fetchall()
        return [event_from_dict(json.loads(r[0])) for r in rows]

    def event(self, event_id: str) -> Event | None:
        """The stored event with this id, or None."""
        row = self._con.execute(
            "SELECT record FROM events WHERE event_id = ?", [event_id]
        ).fetchone()
        return event_from_dict(json.loads(row[0])) if row else None

    def event_ids_like(self, key: str, limit: int = 10) -> list[str]:
        """Ids of stored events whose id starts with `key`, or whose ACLED event_id_cnty is
        `key` (case-insensitive), at most `limit`, sorted."""
        rows = self._con.execute(
            "SELECT e.event_id FROM events e LEFT JOIN event_codes c USING (event_id)"
            " WHERE starts_with(lower(e.event_id), lower(?))"
            " OR lower(concat(c.iso3, c.number)) = lower(?)"
            " ORDER BY e.event_id LIMIT ?",
            [key, key, limit],
        ).fetchall()
        return [r[0] for r in rows]

    def documents(self) -> list[dict[str, Any]]:
        """Stored documents' metadata (no text), with sentence and event counts."""
        rows = self._con.execute(
            """
            SELECT d.id, d.content_hash, d.path, d.url, d.source, d.lang, d.date, d.title,
                   d.ingested_at,
                   (SELECT count(*) FROM sentences s WHERE s.document = d.id) AS n_sentences,
                   (SELECT count(*) FROM events e WHERE e.document = d.id) AS n_events
            FROM documents d ORDER BY d.ingested_at, d.id
            """
        )
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
        row = self._con.execute(
            "SELECT id, text, lang, date, url, source, path, title FROM documents WHERE id = ?",
            [doc_id],
        ).fetchone()
        return Document(*row) if row else None

    def sentences(self, doc_id: str) -> list[Sentence]:
        """A stored document's sentences, in order."""
        rows = self._con.execute(
            "SELECT sentence_index, start_char, end_char, text, citations FROM sentences"
            " WHERE document = ? ORDER BY sentence_index",
            [doc_id],
        ).fetchall()
        return [(r[0], r[1], r[2], r[3], list(r[4])) for r in rows]

    def counts(self) -> dict[str, int]:
        """Row counts per table, plus the number of disputed events."""
        out: dict[str, int] = {}
        for table in ("documents", "sentences", "events", "claims", "evidence", "reviews"):
            out[table] = self._count(f"SELECT count(*) FROM {table}")
        out["disputed"] = self._count("SELECT count(*) FROM events WHERE disputed")
        return out

    def _count(self, sql: str) -> int:
        """The single number a `SELECT count(*)` query gives."""
        row = self._con.execute(sql).fetchone()
        return int(row[0]) if row is not None else 0
