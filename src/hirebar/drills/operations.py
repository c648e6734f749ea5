"""Drills on running a model: latency against an SLA, the cost of inference, and whether
a retrain pays for itself."""

from __future__ import annotations

import math
from random import Random

from hirebar.drills.drill import Drill

DAYS_PER_MONTH = 30


def latency(seed: int) -> Drill:
    rng = Random(seed)
    size = rng.choice([20, 25, 40])
    median = rng.randint(120, 600)
    values = sorted(
        round(median * math.exp(rng.gauss(0, rng.uniform(0.2, 0.6)))) for _ in range(size)
    )
    shuffled = values[:]
    rng.shuffle(shuffled)
    rank = math.ceil(0.95 * size)
    p95 = values[rank - 1]
    sla = round(p95 * rng.choice([0.8, 0.9, 1.1, 1.3]), -1)
    verdict = (
        f"p95 {p95} ms is within the {sla:.0f} ms SLA, so the upgrade can proceed with an alert "
        "on p95 at launch"
        if p95 <= sla
        else f"p95 {p95} ms breaks the {sla:.0f} ms SLA: cut latency first (smaller model for "
        "easy requests, streaming, caching) or renegotiate the SLA with the numbers"
    )
    return Drill(
        kind="latency",
        seed=seed,
        title="Tail latency (p95) against an SLA",
        prompt=(
            f"Before upgrading the model behind a voice assistant you replay {size} requests. "
            f"Latencies in ms:\n  {', '.join(str(v) for v in shuffled)}\n\nThe SLA is "
            f"{sla:.0f} ms at p95. What is the p95 latency by the nearest-rank method?"
        ),
        answer=float(p95),
        tolerance=0.5,
        unit=" ms",
        solution=(
            f"Sort the {size} values; nearest rank = ⌈0.95 × {size}⌉ = {rank}; "
            f"the {rank}th value is {p95} ms."
        ),
        decision=verdict + ".",
        data={"latencies": shuffled, "sla": sla},
    )


def inference_cost(seed: int) -> Drill:
    rng = Random(seed)
    requests = rng.choice([20_000, 50_000, 120_000, 400_000, 1_500_000])
    tokens_in = rng.choice([400, 800, 1500, 3000])
    tokens_out = rng.choice([150, 300, 600])
    price_in = rng.choice([0.15, 0.5, 1.0, 3.0])
    price_out = price_in * rng.choice([3, 4, 5])
    per_request = (tokens_in * price_in + tokens_out * price_out) / 1e6
    monthly = requests * DAYS_PER_MONTH * per_request
    ask = rng.choice(["monthly", "price cut", "batch"])
    if ask == "monthly":
        answer = monthly
        question = "What is the monthly inference bill (30 days) in dollars?"
        steps = ""
    elif ask == "price cut":
        cut = rng.choice([0.2, 0.3, 0.5])
        answer = monthly * (1 - cut)
        question = (
            f"The provider cuts both token prices by {100 * cut:.0f}%. What is the new monthly "
            "bill (30 days) in dollars?"
        )
        steps = f" A {100 * cut:.0f}% cut on both prices scales it by {1 - cut:.2f}."
    else:
        share = rng.choice([0.2, 0.4, 0.6])
        answer = monthly * (1 - share) + monthly * share * 0.5
        question = (
            f"{100 * share:.0f}% of the requests are nightly summaries that can use the batch "
            "interface at half price. What is the monthly bill (30 days) in dollars?"
        )
        steps = f" Batch halves the cost of {100 * share:.0f}% of traffic."
    return Drill(
        kind="inference-cost",
        seed=seed,
        title="Unit economics of inference",
        prompt=(
            f"A writing assistant serves {requests:,} requests a day. Each sends {tokens_in:,} "
            f"input tokens and gets {tokens_out:,} output tokens back. The model costs "
            f"${price_in:g} per million input tokens and ${price_out:g} per million output "
            f"tokens.\n\n{question} (Within 1% counts.)"
        ),
        answer=answer,
        tolerance=answer * 0.01,
        unit="",
        solution=(
            f"Per request: ({tokens_in:,} × ${price_in:g} + {tokens_out:,} × ${price_out:g}) "
            f"/ 1M = ${per_request:.6f}; × {requests:,} × 30 = ${monthly:,.0f} a month."
            f"{steps} Answer: ${answer:,.0f}."
        ),
        decision=(
            "Put the bill next to revenue per user: if the margin is thin, the levers are a "
            "shorter prompt, capped output, caching, routing easy requests to a smaller model "
            "and batch pricing for work that can wait, each gated by an evaluation."
        ),
        data={
            "requests": requests,
            "tokens_in": tokens_in,
            "tokens_out": tokens_out,
            "price_in": price_in,
            "price_out": price_out,
            "ask": ask,
        },
    )


def retraining(seed: int) -> Drill:
    rng = Random(seed)
    while True:  # keep paybacks a PM would actually weigh: two weeks to three years
        labels = rng.choice([5_000, 20_000, 50_000])
        label_price = rng.choice([0.08, 0.25, 0.6, 1.5])
        compute = rng.choice([2_000, 8_000, 25_000])
        engineering = rng.choice([10_000, 30_000, 60_000])
        users = rng.choice([200_000, 1_000_000, 5_000_000])
        lift_pp = rng.choice([0.05, 0.1, 0.2, 0.5])
        value = rng.choice([2, 5, 12, 40])
        cost = labels * label_price + compute + engineering
        monthly_gain = users * lift_pp / 100 * value
        answer = cost / monthly_gain
        if 0.5 <= answer <= 36:
            break
    return Drill(
        kind="retraining",
        seed=seed,
        title="Does the retrain pay for itself?",
        prompt=(
            f"A retrain of the checkout-recommendation model needs {labels:,} new labels at "
            f"${label_price:g} each, ${compute:,} of compute and ${engineering:,} of engineering "
            f"time. Offline results suggest a {lift_pp:g} percentage-point lift in conversion "
            f"for {users:,} monthly buyers, each extra conversion worth ${value}.\n\n"
            "How many months until the retrain pays back its cost? Answer to 1 decimal."
        ),
        answer=answer,
        tolerance=max(0.05, answer * 0.01),
        unit=" months",
        solution=(
            f"Cost = {labels:,} × ${label_price:g} + ${compute:,} + ${engineering:,} = "
            f"${cost:,.0f}. Gain per month = {users:,} × {lift_pp:g}% × ${value} = "
            f"${monthly_gain:,.0f}. Payback = {answer:.1f} months."
        ),
        decision=(
            "Offline lifts often shrink online, so discount the gain before comparing: a "
            "payback under a quarter survives a halving; one over a year needs an A/B test on "
            "a slice first, or a cheaper retrain."
        ),
        data={
            "labels": labels,
            "label_price": label_price,
            "compute": compute,
            "engineering": engineering,
            "users": users,
            "lift_pp": lift_pp,
            "value": value,
        },
    )
