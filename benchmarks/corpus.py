"""The benchmark corpus: Spanish news (../shared/eval/news_es) and English Wikipedia articles
(../shared/eval/wikipedia_en), repeated as needed and streamed one document at a time.

The data folder is $CRONICA_BENCH_DATA, else ../shared/eval next to the checkout. Where it is
absent, `available()` says why and the benchmarks that need it skip; the speed benchmark
falls back to the bundled examples/ texts."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    """Where the evaluation data is looked for."""
    return Path(os.environ.get("CRONICA_BENCH_DATA") or ROOT.parent / "shared" / "eval")


@dataclass(frozen=True)
class Text:
    """One source text: its id, language, publication date (news) and words."""

    id: str
    lang: str
    text: str
    date: date | None = None

    @property
    def words(self) -> int:
        return len(self.text.split())

    def document(self) -> Any:
        """The text as cronica's input record (cronica.record.Document)."""
        from cronica.record import Document

        return Document(id=self.id, text=self.text, lang=self.lang, date=self.date)


def available() -> str | None:
    """None when the corpus is there, else why not (for a skip message)."""
    folder = data_dir()
    missing = [name for name in ("news_es", "wikipedia_en") if not (folder / name).is_dir()]
    if missing:
        return f"corpus not found: {', '.join(str(folder / m) for m in missing)} " \
               "(set CRONICA_BENCH_DATA to the eval data folder)"
    return None


def _news_date(path: Path) -> date | None:
    try:
        return date.fromisoformat(path.parent.name)  # news_es/<country>/<YYYY-MM-DD>/x.txt
    except ValueError:
        return None


def news_es(limit: int | None = None) -> list[Text]:
    """Spanish news texts, spread over the folders (every k-th file, sorted paths)."""
    folder = data_dir() / "news_es"
    files = sorted(p for p in folder.rglob("*.txt") if "reference" not in p.parts)
    if limit:
        files = files[:: max(1, len(files) // limit)][:limit]
    return [Text(str(p.relative_to(folder)), "es", p.read_text(encoding="utf-8"), _news_date(p))
            for p in files]


def wikipedia_en(limit: int | None = None) -> list[Text]:
    """English Wikipedia articles (markdown with front matter), every k-th sorted file."""
    files = sorted((data_dir() / "wikipedia_en").glob("*.md"))
    if limit:
        files = files[:: max(1, len(files) // limit)][:limit]
    return [Text(p.name, "en", p.read_text(encoding="utf-8")) for p in files]


def bundled() -> list[Text]:
    """The example texts shipped in examples/ (used when the corpus is absent)."""
    return [Text(p.name, "en" if p.stem.endswith("-en") else "es",
                 p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.txt"))]


def repeated(texts: list[Text], count: int) -> Iterator[Text]:
    """`count` documents cycling through `texts`, each with its own id; nothing is held."""
    for n, text in enumerate(itertools.islice(itertools.cycle(texts), count)):
        yield Text(f"{n}:{text.id}", text.lang, text.text, text.date)
