"""How fast the grader reads an answer on this machine.

Grades every question's exemplar outline and a long answer built from it, with and
without the sentence model, and prints cold-start and per-answer times. Figures are
for comparison within one run (these machines are noisy), not absolute targets.

usage: python benchmarks/grader_speed.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import time

from hirebar.content import Library
from hirebar.grading import MiniLM, assess
from hirebar.settings import Settings


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    library = Library.load([])
    questions = list(library.questions.values())
    embedder = MiniLM(Settings().resolved_model_dir)
    cold = timed(lambda: assess(questions[0], questions[0].exemplar, embedder))
    print(f"questions: {len(questions)}")
    print(f"cold start (load model + first answer): {cold:.0f} ms")

    for label, model in (("with MiniLM", embedder), ("wording only", None)):
        for kind, make in (("exemplar", lambda q: q.exemplar),
                           ("long (exemplar x4)", lambda q: " ".join([q.exemplar] * 4))):
            times = [
                timed(lambda q=q: assess(q, make(q) + f" Round {r}.", model))
                for r in range(args.rounds)
                for q in questions
            ]
            print(f"{label:13s} {kind:19s} p50 {statistics.median(times):6.1f} ms   "
                  f"p95 {percentile(times, 0.95):6.1f} ms   n={len(times)}")


if __name__ == "__main__":
    main()
