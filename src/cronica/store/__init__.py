"""Storage of documents, sentences and events (DuckDB by default)."""

from cronica.store.duckdb_store import Sentence, Store, parse_iso_date
from cronica.store.records import event_from_dict

__all__ = ["Sentence", "Store", "event_from_dict", "parse_iso_date"]
