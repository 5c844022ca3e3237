from pathlib import Path

import pytest

from cronica.evaluate import ner

CONLL = Path(__file__).parents[1] / "fixtures" / "eval" / "conll_tiny.txt"
GOLD = [[(2, 3, "PER"), (4, 6, "LOC")], [(1, 2, "ORG")]]


def test_load_latin1_and_bio():
    sentences = ner.load_sentences(CONLL)
    assert sentences[0][0][2] == "Pérez"
    assert [g for _, g in sentences] == GOLD
    assert ner.bio_entities(["I-LOC", "I-LOC", "O", "B-PER", "B-PER"]) == [
        (0, 2, "LOC"), (3, 4, "PER"), (4, 5, "PER"),
    ]  # fmt: skip


def test_two_systems_hand_computed():
    systems = {
        "spacy": lambda sents: [[(2, 3, "PER"), (4, 6, "LOC")], [(1, 2, "ORG")]],
        "cronica": lambda sents: [[(2, 3, "PERSON"), (4, 5, "PLACE")], [(1, 2, "ACTOR")]],
    }
    result = ner.run(CONLL, systems=systems)
    m = result["metrics"]
    assert m["spacy_f1"] == 1.0
    assert m["cronica_precision"] == m["cronica_recall"] == pytest.approx(2 / 3)
    assert m["cronica_LOC_f1"] == 0.0 and m["cronica_ORG_f1"] == 1.0
    assert m["cronica_minus_spacy_f1"] == pytest.approx(2 / 3 - 1)
    assert result["per_class"]["cronica"]["LOC"]["support"] == 1
    assert result["worst_errors"][0]["gold"] == [("Casa Blanca", "LOC")]


def test_zero_and_skip(tmp_path):
    m = ner.run(CONLL, systems={"spacy": lambda s: [[] for _ in s]})["metrics"]
    assert m["spacy_f1"] == 0.0 and "cronica_f1" not in m
    assert ner.run(tmp_path / "none")["status"] == "skipped"
