"""merge_document's indexes (link.merge.Kept) change its cost, not its result: on random
mentions it merges exactly as the plain algorithm did (each mention compared with every
kept event), and a long document's mentions are compared with a few kept events each."""

from __future__ import annotations

import copy
from collections.abc import Sequence

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cronica.link import merge
from cronica.link.carried import carry_agents
from cronica.link.compare import IMPLIED_ACTOR, same_event
from cronica.link.sources import settle, source_quantities
from cronica.record import Actor, Claim, DetachedClaim, Event, Evidence, Location, Quantity

PLACES = [
    None,
    Location("Alepo", "Aleppo", lat=36.2, lon=37.15, geo_precision=1, gazetteer_id="c1"),
    Location("Hanano", "Hanano, Aleppo", lat=36.22, lon=37.18, geo_precision=1, gazetteer_id="n1"),
    Location("Homs", "Homs", lat=34.7, lon=36.7, geo_precision=1, gazetteer_id="c2"),
    Location("el barrio", "Aleppo", geo_precision=2),
]
DATES = [(None, "unknown"), ("2016-12-13", "day"), ("2016-12-14", "day"), ("2016-12", "month"),
         ("2016", "year"), ("2016-12-13", "week"), ("2015-01-02", "day")]  # fmt: skip
KINDS = [  # (event type, sub-event type, action)
    ("Explosions/Remote violence", "Air/drone strike", "airstrike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "shelling"),
    ("Battles", "Armed clash", "clash"),
    ("Other", "Other", "attack"),
]
ACTORS = [None, "Syrian Army", "Rebels"]
SOURCES = [("SOHR", "NGO"), ("Syrian Army", "government"), ("Reuters", "media")]


@st.composite
def mentions(draw: st.DrawFn) -> list[Event]:
    count = draw(st.integers(1, 40))
    events = []
    sentence = 0
    for n in range(count):
        sentence += draw(st.sampled_from([0, 0, 1, 1, 2, 5]))
        event_type, sub, action = draw(st.sampled_from(KINDS))
        day, precision = draw(st.sampled_from(DATES))
        actor = draw(st.sampled_from(ACTORS))
        text = f"Frase {sentence}: {action} número {n}."
        anaphor = f"{merge.ANAPHOR_RULE}airstrike,shelling"
        rules = draw(st.lists(st.sampled_from([IMPLIED_ACTOR, anaphor, "x"]), max_size=2))
        claims = [
            Claim(source, kind, draw(st.sampled_from(["reports", "denies", "claims"])), "d",
                  sentence)  # fmt: skip
            for source, kind in draw(st.lists(st.sampled_from(SOURCES), max_size=2))
        ]
        figures = [
            Quantity("killed", value, text=str(value))
            for value in draw(st.lists(st.integers(1, 30), max_size=2))
        ]
        events.append(Event(
            event_id=f"e{n}", document="d", sentence_index=sentence,
            evidence=Evidence(text, 10 * sentence, 10 * sentence + len(text), [], action,
                              10 * sentence + 11, 10 * sentence + 11 + len(action)),
            event_type=event_type, sub_event_type=sub, plover="", action=action,
            date=day, date_precision=precision, actor1=Actor(actor, actor) if actor else None,
            location=draw(st.sampled_from(PLACES)), claims=claims, quantities=figures,
            rules=list(dict.fromkeys(rules)), lang="es",
            zone=draw(st.sampled_from(["body", "title"])),
        ))  # fmt: skip
    return events


def plain_merge(events: list[Event], detached: Sequence[DetachedClaim] = ()) -> list[Event]:
    """merge_document as it was before its indexes: every kept event is compared."""
    kept: list[Event] = []
    for ev in sorted(events, key=lambda e: e.sentence_index):
        source_quantities(ev)
        ev.mentions = merge.mentions_of(ev)
        twin = next((k for k in kept if same_event(k, ev, same_document=True)), None)
        rule = "link:same-document"
        if twin is None and merge._denied_anaphor(ev):
            at = merge._anaphor_target(ev, kept)
            twin, rule = (None if at is None else kept[at]), "link:denial-of-previous"
        if twin is None:
            twin, rule = merge._named_earlier(ev, reversed(kept)), "link:names-previous"
            if twin is not None:
                merge.absorb(twin, ev, rule)
                continue
        if twin is None:
            kept.append(ev)
            continue
        if merge.prefer(twin, ev):
            kept[kept.index(twin)] = ev
            merge.absorb(ev, twin, rule)
        else:
            merge.absorb(twin, ev, rule)
    merge.attach_detached(kept, detached)
    carry_agents(kept)
    for ev in kept:
        settle(ev)
    return kept


@settings(max_examples=200, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip
@given(mentions(), st.lists(st.tuples(st.sampled_from(SOURCES), st.integers(0, 60)), max_size=3))
def test_indexed_merge_equals_the_plain_one(events: list[Event], detached: list) -> None:
    claims = [DetachedClaim(s, t, "denies", n) for (s, t), n in detached]
    expected = [ev.to_dict() for ev in plain_merge(copy.deepcopy(events), claims)]
    assert [ev.to_dict() for ev in merge.merge_document(events, claims)] == expected


def test_a_long_document_compares_each_mention_with_few_kept_events(monkeypatch) -> None:
    calls = 0

    def counted(*args, **kwargs) -> bool:
        nonlocal calls
        calls += 1
        return same_event(*args, **kwargs)

    monkeypatch.setattr(merge, "same_event", counted)
    events = []
    for n in range(6000):  # 200 places x 30 days, each told once, then each told again
        place = Location(f"Pueblo {n % 200}", f"Pueblo {n % 200}", gazetteer_id=str(n % 200))
        day = f"2016-{n // 200 % 12 + 1:02d}-{n // 200 % 28 + 1:02d}"
        text = f"Bombardeo en el pueblo {n % 200}."
        for copy_at in (n, n + 6000):
            events.append(Event(
                event_id=f"e{copy_at}", document="d", sentence_index=copy_at,
                evidence=Evidence(text, 0, len(text), [], "Bombardeo", 0, 9),
                event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                plover="", action="airstrike", date=day, date_precision="day",
                location=place, lang="es",
            ))  # fmt: skip
    kept = merge.merge_document(events)
    assert len(kept) == 6000 and all(len(ev.mentions) == 2 for ev in kept)
    assert calls < 10 * len(events)  # the plain algorithm: tens of millions
