"""Agreement of the rubric grader with the human labels, on the test questions.

Prints Spearman and Pearson against the 0-5 scores, quadratic weighted kappa and
exact / within-one agreement on the four verdicts, a confusion matrix, and the
highest verdict each kind of gaming reached. Targets on the test split: Spearman
>= 0.80, QWK >= 0.75, exact >= 65 %, within-one >= 95 %, no gaming above lean_no_hire.
``--split unseen`` reads the answers of writers who never saw the grader or the rubric
while writing (LABELLING.md, "The unseen set"): how the grader carries to other people's
words. ``--split unseen-dev`` reads a second such set, made to tune against.

usage: python benchmarks/agreement.py [--split test|dev|all|unseen|unseen-dev] [--lexical]
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from labelled import GAMING, load

from hirebar.content import Library, Verdict
from hirebar.grading import MiniLM, assess
from hirebar.grading.agreement import (
    confusion,
    exact_and_within_one,
    pearson,
    quadratic_weighted_kappa,
    spearman,
)
from hirebar.settings import Settings

SHORT = ["SNH", "LNH", "LH", "SH"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--split", default="test", choices=["test", "dev", "all", "unseen", "unseen-dev"]
    )
    parser.add_argument("--lexical", action="store_true", help="without the sentence model")
    args = parser.parse_args()

    library = Library.load([])
    embedder = None if args.lexical else MiniLM(Settings().resolved_model_dir)
    items = load(args.split)
    results = [assess(library.questions[i.question], i.text, embedder) for i in items]

    human = [i.score for i in items]
    graded = [r.score for r in results]
    truth = [i.verdict.rank for i in items]
    predicted = [r.verdict.rank for r in results]
    exact, within = exact_and_within_one(truth, predicted)
    print(
        f"split: {args.split}   answers: {len(items)}   questions: "
        f"{len({i.question for i in items})}   model: {'off' if args.lexical else 'MiniLM'}"
    )
    print(f"Spearman (0-5 scores)      {spearman(graded, human):.3f}   target >= 0.80")
    print(f"Pearson  (0-5 scores)      {pearson(graded, human):.3f}")
    print(
        f"QWK (verdicts)             {quadratic_weighted_kappa(truth, predicted, 4):.3f}"
        "   target >= 0.75"
    )
    print(f"exact verdict              {exact:.1%}   target >= 65 %")
    print(f"within one verdict         {within:.1%}   target >= 95 %")
    print("\nconfusion (rows: human, columns: grader)")
    print("       " + "".join(f"{s:>6s}" for s in SHORT))
    for name, row in zip(SHORT, confusion(truth, predicted, 4), strict=True):
        print(f"{name:>6s} " + "".join(f"{v:6d}" for v in row))

    worst: dict[str, list[Verdict]] = defaultdict(list)
    for item, result in zip(items, results, strict=True):
        worst[item.gaming].append(result.verdict)
    print("\ngaming kind         n   highest verdict   above lean_no_hire")
    for kind in GAMING:
        verdicts = worst.get(kind, [])
        if verdicts:
            top = max(verdicts, key=lambda v: v.rank)
            over = sum(v.rank > Verdict.lean_no_hire.rank for v in verdicts)
            print(f"{kind:18s} {len(verdicts):2d}   {top.value:16s}  {over}")


if __name__ == "__main__":
    main()
