"""The unit of a figure when it counts something other than persons ("3.000 familias" ->
"families"), read from the word after the figure in its sentence (data/count_units.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache

from cronica.datafiles import load_yaml
from cronica.record import Quantity
from cronica.text import name_key

_WORD = re.compile(r"\s*([^\W\d_]+)", re.UNICODE)


@lru_cache(maxsize=1)
def _units() -> dict[str, str]:
    table = load_yaml("count_units.yaml") or {}
    return {name_key(word): unit for unit, words in table.items() for word in words}


def unit_of(quantity: Quantity, sentence: str) -> str | None:
    """"families", "households"… when the word after the quantity's text in `sentence` names a
    non-person unit; None for persons (the default) or when the figure is not found."""
    if not quantity.text:
        return None
    at = sentence.find(quantity.text)
    if at < 0:
        return None
    match = _WORD.match(sentence, at + len(quantity.text))
    return _units().get(name_key(match.group(1))) if match else None


def figure(quantity: Quantity, sentence: str) -> str:
    """A figure as people read it: "~3000 families", "12"."""
    unit = unit_of(quantity, sentence)
    text = f"{'~' if quantity.approx else ''}{quantity.value}"
    return f"{text} {unit}" if unit else text
