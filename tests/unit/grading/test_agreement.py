"""The agreement statistics, checked against SciPy and scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats
from sklearn.metrics import cohen_kappa_score, roc_auc_score

from hirebar.grading.agreement import (
    confusion,
    exact_and_within_one,
    pearson,
    quadratic_weighted_kappa,
    ranks,
    rmse_after_linear_fit,
    roc_auc,
    spearman,
)

RNG = np.random.default_rng(7)
HUMAN = RNG.integers(0, 6, 300).astype(float)  # 0-5 with many ties
PREDICTED = np.clip(HUMAN + RNG.normal(0, 1.3, 300), 0, 5).round(1)


def test_correlations_match_scipy():
    assert pearson(PREDICTED, HUMAN) == pytest.approx(stats.pearsonr(PREDICTED, HUMAN)[0])
    assert spearman(PREDICTED, HUMAN) == pytest.approx(stats.spearmanr(PREDICTED, HUMAN)[0])
    np.testing.assert_allclose(ranks(HUMAN), stats.rankdata(HUMAN))


def test_a_constant_series_correlates_zero_instead_of_dividing_by_zero():
    assert pearson([2.0] * 5, [1, 2, 3, 4, 5]) == 0.0


def test_rmse_is_measured_after_the_best_line():
    slope, intercept = np.polyfit(PREDICTED, HUMAN, 1)
    expected = np.sqrt(np.mean((slope * PREDICTED + intercept - HUMAN) ** 2))
    assert rmse_after_linear_fit(PREDICTED, HUMAN) == pytest.approx(expected)
    # a grader on another scale, but perfectly linear, has no error
    assert rmse_after_linear_fit(HUMAN * 20 + 3, HUMAN) == pytest.approx(0.0, abs=1e-9)
    assert rmse_after_linear_fit([1.0] * 300, HUMAN) == pytest.approx(HUMAN.std())


def test_roc_auc_matches_scikit_learn():
    labels = (HUMAN >= 3).astype(float)
    assert roc_auc(PREDICTED, labels) == pytest.approx(roc_auc_score(labels, PREDICTED))
    assert np.isnan(roc_auc([0.1, 0.2], [1, 1]))


def test_kappa_confusion_and_agreement_on_verdict_levels():
    truth = RNG.integers(0, 4, 200)
    predicted = np.clip(truth + RNG.integers(-1, 2, 200), 0, 3)
    assert quadratic_weighted_kappa(truth, predicted, 4) == pytest.approx(
        cohen_kappa_score(truth, predicted, weights="quadratic")
    )
    matrix = confusion(truth, predicted, 4)
    assert matrix.sum() == 200
    assert matrix[2, 3] == int(((truth == 2) & (predicted == 3)).sum())
    exact, within = exact_and_within_one(truth, predicted)
    assert exact == pytest.approx(np.mean(truth == predicted))
    assert within == 1.0
