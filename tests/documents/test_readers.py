"""Tests for cronica.documents.readers: every input format, whole-file problems, stdin."""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import pytest

from cronica.documents.readers import format_for, read_inputs, read_path
from cronica.record import Document, InputError

FIXTURES = Path(__file__).parents[1] / "fixtures" / "documents"


def fixture(name: str) -> str:
    return str(FIXTURES / name)


def read_all(path: str, fmt: str = "text", **kw) -> tuple[list[Document], list[InputError]]:
    items = list(read_path(path, fmt, **kw))
    docs = [x for x in items if isinstance(x, Document)]
    errors = [x for x in items if isinstance(x, InputError)]
    assert len(docs) + len(errors) == len(items)
    return docs, errors


def test_text_reader_keeps_original_text() -> None:
    path = fixture("article.txt")
    docs, errors = read_all(path, default_date=date(2020, 1, 2), default_lang="ES")
    assert errors == []
    (doc,) = docs
    assert doc.id == path
    assert doc.path == path
    assert doc.date == date(2020, 1, 2)
    assert doc.lang == "es"
    assert "[130]" in doc.text  # markers are the normaliser's job


def test_html_reader_extracts_readable_text() -> None:
    docs, errors = read_all(fixture("article.html"), "html")
    assert errors == []
    (doc,) = docs
    assert doc.title == "Combates en el norte"  # trafilatura's title, without the site name
    assert doc.date == date(2021, 3, 14)
    lines = doc.text.split("\n")
    assert lines[0] == "Combates en el norte"
    assert lines[1].startswith("Las milicias locales tomaron el puerto de Villanueva tras dos")
    assert "Al menos siete personas murieron y otras doce resultaron heridas." in lines
    for junk in ("tracking", "color", "Portada", "Suscríbase", "©"):
        assert junk not in doc.text


def test_malformed_html_still_reads() -> None:
    docs, errors = read_all(fixture("broken.html"), "html")
    assert errors == []
    (doc,) = docs
    assert doc.title == "Página rota"
    assert doc.date == date(2020, 7, 1)
    # a stray cell outside any block is not main content: trafilatura leaves it out
    assert doc.text.split("\n") == [
        "Un texto sin cerrar negrita",
        "Segundo párrafo con 1 de julio de fecha",
    ]


def test_html_without_text_is_a_clear_error() -> None:
    docs, errors = read_all(fixture("unclosed_title.html"), "html")
    assert docs == []
    assert "no readable text" in str(errors[0])


def test_jsonl_bad_lines_do_not_stop_good_ones() -> None:
    path = fixture("reports.jsonl")
    docs, errors = read_all(path, "jsonl")
    assert [d.id for d in docs] == ["r1", f"{path}#2", "8"]
    r1 = docs[0]
    assert (r1.date, r1.lang, r1.url, r1.source) == (
        date(2022, 5, 2), "en", "https://example.org/r1", "Example Wire",
    )
    assert docs[1].date == date(2022, 5, 3)  # ISO datetime with Z
    by_line = {e.line: str(e) for e in errors}
    assert set(by_line) == {3, 4, 6, 7, 8}
    assert all(e.source == path for e in errors)
    assert "malformed JSON" in by_line[3]
    assert "missing text" in by_line[4]
    assert "bad date" in by_line[6]
    assert "JSON object" in by_line[7]
    assert "empty document" in by_line[8]


def test_csv_reader_with_text_column() -> None:
    path = fixture("reports.csv")
    docs, errors = read_all(path, "csv", text_column="body")
    assert [d.id for d in docs] == ["c1", f"{path}#row2"]
    assert docs[0].lang == "es" and docs[0].source == "Agencia Uno"
    assert docs[1].date == date(2023, 1, 11)
    assert [(e.line, "empty document" in str(e)) for e in errors] == [(4, True), (5, False)]
    assert "bad date" in str(errors[1])


def test_csv_missing_text_column_is_one_error() -> None:
    docs, errors = read_all(fixture("reports.csv"), "csv")
    assert docs == []
    assert len(errors) == 1 and "'text' column" in str(errors[0])


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "empty file"),
        ("blank.txt", "empty file"),
        ("binary.bin", "binary file"),
        ("does-not-exist.txt", "file not found"),
    ],
)
@pytest.mark.parametrize("fmt", ["text", "html", "jsonl", "csv"])
def test_whole_file_problems(name: str, message: str, fmt: str) -> None:
    path = fixture(name)
    docs, errors = read_all(path, fmt)
    assert docs == []
    assert len(errors) == 1
    assert errors[0].source == path
    assert message in str(errors[0])


def test_invalid_utf8_reports_position_not_guess() -> None:
    docs, errors = read_all(fixture("latin1.txt"))
    assert docs == []
    (err,) = errors
    assert err.line == 2
    assert "not valid UTF-8" in str(err) and "0xe9" in str(err)


def test_file_over_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Las milicias tomaron el puerto. " * 10, encoding="utf-8")
    docs, errors = read_all(str(path), max_bytes=100)
    assert docs == [] and "too large" in str(errors[0])


def test_directory_and_unknown_format(tmp_path: Path) -> None:
    _, errors = read_all(str(tmp_path))
    assert "directory" in str(errors[0])
    _, errors = read_all(fixture("article.txt"), "docx")
    assert "unknown input format" in str(errors[0])


def test_utf8_bom_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffHola mundo".encode())
    docs, _ = read_all(str(path))
    assert docs[0].text == "Hola mundo"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = '{"text": "Clashes erupted near the dam."}\n{"text": \n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    docs, errors = read_all("-", "jsonl")
    assert docs[0].id == "<stdin>#1" and docs[0].path is None
    assert errors[0].source == "<stdin>" and errors[0].line == 2


def test_auto_format_and_read_inputs() -> None:
    assert format_for("a/b.HTML") == "html"
    assert format_for("x.ndjson") == "jsonl"
    assert format_for("-") == "text"
    items = list(read_inputs([fixture("article.html"), fixture("empty.txt")], "auto"))
    assert isinstance(items[0], Document) and items[0].title
    assert isinstance(items[1], InputError)


def test_auto_picks_html_by_content_where_the_extension_does_not_decide(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><body><p>Bombardeos en Saraqib ayer por la tarde.</p>" \
        "<script>var x = 'los rebeldes atacaron';</script></body></html>"
    assert format_for("x.txt", page) == "html" and format_for("-", page) == "html"
    assert format_for("notes", "  <p>Uno.</p>\n<p>Dos.</p>") == "html"
    assert format_for("x.txt", "Los <b>rebeldes</b> avanzaron.") == "text"  # prose with a tag
    assert format_for("x.txt", '{"text": "Uno."}\n') == "jsonl"
    assert format_for("x.txt", "{no es json}") == "text"
    assert format_for("x.HTM") == "html" and format_for("x.csv", "a,b\n") == "csv"
    disguised = tmp_path / "page.txt"
    disguised.write_text(page, encoding="utf-8")
    (doc,) = [d for d in read_inputs([str(disguised)]) if isinstance(d, Document)]
    assert "<" not in doc.text and "rebeldes atacaron" not in doc.text
    forced, _ = read_all(str(disguised), "text")
    assert forced[0].text.startswith("<!DOCTYPE")
