"""Fit the reference-answer weights on the SciEntsBank TRAINING split only.

Prints the fitted weights (to copy into hirebar/grading/reference.py) and, for
information, ROC AUC and Pearson on train and on the three test splits, beside
the README's floor (share of reference content words, question words removed),
and how much a sentence on another topic appended to 400 training answers moves
their scores under the weights now in reference.py. Then it fits the weights for
grading a class together (hirebar/grading/classmates.py) on the same split, over the
grade alone under the weights now in reference.py, and prints Pearson on each split
alone and with the class; with --class-only it does only that.

usage: python benchmarks/tune_reference.py [--class-only]
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict

import numpy as np
from asag import ASAG, feature_matrix, read_rows

from hirebar.grading import MiniLM
from hirebar.grading.agreement import pearson, roc_auc
from hirebar.grading.classmates import peer_recalls
from hirebar.grading.reference import (
    FEATURES,
    LEXICAL_WEIGHTS,
    WEIGHTS,
    assess_with_reference,
    logit,
)
from hirebar.settings import Settings

SPLITS = ["scientsbank_train", "scientsbank_test_ua", "scientsbank_test_uq", "scientsbank_test_ud"]
L2 = 1.0
# The one signal meant to lower a score: restating the question.
PENALTIES = {"question_similarity"}
OFF_TOPIC = (
    "I would run a customer survey, interview ten merchants about their onboarding and "
    "prioritise the roadmap with RICE scoring so the team ships what matters most."
)


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
    if "--class-only" not in sys.argv[1:]:
        fit_alone(embedder)
    fit_class(embedder)


def read_splits(signals) -> dict[str, tuple[np.ndarray, np.ndarray]]:  # type: ignore[no-untyped-def]
    """Each split's signals (``signals(rows)``) and human labels."""
    data = {}
    for split in SPLITS:
        rows = read_rows(ASAG / f"{split}.csv")
        data[split] = (signals(rows), np.array([float(r["score"]) for r in rows]))
    return data


def fit_alone(embedder: MiniLM) -> None:
    data = read_splits(lambda rows: feature_matrix(rows, embedder))
    x, y = data["scientsbank_train"]
    fitted = {}
    for label, names in (("WEIGHTS", list(WEIGHTS)), ("LEXICAL_WEIGHTS", list(LEXICAL_WEIGHTS))):
        columns = [FEATURES.index(n) for n in names]
        weights, intercept = fit_logistic(x[:, columns], y)
        fitted[label] = (columns, weights, intercept)
        wrong = [n for n, w in zip(names, weights, strict=True) if (w < 0) != (n in PENALTIES)]
        if wrong:  # a negative weight on a coverage signal would reward padding
            print(f"warning: weights with the wrong sign: {', '.join(wrong)}")
        print(f"{label} = {{")
        for name, w in zip(names, weights, strict=True):
            print(f'    "{name}": {w:.3f},')
        print(f"}}\n{label.replace('WEIGHTS', 'INTERCEPT')} = {intercept:.3f}")
    print()
    print(f"{'split':22s} {'n':>5s} {'floor AUC':>9s} {'AUC':>6s} {'Pearson':>8s} {'lex AUC':>8s}")
    for split, (xs, ys) in data.items():
        logit, lex_logit = (
            xs[:, columns] @ weights + intercept for columns, weights, intercept in fitted.values()
        )
        floor = xs[:, FEATURES.index("coverage")]
        print(
            f"{split:22s} {len(ys):5d} {roc_auc(floor, ys):9.3f} {roc_auc(logit, ys):6.3f} "
            f"{pearson(1 / (1 + np.exp(-logit)), ys):8.3f} {roc_auc(lex_logit, ys):8.3f}"
        )
    padding_effect(read_rows(ASAG / "scientsbank_train.csv"), embedder)


def padding_effect(rows: list[dict[str, str]], embedder: MiniLM, n: int = 400) -> None:
    """Score change when an off-topic sentence is appended to each of n training answers."""
    sample = random.Random(1).sample(rows, n)
    change = np.array(
        [
            assess_with_reference(
                r["question"],
                r["reference_answer"],
                f"{r['answer'].rstrip('.')}. {OFF_TOPIC}",
                embedder,
            ).score
            - assess_with_reference(
                r["question"], r["reference_answer"], r["answer"], embedder
            ).score
            for r in sample
        ]
    )
    print(
        f"\noff-topic sentence appended to {n} training answers: mean change {change.mean():+.3f}, "
        f"raised by more than 0.25: {(change > 0.25).mean():.0%}, largest rise {change.max():+.2f}"
    )


def class_signals(rows: list[dict[str, str]], embedder: MiniLM) -> np.ndarray:
    """Per answer: the grade alone's log-odds (before any cap), its peer recall and the
    grade alone (capped), each class being one question's answers."""
    classes = defaultdict(list)
    for index, row in enumerate(rows):
        classes[row["question_id"]].append(index)
    signals = np.zeros((len(rows), 3))
    for members in classes.values():
        first = rows[members[0]]
        answers = [rows[i]["answer"] for i in members]
        alone = [
            assess_with_reference(first["question"], first["reference_answer"], a, embedder)
            for a in answers
        ]
        scores = [a.score for a in alone]
        recalls = peer_recalls(first["question"], answers, scores, embedder)
        for i, assessment, recall in zip(members, alone, recalls, strict=True):
            signals[i] = (logit(assessment.features, semantic=True), recall, assessment.score)
    return signals


def fit_class(embedder: MiniLM) -> None:
    data = read_splits(lambda rows: class_signals(rows, embedder))
    signals, y = data["scientsbank_train"]
    weights, intercept = fit_logistic(signals[:, :2], y)
    print(
        f'\nCLASS_WEIGHTS = {{"alone": {weights[0]:.2f}, "peer_recall": {weights[1]:.2f}}}\n'
        f"CLASS_INTERCEPT = {intercept:.2f}\n"
    )
    print(f"{'split':22s} {'Pearson alone':>13s} {'with the class':>14s}")
    for split, (xs, ys) in data.items():
        together = 1 / (1 + np.exp(-(xs[:, :2] @ weights + intercept)))
        print(f"{split:22s} {pearson(xs[:, 2], ys):13.3f} {pearson(together, ys):14.3f}")


if __name__ == "__main__":
    main()
