"""Tests for cronica.documents: normalisation, readers, language id."""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import pytest

from cronica.documents.language import detect_language, document_language, normalise_lang
from cronica.documents.normalise import citations_in, normalise, to_original
from cronica.documents.readers import format_for, read_inputs, read_path
from cronica.record import Document, InputError

FIXTURES = Path(__file__).parent / "fixtures" / "documents"


def fixture(name: str) -> str:
    return str(FIXTURES / name)


def read_all(path: str, fmt: str = "text", **kw) -> tuple[list[Document], list[InputError]]:
    items = list(read_path(path, fmt, **kw))
    docs = [x for x in items if isinstance(x, Document)]
    errors = [x for x in items if isinstance(x, InputError)]
    assert len(docs) + len(errors) == len(items)
    return docs, errors


def clean_span(norm, words: str) -> tuple[int, int]:
    start = norm.clean.index(words)
    return start, start + len(words)


# ---------------------------------------------------------------- normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dos barrios,[130] Loma Alta[131] y Cerro", "dos barrios, Loma Alta y Cerro"),
        ("un grupo armado[200] que operaba", "un grupo armado que operaba"),
        ("[52] Durante la noche", "Durante la noche"),
        ("el cuartel.\n[55] Al mismo tiempo", "el cuartel.\nAl mismo tiempo"),
        ("Cerro Verde.[56][57] Luego", "Cerro Verde. Luego"),
        ("hubo muertos [cita requerida].", "hubo muertos."),
        ("the town [citation needed], then", "the town, then"),
        ("algo[nota 3] y otra[a] cosa", "algo y otra cosa"),
        ("fin de frase [12]\nnueva", "fin de frase\nnueva"),
        ("palabra[3]pegada", "palabra pegada"),
        ("al final[7]", "al final"),
        ("dos  espacios [4]  y más", "dos espacios y más"),
    ],
)
def test_markers_removed_without_spacing_damage(text: str, expected: str) -> None:
    norm = normalise(text)
    assert norm.clean == expected
    assert "  " not in norm.clean
    assert len(norm.offsets) == len(norm.clean) + 1
    assert norm.offsets[-1] == len(text)


def test_bracketed_real_text_is_kept() -> None:
    text = "dijo: «no [sabían] qué hacer» y «[que] se fueran» [...]"
    assert normalise(text).clean == text
    assert normalise(text).citations == []


def test_citations_recorded_with_original_offsets() -> None:
    text = "dos barrios,[130] Loma Alta[131] y Cerro Verde.[56][57]"
    norm = normalise(text)
    assert [c.marker for c in norm.citations] == ["[130]", "[131]", "[56]", "[57]"]
    for c in norm.citations:
        assert text[c.start : c.end] == c.marker


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("dos barrios,[130] Loma Alta[131] y Cerro Verde.", "Loma Alta"),
        ("dos barrios,[130] Loma Alta[131] y Cerro Verde.", "barrios, Loma Alta y"),
        ("un grupo armado[200] que operaba", "armado que"),
        ("[52] Durante la noche", "Durante"),
        ("a\u00a0b\r\nc\x07d", "a b\ncd"),
    ],
)
def test_offsets_round_trip(text: str, words: str) -> None:
    norm = normalise(text)
    s, e = to_original(norm, *clean_span(norm, words))
    original = text[s:e]
    assert normalise(original).clean == words
    if "[" not in original and "\r" not in original and "\x07" not in original:
        assert original.replace("\u00a0", " ") == words


def test_to_original_excludes_trailing_marker() -> None:
    text = "un grupo armado[200] que"
    norm = normalise(text)
    s, e = to_original(norm, *clean_span(norm, "un grupo armado"))
    assert text[s:e] == "un grupo armado"
    assert to_original(norm, 3, 3) == (3, 3)
    with pytest.raises(ValueError):
        to_original(norm, 0, len(norm.clean) + 1)


def test_whitespace_and_unicode_normalisation() -> None:
    text = "Ataque\u00a0en\tMosul\r\nSegunda\u200b línea: cafe\u0301\x00 fin"
    norm = normalise(text)
    assert norm.clean == "Ataque en Mosul\nSegunda línea: café fin"
    assert norm.clean.count("\u00e9") == 1  # NFC composed
    s, e = to_original(norm, *clean_span(norm, "café"))
    assert text[s:e] == "cafe\u0301"
    for i, ch in enumerate(norm.clean):
        if ch.isalpha() and ch.isascii():
            assert text[norm.offsets[i]] == ch


def test_citations_in_span_and_following_line() -> None:
    text = (
        "Las milicias capturaron dos barrios,[130] Loma Alta[131] y Cerro Verde.[56][57]\n"
        "Durante la noche bombardearon el cuartel.\n[55] Al mismo tiempo hubo tregua."
    )
    norm = normalise(text)
    first_end = norm.clean.index("Verde.") + len("Verde.")
    s, e = to_original(norm, 0, first_end)
    assert citations_in(norm, s, e) == ["[130]", "[131]", "[56]", "[57]"]
    second = "Durante la noche bombardearon el cuartel."
    s, e = to_original(norm, *clean_span(norm, second))
    assert citations_in(norm, s, e) == ["[55]"]
    third = "Al mismo tiempo hubo tregua."
    s, e = to_original(norm, *clean_span(norm, third))
    assert citations_in(norm, s, e) == []
    s, e = to_original(norm, *clean_span(norm, "Loma Alta"))
    assert citations_in(norm, s, e) == ["[131]"]


def test_citations_in_stops_at_other_text() -> None:
    norm = normalise("uno dos[1] tres")
    s, e = to_original(norm, *clean_span(norm, "uno"))
    assert citations_in(norm, s, e) == []


# ---------------------------------------------------------------- readers


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


# ---------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("El grupo armado tomó Kafr Hamra y Haritan el 5 de febrero.", "es"),
        ("Según el observatorio, 12 personas murieron en Douma.", "es"),
        ("Ahrar al-Sham y Jabhat al-Nusra capturaron Jisr al-Shughur.", "es"),
        ("Rebels captured Tell Abyad and Ain Issa on Sunday, officials said.", "en"),
        ("Clashes in Aleppo.", "en"),
    ],
)
def test_detect_supported_languages(text: str, lang: str) -> None:
    assert detect_language(text, "doc") == lang


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Les forces gouvernementales ont repris la ville après des combats intenses.", "fr"),
        ("Die Regierungstruppen haben die Stadt nach heftigen Kämpfen zurückerobert.", "de"),
        ("As forças rebeldes capturaram a cidade depois de combates intensos.", "pt"),
    ],
)
def test_other_languages_rejected(text: str, code: str) -> None:
    with pytest.raises(InputError) as info:
        detect_language(text, "doc.txt")
    assert info.value.source == "doc.txt"
    assert f"detected {code}" in str(info.value) and "--lang" in str(info.value)


def test_no_words_rejected() -> None:
    with pytest.raises(InputError):
        detect_language("12 345 — 2020", "n")


def test_lang_tags_and_document_language() -> None:
    assert normalise_lang("es-MX", "s") == "es"
    assert normalise_lang("English", "s") == "en"
    with pytest.raises(InputError):
        normalise_lang("fr", "s")
    assert document_language(Document(id="d", text="Les rebelles", lang="en")) == "en"
    assert document_language(Document(id="d", text="Murieron 40 civiles en Homs.")) == "es"
