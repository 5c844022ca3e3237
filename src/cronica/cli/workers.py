"""The documents of one command through the pipeline in worker processes (`--jobs N`),
their results back in input order.

Each worker holds one Pipeline: on Linux the workers are forked from this process once its
pipeline (gazetteer, actor dictionary, the first document's spaCy model and entity ruler) is
loaded, so they share it and start in milliseconds; elsewhere each builds its own. A worker
runs one document at a time and sends back an `Outcome`: the result, or the failure (input,
stage, error, the innermost cronica frame) of the exception it met, with the log records it
wrote; this process logs them, records failures and writes results, in input order, as each
document's turn comes (a few documents per worker are in flight). Workers ignore Ctrl-C:
this process handles it (the documents written before it are kept) and stops them."""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cronica.cli.failures import Failure, failure_of
from cronica.record import Document, InputError

if TYPE_CHECKING:
    from cronica.documents.zones import RepetitionIndex
    from cronica.pipeline import Pipeline

log = logging.getLogger("cronica")

IN_FLIGHT = 4  # documents sent ahead per worker: keeps workers busy, bounds memory


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system says)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@dataclass
class Outcome:
    """One document's result from the pipeline, or the failure it met."""

    value: Any = None
    failure: Failure | None = None
    trace: str | None = None  # the traceback (logged with --verbose); None for InputError
    records: list[logging.LogRecord] = field(default_factory=list)  # logged in a worker


def compute(pipeline: Pipeline, method: str, doc: Document, stage: str, command: str) -> (
    Outcome
):
    """`pipeline.<method>(doc)` as an Outcome: any Exception becomes the failure (Ctrl-C and
    SystemExit go through)."""
    try:
        return Outcome(getattr(pipeline, method)(doc))
    except Exception as exc:  # noqa: BLE001 - failure isolation: one document, not the run
        trace = None if isinstance(exc, InputError) else "".join(traceback.format_exception(exc))
        return Outcome(None, failure_of(exc, doc.id, stage, command), trace)


# --- in a worker process ---------------------------------------------------------------

_inherited: Pipeline | None = None  # set before forking: the workers' pipeline
_pipeline: Pipeline | None = None
_records: list[logging.LogRecord] = []


class _Keep(logging.Handler):
    """Keeps a worker's log records, made picklable, for this process to log in order."""

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        _records.append(record)


def _start_worker(spec: tuple[list[str], RepetitionIndex | None] | None, level: int) -> None:
    """A worker's set-up: Ctrl-C is the main process's; logs are kept; the pipeline is the
    forked one, or built from `spec` (gazetteers, repetition index)."""
    global _pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch, args=(os.getppid(),), daemon=True).start()
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(_Keep())
    root.setLevel(level)
    if spec is None:
        _pipeline = _inherited
    else:
        from cronica.pipeline import Pipeline

        _pipeline = Pipeline(*spec)


def _watch(parent: int) -> None:
    """End this worker when the main process is gone (killed: nothing else would stop it)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _run(method: str, doc: Document, stage: str, command: str) -> Outcome:
    assert _pipeline is not None, "worker not started"
    _records.clear()
    outcome = compute(_pipeline, method, doc, stage, command)
    outcome.records = list(_records)
    return outcome


# --- in the main process ---------------------------------------------------------------


class Workers:
    """A pool of `jobs` worker processes, each with a Pipeline like `pipeline`."""

    def __init__(self, pipeline: Pipeline, jobs: int, command: str,
                 first: Document | None = None) -> None:
        """`first`: the first document, whose language's spaCy pipeline is loaded before
        forking."""
        global _inherited
        self.command = command
        self.broken = False
        self._pipeline = pipeline
        fork = sys.platform.startswith("linux") and \
            "fork" in multiprocessing.get_all_start_methods()
        spec = None if fork else (list(pipeline.gazetteers), pipeline.repeated)
        if fork:
            if first is not None:
                _preload(pipeline, first)
            _inherited = pipeline
            gc.freeze()  # what is loaded stays shared: collections in workers do not copy it
        self._pool = ProcessPoolExecutor(
            jobs, mp_context=multiprocessing.get_context("fork" if fork else "spawn"),
            initializer=_start_worker, initargs=(spec, logging.getLogger().getEffectiveLevel()),
        )
        self._jobs = jobs
        # Start the workers now, before any other thread (the progress bar) runs here.
        self._pool.submit(os.getpid).result()
        _inherited = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self.close(abort=kind is not None)

    def close(self, abort: bool = False) -> None:
        """Stop the workers: after their documents, or at once when `abort` (Ctrl-C, an
        error here)."""
        if abort:
            processes = getattr(self._pool, "_processes", None) or {}  # no public way
            for process in list(processes.values()):
                process.terminate()
        # Always wait (the terminated workers end at once): a pool left running races the
        # interpreter's exit hook for concurrent.futures, which then writes to a closed pipe
        # and prints a traceback after Ctrl-C.
        self._pool.shutdown(wait=True, cancel_futures=True)
        if gc.get_freeze_count():
            gc.unfreeze()

    def outcomes(
        self, items: Iterable[Document | InputError], method: str, stage: str,
        wanted: Callable[[Document], bool] | None = None,
    ) -> Iterator[tuple[Document | InputError, Outcome | None]]:
        """(item, its Outcome) in input order; None for an InputError item (an unreadable
        input) and for a document `wanted` (asked when the document is sent) refuses. A
        worker that dies (killed, out of memory) ends the pool: its documents and the rest
        run in this process."""
        pending: deque[tuple[Document | InputError, Future[Outcome] | _Here | None]] = deque()
        window = IN_FLIGHT * self._jobs
        for item in items:
            future = None
            if isinstance(item, Document) and (wanted is None or wanted(item)):
                future = self._submit(method, item, stage)
            pending.append((item, future))
            while pending and (len(pending) >= window or _done(pending[0][1])):
                yield self._settle(*pending.popleft(), method, stage)
        while pending:
            yield self._settle(*pending.popleft(), method, stage)

    def _submit(self, method: str, doc: Document, stage: str) -> Future[Outcome] | _Here:
        if not self.broken:
            try:
                return self._pool.submit(_run, method, doc, stage, self.command)
            except Exception as exc:  # noqa: BLE001 - the pool broke (a worker died)
                self._broke(exc)
        return _Here()

    def _broke(self, exc: Exception) -> None:
        if not self.broken:
            log.warning("a worker process stopped (%s: %s): the remaining documents run in "
                        "this process", type(exc).__name__, exc)  # fmt: skip
            self.broken = True

    def _settle(self, item: Document | InputError, future: Future[Outcome] | _Here | None,
                method: str, stage: str) -> tuple[Document | InputError, Outcome | None]:
        if future is None or isinstance(item, InputError):
            return item, None
        outcome = None
        if isinstance(future, Future):
            try:
                outcome = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker died (BrokenProcessPool)
                self._broke(exc)
        if outcome is None:  # run here: the pool broke
            outcome = compute(self._pipeline, method, item, stage, self.command)
        for record in outcome.records:
            logging.getLogger(record.name).handle(record)
        return item, outcome


class _Here:
    """A document to run in this process (the pool broke)."""


def _preload(pipeline: Pipeline, doc: Document) -> None:
    """Load the spaCy pipeline of `doc`'s language here, before the workers fork, so that
    they share it instead of each loading it (a document whose language is unknown: none)."""
    from cronica.components.nlp import load_nlp
    from cronica.documents.language import document_language

    try:
        load_nlp(document_language(doc), pipeline.gazetteers)
    except InputError:
        pass


def _done(future: Future[Outcome] | _Here | None) -> bool:
    return not isinstance(future, Future) or future.done()
