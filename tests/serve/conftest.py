"""A real `cronica serve` process on a free loopback port, and stores to serve."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from cronica.record import Actor, Document, Location
from cronica.store import Store
from tests.store.test_store import SENTS_A, doc_a, make_event

KEY = "test-key-0123456789"
HOST = "127.0.0.1"
REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "informe-idlib-es.txt"
XSS_ACTOR = '<img src=x onerror="window.__pwned=1">Brigada'
XSS_TEXT = ('<script>window.__pwned=2</script> Aviones rusos bombardearon Saraqib el 4 de febrero '
            'de 2020 y mataron a tres civiles, según el Observatorio Sirio.')  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A running server: its base URL and process."""

    url: str
    process: subprocess.Popen

    def client(self, key: str | None = None) -> httpx.Client:
        headers = {"X-API-Key": key} if key else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=120)


@contextmanager
def serving(db: Path, *args: str, key: str = KEY) -> Iterator[Server]:
    """`cronica serve --db DB ARGS` on a free loopback port until the block ends."""
    port = free_port()
    env = {**os.environ, "CRONICA_API_KEY": key}
    log = open(db.with_suffix(f".{port}.log"), "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [sys.executable, "-m", "cronica.cli", "serve", "--db", str(db), "--host", HOST,
         "--port", str(port), *args],
        stdout=log, stderr=subprocess.STDOUT, env=env,
    )  # fmt: skip
    url = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server ended: {db.with_suffix(f'.{port}.log').read_text()}")
            try:
                if httpx.get(f"{url}/api/health", timeout=2).status_code < 500:  # up (maybe keyed)
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start in 60 s")
            time.sleep(0.2)
        yield Server(url, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def small_store(path: Path) -> Path:
    """A store of three hand-made events (no extraction): two days, two places, one disputed,
    one actor whose name is markup."""
    damascus = Location("Damasco", "Damascus", "Damascus", None, "Syria", 33.51, 36.29, 1, "g:2")
    events = [
        make_event("e1"),
        make_event("e2", sentence_index=1, date_="2024-03-05", disputed=True,
                   actor1=Actor(XSS_ACTOR, XSS_ACTOR, "Rebel group", "Syria"), location=damascus),
        make_event("e3", sentence_index=1, date_="2024-04-01", event_type="Battles",
                   sub_event_type="Armed clash", action="clash", location=damascus),
    ]  # fmt: skip
    with Store(str(path)) as store:
        store.add_document(doc_a(), SENTS_A, events)
        store.add_document(Document("doc-b", "Otro texto.", "es"), [(0, 0, 11, "Otro texto.", [])],
                           [])  # fmt: skip
    return path


@pytest.fixture(scope="module")
def api(tmp_path_factory) -> Iterator[Server]:
    """A server over the small store, limits loose enough for the tests' own traffic."""
    db = small_store(tmp_path_factory.mktemp("api") / "small.duckdb")
    with serving(db, "--read-rate", "100000", "--write-rate", "1000") as server:
        yield server
