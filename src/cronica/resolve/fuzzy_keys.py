"""The best fuzzy match of a mention key among fixed alias keys, scored in one rapidfuzz call
for all of them (what scoring them one by one in a loop gives, at a fraction of the cost)."""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process


class FuzzyKeys:
    """Alias keys in match order, with their lengths."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self.lengths = np.array([len(k) for k in keys], dtype=np.int64)

    def scores(self, key: str) -> np.ndarray:
        """Each alias key's score against `key`: the ratio, or the partial ratio of the alias
        within a longer key where that is higher."""
        if not self.keys:
            return np.zeros(0, dtype=np.float64)
        scores = process.cdist([key], self.keys, scorer=fuzz.ratio, dtype=np.float64)[0]
        shorter = np.flatnonzero(self.lengths < len(key))
        if shorter.size:
            partial = process.cdist([self.keys[i] for i in shorter], [key],
                                    scorer=fuzz.partial_ratio, dtype=np.float64)[:, 0]
            scores[shorter] = np.maximum(scores[shorter], partial)
        return scores

    def best(self, key: str, threshold: float, allowed: list[bool] | None = None) -> int | None:
        """The index of the first alias (of those `allowed`, default all) with the highest
        score, at least `threshold`; None when none reaches it."""
        scores = self.scores(key)
        if allowed is not None:
            scores = np.where(np.array(allowed, dtype=bool), scores, -1.0)
        if not scores.size:
            return None
        top = int(np.argmax(scores))
        return top if scores[top] >= threshold else None
