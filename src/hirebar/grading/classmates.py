"""A class's answers to one question, graded together.

A model answer is one way to say it right; the class's strongest answers are others,
often in the words students actually use. Each answer is graded alone against the
reference first. It is then compared with the few other answers that grade highest
alone: how well its word pieces cover theirs (as the reference's are covered), the
best of them. The grade alone and that peer recall combine in a logistic model
fitted on the SciEntsBank training split (benchmarks/tune_reference.py), like the
reference weights. This is Mohler and Mihalcea's (2009) pseudo-relevance feedback;
no human score is read.

It is for short answers, a sentence or three stating a fact, where a classmate's
right answer is as good a model answer as the teacher's. On interview-length answers
the best peers differ from each other in structure more than in content, and the peer
signal lowered agreement on the labelled interview answers' dev split (Pearson 0.826
alone, 0.796 with the class), so a class whose median answer runs past SHORT_ANSWER
words is graded alone. So is a class of fewer than MIN_CLASS answers, and every class
without the sentence model.

An answer's grade now depends on the rest of the class, so it is used only where a
whole class is graded at once (`hirebar grader evaluate`, `hirebar grader batch`, the
web's "Grade a class" form), never for one answer.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from hirebar.grading.embedding import Embedder
from hirebar.grading.matching import MAX_EMBEDDED_WORDS
from hirebar.grading.reference import (
    ReferenceAssessment,
    assess_with_reference,
    logit,
    regraded,
    token_recall,
)
from hirebar.grading.text import growth_in_words

# The grade alone's log-odds, and the best recall of a top peer's word pieces.
# Fitted by benchmarks/tune_reference.py on scientsbank_train.csv only.
CLASS_WEIGHTS = {"alone": 0.67, "peer_recall": 2.84}
CLASS_INTERCEPT = -1.68
PEERS = 3
MIN_CLASS = PEERS + 1
SHORT_ANSWER = 60  # words


def grade_class(
    question: str, reference: str, answers: Sequence[str], embedder: Embedder | None
) -> tuple[list[ReferenceAssessment], list[ReferenceAssessment]]:
    """Every answer's assessment alone, and with its score and verdict read with its
    classmates'."""
    alone = [assess_with_reference(question, reference, a, embedder) for a in answers]
    if embedder is None or len(answers) < MIN_CLASS or not _short(answers):
        return alone, alone
    recalls = peer_recalls(question, answers, [a.score for a in alone], embedder)
    graded = []
    for answer, assessment, recall in zip(answers, alone, recalls, strict=True):
        if not answer.strip():
            graded.append(assessment)
            continue
        log_odds = (
            CLASS_INTERCEPT
            + CLASS_WEIGHTS["alone"] * logit(assessment.features, semantic=True)
            + CLASS_WEIGHTS["peer_recall"] * recall
        )
        graded.append(regraded(assessment, log_odds, peer_recall=round(recall, 4)))
    return alone, graded


def _short(answers: Sequence[str]) -> bool:
    return statistics.median(len(a.split()) for a in answers) <= SHORT_ANSWER


def peer_recalls(
    question: str, answers: Sequence[str], scores: Sequence[float], embedder: Embedder
) -> list[float]:
    """For each answer, how well it covers the best-covered of the PEERS other answers
    that score highest alone. A copy of the answer itself is not a second opinion, and
    an empty answer is no peer."""
    question = growth_in_words(question)
    read = [growth_in_words(" ".join(a.split()[:MAX_EMBEDDED_WORDS])) for a in answers]
    # Ties go by text, so the order the class comes in changes no grade.
    ranked = sorted(range(len(answers)), key=lambda i: (-scores[i], read[i]))
    folded = [text.lower() for text in read]
    recalls = []
    for text, own in zip(read, folded, strict=True):
        peers = [j for j in ranked if read[j].strip() and folded[j] != own]
        recalls.append(
            max(
                (token_recall(question, read[j], text, embedder) for j in peers[:PEERS]),
                default=0.0,
            )
            if text.strip()
            else 0.0
        )
    return recalls
