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
    """Alias keys in match order; by length (shortest first) with their letter counts, so
    that a look-up scores only the aliases whose length can reach the cutoff."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        lengths = np.array([len(k) for k in keys], dtype=np.int64)
        self.order = np.argsort(lengths, kind="stable")  # match-order index, by length
        # The rest by length: lengths, keys, letter counts, whether every letter is counted.
        self._lengths = lengths[self.order]
        self._keys = [keys[i] for i in self.order]
        self._letters = np.array([_counts(k) for k in self._keys], dtype=np.int64).reshape(
            len(keys), len(_ALPHABET))
        self._whole = self._lengths == self._letters.sum(axis=1)

    def scores(self, key: str, cutoff: float = 0.0) -> np.ndarray:
        """Each alias key's score against `key`: the ratio, or the partial ratio of the alias
        within a longer key where that is higher; a score under `cutoff` is 0 (rapidfuzz
        then stops early, and an alias that cannot reach it is not scored)."""
        scores = np.zeros(len(self.keys), dtype=np.float64)
        if not self.keys:
            return scores
        n, lo, hi = len(key), 0, len(self.keys)
        if 0 < cutoff < 200:
            # The ratio, 200 * LCS / (m + n) for an alias of m letters, is at most
            # 200 * min(m, n) / (m + n): it reaches the cutoff c only for m between
            # c n / (200 - c) and n (200 - c) / c.
            lo = int(np.searchsorted(self._lengths, n * cutoff / (200 - cutoff) - 1e-6))
            hi = int(np.searchsorted(self._lengths, n * (200 - cutoff) / cutoff + 1e-6,
                                     side="right"))
        if hi > lo:
            scores[self.order[lo:hi]] = process.cdist(
                [key], self._keys[lo:hi], scorer=fuzz.ratio, dtype=np.float64,
                score_cutoff=cutoff)[0]
        shorter = int(np.searchsorted(self._lengths, n))  # the aliases shorter than the key
        at = np.arange(shorter)
        if cutoff > 0 and shorter:
            # The partial ratio of an alias of m letters sharing at most s letters (with
            # repeats) with the key is at most 200 s / (m + s): any window of the key holds
            # at most those s, and the ratio of a window is 200 * LCS / (m + window length).
            shared = np.minimum(self._letters[:shorter], _counts(key)).sum(axis=1)
            bound = 200.0 * shared / np.maximum(self._lengths[:shorter] + shared, 1)
            at = np.flatnonzero(~self._whole[:shorter] | (bound >= cutoff - 1e-6))
        if at.size:
            partial = process.cdist([self._keys[i] for i in at], [key],
                                    scorer=fuzz.partial_ratio, dtype=np.float64,
                                    score_cutoff=cutoff)[:, 0]  # 0 under the cutoff
            where = self.order[at]
            scores[where] = np.maximum(scores[where], partial)
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
