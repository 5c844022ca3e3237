import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cronica.evaluate import predictors
from cronica.evaluate.cli import eval_app
from cronica.record import Event, Evidence

FIXTURES = Path(__file__).parents[1] / "fixtures" / "eval"
runner = CliRunner()


def one_event_per_line(doc):
    """Fake pipeline: one air strike per line of the document."""
    out = []
    for line in doc.text.splitlines():
        out.append(Event(event_id="x", document=doc.id, sentence_index=0,
                         evidence=Evidence(sentence=line, start=0, end=len(line)),
                         event_type="Explosions/Remote violence",
                         sub_event_type="Air/drone strike", plover="AIRSTRIKE",
                         action="airstrike"))  # fmt: skip
    return out


@pytest.fixture
def fake_pipeline(monkeypatch):
    monkeypatch.setattr(predictors, "events", lambda repeated=None: one_event_per_line)
    monkeypatch.setattr(predictors, "sentence_events", lambda: lambda text, lang: [])


def test_events_command_writes_json(tmp_path, fake_pipeline):
    out = tmp_path / "r.json"
    result = runner.invoke(eval_app, ["events", str(FIXTURES / "events"), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "events" in result.output
    payload = json.loads(out.read_text(encoding="utf-8"))
    m = payload["results"][0]["metrics"]
    # 3 predictions, 1 right (the air strike): P 1/3, R 1/3
    assert (m["tp"], m["fp"], m["fn"]) == (1, 2, 2)
    assert payload["results"][0]["status"] == "ok"


def test_all_with_partial_data_skips_the_rest(tmp_path, fake_pipeline):
    data = tmp_path / "eval"
    (data / "gold").mkdir(parents=True)
    shutil.copy(FIXTURES / "events" / "gold.jsonl", data / "gold" / "seed_alepo_2016.jsonl")
    shutil.copy(FIXTURES / "events" / "pueblo-es.txt", data / "gold")
    (data / "events_es").mkdir()
    shutil.copy(FIXTURES / "sentences_tiny.tsv",
                data / "events_es" / "case2021_task1_sentences_es.tsv")  # fmt: skip
    report = tmp_path / "eval-report.md"
    result = runner.invoke(eval_app, ["all", "--data", str(data), "--report", str(report)])
    assert result.exit_code == 0, result.output
    text = report.read_text(encoding="utf-8")
    assert "| events | ok | 3 |" in text
    assert "| sentences | ok | 4 |" in text
    for kind in ("events-news", "events-wikipedia", "acled", "timex", "geo", "ner"):
        assert f"| {kind} | skipped |" in text
    assert "data not found" in text


def test_limit_option_and_unknown_kind(tmp_path, fake_pipeline):
    tsv = FIXTURES / "sentences_tiny.tsv"
    out = tmp_path / "s.json"
    result = runner.invoke(eval_app, ["sentences", str(tsv), "--limit", "3", "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["results"][0]["n"] == 3
    assert runner.invoke(eval_app, ["nonsense"]).exit_code != 0


def test_missing_data_is_skipped_not_failed(tmp_path):
    result = runner.invoke(eval_app, ["acled", str(tmp_path / "absent.csv")])
    assert result.exit_code == 0
    assert "skipped" in result.output


def test_events_command_runs_each_set(tmp_path, fake_pipeline):
    data = tmp_path / "eval"
    (data / "gold").mkdir(parents=True)
    shutil.copy(FIXTURES / "events" / "gold.jsonl", data / "gold" / "news_dev.jsonl")
    shutil.copy(FIXTURES / "events" / "pueblo-es.txt", data / "gold")
    out = tmp_path / "r.json"
    result = runner.invoke(eval_app, ["events", "--data", str(data), "--json", str(out)])
    assert result.exit_code == 0, result.output
    results = json.loads(out.read_text(encoding="utf-8"))["results"]
    assert [(r["name"], r["status"]) for r in results] == [
        ("events", "skipped"), ("events-news", "ok"), ("events-wikipedia", "skipped")]
    one = runner.invoke(eval_app, ["events", str(data / "gold" / "news_dev.jsonl"),
                                   "--json", str(out)])  # fmt: skip
    assert one.exit_code == 0, one.output
    assert [r["name"] for r in json.loads(out.read_text(encoding="utf-8"))["results"]] == [
        "events-news"]
