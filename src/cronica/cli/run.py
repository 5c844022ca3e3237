"""One command's run over its inputs: reading, the pipeline, failures and progress."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from cronica.cli.app import err
from cronica.cli.failures import DEFAULT_FAILURES, Failure, FailureLog, failure_of
from cronica.cli.options import lang_code, parse_date
from cronica.documents.readers import read_path
from cronica.documents.zones import RepetitionIndex
from cronica.record import Document, InputError

if TYPE_CHECKING:
    from cronica.cli.workers import Outcome
    from cronica.pipeline import Pipeline
    from cronica.store import Store

log = logging.getLogger("cronica")

FailuresOpt = Annotated[
    Path | None,
    typer.Option(
        "--failures",
        help="Append one JSON line per failed input (input, stage, error) to this file; "
        f"created only when an input fails. Default: {DEFAULT_FAILURES} here.",
        show_default=False,
    ),
]

JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, metavar="N",
        help="Worker processes for the documents (default: the usable cores); 1 runs them "
        "in this process. Results keep the input order; one document always runs here.",
        show_default=False,
    ),
]


class Skip(Enum):
    """What `Run.results` gives for a document its `wanted` test refused."""

    SKIPPED = "skipped"


SKIPPED = Skip.SKIPPED
Documents = Callable[..., Iterator[tuple[Document, Any]]]


def progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


T = TypeVar("T")


@dataclass
class Run:
    """One command's inputs: read once for the lines they repeat (boilerplate), then for the
    work. An input that fails, at any stage and with any exception, is logged with its name
    and the stage, appended to the failures file and counted; the run goes on."""

    paths: list[str]
    input_format: str
    text_column: str
    when: str | None
    lang: str
    gazetteer: list[Path] | None
    failures: Path | None = DEFAULT_FAILURES  # the failures file (JSONL); None: log only
    command: str = ""
    failed: int = 0
    total: int | None = None  # readable documents, once `pipeline()` has read them (not stdin)
    jobs: int | None = 1  # worker processes (None: the usable cores); 1: this process

    def __post_init__(self) -> None:
        self._log = FailureLog(self.failures)
        self._date = parse_date(self.when)
        self._lang = None if self.lang == "auto" else lang_code(self.lang)

    def _read(self, report: bool = True) -> Iterator[Document | InputError]:
        """Every input's documents and input errors; a reader that breaks on one input ends
        that input (a failure at stage "read", when `report`), not the run."""
        for path in self.paths:
            try:
                yield from read_path(
                    path, self.input_format, self.text_column, self._date, self._lang
                )
            except Exception as exc:  # noqa: BLE001 - one input must not end the run
                if report:
                    self.failure(exc, path, "read")

    def pipeline(self) -> Pipeline:
        """The pipeline, with the run's repetition index (none when reading standard input,
        which cannot be read twice). This first reading reports nothing: the second does."""
        from cronica.pipeline import Pipeline

        repeated = None
        if "-" not in self.paths:
            index = RepetitionIndex()
            self.total = 0
            for item in self._read(report=False):
                if isinstance(item, Document):
                    index.add(item)
                    self.total += 1
            repeated = index if len(index) > 1 else None
        return Pipeline([str(p) for p in self.gazetteer or []], repeated)

    def documents(self) -> Iterator[Document]:
        """The readable documents; the others are logged and counted as failed."""
        for item in self._read():
            if isinstance(item, InputError):
                self.failure(item, item.source, "read")
            else:
                yield item

    def failure(self, exc: BaseException, name: str, stage: str) -> Failure:
        """Count, log and record `exc`, raised while `stage` worked on input `name`."""
        failure = failure_of(exc, name, stage, self.command)
        self._record(failure, name, None if isinstance(exc, InputError) else exc)
        return failure

    def _record(self, failure: Failure, name: str, trace: BaseException | str | None) -> None:
        """Count, log and record a failure; `trace`: the exception, or its traceback text
        (from a worker process), for --verbose."""
        self.failed += 1
        log.error("failed: %s", failure.describe())
        if isinstance(trace, BaseException):
            log.debug("traceback of %s", name, exc_info=trace)
        elif trace:
            log.debug("traceback of %s:\n%s", name, trace.rstrip())
        self._log.add(failure)

    @contextmanager
    def workers(self, pipeline: Pipeline) -> Iterator[Documents]:
        """`results(method, stage, wanted=None)`: each readable document with
        `pipeline.<method>(doc)`, or None when that failed (logged, recorded and counted as
        `attempt` does), or SKIPPED when `wanted(doc)` is false; in input order, unreadable
        inputs logged and counted in their turn.

        With `jobs` > 1 and two documents or more, the documents run in worker processes
        (cli/workers.py), started here; otherwise in this process, one by one, as before."""
        items = self._read()
        head: list[Document | InputError] = []
        found = 0
        for item in items:  # two documents are enough to decide
            head.append(item)
            found += isinstance(item, Document)
            if found == 2:
                break
        stream = chain(head, items)
        jobs = self.jobs if self.jobs is not None else _usable_cores()
        if self.total is not None:
            jobs = min(jobs, self.total)
        if jobs < 2 or found < 2:
            yield lambda method, stage, wanted=None: self._here(
                stream, pipeline, method, stage, wanted
            )
            return
        from cronica.cli.workers import Workers

        first = next(item for item in head if isinstance(item, Document))
        with Workers(pipeline, jobs, self.command, first) as pool:
            yield lambda method, stage, wanted=None: self._settled(
                pool.outcomes(stream, method, stage, wanted)
            )

    def _here(self, items: Iterator[Document | InputError], pipeline: Pipeline, method: str,
              stage: str, wanted: Callable[[Document], bool] | None) -> Iterator[
        tuple[Document, Any]
    ]:
        for item in items:
            if isinstance(item, InputError):
                self.failure(item, item.source, "read")
            elif wanted is not None and not wanted(item):
                yield item, SKIPPED
            else:
                yield item, self.attempt(getattr(pipeline, method), item, stage)

    def _settled(self, outcomes: Iterator[tuple[Document | InputError, Outcome | None]]) -> (
        Iterator[tuple[Document, Any]]
    ):
        for item, outcome in outcomes:
            if isinstance(item, InputError):
                self.failure(item, item.source, "read")
            elif outcome is None:
                yield item, SKIPPED
            elif outcome.failure is not None:
                self._record(outcome.failure, item.id, outcome.trace)
                yield item, None
            else:
                yield item, outcome.value

    def attempt(self, work: Callable[[Document], T], doc: Document, stage: str = "analyse") -> (
        T | None
    ):
        """`work(doc)`, or None when it raises (logged, recorded and counted as failed).

        Any Exception counts: a bug met on one document must not lose the others. Ctrl-C
        (KeyboardInterrupt) and SystemExit go through."""
        try:
            return work(doc)
        except Exception as exc:  # noqa: BLE001 - failure isolation, see the docstring
            self.failure(exc, doc.id, stage)
            return None

    def report(self) -> None:
        """The closing line on failures, naming the failures file."""
        if not self.failed:
            return
        where = f"; listed in {self.failures}" if self.failures is not None else ""
        log.error("%d input(s) failed%s", self.failed, where)


def _usable_cores() -> int:
    from cronica.cli.workers import usable_cores

    return usable_cores()


WaitOpt = Annotated[
    float,
    typer.Option(
        "--wait",
        min=0,
        help="While another process holds the store, wait up to this many seconds.",
    ),
]


def open_store(db: str | Path, *, read_only: bool = False, wait: float = 0.0) -> Store:
    """The store at `db`; a busy or unusable store is a clear error (exit code 2)."""
    from cronica.store import Store

    try:
        return Store(str(db), read_only=read_only, wait=wait)
    except InputError as exc:
        err.print(f"[red]{exc}[/red]", markup=True, highlight=False)
        raise typer.Exit(2) from None
