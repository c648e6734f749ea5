"""How much credit a strong behavioural answer from the candidate's own story gets.

Grades benchmarks/data/own_stories.yaml (one strong answer per behavioural question, told
from another story than the exemplar's) and prints the key points credited and the
verdicts. Each answer was written to make every key point, so a miss is a cue tied too
closely to the exemplar's story, or a point the answer says too thinly.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import yaml

from hirebar.content import Library, Verdict
from hirebar.grading import MiniLM, assess
from hirebar.settings import Settings

DATA = Path(__file__).resolve().parent / "data" / "own_stories.yaml"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per answer")
    args = parser.parse_args()
    library = Library.load([])
    embedder = MiniLM(Settings().resolved_model_dir)
    answers = yaml.safe_load(DATA.read_text())["answers"]
    covered = total = 0
    verdicts: Counter[Verdict] = Counter()
    for item in answers:
        graded = assess(library.questions[item["question"]], item["answer"], embedder)
        covered += sum(k.covered for k in graded.key_points)
        total += len(graded.key_points)
        verdicts[graded.verdict] += 1
        if args.verbose:
            missed = ", ".join(k.id for k in graded.key_points if not k.covered) or "-"
            print(f"{item['question']:42s} {graded.verdict.value:15s} missed: {missed}")
    print(
        f"answers: {len(answers)}   key points credited: {covered}/{total} ({covered / total:.0%})"
    )
    print("verdicts: " + ", ".join(f"{v.value} {verdicts[v]}" for v in reversed(Verdict)))


if __name__ == "__main__":
    main()
