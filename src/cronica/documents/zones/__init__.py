"""Document zones: every character of a document in one block with a zone and a reason.

Events come only from blocks whose zone is in ``record.REPORTING_ZONES``. HTML pages are
zoned by their reader (trafilatura's structure, ``documents/webpage.py``); plain text and
markdown scrapes by line features and repetition across the run (``lines.py``).
"""

from __future__ import annotations

from cronica.documents.zones.cues import Cues, cues_for
from cronica.documents.zones.lines import Line, classify
from cronica.documents.zones.repetition import LineRegistry, RepetitionIndex, line_key
from cronica.record import REPORTING_ZONES, Block, Document

__all__ = [
    "Cues", "LineRegistry", "RepetitionIndex", "block_index", "blocks_from_lines", "cues_for",
    "describe_zones", "line_key", "reporting", "zone_document", "zone_at",
]  # fmt: skip


def zone_document(doc: Document, repeated: RepetitionIndex | None = None) -> list[Block]:
    """Contiguous blocks covering `doc.text`; the reader's zones (HTML) when it set them."""
    if doc.zones is not None and _covers(doc.zones, len(doc.text)):
        return doc.zones
    lines = classify(doc.text, cues_for(doc.lang), repeated)
    return blocks_from_lines(lines, len(doc.text))


def blocks_from_lines(lines: list[Line], length: int) -> list[Block]:
    """Blocks over [0, length): each line's zone, gaps joining the zone before them."""
    if length == 0:
        return []
    if not lines:
        return [Block(0, length, "boilerplate", "no text")]
    blocks: list[Block] = []
    for i, line in enumerate(lines):
        start = 0 if i == 0 else line.start
        end = lines[i + 1].start if i + 1 < len(lines) else length
        last = blocks[-1] if blocks else None
        if last is not None and (last.zone, last.reason) == (line.zone, line.reason):
            last.end = end
        else:
            blocks.append(Block(start, end, line.zone, line.reason))
    return blocks


def zone_at(blocks: list[Block], offset: int) -> Block | None:
    """The block holding character `offset`, or None past the end."""
    at = block_index(blocks, offset)
    return blocks[at] if at is not None else None


def block_index(blocks: list[Block], offset: int) -> int | None:
    """The position in `blocks` of the block holding character `offset`, or None."""
    lo, hi = 0, len(blocks)
    while lo < hi:
        mid = (lo + hi) // 2
        if blocks[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(blocks) and blocks[lo].start <= offset else None


def reporting(block: Block) -> bool:
    """Whether events may come from `block`."""
    return block.zone in REPORTING_ZONES


def describe_zones(doc: Document, repeated: RepetitionIndex | None = None) -> list[
    tuple[Block, str]
]:
    """Each block of `doc` (zoned now if it has no zones) with its first 80 characters."""
    blocks = doc.zones if doc.zones is not None else zone_document(doc, repeated)
    return [(b, " ".join(doc.text[b.start:b.end].split())[:80]) for b in blocks]


def _covers(blocks: list[Block], length: int) -> bool:
    at = 0
    for block in blocks:
        if block.start != at or block.end < block.start:
            return False
        at = block.end
    return at == length
