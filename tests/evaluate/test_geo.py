import math
from pathlib import Path

import pytest

from cronica.evaluate import geo

XML = Path(__file__).parents[1] / "fixtures" / "eval" / "geovirus_tiny.xml"
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


GAZTAG_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <title>Floods</title>
    <text><![CDATA[Rain flooded Northtown and the Brook Lane bridge near Southvale.]]></text>
    <toponyms count="3">
      <toponym>
        <start>13</start><end>22</end><phrase>Northtown</phrase>
        <gaztag geonameid="101"><name>Northtown</name><fclass>P</fclass>
          <lat>10.0</lat><lon>20.0</lon><country geonameid="9">Nowhere</country></gaztag>
      </toponym>
      <toponym><start>31</start><end>41</end><phrase>Brook Lane</phrase></toponym>
      <toponym>
        <start>54</start><end>63</end><phrase>Southvale</phrase>
        <gaztag geonameid="102"><name>Southvale City</name><lat>12</lat><lon>22</lon></gaztag>
      </toponym>
    </toponyms>
  </article>
</articles>
"""

GWN_XML = """<?xml version="1.0" ?>
<articles>
  <article>
    <text>Traders in Eastham said the market square was quiet.</text>
    <toponyms>
      <toponym>
        <extractedName>Eastham</extractedName><normalisedName>Eastham</normalisedName>
        <type>Literal</type><nonLocational>No</nonLocational>
        <start>11</start><end>18</end><geonamesID>103</geonamesID>
        <latitude>13.0</latitude><longitude>23.0</longitude>
      </toponym>
      <toponym>
        <extractedName>square</extractedName><type>Literal_Expression</type>
        <start>30</start><end>36</end>
      </toponym>
      <toponym>
        <extractedName>Traders</extractedName><type>Non_Lit_Expression</type>
        <nonLocational>Yes</nonLocational><start>0</start><end>7</end>
        <geonamesID/><latitude></latitude><longitude></longitude>
      </toponym>
    </toponyms>
  </article>
</articles>
"""


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (GAZTAG_XML, [("Northtown", 13, 10.0, 20.0), ("Southvale", 54, 12.0, 22.0)]),
        (GWN_XML, [("Eastham", 11, 13.0, 23.0)]),
    ],
)
def test_gaztag_and_geowebnews_forms(tmp_path, xml, expected):
    path = tmp_path / "corpus.xml"
    path.write_text(xml, encoding="utf-8")
    (art,) = geo.load_articles(path)
    assert [(t.name, t.start, t.lat, t.lon) for t in art.toponyms] == expected
    assert all(art.text[t.start : t.end] == t.name for t in art.toponyms)
    m = geo.run(path, recognise=spans_of(PLACES), geocode=lambda n, lang: PLACES.get(n))
    assert m["metrics"]["toponym_recall"] == 1.0 and m["metrics"]["accuracy_161km"] == 1.0
