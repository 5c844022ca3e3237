"""Linking: mentions of one event merge (within and across documents), others stay apart,
and sources that disagree make an event disputed with fatalities low / best / high."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cronica.cli import app
from cronica.link.compare import IMPLIED_ACTOR, place_relation, same_event, same_time
from cronica.link.merge import ANAPHOR_RULE, merge_document
from cronica.link.phase import phase_of
from cronica.link.sources import settle
from cronica.record import Actor, Claim, Event, Evidence, Location, Quantity
from cronica.store import Store

runner = CliRunner()
ALEPPO = Location("Alepo", "Aleppo", lat=36.2, lon=37.15, geo_precision=1, gazetteer_id="c1")
HANANO = Location("Hanano", "Hanano, Aleppo", lat=36.22, lon=37.18, geo_precision=1,
                  gazetteer_id="n1")  # fmt: skip
SYRIA = Location("Siria", "Syria", country="Syria", lat=35.0, lon=38.0, geo_precision=3)
IDLIB = Location("Idlib", "Idlib", country="Syria", lat=35.93, lon=36.63, geo_precision=1,
                 gazetteer_id="c2")  # fmt: skip
BUSTAN = Location("Bustan al-Qasr", "Bustan al-Qasr, Aleppo", lat=36.19, lon=37.14,
                  geo_precision=1, gazetteer_id="n2")  # fmt: skip


def mention(
    sentence: str,
    index: int,
    *,
    trigger: str,
    location: Location | None = ALEPPO,
    date: str | None = "2024-03-05",
    claims: list[Claim] | None = None,
    quantities: list[Quantity] | None = None,
    action: str = "airstrike",
    sub: str = "Air/drone strike",
    actor: str | None = None,
    document: str = "d1",
) -> Event:
    at = sentence.index(trigger)
    return Event(
        event_id=f"{document}-{index}-{trigger}",
        document=document,
        sentence_index=index,
        evidence=Evidence(sentence, 0, len(sentence), [], trigger, at, at + len(trigger)),
        event_type="Other" if sub == "Other" else "Explosions/Remote violence",
        sub_event_type=sub,
        plover="",
        action=action,
        date=date,
        date_precision="day" if date else "unknown",
        actor1=Actor(actor, actor) if actor else None,
        location=location,
        claims=claims or [],
        quantities=quantities or [],
        lang="es",
    )


def test_place_relation():
    assert place_relation(HANANO, ALEPPO) == "a-in-b"
    assert place_relation(ALEPPO, HANANO) == "b-in-a"
    assert place_relation(HANANO, BUSTAN) is None
    assert place_relation(None, ALEPPO) == "unknown"


def test_dates_overlap_within_their_precision():
    day = mention("Bombardearon Alepo.", 0, trigger="Bombardearon")
    month = mention("Bombardearon Alepo.", 1, trigger="Bombardearon", date="2024-03")
    month.date_precision = "month"
    other = mention("Bombardearon Alepo.", 2, trigger="Bombardearon", date="2024-03-06")
    assert same_time(day, month) is True
    assert same_time(day, other) is False


def test_phase_words_tell_an_event_from_its_suspension():
    going = mention("La evacuación de Alepo siguió.", 0, trigger="evacuación", sub="Other")
    halted = mention("La evacuación se suspendió.", 1, trigger="evacuación", sub="Other")
    done = mention("The evacuation of all civilians was completed.", 2, trigger="evacuation",
                   sub="Other")  # fmt: skip
    done.lang = "en"
    assert phase_of(going) is None
    assert phase_of(halted) == "halt"
    assert phase_of(done) == "complete"
    events = merge_document([going, halted])
    assert len(events) == 2


def test_same_day_different_districts_stay_apart():
    a = mention("Aviones bombardearon Hanano.", 0, trigger="bombardearon", location=HANANO)
    b = mention("Aviones bombardearon Bustan.", 3, trigger="bombardearon", location=BUSTAN)
    assert len(merge_document([a, b])) == 2


def test_a_neighbourhood_mention_merges_into_its_city_and_keeps_every_claim():
    ngo = Claim("Observatorio", "NGO", "reports", "d1", 0, (0, 11))
    gov = Claim("Ministerio", "government", "claims", "d1", 4, (0, 10))
    a = mention("Observatorio: aviones bombardearon Alepo y mataron a 12.", 0,
                trigger="bombardearon", claims=[ngo],
                quantities=[Quantity("killed", 12, text="12")])  # fmt: skip
    b = mention("Ministerio: los aviones bombardearon Hanano y mataron a 4.", 4,
                trigger="bombardearon", location=HANANO, claims=[gov],
                quantities=[Quantity("killed", 4, text="4")])  # fmt: skip
    (merged,) = merge_document([a, b])
    assert merged.location == HANANO  # the more specific place
    assert {c.source for c in merged.claims} == {"Observatorio", "Ministerio"}
    assert {m.sentence_index for m in merged.mentions} == {0, 4}
    assert merged.fatalities is not None
    assert (merged.fatalities.low, merged.fatalities.best, merged.fatalities.high) == (4, 12, 12)
    assert merged.disputed
    assert merged.disputed_reason == "killed: 4 (Ministerio) vs 12 (Observatorio)"


def test_the_mention_inside_the_other_place_stays_the_record():
    lead = mention("Bombardeos sobre Alepo dejan 12 muertos.", 0, trigger="Bombardeos")
    lead.zone = "title"
    body = mention("Rockets hit Hanano on Tuesday.", 2, trigger="Rockets", location=HANANO)
    (merged,) = merge_document([lead, body])
    assert merged.evidence.sentence == body.evidence.sentence  # the body tells where
    assert {m.sentence_index for m in merged.mentions} == {0, 2}


@pytest.mark.parametrize("order", ["country first", "town first"])
def test_a_report_naming_the_country_then_the_town_is_one_event(order):
    title = mention("Ataque aéreo en Siria.", 0, trigger="Ataque", location=SYRIA)
    title.zone = "title"
    body = mention("Aviones bombardearon Idlib el martes.", 3, trigger="bombardearon",
                   location=IDLIB)  # fmt: skip
    body.zone = "body"
    (merged,) = merge_document([title, body] if order == "country first" else [body, title])
    assert merged.location == IDLIB


def test_a_country_and_a_town_stay_apart_across_briefs_and_documents():
    one = mention("Ataque aéreo en Siria.", 0, trigger="Ataque", location=SYRIA)
    two = mention("Aviones bombardearon Idlib.", 3, trigger="bombardearon", location=IDLIB)
    one.zone = two.zone = "brief"  # two stories of a list of news briefs
    assert len(merge_document([one, two])) == 2
    assert not same_event(replace(one, zone="body"), replace(two, document="d2", zone="body"),
                          same_document=False)


def test_a_body_mention_outranks_a_headline():
    title = mention("Aviones bombardean Alepo.", 0, trigger="bombardean", actor="Russia")
    title.zone = "title"
    body = mention("Aviones bombardearon Alepo el martes.", 1, trigger="bombardearon")
    body.zone = "body"
    (merged,) = merge_document([title, body])
    assert merged.evidence.sentence == body.evidence.sentence
    assert merged.actor1 is not None and merged.actor1.canonical == "Russia"


def test_an_implied_default_actor_does_not_keep_two_mentions_apart():
    named = mention("Syrian jets bombed Aleppo.", 0, trigger="bombed", actor="Syria")
    implied = mention("Barrels fell on Hanano.", 1, trigger="Barrels", location=HANANO,
                      actor="Unidentified Military Forces")  # fmt: skip
    implied.rules.append(IMPLIED_ACTOR)
    (merged,) = merge_document([named, implied])
    assert merged.actor1 is not None and merged.actor1.canonical == "Syria"
    assert merged.location == HANANO
    assert IMPLIED_ACTOR not in merged.rules


def test_a_definite_general_mention_names_the_event_just_reported():
    strike = mention("Aviones bombardearon Alepo.", 0, trigger="bombardearon", actor="Russia")
    later = mention("El ataque dejó 12 muertos.", 2, trigger="ataque", action="attack",
                    sub="Armed clash", quantities=[Quantity("killed", 12, text="12")])  # fmt: skip
    later.rules.append(ANAPHOR_RULE + "airstrike,shelling")
    (merged,) = merge_document([strike, later])
    assert merged.sub_event_type == "Air/drone strike"
    assert merged.fatalities is not None and merged.fatalities.best == 12


def test_a_definite_mention_far_away_or_of_another_actor_stays_apart():
    strike = mention("Aviones bombardearon Alepo.", 0, trigger="bombardearon", actor="Russia")
    far = mention("The attack went on.", 9, trigger="attack", action="attack", sub="Armed clash")
    other = mention("The rebels repelled the attack.", 1, trigger="attack", action="attack",
                    sub="Armed clash", actor="Rebels")  # fmt: skip
    for ev in (far, other):
        ev.rules.append(ANAPHOR_RULE + "airstrike")
    assert len(merge_document([strike, far])) == 2
    assert len(merge_document([strike, other])) == 2


def test_best_figure_follows_source_independence_then_the_lowest():
    ev = mention("x", 0, trigger="x")
    ev.claims = [
        Claim("Agencia", "media", "reports"),
        Claim("Activistas", "unnamed", "reports"),
        Claim("Otra agencia", "media", "reports"),
    ]
    ev.quantities = [
        Quantity("killed", 30, source="Activistas"),
        Quantity("killed", 14, source="Agencia"),
        Quantity("killed", 11, source="Otra agencia"),
    ]
    settle(ev)
    assert ev.fatalities is not None
    assert (ev.fatalities.low, ev.fatalities.best, ev.fatalities.high) == (11, 11, 30)


def test_one_source_figures_are_not_a_dispute():
    ev = mention("x", 0, trigger="x")
    ev.claims = [Claim("ONU", "international organisation", "reports")]
    ev.quantities = [Quantity("evacuated", 8500, source="ONU"),
                     Quantity("evacuated", 3000, source="ONU")]  # fmt: skip
    settle(ev)
    assert not ev.disputed


# -- the real CLI: two documents, one event ----------------------------------------------------

REPORT_ES = {
    "id": "norte-1",
    "lang": "es",
    "date": "2024-03-06",
    "source": "Diario del Norte",
    "text": "Según el Observatorio Sirio, aviones rusos bombardearon Alepo el 5 de marzo de "
    "2024 y mataron a 12 civiles. El mismo día, la artillería del Ejército bombardeó el barrio "
    "de Bustan al-Qasr.",
}
REPORT_EN = {
    "id": "levant-7",
    "lang": "en",
    "date": "2024-03-06",
    "source": "Levant Wire",
    "text": "Russian warplanes bombed Aleppo on 5 March 2024, killing 30 civilians, local "
    "activists said. The Russian Defence Ministry denied the attack.",
}
DISTRICTS_ES = {
    "id": "sur-2",
    "lang": "es",
    "date": "2024-03-06",
    "source": "Diario del Sur",
    "text": "El 5 de marzo de 2024, la artillería del Ejército bombardeó el barrio de Hanano.",
}


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def ingest(db: Path, tmp: Path, *reports: dict) -> None:
    for report in reports:
        path = tmp / f"{report['id']}.jsonl"
        path.write_text(json.dumps(report, ensure_ascii=False) + "\n", encoding="utf-8")
        result = invoke("ingest", path, "--db", db, "--input-format", "jsonl")
        assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def linked_db(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("link")
    db = tmp / "linked.duckdb"
    ingest(db, tmp, REPORT_ES, REPORT_EN, DISTRICTS_ES)
    return db


def stored(db: Path, *args: str) -> list[dict]:
    result = invoke("events", "--db", db, "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_two_reports_of_one_event_merge_across_documents(linked_db):
    strikes = [ev for ev in stored(linked_db) if ev["sub_event_type"] == "Air/drone strike"]
    assert len(strikes) == 1
    strike = strikes[0]
    assert {m["document"] for m in strike["mentions"]} == {"norte-1", "levant-7"}
    sources = {(c["source"], c["stance"]) for c in strike["claims"]}
    assert {("Syrian Observatory for Human Rights", "reports"), ("local activists", "reports"),
            ("Russian Ministry of Defence", "denies"), ("Levant Wire", "reports"),
            ("Diario del Norte", "reports")} <= sources  # fmt: skip
    assert strike["fatalities"] == {"low": 12, "best": 12, "high": 30}
    with Store(str(linked_db), read_only=True) as store:
        assert store.counts()["evidence"] >= store.counts()["events"] + 2


def test_shelling_of_two_districts_on_one_day_stays_apart(linked_db):
    shelling = [ev for ev in stored(linked_db) if ev["action"] == "shelling"]
    places = sorted(ev["location"]["text"] for ev in shelling)
    assert len(shelling) == 2, places


def test_disputed_count_and_listing(linked_db):
    disputed = stored(linked_db, "--disputed")
    assert len(disputed) == 1
    reason = disputed[0]["disputed_reason"]
    assert "killed: 12 (Syrian Observatory for Human Rights) vs 30 (local activists)" in reason
    assert "denied by Russian Ministry of Defence" in reason
    with Store(str(linked_db), read_only=True) as store:
        assert store.counts()["disputed"] == 1


def test_show_prints_every_claim_and_sentence(linked_db):
    (event,) = stored(linked_db, "--disputed")
    result = invoke("show", event["event_id"], "--db", linked_db)
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    for words in (
        "Syrian Observatory for Human Rights",
        "local activists",
        "Russian Ministry of Defence",
        "denies",
        "DISPUTED",
        "low 12 / best 12 / high 30",
        "norte-1#0",
        "levant-7#1",
    ):
        assert words in text, words  # fmt: skip


def test_show_unknown_event(linked_db):
    result = invoke("show", "nope", "--db", linked_db)
    assert result.exit_code == 2


def test_reingest_changes_nothing(linked_db, tmp_path):
    before = stored(linked_db)
    ingest(linked_db, tmp_path, REPORT_EN)
    assert stored(linked_db) == before
