"""Lines that recur across the documents of a run: site chrome, not reporting."""

from __future__ import annotations

import re
from collections import Counter

from cronica.record import Document
from cronica.text import fold

_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def line_key(line: str) -> str:
    """A line's repetition key: folded, digits and spaces collapsed ("" for blank lines)."""
    return _SPACE.sub(" ", _DIGITS.sub("0", fold(line))).strip()


class RepetitionIndex:
    """How many distinct documents of a run contain each line.

    Feed it every document of the run (`add`) before zoning; identical texts count once.
    A line found in `min_docs` documents or more is repeated (`repeated`).
    """

    def __init__(self, min_docs: int = 3) -> None:
        self.min_docs = min_docs
        self._counts: Counter[str] = Counter()
        self._seen: set[str] = set()

    def add(self, doc: Document) -> None:
        """Count the distinct lines of `doc` (a text already added is ignored)."""
        digest = doc.content_hash
        if digest in self._seen:
            return
        self._seen.add(digest)
        self._counts.update({k for k in map(line_key, doc.text.splitlines()) if k})

    def count(self, line: str) -> int:
        """In how many added documents `line` occurs."""
        return self._counts.get(line_key(line), 0)

    def repeated(self, line: str, min_docs: int | None = None) -> bool:
        """Whether `line` occurs in at least `min_docs` (default: the index's) documents."""
        return self.count(line) >= (min_docs or self.min_docs)

    def __len__(self) -> int:
        return len(self._seen)

    def frequent(self) -> RepetitionIndex:
        """A copy keeping only lines in `min_docs` documents or more: it answers `repeated`
        the same for any `min_docs` at least the index's, in far less memory (to ship to
        workers). It takes no more documents (`add` would count from zero)."""
        kept = RepetitionIndex(self.min_docs)
        kept._counts = Counter({k: n for k, n in self._counts.items() if n >= self.min_docs})
        return kept


LineRegistry = RepetitionIndex
