"""The ranking table: weights and thresholds of place resolution, as data (place_ranking.yaml)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from cronica.datafiles import parse_yaml
from cronica.record import InputError

SUB_CITY = ("neighbourhood", "river", "road")  # features that lie inside a city
ADMIN = ("continent", "region", "country", "admin1", "admin2", "admin3")
SECTIONS = ("candidates", "score", "within", "document", "accept", "event")


def data_path(name: str) -> Path:
    """A file of the package's data folder."""
    return Path(str(resources.files("cronica") / "data" / name))


@lru_cache(maxsize=4)
def table(path: str | None = None) -> dict[str, Any]:
    """The ranking table (default: the shipped data/place_ranking.yaml), read once."""
    source = Path(path) if path else data_path("place_ranking.yaml")
    try:
        data = parse_yaml(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(str(source), f"cannot read the place ranking table: {exc}") from exc
    missing = [s for s in SECTIONS if not isinstance((data or {}).get(s), dict)]
    if missing:
        raise InputError(str(source), f"place ranking table lacks {', '.join(missing)}")
    return data
