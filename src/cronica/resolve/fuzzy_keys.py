"""The best fuzzy match of a mention key among fixed alias keys, scored in one rapidfuzz call
for all of them (what scoring them one by one in a loop gives, at a fraction of the cost).

Keys are name keys: lower-case ASCII letters, digits and single spaces (`text.name_key`)."""

from __future__ import annotations

import string

import numpy as np
from rapidfuzz import fuzz, process

_ALPHABET = {c: n for n, c in enumerate(string.ascii_lowercase + string.digits + " ")}


def _counts(text: str) -> np.ndarray:
    """How often each letter of the key alphabet occurs in `text` (others are not counted)."""
    counts = np.zeros(len(_ALPHABET), dtype=np.int64)
    for c in text:
        n = _ALPHABET.get(c)
        if n is not None:
            counts[n] += 1
    return counts


class FuzzyKeys:
    """Alias keys in match order, with their lengths and letter counts."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self.lengths = np.array([len(k) for k in keys], dtype=np.int64)
        self.letters = np.array([_counts(k) for k in keys], dtype=np.int64).reshape(
            len(keys), len(_ALPHABET))
        self.whole = self.lengths == self.letters.sum(axis=1)  # every letter counted

    def scores(self, key: str, cutoff: float = 0.0) -> np.ndarray:
        """Each alias key's score against `key`: the ratio, or the partial ratio of the alias
        within a longer key where that is higher; a score under `cutoff` is 0 (rapidfuzz
        then stops early, and a partial ratio that cannot reach it is not worked out)."""
        if not self.keys:
            return np.zeros(0, dtype=np.float64)
        scores = process.cdist([key], self.keys, scorer=fuzz.ratio, dtype=np.float64,
                               score_cutoff=cutoff)[0]
        shorter = self.lengths < len(key)
        if cutoff > 0:
            # The partial ratio of an alias of n letters sharing at most m letters (with
            # repeats) with the key is at most 200 m / (n + m): any window of the key holds
            # at most those m, and the ratio of a window is 200 * LCS / (n + window length).
            shared = np.minimum(self.letters, _counts(key)).sum(axis=1)
            bound = 200.0 * shared / np.maximum(self.lengths + shared, 1)
            shorter &= ~self.whole | (bound >= cutoff - 1e-6)
        at = np.flatnonzero(shorter)
        if at.size:
            partial = process.cdist([self.keys[i] for i in at], [key],
                                    scorer=fuzz.partial_ratio, dtype=np.float64,
                                    score_cutoff=cutoff)[:, 0]  # 0 under the cutoff
            scores[at] = np.maximum(scores[at], partial)
        return scores

    def best(self, key: str, threshold: float, allowed: list[bool] | None = None) -> int | None:
        """The index of the first alias (of those `allowed`, default all) with the highest
        score, at least `threshold`; None when none reaches it."""
        scores = self.scores(key, threshold)
        if allowed is not None:
            scores = np.where(np.array(allowed, dtype=bool), scores, -1.0)
        if not scores.size:
            return None
        top = int(np.argmax(scores))
        return top if scores[top] >= threshold else None
