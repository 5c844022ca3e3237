"""The strings a regex cannot match without: a cheap test that rules a text out before the
regex scans it.

`required_literals(source)` reads the regex's parse tree (the standard library's own parser)
and gives a set of strings such that every match of the regex contains one of them, or None
when it cannot tell (a required part that is a wide character class, an optional part, a
back-reference). It errs one way only: a set it gives is always a sound test; a text holding
none of its strings has no match. Patterns with flags inside them (`(?i:...)`) get None.
"""

from __future__ import annotations

import importlib
import re
import sys
from itertools import product
from typing import Any

# The standard library's regex parser: `re._parser` from Python 3.11, `sre_parse` before.
sre_parse: Any = importlib.import_module(
    "re._parser" if sys.version_info >= (3, 11) else "sre_parse")

MAX_STRINGS = 64  # a set larger than this tests too slowly to be worth it
MAX_CLASS = 16  # a character class of at most this many characters counts as literals

_C = sre_parse  # the parser module re-exports the opcode constants
_ZERO_WIDTH = (_C.AT, _C.ASSERT, _C.ASSERT_NOT)
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None))


class _Node:
    """What one part of a regex matches: `exact`, every string it can match (when few and
    known), else `required`, strings one of which every match holds (None: unknown)."""

    __slots__ = ("exact", "required")

    def __init__(self, exact: set[str] | None = None, required: set[str] | None = None):
        self.exact = exact
        self.required = exact if exact is not None else required


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more telling of two sets: longer shortest string, then fewer strings."""
    if a is None:
        return b
    if b is None:
        return a
    rank_a = (min(map(len, a)), -len(a))
    rank_b = (min(map(len, b)), -len(b))
    return a if rank_a >= rank_b else b


def _class(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The characters of a character class (`[ab]`, `[0-9]`), when few and all literal. A
    category (`\\d`) is not: in a str pattern it matches every script's digits."""
    chars: set[str] = set()
    for op, arg in items:
        if op is _C.LITERAL:
            chars.add(chr(arg))
        elif op is _C.RANGE and arg[1] - arg[0] < MAX_CLASS:
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:
            return None
    return chars if len(chars) <= MAX_CLASS else None


def _sequence(items: list[tuple[Any, Any]]) -> _Node:
    """A run of parts one after another: exact when every part is (its strings joined),
    else the most telling required set among its parts and its runs of exact parts."""
    best: set[str] | None = None
    joined: set[str] = {""}  # the exact strings of the current run of exact parts
    whole = True  # every part exact so far, no run cut short
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue  # a test that matches nothing: the parts around it are adjacent
        node = _item(op, arg)
        if node.exact is None:
            best = _better(_better(best, _nonempty(joined)), node.required)
            joined, whole = {""}, False
            continue
        longer = {a + b for a, b in product(joined, node.exact)}
        if len(longer) > MAX_STRINGS:  # too many: the run so far counts, a new one starts
            best = _better(best, _nonempty(joined))
            longer, whole = set(node.exact), False
        joined = longer
    if whole:
        return _Node(exact=joined)
    return _Node(required=_better(best, _nonempty(joined)))


def _nonempty(strings: set[str] | None) -> set[str] | None:
    return strings if strings and "" not in strings else None


def _item(op: Any, arg: Any) -> _Node:
    if op is _C.LITERAL:
        return _Node(exact={chr(arg)})
    if op is _C.IN:
        chars = _class(arg)
        return _Node(exact=chars) if chars is not None else _Node()
    if op is _C.SUBPATTERN:
        _group, add_flags, del_flags, pattern = arg
        if add_flags or del_flags:
            return _Node()
        return _sequence(list(pattern))
    if op is _C.BRANCH:
        alternatives = [_sequence(list(p)) for p in arg[1]]
        if all(a.exact is not None for a in alternatives):
            union = set().union(*(a.exact or set() for a in alternatives))
            return _Node(exact=union) if len(union) <= MAX_STRINGS else _Node()
        if any(a.required is None for a in alternatives):
            return _Node()
        union = set().union(*(a.required or set() for a in alternatives))
        return _Node(required=_nonempty(union) if len(union) <= MAX_STRINGS else None)
    if op in _REPEATS:
        low, high, pattern = arg
        inner = _sequence(list(pattern))
        if low == 0:
            return _Node()
        if low == high == 1:
            return inner
        return _Node(required=inner.required)
    return _Node()  # AT, ASSERT(_NOT), ANY, NOT_LITERAL, CATEGORY, GROUPREF, ...


def required_literals(source: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which every match of regex `source` holds, None when it cannot tell
    (see the module's docstring). Case-insensitive patterns get None."""
    if flags & re.IGNORECASE:
        return None
    tree = sre_parse.parse(source, flags)
    if tree.state.flags & re.IGNORECASE:
        return None
    found = _sequence(list(tree)).required
    return frozenset(found) if found else None


def needs_digit(source: str, flags: int = 0) -> bool:
    """Whether every match of regex `source` holds a decimal digit: a part that must match
    once or more is a digit (`\\d`, or a class or literal of the digits 0-9 only), or a
    group or a choice every branch of which needs one. A text with no digit has no match."""
    return _needs_digit(list(sre_parse.parse(source, flags)))


def _needs_digit(items: list[tuple[Any, Any]]) -> bool:
    return any(_digit_part(op, arg) for op, arg in items if op not in _ZERO_WIDTH)


def _digit_part(op: Any, arg: Any) -> bool:
    if op is _C.LITERAL:
        return ord("0") <= arg <= ord("9")
    if op is _C.IN:
        return bool(arg) and all(
            (o is _C.CATEGORY and a is _C.CATEGORY_DIGIT)
            or (o is _C.LITERAL and ord("0") <= a <= ord("9"))
            or (o is _C.RANGE and ord("0") <= a[0] and a[1] <= ord("9")) for o, a in arg)
    if op is _C.SUBPATTERN:
        return _needs_digit(list(arg[3]))
    if op is _C.BRANCH:
        return all(_needs_digit(list(p)) for p in arg[1])
    if op in _REPEATS:
        return arg[0] >= 1 and _needs_digit(list(arg[2]))
    return False


_DIGIT = re.compile(r"\d")


def literal_test(source: str, flags: int = 0) -> re.Pattern[str] | None:
    """A regex finding any of `required_literals(source)`: a text where it finds nothing
    has no match of `source`; None when there is no such set."""
    found = required_literals(source, flags)
    if found is None:
        return None
    return re.compile("|".join(re.escape(s) for s in sorted(found, key=(lambda s: (-len(s), s)))))


class LiteralGate:
    """Which of several regexes may match a text, by the strings each requires
    (`required_literals`): each string is looked up in the text once, with `in`, for all
    the regexes requiring it, where `literal_test` gives each regex an alternation to scan
    the text with; the strings tell what those tests tell. A regex with no set of strings
    (None given, or `required_literals` None) may match wherever its digit allows: one that
    `needs_digit` is left out of a text with no digit, whatever its strings say."""

    def __init__(self, sources: list[str | None]) -> None:
        strings = {i: required_literals(s) if s is not None else None
                   for i, s in enumerate(sources)}
        self.always = frozenset(i for i, found in strings.items() if not found or "" in found)
        holders: dict[str, set[int]] = {}
        for i, found in strings.items():
            for string in found if i not in self.always and found else ():
                holders.setdefault(string, set()).add(i)
        self.holders = [(string, frozenset(regexes)) for string, regexes in holders.items()]
        self.digits = frozenset(i for i, s in enumerate(sources)
                                if s is not None and needs_digit(s))

    def possible(self, text: str) -> frozenset[int]:
        """The indexes of the regexes that may match `text`: all but those whose test
        finds none of their strings in it, and those that need a digit where it has none."""
        found = self.always
        for string, regexes in self.holders:
            if string in text:
                found = found | regexes
        if self.digits and _DIGIT.search(text) is None:
            found = found - self.digits
        return found
