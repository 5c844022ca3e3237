"""What one server holds: the store, its write lock, the key check and the pipeline."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

import duckdb
from fastapi import Request

from cronica.record import Document, Event
from cronica.serve.auth import check_key
from cronica.serve.settings import Settings
from cronica.store import Store

if TYPE_CHECKING:
    from cronica.pipeline import Pipeline

log = logging.getLogger("cronica.serve")


class ServerState:
    """The open store (one DuckDB connection; each request reads through a cursor of its
    own), a lock serialising writes and extraction, and the pipeline, loaded on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store = Store(settings.db)
        self.write_lock = threading.Lock()
        self._pipeline: Pipeline | None = None

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The store's own connection (for writes, under `write_lock`)."""
        return self.store._con  # the store's connection; reviews write through it

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A new cursor on the store, for one request's reads (close it after)."""
        return self.store._con.cursor()

    def check_key(self, request: Request) -> None:
        """401 unless the request carries the server's API key."""
        check_key(request, self.settings.api_key)

    def pipeline(self) -> Pipeline:
        """The extraction pipeline (loaded once, on the first document posted)."""
        if self._pipeline is None:
            from cronica.pipeline import Pipeline

            self._pipeline = Pipeline(list(self.settings.gazetteers))
        return self._pipeline

    def ingest(self, doc: Document) -> tuple[bool, list[Event]]:
        """Extract `doc` and store it with its events in one transaction, as `cronica ingest`
        does (linking across documents). Returns (stored, the document's events as stored);
        a text already stored is not extracted again (stored is False)."""
        from cronica.link.across import link_across
        from cronica.store.reviews import apply_reviews

        with self.write_lock:
            if not self.store.has_document(doc.content_hash):
                analysis = self.pipeline().analyse(doc)
                if analysis.lang and not doc.lang:
                    doc.lang = analysis.lang
                stored = self.store.add_document(doc, analysis.sentences, analysis.events,
                                                 link=link_across)  # fmt: skip
            else:
                stored = False
            con = self.cursor()
            try:
                row = con.execute("SELECT id FROM documents WHERE content_hash = ?",
                                  [doc.content_hash]).fetchone()  # fmt: skip
                doc_id = row[0] if row else doc.id
                events = self._document_events(con, doc_id)
                return stored, apply_reviews(con, events, rejected=True)
            finally:
                con.close()

    @staticmethod
    def _document_events(con: duckdb.DuckDBPyConnection, doc_id: str) -> list[Event]:
        """Events whose evidence or a mention lies in the document."""
        import json

        from cronica.record import event_from_dict

        rows = con.execute(
            "SELECT record FROM events WHERE event_id IN (SELECT event_id FROM evidence WHERE"
            " document = ?) ORDER BY date NULLS LAST, sentence_index, event_id", [doc_id]
        ).fetchall()
        return [event_from_dict(json.loads(r[0])) for r in rows]

    def close(self) -> None:
        """Close the store."""
        self.store.close()
