"""The registry of exporters: entry points of group ``cronica.exporters`` plus exporters
registered at run time, so that a new output format is one module.

An exporter is any object with ``name`` (the ``--format`` value), ``suffix`` (the usual file
suffix, with the dot) and ``write(events, out) -> int``, where `out` is a path or an open
stream and the result is the number of events written. Optional: ``aliases`` (other names it
answers to) and ``binary`` (True when it cannot write to a text stream such as stdout).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from typing import Any, Protocol, runtime_checkable

from cronica.record import Event

log = logging.getLogger(__name__)

GROUP = "cronica.exporters"

WriteFunction = Callable[[Iterable[Event], Any], int]


@runtime_checkable
class Exporter(Protocol):
    """What a registered exporter provides."""

    name: str
    suffix: str

    def write(self, events: Iterable[Event], out: Any) -> int:
        """Write `events` to `out` (a path or a stream); return how many were written."""
        ...


@dataclass(frozen=True)
class FunctionExporter:
    """An Exporter made of a name, a file suffix and a write function."""

    name: str
    suffix: str
    write: WriteFunction
    aliases: tuple[str, ...] = ()
    binary: bool = False


_extra: dict[str, Exporter] = {}


@cache
def _installed() -> dict[str, Exporter]:
    found: dict[str, Exporter] = {}
    for point in entry_points(group=GROUP):
        try:
            loaded = point.load()
        except Exception as err:  # a broken plug-in must not hide the other exporters
            log.warning("exporter %s could not be loaded: %s", point.name, err)
            continue
        found[loaded.name] = loaded
    if not found:  # running from a source tree that was never installed
        from cronica.export import acled_csv, geojson, jsonl, parquet

        built_in = (jsonl.EXPORTER, acled_csv.EXPORTER, geojson.EXPORTER, parquet.EXPORTER)
        found = {e.name: e for e in built_in}
    return found


def exporters() -> dict[str, Exporter]:
    """Every exporter by the names it answers to (its name and aliases), installed first."""
    found: dict[str, Exporter] = {}
    for item in (*_installed().values(), *_extra.values()):
        for name in (item.name, *getattr(item, "aliases", ())):
            found[name] = item
    return found


def names(*, text_only: bool = False) -> tuple[str, ...]:
    """The export formats (names and aliases); with `text_only`, those that can go to stdout."""
    return tuple(n for n, e in exporters().items() if not (text_only and is_binary(e)))


def exporter(name: str) -> Exporter:
    """The exporter answering to `name` (case-insensitive); ValueError listing them otherwise."""
    found = exporters()
    item = found.get(name) or found.get(name.lower())
    if item is None:
        raise ValueError(f"unknown export format {name!r}; one of: {', '.join(found)}")
    return item


def is_binary(item: Exporter) -> bool:
    """Whether `item` needs a file (it cannot write text to stdout)."""
    return bool(getattr(item, "binary", False))


def register(new: Exporter) -> None:
    """Add (or replace) an exporter for this process."""
    _extra[new.name] = new


def unregister(name: str) -> None:
    """Remove an exporter added by `register`."""
    _extra.pop(name, None)
