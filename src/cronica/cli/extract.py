"""`cronica extract` and `cronica explain`: events (or the reasons for none) from inputs."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from cronica.cli.app import app
from cronica.cli.failures import DEFAULT_FAILURES
from cronica.cli.options import DateOpt, FormatIn, FormatOut, Gazetteers, LangOpt, Paths, TextCol
from cronica.cli.run import FailuresOpt, JobsOpt, Run, progress
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
    failures: FailuresOpt = DEFAULT_FAILURES,
    jobs: JobsOpt = None,
) -> None:
    """Extract events from documents and print (or write) them.

    JSONL and CSV are written document by document: a crash or Ctrl-C keeps what was done.
    A document that fails is logged, listed in the failures file and skipped (exit code 1).
    Documents run in --jobs worker processes; the output keeps the input order.
    """
    from cronica.output import stream_events, streams, write_events

    run = Run(paths, input_format, text_column, when, lang, gazetteer, failures, "extract",
              jobs=jobs)
    pipeline = run.pipeline()
    target = str(output) if output else None
    with run.workers(pipeline) as documents, progress() as bar:
        task = bar.add_task("extracting", total=run.total)

        def batches() -> Iterator[list[Event]]:
            for _, found in documents("extract", "analyse"):
                bar.advance(task)
                if found is not None:
                    yield found

        try:
            if streams(fmt):
                count = stream_events(batches(), fmt, target)
                events: list[Event] = []
            else:
                events = [ev for batch in batches() for ev in batch]
        except KeyboardInterrupt:
            log.error("interrupted: the events written before it are kept")
            raise typer.Exit(130) from None
    if not streams(fmt):
        count = len(events)
        if events or not run.failed or fmt != "table":  # no empty table frame when all failed
            count = write_events(events, fmt, target)
    if output:
        log.info("wrote %d events to %s", count, output)
    run.report()
    if run.failed:
        raise typer.Exit(1)


@app.command()
def explain(
    paths: Paths,
    lang: LangOpt = "auto",
    when: DateOpt = None,
    input_format: FormatIn = "auto",
    text_column: TextCol = "text",
    gazetteer: Gazetteers = None,
    failures: FailuresOpt = DEFAULT_FAILURES,
) -> None:
    """Show, for each sentence, its zone, date and triggers, and why each was kept or dropped."""
    from cronica.explain import explain as explain_document

    run = Run(paths, input_format, text_column, when, lang, gazetteer, failures, "explain")
    pipeline = run.pipeline()
    out = Console(soft_wrap=True, highlight=False)
    for item in run.documents():
        notes = run.attempt(lambda doc: explain_document(pipeline, doc), item, "explain")
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
    run.report()
    if run.failed:
        raise typer.Exit(1)
