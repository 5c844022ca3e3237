"""The `cronica` command: extract, ingest, events, show, export, eval."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from cronica.documents.language import normalise_lang
from cronica.documents.readers import read_inputs
from cronica.documents.registry import names as reader_names
from cronica.documents.zones import RepetitionIndex
from cronica.export.registry import names as export_names
from cronica.record import Document, Event, InputError

if TYPE_CHECKING:
    from cronica.pipeline import Analysis, Pipeline

app = typer.Typer(
    help="cronica: conflict reports (es/en) to a sourced, geocoded event dataset.",
    no_args_is_help=True,
    add_completion=False,
)
# soft_wrap: long messages (paths!) are never folded across lines on stderr.
err = Console(stderr=True, soft_wrap=True)
log = logging.getLogger("cronica")


def _registered(names: Callable[[], Iterable[str]]) -> Callable[[str], str]:
    """A --format parser accepting the names `names()` gives when the command runs, so that
    readers and exporters registered at run time are choices too."""

    def parse(value: str) -> str:
        known = tuple(names())
        if value not in known:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(known)}")
        return value

    return parse


def _output_formats() -> tuple[str, ...]:
    """What `extract` and `events` print: a table or any exporter that writes text."""
    return ("table", *export_names(text_only=True))


FormatOut = Annotated[
    str,
    typer.Option(
        "--format",
        parser=_registered(_output_formats),
        metavar="FORMAT",
        help=f"Output format: {', '.join(_output_formats())}.",
    ),
]
ExportFormat = Annotated[
    str,
    typer.Option(
        "--format",
        parser=_registered(export_names),
        metavar="FORMAT",
        help=f"Export format: {', '.join(export_names())}.",
    ),
]


Paths = Annotated[list[str], typer.Argument(help="Input files, or - for standard input.")]
LangOpt = Annotated[
    str,
    typer.Option(
        "--lang",
        help="Document language: a language pack's code (see `cronica languages`); "
        "auto detects it.",
    ),
]
DateOpt = Annotated[
    str | None,
    typer.Option("--date", help="Publication date YYYY-MM-DD: the anchor for relative dates."),
]
FormatIn = Annotated[
    str,
    typer.Option(
        "--input-format",
        parser=_registered(reader_names),
        metavar="FORMAT",
        help=f"How to read the inputs: {', '.join(reader_names())}.",
    ),
]
TextCol = Annotated[str, typer.Option("--text-column", help="CSV column holding the text.")]
Gazetteers = Annotated[
    list[Path] | None, typer.Option("--gazetteer", help="Extra gazetteer CSV (repeatable).")
]
DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB file.")]


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Debug logs.")] = False,
) -> None:
    """Set up logging: what happened to each input goes to stderr.

    On a terminal, rich renders the log; otherwise (a pipe, a file, CI) each record is one
    plain `LEVEL message` line, so that a message naming an input is never wrapped mid-path.
    """
    handler: logging.Handler
    if err.is_terminal:
        handler = RichHandler(console=err, show_path=False, show_time=False)
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(message)s",
        handlers=[handler],
        force=True,
    )


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"--date {value!r} is not YYYY-MM-DD") from exc


def _lang_code(value: str) -> str:
    """A --lang value as a pack code; a clear usage error when no pack reads it."""
    try:
        return normalise_lang(value, "--lang")
    except InputError as exc:
        raise typer.BadParameter(str(exc)) from exc


def _documents(
    paths: list[str], input_format: str, text_column: str, when: str | None, lang: str
):
    return read_inputs(
        paths,
        input_format=input_format,
        text_column=text_column,
        default_date=_parse_date(when),
        default_lang=None if lang == "auto" else _lang_code(lang),
    )


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def _fail(error: InputError) -> None:
    log.error("failed: %s", error)


T = TypeVar("T")


@dataclass
class _Run:
    """One command's inputs: read once for the lines they repeat (boilerplate), then for the
    work; inputs that fail are logged with their name and counted."""

    paths: list[str]
    input_format: str
    text_column: str
    when: str | None
    lang: str
    gazetteer: list[Path] | None
    failed: int = 0

    def _read(self) -> Iterator[Document | InputError]:
        return _documents(self.paths, self.input_format, self.text_column, self.when, self.lang)

    def pipeline(self) -> Pipeline:
        """The pipeline, with the run's repetition index (none when reading standard input,
        which cannot be read twice)."""
        from cronica.pipeline import Pipeline

        repeated = None
        if "-" not in self.paths:
            index = RepetitionIndex()
            for item in self._read():
                if isinstance(item, Document):
                    index.add(item)
            repeated = index if len(index) > 1 else None
        return Pipeline([str(p) for p in self.gazetteer or []], repeated)

    def documents(self) -> Iterator[Document]:
        """The readable documents; the others are logged and counted as failed."""
        for item in self._read():
            if isinstance(item, InputError):
                self.failure(item)
            else:
                yield item

    def failure(self, error: InputError) -> None:
        self.failed += 1
        _fail(error)

    def attempt(self, work: Callable[[Document], T], doc: Document) -> T | None:
        """`work(doc)`, or None when it raises an InputError (logged and counted)."""
        try:
            return work(doc)
        except InputError as exc:
            self.failure(exc)
            return None


@app.command()
def extract(
    paths: Paths,
    lang: LangOpt = "auto",
    when: DateOpt = None,
    input_format: FormatIn = "text",
    text_column: TextCol = "text",
    fmt: FormatOut = "table",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here.")] = None,
    gazetteer: Gazetteers = None,
) -> None:
    """Extract events from documents and print (or write) them."""
    from cronica.output import write_events

    run = _Run(paths, input_format, text_column, when, lang, gazetteer)
    pipeline = run.pipeline()
    events: list[Event] = []
    with _progress() as progress:
        task = progress.add_task("extracting", total=None)
        for item in run.documents():
            found = run.attempt(pipeline.extract, item)
            if found is not None:
                events.extend(found)
                progress.advance(task)
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
    input_format: FormatIn = "text",
    text_column: TextCol = "text",
    gazetteer: Gazetteers = None,
) -> None:
    """Show, for each sentence, its zone, date and triggers, and why each was kept or dropped."""
    from cronica.explain import explain as explain_document

    run = _Run(paths, input_format, text_column, when, lang, gazetteer)
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


@app.command()
def ingest(
    paths: Paths,
    db: DbOpt = Path("cronica.duckdb"),
    lang: LangOpt = "auto",
    when: DateOpt = None,
    input_format: FormatIn = "text",
    text_column: TextCol = "text",
    gazetteer: Gazetteers = None,
) -> None:
    """Store documents and their events in DuckDB (re-ingesting the same text changes nothing)."""
    from cronica.store import Store

    run = _Run(paths, input_format, text_column, when, lang, gazetteer)
    pipeline = run.pipeline()
    stored = unchanged = 0
    with Store(str(db)) as store, _progress() as progress:

        def store_one(doc: Document) -> Analysis:
            """Extract one document and store it with its events, in one transaction."""
            analysis = pipeline.analyse(doc)
            _ingest_one(store, doc, analysis)
            return analysis

        task = progress.add_task("ingesting", total=None)
        for item in run.documents():
            progress.advance(task)
            if store.has_document(item.content_hash):
                unchanged += 1
                log.info("%s: unchanged (already stored)", item.id)
                continue
            analysis = run.attempt(store_one, item)
            if analysis is None:
                continue
            stored += 1
            log.info("%s: stored, %d events", item.id, len(analysis.events))
    err.print(
        f"{stored} stored, {unchanged} unchanged, {run.failed} failed -> {db}", markup=False
    )
    if run.failed:
        raise typer.Exit(1)


def _ingest_one(store, doc: Document, analysis) -> None:
    if analysis.lang and not doc.lang:
        doc.lang = analysis.lang
    from cronica.link.across import link_across

    store.add_document(doc, analysis.sentences, analysis.events, link=link_across)


@app.command()
def events(
    db: DbOpt = Path("cronica.duckdb"),
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
) -> None:
    """List stored events."""
    from cronica.output import write_events
    from cronica.store import Store

    _require_db(db)
    with Store(str(db), read_only=True) as store:
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
    db: DbOpt = Path("cronica.duckdb"),
) -> None:
    """Print one event with every claim and evidence sentence, source by source."""
    from cronica.show import show_event
    from cronica.store import Store

    _require_db(db)
    with Store(str(db), read_only=True) as store:
        event = store.event(event_id)
        if event is None:
            err.print(f"[red]{event_id}: no such event[/red] in {db}")
            raise typer.Exit(2)
        sentences = {
            doc: {s[0]: s[3] for s in store.sentences(doc)}
            for doc in {event.document, *(c.document for c in event.claims if c.document)}
        }
    Console().print(show_event(event, sentences))


@app.command()
def export(
    db: DbOpt = Path("cronica.duckdb"),
    fmt: ExportFormat = "acled-csv",
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")] = Path(
        "events.csv"
    ),
) -> None:
    """Export stored events as ACLED-style CSV, GeoJSON, Parquet or JSONL."""
    from cronica.export import export as write
    from cronica.store import Store

    _require_db(db)
    with Store(str(db), read_only=True) as store:
        found = store.events()
    count = write(found, fmt, str(output))
    err.print(f"wrote {count} events to {output}", markup=False)


def _require_db(db: Path) -> None:
    if not db.exists():
        err.print(f"[red]{db}: no such database[/red] (run `cronica ingest` first)")
        raise typer.Exit(2)


def _mount_eval() -> None:
    try:
        from cronica.evaluate.cli import eval_app
    except ImportError as exc:  # pragma: no cover - evaluate is part of the package
        log.debug("eval unavailable: %s", exc)
        return
    app.add_typer(eval_app, name="eval")


_mount_eval()

if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
