"""Reviews: their own rows, applied where events are read, rejected ones left out."""

from __future__ import annotations

import json

import pytest

from cronica.store import Store
from cronica.store.reviews import ReviewError, add_review, apply_reviews, reviews_of
from tests.store.test_store import SENTS_A, doc_a, make_event


@pytest.fixture
def store(tmp_path):
    with Store(str(tmp_path / "r.duckdb")) as s:
        s.add_document(doc_a(), SENTS_A, [make_event("e1"), make_event("e2", sentence_index=1)])
        yield s


def machine_record(store: Store, event_id: str) -> dict:
    row = store._con.execute("SELECT record FROM events WHERE event_id = ?", [event_id]).fetchone()
    return json.loads(row[0])


def test_correction_is_its_own_row_and_read_back_reviewed(store):
    before = machine_record(store, "e1")
    review = add_review(store._con, "e1", "correct",
                        {"sub_event_type": "Shelling/artillery/missile attack", "fatalities": 7,
                         "date": "2024-03-02", "actor2": "Civilians (Syria)"},
                        reviewer="ana", note="the report says shelling")  # fmt: skip
    assert machine_record(store, "e1") == before  # the machine's row is never overwritten
    event = store.event("e1")
    assert event.review == "correct"
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.event_type == "Explosions/Remote violence"
    assert event.fatalities.best == 7 and event.date == "2024-03-02"
    assert event.actor2.canonical == "Civilians (Syria)"
    assert event.location == make_event().location  # what was not corrected stays
    [stored] = reviews_of(store._con, "e1")
    assert stored.reviewer == "ana" and stored.note == "the report says shelling"
    assert stored.before["sub_event_type"] == "Air/drone strike"
    assert stored.after["sub_event_type"] == review.after["sub_event_type"]
    assert [e.review for e in store.events()] == ["correct", None]


def test_rejected_events_are_left_out_of_events_but_shown_by_id(store):
    add_review(store._con, "e2", "reject", reviewer="ana")
    assert [e.event_id for e in store.events()] == ["e1"]
    assert store.event("e2").review == "reject"
    events = [make_event("e1"), make_event("e2")]
    assert [e.event_id for e in apply_reviews(store._con, events, rejected=True)] == ["e1", "e2"]


def test_latest_review_wins_and_history_is_kept(store):
    add_review(store._con, "e1", "reject")
    add_review(store._con, "e1", "accept")
    assert store.event("e1").review == "accept"
    assert [r.decision for r in reviews_of(store._con, "e1")] == ["reject", "accept"]


@pytest.mark.parametrize(("decision", "changes", "message"), [
    ("maybe", {}, "decision"),
    ("accept", {"date": "2024-01-01"}, "only a 'correct'"),
    ("correct", {}, "at least one change"),
    ("correct", {"colour": "red"}, "cannot correct colour"),
    ("correct", {"sub_event_type": "Picnic"}, "unknown sub-event type"),
    ("correct", {"date": "2024-13-01"}, "changes.date"),
    ("correct", {"fatalities": -1}, "changes.fatalities"),
    ("correct", {"location": {"canonical": "X", "lat": 95, "lon": 1}}, "changes.location.lat"),
    ("correct", {"location": {"canonical": "X", "lat": 5}}, "both lat and lon"),
    ("correct", {"actor1": ""}, "changes.actor1"),
])  # fmt: skip
def test_bad_reviews_name_the_field_and_write_nothing(store, decision, changes, message):
    with pytest.raises(ReviewError, match=message):
        add_review(store._con, "e1", decision, changes)
    assert reviews_of(store._con, "e1") == []
    assert store.event("e1").review is None


def test_unknown_event_is_a_key_error(store):
    with pytest.raises(KeyError):
        add_review(store._con, "nope", "accept")


def test_a_store_made_before_reviews_reads_as_unreviewed(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(str(path)) as s:
        s.add_document(doc_a(), SENTS_A, [make_event("e1")])
        s._con.execute("DROP TABLE reviews")
    with Store(str(path), read_only=True) as s:
        assert [e.review for e in s.events()] == [None]
