"""An answer that is mostly the exemplar pasted back keeps the grade that text earns, and
says that the grade is the exemplar's: it tells the candidate nothing about themselves."""

from __future__ import annotations

import re

from test_grader import PAIRS

from hirebar.content import Verdict
from hirebar.grading import assess
from hirebar.grading.grader import COPIED_NOTE
from hirebar.grading.reference import COPIED_NOTE as COPIED_REFERENCE_NOTE
from hirebar.grading.reference import assess_with_reference

QUESTION = "dbg-fraud-f1-hidden-misses"


def pasted(exemplar: str) -> str:
    """The exemplar as a candidate would paste it: outline numbers gone, one paragraph."""
    return " ".join(re.sub(r"^\s*(?:\d+[.)]|[-*])\s*", "", exemplar, flags=re.M).split())


def test_a_pasted_exemplar_is_said_to_be_the_exemplar(library, embedder):
    question = library.questions[QUESTION]
    graded = assess(question, pasted(question.exemplar), embedder)
    assert COPIED_NOTE in graded.notes
    assert graded.verdict.rank >= Verdict.lean_hire.rank  # the text earns what it earns


def test_half_pasted_with_the_rest_in_own_words_is_said_so_too(library, embedder):
    question = library.questions[QUESTION]
    half = pasted(question.exemplar)
    own = PAIRS[QUESTION]["strong"][: len(half) // 2]
    assert COPIED_NOTE in assess(question, f"{half} {own}", embedder).notes


def test_answers_written_for_the_question_are_not_called_copies(library):
    for question_id, labels in PAIRS.items():
        for text in labels.values():
            assert COPIED_NOTE not in assess(library.questions[question_id], text).notes


def test_a_reply_quoting_one_exemplar_line_among_its_own_is_not_called_a_copy(library):
    question = library.questions[QUESTION]
    line = pasted(question.exemplar.splitlines()[0])
    answer = f"{PAIRS[QUESTION]['strong']} {line}"
    assert COPIED_NOTE not in assess(question, answer).notes


def test_reference_mode_says_so_and_keeps_the_score():
    question = "Why hold out a test set that no one tunes on?"
    reference = (
        "Tuning on a set leaks it into the model, so its metrics overstate quality; an "
        "untouched holdout estimates performance on new data."
    )
    copy = assess_with_reference(question, reference, reference)
    assert COPIED_REFERENCE_NOTE in copy.notes and copy.score >= 4
    own = assess_with_reference(
        question,
        reference,
        "If you tune against it, the set stops being new to the model and the numbers flatter it.",
    )
    assert COPIED_REFERENCE_NOTE not in own.notes
