from pathlib import Path

from cronica.evaluate import sentences
from cronica.record import Event, Evidence

TSV = Path(__file__).parents[1] / "fixtures" / "eval" / "sentences_tiny.tsv"


def event(text):
    return Event(event_id="x", document="d", sentence_index=0,
                 evidence=Evidence(sentence=text, start=0, end=len(text)), event_type="Protests",
                 sub_event_type="Peaceful protest", plover="PROTEST", action="protest")  # fmt: skip


def finder(*words):
    return lambda text, lang: [event(text)] if any(w in text for w in words) else []


def test_perfect_zero_partial():
    perfect = sentences.run(TSV, predict=finder("protestaron", "marcharon"))["metrics"]
    assert perfect["f1"] == perfect["accuracy"] == 1.0
    zero = sentences.run(TSV, predict=finder())["metrics"]
    assert zero["f1"] == 0.0 and zero["accuracy"] == 0.5
    result = sentences.run(TSV, predict=finder("protestaron", "museo"))
    m = result["metrics"]
    assert (m["tp"], m["fp"], m["fn"]) == (1, 1, 1)
    assert m["precision"] == m["recall"] == m["f1"] == m["accuracy"] == 0.5
    assert result["per_class"]["confusion"] == {"1": {"1": 1, "0": 1}, "0": {"0": 1, "1": 1}}
    assert {e["kind"] for e in result["worst_errors"]} == {"false positive", "false negative"}


def test_limit_and_skip(tmp_path):
    assert sentences.run(TSV, limit=2, predict=finder())["n"] == 2
    assert sentences.run(tmp_path / "x.tsv")["status"] == "skipped"


def test_quoted_fields_are_unquoted():
    rows = sentences.load_sentences(TSV)
    assert rows[3] == ("4", 'El museo abrió una sala "nueva".', 0)
