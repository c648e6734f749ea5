"""Drills: exercises with exact answers, generated fresh from a seed (pure, no I/O).

``generate(kind, seed)`` gives the same exercise for the same seed, so a stored
result (kind, seed, reply) is enough to show the exercise again later.
"""

from __future__ import annotations

from collections.abc import Callable

from hirebar.drills import classification, experiments, operations, ranking_drift
from hirebar.drills.drill import Check, Drill, check_answer, fmt, parse_number, reply_problem

# kind -> (what it practises, generator)
KINDS: dict[str, tuple[str, Callable[[int], Drill]]] = {
    "confusion-metrics": (
        "Precision, recall, F1 and accuracy from a confusion matrix",
        classification.confusion_metrics,
    ),
    "imbalance-trap": (
        "High accuracy, useless model: the class-imbalance trap",
        classification.imbalance_trap,
    ),
    "threshold-choice": (
        "Choosing a threshold from a cost matrix",
        classification.threshold_choice,
    ),
    "ranking-at-k": ("Precision@k and NDCG for ranked results", ranking_drift.ranking_at_k),
    "roc-vs-pr": ("ROC-AUC vs PR-AUC on imbalanced data", classification.roc_vs_pr),
    "calibration": ("Calibration: Brier score and log loss", classification.calibration),
    "drift": ("Drift with PSI and KL divergence against a trigger", ranking_drift.drift),
    "sample-size": ("A/B test sample size and duration", experiments.sample_size),
    "significance": ("Statistical vs practical significance", experiments.significance),
    "latency": ("Tail latency (p95) against an SLA", operations.latency),
    "inference-cost": ("Unit economics of inference", operations.inference_cost),
    "retraining": ("Retraining cost vs expected lift", operations.retraining),
}


class UnknownDrill(KeyError):
    """A drill kind nobody defined."""

    def __str__(self) -> str:
        return f"no drill kind '{self.args[0]}'; known: {', '.join(KINDS)}"


def generate(kind: str, seed: int) -> Drill:
    if kind not in KINDS:
        raise UnknownDrill(kind)
    return KINDS[kind][1](seed)


__all__ = [
    "KINDS",
    "Check",
    "Drill",
    "UnknownDrill",
    "check_answer",
    "fmt",
    "generate",
    "parse_number",
    "reply_problem",
]
