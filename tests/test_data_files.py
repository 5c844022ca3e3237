"""Every shipped lexicon and dictionary loads, and holds words where words are expected."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import cronica
from cronica.events.lexicon import attribution_cues, ontology, triggers
from cronica.lang import supported

PACKAGE = Path(cronica.__file__).parent
DATA, PACKS = PACKAGE / "data", PACKAGE / "lang"
YAML_FILES = sorted(
    str(p.relative_to(DATA.parent)) for p in [*DATA.glob("*.yaml"), *PACKS.glob("*/*.yaml")]
)


def _words(node):
    """Dictionary keys and list items: where lexicons keep their words (flags are values)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _words(value)
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, (dict, list)):
                yield from _words(item)
            else:
                yield item


@pytest.mark.parametrize("name", YAML_FILES)
def test_yaml_file_loads_without_yaml11_booleans(name):
    """YAML 1.1 reads bare on/off/yes/no as booleans: a lexicon word must be quoted."""
    data = yaml.safe_load((DATA.parent / name).read_text(encoding="utf-8"))
    assert data, f"{name} is empty"
    booleans = [word for word in _words(data) if isinstance(word, bool)]
    assert not booleans, f"{name} holds booleans where words were meant: quote on/off/yes/no"


@pytest.mark.parametrize("lang", supported())
def test_trigger_lexicon_covers_every_sub_event_type(lang):
    onto = ontology()
    entries = triggers(lang)
    named = {e.sub_event_type for e in entries if e.sub_event_type}
    by_family = {sub for table in onto.by_actor_type.values() for sub in table.values()}
    by_agent = {sub for table in onto.by_agent_type.values() for sub in table.values()}
    assert set(onto.event_type_of) <= named | by_family | by_agent
    for entry in entries:
        for pattern in entry.patterns:
            assert pattern.lemmas and all(isinstance(w, str) for w in pattern.lemmas)


@pytest.mark.parametrize("lang", supported())
def test_attribution_cues_load(lang):
    cues = attribution_cues(lang)
    assert set(cues.stance_of_verb.values()) <= {"reports", "claims", "denies", "accuses"}
    assert cues.according_to and cues.place_nouns
