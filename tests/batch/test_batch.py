"""`cronica batch` and `cronica load`: partitions, shards, inputs, and a real run that is
killed (kill -9) and resumed: nothing lost, nothing written twice, then loaded into a store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cronica.batch.inputs import read_batch_inputs
from cronica.batch.run import BatchStats, partition_name, partitions
from cronica.batch.shards import (
    done_hashes,
    read_partition,
    remove_unfinished,
    write_partition,
)
from cronica.batch.shards import (
    partitions as finished,
)
from cronica.record import Document, InputError
from cronica.store import Store

PLACES = ["Saraqib", "Maarat al-Numan", "Jisr al-Shughur", "Ariha", "Binnish", "Taftanaz",
          "Sarmin", "Kafr Takharim"]  # fmt: skip


def report(i: int) -> str:
    """A short Spanish report of our own, different for each i."""
    place = PLACES[i % len(PLACES)]
    return (
        f"El {i + 1} de marzo de 2024, aviones del gobierno bombardearon {place} y mataron a "
        f"{i + 2} civiles, según el observatorio.\nLos vecinos huyeron hacia el norte."
    )


def test_partitions_skip_done_documents_and_repeated_texts_and_report_bad_inputs():
    docs = [Document(f"d{i}", report(i)) for i in range(5)]
    done = {docs[0].content_hash}
    failures: list[dict] = []
    stats = BatchStats()
    items = [*docs, Document("again", report(3)), InputError("bad.txt", "empty file")]
    got = list(partitions(items, 2, done, stats, failures.append))
    assert [[d.id for d in p] for p in got] == [["d1", "d2"], ["d3", "d4"]]
    assert stats.skipped == 2 and stats.failed == 1
    assert failures == [{"input": "bad.txt", "document": None, "line": None,
                         "error": "bad.txt: empty file"}]  # fmt: skip
    assert partition_name(got[0]) == partition_name(list(got[0]))
    assert partition_name(got[0]) != partition_name(got[1])


def test_partition_is_written_whole_or_not_at_all(tmp_path):
    doc = Document("d0", report(0))
    rows = {"documents": [[doc.id, doc.content_hash, None, None, None, "es", None, None,
                           doc.text]]}  # fmt: skip
    write_partition(tmp_path, "p1", rows)
    (tmp_path / "parts" / "p2.tmp-dead").mkdir()  # what a killed run leaves
    assert [p.name for p in finished(tmp_path)] == ["p1"]
    assert list(done_hashes(tmp_path)) == [doc.content_hash]
    assert remove_unfinished(tmp_path) == 1 and not (tmp_path / "parts" / "p2.tmp-dead").exists()
    back = read_partition(tmp_path / "parts" / "p1")
    assert back["documents"][0]["text"] == doc.text and back["events"] == []
    write_partition(tmp_path, "p1", rows)  # the same partition again: still one copy
    assert len(list(done_hashes(tmp_path))) == 1


def test_inputs_expand_globs_and_folders_and_stream_parquet_rows(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(report(0), "utf-8")
    (tmp_path / "a" / "two.txt").write_text(report(1), "utf-8")
    table = pa.table({
        "id": ["p1", "p2", "p3"],
        "cuerpo": [report(2), "", report(3)],
        "date": [date(2024, 3, 4), None, date(2024, 3, 5)],
    })  # fmt: skip
    pq.write_table(table, tmp_path / "rows.parquet")
    got = list(read_batch_inputs([str(tmp_path / "a"), str(tmp_path / "*.parquet")],
                                 text_column="cuerpo"))  # fmt: skip
    docs = [g for g in got if isinstance(g, Document)]
    errors = [g for g in got if isinstance(g, InputError)]
    assert [d.id for d in docs][-2:] == ["p1", "p3"]
    assert len(docs) == 4 and docs[-1].date == date(2024, 3, 5)
    assert len(errors) == 1 and "rows.parquet:2" in str(errors[0])
    missing = list(read_batch_inputs([str(tmp_path / "nothing-*.txt")]))
    assert len(missing) == 1 and isinstance(missing[0], InputError)
    bad = list(read_batch_inputs([str(tmp_path / "rows.parquet")], text_column="texto"))
    assert len(bad) == 1 and "no column 'texto'" in str(bad[0])


def _cli(*args: object, **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "cronica.cli", *map(str, args)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True, **kw,
    )  # fmt: skip


def _shard_hashes(out: Path) -> list[str]:
    return list(done_hashes(out))


@pytest.fixture(scope="module")
def killed_and_resumed(tmp_path_factory):
    """A real batch run killed with SIGKILL after its first partitions, then run again. The
    run is polled often and killed whole (driver and workers, as a crash would): a run of ten
    short reports takes well under a second once started, and killing only the driver let its
    workers finish what they held."""
    root = tmp_path_factory.mktemp("batch")
    inputs = root / "in"
    inputs.mkdir()
    texts = [report(i) for i in range(10)]
    for i, text in enumerate(texts):
        (inputs / f"r{i:02d}.txt").write_text(text, "utf-8")
    (inputs / "vacio.txt").write_text("   \n", "utf-8")
    out = root / "out"
    args = ("batch", str(inputs / "*.txt"), "--out", out, "--workers", "1",
            "--partition-size", "1", "--date", "2024-03-20")  # fmt: skip
    first = _cli(*args)
    try:
        deadline = time.time() + 300
        while len(finished(out)) < 2 and first.poll() is None and time.time() < deadline:
            time.sleep(0.05)
        assert first.poll() is None, "the run ended before it could be killed"
        os.killpg(first.pid, signal.SIGKILL)  # the driver and its workers at once, as a crash
        first.wait(30)
    finally:
        try:  # the killed run's cluster processes, which we started
            os.killpg(first.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    before = _shard_hashes(out)
    second = _cli(*args)
    stdout, stderr = second.communicate(timeout=600)
    return root, out, texts, before, second.returncode, stderr


def test_killed_run_resumes_without_loss_or_duplicates(killed_and_resumed):
    _, out, texts, before, code, stderr = killed_and_resumed
    assert 2 <= len(before) < len(texts)
    after = _shard_hashes(out)
    expected = sorted(Document("x", t).content_hash for t in texts)
    assert sorted(after) == expected, stderr  # nothing lost, nothing twice
    assert f"{len(before)} done before" in stderr
    assert code == 1  # the empty input failed ...
    failures = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert [Path(f["input"]).name for f in failures] == ["vacio.txt"]  # ... and is named
    assert not list((out / "parts").glob("*.tmp-*"))


@pytest.mark.parametrize("backend", ["duckdb", "postgresql"])
def test_load_stores_every_document_once_and_links_in_the_store(
    killed_and_resumed, backend, request, tmp_path
):
    _, out, texts, _, _, _ = killed_and_resumed
    target = (str(tmp_path / "c.duckdb") if backend == "duckdb"
              else request.getfixturevalue("postgres_url"))  # fmt: skip
    events_in_shards = sum(len(read_partition(p)["events"]) for p in finished(out))
    assert events_in_shards > 0
    for _ in range(2):  # the second load finds everything stored
        proc = subprocess.run([sys.executable, "-m", "cronica.cli", "load", str(out), "--db",
                               target], capture_output=True, text=True, timeout=300)  # fmt: skip
        assert proc.returncode == 0, proc.stderr
    assert '"documents": 0, "skipped": 10' in proc.stderr
    with Store(target, read_only=True) as store:
        counts = store.counts()
        assert counts["documents"] == len(texts)
        # linking only merges: never more events than the shards hold
        assert 0 < counts["events"] <= events_in_shards
        assert {d["content_hash"] for d in store.documents()} == {
            Document("x", t).content_hash for t in texts
        }


def test_run_on_an_existing_scheduler_leaves_the_cluster_running(tmp_path):
    from dask.distributed import Client, LocalCluster

    from cronica.batch.run import BatchConfig, run_batch

    docs = [Document(f"d{i}", report(i), "es", date(2024, 3, 20)) for i in range(2)]
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=":0") as cluster:  # fmt: skip
        config = BatchConfig(tmp_path, partition_size=1, scheduler=cluster.scheduler_address)
        stats = run_batch(config, [*docs, InputError("x.txt", "binary file")])
        assert (stats.documents, stats.failed, stats.partitions) == (2, 1, 2)
        assert stats.events > 0
        with Client(cluster.scheduler_address) as client:  # still there for its owners
            assert len(client.scheduler_info()["workers"]) == 1
    assert sorted(done_hashes(tmp_path)) == sorted(d.content_hash for d in docs)


def test_completed_in_turn_holds_at_most_the_limit_and_returns_what_was_kept():
    """At most `limit` items are submitted at once, the next as one finishes; each future
    comes back with what `submit` kept of its item, and every item is run once."""
    from dask.distributed import Client, LocalCluster

    from cronica.batch.run import completed_in_turn

    in_flight: list[int] = []
    running = 0

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                      dashboard_address=":0") as cluster, Client(cluster) as client:  # fmt: skip

        def submit(n: int):
            nonlocal running
            running += 1
            in_flight.append(running)
            return client.submit(pow, n, 2, pure=False), f"item {n}"

        found = []
        for kept, future in completed_in_turn(submit, range(7), limit=3):
            running -= 1
            found.append((kept, future.result()))
    assert max(in_flight) == 3
    assert sorted(found) == sorted((f"item {n}", n * n) for n in range(7))
