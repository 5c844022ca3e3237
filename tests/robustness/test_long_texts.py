"""Long texts: a line the parser cannot take is cut into parts it can (and the user is
told); a long document is read section by section with the same result; hostile text
through the whole pipeline gives events or nothing, never an exception."""

from __future__ import annotations

import logging

import pytest
from hypothesis import HealthCheck, given, settings

from cronica import pipeline as pipeline_module
from cronica.components.nlp import load_nlp
from cronica.pipeline import MAX_RUN_CHARS, cut_line, paragraphs, sections
from cronica.record import Document
from tests.robustness.reports import report_en, report_es
from tests.robustness.strategies import hostile_text


def test_five_megabyte_line_is_cut_into_parts():
    """The 5 MB line without punctuation of the issue (cut only: parsing it is timed by
    benchmarks, not in CI)."""
    line = "palabra " * 655_360  # 5 MiB, one line, no sentence end
    parts = paragraphs(line)
    assert len(parts) >= len(line) // MAX_RUN_CHARS  # no sentence end: parts of a sentence
    assert all(len(text) <= MAX_RUN_CHARS for _, text in parts)
    assert all(line[at : at + len(text)] == text for at, text in parts)
    assert "".join(text for _, text in parts) == line  # nothing lost, nothing doubled
    assert all(text.endswith(" ") for _, text in parts)  # cut between words


def test_prose_keeps_its_lines_whole_and_a_run_without_sentence_end_is_cut():
    """Only a stretch with no sentence end is cut short: ordinary prose is read as written."""
    prose = "Los rebeldes atacaron el cuartel. " * 100  # 3,400 characters, one line
    assert paragraphs(prose) == [(0, prose)]
    run = "Un titular. " + "palabra " * 400 + "Fin."
    parts = paragraphs(run)
    assert len(parts) > 1 and all(len(text) <= MAX_RUN_CHARS for _, text in parts)
    assert "".join(text for _, text in parts) == run


@pytest.mark.parametrize(
    ("line", "limit"),
    [
        ("Uno. Dos tres. Cuatro cinco seis. " * 40, 50),  # at sentence ends
        ("palabra " * 100, 30),  # at spaces
        ("x" * 1000, 64),  # nowhere to cut: at the limit
        ("a" * 10 + " " * 200 + "b" * 10, 16),  # runs of spaces
    ],
)
def test_cut_line_parts_reassemble(line, limit):
    parts = list(cut_line(line, limit))
    assert all(0 < len(text) <= limit for _, text in parts)
    assert all(line[at : at + len(text)] == text for at, text in parts)
    covered = "".join(line[at : at + len(text)] for at, text in parts)
    assert covered.replace(" ", "") == line.replace(" ", "")
    if "." in line:
        assert all(text.rstrip().endswith(".") for _, text in parts[:-1])


def test_sections_keep_whole_paragraphs():
    paras = [(i * 10, "x" * 9) for i in range(100)]
    parts = sections(paras, 95)
    assert [p for part in parts for p in part] == paras
    assert all(sum(len(t) for _, t in part) <= 95 for part in parts)


def test_line_over_the_parser_limit(pipeline, monkeypatch, caplog):
    """spaCy's max_length (E088) is never reached: here both limits are made small, so that
    the test is quick; the real ones are 100,000 and 1,000,000 characters."""
    nlp = load_nlp("es", ())
    monkeypatch.setattr(nlp, "max_length", 3000)
    monkeypatch.setattr(pipeline_module, "MAX_PART_CHARS", 1000)
    text = " ".join(report_es(i).replace("\n", " ") for i in range(40))  # one line, ~8,000
    assert len(text) > 2 * nlp.max_length and "\n" not in text
    with caplog.at_level(logging.WARNING):
        analysis = pipeline.analyse(Document(id="long-line", text=text, lang="es"))
    assert "cut into parts" in caplog.text and "long-line" in caplog.text
    assert analysis.events
    for start, end, sentence in ((s[1], s[2], s[3]) for s in analysis.sentences):
        assert text[start:end] == sentence


@pytest.mark.parametrize("lang", ["es", "en"])
def test_sections_give_the_same_events(pipeline, monkeypatch, caplog, lang):
    report = report_es if lang == "es" else report_en
    text = "\n\n".join(report(i) for i in range(12))
    doc = Document(id="d", text=text, lang=lang)
    whole = pipeline.analyse(doc)
    monkeypatch.setattr(pipeline_module, "SECTION_CHARS", len(text) // 5)
    with caplog.at_level(logging.INFO):
        parts = pipeline.analyse(doc)
    assert "read in" in caplog.text and "section 5/" in caplog.text
    assert parts.sentences == whole.sentences
    assert [e.to_dict() for e in parts.events] == [e.to_dict() for e in whole.events]


@settings(max_examples=40, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=hostile_text(max_words=50))
def test_pipeline_takes_hostile_text(pipeline, text):
    if not text.strip():
        return
    for lang in ("es", "en"):
        analysis = pipeline.analyse(Document(id="h", text=text, lang=lang))
        for _, start, end, sentence, _ in analysis.sentences:
            assert text[start:end] == sentence
        for ev in analysis.events:
            assert text[ev.evidence.start : ev.evidence.end] == ev.evidence.sentence
            for claim in ev.claims:
                if claim.span is not None:
                    assert 0 <= claim.span[0] <= claim.span[1] <= len(text)
