"""The `cronica` command. Each module of this package holds one group of commands and
registers them on the shared Typer `app` when imported; `eval` is mounted from
cronica.evaluate."""

from __future__ import annotations

import importlib
import logging
import pkgutil

from cronica.cli.app import app

__all__ = ["app"]

_SUPPORT = {"app", "options", "run", "workers"}
for _module in pkgutil.iter_modules(__path__):
    if _module.name not in _SUPPORT and not _module.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_module.name}")


def _mount_eval() -> None:
    try:
        from cronica.evaluate.cli import eval_app
    except ImportError as exc:  # pragma: no cover - evaluate is part of the package
        logging.getLogger("cronica").debug("eval unavailable: %s", exc)
        return
    app.add_typer(eval_app, name="eval")


_mount_eval()
