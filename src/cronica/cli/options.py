"""Options shared by the commands, and the parsers behind them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from cronica.documents.language import normalise_lang
from cronica.documents.registry import names as reader_names
from cronica.export.registry import names as export_names
from cronica.record import InputError


def registered(names: Callable[[], Iterable[str]]) -> Callable[[str], str]:
    """A --format parser accepting the names `names()` gives when the command runs, so that
    readers and exporters registered at run time are choices too."""

    def parse(value: str) -> str:
        known = tuple(names())
        if value not in known:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(known)}")
        return value

    return parse


def output_formats() -> tuple[str, ...]:
    """What `extract` and `events` print: a table or any exporter that writes text."""
    return ("table", *export_names(text_only=True))


FormatOut = Annotated[
    str,
    typer.Option(
        "--format",
        parser=registered(output_formats),
        metavar="FORMAT",
        help=f"Output format: {', '.join(output_formats())}.",
    ),
]
ExportFormat = Annotated[
    str,
    typer.Option(
        "--format",
        parser=registered(export_names),
        metavar="FORMAT",
        help=f"Export format: {', '.join(export_names())}.",
    ),
]


Paths = Annotated[list[str], typer.Argument(help="Input files, or - for standard input.")]
LangOpt = Annotated[
    str,
    typer.Option(
        "--lang",
        help="Document language: a language pack's code (see `cronica languages`); "
        "auto detects it.",
    ),
]
DateOpt = Annotated[
    str | None,
    typer.Option("--date", help="Publication date YYYY-MM-DD: the anchor for relative dates."),
]
FormatIn = Annotated[
    str,
    typer.Option(
        "--input-format",
        parser=registered(reader_names),
        metavar="FORMAT",
        help=f"How to read the inputs: {', '.join(reader_names())}.",
    ),
]
TextCol = Annotated[str, typer.Option("--text-column", help="CSV column holding the text.")]
Gazetteers = Annotated[
    list[Path] | None, typer.Option("--gazetteer", help="Extra gazetteer CSV (repeatable).")
]
DbOpt = Annotated[
    str, typer.Option("--db", help="DuckDB file, or a postgresql://USER@HOST/DB URL.")
]


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"--date {value!r} is not YYYY-MM-DD") from exc


def lang_code(value: str) -> str:
    """A --lang value as a pack code; a clear usage error when no pack reads it."""
    try:
        return normalise_lang(value, "--lang")
    except InputError as exc:
        raise typer.BadParameter(str(exc)) from exc
