"""A bounded load test on loopback: parallel reads and writes against a real server; no
errors allowed; latency percentiles reported (out/load-test.json and the test's output)."""

from __future__ import annotations

import json
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from tests.serve.conftest import KEY, REPO, serving, small_store

REQUESTS = 1200  # in all, bounded
CONCURRENCY = 12
TIME_LIMIT = 90.0  # seconds; the run stops by itself past this
PATHS = ("/api/events", "/api/events?since=2024-03-04&type=airstrike", "/api/events/e1",
         "/api/timeline", "/api/health", "/api/events?q=damascus&limit=1",
         "/api/export?format=geojson", "/")  # fmt: skip


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def test_parallel_requests_hold_without_errors(tmp_path, capsys):
    db = small_store(tmp_path / "load.duckdb")
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + TIME_LIMIT

    def worker(index: int, client: httpx.Client) -> None:
        if time.monotonic() > deadline:
            return
        start = time.perf_counter()
        try:
            if index % 20 == 0:  # one request in twenty is a write (a review)
                response = client.post("/api/events/e1/review", json={"decision": "accept"})
                ok = response.status_code == 201
            else:
                response = client.get(PATHS[index % len(PATHS)])
                ok = response.status_code == 200
            message = "" if ok else f"{response.status_code} {response.text[:100]}"
        except httpx.HTTPError as exc:
            message = repr(exc)
        elapsed = time.perf_counter() - start
        with lock:
            latencies.append(elapsed)
            if message:
                errors.append(message)

    with serving(db, "--read-rate", "1000000", "--write-rate", "100000") as server:
        clients = [server.client(KEY) for _ in range(CONCURRENCY)]
        began = time.perf_counter()
        with ThreadPoolExecutor(CONCURRENCY) as pool:
            for i in range(REQUESTS):
                pool.submit(worker, i, clients[i % CONCURRENCY])
        wall = time.perf_counter() - began
        for client in clients:
            client.close()
        with server.client() as c:
            assert c.get("/api/health").json()["events"] == 3  # nothing lost or duplicated
            reviews = c.get("/api/events/e1").json()["reviews"]
    figures = {
        "requests": len(latencies), "concurrency": CONCURRENCY, "errors": len(errors),
        "seconds": round(wall, 2), "requests_per_second": round(len(latencies) / wall, 1),
        "p50_ms": round(percentile(latencies, 50) * 1000, 1),
        "p99_ms": round(percentile(latencies, 99) * 1000, 1),
        "mean_ms": round(statistics.mean(latencies) * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1), "writes": len(reviews),
    }  # fmt: skip
    out = Path(REPO / "out")
    out.mkdir(exist_ok=True)
    (out / "load-test.json").write_text(json.dumps(figures, indent=2) + "\n")
    with capsys.disabled():
        print(f"\nload test: {json.dumps(figures)}")
    assert not errors, errors[:5]
    assert len(latencies) == REQUESTS, "the time limit cut the run short"
    assert len(reviews) == REQUESTS // 20
    assert figures["p99_ms"] < 5000
