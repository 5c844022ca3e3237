"""`cronica serve`: the HTTP API and the page over a store."""

from __future__ import annotations

import os
import secrets
from typing import Annotated

import typer

from cronica.cli.app import app, err
from cronica.cli.options import DbOpt, Gazetteers
from cronica.record import InputError


@app.command()
def serve(
    db: DbOpt = "cronica.duckdb",
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    api_key: Annotated[
        str | None,
        typer.Option("--api-key", envvar="CRONICA_API_KEY", show_envvar=True,
                     help="Key for writes (uploads, reviews); a random one is made and printed "
                     "when none is given."),  # fmt: skip
    ] = None,
    keyed_reads: Annotated[
        bool, typer.Option("--keyed-reads", help="Reads of the API need the key too.")
    ] = False,
    max_body: Annotated[int, typer.Option(min=1, help="Largest request body, bytes.")] = 2_000_000,
    write_rate: Annotated[int, typer.Option(min=1, help="Writes a minute per client.")] = 60,
    read_rate: Annotated[int, typer.Option(min=1, help="Reads a minute per client.")] = 3000,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option("--cors-origin", help="An origin whose pages may call the API (repeatable); "
                     "none by default."),  # fmt: skip
    ] = None,
    gazetteer: Gazetteers = None,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the page (map, timeline, evidence, review)."""
    import uvicorn

    from cronica.serve import Settings, create_app

    key = api_key or os.environ.get("CRONICA_API_KEY")
    if not key:
        key = secrets.token_urlsafe(18)
        err.print(f"API key for writes (uploads, reviews): {key}", markup=False)
    try:
        settings = Settings(str(db), key, keyed_reads, max_body, write_rate, read_rate,
                            tuple(cors_origin or ()), tuple(str(g) for g in gazetteer or ()))
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    try:
        application = create_app(settings)
    except InputError as exc:  # not a DuckDB file, or another process holds it
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    err.print(f"cronica: open http://{host}:{port}/ (API docs at /docs); Ctrl-C stops",
              markup=False)  # fmt: skip
    uvicorn.run(application, host=host, port=port, log_level="warning")
