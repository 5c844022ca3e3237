import math
from pathlib import Path

import pytest

from cronica.evaluate import geo

XML = Path(__file__).parent / "fixtures" / "eval" / "geovirus_tiny.xml"
PLACES = {"Northtown": (10.0, 20.0), "Southvale": (12.0, 22.0), "Eastham": (13.0, 23.0)}


def spans_of(words):
    def recognise(text):
        return [(text.index(w), text.index(w) + len(w)) for w in words if w in text]

    return recognise


def test_offsets_are_aligned_to_names():
    articles = geo.load_articles(XML)
    for art in articles:
        for t in art.toponyms:
            assert art.text[t.start : t.end] == t.name


def test_perfect():
    m = geo.run(XML, recognise=spans_of(PLACES), geocode=lambda n, lang: PLACES.get(n))["metrics"]
    assert m["toponym_recall"] == m["toponym_precision"] == m["accuracy_161km"] == 1.0
    assert m["median_error_km"] == 0.0 and m["auc"] == 0.0


def test_partial_hand_computed():
    known = {"Northtown": (10.0, 20.0)}
    result = geo.run(XML, recognise=spans_of(["Northtown", "Monday", "Eastham"]),
                     geocode=lambda n, lang: known.get(n))  # fmt: skip
    m = result["metrics"]
    assert m["toponym_recall"] == pytest.approx(2 / 3)
    assert m["toponym_precision"] == pytest.approx(2 / 3)
    assert m["accuracy_161km"] == 0.5
    assert m["median_error_km"] == pytest.approx(20039 / 2)
    assert m["auc"] == pytest.approx(math.log(20040) / 2 / math.log(20039))
    assert m["oracle_accuracy_161km"] == pytest.approx(1 / 3)
    assert {e["kind"] for e in result["worst_errors"]} == {"missed toponym", "geocoding"}


def test_zero_and_skip(tmp_path):
    m = geo.run(XML, recognise=spans_of([]), geocode=lambda n, lang: None)["metrics"]
    assert m["toponym_recall"] == 0.0 and m["oracle_accuracy_161km"] == 0.0
    assert m["oracle_auc"] == pytest.approx(1.0, abs=1e-4)
    assert geo.run(tmp_path / "none.xml")["status"] == "skipped"
