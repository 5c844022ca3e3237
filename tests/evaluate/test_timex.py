from pathlib import Path

import pytest

from cronica.evaluate import timex

TSV = Path(__file__).parents[1] / "fixtures" / "eval" / "timebank_tiny.tsv"


def fake(answers):
    """A predictor that finds each (word, value) of `answers` in the text."""

    def predict(text, lang, dct):
        assert lang == "es" and dct is not None
        out = []
        for word, value in answers.get(dct.isoformat(), []):
            start = text.index(word)
            out.append((start, start + len(word), value))
        return out

    return predict


def test_load_and_rebuild():
    docs = timex.load_docs(TSV)
    assert [d.dct for d in docs] == ["2020-03-10", "2021-01-01"]
    first = docs[0]
    assert [(t.start, t.end, t.type, t.value) for t in first.timexes] == [
        (4, 5, "DATE", "2020-03-09"),
        (7, 9, "DATE", "2020-03-13"),
        (11, 13, "DURATION", "P2D"),
    ]
    text, offsets = timex.rebuild_text(first)
    first_line, second_line = text.split("\n")
    assert first_line == "El comité se reunió ayer y volverá el viernes."
    assert second_line == "Durante dos días no hubo acuerdo."
    assert timex.char_to_tokens(*offsets[7], offsets) == (7, 8)
    assert timex.char_to_tokens(text.index("el viernes"), text.index("."), offsets) == (7, 9)


def test_perfect_and_zero():
    perfect = fake({
        "2020-03-10": [("ayer", "2020-03-09"), ("el viernes", "2020-03-13"), ("dos días", "P2D")],
        "2021-01-01": [("Hoy", "2021-01-01")],
    })  # fmt: skip
    m = timex.run(TSV, predict=perfect)["metrics"]
    assert m["strict_f1"] == m["relaxed_f1"] == m["value_accuracy"] == m["value_f1"] == 1.0
    z = timex.run(TSV, predict=fake({}))["metrics"]
    assert z["strict_f1"] == z["relaxed_f1"] == z["value_f1"] == 0.0


def test_partial_hand_computed():
    predict = fake({
        "2020-03-10": [("ayer", "2020-03-09"), ("viernes", "2020-03-13"), ("acuerdo", None)],
        "2021-01-01": [("Hoy", "2021-01-02")],
    })  # fmt: skip
    result = timex.run(TSV, predict=predict)
    m = result["metrics"]
    assert (m["strict_precision"], m["strict_recall"], m["strict_f1"]) == (0.5, 0.5, 0.5)
    assert (m["relaxed_precision"], m["relaxed_recall"]) == (0.75, 0.75)
    assert m["value_accuracy"] == pytest.approx(2 / 3)
    assert m["value_f1"] == 0.5
    assert result["per_class"]["DURATION"]["recall"] == 0.0
    assert result["per_class"]["DATE"]["value_accuracy"] == pytest.approx(2 / 3)
    kinds = {e["kind"] for e in result["worst_errors"]}
    assert kinds == {"value", "extent", "missed", "spurious"}


def test_limit_and_skip(tmp_path):
    assert timex.run(TSV, limit=1, predict=fake({}))["n"] == 3
    assert timex.run(tmp_path / "x.tsv")["status"] == "skipped"
