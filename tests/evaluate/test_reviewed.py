"""`cronica eval events --reviewed`: machine events scored against reviews."""

from __future__ import annotations

from cronica.evaluate.reviewed import score
from cronica.store import Store
from cronica.store.reviews import add_review, reviewed_records
from tests.store.test_store import SENTS_A, doc_a, make_event


def test_score_counts_rejections_and_corrected_attributes(tmp_path):
    events = [make_event(f"e{i}", sentence_index=i) for i in range(4)]
    with Store(str(tmp_path / "s.duckdb")) as store:
        store.add_document(doc_a(), SENTS_A, events)
        add_review(store._con, "e0", "accept")
        add_review(store._con, "e1", "reject")
        add_review(store._con, "e2", "correct", {"date": "2024-03-01"})
        pairs = reviewed_records(store._con)
    metrics, per_class, errors = score(pairs)
    assert metrics["reviewed"] == 3 and metrics["rejected"] == 1
    assert metrics["precision"] == round(2 / 3, 3)
    assert metrics["date_accuracy"] == 0.5 and metrics["place_accuracy"] == 1.0
    assert metrics["kept_unchanged"] == 0.5
    assert per_class["Air/drone strike"] == {"reviewed": 3, "rejected": 1}
    assert {e["event_id"] for e in errors} == {"e1", "e2"}


def test_cli_reviewed_reports_figures_and_fails_without_reviews(tmp_path, cronica):
    db = tmp_path / "s.duckdb"
    with Store(str(db)) as store:
        store.add_document(doc_a(), SENTS_A, [make_event("e0"), make_event("e1", sentence_index=1)])
    empty = cronica("eval", "events", "--reviewed", "--db", db)
    assert empty.returncode == 1 and "no reviewed events" in empty.stdout, str(empty)
    with Store(str(db)) as store:
        add_review(store._con, "e1", "reject")
    run = cronica("eval", "events", "--reviewed", "--db", db, "--json", tmp_path / "r.json")
    assert run.returncode == 0, str(run)
    assert "events-reviewed" in run.stdout and "precision" in run.stdout
    assert '"rejected": 1' in (tmp_path / "r.json").read_text()
