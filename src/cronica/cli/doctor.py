"""`cronica doctor`: is the installation ready, and what to fix."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from cronica.cli.app import app
from cronica.cli.options import DbOpt, Gazetteers, flag


@app.command()
def doctor(
    db: DbOpt = "cronica.duckdb",
    load: Annotated[bool, flag("Also load each model (slower).", "--load")] = False,
    gazetteer: Gazetteers = None,
) -> None:
    """Check the installation: spaCy models (present, versions), the gazetteer (places
    loaded), the store (readable, schema version). Exit code 1 when something is broken."""
    from cronica.doctor import FAIL, run_checks

    out = Console(highlight=False, soft_wrap=True)
    checks = run_checks(db, load, [str(p) for p in gazetteer or []])
    for check in checks:
        out.print(f"{check.status:<4} {check.what}: {check.found}", markup=False)
        if check.fix:
            out.print(f"     fix: {check.fix}", markup=False)
    broken = sum(c.status == FAIL for c in checks)
    if broken:
        out.print(f"{broken} problem(s) to fix", markup=False)
        raise typer.Exit(1)
    out.print("everything needed is in place", markup=False)
