"""Drills on A/B tests: sample size and duration, statistical vs practical significance."""

from __future__ import annotations

import math
from random import Random
from statistics import NormalDist

from hirebar.drills.drill import Drill

_Z = NormalDist()


def users_per_arm(baseline: float, treated: float, alpha: float, power: float) -> float:
    """Two-sided two-proportion z-test, pooled variance under H0, unpooled under H1."""
    z_alpha = _Z.inv_cdf(1 - alpha / 2)
    z_beta = _Z.inv_cdf(power)
    mean = (baseline + treated) / 2
    spread = z_alpha * math.sqrt(2 * mean * (1 - mean)) + z_beta * math.sqrt(
        baseline * (1 - baseline) + treated * (1 - treated)
    )
    return spread**2 / (treated - baseline) ** 2


def sample_size(seed: int) -> Drill:
    rng = Random(seed)
    baseline = rng.choice([0.02, 0.03, 0.04, 0.05, 0.08, 0.10, 0.12, 0.15, 0.20])
    lift = rng.choice([0.05, 0.08, 0.10, 0.15, 0.20])
    power = rng.choice([0.8, 0.9])
    daily = rng.choice([4_000, 10_000, 20_000, 50_000, 120_000])
    treated = baseline * (1 + lift)
    n = users_per_arm(baseline, treated, 0.05, power)
    ask = rng.choice(["users", "days"])
    days = math.ceil(2 * math.ceil(n) / daily)
    day_word = "day" if days == 1 else "days"
    context = (
        f"An AI reply-suggestion feature should raise the share of support chats resolved "
        f"without an agent from {100 * baseline:.0f}% by a relative {100 * lift:.0f}% "
        f"(to {100 * treated:.2f}%). You test at a two-sided α = 0.05 with {100 * power:.0f}% "
        f"power, splitting traffic 50/50; {daily:,} eligible chats arrive a day."
    )
    working = (
        f"n = (z₁₋α/₂·√(2p̄(1−p̄)) + z₁₋β·√(p₁(1−p₁) + p₂(1−p₂)))² / (p₂ − p₁)² with "
        f"p₁ = {baseline}, p₂ = {treated:.4f}: about {math.ceil(n):,} per arm"
    )
    if ask == "users":
        answer, tolerance, unit = float(math.ceil(n)), math.ceil(n) * 0.05, " chats per arm"
        question = "How many chats does each arm need? (Answers within 5% count.)"
        solution = working + "."
    else:
        # Within a day counts, but a test that needs a day or two cannot run for none.
        answer, tolerance, unit = float(days), 1.0 if days > 2 else 0.5, f" {day_word}"
        question = "How many full days must the test run?" + (
            " (Within a day counts.)" if tolerance == 1 else ""
        )
        solution = f"{working}; both arms need {2 * math.ceil(n):,} chats: {days} {day_word}."
    return Drill(
        kind="sample-size",
        seed=seed,
        title="A/B test size and duration",
        prompt=f"{context}\n\n{question}",
        answer=answer,
        tolerance=tolerance,
        unit=unit,
        solution=solution,
        decision=(
            f"Plan for {days} {day_word} and run at least one full week so weekday and weekend "
            "users are both in; if that is too long, test a bigger change or accept a larger "
            "detectable effect, rather than stopping early when the numbers look good."
        ),
        data={
            "baseline": baseline,
            "treated": treated,
            "alpha": 0.05,
            "power": power,
            "daily": daily,
            "ask": ask,
            "days": days,
        },
    )


def significance(seed: int) -> Drill:
    rng = Random(seed)
    n = rng.choice([2_000, 5_000, 10_000, 40_000, 150_000])
    base = rng.uniform(0.04, 0.3)
    lift = rng.uniform(-0.02, 0.12)
    control = max(1, round(n * base))
    treated = max(1, round(n * base * (1 + lift)))
    p1, p2 = control / n, treated / n
    pooled = (control + treated) / (2 * n)
    z = (p2 - p1) / math.sqrt(pooled * (1 - pooled) * 2 / n)
    p_value = 2 * (1 - _Z.cdf(abs(z)))
    worthwhile = rng.choice([0.5, 1.0, 2.0])  # percentage points
    observed = 100 * (p2 - p1)
    significant = p_value < 0.05
    practical = observed >= worthwhile
    if significant and practical:
        call = "ship: the lift is both real and large enough to matter"
    elif significant:
        call = (
            f"the lift is probably real but {observed:.2f} points is below the "
            f"{worthwhile} points that pay for the feature; do not ship on this alone"
        )
    elif practical:
        call = "the estimate is large but uncertain; extend the test rather than ship"
    else:
        call = "no evidence of a worthwhile lift; stop or rethink the change"
    return Drill(
        kind="significance",
        seed=seed,
        title="Statistical vs practical significance",
        prompt=(
            f"A ranking change for a shopping app ran for two weeks with {n:,} users per arm. "
            f"Control converted {control:,} users, treatment {treated:,}. The feature costs "
            f"enough that it needs a lift of at least {worthwhile} percentage points.\n\n"
            "What is the two-sided p-value of a two-proportion z-test (pooled)? Answer to "
            "3 decimals."
        ),
        answer=p_value,
        tolerance=0.0015,
        unit="",
        solution=(
            f"p₁ = {p1:.4f}, p₂ = {p2:.4f}, pooled p = {pooled:.4f}; "
            f"z = (p₂ − p₁) / √(p(1−p)·2/n) = {z:.3f}; p = {p_value:.3f}."
        ),
        decision=f"Observed lift {observed:.2f} points, p = {p_value:.3f}: {call}.",
        data={"n": n, "control": control, "treated": treated, "worthwhile": worthwhile},
    )
