"""Gold event files and the documents they name: where a text lives, its date, language and
country (for the `events` evaluations)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from cronica.lang import supported
from cronica.record import Document, InputError

# Folders, relative to the data folder (`eval/`) and to the one above it, holding the texts
TEXT_FOLDERS = ("news_es", "wikipedia_en", "examples")
COUNTRY_FOLDERS = {"syria": "Syria", "libya": "Libya", "yemen": "Yemen", "egypt": "Egypt",
                   "iraq": "Iraq"}  # fmt: skip
_DATE_PART = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Gold events from one .jsonl file or every .jsonl file in a folder (sorted by name)."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    gold = []
    for file in files:
        with file.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as err:
                    raise InputError(str(file), f"not JSON: {err}", number) from err
                for key in ("doc", "evidence", "sub_event_type"):
                    if not row.get(key):
                        raise InputError(str(file), f"gold event lacks {key!r}", number)
                row["_gold_file"] = str(file)
                gold.append(row)
    return gold


def listed_docs(gold_path: Path) -> list[str]:
    """The documents `<stem>_docs.txt` beside a gold file lists (those without gold events
    included), or none when there is no such list."""
    if gold_path.is_dir():
        return []
    listing = gold_path.with_name(f"{gold_path.stem}_docs.txt")
    if not listing.is_file():
        return []
    lines = listing.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def find_text(doc: str, gold_file: Path, texts_dir: Path | None = None) -> Path | None:
    """The document a gold event names: in `texts_dir`, beside the gold file, or in one of the
    TEXT_FOLDERS of the data folder (news_es/, wikipedia_en/, examples/) or the one above it."""
    folder = gold_file.parent
    places = [texts_dir] if texts_dir else []
    places.append(folder)
    for base in (folder.parent, folder.parent.parent):
        places += [base / name for name in TEXT_FOLDERS]
    for place in places:
        if place is not None and (place / doc).is_file():
            return place / doc
    return None


def guess_lang(name: str) -> str | None:
    """Language from a name ending in -es / _en / .es (alepo-2016-es.txt, news_es), else None."""
    stem = Path(name).stem.lower()
    for lang in supported():
        if stem.endswith(f"-{lang}") or stem.endswith(f"_{lang}") or stem.endswith(f".{lang}"):
            return lang
    return None


def doc_lang(doc: str, text_path: Path) -> str | None:
    """The file name's language, else its text folder's (news_es -> es); None: detect it."""
    if lang := guess_lang(doc):
        return lang
    for parent in text_path.parents:
        if lang := guess_lang(parent.name):
            return lang
    return None


def as_date(value: Any) -> date | None:
    """An ISO date (or datetime) string as a date; None when absent or malformed."""
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def doc_dct(doc: str, gold: list[dict[str, Any]]) -> date | None:
    """Publication date: the gold `dct`, else a YYYY-MM-DD folder in the path (news_es)."""
    for row in gold:
        if found := as_date(row.get("dct")):
            return found
    for part in reversed(Path(doc).parts[:-1]):
        if _DATE_PART.match(part):
            return as_date(part)
    return None


def doc_countries(doc: str, gold: list[dict[str, Any]]) -> set[str]:
    """Where a document's events may lie: its gold events' countries, else the country folder
    (syria/... -> Syria); empty when unknown (then nothing is left out)."""
    countries = {row["country"] for row in gold if row.get("country")}
    if countries or len(Path(doc).parts) < 2:
        return countries
    top = Path(doc).parts[0].lower()
    return {COUNTRY_FOLDERS.get(top, top.replace("_", " ").title())}


def make_document(doc: str, text_path: Path, gold: list[dict[str, Any]]) -> Document:
    """The Document the pipeline reads for one gold document."""
    return Document(
        id=doc,
        text=text_path.read_text(encoding="utf-8"),
        lang=doc_lang(doc, text_path),
        date=doc_dct(doc, gold),
        path=str(text_path),
    )
