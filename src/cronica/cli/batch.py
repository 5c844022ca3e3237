"""`cronica batch` (the pipeline as Dask tasks, to Parquet shards) and `cronica load` (shards
into a store, linked across documents there)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from cronica.cli.app import app, err
from cronica.cli.options import DateOpt, Gazetteers, LangOpt, TextCol, lang_code, parse_date

Inputs = Annotated[
    list[str],
    typer.Argument(help="Files, folders or glob patterns (text, HTML, JSONL, CSV, Parquet)."),
]


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.fields[done]} docs"),
        TextColumn("{task.fields[rate]:.2f} docs/s"),
        TextColumn("{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


@app.command()
def batch(
    paths: Inputs,
    out: Annotated[Path, typer.Option("--out", help="Folder for the Parquet shards.")],
    scheduler: Annotated[
        str | None, typer.Option(help="An existing Dask scheduler, tcp://HOST:PORT.")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Local cluster workers (default: the cores).")
    ] = None,
    partition_size: Annotated[int, typer.Option(min=1, help="Documents per task.")] = 20,
    lang: LangOpt = "auto",
    when: DateOpt = None,
    input_format: Annotated[
        str, typer.Option("--input-format", help="auto (by extension) or a reader's name.")
    ] = "auto",
    text_column: TextCol = "text",
    gazetteer: Gazetteers = None,
) -> None:
    """Run the pipeline over a corpus as Dask tasks, writing Parquet shards to --out.

    Re-running skips documents already written; OUT/failures.jsonl names every input that
    failed and why. Load the shards with `cronica load`.
    """
    from cronica.batch.inputs import read_batch_inputs
    from cronica.batch.run import BatchConfig, BatchStats, run_batch
    from cronica.documents.zones import RepetitionIndex
    from cronica.record import Document

    def documents():
        return read_batch_inputs(
            paths, input_format, text_column, parse_date(when),
            None if lang == "auto" else lang_code(lang),
        )  # fmt: skip

    repeated = None
    if "-" not in paths:  # the lines the corpus repeats (boilerplate), as extract/ingest do
        index = RepetitionIndex()
        for item in documents():
            if isinstance(item, Document):
                index.add(item)
        repeated = index.frequent() if len(index) > 1 else None
    config = BatchConfig(
        out=out,
        partition_size=partition_size,
        workers=workers,
        scheduler=scheduler,
        gazetteers=tuple(str(p) for p in gazetteer or []),
    )
    with _progress() as bar:
        task = bar.add_task("batch", total=None, done=0, rate=0.0, failed=0)

        def report(stats: BatchStats) -> None:
            bar.update(task, done=stats.documents, rate=stats.rate, failed=stats.failed)

        stats = run_batch(config, documents(), repeated, report)
    err.print(
        f"{stats.documents} documents ({stats.events} events) in {stats.partitions} partitions,"
        f" {stats.skipped} done before, {stats.failed} failed, {stats.rate:.2f} docs/s -> {out}",
        markup=False,
    )
    if stats.failed:
        err.print(f"failures: {out / 'failures.jsonl'}", markup=False)
        raise typer.Exit(1)


@app.command()
def load(
    folder: Annotated[Path, typer.Argument(help="A `cronica batch --out` folder.")],
    db: Annotated[
        str, typer.Option("--db", help="DuckDB file or postgresql:// URL.")
    ] = "cronica.duckdb",
    link: Annotated[
        bool, typer.Option("--link/--no-link", help="Link events across documents.")
    ] = True,
) -> None:
    """Load a batch's shards into the store and link events across documents there."""
    from cronica.batch.load import LoadStats
    from cronica.batch.load import load as load_shards
    from cronica.batch.shards import partitions
    from cronica.link.across import link_across
    from cronica.record import InputError
    from cronica.store.dialect import display_name

    if not partitions(folder):
        err.print(f"[red]{folder}: no finished partitions[/red] (run `cronica batch` first)")
        raise typer.Exit(2)
    with _progress() as bar:
        task = bar.add_task("load", total=None, done=0, rate=0.0, failed=0)

        def report(stats: LoadStats) -> None:
            rate = stats.events / stats.seconds if stats.seconds else 0.0
            bar.update(task, done=stats.documents, rate=rate)

        try:
            stats = load_shards(folder, db, link_across if link else None, report)
        except InputError as exc:
            err.print(f"[red]{exc}[/red]")
            raise typer.Exit(2) from None
    rate = stats.events / stats.seconds if stats.seconds else 0.0
    summary = {
        "documents": stats.documents, "skipped": stats.skipped, "events": stats.events,
        "seconds": round(stats.seconds, 2), "events_per_second": round(rate, 1),
    }  # fmt: skip
    err.print(f"loaded into {display_name(db)}: {json.dumps(summary)}", markup=False)
