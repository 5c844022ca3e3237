"""Hand-made entries (places_manual.yaml) that the GeoNames and OCHA tables lack."""

import csv

import pytest
import yaml

from cronica.resolve.places import Gazetteer, resolve_place
from cronica.resolve.places.settings import data_path


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("text", "lang", "focus", "name"),
    [
        ("Dabiq", "en", "Syria", "Dabiq"),
        ("la aldea de Dabiq", "es", "Syria", "Dabiq"),
        ("Guta Oriental", "es", "Syria", "Eastern Ghouta"),
        ("Eastern Ghouta", "en", "Syria", "Eastern Ghouta"),
        ("Bashik", "en", "Iraq", "Bashiqa"),
        ("Ras Lanuf", "es", "Libya", "Ras Lanuf"),
    ],
)
def test_front_line_villages_and_areas(gaz: Gazetteer, text: str, lang: str, focus: str,
                                       name: str) -> None:
    loc = resolve_place(text, lang, focus, gazetteer=gaz)
    assert loc is not None and loc.canonical == name and loc.country == focus


def test_every_manual_entry_is_in_the_shipped_tables() -> None:
    """The shipped CSVs hold each places_manual.yaml entry (as build_gazetteer.py writes it)."""
    items = yaml.safe_load(data_path("places_manual.yaml").read_text(encoding="utf-8"))
    shipped: set[str] = set()
    for path in sorted(data_path("gazetteer.csv").parent.glob("gazetteer*.csv")):
        with path.open(encoding="utf-8") as fh:
            shipped.update(row["gazetteer_id"] for row in csv.DictReader(fh))
    assert {item["id"] for item in items} <= shipped
    assert all("approximate" in item["source"] for item in items)
