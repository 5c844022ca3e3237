"""A third language, added at run time: the pipeline reads it from its pack alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cronica.events.lexicon import attribution_cues, triggers
from cronica.events.syntax import any_words, words
from cronica.lang import LanguagePack, pack, register, supported, unregister
from cronica.pipeline import Pipeline
from cronica.record import Document
from cronica.resolve.numbers import find_numbers
from cronica.resolve.time import find_times

CODE = "xx"

# Invented trigger lemmas; the parser (the Spanish model) never saw them.
TRIGGERS = """\
triggers:
  - action: clash
    sub_event_type: Armed clash
    patterns:
      - {lemma: [zorbar, zorbaron, zorbo]}
  - action: shelling
    sub_event_type: Shelling/artillery/missile attack
    patterns:
      - {lemma: [blimpo, blimpos]}
"""
WORDS = """\
definite_articles: [ga]
agent_prepositions: [pri]
place_prepositions: [vu]
negators: [nek]
"""
TEXT = (
    "Los rebeldes zorbaron con el ejército en Idlib el 3 de marzo.\n"
    "La aviación bombardeó Alepo y atacó el mercado.\n"
)


@pytest.fixture
def toy_pack(tmp_path: Path) -> Iterator[LanguagePack]:
    """A pack "xx" with the Spanish model, two invented triggers and a few function words;
    no attribution, time, numbers, places or demonyms lexicons."""
    folder = tmp_path / CODE
    folder.mkdir()
    (folder / "pack.yaml").write_text(
        f"code: {CODE}\nname: Toy\nmodel: {pack('es').model}\naliases: [toy]\n", encoding="utf-8"
    )
    (folder / "triggers.yaml").write_text(TRIGGERS, encoding="utf-8")
    (folder / "words.yaml").write_text(WORDS, encoding="utf-8")
    toy = LanguagePack.from_dir(folder)
    register(toy)
    yield toy
    unregister(CODE)


def test_toy_pack_finds_its_own_triggers_only(toy_pack: LanguagePack) -> None:
    spanish = {lemma for entry in triggers("es") for p in entry.patterns for lemma in p.lemmas}
    assert {"bombardear", "atacar"} <= spanish  # triggers in Spanish, not in the toy language
    events = Pipeline().extract(Document(id="toy", text=TEXT, lang=CODE))
    actions = [e.action for e in events]
    assert "clash" in actions  # "zorbaron", from the toy lexicon
    found = {e.evidence.trigger.lower() for e in events}
    assert "zorbaron" in found
    # Spanish triggers ("bombardeó", "atacó") are not the toy language's
    assert not found & {"bombardeó", "atacó"}
    assert set(actions) <= {"clash", "shelling"}


def test_missing_lexicons_read_as_empty(toy_pack: LanguagePack) -> None:
    assert attribution_cues(CODE).stance_of_verb == {}
    assert [m.number.value for m in find_numbers("12 zorbos y 3.000 blimpos", CODE)] == [12, 3000]
    assert find_times("el 3 de marzo de 2020", CODE) == []
    assert any_words("agent_prepositions") >= {"pri", "por", "by"}  # every pack's
    assert words(CODE, "negators") == {"nek"} and "nek" not in words("es", "negators")


def test_toy_pack_is_gone_after_unregister() -> None:
    assert CODE not in supported()
    assert "pri" not in any_words("agent_prepositions")  # the packs' words read again
    with pytest.raises(ValueError):
        words(CODE, "negators")
