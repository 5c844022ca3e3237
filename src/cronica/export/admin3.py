"""ACLED's `admin3` from the gazetteer: the third-level area (e.g. a Syrian sub-district,
nahiya, from OCHA's tables) whose point is nearest the event's place, among the areas of its
country, admin1 and admin2. Empty where the gazetteer has no third level there."""

from __future__ import annotations

import csv
import math
from functools import lru_cache

from cronica.record import Location
from cronica.text import name_key

Area = tuple[str, float, float]  # name, lat, lon


@lru_cache(maxsize=1)
def _areas() -> dict[tuple[str, str, str], list[Area]]:
    from cronica.resolve.places.gazetteer import gazetteer_files

    areas: dict[tuple[str, str, str], list[Area]] = {}
    for path in gazetteer_files():
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("feature") != "admin3":
                    continue
                key = (row["country"], name_key(row["admin1"]), name_key(row["admin2"]))
                areas.setdefault(key, []).append((row["name"], float(row["lat"]),
                                                  float(row["lon"])))
    return areas


def admin3_of(loc: Location | None) -> str | None:
    """The admin3 area of a located place, or None."""
    if loc is None or loc.lat is None or loc.lon is None or not loc.country:
        return None
    key = (loc.country, name_key(loc.admin1 or ""), name_key(loc.admin2 or ""))
    candidates = _areas().get(key)
    if not candidates:
        return None
    lat, lon = loc.lat, loc.lon
    scale = math.cos(math.radians(lat))
    return min(candidates, key=lambda a: (a[1] - lat) ** 2 + ((a[2] - lon) * scale) ** 2)[0]
