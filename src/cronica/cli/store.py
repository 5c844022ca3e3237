"""Commands over the store: ingest, events, show, export."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from cronica.cli.app import app, err
from cronica.cli.failures import DEFAULT_FAILURES
from cronica.cli.options import (
    DateOpt,
    DbOpt,
    ExportFormat,
    FormatIn,
    FormatOut,
    Gazetteers,
    LangOpt,
    Paths,
    TextCol,
)
from cronica.cli.run import FailuresOpt, Run, WaitOpt, open_store, progress
from cronica.record import Document
from cronica.store.dialect import display_name, is_postgres

if TYPE_CHECKING:
    from cronica.pipeline import Analysis

log = logging.getLogger("cronica")


@app.command()
def ingest(
    paths: Paths,
    db: DbOpt = "cronica.duckdb",
    lang: LangOpt = "auto",
    when: DateOpt = None,
    input_format: FormatIn = "text",
    text_column: TextCol = "text",
    gazetteer: Gazetteers = None,
    failures: FailuresOpt = DEFAULT_FAILURES,
    wait: WaitOpt = 0.0,
) -> None:
    """Store documents and their events in DuckDB (re-ingesting the same text changes nothing).

    Each document is stored with its events in one transaction. A document that fails is
    logged, listed in the failures file and skipped (exit code 1); the others are stored.
    """
    run = Run(paths, input_format, text_column, when, lang, gazetteer, failures, "ingest")
    pipeline = run.pipeline()
    stored = unchanged = 0
    with open_store(db, wait=wait) as store, progress() as bar:
        task = bar.add_task("ingesting", total=None)
        for item in run.documents():
            bar.advance(task)
            if store.has_document(item.content_hash):
                unchanged += 1
                log.info("%s: unchanged (already stored)", item.id)
                continue
            analysis: Analysis | None = run.attempt(pipeline.analyse, item, "analyse")
            if analysis is None:
                continue
            if run.attempt(partial(_ingest_one, store, analysis=analysis), item, "store") is None:
                continue
            stored += 1
            log.info("%s: stored, %d events", item.id, len(analysis.events))
    err.print(
        f"{stored} stored, {unchanged} unchanged, {run.failed} failed -> {display_name(db)}",
        markup=False,
    )
    run.report()
    if run.failed:
        raise typer.Exit(1)


def _ingest_one(store, doc: Document, analysis: Analysis) -> bool:
    """Store one analysed document with its events, in one transaction; True when done."""
    if analysis.lang and not doc.lang:
        doc.lang = analysis.lang
    from cronica.link.across import link_across

    store.add_document(doc, analysis.sentences, analysis.events, link=link_across)
    return True


@app.command()
def events(
    db: DbOpt = "cronica.duckdb",
    type_: Annotated[
        str | None, typer.Option("--type", help="Event type, sub-event type or action.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor name contains this.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name contains this.")] = None,
    disputed: Annotated[bool, typer.Option("--disputed", help="Only disputed events.")] = False,
    fmt: FormatOut = "table",
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    wait: WaitOpt = 0.0,
) -> None:
    """List stored events."""
    from cronica.output import write_events
    _require_db(db)
    with open_store(db, read_only=True, wait=wait) as store:
        found = store.events(
            type=type_,
            since=since,
            until=until,
            actor=actor,
            place=place,
            disputed=True if disputed else None,
            limit=limit,
        )
    write_events(found, fmt, None)


@app.command()
def show(
    event_id: Annotated[str, typer.Argument(help="The event's id (from `cronica events`).")],
    db: DbOpt = "cronica.duckdb",
    wait: WaitOpt = 0.0,
) -> None:
    """Print one event with every claim and evidence sentence, source by source."""
    from cronica.show import show_event
    _require_db(db)
    with open_store(db, read_only=True, wait=wait) as store:
        event = store.event(event_id)
        if event is None:
            err.print(f"[red]{event_id}: no such event[/red] in {display_name(db)}")
            raise typer.Exit(2)
        sentences = {
            doc: {s[0]: s[3] for s in store.sentences(doc)}
            for doc in {event.document, *(c.document for c in event.claims if c.document)}
        }
    Console().print(show_event(event, sentences))


@app.command()
def export(
    db: DbOpt = "cronica.duckdb",
    fmt: ExportFormat = "acled-csv",
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")] = Path(
        "events.csv"
    ),
    wait: WaitOpt = 0.0,
) -> None:
    """Export stored events as ACLED-style CSV, GeoJSON, Parquet or JSONL."""
    from cronica.export import export as write
    _require_db(db)
    with open_store(db, read_only=True, wait=wait) as store:
        found = store.events()
    count = write(found, fmt, str(output))
    err.print(f"wrote {count} events to {output}", markup=False)


def _require_db(db: str) -> None:
    if not is_postgres(db) and not Path(db).exists():
        err.print(f"[red]{db}: no such database[/red] (run `cronica ingest` first)")
        raise typer.Exit(2)
