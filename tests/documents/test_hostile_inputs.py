"""Hostile inputs to the readers: each gives documents or a clear InputError naming it, and
nothing blocks (a FIFO with no writer, a device) or raises."""

from __future__ import annotations

import json
import logging
import os
import signal
from pathlib import Path

import pytest

from cronica.documents.readers import read_inputs, read_path
from cronica.record import Document, InputError

REPORT = "Las milicias tomaron el puerto de Adén el lunes.\nHubo tres muertos."


def read_all(path: str, fmt: str = "text") -> tuple[list[Document], list[InputError]]:
    items = list(read_path(path, fmt))
    return (
        [x for x in items if isinstance(x, Document)],
        [x for x in items if isinstance(x, InputError)],
    )


@pytest.fixture
def alarm():
    """Fail (rather than hang) when a read blocks for more than 5 seconds."""

    def timeout(signum, frame):
        raise TimeoutError("the read blocked")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(5)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("fmt", ["text", "html", "jsonl", "csv"])
def test_fifo_without_writer_is_refused_at_once(tmp_path: Path, alarm, fmt: str) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    docs, errors = read_all(str(fifo), fmt)
    assert docs == []
    (err,) = errors
    assert err.source == str(fifo) and "FIFO" in str(err) and "not a regular file" in str(err)


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero", "/dev/urandom"])
def test_device_is_refused(alarm, device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    docs, errors = read_all(device)
    assert docs == [] and "character device" in str(errors[0])


def test_directory_missing_and_good_in_one_run(tmp_path: Path, alarm) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    items = list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt"), str(fifo), str(good)]))
    errors = [x for x in items if isinstance(x, InputError)]
    docs = [x for x in items if isinstance(x, Document)]
    assert [d.id for d in docs] == [str(good)]
    assert len(errors) == 3
    assert "directory" in str(errors[0]) and "not found" in str(errors[1])
    assert "FIFO" in str(errors[2])
    assert [e.source for e in errors] == [str(tmp_path), str(tmp_path / "missing.txt"), str(fifo)]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_byte_order_mark_decoded(tmp_path: Path, codec: str, caplog) -> None:
    path = tmp_path / "bom.txt"
    data = REPORT.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):  # these codecs write no BOM: add it
        data = ("\ufeff" + REPORT).encode(codec)
    path.write_bytes(data)
    with caplog.at_level(logging.WARNING):
        docs, errors = read_all(str(path))
    assert errors == []
    assert docs[0].text == REPORT
    if codec != "utf-8-sig":
        assert "byte-order mark" in caplog.text and str(path) in caplog.text


def test_utf16_without_bom_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "nobom.txt"
    path.write_bytes(REPORT.encode("utf-16-le"))
    docs, errors = read_all(str(path))
    assert docs == [] and "binary file" in str(errors[0])


def test_broken_utf16_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken16.txt"
    path.write_bytes(b"\xff\xfe" + "hola".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    docs, errors = read_all(str(path))
    assert docs == [] and "not valid UTF-16" in str(errors[0]) and errors[0].source == str(path)


def test_windows_1252_is_decoded_and_said(tmp_path: Path, caplog) -> None:
    text = "Combates en Adén.\nSegún el Ejército, murió un soldado; «no hubo tregua».\n"
    path = tmp_path / "noticia.txt"
    path.write_bytes(text.encode("cp1252"))
    with caplog.at_level(logging.WARNING):
        docs, errors = read_all(str(path))
    assert errors == [] and [d.text for d in docs] == [text]
    assert f"{path}: not UTF-8; decoded as cp1252 (detected)" in caplog.text


def test_mojibake_is_repaired_and_said(tmp_path: Path, caplog) -> None:
    """UTF-8 that a scraper decoded as Latin-1 and saved again ("AdÃ©n"): repaired."""
    path = tmp_path / "doble.txt"
    path.write_text(REPORT.encode("utf-8").decode("latin-1"), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        docs, errors = read_all(str(path))
    assert not errors and docs[0].text == REPORT
    assert "doble.txt" in caplog.text and "mojibake" in caplog.text
    english = tmp_path / "clean.txt"  # clean text, even with a stray "Ã" of its own, stays
    english.write_text("Café owners in Ãrbil said nothing.", encoding="utf-8")
    assert read_all(str(english))[0][0].text == "Café owners in Ãrbil said nothing."
    control = tmp_path / "control.txt"  # a C1 control after "Â" is no proof of mojibake
    control.write_text("# Â\x80 \n", encoding="utf-8")
    assert read_all(str(control))[0][0].text == "# Â\x80 \n"


def test_utf8_and_latin1_lines_are_each_decoded(tmp_path: Path, caplog) -> None:
    utf8, latin1 = "Según la ONU, huyeron 300 familias.\n", "El Ejército avanzó en Adén.\n"
    path = tmp_path / "mezcla.txt"
    path.write_bytes(utf8.encode("utf-8") + latin1.encode("latin-1") + utf8.encode("utf-8"))
    with caplog.at_level(logging.WARNING):
        docs, errors = read_all(str(path))
    assert errors == [] and [d.text for d in docs] == [utf8 + latin1 + utf8]
    assert "(1 of 4 lines; the others are UTF-8)" in caplog.text


def test_undecodable_bytes_are_named_with_their_position(tmp_path: Path) -> None:
    path = tmp_path / "ruido.txt"
    path.write_bytes(b"Combates.\n" + bytes(range(0x80, 0xA0)) * 20)
    docs, errors = read_all(str(path))
    assert docs == [] and errors[0].source == str(path) and errors[0].line == 2
    assert "not valid UTF-8: byte 0x80" in str(errors[0]) and "cp1252" in str(errors[0])


def test_lone_surrogate_in_jsonl_is_replaced(tmp_path: Path, caplog) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Combates en Adén \udfff hoy."}),  # JSON escapes it
        json.dumps({"id": "b", "text": REPORT, "title": "\ud800"}),
        json.dumps({"id": "c", "text": "Un emoji 😀 partido en dos escapes."}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert "\\udfff" in path.read_text("utf-8")
    with caplog.at_level(logging.WARNING):
        docs, errors = read_all(str(path), "jsonl")
    assert errors == []
    assert [d.id for d in docs] == ["a", "b", "c"]
    assert docs[0].text == "Combates en Adén \ufffd hoy." and docs[1].title == "\ufffd"
    assert "😀" in docs[2].text
    for doc in docs:
        doc.text.encode("utf-8")  # no UnicodeEncodeError later (hashing, storing, output)
        assert len(doc.content_hash) == 64
    assert f"{path}:1" in caplog.text and f"{path}:2" in caplog.text


def test_deeply_nested_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "\n" + json.dumps({"text": REPORT}), encoding="utf-8")
    docs, errors = read_all(str(path), "jsonl")
    assert len(docs) == 1 and len(errors) == 1
    assert errors[0].line == 1 and "nested too deeply" in str(errors[0])


def test_nul_byte_in_csv_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(b"id,text\n1,Combates en Aden\n2,Bomb\x00ardeo\n")
    docs, errors = read_all(str(path), "csv")
    assert docs == [] and errors[0].source == str(path) and "NUL byte at offset" in str(errors[0])
