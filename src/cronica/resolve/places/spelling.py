"""Spelling skeletons: one key for the ways Spanish, English and French writers spell one
Arabic place name ("Al Yabriya" = "Al-Jabriyeh"), and the places of one country or city
found by it. The letter classes are data (data/names.yaml)."""

from __future__ import annotations

import pickle
import re
from functools import cache
from typing import TYPE_CHECKING

from cronica.datafiles import load_yaml
from cronica.text import name_key

if TYPE_CHECKING:
    from cronica.resolve.places.table import EntryTable


@cache
def _rules() -> tuple[re.Pattern[str], dict[str, str], frozenset[str], frozenset[str]]:
    data = load_yaml("names.yaml")
    classes: dict[str, str] = data["spelling_classes"]
    groups = sorted(classes, key=len, reverse=True)  # "sch" before "sh" before "s"
    pattern = re.compile("|".join(re.escape(g) for g in groups))
    return (pattern, classes, frozenset(data["spelling_vowels"]),
            frozenset(data["article_prefixes"]))


@cache
def _words() -> dict[str, str]:
    respelt = load_yaml("names.yaml").get("spelling_words") or {}
    return {str(k): str(v) for k, v in respelt.items()}


def skeleton(name: str) -> str:
    """The spelling skeleton of a name: article prefixes dropped, letter groups in their
    class, vowels, a final h after a vowel and doubled letters dropped ("" for no name)."""
    pattern, classes, vowels, articles = _rules()
    respelt = _words()
    words = [respelt.get(w, w) for w in name_key(name).split() if w not in articles]
    out: list[str] = []
    for word in words:
        if len(word) > 2 and word.endswith("h") and word[-2] in vowels:
            word = word[:-1]  # "Hamah", "Suleimaniyeh": the written ending of -a, -e
        mapped = pattern.sub(lambda m: classes[m.group(0)], word)
        out.extend(c for c in mapped if c not in vowels and c.isalnum())
    return "".join(c for i, c in enumerate(out) if i == 0 or c != out[i - 1])


class SpellingIndex:
    """The rows of one country by the spelling skeleton of each of their names."""

    def __init__(self, table: EntryTable, country: str) -> None:
        self.rows: dict[str, list[int]] = {}
        for row, where in enumerate(table.column("country")):
            if where == country:
                _add(self.rows, row, table.names(row))

    @classmethod
    def of_rows(cls, rows: dict[str, list[int]]) -> SpellingIndex:
        """An index of these rows by skeleton (as `every_country` keeps them)."""
        index = cls.__new__(cls)
        index.rows = rows
        return index

    def find(self, key: str) -> list[int]:
        """The rows with a name of this skeleton, in table order."""
        return self.rows.get(key, []) if key else []


def _add(rows: dict[str, list[int]], row: int, names: tuple[str, ...]) -> None:
    for name in names:
        found = rows.setdefault(skeleton(name), [])
        if not found or found[-1] != row:
            found.append(row)


def every_country(table: EntryTable) -> dict[str, bytes]:
    """Each country's `SpellingIndex.rows`, pickled country by country: what the cache
    keeps, so that a run unpickles only the countries it meets."""
    by_country: dict[str, dict[str, list[int]]] = {}
    for row, country in enumerate(table.column("country")):
        _add(by_country.setdefault(country, {}), row, table.names(row))
    return {country: pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
            for country, rows in by_country.items()}
