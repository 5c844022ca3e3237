"""The fast YAML parser reads every shipped data file exactly as the pure-Python one does."""

from pathlib import Path

import pytest
import yaml

import cronica
from cronica.datafiles import parse_yaml

SHIPPED = sorted(Path(cronica.__file__).parent.rglob("*.yaml"))


def test_there_are_data_files() -> None:
    assert len(SHIPPED) >= 10


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_same_document_as_safe_load(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert parse_yaml(text) == yaml.safe_load(text)


def test_unsafe_tags_are_refused() -> None:
    with pytest.raises(yaml.YAMLError):
        parse_yaml("!!python/object/apply:os.system ['true']")
