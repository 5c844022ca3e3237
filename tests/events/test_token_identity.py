"""Tokens are compared by position, never by identity: a parsed Doc makes a new Token at
each access, so a root's `.head` is an equal Token but not the same object, and a rule
that looks for the root with `token.head is token` never finds it."""

from __future__ import annotations

import ast
from pathlib import Path

import cronica
from cronica.components.nlp import load_model

SRC = Path(cronica.__file__).parent


def test_a_parsed_root_is_its_own_head_by_position_only() -> None:
    doc = load_model("es")("El Ejército bombardeó la ciudad.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.head.i == root.i and root.head == root
    assert root.head is not root  # why the rules compare `.i`


def _identity_on_head(tree: ast.AST) -> list[int]:
    """Lines comparing `x.head` with `is` / `is not`."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(
            isinstance(op, ast.Is | ast.IsNot) for op in node.ops
        ):
            sides = [node.left, *node.comparators]
            if any(isinstance(s, ast.Attribute) and s.attr == "head" for s in sides):
                found.append(node.lineno)
    return found


def test_no_rule_compares_a_head_by_identity() -> None:
    offenders = {
        str(path.relative_to(SRC)): lines
        for path in sorted(SRC.rglob("*.py"))
        if (lines := _identity_on_head(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert offenders == {}
