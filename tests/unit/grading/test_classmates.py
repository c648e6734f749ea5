"""A class's short answers to one question, graded together against a model answer."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hirebar.grading.classmates import MIN_CLASS, SHORT_ANSWER, grade_class, peer_recalls
from hirebar.grading.reference import assess_with_reference

QUESTION = "What happens in a hash table when two keys map to the same slot?"
REFERENCE = (
    "A collision occurs; it is resolved by chaining the entries in a list at that slot or "
    "by probing for another open slot."
)
RIGHT = [
    "That is a collision. The slot keeps a linked list and both entries go in it.",
    "It is a collision, so the second key is chained onto a list stored at that slot.",
    "A collision: the table either chains the keys in a list or probes for the next free slot.",
]
# Right, in the class's words rather than the model answer's.
PARAPHRASE = "Both keys are stored in a linked list hanging off that bucket."
WRONG = [
    "The old key is deleted and the new key takes its place.",
    "The table doubles its size right away.",
]
CLASS = [*RIGHT, PARAPHRASE, *WRONG]


def test_a_right_answer_in_the_classs_words_gains_and_wrong_ones_do_not(embedder):
    alone, together = grade_class(QUESTION, REFERENCE, CLASS, embedder)
    gain = {a: t.score - s.score for a, s, t in zip(CLASS, alone, together, strict=True)}
    assert gain[PARAPHRASE] > 0.2
    assert all(gain[w] < gain[PARAPHRASE] - 0.2 for w in WRONG)
    assert all(t.score < 1.5 for a, t in zip(CLASS, together, strict=True) if a in WRONG)
    assert all("peer_recall" in t.features for t in together)


def test_the_grade_alone_is_the_single_answer_grade(embedder):
    alone, _ = grade_class(QUESTION, REFERENCE, CLASS, embedder)
    assert [a.score for a in alone] == [
        assess_with_reference(QUESTION, REFERENCE, answer, embedder).score for answer in CLASS
    ]


def test_the_order_of_the_class_does_not_change_a_grade(embedder):
    forward = grade_class(QUESTION, REFERENCE, CLASS, embedder)[1]
    backward = grade_class(QUESTION, REFERENCE, CLASS[::-1], embedder)[1][::-1]
    assert [a.score for a in forward] == [a.score for a in backward]


def test_a_copy_of_an_answer_is_not_its_peer(embedder):
    wrong = WRONG[0]
    scores = [5.0, 4.0, 0.5, 0.5, 0.1]  # the copies grade best among the rest alone
    answers = [wrong, wrong.upper(), RIGHT[0], RIGHT[1], WRONG[1]]
    recalls = peer_recalls(QUESTION, answers, scores, embedder)
    assert recalls[0] < 0.9  # its copy would cover it entirely
    assert recalls[1] < 0.9


def test_small_classes_long_answers_and_wording_alone_keep_the_grade_alone(embedder):
    few = CLASS[: MIN_CLASS - 1]
    alone, together = grade_class(QUESTION, REFERENCE, few, embedder)
    assert together == alone
    long_class = [
        f"{a} " + "I would also walk through the trade-offs in detail. " * 8 for a in CLASS
    ]
    assert all(len(a.split()) > SHORT_ANSWER for a in long_class)
    alone, together = grade_class(QUESTION, REFERENCE, long_class, embedder)
    assert together == alone
    alone, together = grade_class(QUESTION, REFERENCE, CLASS, None)
    assert together == alone
    assert all("peer_recall" not in a.features for a in together)


def test_an_empty_answer_grades_zero_in_a_class(embedder):
    together = grade_class(QUESTION, REFERENCE, [*CLASS, "  "], embedder)[1]
    assert together[-1].score == 0.0


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extra=st.lists(st.text(max_size=60), min_size=1, max_size=4))
def test_random_unicode_in_a_class_never_raises(embedder, extra):
    answers = [*CLASS[:3], *extra]
    alone, together = grade_class(QUESTION, REFERENCE, answers, embedder)
    assert len(alone) == len(together) == len(answers)
    assert all(0 <= a.score <= 5 for a in together)
