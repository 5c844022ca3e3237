"""Store fixtures: every store test runs against DuckDB and against a real PostgreSQL server
(started for the session; those runs skip, saying why, where none can start)."""

from __future__ import annotations

import itertools

import pytest

from tests.store import postgres

_counter = itertools.count()


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server (skips the test where none can start)."""
    try:
        server = postgres.start()
    except postgres.Unavailable as exc:
        pytest.skip(f"no PostgreSQL server: {exc}")
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A new, empty database on the session's server."""
    import psycopg

    name = f"cronica_test_{next(_counter)}"
    with psycopg.connect(postgres_server.url, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    return postgres_server.url_of(name)


@pytest.fixture(params=["duckdb", "postgresql"])
def store_target(request, tmp_path) -> str:
    """Where a store lives: a DuckDB file, or a fresh PostgreSQL database."""
    if request.param == "duckdb":
        return str(tmp_path / "c.duckdb")
    return request.getfixturevalue("postgres_url")
