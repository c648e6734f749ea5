"""Peak RSS of one process that grades many different answers, as the web app's grading
process does over weeks of use: the embedding caches are bounded, so memory levels off.

Every sentence of every answer is new to the caches (see ``answer_of``); the peak RSS is
printed after each thousand answers. Target: it stays under 350 MB.

usage: python benchmarks/long_run_memory.py [--answers 6000]
"""

from __future__ import annotations

import argparse
import resource
import time

from grading_speed import answer_of

from hirebar.content import Library
from hirebar.grading import MiniLM, assess
from hirebar.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=6000)
    args = parser.parse_args()
    questions = list(Library.load([]).questions.values())
    embedder = MiniLM(Settings().resolved_model_dir)
    start = time.perf_counter()
    for i in range(args.answers):
        question = questions[i % len(questions)]
        assess(question, answer_of(120 + (i * 37) % 260, question, 10_000 + i), embedder)
        if (i + 1) % 1000 == 0 or i + 1 == args.answers:
            rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"{i + 1:6,d} answers: peak RSS {rss_mb:.0f} MB "
                f"({time.perf_counter() - start:.0f} s)",
                flush=True,
            )


if __name__ == "__main__":
    main()
