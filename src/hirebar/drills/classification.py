"""Drills on a classifier's errors: the confusion matrix, imbalance, thresholds,
ranking quality (ROC-AUC vs PR-AUC) and calibration."""

from __future__ import annotations

import math
from random import Random

from hirebar.drills.drill import Drill, capitalised

# (product, what a positive is, what the model does to one (present, past),
#  cost of a false alarm, cost of a miss)
CONTEXTS = [
    (
        "a card-fraud model",
        "fraudulent payment",
        ("blocks", "blocked"),
        "a good customer's card is declined",
        "a stolen card goes through",
    ),
    (
        "a spam filter for a support inbox",
        "spam ticket",
        ("hides", "hid"),
        "a real customer waits unseen",
        "an agent reads one more junk ticket",
    ),
    (
        "a skin-lesion triage model",
        "malignant lesion",
        ("flags", "flagged"),
        "an anxious patient gets an extra appointment",
        "a cancer is sent home",
    ),
    (
        "a toxic-comment classifier",
        "toxic comment",
        ("holds back", "held back"),
        "a fair comment is delayed",
        "abuse stays up for hours",
    ),
    (
        "a churn-risk model",
        "customer about to cancel",
        ("flags", "flagged"),
        "a discount goes to someone who would have stayed",
        "a customer leaves without an offer",
    ),
    (
        "a loan-default model",
        "loan that will default",
        ("declines", "declined"),
        "a creditworthy applicant is refused",
        "the lender writes off the loan",
    ),
]


def _context(rng: Random) -> tuple[str, str, tuple[str, str], str, str]:
    return rng.choice(CONTEXTS)


def confusion_counts(rng: Random) -> tuple[int, int, int, int]:
    """TP, FP, FN, TN with every cell at least 1 and realistic rates."""
    total = rng.randint(200, 5000)
    positives = max(2, round(total * rng.uniform(0.05, 0.5)))
    recall = rng.uniform(0.5, 0.95)
    precision = rng.uniform(0.4, 0.95)
    tp = min(positives - 1, max(1, round(positives * recall)))
    fn = positives - tp
    fp = max(1, round(tp * (1 - precision) / precision))
    tn = max(1, total - positives - fp)
    return tp, fp, fn, tn


def confusion_metrics(seed: int) -> Drill:
    rng = Random(seed)
    product, positive, action, fp_cost, fn_cost = _context(rng)
    tp, fp, fn, tn = confusion_counts(rng)
    metric = rng.choice(["precision", "recall", "F1", "accuracy"])
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    values = {
        "precision": precision,
        "recall": recall,
        "F1": 2 * precision * recall / (precision + recall),
        "accuracy": (tp + tn) / (tp + fp + fn + tn),
    }
    steps = {
        "precision": f"precision = TP / (TP + FP) = {tp} / {tp + fp}",
        "recall": f"recall = TP / (TP + FN) = {tp} / {tp + fn}",
        "F1": f"F1 = 2PR / (P + R) with P = {precision:.4f}, R = {recall:.4f}",
        "accuracy": f"accuracy = (TP + TN) / all = {tp + tn} / {tp + fp + fn + tn}",
    }
    answer = values[metric]
    decision = {
        "precision": f"Precision says how often the model is right when it {action[0]} an item: "
        f"each wrong call means {fp_cost}.",
        "recall": f"Recall says how many of the real cases it catches: each miss means {fn_cost}.",
        "F1": "F1 balances the two errors equally; if a miss and a false alarm cost different "
        "amounts, pick the threshold by cost instead of by F1.",
        "accuracy": "Accuracy mixes both errors with the easy negatives; report precision and "
        "recall beside it before anyone calls the model good.",
    }[metric]
    return Drill(
        kind="confusion-metrics",
        seed=seed,
        title=f"{capitalised(metric)} from a confusion matrix",
        prompt=(
            f"You own {product}. On last week's labelled sample it {action[1]} {tp + fp:,} items, "
            f"and {tp:,} of them were a {positive}. Of the items it let through, {fn:,} were a "
            f"{positive} and {tn:,} were not.\n\nWhat is the model's {metric}? Answer to 3 "
            "decimals."
        ),
        answer=answer,
        tolerance=0.0015,
        unit="",
        solution=f"TP = {tp}, FP = {fp}, FN = {fn}, TN = {tn}. {steps[metric]} = {answer:.3f}.",
        decision=decision,
        data={"tp": tp, "fp": fp, "fn": fn, "tn": tn, "metric": metric},
    )


def imbalance_trap(seed: int) -> Drill:
    rng = Random(seed)
    product, positive, action, _, fn_cost = _context(rng)
    total = rng.choice([10_000, 20_000, 50_000, 100_000])
    positives = round(total * rng.uniform(0.002, 0.03))
    tp = max(1, round(positives * rng.uniform(0.05, 0.4)))
    fp = rng.randint(1, max(2, positives // 2))
    ask = rng.choice(["baseline accuracy", "recall"])
    fn, tn = positives - tp, total - positives - fp
    accuracy = (tp + tn) / total
    if ask == "baseline accuracy":
        answer = 100 * (total - positives) / total
        question = (
            f"What accuracy, in percent, would a model get that {action[0]} nothing? "
            "Answer to 2 decimals."
        )
        solution = (
            f"A model that always says 'no' is right on every negative: "
            f"{total - positives:,} / {total:,} = {answer:.2f}%, "
            f"almost the same as the real model's {100 * accuracy:.2f}%."
        )
        unit, tolerance = "%", 0.015
    else:
        answer = tp / positives
        question = "What is the model's recall? Answer to 3 decimals."
        solution = (
            f"recall = TP / (TP + FN) = {tp} / {positives} = {answer:.3f}: it misses "
            f"{fn} of {positives} real cases despite {100 * accuracy:.2f}% accuracy."
        )
        unit, tolerance = "", 0.0015
    return Drill(
        kind="imbalance-trap",
        seed=seed,
        title="The class-imbalance trap",
        prompt=(
            f"The team behind {product} reports {100 * accuracy:.2f}% accuracy on "
            f"{total:,} labelled items, of which {positives:,} were a {positive}. "
            f"The model {action[1]} {tp + fp} items, {tp} of them correctly.\n\n{question}"
        ),
        answer=answer,
        tolerance=tolerance,
        unit=unit,
        solution=solution,
        decision=(
            f"High accuracy is free when positives are rare. Judge the model on recall and "
            f"precision of the rare class: here each miss means {fn_cost}."
        ),
        data={"tp": tp, "fp": fp, "fn": fn, "tn": tn, "ask": ask},
    )


def threshold_choice(seed: int) -> Drill:
    """Pick the threshold with the lowest total cost from labelled scores."""
    rng = Random(seed)
    product, positive, _, fp_cost, fn_cost = _context(rng)
    thresholds = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
    while True:  # until exactly one threshold is cheapest, so the answer is well posed
        rate = rng.uniform(0.1, 0.3)
        labels = [1 if rng.random() < rate else 0 for _ in range(400)]
        scores = [
            round(min(0.999, max(0.001, rng.betavariate(4, 2) if y else rng.betavariate(2, 4))), 3)
            for y in labels
        ]
        cost_fp = rng.choice([5, 10, 20, 40])
        cost_fn = cost_fp * rng.choice([2, 3, 5, 8, 12])
        rows = []
        for t in thresholds:
            tp = sum(1 for y, s in zip(labels, scores, strict=True) if y and s >= t)
            fp = sum(1 for y, s in zip(labels, scores, strict=True) if not y and s >= t)
            fn = sum(labels) - tp
            rows.append((t, tp, fp, fn, fp * cost_fp + fn * cost_fn))
        costs = sorted(r[4] for r in rows)
        if sum(labels) >= 10 and costs[0] < costs[1]:
            break
    best = min(rows, key=lambda r: r[4])
    table = "\n".join(
        f"  threshold {t:.1f}: {tp} caught, {fp} false alarms, {fn} missed"
        for t, tp, fp, fn, _ in rows
    )
    working = "; ".join(f"{t:.1f} → ${cost:,}" for t, _, _, _, cost in rows)
    return Drill(
        kind="threshold-choice",
        seed=seed,
        title="Threshold from a cost matrix",
        prompt=(
            f"You own {product}. On 400 labelled items ({sum(labels)} of them a {positive}) the "
            f"model's results at six thresholds are:\n{table}\n\nA false alarm costs "
            f"${cost_fp} ({fp_cost}); a miss costs ${cost_fn} ({fn_cost}). Which threshold "
            "gives the lowest total cost?"
        ),
        answer=best[0],
        tolerance=0.001,
        unit="",
        solution=f"Total cost = FP × ${cost_fp} + FN × ${cost_fn}: {working}. "
        f"The lowest is {best[0]:.1f}.",
        decision=(
            f"Ship at {best[0]:.1f} and revisit it when the costs change: a miss costs "
            f"{cost_fn // cost_fp}× a false alarm here, which is what sets the threshold, "
            "not the 0.5 default."
        ),
        data={
            "labels": labels,
            "scores": scores,
            "thresholds": thresholds,
            "cost_fp": cost_fp,
            "cost_fn": cost_fn,
        },
    )


def roc_vs_pr(seed: int) -> Drill:
    rng = Random(seed)
    size = rng.randint(10, 16)
    positives = rng.randint(2, 4)
    labels = [1] * positives + [0] * (size - positives)
    # A useful but imperfect model: positives score higher on average.
    while True:
        scores = [
            round(min(0.99, max(0.01, rng.gauss(0.6 if y else 0.35, 0.18))), 2) for y in labels
        ]
        if len(set(scores)) == size:
            break
    ranked = sorted(zip(scores, labels, strict=True), reverse=True)
    ask = rng.choice(["ROC-AUC", "average precision"])
    pos_ranks = [i + 1 for i, (_, y) in enumerate(ranked) if y]
    negatives = size - positives
    if ask == "ROC-AUC":
        wins = sum(sum(1 for _, y in ranked[r:] if not y) for r in pos_ranks)
        answer = wins / (positives * negatives)
        solution = (
            f"ROC-AUC is the share of (positive, negative) pairs ranked correctly: "
            f"{wins} of {positives} × {negatives} = {answer:.3f}."
        )
    else:
        precisions = [(k + 1) / rank for k, rank in enumerate(pos_ranks)]
        answer = sum(precisions) / positives
        solution = (
            "Average precision averages the precision at each positive's rank: "
            + ", ".join(f"{k + 1}/{r}" for k, r in enumerate(pos_ranks))
            + f" → {answer:.3f}."
        )
    listing = ", ".join(f"{s:.2f}{'+' if y else ''}" for s, y in ranked)
    return Drill(
        kind="roc-vs-pr",
        seed=seed,
        title=f"{capitalised(ask)} on imbalanced data",
        prompt=(
            f"A content-moderation model scored {size} reviewed posts; {positives} broke policy "
            f"(marked +). Scores from highest to lowest:\n  {listing}\n\nWhat is the {ask}? "
            "Answer to 3 decimals."
        ),
        answer=answer,
        tolerance=0.0015,
        unit="",
        solution=solution,
        decision=(
            "With few positives, ROC-AUC looks flattering because the many easy negatives "
            "count in every pair; average precision (PR-AUC) shows how clean the top of the "
            "review queue is, which is what moderators feel."
        ),
        data={"labels": [y for _, y in ranked], "scores": [s for s, _ in ranked], "ask": ask},
    )


def calibration(seed: int) -> Drill:
    rng = Random(seed)
    size = rng.randint(8, 12)
    while True:
        probs = [round(rng.uniform(0.05, 0.95), 2) for _ in range(size)]
        outcomes = [1 if rng.random() < p else 0 for p in probs]
        if 0 < sum(outcomes) < size:
            break
    ask = rng.choice(["Brier score", "log loss"])
    if ask == "Brier score":
        terms = [(p - y) ** 2 for p, y in zip(probs, outcomes, strict=True)]
        formula = "mean of (p − outcome)²"
    else:
        terms = [-math.log(p if y else 1 - p) for p, y in zip(probs, outcomes, strict=True)]
        formula = "mean of −ln(p) for events and −ln(1 − p) for non-events"
    answer = sum(terms) / size
    pairs = ", ".join(f"{p:.2f}→{y}" for p, y in zip(probs, outcomes, strict=True))
    return Drill(
        kind="calibration",
        seed=seed,
        title=f"Calibration: {ask}",
        prompt=(
            "A ride app predicts the chance that a driver accepts a trip. Predictions and "
            f"what happened (1 = accepted):\n  {pairs}\n\nWhat is the {ask}"
            f"{' (natural log)' if ask == 'log loss' else ''}? Answer to 3 decimals."
        ),
        answer=answer,
        tolerance=0.0015,
        unit="",
        solution=f"{ask} = {formula} = {sum(terms):.4f} / {size} = {answer:.3f}.",
        decision=(
            "Dispatch uses these probabilities as numbers, not as a ranking: a model with a "
            "good AUC but poor calibration over- or under-books drivers. Compare the score "
            "with a baseline that always predicts the average rate before shipping."
        ),
        data={"probs": probs, "outcomes": outcomes, "ask": ask},
    )
