"""Drills on ranked results (precision@k, NDCG) and on distribution drift (PSI, KL)."""

from __future__ import annotations

import math
from random import Random

from hirebar.drills.drill import Drill

PSI_TRIGGER = 0.2  # the common rule of thumb: above it, investigate and plan a retrain
PSI_WATCH = 0.1


def ranking_at_k(seed: int) -> Drill:
    rng = Random(seed)
    while True:
        grades = [rng.choice([0, 0, 0, 1, 1, 2, 3]) for _ in range(10)]
        if any(grades) and sorted(grades, reverse=True) != grades:
            break
    k = rng.choice([3, 5, 10])
    ask = rng.choice(["precision@k", "NDCG@k"])
    shown = ", ".join(f"#{i + 1}: {g}" for i, g in enumerate(grades))
    if ask == "precision@k":
        relevant = sum(1 for g in grades[:k] if g >= 2)
        answer = relevant / k
        question = f"What is precision@{k}, counting grade 2 or 3 as relevant?"
        solution = f"{relevant} of the top {k} have grade ≥ 2: {relevant}/{k} = {answer:.3f}."
    else:

        def dcg(values: list[int]) -> float:
            return sum(g / math.log2(i + 2) for i, g in enumerate(values[:k]))

        ideal = dcg(sorted(grades, reverse=True))
        answer = dcg(grades) / ideal
        question = (
            f"What is NDCG@{k}, with gain = grade and discount log2(rank + 1), the ideal "
            "ordering taken from these ten results?"
        )
        solution = (
            f"DCG@{k} = Σ grade / log2(rank + 1) = {dcg(grades):.4f}; the ideal order gives "
            f"{ideal:.4f}; NDCG@{k} = {answer:.3f}."
        )
    return Drill(
        kind="ranking-at-k",
        seed=seed,
        title=f"Ranking quality: {ask}",
        prompt=(
            "Raters graded the top ten results of a help-centre search for one query "
            f"(0 = useless, 3 = exactly right), in the order shown:\n  {shown}\n\n"
            f"{question} Answer to 3 decimals."
        ),
        answer=answer,
        tolerance=0.0015,
        unit="",
        solution=solution,
        decision=(
            "Users read the first few results, so a metric that weights the top (NDCG, "
            "precision at a small k) is the one to gate a ranking change on, checked per "
            "query segment and then confirmed online with click and success rates."
        ),
        data={"grades": grades, "k": k, "ask": ask},
    )


def drift(seed: int) -> Drill:
    rng = Random(seed)
    bins = ["under 25", "25-34", "35-44", "45-54", "55 and over"]
    baseline = _proportions(rng, len(bins))
    shift = rng.uniform(0.15, 1.2)
    current = _proportions(rng, len(bins), around=baseline, spread=shift)
    ask = rng.choice(["PSI", "KL"])
    pairs = list(zip(current, baseline, strict=True))
    if ask == "PSI":
        answer = sum((a - e) * math.log(a / e) for a, e in pairs)
        question = "What is the population stability index (PSI, natural log)?"
        formula = "PSI = Σ (current − baseline) × ln(current / baseline)"
    else:
        answer = sum(a * math.log(a / e) for a, e in pairs)
        question = "What is the KL divergence of the current mix from the baseline (nats)?"
        formula = "KL(current ‖ baseline) = Σ current × ln(current / baseline)"
    psi = sum((a - e) * math.log(a / e) for a, e in pairs)
    if psi > PSI_TRIGGER:
        action = "above the 0.2 trigger: open an investigation, check the traffic source, and "
        action += "evaluate the model on the new mix before deciding to retrain"
    elif psi > PSI_WATCH:
        action = "between 0.1 and 0.2: watch it, and check accuracy on the growing segments"
    else:
        action = "below 0.1: no action beyond the usual monitoring"
    table = "\n".join(
        f"  {b:<12} baseline {100 * e:5.1f}%   this week {100 * a:5.1f}%"
        for b, (a, e) in zip(bins, pairs, strict=True)
    )
    return Drill(
        kind="drift",
        seed=seed,
        title=f"Drift: {ask}",
        prompt=(
            "A credit-limit model was trained on last year's applicants. The age mix of "
            f"applicants, then and now:\n{table}\n\n{question} Answer to 3 decimals."
        ),
        answer=answer,
        tolerance=0.0015,
        unit="",
        # PSI is what the decision reads; said again only when the answer was KL.
        solution=f"{formula} = {answer:.3f}."
        + ("" if ask == "PSI" else f" (PSI here is {psi:.3f}.)"),
        decision=f"PSI {psi:.3f} is {action}.",
        data={"baseline": baseline, "current": current, "ask": ask},
    )


def _proportions(
    rng: Random, size: int, around: list[float] | None = None, spread: float = 0.0
) -> list[float]:
    """Shares that sum to 1 with every bin at least 3%, rounded to 3 decimals."""
    while True:
        if around is None:
            raw = [rng.uniform(0.5, 2.0) for _ in range(size)]
        else:
            raw = [a * math.exp(rng.gauss(0, spread)) for a in around]
        total = sum(raw)
        shares = [round(r / total, 3) for r in raw[:-1]]
        shares.append(round(1 - sum(shares), 3))
        if min(shares) >= 0.03:
            return shares
