"""Countries: ISO 3166 codes and ACLED region, from data/countries.csv (built by
scripts/build_countries.py), looked up by any spelling the gazetteer or ACLED uses."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from cronica.text import name_key


@dataclass(frozen=True)
class Country:
    """One country: its gazetteer name, ISO codes, ACLED region and ACLED's name for it."""

    name: str
    iso2: str
    iso3: str
    iso_numeric: int
    region: str
    acled_name: str


@lru_cache(maxsize=1)
def _index() -> dict[str, Country]:
    text = resources.files("cronica.data").joinpath("countries.csv").read_text("utf-8")
    index: dict[str, Country] = {}
    for row in csv.DictReader(text.splitlines()):
        country = Country(row["name"], row["iso2"], row["iso3"], int(row["iso_numeric"]),
                          row["region"], row["acled_name"])
        for key in (row["name"], row["acled_name"], row["iso3"]):
            index.setdefault(name_key(key), country)
    return index


def country(name: str | None) -> Country | None:
    """The country called `name` (gazetteer or ACLED spelling, or ISO3 code), or None."""
    if not name:
        return None
    return _index().get(name_key(name))


def countries() -> list[Country]:
    """Every country of the table, once each."""
    return sorted({c.iso3: c for c in _index().values()}.values(), key=lambda c: c.name)
