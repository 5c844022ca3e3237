"""The best fuzzy match of a mention key among fixed alias keys, scored in one rapidfuzz call
for all of them (what scoring them one by one in a loop gives, at a fraction of the cost).

Keys are name keys: lower-case ASCII letters, digits and single spaces (`text.name_key`)."""

from __future__ import annotations

import math
import string
from collections import Counter

import numpy as np
from rapidfuzz import fuzz, process

from cronica.resolve.places.index import bigrams

_ALPHABET = {c: n for n, c in enumerate(string.ascii_lowercase + string.digits + " ")}


def _counts(text: str) -> np.ndarray:
    """How often each letter of the key alphabet occurs in `text` (others are not counted)."""
    counts = np.zeros(len(_ALPHABET), dtype=np.int64)
    for c in text:
        n = _ALPHABET.get(c)
        if n is not None:
            counts[n] += 1
    return counts


def _least_kept(m: int, cutoff: float) -> float:
    """The fewest two-letter positions of an alias of m letters that a window of a longer key
    must hold for a partial ratio of `cutoff` (infinite when none can reach it).

    A window of w letters (1 to m) scores 200 * LCS / (m + w), so it reaches the cutoff only
    with LCS >= cutoff * (m + w) / 200 (a whole number, at most w). The alignment keeps every
    two-letter position of the alias but those next to an unmatched alias letter (two each)
    and those split by an unmatched window letter (one each): at least 3 LCS - m - w - 1,
    each a string the key holds."""
    least = math.inf
    for w in range(1, m + 1):
        lcs = math.ceil(cutoff * (m + w) / 200 - 1e-6)
        if lcs <= w:
            least = min(least, 3 * lcs - m - w - 1)
    return least


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
        # Each two-letter string's aliases (their places by length) and how often each holds it.
        pairs: dict[str, tuple[list[int], list[float]]] = {}
        for place, alias in enumerate(self._keys):
            for pair, count in Counter(alias[i:i + 2] for i in range(len(alias) - 1)).items():
                held = pairs.setdefault(pair, ([], []))
                held[0].append(place)
                held[1].append(float(count))
        self._pairs = {pair: (np.array(places, dtype=np.int64), np.array(counts))
                       for pair, (places, counts) in pairs.items()}
        self._needs: dict[float, np.ndarray] = {}  # `_least_kept` of each alias, by cutoff

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
            at = self._may_reach(key, shorter, cutoff)
            # The partial ratio of an alias of m letters sharing at most s letters (with
            # repeats) with the key is at most 200 s / (m + s): any window of the key holds
            # at most those s, and the ratio of a window is 200 * LCS / (m + window length).
            if at.size:
                shared = np.minimum(self._letters[at], _counts(key)).sum(axis=1)
                bound = 200.0 * shared / np.maximum(self._lengths[at] + shared, 1)
                at = at[~self._whole[at] | (bound >= cutoff - 1e-6)]
        if at.size:
            partial = process.cdist([self._keys[i] for i in at], [key],
                                    scorer=fuzz.partial_ratio, dtype=np.float64,
                                    score_cutoff=cutoff)[:, 0]  # 0 under the cutoff
            where = self.order[at]
            scores[where] = np.maximum(scores[where], partial)
        return scores

    def _may_reach(self, key: str, shorter: int, cutoff: float) -> np.ndarray:
        """The places of the aliases shorter than `key` (the first `shorter`) that hold enough
        of its two-letter strings to reach `cutoff` by partial ratio (`_least_kept`): each
        string the key holds counts as often as the alias holds it, however often the key
        does (so never fewer than the positions a window of the key can keep)."""
        found = [self._pairs[p] for p in bigrams(key) if p in self._pairs]
        shared: np.ndarray = np.zeros(shorter)
        if found:
            places = np.concatenate([f[0] for f in found])
            counts = np.concatenate([f[1] for f in found])
            shared = np.bincount(places, weights=counts, minlength=len(self.keys))[:shorter]
        need = self._needs.get(cutoff)
        if need is None:
            least = {m: _least_kept(m, cutoff) for m in set(self._lengths.tolist())}
            need = self._needs[cutoff] = np.array([least[m] for m in self._lengths.tolist()],
                                                  dtype=np.float64)
        return np.flatnonzero(shared >= need[:shorter])

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
