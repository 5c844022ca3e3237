"""The gazetteer: places read from the shipped and user CSV tables, with their name index."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from cronica.record import InputError
from cronica.resolve.places.candidates import Candidate, generate
from cronica.resolve.places.mention import common_words
from cronica.resolve.places.settings import SUB_CITY, data_path
from cronica.text import name_key, place_keys


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


def read_rows(path: Path, user: bool) -> list[PlaceEntry]:
    """The entries of one CSV table (only name, lat and lon are required)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise InputError(str(path), f"cannot read gazetteer: {exc}") from exc
    out = []
    for n, row in enumerate(rows, start=2):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
            name = row["name"].strip()
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(str(path), f"needs name, lat, lon ({exc})", line=n) from exc
        out.append(PlaceEntry(
            gazetteer_id=row.get("gazetteer_id") or f"user:{path.stem}:{n}", name=name,
            alt_names=tuple(a for a in (row.get("alt_names") or "").split("|") if a),
            feature=row.get("feature") or "city", country=row.get("country") or "",
            admin1=row.get("admin1") or "", admin2=row.get("admin2") or "", lat=lat, lon=lon,
            population=int(float(row.get("population") or 0)), parent=row.get("parent") or "",
            source=row.get("source") or ("user" if user else ""),
        ))
    return out


class Gazetteer:
    """Places with a name index (exact keys) and a fuzzy index over the same keys."""

    def __init__(self, entries: list[PlaceEntry]) -> None:
        self.entries = entries
        self.by_id = {e.gazetteer_id: e for e in entries}
        self.index: dict[str, list[PlaceEntry]] = {}
        self.primary_ids: dict[str, set[str]] = {}  # key -> ids whose main name gives that key
        self.whole_ids: dict[str, set[str]] = {}  # key -> ids with a name giving it unshortened
        for entry in entries:
            for n, name in enumerate((entry.name, *entry.alt_names)):
                full = name_key(name)
                for key in place_keys(name):
                    bucket = self.index.setdefault(key, [])
                    if entry not in bucket:
                        bucket.append(entry)
                    if n == 0:
                        self.primary_ids.setdefault(key, set()).add(entry.gazetteer_id)
                    if key in (full, full.replace(" ", "")):
                        self.whole_ids.setdefault(key, set()).add(entry.gazetteer_id)
        self.keys = list(self.index)
        self.shadowed = self._shadowed_regions()
        self._memo: dict[tuple[str, int], list[Candidate]] = {}

    def _shadowed_regions(self) -> set[str]:
        """Regions named like a city of theirs ("Aleppo" governorate, "New York" state): a
        bare mention of such a name means the city."""
        cities = {(name_key(e.name), e.country) for e in self.entries if e.feature == "city"
                  and e.population >= 50_000 or e.feature == "city" and e.source != "GeoNames"}
        return {e.gazetteer_id for e in self.entries
                if e.feature in ("admin1", "admin2", "admin3") and (name_key(e.name), e.country)
                in cities}

    @classmethod
    def load(cls, extra: list[str] | None = None) -> Gazetteer:
        """The shipped gazetteer plus user CSVs (same columns; only name, lat, lon required)."""
        return _load_cached(tuple(extra or ()))

    def candidates(self, name: str, limit: int = 10) -> list[Candidate]:
        """Entries for a name: exact normalised matches, else fuzzy ones (memoised)."""
        memo_key = (name, limit)
        if memo_key not in self._memo:
            self._memo[memo_key] = generate(self, name, limit)
        return [Candidate(c.entry, c.score, dict(c.features)) for c in self._memo[memo_key]]

    def parent_of(self, entry: PlaceEntry) -> PlaceEntry | None:
        """The containing city of a neighbourhood (or river, road), when known."""
        return self.by_id.get(entry.parent) if entry.parent else None

    def contains(self, outer: PlaceEntry, inner: PlaceEntry) -> bool:
        """Whether `inner` lies in `outer` by the table's hierarchy (parent, admin, country)."""
        if inner.gazetteer_id == outer.gazetteer_id:
            return False
        if inner.parent and inner.parent == outer.gazetteer_id:
            return True
        if outer.feature == "country":
            return bool(inner.country) and inner.country == outer.country
        if outer.feature == "admin1":
            return inner.country == outer.country and bool(inner.admin1) and \
                name_key(inner.admin1) == name_key(outer.admin1 or outer.name)
        if outer.feature == "admin2":
            return inner.country == outer.country and bool(inner.admin2) and \
                name_key(inner.admin2) == name_key(outer.admin2 or outer.name)
        return False

    def patterns(self, lang: str, countries: set[str] | None = None) -> list[dict[str, Any]]:
        """EntityRuler phrase patterns (label PLACE, id = gazetteer_id).

        Neighbourhoods, rivers and roads everywhere, plus cities and admin areas of
        `countries` (default: the countries that have neighbourhoods). Use a ruler with
        `phrase_matcher_attr="LOWER"`; names that are also common words of the language
        ("granada", "mina") are left out.
        """
        if countries is None:
            countries = {e.country for e in self.entries if e.feature == "neighbourhood"}
        common = common_words(lang)
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        for entry in self.entries:
            wanted = entry.feature in SUB_CITY or (
                entry.country in countries and entry.feature in ("city", "admin1", "admin2"))
            if not wanted:
                continue
            for name in (entry.name, *entry.alt_names):
                if len(name) < 4 or not name.isascii() and not any(c.isalpha() for c in name):
                    continue
                if name_key(name) in common:
                    continue
                item = (name.lower(), entry.gazetteer_id)
                if item not in seen:
                    seen.add(item)
                    out.append({"label": "PLACE", "pattern": name, "id": entry.gazetteer_id})
        return out


def gazetteer_files() -> list[Path]:
    """The shipped tables: gazetteer.csv, gazetteer_2.csv, ... in that order."""
    folder = data_path("gazetteer.csv").parent
    parts = sorted(folder.glob("gazetteer_*.csv"), key=lambda p: (len(p.name), p.name))
    return [folder / "gazetteer.csv", *parts]


@lru_cache(maxsize=8)
def _load_cached(extra: tuple[str, ...]) -> Gazetteer:
    entries: list[PlaceEntry] = []
    for path in gazetteer_files():
        entries.extend(read_rows(path, user=False))
    for name in extra:
        entries.extend(read_rows(Path(name), user=True))
    return Gazetteer(entries)
