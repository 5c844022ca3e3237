"""Commands over the store: ingest, events, show, export."""

from __future__ import annotations

import logging
import sys
from datetime import date
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
    at_least,
    flag,
    partial_date,
)
from cronica.cli.run import SKIPPED, FailuresOpt, JobsOpt, Run, WaitOpt, open_store, progress
from cronica.record import Document, Event
from cronica.store.dialect import display_name, is_postgres

if TYPE_CHECKING:
    from cronica.pipeline import Analysis, Pipeline
    from cronica.store import Store

log = logging.getLogger("cronica")


@app.command()
def ingest(
    paths: Paths,
    db: DbOpt = "cronica.duckdb",
    lang: LangOpt = "auto",
    when: DateOpt = None,
    input_format: FormatIn = "auto",
    text_column: TextCol = "text",
    gazetteer: Gazetteers = None,
    failures: FailuresOpt = DEFAULT_FAILURES,
    wait: WaitOpt = 0.0,
    jobs: JobsOpt = None,
) -> None:
    """Store documents and their events (DuckDB, or PostgreSQL by URL). Re-ingesting the
    same text with the same metadata changes nothing; with a corrected --date or --lang (or
    url, source, title) it re-extracts the document and replaces its events, keeping their
    reviews.

    Each document is stored with its events in one transaction. A document that fails is
    logged, listed in the failures file and skipped (exit code 1); the others are stored.
    Documents are analysed in --jobs worker processes and stored by this one, in input order.
    """
    run = Run(paths, input_format, text_column, when, lang, gazetteer, failures, "ingest",
              jobs=jobs)
    pipeline = run.pipeline()
    stored = unchanged = replaced = 0
    with open_store(db, wait=wait) as store, run.workers(pipeline) as documents, \
            progress() as bar:
        task = bar.add_task("ingesting", total=run.total)
        # A document already stored with the same metadata is not analysed. Workers analyse
        # ahead of storing, so the test is asked again in its turn: an earlier document of
        # this run may have stored it meanwhile (or changed it: then it is analysed here).
        results = documents("analyse", "analyse",
                            wanted=lambda doc: store.changed_metadata(doc) != [])
        for item, analysis in results:
            bar.advance(task)
            changed = store.changed_metadata(item)
            if changed == []:
                unchanged += 1
                log.info("%s: unchanged (already stored)", item.id)
                continue
            if analysis is SKIPPED:
                analysis = run.attempt(pipeline.analyse, item, "analyse")
            if analysis is None:
                continue
            if run.attempt(partial(_ingest_one, store, pipeline, analysis=analysis), item,
                           "store") is None:
                continue
            count = _plural(len(analysis.events), "event")
            if changed:
                replaced += 1
                log.info("%s: %s changed: re-extracted, %s", item.id, ", ".join(changed), count)
            else:
                stored += 1
                log.info("%s: stored, %s", item.id, count)
    summary = f"{stored} stored, {unchanged} unchanged, {run.failed} failed, {replaced} replaced"
    err.print(f"{summary} -> {display_name(db)}", markup=False)
    run.report()
    if run.failed:
        raise typer.Exit(1)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _ingest_one(store: Store, pipeline: Pipeline, doc: Document, analysis: Analysis) -> bool:
    """Store one analysed document with its events, in one transaction; True when done."""
    if analysis.lang and not doc.lang:
        doc.lang = analysis.lang
    from cronica.link.across import link_across
    from cronica.store.place_keys import place_keys

    store.add_document(
        doc,
        analysis.sentences,
        analysis.events,
        link=link_across,
        place_keys=lambda ev: place_keys(ev, pipeline.gazetteer),
    )
    return True


@app.command()
def events(
    db: DbOpt = "cronica.duckdb",
    type_: Annotated[
        str | None,
        typer.Option("--type", metavar="TYPE", help="Event type, sub-event type or action."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(metavar="DATE", parser=partial_date("--since"),
                     help="From this date (YYYY[-MM[-DD]]), inclusive."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(metavar="DATE", parser=partial_date("--until"),
                     help="Up to this date (YYYY[-MM[-DD]]), inclusive."),
    ] = None,
    actor: Annotated[
        str | None, typer.Option(metavar="NAME", help="Actor name contains this.")
    ] = None,
    place: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="Any name of the place (Alepo, Aleppo), its area "
                     "or country; or part of the place's name."),
    ] = None,
    disputed: Annotated[bool, flag("Only disputed events.", "--disputed")] = False,
    fmt: FormatOut = "table",
    limit: Annotated[
        int | None,
        typer.Option(metavar="N", parser=at_least("--limit", 0), help="At most this many."),
    ] = None,
    wait: WaitOpt = 0.0,
) -> None:
    """List stored events (the table's `id` column is what `cronica show` takes)."""
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
        if not found:
            total = store.counts()["events"]
            err.print(f"no events match (of {_plural(total, 'stored event')} in "
                      f"{display_name(db)})",
                      markup=False)
            if fmt == "table":
                return
        _write(store, found, fmt, None)


def _write(store: Store, found: list[Event], fmt: str, output: Path | None) -> int:
    """Write stored events in `fmt` to `output` (stdout when None); the ACLED-style CSV gets
    the events' stored event_id_cnty codes and their documents' publication dates."""
    from cronica.export.acled_csv import write_acled_csv
    from cronica.export.registry import exporter
    from cronica.output import write_events

    if fmt != "table" and exporter(fmt).name == "acled-csv":
        codes = store.event_codes(ev.event_id for ev in found)
        published = {d["id"]: date.fromisoformat(d["date"]) for d in store.documents()
                     if d["date"]}
        return write_acled_csv(found, str(output) if output else sys.stdout, codes=codes,
                               published=published)
    return write_events(found, fmt, str(output) if output else None)


@app.command()
def show(
    event_id: Annotated[
        str,
        typer.Argument(metavar="EVENT_ID", help="The event's id (the `id` column of `cronica "
                       "events`; a unique prefix will do) or its ACLED event_id_cnty."),
    ],
    db: DbOpt = "cronica.duckdb",
    wait: WaitOpt = 0.0,
) -> None:
    """Print one event with every claim and evidence sentence, source by source."""
    from cronica.show import show_event
    _require_db(db)
    with open_store(db, read_only=True, wait=wait) as store:
        event = store.event(event_id)
        if event is None:
            matches = store.event_ids_like(event_id) if len(event_id) >= 4 else []
            if len(matches) != 1:
                why = "no such event" if not matches else \
                    f"several events start with it: {', '.join(matches)}"
                err.print(f"{event_id}: {why} in {display_name(db)} (ids are in the `id` "
                          "column of `cronica events`)", markup=False)
                raise typer.Exit(2)
            event = store.event(matches[0])
        assert event is not None
        sentences = {
            doc: {s[0]: s[3] for s in store.sentences(doc)}
            for doc in {event.document, *(c.document for c in event.claims if c.document)}
        }
        code = store.event_codes([event.event_id]).get(event.event_id)
        reviews = store.reviews(event.event_id)
    Console().print(show_event(event, sentences, code=code, reviews=reviews))


@app.command()
def export(
    db: DbOpt = "cronica.duckdb",
    fmt: ExportFormat = "acled-csv",
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", metavar="FILE",
                     help="File to write (default: events + the format's suffix, e.g. "
                     "events.csv, events.geojson)."),
    ] = None,
    wait: WaitOpt = 0.0,
) -> None:
    """Export stored events as ACLED-style CSV, GeoJSON, Parquet or JSONL."""
    from cronica.export.registry import exporter

    _require_db(db)
    target = output or Path(f"events{exporter(fmt).suffix}")
    with open_store(db, read_only=True, wait=wait) as store:
        found = store.events()
        count = _write(store, found, fmt, target)
    err.print(f"wrote {_plural(count, 'event')} to {target}", markup=False)


def _require_db(db: str) -> None:
    if not is_postgres(db) and not Path(db).exists():
        err.print(f"{db}: no such database (run `cronica ingest` first)", markup=False)
        raise typer.Exit(2)
