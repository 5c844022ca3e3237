"""Render events for people (a rich table) and for stdout formats."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator

from rich.console import Console
from rich.table import Table
from rich.text import Text

from cronica.export import export
from cronica.export.registry import exporter, is_binary
from cronica.export.units import figure
from cronica.record import Actor, Event

PIPED_WIDTH = 200  # columns of a table written to a file or a pipe
# Exporters that write each event as it comes: `stream_events` flushes them per document.
STREAMED = frozenset({"jsonl", "acled-csv"})


DISPUTED = "DISPUTED"  # the marker of a disputed event in the table (plain text, not markup)


def events_table(events: Iterable[Event], title: str | None = None) -> Table:
    """A readable table: the event id (what `cronica show` takes), when, what (with a visible
    DISPUTED marker), who, where, how many, according to whom. Every cell is plain text:
    brackets in names or sentences are never read as Rich markup."""
    table = Table(title=title, show_lines=False, expand=True)
    # (name, style, ratio of the width left): names get room before the evidence snippet
    for name, style, ratio in (
        ("id", "cyan", None),
        ("date", "", None),
        ("sub-event type", "bold", 3),
        ("actor 1", "", 3),
        ("actor 2", "", 3),
        ("place", "", 2),
        ("counts", "", 2),
        ("sources", "", 2),
        ("evidence", "dim", 2),
    ):
        table.add_column(name, style=style or None, overflow="fold", ratio=ratio,
                         no_wrap=name in ("id", "date"))
    for ev in events:
        counts = ", ".join(f"{q.kind} {figure(q, ev.evidence.sentence)}" for q in ev.quantities)
        sources = "; ".join(f"{c.source} ({c.stance})" for c in ev.claims)
        place = ""
        if ev.location is not None:
            place = ev.location.canonical or f"{ev.location.text} (?)"
        what = Text(ev.sub_event_type)
        if ev.disputed:
            what.append(f" {DISPUTED}", style="bold red")
        table.add_row(
            Text(ev.event_id),
            Text(ev.date or ""),
            what,
            Text(_actor(ev.actor1)),
            Text(_actor(ev.actor2)),
            Text(place),
            Text(counts),
            Text(sources),
            Text(_snippet(ev)),
        )
    return table


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return ""
    return actor.canonical or f"{actor.text} (?)"


def _snippet(ev: Event, width: int = 70) -> str:
    text = " ".join(ev.evidence.sentence.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def write_events(events: list[Event], fmt: str, path: str | None) -> int:
    """Write events as a table or in a registered export format to `path` or stdout."""
    if fmt == "table":
        if path:
            with open(path, "w", encoding="utf-8") as fh:
                Console(file=fh, width=PIPED_WIDTH).print(events_table(events))
            return len(events)
        console = Console(file=sys.stdout)
        if not console.is_terminal and "COLUMNS" not in os.environ:
            console = Console(file=sys.stdout, width=PIPED_WIDTH)  # logs, pipes: stay readable
        console.print(events_table(events))
        return len(events)
    if path:
        return export(events, fmt, path)
    if is_binary(exporter(fmt)):
        raise ValueError(f"{fmt} needs -o FILE")
    buffer = io.StringIO()
    count = export(events, fmt, buffer)
    sys.stdout.write(buffer.getvalue())
    return count


def streams(fmt: str) -> bool:
    """Whether `fmt` is written document by document (else it is written at the end)."""
    return fmt != "table" and exporter(fmt).name in STREAMED


def stream_events(batches: Iterable[list[Event]], fmt: str, path: str | None) -> int:
    """Write each batch (one document's events) as soon as it comes, flushed, so that what
    is done survives a crash or Ctrl-C; `fmt` must stream (see `streams`)."""
    if not streams(fmt):
        raise ValueError(f"{fmt} is not written document by document")
    target = open(path, "w", encoding="utf-8", newline="") if path else sys.stdout
    try:

        def flowing() -> Iterator[Event]:
            for batch in batches:
                yield from batch
                target.flush()  # the exporter wrote the batch when it asks for more

        return export(flowing(), fmt, target)
    finally:
        if path:
            target.close()
        else:
            target.flush()
