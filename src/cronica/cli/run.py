"""One command's run over its inputs: reading, the pipeline, failures and progress."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from cronica.cli.app import err
from cronica.cli.options import lang_code, parse_date
from cronica.documents.readers import read_inputs
from cronica.documents.zones import RepetitionIndex
from cronica.record import Document, InputError

if TYPE_CHECKING:
    from cronica.pipeline import Pipeline

log = logging.getLogger("cronica")


def _documents(paths: list[str], input_format: str, text_column: str, when: str | None, lang: str):
    return read_inputs(
        paths,
        input_format=input_format,
        text_column=text_column,
        default_date=parse_date(when),
        default_lang=None if lang == "auto" else lang_code(lang),
    )


def progress() -> Progress:
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
class Run:
    """One command's inputs: read once for the lines they repeat (boilerplate), then for the
    work; inputs that fail are logged with their name and counted."""

    paths: list[str]
    input_format: str
    text_column: str
    when: str | None
    lang: str
    gazetteer: list[Path] | None
    failed: int = 0
    total: int | None = None  # readable documents, once `pipeline()` has read them (not stdin)

    def _read(self) -> Iterator[Document | InputError]:
        return _documents(self.paths, self.input_format, self.text_column, self.when, self.lang)

    def pipeline(self) -> Pipeline:
        """The pipeline, with the run's repetition index (none when reading standard input,
        which cannot be read twice)."""
        from cronica.pipeline import Pipeline

        repeated = None
        if "-" not in self.paths:
            index = RepetitionIndex()
            self.total = 0
            for item in self._read():
                if isinstance(item, Document):
                    index.add(item)
                    self.total += 1
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
