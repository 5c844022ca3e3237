"""The registry of input readers: entry points of group ``cronica.readers`` plus readers
registered at run time, so that a new input format is one module.

A reader is any object with ``name`` (the ``--input-format`` value), ``extensions`` (file
suffixes that ``auto`` maps to it, lower case with the dot) and ``read(text, name, path,
options)``, which gets the whole input already decoded (whole-file checks are done once, in
documents/raw.py) and yields a Document or an InputError per record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from cronica.documents.fields import ReadOptions
from cronica.record import Document, InputError
from cronica.registry import Registry

GROUP = "cronica.readers"
DEFAULT = "text"  # the format of stdin and of files whose extension no reader claims

ReadFunction = Callable[[str, str, str | None, ReadOptions], Iterator[Document | InputError]]


@runtime_checkable
class Reader(Protocol):
    """What a registered reader provides."""

    @property
    def name(self) -> str:
        """The ``--input-format`` value."""
        ...

    @property
    def extensions(self) -> tuple[str, ...]:
        """File suffixes that ``auto`` maps to this reader (lower case, with the dot)."""
        ...

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


def _built_in() -> tuple[Reader, ...]:
    from cronica.documents import jsonl, plain, readers, table

    return (plain.READER, readers.HTML, jsonl.READER, table.READER)


_registry: Registry[Reader] = Registry(GROUP, "reader", lambda r: r.name, _built_in)


def readers() -> Mapping[str, Reader]:
    """Every reader by name, installed ones first."""
    return _registry.items()


def names() -> tuple[str, ...]:
    """The input formats cronica reads."""
    return tuple(readers())


def reader(name: str) -> Reader | None:
    """The reader called `name`, or None."""
    return readers().get(name)


def format_for(path: str) -> str:
    """The reader for `path`'s extension (case-insensitive); DEFAULT when none claims it."""
    return claimed_by(path) or DEFAULT


def claimed_by(path: str) -> str | None:
    """The reader whose extensions claim `path` (the longest matching suffix), or None."""
    lowered = path.lower()
    claimed = {ext.lower(): r.name for r in readers().values() for ext in r.extensions}
    matches = [ext for ext in claimed if lowered.endswith(ext)]
    return claimed[max(matches, key=len)] if matches else None


def register(new: Reader) -> None:
    """Add (or replace) a reader for this process."""
    _registry.register(new)


def unregister(name: str) -> None:
    """Remove a reader added by `register`."""
    _registry.unregister(name)
