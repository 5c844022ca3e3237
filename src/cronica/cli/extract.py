"""`cronica extract` and `cronica explain`: events (or the reasons for none) from inputs."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from cronica.cli.app import app
from cronica.cli.options import DateOpt, FormatIn, FormatOut, Gazetteers, LangOpt, Paths, TextCol
from cronica.cli.run import Run, progress
from cronica.record import Event

log = logging.getLogger("cronica")


@app.command()
def extract(
    paths: Paths,
    lang: LangOpt = "auto",
    when: DateOpt = None,
    input_format: FormatIn = "auto",
    text_column: TextCol = "text",
    fmt: FormatOut = "table",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here.")] = None,
    gazetteer: Gazetteers = None,
) -> None:
    """Extract events from documents and print (or write) them."""
    from cronica.output import write_events

    run = Run(paths, input_format, text_column, when, lang, gazetteer)
    pipeline = run.pipeline()
    events: list[Event] = []
    with progress() as bar:
        task = bar.add_task("extracting", total=run.total)
        for item in run.documents():
            found = run.attempt(pipeline.extract, item)
            if found is not None:
                events.extend(found)
                bar.advance(task)
    if events or not run.failed or fmt != "table":  # no empty table frame when all failed
        write_events(events, fmt, str(output) if output else None)
    if output:
        log.info("wrote %d events to %s", len(events), output)
    if run.failed:
        log.error("%d input(s) failed", run.failed)
        raise typer.Exit(1)


@app.command()
def explain(
    paths: Paths,
    lang: LangOpt = "auto",
    when: DateOpt = None,
    input_format: FormatIn = "auto",
    text_column: TextCol = "text",
    gazetteer: Gazetteers = None,
) -> None:
    """Show, for each sentence, its zone, date and triggers, and why each was kept or dropped."""
    from cronica.explain import explain as explain_document

    run = Run(paths, input_format, text_column, when, lang, gazetteer)
    pipeline = run.pipeline()
    out = Console(soft_wrap=True, highlight=False)
    for item in run.documents():
        notes = run.attempt(lambda doc: explain_document(pipeline, doc), item)
        if notes is None:
            continue
        out.print(f"# {item.id}", markup=False)
        for note in notes:
            out.print(
                f"[{note.index}] {note.zone or 'unzoned'} {note.date or '-'} "
                f"{note.start}-{note.end}: {note.text}",
                markup=False,
            )
            out.print(f"    {note.verdict}", markup=False)
            for t in note.triggers:
                if not t.kept:
                    out.print(
                        f"    dropped {t.action} ({t.word}): {t.modality}, {t.reason}",
                        markup=False,
                    )
    if run.failed:
        raise typer.Exit(1)
