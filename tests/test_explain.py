"""`cronica explain`: each sentence's zone, date and triggers, kept or dropped with a reason."""

from __future__ import annotations

from datetime import date

from cronica.explain import explain
from cronica.pipeline import Pipeline
from cronica.record import Document

SPANISH = (
    "Combates en el norte\n"
    "El 4 de mayo, los rebeldes tomaron la ciudad de Idlib.\n"
    "Si el Ejército lograra recuperar la ciudad, la guerra cambiaría.\n"
    "Los aviones no bombardearon el mercado.\n"
)
ENGLISH = (
    "On 4 May, rebels captured the town of Idlib.\n"
    "The army will attack the town next week.\n"
    "Residents called for an end to the shelling.\n"
)


def test_explain_keeps_asserted_and_drops_the_rest_with_reasons_es() -> None:
    doc = Document("es", SPANISH, lang="es", date=date(2020, 5, 6))
    notes = explain(Pipeline(), doc)
    verdicts = {n.text: n for n in notes}
    took = verdicts["El 4 de mayo, los rebeldes tomaron la ciudad de Idlib."]
    assert took.date == "2020-05-04"
    assert [t.action for t in took.triggers if t.kept] == ["capture"]
    cond = verdicts["Si el Ejército lograra recuperar la ciudad, la guerra cambiaría."]
    assert not any(t.kept for t in cond.triggers)
    assert {t.modality for t in cond.triggers} == {"hypothetical"}
    neg = verdicts["Los aviones no bombardearon el mercado."]
    assert [(t.modality, t.kept) for t in neg.triggers] == [("negated", False)]
    assert neg.verdict == "no event: every trigger dropped"


def test_explain_drops_future_and_ceased_triggers_en() -> None:
    notes = explain(Pipeline(), Document("en", ENGLISH, lang="en", date=date(2020, 5, 6)))
    by_text = {n.text: n for n in notes}
    assert [t.kept for t in by_text["On 4 May, rebels captured the town of Idlib."].triggers] == [
        True
    ]
    future = by_text["The army will attack the town next week."].triggers
    assert future and all(t.modality == "future" and not t.kept for t in future)
    ceased = by_text["Residents called for an end to the shelling."].triggers
    assert ceased and all(t.modality == "ceased" and not t.kept for t in ceased)


PAGES_REWRITTEN = {
    "es": "Los rebeldes tomaron el cuartel de Saraqib.\n"
          "El 4 de abril de 2021, aviones rusos bombardearon Idlib.\n"
          "El 9 de abril de 2021, aviones sirios atacaron Maarat al-Numan.\n",
    "en": "Rebels seized the barracks in Saraqib.\n"
          "On 4 April 2021, Russian jets bombed Idlib.\n"
          "On 9 April 2021, Syrian jets struck Maarat al-Numan.\n",
}  # fmt: skip


def test_explain_says_a_page_telling_later_events_dates_nothing_by_its_date() -> None:
    for lang, text in PAGES_REWRITTEN.items():
        notes = explain(Pipeline(), Document(lang, text, lang=lang, date=date(2020, 5, 6)))
        undated = notes[0].triggers
        assert undated and not any(t.kept for t in undated), lang
        assert all("after its date" in (t.reason or "") for t in undated), lang


def test_explain_command_prints_zones_and_reasons(cronica, tmp_path) -> None:
    path = tmp_path / "nota.txt"
    path.write_text(SPANISH, encoding="utf-8")
    run = cronica("explain", path, "--date", "2020-05-06")
    assert run.returncode == 0, str(run)
    assert "events: capture (tomaron)" in run.stdout
    assert "dropped" in run.stdout and "hypothetical" in run.stdout
    assert "negated" in run.stdout


PAGES_WITH_COMMENTS = {
    "es": "El domingo, los rebeldes tomaron la ciudad de Karsa.\n"
          "Comentarios\n"
          "Ojalá los aviones bombardeen ya a todos esos rebeldes de Karsa.\n",
    "en": "On Sunday, rebels captured the town of Karsa.\n"
          "Comments\n"
          "The planes bombed the wrong town again, as always.\n",
}


def test_the_model_reads_only_zones_that_report_or_date_explain_reads_every_zone() -> None:
    """A page's comments give no event and no date: extraction does not parse them, and its
    sentences and events are those of the story; `explain` still shows every zone."""
    pipeline = Pipeline()
    for lang, text in PAGES_WITH_COMMENTS.items():
        doc = Document(lang, text, lang=lang, date=date(2020, 5, 6))
        _, docs = pipeline.read(doc)
        assert [d.text for d in docs] == [text.splitlines()[0]], lang
        analysis = pipeline.analyse(doc)
        assert [s[3] for s in analysis.sentences] == [text.splitlines()[0]], lang
        assert [e.action for e in analysis.events] == ["capture"], lang
        notes = explain(pipeline, doc)
        assert [n.zone for n in notes][1:] == ["comments", "comments"], lang
        assert notes[-1].verdict == "skipped: zone comments does not report events", lang
