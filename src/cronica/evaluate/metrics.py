"""Scoring helpers shared by every evaluation: P/R/F1, per-class reports, distances, AUC."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from typing import Any

EARTH_RADIUS_KM = 6371.0088
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the largest possible error


def safe_div(num: float, den: float) -> float:
    """num / den, or 0.0 when den is 0."""
    return num / den if den else 0.0


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where undefined), with the counts kept."""
    precision = safe_div(tp, tp + fp)
    recall = safe_div(tp, tp + fn)
    f1 = safe_div(2 * precision * recall, precision + recall)
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def per_class_report(
    gold: Sequence[Hashable],
    predicted: Sequence[Hashable],
    labels: Iterable[Hashable] | None = None,
) -> dict[str, dict[str, float]]:
    """Per-label P/R/F1 (with support) for paired single-label gold and predictions."""
    if len(gold) != len(predicted):
        raise ValueError(f"gold ({len(gold)}) and predicted ({len(predicted)}) differ in length")
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    for g, p in zip(gold, predicted, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    names = list(labels) if labels is not None else sorted(set(gold) | set(predicted), key=str)
    report = {}
    for label in names:
        row = prf(tp[label], fp[label], fn[label])
        row["support"] = tp[label] + fn[label]
        report[str(label)] = row
    return report


def macro_f1(report: dict[str, dict[str, float]], exclude: Iterable[str] = ()) -> float:
    """Unweighted mean F1 over the report's labels, leaving out `exclude`."""
    skip = set(exclude)
    scores = [row["f1"] for label, row in report.items() if label not in skip]
    return safe_div(sum(scores), len(scores))


def accuracy(gold: Sequence[Any], predicted: Sequence[Any]) -> float:
    """Share of positions where prediction equals gold."""
    return safe_div(sum(g == p for g, p in zip(gold, predicted, strict=True)), len(gold))


def confusion(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> dict[str, dict[str, int]]:
    """Confusion counts as {gold label: {predicted label: count}}."""
    table: dict[str, dict[str, int]] = {}
    for g, p in zip(gold, predicted, strict=True):
        row = table.setdefault(str(g), {})
        row[str(p)] = row.get(str(p), 0) + 1
    return table


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two WGS84 points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def auc_log_error(errors_km: Sequence[float]) -> float:
    """Area under the curve of sorted log(1 + error km), normalised by log(20039) (Gritta et al.).

    0 is perfect, 1 is every toponym on the far side of the Earth. Trapezoidal rule over
    unit steps, divided by (n - 1), as in the reference implementation.
    """
    if not errors_km:
        return 0.0
    scaled = sorted(math.log1p(min(e, MAX_ERROR_KM)) for e in errors_km)
    if len(scaled) == 1:
        return scaled[0] / math.log(MAX_ERROR_KM)
    area = sum((a + b) / 2 for a, b in zip(scaled, scaled[1:], strict=False))
    return area / (math.log(MAX_ERROR_KM) * (len(scaled) - 1))


def median(values: Sequence[float]) -> float:
    """Median of the values (0.0 for none)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def mean(values: Sequence[float]) -> float:
    """Arithmetic mean (0.0 for none)."""
    return safe_div(sum(values), len(values))


def greedy_match(n_gold: int, n_pred: int, score: Any) -> list[tuple[int, int]]:
    """One-to-one greedy matching: pairs with score(g, p) not None, best scores first.

    Ties keep document order (lower gold index, then lower prediction index).
    """
    candidates = []
    for g in range(n_gold):
        for p in range(n_pred):
            s = score(g, p)
            if s is not None:
                candidates.append((-s, g, p))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, g, p in candidates:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            pairs.append((g, p))
    return sorted(pairs)


class WorstErrors:
    """Keeps the `size` largest errors per kind, each with the text that explains it."""

    def __init__(self, size: int = 20) -> None:
        self.size = size
        self._by_kind: dict[str, list[tuple[float, int, dict[str, Any]]]] = {}
        self._seen = 0

    def add(self, kind: str, severity: float, **details: Any) -> None:
        """Record one error; higher severity is worse."""
        self._seen += 1
        bucket = self._by_kind.setdefault(kind, [])
        bucket.append((-severity, self._seen, {"kind": kind, **details}))
        if len(bucket) > 4 * self.size:
            bucket.sort(key=lambda item: item[:2])
            del bucket[self.size :]

    def worst(self) -> list[dict[str, Any]]:
        """Up to `size` errors, worst first, taking turns between kinds so each is shown."""
        queues = [sorted(b, key=lambda item: item[:2]) for _, b in sorted(self._by_kind.items())]
        out: list[dict[str, Any]] = []
        depth = 0
        while len(out) < self.size and any(depth < len(q) for q in queues):
            for queue in queues:
                if depth < len(queue) and len(out) < self.size:
                    out.append(queue[depth][2])
            depth += 1
        return out
