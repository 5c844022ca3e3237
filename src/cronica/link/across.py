"""Cross-document linking at ingest: a new document's mentions join stored events.

A new event that `same_event(..., same_document=False)` matches with a stored event of another
document is absorbed by it: the stored event keeps its id and document, and takes the new
mention, its claims and its figures (then is settled again: fatalities, disputed). Each
stored event takes at most one new event per document; the rest are stored as new events.
"""

from __future__ import annotations

from cronica.link.compare import same_event
from cronica.link.merge import absorb, mentions_of
from cronica.record import Event


def link_across(new: list[Event], stored: list[Event]) -> tuple[list[Event], list[Event]]:
    """(new events left, stored events updated); see store.Store.add_document(link=...)."""
    left: list[Event] = []
    updated: list[Event] = []
    taken: set[str] = set()
    for ev in new:
        match = next(
            (
                s
                for s in stored
                if s.event_id not in taken
                and s.document != ev.document
                and same_event(s, ev, same_document=False)
            ),
            None,
        )
        if match is None:
            left.append(ev)
            continue
        match.mentions = mentions_of(match)
        absorb(match, ev, "link:cross-document")
        taken.add(match.event_id)
        updated.append(match)
    return left, updated
