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


class _NoDuplicates(yaml.SafeLoader):
    """A loader that refuses a mapping with one key twice (the last would silently win)."""

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
        twice = {k for k in keys if isinstance(k, str) and keys.count(k) > 1}
        if twice:
            raise yaml.YAMLError(f"keys given twice: {sorted(twice)}")
        return super().construct_mapping(node, deep=deep)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_no_key_is_given_twice(path: Path) -> None:
    yaml.load(path.read_text(encoding="utf-8"), Loader=_NoDuplicates)  # noqa: S506


def test_unsafe_tags_are_refused() -> None:
    with pytest.raises(yaml.YAMLError):
        parse_yaml("!!python/object/apply:os.system ['true']")
