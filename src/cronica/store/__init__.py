"""Storage of documents, sentences and events (DuckDB by default).

`Store` is imported on first use (it brings in the database drivers), so that importing a
light part of the package (`cronica.store.dialect`) stays cheap for commands that need no
store."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cronica.record import Sentence, event_from_dict, parse_iso_date

if TYPE_CHECKING:
    from cronica.store.duckdb_store import Store

__all__ = ["Sentence", "Store", "event_from_dict", "parse_iso_date"]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from cronica.store.duckdb_store import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
