"""Reference-answer mode on interview answers: the labelled set, graded against each
question's exemplar outline as the model answer, with no rubric.

This is what a coach does with a question of their own: one model answer, nothing else.
Prints n, Pearson, Spearman and RMSE (after a linear fit) against the 0-5 labels, per
split, with the sentence model and on wording alone, each answer graded alone and with
the other answers to its question as its class (hirebar/grading/classmates.py). Nothing is fitted here: the weights
are SciEntsBank's (benchmarks/tune_reference.py).

usage: python benchmarks/reference_on_interviews.py
"""

from __future__ import annotations

from labelled import load

from hirebar.content import Library
from hirebar.grading import MiniLM
from hirebar.practice.evaluation import GradedAnswer, evaluate
from hirebar.settings import Settings


def main() -> None:
    library = Library.load([])
    embedder = MiniLM(Settings().resolved_model_dir)
    for split in ("dev", "test"):
        rows = [
            GradedAnswer(
                line=number,
                question=library.questions[item.question].prompt,
                reference_answer=library.questions[item.question].exemplar,
                answer=item.text,
                score=item.score,
                question_id=item.question,
            )
            for number, item in enumerate(load(split), start=1)
        ]
        for name, model in (("with MiniLM", embedder), ("wording only", None)):
            found = evaluate(rows, model)
            for way, figures in (("alone", found["alone"]), ("with the class", found)):
                print(
                    f"{split:4} {name:12} {way:14}  n {found['n']}  "
                    f"Pearson {figures['pearson']:.3f}  Spearman {figures['spearman']:.3f}  "
                    f"RMSE {figures['rmse']:.2f}"
                )


if __name__ == "__main__":
    main()
