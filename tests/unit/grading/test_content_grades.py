"""Content and grader keep each other honest: every exemplar outline reads as a hire,
every weak pitfall as a no-hire that raises one of the question's red flags. A failure
means either the rubric's cues or the grader drifted from what the content says a strong
or a weak answer is."""

from __future__ import annotations

from hirebar.content import Verdict
from hirebar.grading import assess
from hirebar.grading.red_flags import GENERIC_RED_FLAGS

# Weak pitfalls whose fault no red flag describes: an omission, not a claim.
WEAK_WITHOUT_A_FLAG = {
    # Sides with the CTO and closes the free tier without checking how many paying teams
    # started there: the fault is the missing check.
    "xf-compute-budget-runway",
}


def test_exemplars_grade_lean_hire_or_better_and_weak_pitfalls_lean_no_hire_or_worse(
    library, embedder
):
    low_exemplars, high_pitfalls, unflagged = [], [], []
    for question in library.questions.values():
        verdict = assess(question, question.exemplar, embedder).verdict
        if verdict.rank < Verdict.lean_hire.rank:
            low_exemplars.append((question.id, verdict.value))
        flags = {f.id for f in [*question.rubric.red_flags, *GENERIC_RED_FLAGS]}
        for number, pitfall in enumerate(question.pitfalls):
            weak = assess(question, pitfall.weak, embedder)
            if weak.verdict.rank > Verdict.lean_no_hire.rank:
                high_pitfalls.append((question.id, number, weak.verdict.value))
            if not flags & {h.id for h in weak.red_flags}:
                unflagged.append(question.id)
    assert low_exemplars == []
    assert high_pitfalls == []
    assert sorted(unflagged) == sorted(WEAK_WITHOUT_A_FLAG)
    assert len(library.questions) >= 400
