"""`geo`: toponym recognition and geocoding on GeoVirus (English news, gold coordinates), or
any corpus in the LGL / TR-News / GeoWebNews XML forms (`load_articles` tells them apart).

Toponym recall: gold toponyms whose span overlaps a predicted one. Geocoding: each recognised
gold toponym is geocoded from the predicted span's text; the error in km gives accuracy within
161 km, median and mean error and the AUC of log error (Gritta et al.); a toponym the
geocoder cannot place counts as the largest error (20,039 km). The same figures for the gold
toponym names ("oracle" recognition) separate the geocoder from the recogniser.

By default the geocoder reads a whole article at once (cronica's `resolve_places`: the other
toponyms of the article are its context). With recognised toponyms it sees only the spans the
recogniser predicted (false ones included), never the gold; a per-name geocoder can be passed
instead.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cronica.evaluate import metrics, predictors
from cronica.evaluate.result import Result, guarded, ok
from cronica.record import InputError

NAME = "geo"
DEFAULT_PATH = "geoparsing/GeoVirus.xml"
ACCURACY_KM = 161.0
Recogniser = Callable[[str], list[tuple[int, int]]]
Coords = tuple[float, float] | None
Geocoder = Callable[[str, str], Coords]
DocumentGeocoder = Callable[[list[str], str], list[Coords]]


@dataclass
class Toponym:
    name: str
    start: int
    end: int
    lat: float
    lon: float


@dataclass
class Article:
    text: str
    toponyms: list[Toponym]
    source: str = ""


def load_articles(path: Path) -> list[Article]:
    """Articles with gold toponyms from a geoparsing XML corpus, whichever of its forms:
    GeoVirus (`<locations><location>` with name, start, end, lat, lon), LGL / TR-News
    (`<toponyms><toponym>` with phrase, start, end and `<gaztag geonameid>` holding lat, lon)
    or GeoWebNews (`<toponym>` with extractedName, start, end, latitude, longitude). Toponyms
    without coordinates are skipped."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise InputError(str(path), f"not XML: {err}") from err
    articles = []
    for node in root.iter("article"):
        found = [_location(loc) for loc in node.iter("location")]
        found += [_toponym(top) for top in node.iter("toponym")]
        text = node.findtext("text", "")
        toponyms = [_aligned(t, text) for t in found if t is not None]
        articles.append(Article(text, toponyms, node.findtext("source", "")))
    return articles


def _number(node: ET.Element | None, tag: str) -> float | None:
    value = (node.findtext(tag) or "").strip() if node is not None else ""
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _span_toponym(node: ET.Element, name: str, coords: ET.Element | None,
                  lat_tag: str, lon_tag: str) -> Toponym | None:  # fmt: skip
    lat, lon = _number(coords, lat_tag), _number(coords, lon_tag)
    start, end = _number(node, "start"), _number(node, "end")
    if lat is None or lon is None or start is None or end is None:
        return None
    return Toponym(name.strip(), int(start), int(end), lat, lon)


def _location(node: ET.Element) -> Toponym | None:
    """A GeoVirus `<location>`."""
    return _span_toponym(node, node.findtext("name", ""), node, "lat", "lon")


def _toponym(node: ET.Element) -> Toponym | None:
    """An LGL / TR-News `<toponym>` (coordinates in its gaztag) or a GeoWebNews one."""
    gaztag = node.find("gaztag")
    if gaztag is not None:
        name = node.findtext("phrase") or gaztag.findtext("name") or ""
        return _span_toponym(node, name, gaztag, "lat", "lon")
    return _span_toponym(node, node.findtext("extractedName", ""), node, "latitude", "longitude")


def _aligned(t: Toponym, text: str) -> Toponym:
    """GeoVirus offsets count from 1: shift a toponym whose name sits one character earlier."""
    if text[t.start : t.end] != t.name and text[t.start - 1 : t.end - 1] == t.name:
        return Toponym(t.name, t.start - 1, t.end - 1, t.lat, t.lon)
    return t


def _errors(
    items: list[tuple[Toponym, str, str, Coords]], worst: metrics.WorstErrors | None
) -> list[float]:
    errors = []
    for gold, query, context, coords in items:
        km = metrics.haversine_km(gold.lat, gold.lon, *coords) if coords else metrics.MAX_ERROR_KM
        errors.append(km)
        if worst is not None and km > ACCURACY_KM:
            worst.add("geocoding", km, gold=gold.name, query=query, km=round(km, 1),
                      predicted=coords, text=context)  # fmt: skip
    return errors


def _summary(errors: list[float], prefix: str) -> dict[str, float]:
    return {
        f"{prefix}accuracy_161km": metrics.mean([e <= ACCURACY_KM for e in errors]),
        f"{prefix}median_error_km": metrics.median(errors),
        f"{prefix}mean_error_km": metrics.mean(errors),
        f"{prefix}auc": metrics.auc_log_error(errors),
        f"{prefix}unresolved": metrics.mean([e >= metrics.MAX_ERROR_KM for e in errors]),
    }


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    return f"{text[max(0, start - width) : start]}[{text[start:end]}]{text[end : end + width]}"


def per_name(geocode: Geocoder) -> DocumentGeocoder:
    """A document geocoder that places each name on its own."""
    return lambda names, lang: [geocode(n, lang) for n in names]


def score(
    articles: list[Article],
    recognise: Recogniser,
    geocode: Geocoder | None = None,
    geocode_document: DocumentGeocoder | None = None,
) -> dict[str, Any]:
    """Recall/precision of toponym spans, then geocoding error on recognised and gold names.

    The document geocoder gets, per article, the recognised spans' texts (for the recognised
    figures) or the gold names (for the oracle figures), in text order."""
    if geocode_document is None:
        if geocode is None:
            raise ValueError("score needs a geocoder")
        geocode_document = per_name(geocode)
    worst = metrics.WorstErrors()
    n_gold = n_found = n_pred = n_pred_ok = 0
    recognised: list[tuple[Toponym, str, str, Coords]] = []
    oracle: list[tuple[Toponym, str, str, Coords]] = []
    for art in articles:
        spans = sorted(recognise(art.text))
        n_pred += len(spans)
        n_pred_ok += sum(any(s < t.end and t.start < e for t in art.toponyms) for s, e in spans)
        span_coords = dict(zip(spans, geocode_document([art.text[s:e] for s, e in spans], "en"),
                               strict=True))  # fmt: skip
        names = [art.text[t.start : t.end] or t.name for t in art.toponyms]
        gold_coords = geocode_document(names, "en") if names else []
        for t, name, coords in zip(art.toponyms, names, gold_coords, strict=True):
            n_gold += 1
            context = _context(art.text, t.start, t.end)
            oracle.append((t, name, context, coords))
            hit = next(((s, e) for s, e in spans if s < t.end and t.start < e), None)
            if hit is None:
                worst.add("missed toponym", 1.0, gold=t.name, text=context)
                continue
            n_found += 1
            recognised.append((t, art.text[hit[0] : hit[1]], context, span_coords[hit]))
    recall = metrics.safe_div(n_found, n_gold)
    precision = metrics.safe_div(n_pred_ok, n_pred)
    result = {
        "toponym_recall": recall,
        "toponym_precision": precision,
        "toponym_f1": metrics.safe_div(2 * precision * recall, precision + recall),
        **_summary(_errors(recognised, worst), ""),
        **_summary(_errors(oracle, None), "oracle_"),
        "gold_toponyms": n_gold,
        "recognised": n_found,
        "predicted_spans": n_pred,
    }
    return {"metrics": result, "per_class": {}, "worst_errors": worst.worst()}


def evaluate(
    path: Path,
    recognise: Recogniser,
    geocode: Geocoder | None = None,
    limit: int | None = None,
    geocode_document: DocumentGeocoder | None = None,
) -> Result:
    """Score recogniser and geocoder on the first `limit` articles (all when None)."""
    articles = load_articles(path)
    articles = articles[:limit] if limit else articles
    scored = score(articles, recognise, geocode, geocode_document)
    n = sum(len(a.toponyms) for a in articles)
    return ok(NAME, scored["metrics"], scored["per_class"], scored["worst_errors"], n=n,
              seconds=0.0, data=str(path), articles=len(articles))  # fmt: skip


def run(
    path: Path,
    limit: int | None = None,
    recognise: Recogniser | None = None,
    geocode: Geocoder | None = None,
    geocode_document: DocumentGeocoder | None = None,
) -> Result:
    """The `geo` evaluation (skipped when the file is absent).

    Without a geocoder, cronica's document geocoder is used; a per-name `geocode` replaces it.
    """

    def body() -> Result:
        by_document = geocode_document
        if by_document is None and geocode is None:
            by_document = document_geocoder()
        return evaluate(path, recognise or predictors.toponyms(), geocode, limit, by_document)

    return guarded(NAME, path, body)


def document_geocoder() -> DocumentGeocoder:
    """(names of one article, lang) -> coordinates, with cronica's `resolve_places`."""
    from cronica.resolve.places import resolve_places

    def predict(names: list[str], lang: str) -> list[Coords]:
        return [
            (loc.lat, loc.lon) if loc is not None and loc.lat is not None and loc.lon is not None
            else None
            for loc in resolve_places(names, lang)
        ]

    return predict
