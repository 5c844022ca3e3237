"""CPU time of linking one document's mentions (link.merge.merge_document) when a report is
repeated N times in one document, as a site that republishes it, or a 50 MB dump, has it.

Usage: python benchmarks/merge_scaling.py FILE [N ...]   (default N: 10 40 160 640)

FILE (any report) is read once by the pipeline up to its unmerged events; each N then gets
N copies of them, one after the other (sentence indices shifted), merged in one call. Prints
N, the mentions, the kept events and the CPU seconds, so the growth with N shows: linear
when each mention meets a few kept events, quadratic when it meets them all.
"""

from __future__ import annotations

import copy
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from cronica import pipeline as pipeline_module
from cronica.link.merge import merge_document
from cronica.pipeline import Pipeline
from cronica.record import Document, Event


def unmerged(path: Path) -> list[Event]:
    """The document's events before linking (the pipeline with merge_document bypassed)."""
    found: list[Event] = []

    def keep(events: list[Event], detached: object = ()) -> list[Event]:
        found.extend(events)
        return events

    pipeline_module.merge_document = keep
    try:
        text = path.read_text(encoding="utf-8")
        Pipeline().analyse(Document(id="d", text=text, lang="es", date=date(2016, 12, 13)))
    finally:
        pipeline_module.merge_document = merge_document
    return found


def repeated(events: list[Event], times: int) -> list[Event]:
    step = max(ev.sentence_index for ev in events) + 1
    out = []
    for n in range(times):
        for ev in events:
            twin = copy.deepcopy(ev)
            for claim in twin.claims:  # each copy's sources speak in its own sentence
                claim.sentence = None if claim.sentence is None else claim.sentence + n * step
            out.append(replace(twin, event_id=f"{ev.event_id}-{n}",
                               sentence_index=ev.sentence_index + n * step))  # fmt: skip
    return out


def main() -> None:
    path = Path(sys.argv[1])
    sizes = [int(a) for a in sys.argv[2:]] or [10, 40, 160, 640]
    events = unmerged(path)
    for times in sizes:
        mentions = repeated(events, times)
        start = time.process_time()
        kept = merge_document(mentions)
        cpu = time.process_time() - start
        print(f"N {times}: {len(mentions)} mentions -> {len(kept)} events, "
              f"{cpu:.2f} s CPU", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
