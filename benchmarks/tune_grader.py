"""Fit the rubric grader's score weights and verdict floors on the DEV split only.

Least squares of the human 0-5 scores on the grader's readings (coverage, signal
breadth, length, red flags) over dev answers that do not game; then the factor
for gamed answers; then the verdict floors that maximise exact agreement plus
quadratic weighted kappa on all dev answers. Prints constants for
hirebar/grading/verdict.py. The test split is never read here.

usage: python benchmarks/tune_grader.py
"""

from __future__ import annotations

import itertools
from dataclasses import replace

import numpy as np
from labelled import load

from hirebar.content import Library, Verdict
from hirebar.grading import MiniLM, assess, verdict
from hirebar.grading.agreement import exact_and_within_one, quadratic_weighted_kappa
from hirebar.settings import Settings


def readings(items, library, embedder):
    """The Reading behind each assessment, captured as the grader builds it."""
    captured = []
    original = verdict.overall_score

    def spy(reading):
        captured.append(reading)
        return original(reading)

    import hirebar.grading.grader as grader

    grader.overall_score = spy
    try:
        for item in items:
            assess(library.questions[item.question], item.text, embedder)
    finally:
        grader.overall_score = original
    return captured


def main() -> None:
    library = Library.load([])
    embedder = MiniLM(Settings().resolved_model_dir)
    items = load("dev")
    found = readings(items, library, embedder)
    human = np.array([i.score for i in items])

    honest = [k for k, r in enumerate(found) if not r.gamed]
    x = np.array(
        [
            [
                1,
                r.coverage,
                min(r.breadth, 8) / 8,
                r.coverage * min(r.words, r.full_words) / r.full_words,
                -r.red_flags,
            ]
            for r in (found[k] for k in honest)
        ]
    )
    beta, *_ = np.linalg.lstsq(x, human[honest], rcond=None)
    names = ["INTERCEPT", "W_COVERAGE", "W_BREADTH", "W_LENGTH", "W_RED_FLAG"]
    for name, value in zip(names, beta, strict=True):
        setattr(verdict, name, round(float(value), 3))
        print(f"{name} = {value:.3f}")

    gamed = [k for k, r in enumerate(found) if r.gamed]
    best_factor = min(
        np.arange(0.1, 1.01, 0.05),
        key=lambda f: sum(
            (min(_raw(found[k]) * f, verdict.GAMED_MAX) - human[k]) ** 2 for k in gamed
        ),
    )
    verdict.GAMED_FACTOR = round(float(best_factor), 2)
    print(f"GAMED_FACTOR = {verdict.GAMED_FACTOR}")

    scores = [verdict.overall_score(r) for r in found]
    truth = [i.verdict.rank for i in items]
    grid = np.arange(0.5, 4.51, 0.1)
    best = None
    for low, mid, high in itertools.combinations(grid, 3):
        floors = (
            (high, Verdict.strong_hire),
            (mid, Verdict.lean_hire),
            (low, Verdict.lean_no_hire),
        )
        verdict.VERDICT_FLOORS = floors
        predicted = [verdict.verdict_for(s, r).rank for s, r in zip(scores, found, strict=True)]
        exact, _ = exact_and_within_one(truth, predicted)
        value = exact + quadratic_weighted_kappa(truth, predicted, 4)
        if best is None or value > best[0]:
            best = (value, floors, exact)
    _, floors, exact = best
    print("VERDICT_FLOORS = (")
    for floor, level in floors:
        print(f"    ({floor:.1f}, Verdict.{level.value}),")
    print(f")\n# dev exact agreement with these floors: {exact:.1%}")


def _raw(reading) -> float:
    return verdict.overall_score(replace(reading, gamed=False))


if __name__ == "__main__":
    main()
