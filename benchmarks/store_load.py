"""Store load throughput and cross-document linking time on synthetic events.

    python benchmarks/store_load.py --events 100000 --db /tmp/bench.duckdb
    python benchmarks/store_load.py --events 100000 --db postgresql://USER@HOST/DB

Makes `--events` events over documents of `--per-doc` events each, spread over `--days`
days, `--places` places and the ACLED event types (so that a fraction of them link), stores
them in partitions of `--partition` documents with `Store.add_documents(..., link=link_across)`
(what `cronica load` does) and prints events/second with and without linking. Synthetic
records, not news: it measures the store and the linking, not extraction.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta

from cronica.link.across import link_across
from cronica.record import Actor, Claim, Document, Event, Evidence, Location
from cronica.store import Store

TYPES = [("Battles", "Armed clash", "clash"), ("Explosions/Remote violence",
         "Air/drone strike", "airstrike"), ("Protests", "Peaceful protest", "protest"),
         ("Violence against civilians", "Attack", "attack")]  # fmt: skip


def documents(n_events: int, per_doc: int, days: int, places: int, repeat: float,
              seed: int = 7):  # fmt: skip
    """Synthetic documents; a `repeat` share of events retell an earlier one (linkable)."""
    rng = random.Random(seed)
    start = date(2020, 1, 1)
    told: list[tuple] = []
    for d in range(n_events // per_doc):
        doc_id = f"doc{d:07d}"
        events = []
        for i in range(per_doc):
            if told and rng.random() < repeat:
                (etype, sub, action), p, day = rng.choice(told)
            else:
                kind, p = rng.choice(TYPES), rng.randrange(places)
                day = start + timedelta(days=rng.randrange(days))
                told.append((kind, p, day))
                told = told[-5000:]
                etype, sub, action = kind
            events.append(Event(
                f"{doc_id}-{i}", doc_id, i, Evidence(f"frase {i}", 0, 8, [], action, 0, 5),
                etype, sub, action.upper(), action, date=day.isoformat(), date_precision="day",
                actor1=Actor(f"grupo {p % 5}", f"Group {p % 5}"),
                location=Location(f"Lugar {p}", f"Place {p}", country="Syria", lat=35.0,
                                  lon=36.0, geo_precision=1, gazetteer_id=f"g{p}"),
                claims=[Claim(f"agencia {d % 50}", "media", "reports", doc_id, i)],
            ))  # fmt: skip
        yield Document(doc_id, f"texto sintetico {d}", "es"), [], events


def run(target: str, n_events: int, per_doc: int, days: int, places: int, repeat: float,
        partition: int, link: bool) -> dict:  # fmt: skip
    t0, cpu0 = time.perf_counter(), time.process_time()
    stored = 0
    with Store(target) as store:
        chunk: list = []
        lap, done = time.perf_counter(), 0
        for item in documents(n_events, per_doc, days, places, repeat):
            chunk.append(item)
            if len(chunk) == partition:
                stored += store.add_documents(chunk, link=link_across if link else None)
                done += len(chunk) * per_doc
                chunk = []
                if done % 10_000 == 0:  # is the rate flat as the store fills?
                    now = time.perf_counter()
                    print(f"{done} events: {10_000 / (now - lap):.0f} events/s over the last"
                          " 10000", file=sys.stderr)  # fmt: skip
                    lap = now
        if chunk:
            stored += store.add_documents(chunk, link=link_across if link else None)
        counts = store.counts()
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    return {"target": target.split("@")[-1], "link": link, "repeat": repeat, "events_in": n_events,
            "documents": stored, "events_stored": counts["events"],
            "seconds": round(seconds, 1), "events_per_second": round(n_events / seconds, 1),
            "cpu_seconds": round(cpu, 1), "events_per_cpu_second": round(n_events / cpu, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--per-doc", type=int, default=5)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--places", type=int, default=2000)
    ap.add_argument("--repeat", type=float, default=0.2, help="Share of retold events.")
    ap.add_argument("--partition", type=int, default=200)
    ap.add_argument("--no-link", action="store_true")
    a = ap.parse_args()
    print(json.dumps(run(a.db, a.events, a.per_doc, a.days, a.places, a.repeat, a.partition,
                         not a.no_link)))  # fmt: skip


if __name__ == "__main__":
    main()
