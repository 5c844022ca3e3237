"""No module outside ``cronica.lang`` (and ``cronica.evaluate``, whose gold data is per
language) holds a word of a language pack's ``words.yaml``: string constants are scanned with
``ast``, docstrings, message fragments and data keys left out."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cronica
from cronica.lang import packs
from cronica.text import fold

SRC = Path(cronica.__file__).parent
SKIPPED = ("lang", "evaluate")

# Constants that spell a pack word but mean something else: (module, constant) -> what it is.
NOT_WORDS: dict[tuple[str, str], str] = {
    ("cronica/export/acled_csv.py", "notes"): "an ACLED column",
    ("cronica/export/flat.py", "notes"): "an ACLED column",
    ("cronica/acled/rows.py", "notes"): "an ACLED column",
    ("cronica/store/duckdb_store.py", "note"): "a column of the reviews table",
    ("cronica/resolve/places/mention.py", "near"): "a location precision label",
    ("cronica/events/place_of.py", "near"): "a key of the places lexicon (places.yaml)",
    ("cronica/serve/query.py", "as"): "SQL: CAST(… AS DATE)",
    ("cronica/serve/query.py", "end"): "SQL: CASE … END",
    ("cronica/serve/routes.py", "es"): "a language code in the API's example request",
    ("cronica/serve/routes.py", "since"): "an API parameter name",
    ("cronica/serve/routes.py", "until"): "an API parameter name",
    ("cronica/store/queries.py", "after"): "a column of the reviews table",
    ("cronica/store/queries.py", "before"): "a column of the reviews table",
    ("cronica/store/queries.py", "note"): "a column of the reviews table",
    ("cronica/store/reviews.py", "after"): "a column of the reviews table",
    ("cronica/store/reviews.py", "before"): "a column of the reviews table",
    ("cronica/store/reviews.py", "note"): "a column of the reviews table",
    ("cronica/events/build.py", "wounded"): "a quantity kind",
    ("cronica/events/build.py", "surrendered"): "a quantity kind",
    ("cronica/events/quantities.py", "wounded"): "a quantity kind",
    ("cronica/events/tolls.py", "wounded"): "a quantity kind",
    ("cronica/resolve/numbers.py", "captured"): "a quantity kind",
    ("cronica/resolve/numbers.py", "surrendered"): "a quantity kind",
    ("cronica/resolve/numbers.py", "wounded"): "a quantity kind",
    ("cronica/documents/sniff.py", "head"): "an HTML element",
    ("cronica/documents/webpage.py", "head"): "an HTML element",
}
# Words still held by modules their owners have not moved to the packs yet: (module, word).
# Remove an entry when its module asks the pack instead.
PENDING: set[tuple[str, str]] = {
    ("cronica/resolve/places/geocode.py", "es"),  # a default language: `lang: str = "es"`
    ("cronica/documents/zones/cues.py", "de"),  # a date regex: "3 de marzo"
}

_GROUP_NAME = re.compile(r"\(\?P<\w+>|\\[a-zA-Z]")
_REGEX_SYNTAX = re.compile(r"[|()?:*+^$\[\]{}\\<>!=]+")


def _leaves(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):  # a table of words ("del" -> "de"): both sides are words
        for key, item in value.items():
            yield from _leaves(key)
            yield from _leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)


def pack_words() -> set[str]:
    """Every string in every pack's words.yaml groups, folded; single letters left out (too
    often a regex piece, a label or an abbreviation to mean a word)."""
    found = set()
    for lang_pack in packs().values():
        for group in lang_pack.lexicon("words").values():
            found |= {fold(w) for w in _leaves(group) if len(w.strip()) > 1}
    return found


def _not_words(tree: ast.AST) -> set[int]:
    """Constants that are not text: docstrings, keys looked up in data (``d["x"]``,
    ``d.get("x")``) and f-string message fragments that are not regex alternations."""
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            ids.add(id(node.slice))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("get", "setdefault", "pop")
            and node.args
        ):
            ids.add(id(node.args[0]))
        elif isinstance(node, ast.JoinedStr):
            ids |= {
                id(v)
                for v in node.values
                if isinstance(v, ast.Constant) and "|" not in str(v.value)
            }
    return ids


def _pieces(text: str) -> set[str]:
    """The constant itself and, for a regex or an alternation, each literal run in it and
    each word of those runs."""
    pieces = {fold(text)}
    if "|" in text:
        for run in _REGEX_SYNTAX.split(_GROUP_NAME.sub(" ", text)):
            pieces.add(fold(run))
            pieces |= {fold(w) for w in run.split()}
    return {" ".join(p.split()) for p in pieces}


def words_in_source(source: str, words: set[str]) -> set[str]:
    """The pack words that string constants of `source` are, or (phrases) contain."""
    tree = ast.parse(source)
    skip = _not_words(tree)
    phrases = {w for w in words if " " in w}
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        if id(node) in skip or node.value.isupper():  # SQL keywords, labels ("COMMIT", "ADP")
            continue
        found |= _pieces(node.value) & words
        folded = fold(node.value)
        found |= {p for p in phrases  # whole words: "at times" is not in "x_at TIMESTAMP"
                  if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", folded)}
    return found


def test_pack_words_hold_the_function_words() -> None:
    words = pack_words()
    assert {"por", "by", "de", "of", "the", "cerca de", "citation needed"} <= words
    assert not {w for w in words if len(w) < 2}


def test_the_scan_finds_words_in_sets_regexes_and_phrases() -> None:
    source = (
        'PREPS = {"por", "by"}\n'
        'RX = r"(?:in|En)\\s+(?P<x>\\w+)"\n'
        'LABELS = r"cita requerida|dubious"\n'
        'def f(t):\n    """Not scanned: por, by."""\n'
        '    return t.text == "Never" or d["the"] or d.get("of") or f"no {t} column"\n'
    )
    assert words_in_source(source, pack_words()) == {
        "por", "by", "in", "en", "cita", "cita requerida", "dubious", "never",
    }


def test_no_module_outside_the_packs_holds_a_pack_word() -> None:
    words = pack_words()
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if path.relative_to(SRC).parts[0] in SKIPPED:
            continue
        module = str(path.relative_to(SRC.parent))
        for word in sorted(words_in_source(path.read_text(encoding="utf-8"), words)):
            if (module, word) not in PENDING and (module, word) not in NOT_WORDS:
                offenders.append(f"{module}: {word!r}")
    assert not offenders, "words that belong in a language pack:\n" + "\n".join(offenders)
