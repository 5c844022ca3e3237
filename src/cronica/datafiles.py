"""Read the data files shipped in cronica/data (lexicons, dictionaries), by name."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

# libyaml's parser when PyYAML was built with it (same documents, several times faster: the
# lexicons are read at every start), else the pure-Python one.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """Parse YAML text as `yaml.safe_load` does (safe tags only), with libyaml when present."""
    return yaml.load(text, Loader=_LOADER)


def load_yaml(name: str) -> Any:
    """Parse one YAML file of cronica/data; ValueError naming it when it is missing."""
    path = resources.files("cronica.data").joinpath(name)
    if not path.is_file():
        raise ValueError(f"cronica/data/{name}: no such data file")
    return parse_yaml(path.read_text(encoding="utf-8"))
