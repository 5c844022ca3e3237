"""The gazetteer: places read from the shipped and user CSV tables, with their name index."""

from __future__ import annotations

import csv
import pickle
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from cronica import text
from cronica.memo import Memo
from cronica.record import InputError
from cronica.resolve.places import cache, index, spelling
from cronica.resolve.places import table as table_module
from cronica.resolve.places.candidates import Candidate, generate
from cronica.resolve.places.index import PRIMARY, WHOLE, NameIndex
from cronica.resolve.places.mention import common_words
from cronica.resolve.places.settings import SUB_CITY, data_path
from cronica.resolve.places.spelling import SpellingIndex, every_country, skeleton
from cronica.resolve.places.table import ById, EntryTable, PlaceEntry
from cronica.text import name_key, place_keys


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
    """Places with a name index (exact keys) and a bigram-blocked fuzzy search over the same
    keys (places/index.py); rows are kept column by column (places/table.py)."""

    def __init__(self, entries: list[PlaceEntry]) -> None:
        self.table = EntryTable(entries)
        self.names = NameIndex.build(_postings(entries))
        self.shadowed = _shadowed_regions(entries)
        self.by_id = ById(self.table)
        self._memo: Memo[tuple[str, int], list[Candidate]] = Memo()
        self._spellings: dict[str, SpellingIndex] = {}
        self.cache_key: str | None = None  # the on-disk cache's key, when loaded from it
        self._spelling_blobs: dict[str, bytes] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"table": self.table, "names": self.names, "shadowed": self.shadowed}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.by_id = ById(self.table)
        self._memo = Memo()
        self._spellings = {}
        self.cache_key = None
        self._spelling_blobs = None

    @property
    def entries(self) -> list[PlaceEntry]:
        """Every row, in table order."""
        return list(self.table)

    def lookup(self, key: str) -> list[tuple[PlaceEntry, int]]:
        """(entry, PRIMARY/WHOLE flags) of each row an exact name key gives, in table order."""
        return [(self.table.entry(row), flags) for row, flags in self.names.lookup(key)]

    def whole_ids(self, key: str) -> set[str]:
        """Ids of the entries with a name giving this exact key unshortened (WHOLE)."""
        return {e.gazetteer_id for e, flags in self.lookup(key) if flags & WHOLE}

    def knows(self, key: str) -> bool:
        """Whether some row has this exact name key."""
        return key in self.names

    def has_name(self, name: str) -> bool:
        """Whether some row has this name exactly (as folded, with or without a leading
        article or particle): what an exact candidate needs, found without a fuzzy search."""
        return any(key in self.names for key in place_keys(name))

    def fuzzy_keys(self, query: str, limit: int, cutoff: float) -> list[tuple[str, float]]:
        """Name keys like `query` (rapidfuzz ratio >= cutoff), best first, at most `limit`."""
        return self.names.fuzzy(query, limit, cutoff)

    @classmethod
    def load(cls, extra: list[str] | None = None) -> Gazetteer:
        """The shipped gazetteer plus user CSVs (same columns; only name, lat, lon required)."""
        return _load_cached(tuple(extra or ()))

    def candidates(self, name: str, limit: int = 10) -> list[Candidate]:
        """Entries for a name: exact normalised matches, else fuzzy ones (memoised)."""
        found = self._memo.get((name, limit), lambda: generate(self, name, limit))
        return [Candidate(c.entry, c.score, dict(c.features)) for c in found]

    def spelled_like(self, name: str, country: str) -> list[PlaceEntry]:
        """Entries of `country` with a name of the same spelling skeleton as `name`
        (places/spelling.py; the country's skeletons are computed on first use)."""
        index = self._spellings.get(country)
        if index is None:
            index = self._spellings[country] = self._spelling_index(country)
        return [self.table.entry(row) for row in index.find(skeleton(name))]

    def _spelling_index(self, country: str) -> SpellingIndex:
        """A country's skeleton index: from the on-disk cache of every country's (built once,
        beside this gazetteer's; a country is unpickled when first met) when the gazetteer
        came from the cache, else built (a few ms a country, a second for the largest)."""
        if self.cache_key is None or cache.cache_dir() is None:
            return SpellingIndex(self.table, country)
        if self._spelling_blobs is None:
            names = resources.files("cronica.data").joinpath("names.yaml").read_bytes()
            key = cache.fingerprint([("names.yaml", names)], [Path(spelling.__file__ or "")],
                                    [self.cache_key])
            self._spelling_blobs = cache.cached("spelling", key,
                                                lambda: every_country(self.table))
        blob = self._spelling_blobs.get(country)
        return SpellingIndex.of_rows(pickle.loads(blob) if blob is not None else {})

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
        table = self.table
        feature, country = table.column("feature"), table.column("country")
        ids = table.column("gazetteer_id")
        if countries is None:
            countries = {c for f, c in zip(feature, country, strict=True) if f == "neighbourhood"}
        common = common_words(lang)
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        for row in range(len(table)):
            wanted = feature[row] in SUB_CITY or (
                country[row] in countries and feature[row] in ("city", "admin1", "admin2"))
            if not wanted:
                continue
            for name in table.names(row):
                if len(name) < 4 or not name.isascii() and not any(c.isalpha() for c in name):
                    continue
                if name_key(name) in common:
                    continue
                item = (name.lower(), ids[row])
                if item not in seen:
                    seen.add(item)
                    out.append({"label": "PLACE", "pattern": name, "id": ids[row]})
        return out


def gazetteer_files() -> list[Path]:
    """The shipped tables: gazetteer.csv, gazetteer_2.csv, ... in that order."""
    folder = data_path("gazetteer.csv").parent
    parts = sorted(folder.glob("gazetteer_*.csv"), key=lambda p: (len(p.name), p.name))
    return [folder / "gazetteer.csv", *parts]


def _postings(entries: list[PlaceEntry]) -> Iterator[tuple[str, int, int]]:
    """(name key, row, flags) for every name of every row: the key of each name with and
    without its article or particle; PRIMARY for a main name, WHOLE for a key not shortened."""
    for row, entry in enumerate(entries):
        for n, name in enumerate((entry.name, *entry.alt_names)):
            full = name_key(name)
            for key in place_keys(name):
                whole = WHOLE if key in (full, full.replace(" ", "")) else 0
                yield key, row, (PRIMARY if n == 0 else 0) | whole


def _shadowed_regions(entries: list[PlaceEntry]) -> set[str]:
    """Regions named like a city of theirs ("Aleppo" governorate, "New York" state): a bare
    mention of such a name means the city."""
    cities = {(name_key(e.name), e.country) for e in entries if e.feature == "city"
              and e.population >= 50_000 or e.feature == "city" and e.source != "GeoNames"}
    return {e.gazetteer_id for e in entries
            if e.feature in ("admin1", "admin2", "admin3") and (name_key(e.name), e.country)
            in cities}


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read gazetteer: {exc}") from exc


@lru_cache(maxsize=8)
def _load_cached(extra: tuple[str, ...]) -> Gazetteer:
    """The gazetteer of the shipped tables and `extra`, from the on-disk cache when it holds
    one built from the same tables and code (places/cache.py)."""
    tables = [(f"shipped:{p.name}", _read_bytes(p)) for p in gazetteer_files()]
    tables += [(f"user:{Path(n).stem}", _read_bytes(Path(n))) for n in extra]
    code = [Path(m.__file__ or "") for m in (text, index, table_module, cache)] + [Path(__file__)]
    key = cache.fingerprint(tables, code, text.place_key_particles())
    gazetteer = cache.cached("gazetteer", key, lambda: _build(extra))
    gazetteer.cache_key = key
    return gazetteer


def _build(extra: tuple[str, ...]) -> Gazetteer:
    entries: list[PlaceEntry] = []
    for path in gazetteer_files():
        entries.extend(read_rows(path, user=False))
    for name in extra:
        entries.extend(read_rows(Path(name), user=True))
    return Gazetteer(entries)
