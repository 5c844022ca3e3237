"""The store, on DuckDB and on PostgreSQL (`store_target`, tests/store/conftest.py): round
trip, idempotent re-ingest, filters, atomic ingest."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import date

import pytest

from cronica.record import (
    Actor,
    Claim,
    Document,
    Event,
    Evidence,
    Fatalities,
    InputError,
    Location,
    Quantity,
)
from cronica.store import Store, event_from_dict, parse_iso_date
from cronica.store.rows import record_of

TEXT_A = (
    "Según el observatorio, las fuerzas del gobierno bombardearon Kafr Nabl el 3 de marzo. [4] "
    "Los rebeldes negaron haber perdido la colina."
)
TEXT_B = "Protesters marched in Springfield on 10 May 2024 demanding water."


def make_event(
    event_id: str = "e1",
    document: str = "doc-a",
    sentence_index: int = 0,
    *,
    event_type: str = "Explosions/Remote violence",
    sub_event_type: str = "Air/drone strike",
    action: str = "airstrike",
    date_: str | None = "2024-03-03",
    actor1: Actor | None = None,
    actor2: Actor | None = None,
    location: Location | None = None,
    disputed: bool = False,
    best: int | None = 3,
) -> Event:
    """A fully populated event; keyword arguments override the parts the tests vary."""
    return Event(
        event_id=event_id,
        document=document,
        sentence_index=sentence_index,
        evidence=Evidence(
            sentence="las fuerzas del gobierno bombardearon Kafr Nabl [4]",
            start=0,
            end=88,
            citations=["[4]"],
            trigger="bombardearon",
            trigger_start=40,
            trigger_end=52,
        ),
        event_type=event_type,
        sub_event_type=sub_event_type,
        plover="AIRSTRIKE",
        action=action,
        date=date_,
        date_precision="day" if date_ and len(date_) == 10 else "month",
        date_text="el 3 de marzo",
        actor1=actor1 or Actor("fuerzas del gobierno", "Military Forces of Syria", "State forces",
                               "Syria"),
        actor2=actor2,
        assoc_actors=[Actor("milicia aliada", None, "Political militia")],
        location=location
        or Location("Kafr Nabl", "Kafr Nabl", "Idlib", "Maarrat al-Nu'man", "Syria", 35.61,
                    36.56, 1, "gaz:1"),
        quantities=[Quantity("killed", 3, approx=True, text="unos tres", low=2, high=4)],
        fatalities=None if best is None else Fatalities(2, best, 4),
        claims=[
            Claim("SOHR", "NGO", "reports", document, sentence_index, (0, 16)),
            Claim("rebeldes", "armed group", "denies", document, 1, None),
        ],
        disputed=disputed,
        disputed_reason="denied" if disputed else None,
        confidence=0.75,
        rules=["lexicon:bombardear", "passive"],
        lang="es",
    )


def doc_a(text: str = TEXT_A) -> Document:
    return Document("doc-a", text, "es", date(2024, 3, 4), "https://example.org/a", "Outlet",
                    "a.txt", "Bombardeo")


SENTS_A = [(0, 0, 88, TEXT_A[:88], ["[4]"]), (1, 89, len(TEXT_A), TEXT_A[89:], [])]


@pytest.fixture
def store(store_target):
    with Store(store_target) as s:
        yield s


def test_event_from_dict_rebuilds_nested_records_and_span_tuple():
    ev = make_event()
    back = event_from_dict(json.loads(json.dumps(ev.to_dict())))
    assert back == ev
    assert back.claims[0].span == (0, 16) and isinstance(back.claims[0].span, tuple)
    assert isinstance(back.location, Location) and isinstance(back.quantities[0], Quantity)


def test_event_from_dict_names_bad_fields():
    d = make_event().to_dict()
    d["actor1"]["colour"] = "red"
    with pytest.raises(ValueError, match="actor1.*colour"):
        event_from_dict(d)
    d = make_event().to_dict()
    del d["evidence"]
    with pytest.raises(ValueError, match="evidence"):
        event_from_dict(d)


def test_round_trip(store, store_target):
    ev = make_event()
    bare = make_event("e2", sentence_index=1, date_=None, best=None)
    bare.location = None
    assert store.add_document(doc_a(), SENTS_A, [ev, bare]) is True
    assert store.event("e1") == ev
    assert store.event("e1").to_dict() == ev.to_dict()
    assert store.event("e2") == bare
    assert store.event("nope") is None
    assert store.events() == [ev, bare]  # dated first, undated last
    assert store.sentences("doc-a") == SENTS_A
    assert store.document("doc-a") == doc_a()
    store.close()
    with Store(store_target, read_only=True) as again:
        assert again.events() == [ev, bare]


def test_documents_and_counts(store):
    store.add_document(doc_a(), SENTS_A, [make_event(), make_event("e2", disputed=True)])
    store.add_document(Document("doc-b", TEXT_B, "en"), [(0, 0, len(TEXT_B), TEXT_B, [])], [])
    assert store.counts() == {
        "documents": 2, "sentences": 3, "events": 2, "claims": 4, "evidence": 2, "disputed": 1,
        "reviews": 0,
    }
    docs = {d["id"]: d for d in store.documents()}
    assert docs["doc-a"]["content_hash"] == doc_a().content_hash
    assert docs["doc-a"]["date"] == "2024-03-04"
    assert (docs["doc-a"]["n_sentences"], docs["doc-a"]["n_events"]) == (2, 2)
    assert docs["doc-b"]["date"] is None and docs["doc-b"]["n_events"] == 0
    assert "text" not in docs["doc-a"]


def test_reingest_same_content_is_a_no_op(store):
    assert store.add_document(doc_a(), SENTS_A, [make_event()]) is True
    before = store.counts()
    assert store.has_document(doc_a().content_hash)
    # same text under another id, with other events: still the same content -> nothing
    other = Document("doc-a-copy", TEXT_A)
    assert store.add_document(other, [], [make_event("e9", document="doc-a-copy")]) is False
    assert store.add_document(doc_a(), SENTS_A, [make_event()]) is False
    assert store.counts() == before
    assert store.event("e9") is None


def test_reingest_same_id_new_content_replaces_old_rows(store):
    store.add_document(doc_a(), SENTS_A, [make_event("old1"), make_event("old2")])
    store.add_document(Document("doc-b", TEXT_B, "en"), [(0, 0, 5, "Prote", [])],
                       [make_event("b1", document="doc-b")])
    new_text = TEXT_A + " Más tarde hubo otro ataque."
    assert store.add_document(doc_a(new_text), [(0, 0, 10, new_text[:10], [])],
                              [make_event("new1")]) is True
    assert store.event("old1") is None and store.event("old2") is None
    assert store.event("new1") is not None and store.event("b1") is not None
    assert store.counts()["documents"] == 2
    assert store.counts()["events"] == 2
    assert store.counts()["claims"] == 4
    assert store.sentences("doc-a") == [(0, 0, 10, new_text[:10], [])]
    assert not store.has_document(doc_a().content_hash)


def test_event_of_another_document_is_refused(store):
    with pytest.raises(InputError, match="doc-a"):
        store.add_document(doc_a(), SENTS_A, [make_event(document="doc-z")])
    assert store.counts()["documents"] == 0


@pytest.fixture
def filled(store):
    events = [
        make_event("e1", date_="2024-03-03"),
        make_event("e2", sentence_index=1, event_type="Battles", sub_event_type="Armed clash",
                   action="clash", date_="2024-04-20",
                   actor2=Actor("rebeldes", "Hayat Tahrir al-Sham", "Rebel group"),
                   disputed=True),
        make_event("e3", sentence_index=2, event_type="Strategic developments",
                   sub_event_type="Non-violent transfer of territory", action="capture",
                   date_="2024-05", actor1=Actor("100%_group", None, "Rebel group"),
                   location=Location("Saraqib", admin1="Idlib", country="Syria")),
        make_event("e4", sentence_index=3, date_=None,
                   location=Location("Aleppo", "Aleppo", "Aleppo", country="Syria")),
    ]
    store.add_document(doc_a(), SENTS_A, events)
    return store


def ids(events: list[Event]) -> list[str]:
    return [e.event_id for e in events]


def test_filter_by_type_matches_type_subtype_or_action(filled):
    assert ids(filled.events(type="battles")) == ["e2"]
    assert ids(filled.events(type="AIR/DRONE STRIKE")) == ["e1", "e4"]
    assert ids(filled.events(type="capture")) == ["e3"]
    assert filled.events(type="Armed") == []  # equality, not substring


def test_filter_by_dates(filled):
    assert ids(filled.events(since="2024-04-01")) == ["e2", "e3"]
    assert ids(filled.events(until="2024-03-31")) == ["e1"]
    assert ids(filled.events(since="2024-04", until="2024-04")) == ["e2"]
    assert ids(filled.events(since="2024-05-01", until="2024")) == ["e3"]
    with pytest.raises(ValueError, match="ayer"):
        filled.events(since="ayer")


def test_filter_by_actor_place_disputed_limit(filled):
    assert ids(filled.events(actor="tahrir")) == ["e2"]  # canonical, case-insensitive
    assert ids(filled.events(actor="REBELDES")) == ["e2"]  # text
    assert ids(filled.events(actor="military forces")) == ["e1", "e2", "e4"]
    assert ids(filled.events(actor="100%")) == ["e3"]  # % is literal, not a wildcard
    assert filled.events(actor="1_0") == []  # _ too
    assert ids(filled.events(place="idlib")) == ["e1", "e2", "e3"]  # admin1
    assert ids(filled.events(place="sarAQ")) == ["e3"]
    assert ids(filled.events(disputed=True)) == ["e2"]
    assert ids(filled.events(disputed=False, limit=2)) == ["e1", "e3"]
    assert ids(filled.events(type="airstrike", place="aleppo")) == ["e4"]
    assert filled.events(actor="x' OR '1'='1") == []
    assert filled.events(limit=0) == []


def test_failure_mid_ingest_rolls_back(store_target, monkeypatch):
    path = store_target
    with Store(path) as s:
        s.add_document(Document("doc-b", TEXT_B, "en"), [(0, 0, 5, "Prote", [])],
                       [make_event("b1", document="doc-b")])
    before_b = None

    def boom(self, *args):
        raise RuntimeError("disk on fire")

    with Store(path) as s:
        before_b = s.event("b1")
        monkeypatch.setattr(Store, "_insert_events", boom)
        with pytest.raises(RuntimeError, match="disk on fire"):
            s.add_document(doc_a(), SENTS_A, [make_event()])
        # same connection: nothing of doc-a is visible
        assert not s.has_document(doc_a().content_hash)
        assert s.counts()["documents"] == 1 and s.counts()["sentences"] == 1
        monkeypatch.undo()
        # and the store still works afterwards
        assert s.add_document(doc_a(), SENTS_A, [make_event()]) is True
    with Store(path) as s:
        assert s.event("b1") == before_b
        assert s.counts()["documents"] == 2


def test_failed_replacement_keeps_the_old_document(store, monkeypatch):
    store.add_document(doc_a(), SENTS_A, [make_event("old1")])
    monkeypatch.setattr(Store, "_insert_sentences", lambda self, rows: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        store.add_document(doc_a(TEXT_A + " Otro."), [], [make_event("new1")])
    assert store.event("old1") is not None and store.event("new1") is None
    assert store.sentences("doc-a") == SENTS_A


def test_process_crash_mid_ingest_leaves_no_partial_document(store_target):
    path = store_target
    with Store(path) as s:
        s.add_document(Document("doc-b", TEXT_B, "en"), [], [make_event("b1", document="doc-b")])
    script = textwrap.dedent(
        f"""
        import os
        from cronica.record import Document
        from cronica.store import Store

        class Crashing(Store):
            def _insert_events(self, *args):
                os._exit(3)  # dies after the document and sentence inserts, before COMMIT

        s = Crashing({path!r})
        s.add_document(Document("doc-c", "texto que nunca llega", "es"),
                       [(0, 0, 5, "texto", [])], [])
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == 3, proc.stderr
    with Store(path) as s:
        assert [d["id"] for d in s.documents()] == ["doc-b"]
        assert s.sentences("doc-c") == []
        assert s.event("b1") is not None


def test_bad_sentence_tuple_names_document(store):
    with pytest.raises(InputError, match="doc-a.*sentence 0"):
        store.add_document(doc_a(), [(0, 1, "x")], [])  # type: ignore[list-item]


def test_parse_iso_date():
    assert parse_iso_date("2024-02") == date(2024, 2, 1)
    assert parse_iso_date("2024-02", end=True) == date(2024, 2, 29)
    assert parse_iso_date("2023", end=True) == date(2023, 12, 31)
    with pytest.raises(ValueError):
        parse_iso_date("2024-13-01")


def test_minimal_event_with_all_optional_fields_empty(store):
    ev = Event("x", "d", 0, Evidence("s", 0, 1), "Battles", "Armed clash", "FIGHT", "clash",
               claims=[Claim("a", "media", "reports")])
    assert store.add_document(Document("d", "t"), [(0, 0, 1, "t", [])], [ev])
    assert store.event("x") == ev
    assert store.sentences("d") == [(0, 0, 1, "t", [])]
    assert store.events(actor="a", place="b") == []


def test_mentions_round_trip_as_evidence_rows(store):
    ev = make_event()
    ev.mentions = [
        Evidence("primera frase", 0, 13, [], "bombardearon", 3, 15, "doc-a", 0),
        Evidence("segunda frase [5]", 0, 17, ["[5]"], "ataque", 4, 10, "doc-z", 2),
    ]
    store.add_document(doc_a(), SENTS_A, [ev])
    assert store.event("e1") == ev
    rows = store._con.execute(
        "SELECT document, sentence_index FROM evidence ORDER BY document"
    ).fetchall()
    assert rows == [("doc-a", 0), ("doc-z", 2)]


def test_link_rewrites_a_stored_event_of_another_document_in_the_same_transaction(store):
    store.add_document(doc_a(), SENTS_A, [make_event()])
    seen: list[list[str]] = []

    def link(new: list[Event], candidates: list[Event]) -> tuple[list[Event], list[Event]]:
        seen.append([c.event_id for c in candidates])
        target = candidates[0]
        target.claims.append(Claim("Otra agencia", "media", "reports", "doc-b", 0))
        return [], [target]

    doc_b = Document("doc-b", TEXT_B, "en", date(2024, 3, 4))
    assert store.add_document(doc_b, [], [make_event("b1", "doc-b")], link=link) is True
    assert seen == [["e1"]]
    assert store.event("b1") is None
    assert store.event("e1").claims[-1].source == "Otra agencia"
    assert store.counts()["claims"] == len(store.event("e1").claims)


def test_record_json_is_to_dict():
    from cronica.store.rows import event_json

    ev = make_event()
    ev.mentions = [Evidence("primera frase", 0, 13, [], "bombardearon", 3, 15, "doc-a", 0)]
    assert json.loads(event_json(ev)) == json.loads(json.dumps(ev.to_dict()))


def _retold_documents() -> list[tuple[Document, list, list[Event]]]:
    """Twelve documents of two events each; most retell an event of an earlier document."""
    places = [Location("Saraqib", "Saraqib", "Idlib", country="Syria", geo_precision=1,
                       gazetteer_id=f"g{i}") for i in range(3)]  # fmt: skip
    items = []
    for d in range(12):
        doc_id = f"doc-{d:02d}"
        events = [
            make_event(f"{doc_id}-{i}", doc_id, i, date_=f"2024-03-0{1 + (d + i) % 3}",
                       location=places[(d * i) % 3], disputed=False)
            for i in range(2)
        ]  # fmt: skip
        for ev in events:
            ev.claims = [Claim(f"agencia {d}", "media", "reports", doc_id, ev.sentence_index)]
        items.append((Document(doc_id, f"texto {d}", "es"), [], events))
    return items


def test_storing_a_batch_links_as_storing_one_by_one(store_target, tmp_path):
    from cronica.link.across import link_across

    one_by_one = str(tmp_path / "one.duckdb")
    with Store(one_by_one) as s:
        for doc, sents, evs in _retold_documents():
            s.add_document(doc, sents, evs, link=link_across)
        expected = [e.to_dict() for e in s.events()]
    with Store(store_target) as s:
        assert s.add_documents(_retold_documents()[:5], link=link_across) == 5
        assert s.add_documents(_retold_documents(), link=link_across) == 7  # 5 stored already
        got = [e.to_dict() for e in s.events()]
    assert got == expected
    assert len(expected) < 24  # linking merged retold events


def test_concurrent_postgres_writers_link_to_each_other(postgres_url):
    import threading
    import time

    from cronica.link.across import link_across

    def slow_link(new, candidates):  # holds the first transaction open a while
        time.sleep(1.5)
        return link_across(new, candidates)

    def writer(doc_id: str, link) -> None:
        with Store(postgres_url) as s:
            s.add_documents([(Document(doc_id, f"texto {doc_id}", "es"), [],
                              [make_event(f"{doc_id}-0", doc_id)])], link=link)  # fmt: skip

    first = threading.Thread(target=writer, args=("doc-1", slow_link))
    first.start()
    time.sleep(0.5)  # the first writer is inside its transaction
    writer("doc-2", link_across)
    first.join()
    with Store(postgres_url, read_only=True) as s:
        stored = s.events()
    assert [e.event_id for e in stored] == ["doc-1-0"]  # the second linked to the first
    assert {c.document for c in stored[0].claims} == {"doc-1", "doc-2"}


# -- issue 8: metadata, places, codes, reviews, upgrade --------------------------------------


def test_same_text_with_a_corrected_date_replaces_the_document(store):
    assert store.add_document(doc_a(), SENTS_A, [make_event()]) is True
    store.add_review("e1", "analyst", "accepted", "seen")
    corrected = doc_a()
    corrected.date = date(2024, 3, 5)
    assert store.changed_metadata(corrected) == ["date"]
    assert store.changed_metadata(Document("doc-a-copy", TEXT_A)) == []  # gives no metadata
    moved = make_event(date_="2024-03-04")
    assert store.add_document(corrected, SENTS_A, [moved]) is True
    assert store.counts()["documents"] == 1
    assert store.document("doc-a").date == date(2024, 3, 5)
    assert store.event_codes() == {"e1": "SYR1"}  # the code is kept too
    # the machine's record is replaced; a reviewed event reads as its review (issue 9)
    row = store._sql("SELECT record FROM events WHERE event_id = ?", ["e1"]).fetchone()
    assert event_from_dict(record_of(row[0])).date == "2024-03-04"
    assert [(r["verdict"], r["note"]) for r in store.reviews("e1")] == [("accept", "seen")]
    assert store.add_document(corrected, SENTS_A, [moved]) is False


def test_place_matches_every_name_given_at_ingest(store):
    from cronica.text import name_key

    names = {"e1": [name_key(n) for n in ("Kafr Nabl", "Kafranbel", "كفرنبل")]}
    store.add_document(doc_a(), SENTS_A, [make_event()],
                       place_keys=lambda ev: names[ev.event_id])
    for query in ("Kafranbel", "KAFR NABL", "كفرنبل", "Kafr"):
        assert [e.event_id for e in store.events(place=query)] == ["e1"], query
    assert store.events(place="Nabl Kafr") == []


def test_event_codes_are_given_once_per_country_in_date_order(store):
    late, early = make_event("late", date_="2024-03-09"), make_event("early", date_="2024-03-01")
    abroad = make_event("abroad", location=Location("Mosul", country="Iraq"))
    store.add_document(doc_a(), SENTS_A, [late, early, abroad])
    assert store.event_codes() == {"early": "SYR1", "late": "SYR2", "abroad": "IRQ1"}
    store.add_document(Document("doc-b", TEXT_B, "en"), [(0, 0, 5, "Prote", [])],
                       [make_event("b1", document="doc-b", date_="2020-01-01")],
                       codes={})
    assert store.event_codes()["b1"] == "SYR3"  # earlier date, but numbered after: stable
    assert store.event_codes(["early"]) == {"early": "SYR1"}
    assert store.event_ids_like("syr2") == ["late"] and store.event_ids_like("ear") == ["early"]


def test_a_version_2_store_is_upgraded_when_opened(tmp_path):
    from cronica.store.schema import SCHEMA_VERSION

    path = str(tmp_path / "old.duckdb")
    with Store(path) as s:
        s.add_document(doc_a(), SENTS_A, [make_event()])
        con = s._con
        con.execute("DROP TABLE event_codes")
        for index in ("events_link_place", "events_link_gazetteer", "events_document"):
            con.execute(f"DROP INDEX {index}")  # DuckDB alters no indexed table
        con.execute("ALTER TABLE events DROP COLUMN place_keys")
        con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with Store(path, read_only=True, migrate=False) as s:
        assert s.schema_version() == 2
    with Store(path, read_only=True) as s:  # upgrades first
        assert s.schema_version() == SCHEMA_VERSION == 3
        assert s.event_codes() == {"e1": "SYR1"}
        assert [e.event_id for e in s.events(place="kafr nabl")] == ["e1"]
        assert s.event("e1") == make_event()
