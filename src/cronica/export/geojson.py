"""GeoJSON (RFC 7946): a FeatureCollection of Points, one per event with coordinates."""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterable
from typing import Any

from cronica.export._io import PathOrStream, open_text
from cronica.export.flat import flat_row
from cronica.export.registry import FunctionExporter
from cronica.record import Event

log = logging.getLogger(__name__)


def _coordinates(event: Event) -> tuple[float, float] | None:
    loc = event.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    lat, lon = float(loc.lat), float(loc.lon)
    if not (math.isfinite(lat) and math.isfinite(lon)) or abs(lat) > 90 or abs(lon) > 180:
        return None
    return lat, lon


def event_feature(event: Event) -> dict[str, Any] | None:
    """The event as a Point Feature (properties: the flat fields), or None without coordinates."""
    coords = _coordinates(event)
    if coords is None:
        return None
    lat, lon = coords
    return {
        "type": "Feature",
        "id": event.event_id,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": flat_row(event),
    }


def feature_collection(events: Iterable[Event]) -> tuple[dict[str, Any], int]:
    """(FeatureCollection of the events with coordinates, number of events skipped)."""
    features, skipped = [], 0
    for event in events:
        feature = event_feature(event)
        if feature is None:
            skipped += 1
        else:
            features.append(feature)
    return {"type": "FeatureCollection", "features": features}, skipped


def write_geojson(events: Iterable[Event], path_or_stream: PathOrStream) -> int:
    """Write a FeatureCollection; events without valid coordinates are skipped (and logged).

    Returns the number of features written.
    """
    collection, skipped = feature_collection(events)
    if skipped:
        log.info("geojson: skipped %d event(s) without coordinates", skipped)
    with open_text(path_or_stream) as out:
        json.dump(collection, out, ensure_ascii=False)
        out.write("\n")
    return len(collection["features"])


EXPORTER = FunctionExporter("geojson", ".geojson", write_geojson)
