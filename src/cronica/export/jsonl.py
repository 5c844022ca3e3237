"""JSON Lines: one `Event.to_dict()` per line (the record contract), and reading it back."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Any

from cronica.export._io import PathOrStream, open_text
from cronica.export.registry import FunctionExporter
from cronica.record import Event, InputError, event_from_dict


def event_record(event: Event) -> dict[str, Any]:
    """`event.to_dict()` with the nested evidence naming its document and sentence index
    (the top-level `document`, `sentence_index`) where the record leaves them empty."""
    record = event.to_dict()
    evidence = record["evidence"]
    if evidence.get("document") is None:
        evidence["document"] = event.document
    if evidence.get("sentence_index") is None:
        evidence["sentence_index"] = event.sentence_index
    return record


def event_to_json(event: Event) -> str:
    """One event as a single JSON line (UTF-8 text kept as is, no trailing newline)."""
    return json.dumps(event_record(event), ensure_ascii=False)


def write_jsonl(events: Iterable[Event], path_or_stream: PathOrStream) -> int:
    """Write one JSON object per event per line; returns the number written."""
    n = 0
    with open_text(path_or_stream) as out:
        for event in events:
            out.write(event_to_json(event))
            out.write("\n")
            n += 1
    return n


def read_jsonl_events(path: str | os.PathLike[str]) -> list[Event]:
    """Read events written by `write_jsonl`; blank lines are skipped.

    Raises InputError naming the file and line of a malformed record.
    """
    name = os.fspath(path)
    events: list[Event] = []
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from exc
    with fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                events.append(event_from_dict(json.loads(line)))
            except (json.JSONDecodeError, ValueError) as exc:
                raise InputError(name, str(exc), line=lineno) from exc
    return events


EXPORTER = FunctionExporter("jsonl", ".jsonl", write_jsonl)
