"""Typer apps whose help shows no value labels (`<bool>`, `<list[str]>`): the `cronica`
command and the `cronica eval` group share them (outside cronica.cli, so that cronica.evaluate
can use them without importing the CLI package)."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup


class PlainCommand(TyperCommand):
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


class PlainGroup(TyperGroup):
    """The command group, with the same --help label as its commands."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.metavar = ""
        return option


class PlainTyper(typer.Typer):
    """A Typer app whose commands are `PlainCommand`s."""

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", PlainCommand)
        return super().command(*args, **kwargs)


def flag(help_text: str, name: str) -> Any:
    """A boolean switch whose help shows no `<bool>` value label (it takes no value)."""
    return typer.Option(name, help=help_text, metavar="")
