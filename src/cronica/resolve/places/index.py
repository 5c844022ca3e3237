"""The gazetteer's name index in flat arrays: exact keys -> rows, and a bigram index that
finds every key a fuzzy look-up could match without scoring every key.

The arrays load fast from the on-disk cache (places/cache.py) and hold no Python object per
row or per posting."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

PRIMARY = 1  # the entry's main name gives the key
WHOLE = 2  # a name gives the key unshortened (not less an article or particle)


def bigrams(text: str) -> set[str]:
    """The distinct two-letter substrings of a text."""
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _flat(lists: list[list[int]], dtype: type) -> tuple[np.ndarray, np.ndarray]:
    """Lists of ints as one array and the offsets where each list starts (one more at the end)."""
    offsets = np.zeros(len(lists) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(items) for items in lists])
    values: np.ndarray = np.fromiter((v for items in lists for v in items), dtype=dtype,
                                     count=int(offsets[-1]))
    return values, offsets


@dataclass
class NameIndex:
    """Keys in first-seen order; each key's rows (in table order) and their PRIMARY/WHOLE
    flags; each bigram's keys, by their places in the keys sorted by length (so that a
    look-up counts bigrams only over the keys of the lengths it can match)."""

    keys: list[str]
    key_ids: dict[str, int]
    rows: np.ndarray  # int32, the rows of key k are rows[offsets[k]:offsets[k + 1]]
    flags: np.ndarray  # uint8, one per row of a key
    offsets: np.ndarray
    key_lengths: np.ndarray  # int32
    by_length: np.ndarray  # int32, key ids sorted by length (first-seen order within one)
    length_starts: np.ndarray  # int64, the keys of length n are by_length[length_starts[n]:
    #                            length_starts[n + 1]]
    gram_ids: dict[str, int]
    gram_keys: np.ndarray  # int32, the places in `by_length` of the keys holding bigram g,
    #                        ascending: gram_keys[gram_offsets[g]:gram_offsets[g + 1]]
    gram_offsets: np.ndarray
    # `_window` by (query length, cutoff): a run asks for a few lengths, over and over.
    _windows: dict[tuple[int, float], tuple[np.ndarray, np.ndarray, int, int, int]] = field(
        default_factory=dict, init=False, repr=False, compare=False)
    # `gram_offsets` as Python ints, made at the first fuzzy look-up: a look-up reads two
    # for each of its bigrams, and reading a numpy array's item makes a numpy scalar.
    _gram_starts: list[int] | None = field(default=None, init=False, repr=False,
                                           compare=False)

    @classmethod
    def build(cls, postings: Iterable[tuple[str, int, int]]) -> NameIndex:
        """The index of (key, row, flags) postings; a row is listed once per key, with the
        union of its flags, in the order first given."""
        key_ids: dict[str, int] = {}
        rows: list[list[int]] = []
        flags: list[dict[int, int]] = []
        for key, row, flag in postings:
            k = key_ids.setdefault(key, len(key_ids))
            if k == len(rows):
                rows.append([])
                flags.append({})
            if row not in flags[k]:
                rows[k].append(row)
                flags[k][row] = 0
            flags[k][row] |= flag
        keys = list(key_ids)
        row_array, offsets = _flat(rows, np.int32)
        flag_array, _ = _flat([[f[r] for r in rs] for rs, f in zip(rows, flags, strict=True)],
                              np.uint8)
        lengths = np.array([len(k) for k in keys], dtype=np.int32)
        by_length = np.argsort(lengths, kind="stable").astype(np.int32)
        length_starts = np.searchsorted(lengths[by_length],
                                        np.arange(int(lengths.max(initial=0)) + 2))
        gram_ids: dict[str, int] = {}
        by_gram: list[list[int]] = []
        for place, k in enumerate(by_length.tolist()):
            for gram in sorted(bigrams(keys[k])):
                g = gram_ids.setdefault(gram, len(gram_ids))
                if g == len(by_gram):
                    by_gram.append([])
                by_gram[g].append(place)
        gram_keys, gram_offsets = _flat(by_gram, np.int32)
        return cls(keys, key_ids, row_array, flag_array, offsets, lengths, by_length,
                   length_starts.astype(np.int64), gram_ids, gram_keys, gram_offsets)

    def __contains__(self, key: str) -> bool:
        return key in self.key_ids

    def lookup(self, key: str) -> Iterator[tuple[int, int]]:
        """(row, flags) of each entry a key names, in table order."""
        k = self.key_ids.get(key)
        if k is None:
            return
        lo, hi = int(self.offsets[k]), int(self.offsets[k + 1])
        yield from zip(self.rows[lo:hi].tolist(), self.flags[lo:hi].tolist(), strict=True)

    def blocked(self, query: str, cutoff: float) -> list[int]:
        """Ids (ascending) of every key that may reach `cutoff` (rapidfuzz ratio) against
        `query`: a superset, so scoring only these gives what scoring every key would.

        Ratio is 100 * (1 - d / (m + n)) for the insert/delete distance d of strings of
        lengths m and n, and d = m + n - 2 * (longest common subsequence), so a key can
        reach the cutoff only with d <= dmax(n), d of the parity of m + n, and
        |m - n| <= d. Such an alignment inserts (d + n - m) / 2 letters and deletes
        (d - n + m) / 2 of the query's, and keeps every bigram position of the query except
        those next to a deleted letter (two each) or split by an inserted one (one each),
        so the key shares at least |bigrams(query)| - (2 * deleted + inserted) distinct
        bigrams, deleted and inserted taken at d = dmax(n)."""
        m, grams = len(query), bigrams(query)
        window = self._windows.get((m, cutoff))
        if window is None:
            window = self._windows[(m, cutoff)] = self._window(m, cutoff)
        length_ok, lost, most_lost, first, end = window
        if end <= first:
            return []
        need = len(grams) - lost
        least = len(grams) - most_lost
        starts = self._gram_starts
        if starts is None:
            starts = self._gram_starts = self.gram_offsets.tolist()
        bounds = np.array((first, end))
        parts = []
        for gram in grams:
            g = self.gram_ids.get(gram)
            if g is not None:
                places = self.gram_keys[starts[g]:starts[g + 1]]
                lo, hi = places.searchsorted(bounds).tolist()
                parts.append(places[lo:hi])
        shared = np.bincount(np.concatenate(parts) - first, minlength=end - first) if parts \
            else np.zeros(end - first, dtype=np.int64)
        hits = np.flatnonzero(shared >= least) if least > 0 else np.arange(end - first)
        ids = self.by_length[hits + first]
        n = self.key_lengths[ids]
        return np.sort(ids[length_ok[n] & (shared[hits] >= need[n])]).tolist()

    def _window(self, m: int, cutoff: float) -> tuple[np.ndarray, np.ndarray, int, int, int]:
        """What `blocked` works out of a query's length alone: whether a key of each length
        may match, the bigrams each length may lose (2 * deleted + inserted), the most
        that a length that may match loses, and the range of places in `by_length` of the
        keys of those lengths (empty when none may)."""
        lengths = np.arange(int(self.key_lengths.max(initial=0)) + 1)
        dmax = np.floor((1.0 - cutoff / 100.0) * (m + lengths) + 1e-6).astype(np.int64)
        dmax -= (dmax - (m + lengths)) % 2
        length_ok = np.abs(lengths - m) <= dmax
        inserted, deleted = (dmax + lengths - m) // 2, (dmax - lengths + m) // 2
        lost = 2 * deleted + inserted
        if not length_ok.any():
            return length_ok, lost, 0, 0, 0
        # Only keys of a length that may match count: a range of places in `by_length`.
        fits = np.flatnonzero(length_ok)
        return (length_ok, lost, int(lost[length_ok].max()),
                int(self.length_starts[fits[0]]), int(self.length_starts[fits[-1] + 1]))

    def fuzzy(self, query: str, limit: int, cutoff: float) -> list[tuple[str, float]]:
        """The `limit` keys most like `query` by rapidfuzz ratio (at least `cutoff`), best
        first, ties in key order: what `process.extract` over every key returns."""
        if not query or math.isnan(cutoff):
            return []
        choices = [self.keys[k] for k in self.blocked(query, cutoff)]
        found = process.extract(query, choices, scorer=fuzz.ratio, limit=limit,
                                score_cutoff=cutoff)
        return [(key, float(score)) for key, score, _ in found]
