"""The driver of a batch run: stream the inputs into partitions, run them as Dask tasks on a
local cluster (or an existing scheduler), record progress and failures.

Memory stays flat: documents are read lazily and at most `max_in_flight` partitions are
submitted at a time. A re-run skips documents whose content hash is in a finished partition,
so a killed run loses only the partitions that were in flight.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cronica.batch.shards import FAILURES, done_hashes, remove_unfinished
from cronica.batch.worker import PartitionResult, failure, run_partition
from cronica.documents.zones import RepetitionIndex
from cronica.record import Document, InputError


@dataclass
class BatchConfig:
    """One `cronica batch` run."""

    out: Path
    partition_size: int = 20
    workers: int | None = None  # local cluster size; default: the machine's cores
    scheduler: str | None = None  # tcp://HOST:PORT of an existing cluster
    gazetteers: tuple[str, ...] = ()
    max_in_flight: int | None = None  # partitions submitted at once; default 2 per worker


@dataclass
class BatchStats:
    """What a run did, as the progress bar and the final line show it."""

    documents: int = 0  # analysed and written this run
    skipped: int = 0  # already in a finished partition
    events: int = 0
    failed: int = 0
    partitions: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def rate(self) -> float:
        """Documents per second since the start."""
        elapsed = time.perf_counter() - self.started
        return self.documents / elapsed if elapsed > 0 else 0.0


Report = Callable[[BatchStats], None]


def partition_name(docs: list[Document]) -> str:
    """A partition's name from its documents' content hashes (the same documents, the same
    name: a partition re-run after a crash does not write a second copy)."""
    digest = hashlib.sha256("".join(d.content_hash for d in docs).encode("ascii"))
    return digest.hexdigest()[:20]


def partitions(
    items: Iterable[Document | InputError],
    size: int,
    done: set[str],
    stats: BatchStats,
    on_failure: Callable[[dict[str, Any]], None],
) -> Iterator[list[Document]]:
    """Lists of at most `size` documents not yet done (`done` grows as they are taken, so a
    text given twice is analysed once); reader failures go to `on_failure`."""
    batch: list[Document] = []
    for item in items:
        if isinstance(item, InputError):
            stats.failed += 1
            on_failure(failure(None, item, item.source))
            continue
        digest = item.content_hash
        if digest in done:
            stats.skipped += 1
            continue
        done.add(digest)
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _client(config: BatchConfig) -> tuple[Any, Any, int]:
    """(client, local cluster or None, number of workers)."""
    from dask.distributed import Client, LocalCluster

    for name in ("distributed", "tornado", "bokeh"):  # Dask's own chatter: warnings only
        logging.getLogger(name).setLevel(logging.WARNING)
    if config.scheduler:
        client = Client(config.scheduler)
        return client, None, max(1, len(client.scheduler_info().get("workers", {})))
    n = config.workers or os.cpu_count() or 1
    cluster = LocalCluster(
        n_workers=n,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        death_timeout=30,  # workers of a killed driver do not outlive it for long
    )
    return Client(cluster), cluster, n


_NONE_LEFT = object()  # the end of `completed_in_turn`'s items


def completed_in_turn(
    submit: Callable[[Any], tuple[Any, Any]], items: Iterable[Any], limit: int
) -> Iterator[tuple[Any, Any]]:
    """Submit the items, at most `limit` at a time and the next as one finishes, and yield
    (what `submit` kept of the item, its future) as each future completes. `submit(item)`
    returns (future, what to keep): the item itself need not be held while it runs."""
    from dask.distributed import as_completed

    waiting = iter(items)
    running = as_completed()
    kept: dict[str, Any] = {}  # future key -> what submit kept of its item

    def submit_next() -> bool:
        item = next(waiting, _NONE_LEFT)
        if item is _NONE_LEFT:
            return False
        future, keep = submit(item)
        kept[future.key] = keep
        running.add(future)
        return True

    while len(kept) < limit and submit_next():
        pass
    for future in running:
        yield kept.pop(future.key, None), future
        while len(kept) < limit and submit_next():
            pass


def run_batch(
    config: BatchConfig,
    documents: Iterable[Document | InputError],
    repeated: RepetitionIndex | None = None,
    report: Report | None = None,
) -> BatchStats:
    """Analyse every document not yet done into partitions under `config.out`.

    The failures file (OUT/failures.jsonl) is rewritten: one JSON line per input that failed
    this run, with why. A task lost with its worker fails its documents, not the run.
    """
    out = Path(config.out)
    out.mkdir(parents=True, exist_ok=True)
    remove_unfinished(out)
    stats = BatchStats()
    done = set(done_hashes(out))
    report = report or (lambda s: None)
    with open(out / FAILURES, "w", encoding="utf-8") as failures_file:

        def on_failure(record: dict[str, Any]) -> None:
            failures_file.write(json.dumps(record, ensure_ascii=False) + "\n")
            failures_file.flush()

        pending = partitions(documents, config.partition_size, done, stats, on_failure)
        first = next(pending, None)
        if first is None:  # nothing left to do: no cluster to start
            return stats
        pending = itertools.chain([first], pending)
        client, cluster, n_workers = _client(config)
        try:
            shared = client.scatter(repeated, broadcast=True) if repeated is not None else None
            limit = config.max_in_flight or 2 * n_workers

            def submit(docs: list[Document]) -> tuple[Any, list[Document]]:
                name = partition_name(docs)
                future = client.submit(
                    run_partition, name, docs, str(out), config.gazetteers, shared,
                    key=f"cronica-partition-{name}", pure=False,
                )  # fmt: skip
                return future, [Document(d.id, "", path=d.path, line=d.line) for d in docs]

            for stubs, future in completed_in_turn(submit, pending, limit):
                try:
                    result: PartitionResult = future.result()
                except Exception as exc:  # the task (or its worker) died: its documents failed
                    for doc in stubs or []:
                        stats.failed += 1
                        on_failure(failure(doc, exc))
                else:
                    stats.partitions += 1
                    stats.documents += result.documents
                    stats.events += result.events
                    for record in result.failures:
                        stats.failed += 1
                        on_failure(record)
                future.release()
                report(stats)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    return stats
