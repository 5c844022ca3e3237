"""`cronica import-acled`: ACLED's own CSV rows into the store, as reviewed events."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from cronica.cli.app import app, err
from cronica.cli.options import DbOpt

log = logging.getLogger("cronica")


@app.command("import-acled")
def import_acled(
    paths: Annotated[
        list[Path], typer.Argument(metavar="FILES", help="ACLED CSV exports.")
    ],
    db: DbOpt = "cronica.duckdb",
) -> None:
    """Load ACLED's rows into the store as reviewed events (source "ACLED"), beside cronica's:
    the same `events` queries, exports and map. Each row keeps its event_id_cnty; a row that
    does not fit ACLED's codebook is reported with its line and skipped; importing the same
    rows again changes nothing."""
    from cronica.acled.places import match_entry
    from cronica.acled.records import SOURCE, to_record
    from cronica.acled.rows import iter_rows
    from cronica.cli.run import open_store
    from cronica.record import InputError
    from cronica.resolve.places.gazetteer import Gazetteer
    from cronica.store.dialect import display_name
    from cronica.store.place_keys import place_keys

    gazetteer = Gazetteer.load()

    stored = unchanged = failed = 0
    with open_store(db) as store:
        for path in paths:
            records, codes = [], {}
            try:
                for line, row in iter_rows(path):
                    try:
                        record = to_record(row, str(path), line)
                    except ValueError as exc:
                        log.error("failed: %s", InputError(str(path), str(exc), line=line))
                        failed += 1
                        continue
                    loc = record.event.location
                    entry = match_entry(loc, gazetteer) if loc is not None else None
                    if loc is not None and entry is not None:
                        loc.gazetteer_id = entry.gazetteer_id
                    records.append((record.document, record.sentences, [record.event]))
                    codes[record.event.event_id] = record.code
            except InputError as exc:
                log.error("failed: %s", exc)
                failed += 1
                continue
            written = store.add_documents(
                records, codes=codes, review=(SOURCE, "accept"),
                place_keys=lambda ev: place_keys(ev, gazetteer),
            )
            stored += written
            unchanged += len(records) - written
            log.info("%s: %d rows imported, %d unchanged", path, written, len(records) - written)
    err.print(f"{stored} imported, {unchanged} unchanged, {failed} failed -> {display_name(db)}",
              markup=False)
    if failed:
        raise typer.Exit(1)
