"""What a Dask worker runs: one partition of documents through the pipeline, written as a shard.

Each worker process keeps one Pipeline per gazetteer list (module-level cache), so the spaCy
pipelines and the gazetteer are loaded once per worker, not once per task. One document that
fails is recorded as a failure and the partition goes on.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cronica.batch.shards import write_partition
from cronica.documents.zones import RepetitionIndex
from cronica.record import Document, InputError
from cronica.store.rows import document_row, event_rows, sentence_rows

_PIPELINES: dict[tuple[str, ...], Any] = {}


def pipeline_for(gazetteers: tuple[str, ...]) -> Any:
    """This process's Pipeline for `gazetteers` (built on first use)."""
    found = _PIPELINES.get(gazetteers)
    if found is None:
        from cronica.pipeline import Pipeline

        found = _PIPELINES[gazetteers] = Pipeline(list(gazetteers))
    return found


@dataclass
class PartitionResult:
    """What one partition task reports back to the driver (small: no document text)."""

    name: str
    documents: int = 0
    events: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0


def failure(doc: Document | None, error: BaseException, source: str | None = None) -> dict:
    """A failures-file record: the input, the document, the line, and why."""
    where = source or (doc.path if doc and doc.path else doc.id if doc else "?")
    reason = str(error) if isinstance(error, InputError) else (
        f"{type(error).__name__}: {error}"
    )
    return {
        "input": where,
        "document": doc.id if doc else None,
        "line": doc.line if doc else getattr(error, "line", None),
        "error": reason,
    }


def run_partition(
    name: str,
    docs: list[Document],
    out: str,
    gazetteers: tuple[str, ...],
    repeated: RepetitionIndex | None,
) -> PartitionResult:
    """Analyse `docs` and write partition `name` under `out`; failures are returned."""
    started = time.perf_counter()
    pipeline = pipeline_for(gazetteers)
    pipeline.repeated = repeated
    result = PartitionResult(name)
    rows: dict[str, list[list[Any]]] = {k: [] for k in
                                        ("documents", "sentences", "events", "claims", "mentions")}
    for doc in docs:
        try:
            analysis = pipeline.analyse(doc)
            if analysis.lang and not doc.lang:
                doc.lang = analysis.lang
            sentences = sentence_rows(doc, analysis.sentences)
            events, claims, mentions = event_rows(analysis.events)
        except Exception as exc:  # one bad document never stops the partition
            result.failures.append(failure(doc, exc))
            if not isinstance(exc, InputError):
                result.failures[-1]["trace"] = traceback.format_exc(limit=-3)
            continue
        rows["documents"].append(document_row(doc))
        rows["sentences"] += sentences
        rows["events"] += events
        rows["claims"] += claims
        rows["mentions"] += mentions
        result.documents += 1
        result.events += len(events)
    write_partition(Path(out), name, rows)
    result.seconds = time.perf_counter() - started
    return result
