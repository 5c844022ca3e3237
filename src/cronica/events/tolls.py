"""Cumulative tolls: a death count over a span of days is not one event.

"Más de 300 muertos desde el lunes", "X people have been killed since the start of the
offensive", "han muerto en lo que va de año": the count's clause has a span that opens with one
of the pack's `cumulative_spans` (words.yaml), or names several days ("between 11 and 13
October"). The trigger of that clause (the death verb, or a
nominal it governs: "en la batalla") reports no event of its own; a count of that kind attached
to another trigger is no figure of that event.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from cronica.events.syntax import PLACE_LABELS, words
from cronica.readings import children_of, reading
from cronica.record import Quantity
from cronica.text import fold

CLAUSE_DEPTH = 4  # how far up from a count its clause (verb, or the root) may be
TRIGGER_DEPTH = 2  # how far below the clause a nominal trigger may hang ("en el marco de X")
TOLL_KINDS = ("killed", "wounded")
RANGE_DEPS = ("prep", "obl", "nmod", "npadvmod", "obl:tmod", "advmod", "pobj")  # modifier phrases


@dataclass
class Tolls:
    """The cumulative counts of a sentence: their token indices and their clauses' tokens."""

    counts: set[int] = field(default_factory=set)
    clauses: set[int] = field(default_factory=set)  # count -> clause head path, token indices

    def holds(self, trigger: Token) -> bool:
        """The trigger is the toll's own clause, or a nominal attached to it."""
        current = trigger
        for step in range(TRIGGER_DEPTH + 1):
            if current.i in self.clauses:
                return True
            if current.head.i == current.i or (step and current.pos_ in ("VERB", "AUX")):
                return False  # the root, or another clause
            current = current.head
        return False


def _opens_with_marker(child: Token, markers: frozenset[str]) -> bool:
    """The child's phrase opens with a marker and names no place ("desde Turquía")."""
    if child.pos_ == "PROPN" and child.ent_type_ in PLACE_LABELS:
        return False
    text = " ".join(fold(t.text) for t in child.doc[child.left_edge.i : child.right_edge.i + 1])
    return any(text == m or text.startswith(m + " ") for m in markers)


def _clause_path(count: Token) -> list[Token]:
    """The count's token and its heads up to its verb (or the root)."""
    path = [count]
    current = count
    for _ in range(CLAUSE_DEPTH):
        if current.head.i == current.i or current.pos_ in ("VERB", "AUX"):
            break
        current = current.head
        path.append(current)
    return path


def cumulative_tolls(span: Span, lang: str, found: list[tuple[int, Quantity]]) -> Tolls:
    """The counts of `span` (death or injury) whose clause runs over a span of days."""
    markers = words(lang, "cumulative_spans")
    tolls = Tolls()
    if not markers:
        return tolls
    doc = span.doc
    ranges = _range_heads(span)
    for at, quantity in found:
        if quantity.kind not in TOLL_KINDS:
            continue
        path = _clause_path(doc[at])
        on_path = {t.i for t in path}
        if any(
            _opens_with_marker(child, markers) or _names_range(child, ranges)
            for node in path
            for child in children_of(node)
            if child.i not in on_path
        ):
            tolls.counts.add(at)
            tolls.clauses.update(on_path)
    return tolls


def _names_range(child: Token, ranges: set[int]) -> bool:
    """The child is a modifier phrase holding a head of several days ("during 8 to 9 October",
    "entre el 8 y el 9 de octubre")."""
    return child.dep_ in RANGE_DEPS and any(
        child.left_edge.i <= at <= child.right_edge.i for at in ranges
    )


def _range_heads(span: Span) -> set[int]:
    """The tokens that head a phrase of the sentence naming several days ("between 11 and 13
    October", "entre el 24 y el 28 de febrero"): a count in that clause is a multi-day toll."""
    heads: set[int] = set()
    for m in reading(span).times or []:
        if m.day2 is None or m.day2 == m.day:
            continue
        chars = span.char_span(m.start, m.end, alignment_mode="expand")
        if chars is not None:
            heads.update(t.i for t in chars if t.head.i < chars.start or t.head.i >= chars.end)
    return heads
