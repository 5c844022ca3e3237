"""Read the data files shipped in cronica/data (lexicons, dictionaries), by name."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def load_yaml(name: str) -> Any:
    """Parse one YAML file of cronica/data; ValueError naming it when it is missing."""
    path = resources.files("cronica.data").joinpath(name)
    if not path.is_file():
        raise ValueError(f"cronica/data/{name}: no such data file")
    return yaml.safe_load(path.read_text(encoding="utf-8"))
