"""The record types every stage shares: documents in, events out (DESIGN.md's event record)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


class InputError(Exception):
    """A bad input: the message names the input (and the line, where there is one)."""

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


ZONES = (
    "title", "lead", "body", "caption", "brief", "heading", "related", "boilerplate",
    "comments", "front_matter",
)  # fmt: skip
REPORTING_ZONES = frozenset({"title", "lead", "body", "caption", "brief"})


@dataclass
class Block:
    """A span of a document's original text with its zone and why it got it."""

    start: int
    end: int
    zone: str  # one of ZONES
    reason: str = ""


@dataclass
class Document:
    """One input document: original text plus metadata."""

    id: str
    text: str
    lang: str | None = None
    date: date | None = None
    url: str | None = None
    source: str | None = None  # the outlet that published it
    path: str | None = None
    title: str | None = None
    line: int | None = None  # the record's line (JSONL) or row (CSV) in `path`
    zones: list[Block] | None = None  # set by the zoner; None: not zoned yet

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class Actor:
    text: str
    canonical: str | None = None
    actor_type: str | None = None  # ACLED inter code name, e.g. "State forces"
    country: str | None = None


@dataclass
class Location:
    text: str
    canonical: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None  # 1 place itself, 2 near it / part of, 3 admin region
    gazetteer_id: str | None = None


@dataclass
class Quantity:
    kind: str  # killed | wounded | evacuated | surrendered | displaced | detained | captured ...
    value: int
    approx: bool = False
    text: str = ""
    low: int | None = None
    high: int | None = None
    source: str | None = None  # who gave the figure (set by linking; None: not yet known)


@dataclass
class Fatalities:
    low: int
    best: int
    high: int


@dataclass
class Claim:
    source: str
    source_type: (
        str  # media | NGO | government | armed group | international organisation | unnamed
    )
    stance: str  # reports | claims | denies | accuses
    document: str | None = None
    sentence: int | None = None
    span: tuple[int, int] | None = None


@dataclass
class Evidence:
    sentence: str  # the original sentence text, citation markers included
    start: int  # character offsets of the sentence in the original document text
    end: int
    citations: list[str] = field(default_factory=list)
    trigger: str = ""
    trigger_start: int | None = None  # offsets of the trigger in the original document text
    trigger_end: int | None = None
    document: str | None = None  # set on the mentions of a merged event
    sentence_index: int | None = None


@dataclass
class Event:
    event_id: str
    document: str
    sentence_index: int
    evidence: Evidence
    event_type: str
    sub_event_type: str
    plover: str
    action: str
    date: str | None = None
    date_precision: str = "unknown"  # day | week | month | year | unknown
    date_text: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: list[Actor] = field(default_factory=list)
    location: Location | None = None
    quantities: list[Quantity] = field(default_factory=list)
    fatalities: Fatalities | None = None
    claims: list[Claim] = field(default_factory=list)
    disputed: bool = False
    disputed_reason: str | None = None
    confidence: float = 0.5
    rules: list[str] = field(default_factory=list)
    lang: str | None = None
    mentions: list[Evidence] = field(default_factory=list)  # every mention of a merged event
    zone: str | None = None  # the document zone of the evidence sentence (record.ZONES)

    def to_dict(self) -> dict[str, Any]:
        """The JSONL contract: plain JSON types, nested records as objects or null."""
        return asdict(self)


def event_id_for(
    document_hash: str, sentence_index: int, trigger_start: int, extra: str = ""
) -> str:
    """Stable id from (document hash, sentence index, trigger span[, argument])."""
    key = f"{document_hash}:{sentence_index}:{trigger_start}:{extra}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
