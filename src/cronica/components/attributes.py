"""The model's attribute ruler, with its rules filed under the values they test.

spaCy's attribute ruler runs every rule's pattern at every token (its Matcher) and sets each
match through a Span: the English model's 179 rules cost a fifth of the model's time on
Wikipedia text. Its rules are short fixed token patterns of plain values, `IN`, `NOT_IN` and
`REGEX` tests; here each rule is filed under the values its first token must have, so a
token is tested only against the rules filed under its own values, and the attributes are
set in the ruler's order (a later rule wins), token by token, as spaCy sets them. A ruler
with a pattern of another kind (operators, extensions, other attributes) is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import IDS  # type: ignore[import-not-found]
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

FACTORY = "cronica_indexed_attributes"
MODEL_PIPE = "attribute_ruler"  # the model's component this one takes the place of
TESTED = ("LOWER", "ORTH", "NORM", "LEMMA", "TAG", "DEP", "POS", "SHAPE", "IS_SPACE",
          "IS_PUNCT", "IS_ALPHA", "IS_DIGIT")  # filing prefers the first (the most telling)
SET = ("TAG", "POS", "MORPH", "LEMMA", "DEP")
_MORPH, _TAG, _POS, _LEMMA = IDS["MORPH"], IDS["TAG"], IDS["POS"], IDS["LEMMA"]


@dataclass(frozen=True)
class Test:
    """One attribute of one token: its value among `values` (or not, `negated`), or its
    string matching `regex`."""

    column: int
    values: frozenset[int] = frozenset()
    negated: bool = False
    regex: re.Pattern[str] | None = None

    def passes(self, row: list[int], strings: Any) -> bool:
        value = row[self.column]
        if self.regex is not None:
            return self.regex.search(strings[value]) is not None
        return (value in self.values) != self.negated


@dataclass
class Rule:
    """A pattern of the ruler: the tests of each of its tokens, the token it sets (`target`,
    from its start) and what it sets (attribute id, value), in the ruler's order. `rest`:
    its tests but the one it is filed under (that one passes where it is found)."""

    order: int
    tokens: list[list[Test]]
    target: int
    sets: list[tuple[int, int]]
    rest: list[tuple[int, Test]] = field(default_factory=list)  # (token offset, test)


@dataclass
class Rules:
    """The rules filed by (column, value) of a test of their first token; `unfiled`: rules
    whose first token has no test of plain values."""

    columns: list[int | str]  # the attribute ids read, one column each
    filed: dict[tuple[int, int], list[Rule]] = field(default_factory=dict)
    unfiled: list[Rule] = field(default_factory=list)
    filing_columns: list[int] = field(default_factory=list)
    sets: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # by rule order


class IndexedAttributes:
    """The model's attribute ruler's rules (`rules`), applied through their filing."""

    def __init__(self) -> None:
        self.rules = Rules([])

    def __call__(self, doc: Doc) -> Doc:
        rules = self.rules
        if not len(doc) or not rules.columns:
            return doc
        rows = doc.to_array(rules.columns).tolist()
        strings = doc.vocab.strings
        hits: set[tuple[int, int, int]] = set()
        filed, unfiled, none = rules.filed, rules.unfiled, ()
        for start, row in enumerate(rows):
            candidates = [rule for column in rules.filing_columns
                          for rule in filed.get((column, row[column]), none)]
            for rule in (*unfiled, *candidates) if unfiled else candidates:
                if start + len(rule.tokens) > len(rows):
                    continue
                for offset, test in rule.rest:
                    if not test.passes(rows[start + offset], strings):
                        break
                else:
                    hits.add((rule.order, start, start + rule.target))
        for order, _start, target in sorted(hits):
            token = doc[target]
            for attr, value in rules.sets[order]:
                _set(token, attr, value)
        return doc


def _set(token: Any, attr: int, value: int) -> None:
    """What spaCy's `set_token_attrs` does for these attributes (a token's struct field)."""
    if attr == _TAG:
        token.tag = value
    elif attr == _POS:
        token.pos = value
    elif attr == _MORPH:
        token.set_morph(value)
    elif attr == _LEMMA:
        token.lemma = value
    else:
        token.dep = value


@Language.factory(FACTORY)
def make_indexed_attributes(nlp: Language, name: str) -> IndexedAttributes:
    """An empty IndexedAttributes; `index_attributes` gives it the model's rules."""
    return IndexedAttributes()


def read_rules(ruler: Any) -> Rules | None:
    """The rules of a spaCy AttributeRuler, filed; None when one is of a kind not handled
    here (see the module's docstring)."""
    strings = ruler.vocab.strings
    columns: list[int | str] = []
    rules: list[tuple[Rule, list[Test]]] = []

    def column(name: str) -> int:
        attr = IDS[name]
        if attr not in columns:
            columns.append(attr)
        return columns.index(attr)

    for order, (entry, attrs, index) in enumerate(zip(ruler.patterns, ruler.attrs,
                                                      ruler.indices, strict=True)):
        if not set(attrs) <= {IDS[a] for a in SET}:
            return None
        sets = [(int(a), int(v)) for a, v in attrs.items()]
        for pattern in entry["patterns"]:
            if not pattern or not -len(pattern) <= index < len(pattern):
                return None
            tokens: list[list[Test]] = []
            for spec in pattern:
                tests = [_test(name, value, column(name.upper()), strings)
                         for name, value in spec.items() if name.upper() in TESTED]
                if len(tests) != len(spec) or None in tests:
                    return None
                tokens.append([t for t in tests if t is not None])
            rule = Rule(order, tokens, index % len(pattern), sets)
            rules.append((rule, tokens[0]))
    out = Rules(columns)
    for name in TESTED:
        at = columns.index(IDS[name]) if IDS[name] in columns else None
        if at is not None:
            out.filing_columns.append(at)
    for rule, first in rules:
        out.sets[rule.order] = rule.sets
        plain = [t for t in first if t.regex is None and not t.negated]
        test = min(plain, key=lambda t: out.filing_columns.index(t.column)) if plain else None
        rule.rest = [(n, t) for n, tests in enumerate(rule.tokens) for t in tests
                     if not (n == 0 and t is test)]
        if test is None:
            out.unfiled.append(rule)
            continue
        for value in test.values:
            out.filed.setdefault((test.column, value), []).append(rule)
    return out


def _test(name: str, value: Any, column: int, strings: Any) -> Test | None:
    """A token pattern's test of one attribute, as spaCy's Matcher reads it."""
    if isinstance(value, bool):
        return Test(column, frozenset({int(value)}))
    if isinstance(value, str):
        return Test(column, frozenset({int(strings.add(value))}))
    if isinstance(value, int):
        return Test(column, frozenset({value}))
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (operator, argument), = value.items()
    if operator == "REGEX" and isinstance(argument, str):
        return Test(column, regex=re.compile(argument))
    if operator in ("IN", "NOT_IN") and isinstance(argument, list) and all(
            isinstance(v, (str, int)) and not isinstance(v, bool) for v in argument):
        ids = frozenset(int(get_string_id(v)) if isinstance(v, str) else v for v in argument)
        return Test(column, ids, negated=operator == "NOT_IN")
    return None


def index_attributes(nlp: Language) -> None:
    """Put IndexedAttributes in the place (and under the name) of the model's attribute
    ruler when every rule of it is of a kind handled here; else leave the ruler."""
    if MODEL_PIPE not in nlp.pipe_names:
        return
    rules = read_rules(nlp.get_pipe(MODEL_PIPE))
    if rules is None:
        return
    indexed = nlp.replace_pipe(MODEL_PIPE, FACTORY)
    assert isinstance(indexed, IndexedAttributes)
    indexed.rules = rules
