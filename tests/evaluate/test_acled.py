from pathlib import Path

import pytest

from cronica.evaluate import acled
from cronica.record import Actor, Document, Event, Evidence, Fatalities, Location

FIXTURES = Path(__file__).parents[1] / "fixtures" / "eval" / "acled"
MODERN = FIXTURES / "tiny_modern.csv"


def make_event(sub, etype, a1=None, a2=None, coords=None, killed=None, confidence=0.5):
    return Event(
        event_id="x", document="d", sentence_index=0,
        evidence=Evidence(sentence="s", start=0, end=1), event_type=etype, sub_event_type=sub,
        plover="p", action="a",
        actor1=Actor("a1", actor_type=a1) if a1 else None,
        actor2=Actor("a2", actor_type=a2) if a2 else None,
        location=Location("l", lat=coords[0], lon=coords[1]) if coords else None,
        fatalities=Fatalities(killed, killed, killed) if killed is not None else None,
        confidence=confidence,
    )  # fmt: skip


def fake(doc: Document) -> list[Event]:
    text = doc.text
    assert "[size=" not in text
    if "clashed" in text:
        return [
            make_event("Armed clash", "Battles", "State forces", "Rebel group", (10.1, 20.0), 3)
        ]
    if "air strike" in text:
        return [
            make_event("Other", "Strategic developments", confidence=0.1),
            make_event("Shelling/artillery/missile attack", "Explosions/Remote violence",
                       "State forces", None, (12.0, 22.0), 4, confidence=0.9),
        ]  # fmt: skip
    if "gunmen" in text:
        return [make_event("Attack", "Violence against civilians", "Political militia",
                           "Civilians", (15.0, 23.0), 2)]  # fmt: skip
    return []


def test_hand_computed_scores():
    result = acled.run(MODERN, limit=None, predict=fake)
    assert result["status"] == "ok" and result["n"] == 4
    m = result["metrics"]
    assert m["sub_event_accuracy"] == 0.5
    # labels seen: Armed clash 1, Peaceful protest 0, Air/drone strike 0, Shelling 0, Attack 1
    assert m["sub_event_macro_f1"] == pytest.approx(0.4)
    assert m["event_type_accuracy"] == 0.75
    assert m["actor1_type_accuracy"] == 0.75
    assert m["actor2_type_accuracy"] == 0.75
    assert m["location_within_25km"] == 0.5
    assert m["location_coverage"] == 0.75
    # stated: 3 (written), 0 (no death told), 1 ("killed a farmer"); "coded as 10" is not stated
    assert m["n_fatalities_stated"] == 3
    assert m["fatalities_stated_accuracy"] == pytest.approx(2 / 3)
    assert m["fatalities_stated_nonzero_accuracy"] == 0.5
    assert m["no_event_rate"] == 0.25
    kinds = {e["kind"] for e in result["worst_errors"]}
    assert kinds == {"sub_event_type", "location", "fatalities"}
    assert result["per_class"]["sub_event_type"]["none"]["support"] == 0


def test_perfect_and_zero():
    rows = acled.load_rows(MODERN)
    perfect = [
        [make_event(r["sub_event_type"], r["event_type"], acled.INTER[r["inter1"]],
                    acled.INTER[r["inter2"]] if r["inter2"] != "0" else None,
                    (float(r["latitude"]), float(r["longitude"])), int(r["fatalities"]))]
        for r in rows
    ]  # fmt: skip
    m = acled.score(rows, perfect)["metrics"]
    assert m["sub_event_macro_f1"] == 1.0 and m["sub_event_accuracy"] == 1.0
    assert m["actor1_type_accuracy"] == 1.0 and m["actor2_type_accuracy"] == 1.0
    assert m["location_within_25km"] == 1.0 and m["fatalities_stated_accuracy"] == 1.0
    zero = acled.score(rows, [[] for _ in rows])["metrics"]
    assert zero["sub_event_macro_f1"] == 0.0 and zero["location_within_25km"] == 0.0
    assert zero["no_event_rate"] == 1.0


def test_seeded_sample_is_fixed():
    result = acled.run(MODERN, limit=2, predict=fake)
    assert result["n"] == 2 and "2 of 4" in result["sample"]
    assert acled.sample(list(range(100)), 5) == acled.sample(list(range(100)), 5)
    assert acled.sample([1, 2], None) == [0, 1]


def test_folder_picks_modern_schema_and_old_rows_map():
    assert acled.pick_file(FIXTURES) == MODERN
    old = acled.load_rows(FIXTURES / "tiny_v5.csv")[0]
    assert acled.gold_sub_event(old) == "Government regains territory"
    assert acled.gold_event_type(old) == "Battles"
    assert acled.inter_code(old["inter1"]) == "1"
    assert acled.inter_code("Identity militia") == "4"
    assert acled.inter_code(None) == "0"


def test_stated_fatalities_rules():
    assert acled.stated_fatalities("Five people were killed.", "5", "en") == 5
    assert acled.stated_fatalities("Several people died.", "5", "en") is None
    assert acled.stated_fatalities("A man was shot dead on 12 May 2022.", "1", "en") == 1
    assert acled.stated_fatalities("Fatalities coded as 3.", "3", "en") is None
    assert acled.stated_fatalities("Workers marched.", "0", "en") == 0


def test_missing_file_skipped(tmp_path):
    assert acled.run(tmp_path / "none.csv")["status"] == "skipped"
