"""A polished answer to a different question is flagged and capped, not scored on its polish."""

from __future__ import annotations

from hirebar.content import Verdict
from hirebar.grading import assess
from hirebar.grading.grader import CLEARLY_COVERED_AT

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


# On the same field (models, labels, drift), so the topic check lets it through: an incident
# plan given to a recruiter's question about the share of time spent on ML work.
SAME_FIELD = (
    "First I would clarify what changed overnight: a model deploy, a data pipeline "
    "change, or an upstream schema change. I would contain the impact by rolling back to "
    "the last known good model version if a deploy happened, since users are affected "
    "right now. Then I would slice the accuracy drop by segment, by input source and by "
    "time to see whether it is concentrated. I would check for data drift with PSI on the "
    "top features and compare the label distribution against last week. I would also "
    "check whether the labelling pipeline changed, because a drop of 12 points overnight "
    "is often a measurement problem, not a model problem. I would communicate to "
    "stakeholders within the hour with what we know and the rollback criteria. Finally I "
    "would add monitoring on input feature distributions with an alert at PSI above 0.2 "
    "so this is caught before users notice."
)


def test_an_answer_covering_no_key_point_clearly_stays_below_the_bar_and_says_why(
    library, embedder
):
    graded = assess(library.questions["rs-ai-title-scope"], SAME_FIELD, embedder)
    # "Slice the accuracy drop by segment" comes near "reviewed the confusion matrix every
    # week": at 0.55 in float, enough to count as covered, and the answer scored lean hire.
    assert all(k.strength < CLEARLY_COVERED_AT for k in graded.key_points)
    assert graded.verdict.rank <= Verdict.lean_no_hire.rank
    assert any("answers the question asked" in note for note in graded.notes)


def test_a_sentence_credited_for_a_key_point_is_not_also_the_off_topic_quote(library, embedder):
    answer = (
        "I would roll back the model first. My favourite food is pizza and I enjoy hiking on "
        "weekends with my family and friends in the mountains near the lake every summer."
    )
    graded = assess(library.questions["dbg-overnight-accuracy-drop"], answer, embedder)
    evidence = {k.evidence.quote for k in graded.key_points if k.evidence}
    assert "I would roll back the model first." in evidence
    (flag,) = [f for f in graded.red_flags if f.id == "off-topic"]
    assert flag.quote.startswith("My favourite food is pizza")
    assert "nothing but the sentences credited for key points" in flag.why


def test_an_own_story_that_makes_most_key_points_is_not_called_off_topic(library, embedder):
    """The story shares no content word with the prompt and no sentence comes within cosine
    0.30 of it, but it clearly makes four of the five points the question tests."""
    question = library.questions["beh-model-broke-production"]
    story = (
        "I was PM for a document-verification model at a lending startup. After a partner "
        "bank changed its statement layout, the model rejected about 6% of applications that "
        "week, around 800 people. Instead of switching the model off, from that afternoon any "
        "rejection of that bank's statements went to a human reviewer instead of being "
        "declined automatically. We emailed the affected applicants the same day. The cause "
        "was the new layout, which we added to training using the cases reviewers had checked. "
        "I added an alert on the rejection rate per bank, and I own it."
    )
    graded = assess(question, story, embedder)
    clear = [k.id for k in graded.key_points if k.strength >= CLEARLY_COVERED_AT]
    assert len(clear) * 2 > len(graded.key_points)
    assert "off-topic" not in [h.id for h in graded.red_flags]
    assert graded.verdict != Verdict.strong_no_hire
