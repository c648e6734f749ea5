"""Fit the rubric grader's score weights and verdict floors on the DEV split only.

Least squares of the human 0-5 scores on the grader's readings (coverage, signal
breadth, length, red flags) over dev answers that do not game; then the factor
for gamed answers; then the verdict floors that maximise exact agreement plus
quadratic weighted kappa on all dev answers. Prints the ScoreModel for
hirebar/grading/verdict.py: WITH_MODEL, or with --lexical WORDING_ONLY, fitted on
readings made without the sentence model. The test split is never read here.

usage: python benchmarks/tune_grader.py [--lexical]
"""

from __future__ import annotations

import argparse
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
    parser = argparse.ArgumentParser()
    parser.add_argument("--lexical", action="store_true", help="fit WORDING_ONLY")
    args = parser.parse_args()
    name = "WORDING_ONLY" if args.lexical else "WITH_MODEL"
    library = Library.load([])
    embedder = None if args.lexical else MiniLM(Settings().resolved_model_dir)
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
    intercept, coverage, breadth, length, red_flag = (round(float(b), 3) for b in beta)
    model = replace(
        getattr(verdict, name),
        intercept=intercept,
        coverage=coverage,
        breadth=breadth,
        length=length,
        red_flag=red_flag,
    )
    setattr(verdict, name, model)

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
            (round(float(high), 1), Verdict.strong_hire),
            (round(float(mid), 1), Verdict.lean_hire),
            (round(float(low), 1), Verdict.lean_no_hire),
        )
        setattr(verdict, name, replace(model, floors=floors))
        predicted = [verdict.verdict_for(s, r).rank for s, r in zip(scores, found, strict=True)]
        exact, _ = exact_and_within_one(truth, predicted)
        value = exact + quadratic_weighted_kappa(truth, predicted, 4)
        if best is None or value > best[0]:
            best = (value, floors, exact)
    _, floors, exact = best
    print(f"{name} = {replace(model, floors=floors)}")
    print(f"# dev exact agreement with these floors: {exact:.1%}")


def _raw(reading) -> float:
    return verdict.overall_score(replace(reading, gamed=False))


if __name__ == "__main__":
    main()
