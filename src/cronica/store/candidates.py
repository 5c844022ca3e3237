"""Cross-document link candidates of a batch of new documents, blocked on the link keys.

The store fetches, in one indexed query per batch, the stored events that share a block
(event type + place key or gazetteer id, overlapping days) with any new event; a CandidatePool
holds them and the batch's own events as they are stored, so that each document is linked to
everything stored before it (earlier documents of the batch included), as one-by-one ingest
would, without one query per document.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from cronica.record import Event
from cronica.store.keys import link_keys

Block = tuple[str, date, date, str | None, str | None]  # type, first day, last day, key, gid


def blocks_of(events: list[Event]) -> set[Block]:
    """The link blocks of events (events without a day range or a place have none)."""
    found: set[Block] = set()
    for ev in events:
        start, end, key, gazetteer_id = link_keys(ev)
        if start is not None and end is not None and (key or gazetteer_id):
            found.add((ev.event_type, start, end, key, gazetteer_id))
    return found


class CandidatePool:
    """Events that later documents may link to, indexed by (type, place key / gazetteer id)."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str, str], dict[str, Event]] = defaultdict(dict)

    def add(self, event: Event) -> None:
        _, _, key, gazetteer_id = link_keys(event)
        if key:
            self._by_key[(event.event_type, "k", key)][event.event_id] = event
        if gazetteer_id:
            self._by_key[(event.event_type, "g", gazetteer_id)][event.event_id] = event

    def candidates(self, doc_id: str, events: list[Event]) -> list[Event]:
        """Pooled events of other documents sharing a block with one of `events`."""
        found: dict[str, Event] = {}
        for event_type, start, end, key, gazetteer_id in blocks_of(events):
            pools = [self._by_key.get((event_type, "k", key or "")),
                     self._by_key.get((event_type, "g", gazetteer_id or ""))]  # fmt: skip
            for pool in pools:
                for ev in (pool or {}).values():
                    s, e, _, _ = link_keys(ev)
                    if ev.document != doc_id and s and e and s <= end and start <= e:
                        found.setdefault(ev.event_id, ev)
        return list(found.values())
