"""What differs between the store's two databases, DuckDB and PostgreSQL, in one object.

Every query of the store is written once, DuckDB-style with ``?`` placeholders (store/queries.py);
a Dialect opens the connection, rewrites placeholders for its driver and bulk-inserts rows.
Both drivers are DB-API connections whose ``execute(sql, params)`` takes a parameter list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

POSTGRES_PREFIXES = ("postgresql://", "postgres://")


def is_postgres(target: str) -> bool:
    """Whether a --db value names a PostgreSQL database (a URL) rather than a DuckDB file."""
    return str(target).startswith(POSTGRES_PREFIXES)


def display_name(target: str) -> str:
    """`target` fit for messages: a URL's password is replaced by ***."""
    if not is_postgres(target):
        return str(target)
    parts = urlsplit(target)
    if parts.password is None:
        return target
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


@dataclass(frozen=True)
class Dialect:
    """How one database is opened, spelt and bulk-loaded."""

    name: str
    # Taken at the start of every write transaction, so that a document is linked to every
    # event committed before it even with several writers (DuckDB has a single writer).
    writer_lock: str | None = None

    def sql(self, query: str) -> str:
        """`query` (``?`` placeholders) as this driver takes it."""
        return query

    def ddl(self, statement: str) -> str:
        """A CREATE statement of store/schema.py (DuckDB type names) in this dialect."""
        return statement

    def blocks(self) -> str:
        """A FROM item `b (t, k, g, lo, hi, first_day)` made of six list parameters zipped."""
        return (
            "(SELECT unnest(?) AS t, unnest(?) AS k, unnest(?) AS g, unnest(?) AS lo,"
            " unnest(?) AS hi, unnest(?) AS first_day) AS b"
        )

    def connect(self, target: str, read_only: bool, wait: float = 0.0) -> Any:
        """A connection; `wait`: seconds to wait for a store another process holds."""
        raise NotImplementedError

    def errors(self) -> tuple[type[BaseException], ...]:
        """The driver's exception classes (to name the store in messages)."""
        raise NotImplementedError

    def insert_rows(
        self, con: Any, table: str, columns: Sequence[str], rows: list[list[Any]]
    ) -> None:
        """Insert many rows (values in `columns` order) in the open transaction."""
        raise NotImplementedError


class DuckDialect(Dialect):
    """DuckDB: a file or ':memory:'; bulk inserts go through an Arrow table."""

    def __init__(self) -> None:
        super().__init__("duckdb")

    def connect(self, target: str, read_only: bool, wait: float = 0.0) -> Any:
        from cronica.store.lock import connect

        return connect(target, read_only=read_only, wait=wait)

    def errors(self) -> tuple[type[BaseException], ...]:
        import duckdb

        return (duckdb.Error,)

    def insert_rows(
        self, con: Any, table: str, columns: Sequence[str], rows: list[list[Any]]
    ) -> None:
        import pyarrow as pa

        if not rows:
            return
        data = pa.Table.from_pydict({c: [r[i] for r in rows] for i, c in enumerate(columns)})
        view = f"_cronica_insert_{table}"
        con.register(view, data)
        try:
            con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM {view}")
        finally:
            con.unregister(view)


_PLACEHOLDER = re.compile(r"%|\?")
_DOUBLE = re.compile(r"\bDOUBLE\b(?! PRECISION)")


class PostgresDialect(Dialect):
    """PostgreSQL through psycopg 3 (autocommit; the store opens its own transactions);
    ``?`` becomes ``%s`` and a literal ``%`` ``%%``; bulk inserts use COPY."""

    def __init__(self) -> None:
        super().__init__("postgresql", "LOCK TABLE events IN SHARE ROW EXCLUSIVE MODE")

    def sql(self, query: str) -> str:
        return _PLACEHOLDER.sub(lambda m: "%s" if m.group() == "?" else "%%", query)

    def ddl(self, statement: str) -> str:
        return _DOUBLE.sub("DOUBLE PRECISION", statement)

    def blocks(self) -> str:
        text, day = "CAST(? AS VARCHAR[])", "CAST(? AS DATE[])"
        return (
            f"unnest({text}, {text}, {text}, {day}, {day}, {day})"
            " AS b (t, k, g, lo, hi, first_day)"
        )

    def connect(self, target: str, read_only: bool, wait: float = 0.0) -> Any:
        import psycopg

        con = psycopg.connect(target, autocommit=True)
        if read_only:
            con.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        return con

    def errors(self) -> tuple[type[BaseException], ...]:
        import psycopg

        return (psycopg.Error,)

    def insert_rows(
        self, con: Any, table: str, columns: Sequence[str], rows: list[list[Any]]
    ) -> None:
        if not rows:
            return
        with con.cursor() as cur, cur.copy(
            f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row(row)


def dialect_for(target: str) -> Dialect:
    """The dialect of a --db value: a postgresql:// URL, else a DuckDB file."""
    return PostgresDialect() if is_postgres(target) else DuckDialect()
