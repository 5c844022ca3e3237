"""The record types every stage shares: documents in, events out (DESIGN.md's event record)."""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


class InputError(Exception):
    """A bad input: the message names the input (and the line, where there is one)."""

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


ZONES = (
    "title", "lead", "body", "caption", "brief", "heading", "summary", "related",
    "boilerplate", "comments", "front_matter",
)  # fmt: skip
BRIEF_ZONE = "brief"  # a dated news brief: its own dateline dates it, it is a story of its own
REPORTING_ZONES = frozenset({"title", "lead", "body", "caption", BRIEF_ZONE})
# Dates in these zones move the narrative: headings ("## 15 November") and an article's
# summary (it sets the year a body's "On 16 August" belongs to), though neither reports.
DATING_ZONES = REPORTING_ZONES | {"heading", "summary"}


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
        """SHA-256 of the text; computed once per text (every event id of a long document
        asks for it, and hashing it each time made the cost grow with the square)."""
        text, found = self.__dict__.get("_hashed", (None, ""))
        if text is not self.text:
            found = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
            self.__dict__["_hashed"] = (self.text, found)
        return found


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
    review: str | None = None  # the latest human review (accept | reject | correct), if any

    def to_dict(self) -> dict[str, Any]:
        """The JSONL contract: plain JSON types, nested records as objects or null."""
        return asdict(self)


def event_id_for(
    document_hash: str, sentence_index: int, trigger_start: int, extra: str = ""
) -> str:
    """Stable id from (document hash, sentence index, trigger span[, argument])."""
    key = f"{document_hash}:{sentence_index}:{trigger_start}:{extra}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# --- shared by the pipeline, linking and the store ------------------------------------------

Sentence = tuple[int, int, int, str, list[str]]
"""(sentence index, start char, end char, original text, citation markers) of one sentence."""

Linker = Callable[[list[Event], list[Event]], tuple[list[Event], list[Event]]]
"""(new events, stored candidates) -> (new events left, stored events updated by merging)."""


@dataclass
class DetachedClaim:
    """A claim about an event told elsewhere: "X negó la acusación del Ejército".

    Attribution finds it; linking attaches it to the accused event (link.merge.attach_detached).
    """

    source: str
    source_type: str
    stance: str  # denies | accuses
    sentence: int  # index of the sentence that states it


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_iso_date(value: str, *, end: bool = False) -> date:
    """Parse an event date 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; a partial date is its first day
    (last if `end`). Raises ValueError naming the value when it is not such a date.
    """
    match = _PARTIAL_DATE.match(value.strip()[:10]) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f"not an ISO date (YYYY[-MM[-DD]]): {value!r}")
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        y = int(year)
        if month is None:
            return date(y, 12, 31) if end else date(y, 1, 1)
        m = int(month)
        if day is None:
            return date(y, m, calendar.monthrange(y, m)[1] if end else 1)
        return date(y, m, int(day))
    except ValueError:
        raise ValueError(f"not a valid date: {value!r}") from None


# --- Event.to_dict() read back ----------------------------------------------------------------

_T = TypeVar("_T", bound="DataclassInstance")


def _build(cls: type[_T], value: Any, where: str) -> _T:
    """Build the flat dataclass `cls` from a dict, naming `where` in any error."""
    if not isinstance(value, dict):
        raise ValueError(f"{where}: expected an object, got {type(value).__name__}")
    known = {f.name for f in fields(cls)}
    unknown = sorted(set(value) - known)
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {', '.join(unknown)}")
    try:
        return cls(**value)
    except TypeError as exc:  # a required field is missing
        raise ValueError(f"{where}: {exc}") from None


def _optional(cls: type[_T], value: Any, where: str) -> _T | None:
    return None if value is None else _build(cls, value, where)


def _many(cls: type[_T], value: Any, where: str) -> list[_T]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"{where}: expected a list, got {type(value).__name__}")
    return [_build(cls, item, f"{where}[{i}]") for i, item in enumerate(value)]


def _claim(value: Any, where: str) -> Claim:
    claim = _build(Claim, value, where)
    if claim.span is not None:  # JSON turns the (start, end) tuple into a list
        if len(claim.span) != 2:
            raise ValueError(f"{where}.span: expected [start, end], got {claim.span!r}")
        claim.span = (claim.span[0], claim.span[1])
    return claim


def event_from_dict(d: dict[str, Any]) -> Event:
    """Rebuild an Event (with its nested records) from `Event.to_dict()` or its JSON form.

    Raises ValueError naming the field when the dict does not fit the record.
    """
    if not isinstance(d, dict):
        raise ValueError(f"event: expected an object, got {type(d).__name__}")
    where = f"event {d.get('event_id', '?')}"
    data = dict(d)
    if "evidence" not in data:
        raise ValueError(f"{where}: missing field evidence")
    evidence = _build(Evidence, data["evidence"], f"{where}.evidence")
    evidence.citations = list(evidence.citations or [])
    data["evidence"] = evidence
    data["actor1"] = _optional(Actor, data.get("actor1"), f"{where}.actor1")
    data["actor2"] = _optional(Actor, data.get("actor2"), f"{where}.actor2")
    data["assoc_actors"] = _many(Actor, data.get("assoc_actors"), f"{where}.assoc_actors")
    data["location"] = _optional(Location, data.get("location"), f"{where}.location")
    data["quantities"] = _many(Quantity, data.get("quantities"), f"{where}.quantities")
    data["fatalities"] = _optional(Fatalities, data.get("fatalities"), f"{where}.fatalities")
    claims = data.get("claims") or []
    if not isinstance(claims, list):
        raise ValueError(f"{where}.claims: expected a list, got {type(claims).__name__}")
    data["claims"] = [_claim(c, f"{where}.claims[{i}]") for i, c in enumerate(claims)]
    data["rules"] = list(data.get("rules") or [])
    data["mentions"] = _many(Evidence, data.get("mentions"), f"{where}.mentions")
    for mention in data["mentions"]:
        mention.citations = list(mention.citations or [])
    return _build(Event, data, where)
