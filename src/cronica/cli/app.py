"""The Typer application every command module registers on, and the logging set-up."""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.logging import RichHandler

from cronica.plain_help import PlainGroup, PlainTyper

app = PlainTyper(
    help="cronica: conflict reports (es/en) to a sourced, geocoded event dataset.",
    no_args_is_help=True,
    add_completion=False,
    cls=PlainGroup,
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
