"""Content and grader keep each other honest: every exemplar outline reads as a hire,
every weak pitfall as a no-hire. A failure means either the rubric's cues or the grader
drifted from what the content says a strong answer is."""

from __future__ import annotations

from hirebar.content import Verdict
from hirebar.grading import assess


def test_exemplars_grade_lean_hire_or_better_and_weak_pitfalls_lean_no_hire_or_worse(
    library, embedder
):
    low_exemplars, high_pitfalls = [], []
    for question in library.questions.values():
        verdict = assess(question, question.exemplar, embedder).verdict
        if verdict.rank < Verdict.lean_hire.rank:
            low_exemplars.append((question.id, verdict.value))
        for number, pitfall in enumerate(question.pitfalls):
            verdict = assess(question, pitfall.weak, embedder).verdict
            if verdict.rank > Verdict.lean_no_hire.rank:
                high_pitfalls.append((question.id, number, verdict.value))
    assert low_exemplars == []
    assert high_pitfalls == []
    assert len(library.questions) >= 400
