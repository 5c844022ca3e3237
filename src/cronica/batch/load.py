"""`cronica load`: a batch folder's shards into a store, linked across documents there.

Each partition is one transaction (`Store.add_documents`): its documents are stored in order,
each linked to the events stored before it through the store's indexed candidate query
(same event type, same place key or gazetteer id, overlapping days), so linking costs grow
with the matching block, not with the store. Documents stored already (same content hash)
are skipped: loading twice changes nothing, and a load stopped half-way is resumed.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cronica.batch.shards import partitions, read_partition
from cronica.record import Document, Event, Linker, Sentence, event_from_dict
from cronica.store.rows import record_of


@dataclass
class LoadStats:
    partitions: int = 0
    documents: int = 0  # stored now
    skipped: int = 0  # stored already
    events: int = 0  # events of the documents stored now, before linking
    started: float = field(default_factory=time.perf_counter)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started


def partition_items(
    rows: dict[str, list[dict[str, Any]]],
) -> Iterator[tuple[Document, list[Sentence], list[Event]]]:
    """A partition's documents with their sentences and events, in the partition's order."""
    sentences: dict[str, list[Sentence]] = defaultdict(list)
    for s in rows["sentences"]:
        sentences[s["document"]].append(
            (s["sentence_index"], s["start_char"], s["end_char"], s["text"], list(s["citations"]))
        )
    events: dict[str, list[Event]] = defaultdict(list)
    for e in rows["events"]:
        events[e["document"]].append(event_from_dict(record_of(e["record"])))
    for d in rows["documents"]:
        doc = Document(d["id"], d["text"], d["lang"], d["date"], d["url"], d["source"],
                       d["path"], d["title"])  # fmt: skip
        yield doc, sorted(sentences[doc.id]), events[doc.id]


def load(
    out: Path,
    target: str,
    link: Linker | None = None,
    report: Callable[[LoadStats], None] | None = None,
) -> LoadStats:
    """Load every finished partition under `out` into the store `target`."""
    from cronica.store import Store

    stats = LoadStats()
    with Store(target) as store:
        for part in partitions(out):
            items = list(partition_items(read_partition(part)))
            known = store.stored_hashes([doc.content_hash for doc, _, _ in items])
            fresh = sum(len(evs) for doc, _, evs in items if doc.content_hash not in known)
            stored = store.add_documents(items, link=link)
            stats.partitions += 1
            stats.documents += stored
            stats.skipped += len(items) - stored
            stats.events += fresh
            if report:
                report(stats)
    return stats
