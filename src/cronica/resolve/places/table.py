"""Gazetteer rows held column by column; a row becomes a PlaceEntry only when asked for.

Columns of strings and numbers load from the cache in a fraction of the time 90,000
dataclass objects take, and most rows are never looked at in a run."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import numpy as np

_TEXT = ("gazetteer_id", "name", "feature", "country", "admin1", "admin2", "parent", "source")
_SEP = "\x1f"  # joins a row's alternate names in one string


@dataclass(frozen=True)
class PlaceEntry:
    """One gazetteer row."""

    gazetteer_id: str
    name: str
    alt_names: tuple[str, ...]
    feature: str
    country: str
    admin1: str
    admin2: str
    lat: float
    lon: float
    population: int = 0
    parent: str = ""
    source: str = ""


class EntryTable:
    """The rows of a gazetteer by number, and by gazetteer id (`by_id`, last row wins)."""

    def __init__(self, entries: list[PlaceEntry]) -> None:
        self.text = {name: [getattr(e, name) for e in entries] for name in _TEXT}
        self.alt_names = [_SEP.join(e.alt_names) for e in entries]
        self.lat = np.array([e.lat for e in entries], dtype=np.float64)
        self.lon = np.array([e.lon for e in entries], dtype=np.float64)
        self.population = np.array([e.population for e in entries], dtype=np.int64)
        self.row_of = {e.gazetteer_id: n for n, e in enumerate(entries)}
        self._made: dict[int, PlaceEntry] = dict(enumerate(entries))

    def __len__(self) -> int:
        return len(self.alt_names)

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "_made"}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._made = {}

    def column(self, name: str) -> list[str]:
        """A text column (gazetteer_id, name, feature, country, admin1, admin2, parent,
        source)."""
        return self.text[name]

    def names(self, row: int) -> tuple[str, ...]:
        """A row's main name and alternate names."""
        alts = self.alt_names[row]
        return (self.text["name"][row], *(alts.split(_SEP) if alts else ()))

    def entry(self, row: int) -> PlaceEntry:
        """Row `row` as a PlaceEntry (the same object every time)."""
        made = self._made.get(row)
        if made is None:
            alts = self.alt_names[row]
            made = PlaceEntry(
                alt_names=tuple(alts.split(_SEP)) if alts else (),
                lat=float(self.lat[row]), lon=float(self.lon[row]),
                population=int(self.population[row]),
                **{name: self.text[name][row] for name in _TEXT},
            )
            self._made[row] = made
        return made

    def __iter__(self) -> Iterator[PlaceEntry]:
        return (self.entry(row) for row in range(len(self)))


class ById(Mapping[str, PlaceEntry]):
    """Gazetteer id -> PlaceEntry over an EntryTable."""

    def __init__(self, table: EntryTable) -> None:
        self.table = table

    def __getitem__(self, gid: str) -> PlaceEntry:
        return self.table.entry(self.table.row_of[gid])

    def __contains__(self, gid: object) -> bool:
        return gid in self.table.row_of

    def __iter__(self) -> Iterator[str]:
        return iter(self.table.row_of)

    def __len__(self) -> int:
        return len(self.table.row_of)

