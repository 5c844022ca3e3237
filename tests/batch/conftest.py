"""The store tests' PostgreSQL fixtures, for loading batch shards into PostgreSQL too."""

from tests.store.conftest import postgres_server, postgres_url  # noqa: F401
