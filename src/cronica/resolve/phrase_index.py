"""Which of many phrases may occur in a text, found through the words they need instead of
testing each: a phrase (a name key) occurs on word boundaries only where its first word is a
word of the text's key; an acronym of letters and digits only where it is a whole letter run
of the text. Acronyms with other characters are always tried."""

from __future__ import annotations

import re

from cronica.text import to_ascii

_ALNUM_RUN = re.compile(r"[A-Za-z0-9]+")


class PhraseIndex:
    """Phrases by number, in the order given."""

    def __init__(self, phrases: list[tuple[str, str | None]]) -> None:
        """`phrases`: (key, acronym) each, the acronym as written (None for a phrase)."""
        self.by_word: dict[str, list[int]] = {}
        self.by_run: dict[str, list[int]] = {}
        self.always: list[int] = []
        for n, (key, acronym) in enumerate(phrases):
            if acronym is not None:
                ascii_text = to_ascii(acronym)
                if _ALNUM_RUN.fullmatch(ascii_text):
                    self.by_run.setdefault(ascii_text, []).append(n)
                else:
                    self.always.append(n)
            else:
                self.by_word.setdefault(key.split(" ")[0], []).append(n)

    def candidates(self, text: str, key: str) -> list[int]:
        """The numbers (ascending) of the phrases that may occur in `text` (`key`: its name
        key, words separated by single spaces); every phrase that occurs is among them."""
        chosen = set(self.always)
        for word in set(key.split(" ")):
            chosen.update(self.by_word.get(word, ()))
        for run in set(_ALNUM_RUN.findall(to_ascii(text or ""))):
            chosen.update(self.by_run.get(run, ()))
        return sorted(chosen)
