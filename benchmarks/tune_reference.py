"""Fit the reference-answer weights on the SciEntsBank TRAINING split only.

Prints the fitted weights (to copy into hirebar/grading/reference.py) and, for
information, ROC AUC and Pearson on train and on the three test splits, beside
the README's floor (share of reference content words, question words removed).

usage: python benchmarks/tune_reference.py
"""

from __future__ import annotations

import numpy as np
from asag import ASAG, feature_matrix, read_rows

from hirebar.grading import MiniLM
from hirebar.grading.agreement import pearson, roc_auc
from hirebar.grading.reference import FEATURES, LEXICAL_WEIGHTS
from hirebar.settings import Settings

SPLITS = ["scientsbank_train", "scientsbank_test_ua", "scientsbank_test_uq", "scientsbank_test_ud"]
L2 = 1.0


def fit_logistic(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Newton's method with a small L2 penalty on the weights (not the intercept)."""
    design = np.hstack([np.ones((len(x), 1)), x])
    beta = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * L2
    penalty[0, 0] = 0
    for _ in range(50):
        p = 1 / (1 + np.exp(-design @ beta))
        gradient = design.T @ (p - y) + penalty @ beta
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta[1:], float(beta[0])


def main() -> None:
    embedder = MiniLM(Settings().resolved_model_dir)
    data = {}
    for split in SPLITS:
        rows = read_rows(ASAG / f"{split}.csv")
        data[split] = (feature_matrix(rows, embedder), np.array([float(r["score"]) for r in rows]))
    x, y = data["scientsbank_train"]
    weights, intercept = fit_logistic(x, y)
    lexical = [FEATURES.index(n) for n in LEXICAL_WEIGHTS]
    lex_weights, lex_intercept = fit_logistic(x[:, lexical], y)
    print("WEIGHTS = {")
    for name, w in zip(FEATURES, weights, strict=True):
        print(f'    "{name}": {w:.3f},')
    print(f"}}\nINTERCEPT = {intercept:.3f}")
    print("LEXICAL_WEIGHTS = {")
    for i, w in zip(lexical, lex_weights, strict=True):
        print(f'    "{FEATURES[i]}": {w:.3f},')
    print(f"}}\nLEXICAL_INTERCEPT = {lex_intercept:.3f}\n")
    print(f"{'split':22s} {'n':>5s} {'floor AUC':>9s} {'AUC':>6s} {'Pearson':>8s} {'lex AUC':>8s}")
    for split, (xs, ys) in data.items():
        logit = xs @ weights + intercept
        lex_logit = xs[:, lexical] @ lex_weights + lex_intercept
        floor = xs[:, FEATURES.index("coverage")]
        print(
            f"{split:22s} {len(ys):5d} {roc_auc(floor, ys):9.3f} {roc_auc(logit, ys):6.3f} "
            f"{pearson(1 / (1 + np.exp(-logit)), ys):8.3f} {roc_auc(lex_logit, ys):8.3f}"
        )


if __name__ == "__main__":
    main()
