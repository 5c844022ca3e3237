import math

import pytest

from cronica.evaluate import metrics
from cronica.text import loose


def test_prf_perfect_zero_and_undefined():
    assert metrics.prf(3, 0, 0)["f1"] == 1.0
    zero = metrics.prf(0, 2, 3)
    assert (zero["precision"], zero["recall"], zero["f1"]) == (0.0, 0.0, 0.0)
    assert metrics.prf(0, 0, 0)["f1"] == 0.0
    half = metrics.prf(1, 1, 1)
    assert half["precision"] == half["recall"] == half["f1"] == 0.5


def test_per_class_report_macro_and_confusion():
    gold = ["a", "a", "b", "c"]
    pred = ["a", "b", "b", "none"]
    report = metrics.per_class_report(gold, pred)
    assert report["a"]["precision"] == 1.0 and report["a"]["recall"] == 0.5
    assert report["b"]["precision"] == 0.5 and report["b"]["recall"] == 1.0
    assert report["c"]["f1"] == 0.0 and report["c"]["support"] == 1
    # a: 2/3, b: 2/3, c: 0 -> macro 4/9 without the "none" label
    assert metrics.macro_f1(report, exclude=["none"]) == pytest.approx(4 / 9)
    assert metrics.accuracy(gold, pred) == 0.5
    assert metrics.confusion(gold, pred)["a"] == {"a": 1, "b": 1}
    with pytest.raises(ValueError):
        metrics.per_class_report(["a"], [])


def test_haversine():
    assert metrics.haversine_km(10, 20, 10, 20) == 0.0
    assert metrics.haversine_km(0, 0, 1, 0) == pytest.approx(111.19, abs=0.05)
    assert metrics.haversine_km(0, 0, 0, 180) == pytest.approx(20015.1, abs=1)


def test_auc_log_error_bounds_and_midpoint():
    assert metrics.auc_log_error([0, 0, 0]) == 0.0
    assert metrics.auc_log_error([20039, 20039]) == pytest.approx(1.0, abs=1e-4)
    # two points, 0 and the maximum: the trapezoid is half the square
    assert metrics.auc_log_error([20039, 0]) == pytest.approx(0.5, abs=1e-4)
    assert metrics.auc_log_error([]) == 0.0
    one = metrics.auc_log_error([99])
    assert one == pytest.approx(math.log(100) / math.log(20039))


def test_median_mean_fold_space():
    assert metrics.median([3, 1, 2]) == 2
    assert metrics.median([4, 1, 2, 3]) == 2.5
    assert metrics.mean([]) == 0.0
    assert loose("  Observatorio  Sirio\n") == "observatorio sirio"
    assert loose("Alepo Oriental") == loose("alepo oriéntal")


def test_greedy_match_is_one_to_one_best_first():
    table = {(0, 0): 1.0, (0, 1): 2.0, (1, 1): 3.0}
    pairs = metrics.greedy_match(2, 2, lambda g, p: table.get((g, p)))
    assert pairs == [(0, 0), (1, 1)]
    assert metrics.greedy_match(2, 2, lambda g, p: None) == []


def test_worst_errors_keeps_worst_and_takes_turns():
    worst = metrics.WorstErrors(size=3)
    for i in range(10):
        worst.add("far", float(i), text=f"far {i}")
    worst.add("missed", 1.0, text="missed one")
    out = worst.worst()
    assert len(out) == 3
    assert out[0]["text"] == "far 9"
    assert {"far", "missed"} == {e["kind"] for e in out}
