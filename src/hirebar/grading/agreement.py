"""Agreement between the grader and human raters: the statistics the benchmarks report.

Written out here (a few lines each) rather than pulling SciPy into every install,
since `hirebar grader evaluate` needs them at run time.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    a, b = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    a, b = a - a.mean(), b - b.mean()
    denominator = np.sqrt((a * a).sum() * (b * b).sum())
    return float((a * b).sum() / denominator) if denominator else 0.0


def ranks(values: Sequence[float]) -> np.ndarray:
    """1-based ranks with ties given their average rank."""
    v = np.asarray(values, dtype=float)
    order = np.argsort(v, kind="mergesort")
    result = np.empty(len(v))
    sorted_v = v[order]
    start = 0
    while start < len(v):
        end = start
        while end + 1 < len(v) and sorted_v[end + 1] == sorted_v[start]:
            end += 1
        result[order[start : end + 1]] = (start + end) / 2 + 1
        start = end + 1
    return result


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    return pearson(ranks(x), ranks(y))


def rmse_after_linear_fit(predicted: Sequence[float], human: Sequence[float]) -> float:
    """RMSE of the human scores against the best straight line through the predictions."""
    p, h = np.asarray(predicted, dtype=float), np.asarray(human, dtype=float)
    if np.ptp(p) == 0:
        return float(np.sqrt(((h - h.mean()) ** 2).mean()))
    slope, intercept = np.polyfit(p, h, 1)
    return float(np.sqrt(((slope * p + intercept - h) ** 2).mean()))


def roc_auc(scores: Sequence[float], labels: Sequence[float]) -> float:
    """Probability that a random positive outranks a random negative (ties count half)."""
    s, y = np.asarray(scores, dtype=float), np.asarray(labels, dtype=float) > 0.5
    positives, negatives = y.sum(), (~y).sum()
    if not positives or not negatives:
        return float("nan")
    r = ranks(s)
    return float((r[y].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def confusion(truth: Sequence[int], predicted: Sequence[int], levels: int) -> np.ndarray:
    """Rows are the human level, columns the grader's."""
    matrix = np.zeros((levels, levels), dtype=int)
    for t, p in zip(truth, predicted, strict=True):
        matrix[t, p] += 1
    return matrix


def quadratic_weighted_kappa(truth: Sequence[int], predicted: Sequence[int], levels: int) -> float:
    observed = confusion(truth, predicted, levels).astype(float)
    n = observed.sum()
    if not n:
        return 0.0
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / n
    i, j = np.indices((levels, levels))
    weights = (i - j) ** 2 / (levels - 1) ** 2
    denominator = (weights * expected).sum()
    return float(1 - (weights * observed).sum() / denominator) if denominator else 1.0


def exact_and_within_one(truth: Sequence[int], predicted: Sequence[int]) -> tuple[float, float]:
    t, p = np.asarray(truth), np.asarray(predicted)
    return float((t == p).mean()), float((np.abs(t - p) <= 1).mean())
