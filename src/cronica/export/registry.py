"""The registry of exporters: entry points of group ``cronica.exporters`` plus exporters
registered at run time, so that a new output format is one module.

An exporter is any object with ``name`` (the ``--format`` value), ``suffix`` (the usual file
suffix, with the dot) and ``write(events, out) -> int``, where `out` is a path or an open
stream and the result is the number of events written. Optional: ``aliases`` (other names it
answers to) and ``binary`` (True when it cannot write to a text stream such as stdout).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from cronica.record import Event
from cronica.registry import Registry

GROUP = "cronica.exporters"

WriteFunction = Callable[[Iterable[Event], Any], int]


@runtime_checkable
class Exporter(Protocol):
    """What a registered exporter provides."""

    @property
    def name(self) -> str:
        """The ``--format`` value."""
        ...

    @property
    def suffix(self) -> str:
        """The usual file suffix, with the dot."""
        ...

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


def _built_in() -> tuple[Exporter, ...]:
    from cronica.export import acled_csv, geojson, jsonl, parquet

    return (jsonl.EXPORTER, acled_csv.EXPORTER, geojson.EXPORTER, parquet.EXPORTER)


_registry: Registry[Exporter] = Registry(GROUP, "exporter", lambda e: e.name, _built_in)


def exporters() -> Mapping[str, Exporter]:
    """Every exporter by the names it answers to (its name and aliases), installed first."""
    found: dict[str, Exporter] = {}
    for item in (*_registry.installed().values(), *_registry.added().values()):
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
    _registry.register(new)


def unregister(name: str) -> None:
    """Remove an exporter added by `register`."""
    _registry.unregister(name)
