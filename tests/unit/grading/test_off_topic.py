"""A polished answer to a different question is flagged and capped, not scored on its polish."""

from __future__ import annotations

from hirebar.content import Verdict
from hirebar.grading import assess

QUESTION = "hm-model-vs-rules-disagreement"
# A good story about a different disagreement: no model, no rules, no ML anywhere.
ELSEWHERE = (
    "My engineering lead and I disagreed about launching a redesigned checkout before the "
    "holidays. He wanted to wait for January because of the code freeze; I thought we were "
    "leaving conversion on the table. I pulled the numbers: a 2.1 percent lift in completion "
    "over four weeks, worth about $1.3 million at peak. We launched three weeks before the "
    "freeze behind a feature flag with a one-click revert, wrote up the risk we accepted, and "
    "kept the lift through the holidays."
)


def test_an_answer_to_another_question_is_flagged_and_capped(library, embedder):
    graded = assess(library.questions[QUESTION], ELSEWHERE, embedder)
    (flag,) = [f for f in graded.red_flags if f.id == "off-topic"]
    assert flag.quote.startswith("My engineering lead and I disagreed")
    assert "content words" in flag.why
    assert graded.verdict.rank <= Verdict.lean_no_hire.rank


def test_the_question_s_own_exemplar_is_not_flagged(library, embedder):
    question = library.questions[QUESTION]
    graded = assess(question, question.exemplar, embedder)
    assert "off-topic" not in {f.id for f in graded.red_flags}


def test_a_follow_up_reply_and_wording_only_grading_skip_the_check(library, embedder):
    question = library.questions[QUESTION]
    probe = question.follow_ups[0]
    assert "off-topic" not in {
        f.id for f in assess(question, ELSEWHERE, embedder, probe=probe).red_flags
    }
    assert "off-topic" not in {f.id for f in assess(question, ELSEWHERE).red_flags}


def test_a_non_answer_is_not_called_an_answer_to_another_question(library, embedder):
    question = library.questions[QUESTION]
    for text in ("I don't know.", "Pass.", "I would rather not answer this one, sorry."):
        graded = assess(question, text, embedder)
        assert "off-topic" not in {f.id for f in graded.red_flags}, text
        assert graded.verdict == Verdict.strong_no_hire
