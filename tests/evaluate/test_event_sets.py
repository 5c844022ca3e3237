"""The event sets: news-style folders (dct from the folder, listed documents without gold,
country filter), per-zone and per-section figures, and the matching rule."""

import json
from pathlib import Path

from cronica.evaluate import events, events_docs, events_match, predictors, suite
from cronica.record import Document, Event, Evidence, Fatalities, Location

STRIKE = "Aviones sin bandera bombardearon ayer el mercado de Villaverde."
HEADLINE = "Nueva ola de combates en el valle de Robledal"
CLASH = "Milicias y soldados combatieron en Robledal durante la noche del martes pasado."
ABROAD = "Aviones bombardearon un depósito en Puerto Lejano."
QUIET = "Los vecinos de Pinar celebraron la feria anual con música."


def gold_row(doc, evidence, sub, country="Ruritania", section="main", **extra):
    row = {"doc": doc, "dct": None, "evidence": evidence, "event_type": "t",
           "sub_event_type": sub, "date": None, "location_canonical": None, "country": country,
           "actor1": None, "actor2": None, "fatalities": None, "quantities": [], "sources": [],
           "section": section}  # fmt: skip
    return {**row, **extra}


def make_data(root: Path) -> Path:
    """An invented data folder: gold/news_dev.jsonl + its doc list, texts in news_es/."""
    news = root / "news_es" / "ruritania"
    (news / "2021-03-04").mkdir(parents=True)
    (news / "2021-03-09").mkdir(parents=True)
    text = f"{STRIKE}\n{HEADLINE}. {CLASH} {ABROAD}\n"
    (news / "2021-03-04" / "a.txt").write_text(text, encoding="utf-8")
    (news / "2021-03-09" / "b.txt").write_text(f"{QUIET}\n", encoding="utf-8")
    gold = [
        gold_row("ruritania/2021-03-04/a.txt", "bombardearon ayer el mercado de Villaverde",
                 "Air/drone strike", date="2021-03-03", fatalities=2),
        gold_row("ruritania/2021-03-04/a.txt", f"{HEADLINE}. {CLASH}", "Armed clash",
                 section="related"),
        gold_row("ruritania/2021-03-04/a.txt", "un depósito en Puerto Lejano", "Attack"),
    ]  # fmt: skip
    (root / "gold").mkdir()
    with (root / "gold" / "news_dev.jsonl").open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in gold)
    listing = "ruritania/2021-03-04/a.txt\nruritania/2021-03-09/b.txt\n"
    (root / "gold" / "news_dev_docs.txt").write_text(listing, encoding="utf-8")
    return root


def event(sentence, sub, country="Ruritania", zone=None, fatalities=None, date=None):
    return Event(
        event_id="x", document="d", sentence_index=0,
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence)),
        event_type="t", sub_event_type=sub, plover="p", action="a", date=date, zone=zone,
        location=Location("lugar", canonical="Lugar", country=country),
        fatalities=Fatalities(fatalities, fatalities, fatalities) if fatalities else None,
    )  # fmt: skip


SEEN: list[Document] = []


def fake(doc: Document) -> list[Event]:
    SEEN.append(doc)
    if doc.id.endswith("b.txt"):  # nothing codable there: a false positive
        return [event(QUIET, "Peaceful protest", zone="body")]
    return [
        event(STRIKE, "Air/drone strike", zone="body", fatalities=2, date="2021-03-03"),
        event(CLASH, "Armed clash", zone="related"),  # cut shorter than the gold evidence
        event(ABROAD, "Attack", country="Freedonia", zone="body"),  # abroad: not counted
    ]


def test_news_set_dates_languages_listed_docs_and_country(tmp_path, monkeypatch):
    monkeypatch.setattr(predictors, "events", lambda repeated=None: fake)
    data = make_data(tmp_path)
    SEEN.clear()
    result = suite.run_one("events-news", None, data)
    assert result["name"] == "events-news" and result["status"] == "ok"
    assert {d.id: (str(d.date), d.lang) for d in SEEN} == {
        "ruritania/2021-03-04/a.txt": ("2021-03-04", "es"),
        "ruritania/2021-03-09/b.txt": ("2021-03-09", "es"),
    }
    m = result["metrics"]
    # strike and clash match; the quiet document's protest is a false positive; the attack
    # abroad counts neither way, so its gold event is missed
    assert (m["tp"], m["fp"], m["fn"], m["out_of_country"]) == (2, 1, 1, 1)
    assert m["out_of_country_on_gold"] == 1
    assert m["fatalities_accuracy"] == 1.0 and m["date_accuracy"] == 1.0
    zones = result["per_class"]["precision per predicted zone"]
    assert zones["body"] == {"precision": 0.5, "tp": 1, "fp": 1}
    assert zones["related"]["precision"] == 1.0
    sections = result["per_class"]["recall per gold section"]
    assert sections["main"]["recall"] == 0.5 and sections["related"]["recall"] == 1.0
    kinds = {(e["kind"], e["text"]) for e in result["worst_errors"]}
    assert ("spurious", QUIET) in kinds and ("missed", "un depósito en Puerto Lejano") in kinds


def test_unknown_zone_and_all_sets_listed(tmp_path):
    data = make_data(tmp_path)
    result = events.run(data / "gold" / "news_dev.jsonl",
                        predict=lambda doc: [event(QUIET, "Peaceful protest")])  # fmt: skip
    assert result["name"] == "events-news"
    assert set(result["per_class"]["precision per predicted zone"]) == {"unknown"}
    names = [r["name"] for r in suite.run_events(None, tmp_path / "absent")]
    assert names == ["events", "events-news", "events-wikipedia"]
    assert {r["name"] for r in suite.run_all(tmp_path / "absent")} >= set(names)


def test_sets_skip_without_shared_data(tmp_path):
    for r in suite.run_events(None, tmp_path / "nothing"):
        assert r["status"] == "skipped" and "not found" in r["reason"]


def test_matching_rule_both_ways_with_a_floor():
    gold = "los rebeldes tomaron el cerro.  Después avanzaron hacia el río."
    assert events_match.same_evidence(gold, "Ayer los rebeldes tomaron el cerro. Después "
                                            "avanzaron hacia el río.")  # fmt: skip
    assert events_match.same_evidence(gold, "Después avanzaron hacia el río.")
    assert not events_match.same_evidence(gold, "el cerro.")  # too short to count
    assert not events_match.same_evidence(gold, "Los soldados tomaron el cerro.")


def test_document_helpers():
    assert events_docs.doc_countries("libya/2011-01-01/x.txt", []) == {"Libya"}
    assert events_docs.doc_countries("x.md", [{"country": "Iraq"}]) == {"Iraq"}
    assert events_docs.doc_countries("x.md", []) == set()
    assert str(events_docs.doc_dct("syria/2016-02-03/x.txt", [])) == "2016-02-03"
    assert events_docs.doc_dct("x.md", [{"dct": None}]) is None
    assert events_docs.doc_lang("x.md", Path("/d/wikipedia_en/x.md")) == "en"
    assert events_docs.doc_lang("x.md", Path("/d/texts/x.md")) is None
    assert events_match.in_country({"country": "syria"}, {"Syria"})
    assert events_match.in_country({"country": None}, {"Syria"})
    assert not events_match.in_country({"country": "Iraq"}, {"Syria"})
