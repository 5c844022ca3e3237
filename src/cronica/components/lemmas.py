"""The model's rule lemmatizer, with each word's lemma remembered by what decides it.

spaCy's rule lemmatizers (Spanish, English) keep a cache, but reach it through a Python
Token per word, its morphology written out as a string and the lemma set back one Token at
a time: a tenth of the model's time on news. A word's rule lemma depends only on its form,
part of speech, morphology and (for closed classes) whether it starts a sentence, so this
component reads those as one array per paragraph, looks each combination up, asks the
lemmatizer only for combinations not seen before and writes the lemmas back as one array.
The lemmas are the lemmatizer's own, token for token.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS, SENT_START  # type: ignore[import-not-found]
from spacy.language import Language
from spacy.tokens import Doc

FACTORY = "cronica_remembered_lemmas"
MODEL_PIPE = "lemmatizer"  # the model's component this one takes the place of
DECIDING = [ORTH, POS, MORPH, SENT_START]  # what a rule lemma depends on, then LEMMA
MAX_REMEMBERED = 100_000  # combinations kept before starting afresh (about 25 MB at most)


class RememberedLemmas:
    """The model's lemmatizer (`lemmatizer`) behind a table of the lemmas it gave."""

    def __init__(self) -> None:
        self.lemmatizer: Any = None  # spacy.pipeline.Lemmatizer, set by `remember_lemmas`
        self.lemmas: dict[tuple[int, ...], int] = {}
        self._checked = False

    def __call__(self, doc: Doc) -> Doc:
        if not self._checked or len(doc) == 0:  # the lemmatizer checks its tables at its
            self._checked = True  # first call: let it
            return self.lemmatizer(doc)
        rows = doc.to_array([*DECIDING, LEMMA]).tolist()
        keep = not self.lemmatizer.overwrite  # a lemma already set (attribute ruler) stays
        strings = doc.vocab.strings
        lemmas = self.lemmas
        out = []
        for i, (*deciding, lemma) in enumerate(rows):
            if keep and lemma:
                out.append(lemma)
                continue
            key = tuple(deciding)
            found = lemmas.get(key)
            if found is None:
                if len(lemmas) >= MAX_REMEMBERED:
                    lemmas.clear()
                found = lemmas[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            out.append(found)
        lemma_column: Any = numpy.array(out, dtype="uint64").reshape(-1, 1)
        doc.from_array([LEMMA], lemma_column)
        return doc


@Language.factory(FACTORY)
def make_remembered_lemmas(nlp: Language, name: str) -> RememberedLemmas:
    """An empty RememberedLemmas; `remember_lemmas` gives it the model's lemmatizer."""
    return RememberedLemmas()


def remember_lemmas(nlp: Language) -> None:
    """Put RememberedLemmas in the place (and under the name) of the model's rule
    lemmatizer; a model without one, or with a lemmatizer of another mode, is left as is."""
    if MODEL_PIPE not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe(MODEL_PIPE)
    if getattr(lemmatizer, "mode", None) != "rule":
        return
    index_as_sets(lemmatizer)
    remembered = nlp.replace_pipe(MODEL_PIPE, FACTORY)
    assert isinstance(remembered, RememberedLemmas)
    remembered.lemmatizer = lemmatizer


class WordSet(list[str]):
    """A lemmatizer's word list that answers `in` from a set (spaCy's rule lemmatizers
    test candidate lemmas against lists of tens of thousands of words, one by one)."""

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self._set = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self._set


def index_as_sets(lemmatizer: Any) -> None:
    """The lemmatizer's `lemma_index` lists answering `in` from sets (see WordSet)."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list) and not isinstance(words, WordSet):
            table[key] = WordSet(words)
