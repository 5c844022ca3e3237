"""Options shared by the commands, and the parsers behind them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from cronica.documents.language import normalise_lang
from cronica.documents.readers import AUTO
from cronica.documents.registry import names as reader_names
from cronica.export.registry import names as export_names
from cronica.plain_help import flag as flag
from cronica.record import InputError, parse_iso_date


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


Paths = Annotated[
    list[str], typer.Argument(metavar="PATHS", help="Input files, or - for standard input.")
]
LangOpt = Annotated[
    str,
    typer.Option(
        "--lang",
        metavar="LANG",
        help="Document language: a language pack's code (see `cronica languages`); "
        "auto detects it.",
    ),
]
DateOpt = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="DATE",
        help="Publication date YYYY-MM-DD: the anchor for relative dates.",
    ),
]


def input_formats() -> tuple[str, ...]:
    """What `--input-format` takes: "auto" (by extension, then content) or a reader's name."""
    return (AUTO, *reader_names())


FormatIn = Annotated[
    str,
    typer.Option(
        "--input-format",
        parser=registered(input_formats),
        metavar="FORMAT",
        help="How to read the inputs: auto (by file extension, then content: a page that "
        f"starts like HTML is HTML) or one of {', '.join(reader_names())}.",
    ),
]
TextCol = Annotated[
    str, typer.Option("--text-column", metavar="COLUMN", help="CSV column holding the text.")
]
Gazetteers = Annotated[
    list[Path] | None,
    typer.Option("--gazetteer", metavar="CSV", help="Extra gazetteer CSV (repeatable)."),
]
DbOpt = Annotated[
    str,
    typer.Option("--db", metavar="DB", help="DuckDB file, or a postgresql://USER@HOST/DB URL."),
]


def parse_date(value: str | None) -> date | None:
    """A --date value (YYYY-MM-DD); a usage error naming the value otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"--date {value!r} is not YYYY-MM-DD") from exc


def partial_date(option: str) -> Callable[[str], str]:
    """A parser for a date filter (`--since`, `--until`): YYYY, YYYY-MM or YYYY-MM-DD, a real
    date; a usage error naming the option and the value otherwise."""

    def parse(value: str) -> str:
        try:
            parse_iso_date(value)
        except ValueError:
            raise typer.BadParameter(
                f"{option} {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
            ) from None
        return value.strip()

    return parse


def at_least(option: str, low: int) -> Callable[[str], int]:
    """A parser for a whole number >= `low`; a usage error naming the option otherwise."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise typer.BadParameter(f"{option} {value!r} is not a whole number") from None
        if number < low:
            raise typer.BadParameter(f"{option} must be at least {low}, got {number}")
        return number

    return parse


def lang_code(value: str) -> str:
    """A --lang value as a pack code; a clear usage error when no pack reads it."""
    try:
        return normalise_lang(value, "--lang")
    except InputError as exc:
        raise typer.BadParameter(str(exc)) from exc
