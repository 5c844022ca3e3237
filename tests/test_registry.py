"""Readers and exporters found through registries (entry points plus run-time additions), and
a toy format of each used through the real CLI."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cronica import registry
from cronica.cli import app
from cronica.documents import registry as readers
from cronica.documents.fields import ReadOptions
from cronica.documents.readers import format_for, formats, read_path
from cronica.export import export, exporter
from cronica.export import registry as exporters
from cronica.record import Document, Event, Evidence, InputError, Location
from cronica.store import Store

runner = CliRunner()
REPORT = "Ayer, aviones sirios bombardearon Kafr Nabl y mataron a 7 civiles."


@dataclass(frozen=True)
class MemoReader:
    """A toy format: the first line is the publication date, the rest is the report."""

    name: str = "memo"
    extensions: tuple[str, ...] = (".memo",)

    def read(
        self, text: str, name: str, path: str | None, options: ReadOptions
    ) -> Iterator[Document | InputError]:
        first, _, body = text.partition("\n")
        try:
            when = date.fromisoformat(first.strip())
        except ValueError:
            yield InputError(name, f"first line is not a date: {first!r}", 1)
            return
        yield Document(id=name, text=body, lang="es", date=when, path=path)


@dataclass(frozen=True)
class SummaryExporter:
    """A toy format: one 'event_id<TAB>sub_event_type<TAB>place' line per event."""

    name: str = "summary"
    suffix: str = ".tsv"

    def write(self, events: Iterable[Event], out: Any) -> int:
        lines = [
            f"{e.event_id}\t{e.sub_event_type}\t{e.location.text if e.location else ''}\n"
            for e in events
        ]
        if hasattr(out, "write"):
            out.write("".join(lines))
        else:
            Path(out).write_text("".join(lines), encoding="utf-8")
        return len(lines)


@pytest.fixture
def toys():
    """The toy reader and exporter, registered for one test."""
    readers.register(MemoReader())
    exporters.register(SummaryExporter())
    yield
    readers.unregister("memo")
    exporters.unregister("summary")


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_built_in_readers_and_exporters_are_registered():
    assert {"text", "html", "jsonl", "csv"} <= set(readers.names())
    assert {"jsonl", "acled-csv", "csv", "geojson", "parquet"} <= set(exporters.names())
    assert all(isinstance(r, readers.Reader) for r in readers.readers().values())
    assert all(isinstance(e, exporters.Exporter) for e in exporters.exporters().values())
    assert formats()[-1] == "auto"
    assert "parquet" not in exporters.names(text_only=True)
    assert exporter("CSV") is exporter("acled-csv")


def test_built_ins_without_entry_points(monkeypatch):
    """A source tree that was never installed still reads and writes every built-in format."""
    monkeypatch.setattr(registry, "entry_points", lambda group: [])
    readers._registry.reload()
    exporters._registry.reload()
    try:
        assert set(readers.names()) == {"text", "html", "jsonl", "csv"}
        assert set(exporters.names()) == {"jsonl", "acled-csv", "csv", "geojson", "parquet"}
    finally:
        readers._registry.reload()
        exporters._registry.reload()


def test_a_broken_entry_point_does_not_hide_the_others(monkeypatch, caplog):
    class Broken:
        name = "broken"

        def load(self):
            raise ImportError("no such module")

    real = registry.entry_points
    monkeypatch.setattr(registry, "entry_points", lambda group: [*real(group=group), Broken()])
    readers._registry.reload()
    try:
        assert "text" in readers.names() and "broken" not in readers.names()
        assert "reader broken could not be loaded" in caplog.text
    finally:
        readers._registry.reload()


def test_registered_reader_reads_by_name_and_extension(toys, tmp_path):
    path = tmp_path / "report.MEMO"
    path.write_text(f"2019-05-02\n{REPORT}\n", encoding="utf-8")
    assert "memo" in formats() and format_for(str(path)) == "memo"
    (doc,) = read_path(str(path), "auto")
    assert isinstance(doc, Document)
    assert doc.date == date(2019, 5, 2) and doc.text.startswith("Ayer")
    bad = tmp_path / "bad.memo"
    bad.write_text("ayer\ntexto\n", encoding="utf-8")
    (error,) = read_path(str(bad), "memo")
    assert isinstance(error, InputError) and "not a date" in str(error)


def test_unregistered_reader_is_unknown(tmp_path):
    path = tmp_path / "a.memo"
    path.write_text("2019-05-02\ntexto\n", encoding="utf-8")
    assert format_for(str(path)) == "text"
    (error,) = read_path(str(path), "memo")
    assert isinstance(error, InputError) and "unknown input format 'memo'" in str(error)


def _event(event_id: str, place: str) -> Event:
    return Event(
        event_id=event_id,
        document="doc-a",
        sentence_index=0,
        evidence=Evidence(REPORT, 0, len(REPORT), trigger="bombardearon"),
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        plover="FIGHT",
        action="airstrike",
        date="2019-05-01",
        location=Location(place),
    )


def test_registered_exporter_through_export(toys):
    buffer = io.StringIO()
    assert export([_event("e1", "Kafr Nabl")], "summary", buffer) == 1
    assert buffer.getvalue() == "e1\tAir/drone strike\tKafr Nabl\n"
    exporters.unregister("summary")
    with pytest.raises(ValueError, match="unknown export format 'summary'"):
        exporter("summary")


def test_cli_export_uses_a_registered_exporter(toys, tmp_path):
    db, out = tmp_path / "events.duckdb", tmp_path / "events.tsv"
    with Store(str(db)) as store:
        doc = Document(id="doc-a", text=REPORT, lang="es")
        store.add_document(doc, [(0, 0, len(REPORT), REPORT, [])], [_event("e1", "Kafr Nabl")])
    result = invoke("export", "--db", db, "--format", "summary", "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == "e1\tAir/drone strike\tKafr Nabl\n"


def test_cli_rejects_an_unregistered_format_naming_the_registered_ones(toys, tmp_path):
    result = invoke("export", "--db", tmp_path / "x.duckdb", "--format", "nope")
    assert result.exit_code == 2
    assert "'nope' is not one of" in result.output and "summary" in result.output
    result = invoke("extract", tmp_path / "a.txt", "--input-format", "nope")
    assert result.exit_code == 2 and "memo" in result.output


def test_cli_extract_reads_and_writes_toy_formats(toys, tmp_path):
    """The toy reader gives the publication date ("ayer" is the day before; no --date), the
    toy exporter writes what was found."""
    path, out = tmp_path / "report.memo", tmp_path / "events.tsv"
    path.write_text(f"2019-05-02\n{REPORT}\n", encoding="utf-8")
    result = invoke("extract", path, "--input-format", "memo", "--format", "summary", "-o", out)
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(sub, place) for _, sub, place in rows] == [("Air/drone strike", "Kafr Nabl")]
    jsonl = invoke("extract", path, "--input-format", "memo", "--format", "jsonl")
    (event,) = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert event["date"] == "2019-05-01"


def test_generic_registry_keys_built_ins_and_run_time_additions(monkeypatch):
    """The one Registry behind readers, exporters and language packs: built-ins when no entry
    point is installed, additions after them, replacing and removing by key."""
    monkeypatch.setattr(registry, "entry_points", lambda group: [])
    plugins = registry.Registry("cronica.toys", "toy", str.lower, lambda: ("A", "B"))
    assert plugins.items() == {"a": "A", "b": "B"}
    plugins.register("C")
    plugins.register("a")
    assert plugins.items() == {"a": "a", "b": "B", "c": "C"}
    assert plugins.installed() == {"a": "A", "b": "B"} and plugins.added() == {"c": "C", "a": "a"}
    plugins.unregister("a")
    plugins.unregister("nothing")
    assert plugins.items() == {"a": "A", "b": "B", "c": "C"}


def test_items_follow_register_and_cannot_be_changed_from_outside() -> None:
    """A registry hands out one read-only view of its items until it changes."""
    reg: registry.Registry[str] = registry.Registry("cronica.none", "word", str.upper,
                                                    lambda: ["a"])
    first = reg.items()
    assert dict(first) == {"A": "a"} and reg.items() is first
    with pytest.raises(TypeError):
        first["B"] = "b"  # type: ignore[index]
    reg.register("b")
    assert dict(reg.items()) == {"A": "a", "B": "b"}
    reg.unregister("A")  # only run-time additions go
    reg.unregister("B")
    assert dict(reg.items()) == {"A": "a"}
    reg.reload()
    assert dict(reg.items()) == {"A": "a"}
