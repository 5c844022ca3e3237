"""Storage of documents, sentences and events (DuckDB by default)."""

from cronica.record import Sentence, event_from_dict, parse_iso_date
from cronica.store.duckdb_store import Store

__all__ = ["Sentence", "Store", "event_from_dict", "parse_iso_date"]
