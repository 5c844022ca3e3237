"""The store's blocking keys for cross-document linking never drop a pair that `same_event`
accepts, and the store's indexed candidate query returns exactly the blocked events."""

from __future__ import annotations

import itertools
from datetime import date

from cronica.link.compare import same_event
from cronica.record import Actor, Document, Event, Evidence, Location
from cronica.store import Store
from cronica.store.keys import day_range, link_keys, place_key

PLACES = [
    Location("Aleppo", "Aleppo", country="Syria", geo_precision=2, gazetteer_id="g1"),
    Location("Hanano", "Hanano, Aleppo", country="Syria", geo_precision=1),
    Location("Alepo", "Aleppo", country="Syria", geo_precision=2, gazetteer_id="g1"),
    Location("Idlib", "Idlib", country="Syria", geo_precision=2, gazetteer_id="g2"),
    Location("la ciudad", "Ciudad X", geo_precision=2, gazetteer_id="g2"),
    None,
]
DATES = [("2016-12-16", "day"), ("2016-12", "month"), ("2016", "year"), ("2016-11-30", "day"),
         ("2017-01", "month"), (None, "unknown"), ("2016-12-16", "unknown")]  # fmt: skip
TYPES = [("Battles", "Armed clash"), ("Battles", "Government regains territory"),
         ("Explosions/Remote violence", "Air/drone strike")]  # fmt: skip


def event(i: int, doc: str, kind, when, place) -> Event:
    return Event(
        f"{doc}-{i}", doc, 0, Evidence("s", 0, 1), kind[0], kind[1], "FIGHT", "clash",
        date=when[0], date_precision=when[1], location=place, actor1=Actor("army", "Army"),
    )


def blocked(a: Event, b: Event) -> bool:
    sa, ea, ka, ga = link_keys(a)
    sb, eb, kb, gb = link_keys(b)
    if None in (sa, ea, sb, eb) or a.event_type != b.event_type:
        return False
    return sa <= eb and sb <= ea and ((ka is not None and ka == kb) or
                                      (ga is not None and ga == gb))  # fmt: skip


def test_every_pair_same_event_accepts_shares_a_block():
    events = [event(i, "d", *combo)
              for i, combo in enumerate(itertools.product(TYPES, DATES, PLACES))]  # fmt: skip
    accepted = 0
    for a, b in itertools.product(events, repeat=2):
        if same_event(a, b, same_document=False):
            accepted += 1
            assert blocked(a, b), (a.event_id, b.event_id)
    assert accepted > 20  # the grid holds many linkable pairs


def test_keys():
    assert day_range("2016-02", "month") == (date(2016, 2, 1), date(2016, 2, 29))
    assert day_range("2016-02-03", "week") == (date(2016, 2, 3), date(2016, 2, 3))
    assert day_range("2016-02-03", "unknown") is None and day_range(None, "day") is None
    assert place_key(Location("Hanano", "Hanano, Aleppo")) == "aleppo"
    assert place_key(Location("Alepo")) == "alepo" and place_key(None) is None


def test_store_candidates_are_the_blocked_events(tmp_path):
    stored = [
        event(0, "old", TYPES[0], ("2016", "year"), PLACES[0]),  # a year: 200 days away
        event(1, "old", TYPES[0], ("2016-07-01", "day"), PLACES[1]),  # inside Aleppo
        event(2, "old", TYPES[0], ("2016-07-01", "day"), PLACES[3]),  # another place
        event(3, "old", TYPES[2], ("2016-07-01", "day"), PLACES[0]),  # another type
        event(4, "old", TYPES[0], ("2015-07-01", "day"), PLACES[0]),  # another year
        event(5, "old", TYPES[0], ("2016-07", "month"), PLACES[2]),  # same gazetteer id
    ]
    new = [event(0, "new", TYPES[1], ("2016-07-01", "day"), PLACES[0])]
    with Store(str(tmp_path / "c.duckdb")) as store:
        store.add_document(Document("old", "texto viejo"), [], stored)
        found = store._link_candidates("new", new)
    assert sorted(e.event_id for e in found) == ["old-0", "old-1", "old-5"]


def test_version_1_store_gets_its_link_columns_on_open(tmp_path):
    path = str(tmp_path / "c.duckdb")
    old = event(0, "old", TYPES[0], ("2016-07-01", "day"), PLACES[0])
    with Store(path) as store:
        store.add_document(Document("old", "texto viejo"), [], [old])
        store._con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        for index in ("events_link_place", "events_link_gazetteer", "events_document"):
            store._con.execute(f"DROP INDEX {index}")  # a version-1 store had none
        for column in ("date_start", "date_end", "place_key", "gazetteer_id"):
            store._con.execute(f"ALTER TABLE events DROP COLUMN {column}")
    new = [event(0, "new", TYPES[0], ("2016-07-01", "day"), PLACES[0])]
    with Store(path) as store:
        assert [e.event_id for e in store._link_candidates("new", new)] == ["old-0"]
        assert store._con.execute("SELECT value FROM meta").fetchone() == ("3",)  # current
