"""Read ACLED's CSV exports (the modern schema, version 5 and 2016 files alike): one dict per
row with lower-case column names and stripped values. `cronica import-acled` and
`cronica eval acled` both read through here."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cronica.record import InputError

# The columns of ACLED's own export, in its order.
COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
REQUIRED: tuple[str, ...] = ("notes",)
TAG = re.compile(r"\s*\[[a-z_]+=[^\]]*\]", re.IGNORECASE)  # ACLED's note tags: [size=200]


def clean_row(row: dict[Any, Any]) -> dict[str, str]:
    """A csv row with lower-case, stripped column names and stripped values."""
    return {k.strip().lower(): (v or "").strip() for k, v in row.items() if isinstance(k, str)}


def iter_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row of an ACLED CSV; InputError naming the file when it
    cannot be read or has no `notes` column (not an ACLED export)."""
    try:
        handle = path.open(encoding="utf-8-sig", errors="replace", newline="")
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    with handle:
        reader = csv.DictReader(handle)
        header = [h.strip().lower() for h in reader.fieldnames or []]
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise InputError(
                str(path), f"no {', '.join(missing)} column: not an ACLED export "
                f"(columns: {', '.join(header) or 'none'})"
            )
        for row in reader:
            yield reader.line_num, clean_row(row)


def load_rows(path: Path) -> list[dict[str, str]]:
    """Every row of an ACLED CSV (a folder means its modern-schema file: `pick_file`)."""
    if path.is_dir():
        path = pick_file(path)
    return [row for _, row in iter_rows(path)]


def pick_file(folder: Path) -> Path:
    """The modern-schema CSV in an ACLED folder, preferring a global one."""
    modern = []
    for file in sorted(folder.glob("*.csv")):
        with file.open(encoding="utf-8", errors="replace") as handle:
            header = handle.readline().lower()
        if "sub_event_type" in header and "notes" in header:
            modern.append(file)
    if not modern:
        raise InputError(str(folder), "no ACLED CSV with sub_event_type and notes")
    modern.sort(key=lambda f: ("global" not in f.name, f.name))
    return modern[0]


def clean_note(note: str) -> str:
    """The note without ACLED's bracketed tags such as [size=no report]."""
    return TAG.sub("", note).strip()
