"""What cronica's components write on a parsed paragraph (`Paragraph`) and on each of its
sentences (`Reading`).

Each record is kept in the Doc's ``user_data`` and shown as ``Doc._`` and ``Span._``
extensions of the same names (``span._.time`` is ``reading(span).time``). cronica's code reads
and writes the records themselves: an extension's every access makes an object and looks its
name up (about 3 microseconds), and the components do so hundreds of thousands of times a
corpus. This module imports no other part of cronica, so that any may import it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from spacy.attrs import HEAD  # type: ignore[import-not-found]
from spacy.tokens import Doc, Span, Token

if TYPE_CHECKING:
    from cronica.events.arguments import Roles
    from cronica.events.attribution import SourceCue
    from cronica.events.detect import TriggerMatch
    from cronica.record import Evidence, Quantity
    from cronica.resolve.time import ResolvedTime, TimeMention
    from cronica.story import Story

_READING = "cronica"  # (this, start token, end token): the key of a sentence's Reading
_PARAGRAPH = (_READING, "paragraph")  # the key of a Doc's Paragraph in its user_data


@dataclass(slots=True)
class Paragraph:
    """A parsed paragraph's place in its document."""

    story: Story | None = None  # the document's reading state
    offset: int | None = None  # where the paragraph starts in the clean text
    text: str | None = None  # the paragraph's text (the Doc's, which spaCy rebuilds at each ask)
    sentences: list[Span] | None = None  # its sentences that were indexed, in order
    entities: tuple[Span, ...] | None = None  # `doc.ents` once the model has run (doc_ents)
    tokens: list[Token] | None = None  # the Doc's Tokens, made once (tokens_of)
    children: list[list[Token]] | None = None  # each token's children (children_of)


@dataclass(slots=True)
class Reading:
    """What the components read of one sentence."""

    index: int | None = None  # the sentence's index in the document
    evidence: Evidence | None = None  # its original text, offsets and citation markers
    zone: str | None = None  # the zone it lies in (None: the document is not zoned)
    time: ResolvedTime | None = None  # its date, its own or the story's
    times: list[TimeMention] | None = None  # its own time expressions
    date_text: str | None = None  # the words that gave its date
    triggers: list[TriggerMatch] | None = None  # asserted triggers
    dropped: list[TriggerMatch] | None = None  # triggers left out, with why
    cues: dict[int, list[SourceCue]] | None = None  # trigger token index -> its sources
    roles: dict[int, Roles] | None = None  # trigger token index -> agent, target, places
    quantities: list[tuple[int, Quantity]] | None = None  # (token index, count)


def paragraph(doc: Doc) -> Paragraph:
    """The paragraph record of `doc` (made empty at the first access)."""
    data: dict[Any, Any] = doc.user_data  # spaCy's own extensions key it by tuples too
    found: Paragraph | None = data.get(_PARAGRAPH)
    if found is None:
        found = data[_PARAGRAPH] = Paragraph()
    return found


def reading(span: Span) -> Reading:
    """The reading of sentence `span` (made empty at the first access); any Span over the same
    tokens of the same Doc shares it."""
    key = (_READING, span.start, span.end)
    data: dict[Any, Any] = span.doc.user_data
    found: Reading | None = data.get(key)
    if found is None:
        found = data[key] = Reading()
    return found


def release(docs: list[Doc]) -> None:
    """Drop the records of paragraphs read to the end. A record holds its Doc's Spans and
    Tokens, which hold the Doc: the cycle left the Doc to the cyclic collector, which walked
    it at every collection until a full one freed it; without the records the Doc goes
    when its last reference does."""
    for doc in docs:
        data: dict[Any, Any] = doc.user_data
        for key in [k for k in data if isinstance(k, tuple) and k[:1] == (_READING,)]:
            del data[key]  # the Readings' keys and the Paragraph's, all under _READING


def span_text(span: Span) -> str:
    """`span.text`, cut from its paragraph's text: spaCy joins the span's tokens again at each
    `span.text`, and cronica asks for sentences' and names' texts at every turn."""
    record = paragraph(span.doc)
    text = record.text
    if text is None:
        text = record.text = span.doc.text
    return text[span.start_char : span.end_char]


def tokens_of(span: Span) -> list[Token]:
    """The Tokens of a Span, in order: spaCy makes a new Token object for each word at every
    pass over a Span, and each component passes over every sentence."""
    return _doc_tokens(span.doc)[span.start : span.end]


def _doc_tokens(doc: Doc) -> list[Token]:
    record = paragraph(doc)
    tokens = record.tokens
    if tokens is None:
        tokens = record.tokens = list(doc)
    return tokens


def children_of(token: Token) -> list[Token]:
    """`token.children` (its dependents, left to right), from a table of its paragraph made
    at the first ask: spaCy walks the token's edges and makes new Tokens at each ask."""
    record = paragraph(token.doc)
    table = record.children
    if table is None:
        doc = token.doc
        tokens = _doc_tokens(doc)
        table = [[] for _ in tokens]
        # Each token's head as an offset from it, read in one call (a root's is 0): asking
        # each token for its head makes a Token for every one of them.
        offsets = doc.to_array(HEAD).astype("int64").tolist()
        for at, offset in enumerate(offsets):
            if offset:
                table[at + offset].append(tokens[at])
        record.children = table
    return table[token.i]


def sentence_of(token: Token) -> Span:
    """`token.sent`: the paragraph's kept sentence that holds the token where there is one
    (the same Span the components read), else spaCy's (which walks the sentence's boundaries
    and makes a new Span at each `token.sent`)."""
    kept = paragraph(token.doc).sentences
    if kept:
        at = bisect_right(kept, token.i, key=lambda s: s.start) - 1
        if at >= 0 and token.i < kept[at].end:
            return kept[at]
    return token.sent


def kept_reading(span: Span) -> Reading | None:
    """The reading of `span`, or None where nothing was written (none is made)."""
    data: dict[Any, Any] = span.doc.user_data
    return data.get((_READING, span.start, span.end))


def _kept(obj: Doc | Span) -> Paragraph | Reading | None:
    """The record of a Doc or a Span, or None where nothing was written (none is made)."""
    if isinstance(obj, Doc):
        data: dict[Any, Any] = obj.user_data
        return data.get(_PARAGRAPH)
    return kept_reading(obj)


def _extension(owner: type[Doc] | type[Span], name: str) -> None:
    record = paragraph if owner is Doc else reading

    def getter(obj: Any) -> Any:
        return getattr(_kept(obj), name, None)

    def setter(obj: Any, value: Any) -> None:
        setattr(record(obj), name, value)

    if not owner.has_extension(name):
        owner.set_extension(name, getter=getter, setter=setter)


_TABLES = ("tokens", "children")  # kept for speed only: no extension shows them
DOC_EXTENSIONS = tuple(f.name for f in fields(Paragraph) if f.name not in _TABLES)
SPAN_EXTENSIONS = tuple(f.name for f in fields(Reading))
for _name in DOC_EXTENSIONS:
    _extension(Doc, _name)
for _name in SPAN_EXTENSIONS:
    _extension(Span, _name)
