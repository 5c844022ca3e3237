"""The Typer application every command module registers on, and the logging set-up."""

from __future__ import annotations

import logging
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.logging import RichHandler
from typer.core import TyperArgument, TyperCommand, TyperGroup


class _Command(TyperCommand):
    """A command whose help shows no value label (`<bool>`) for --help, which takes none,
    and, for an argument given a metavar, only that metavar (no `<list[str]>`)."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.metavar = ""
        return option

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            if isinstance(param, TyperArgument) and param.metavar:
                param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]
        return params


class _Group(TyperGroup):
    """The command group, with the same --help label as its commands."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.metavar = ""
        return option


class _Typer(typer.Typer):
    """A Typer app whose commands are `_Command`s."""

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", _Command)
        return super().command(*args, **kwargs)


app = _Typer(
    help="cronica: conflict reports (es/en) to a sourced, geocoded event dataset.",
    no_args_is_help=True,
    add_completion=False,
    cls=_Group,
)
# soft_wrap: long messages (paths!) are never folded across lines on stderr.
err = Console(stderr=True, soft_wrap=True)
log = logging.getLogger("cronica")


@app.callback()
def main(
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Debug logs.", metavar="")
    ] = False,
) -> None:
    """Set up logging: what happened to each input goes to stderr.

    On a terminal, rich renders the log; otherwise (a pipe, a file, CI) each record is one
    plain `LEVEL message` line, so that a message naming an input is never wrapped mid-path.
    """
    handler: logging.Handler
    if err.is_terminal:
        handler = RichHandler(console=err, show_path=False, show_time=False)
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(message)s",
        handlers=[handler],
        force=True,
    )
