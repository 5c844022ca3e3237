"""The registry of input readers: entry points of group ``cronica.readers`` plus readers
registered at run time, so that a new input format is one module.

A reader is any object with ``name`` (the ``--input-format`` value), ``extensions`` (file
suffixes that ``auto`` maps to it, lower case with the dot) and ``read(text, name, path,
options)``, which gets the whole input already decoded (whole-file checks are done once, in
documents/raw.py) and yields a Document or an InputError per record.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from typing import Protocol, runtime_checkable

from cronica.documents.fields import ReadOptions
from cronica.record import Document, InputError

log = logging.getLogger(__name__)

GROUP = "cronica.readers"
DEFAULT = "text"  # the format of stdin and of files whose extension no reader claims

ReadFunction = Callable[[str, str, str | None, ReadOptions], Iterator[Document | InputError]]


@runtime_checkable
class Reader(Protocol):
    """What a registered reader provides."""

    name: str
    extensions: tuple[str, ...]

    def read(
        self, text: str, name: str, path: str | None, options: ReadOptions
    ) -> Iterator[Document | InputError]:
        """Yield a Document or an InputError for each record of `text` (input `name`)."""
        ...


@dataclass(frozen=True)
class FunctionReader:
    """A Reader made of a name, its file extensions and a read function."""

    name: str
    extensions: tuple[str, ...]
    read: ReadFunction


_extra: dict[str, Reader] = {}


@cache
def _installed() -> dict[str, Reader]:
    found: dict[str, Reader] = {}
    for point in entry_points(group=GROUP):
        try:
            loaded = point.load()
        except Exception as err:  # a broken plug-in must not hide the other readers
            log.warning("reader %s could not be loaded: %s", point.name, err)
            continue
        found[loaded.name] = loaded
    if not found:  # running from a source tree that was never installed
        from cronica.documents import jsonl, plain, readers, table

        found = {r.name: r for r in (plain.READER, readers.HTML, jsonl.READER, table.READER)}
    return found


def readers() -> dict[str, Reader]:
    """Every reader by name, installed ones first."""
    return {**_installed(), **_extra}


def names() -> tuple[str, ...]:
    """The input formats cronica reads."""
    return tuple(readers())


def reader(name: str) -> Reader | None:
    """The reader called `name`, or None."""
    return readers().get(name)


def format_for(path: str) -> str:
    """The reader for `path`'s extension (case-insensitive); DEFAULT when none claims it."""
    lowered = path.lower()
    claimed = {ext.lower(): r.name for r in readers().values() for ext in r.extensions}
    matches = [ext for ext in claimed if lowered.endswith(ext)]
    return claimed[max(matches, key=len)] if matches else DEFAULT


def register(new: Reader) -> None:
    """Add (or replace) a reader for this process."""
    _extra[new.name] = new


def unregister(name: str) -> None:
    """Remove a reader added by `register`."""
    _extra.pop(name, None)
