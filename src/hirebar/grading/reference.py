"""Reference-answer mode: grade against a model answer when a question has no rubric.

Key points are the reference's clauses. The 0-5 score is a logistic model over
signals that carry to unseen questions: words the question already uses earn
nothing; coverage of the reference's content words, and of its word pieces by
meaning (a rare piece weighing more than a common one); how well each reference
clause is matched by some answer sentence (by meaning); and how much shorter than
the reference the answer is, as a log ratio (a short answer is usually missing
something; length past the reference's earns nothing). Every signal but the
penalty for restating the question has a positive weight. Coverage, length and
word-piece recall read only the answer's sentences on the reference's topic, and
the restating penalty takes the sentence closest to the question, so text on
another topic appended to an answer lowers its score instead of buying one.
As in rubric mode, term lists, padding far past a spoken answer and confident wrong ML
facts cap the score below lean hire, and a huge answer is read in part.
The weights were fitted once on the SciEntsBank training split
(benchmarks/tune_reference.py) and are fixed here, so scoring is pure and
deterministic. Without the sentence model, word pairs shared with the reference
stand in for meaning, and a sentence is on topic when it shares a word with it."""

from __future__ import annotations

import itertools
import math
import re

import numpy as np
from pydantic import BaseModel, Field

from hirebar.content import Verdict
from hirebar.grading.assessment import RedFlagHit
from hirebar.grading.copying import mostly_copied
from hirebar.grading.embedding import Embedder
from hirebar.grading.grader import COVERED_AT, MAX_SENTENCES, UNREAD_SCRIPT_NOTE
from hirebar.grading.integrity import check as check_integrity
from hirebar.grading.matching import MAX_EMBEDDED_WORDS, SentenceMatcher, within_budget
from hirebar.grading.text import (
    STOPWORDS,
    Sentence,
    content_stems,
    growth_in_words,
    plain_quotes,
    split_sentences,
    unread_script,
)
from hirebar.grading.verdict import GAMED_FACTOR, GAMED_MAX

FEATURES = (
    "token_recall",
    "coverage",
    "bigram_coverage",
    "precision",
    "alignment",
    "question_similarity",
    "log_length_ratio",
)
# Fitted by benchmarks/tune_reference.py on scientsbank_train.csv only.
WEIGHTS = {
    "token_recall": 2.630,
    "coverage": 0.794,
    "precision": 0.731,
    "alignment": 1.825,
    "question_similarity": -0.630,
    "log_length_ratio": 0.584,
}
INTERCEPT = -2.249
# Without the sentence model: the lexical signals alone, fitted the same way.
LEXICAL_WEIGHTS = {
    "coverage": 1.432,
    "bigram_coverage": 0.654,
    "precision": 1.161,
    "log_length_ratio": 0.906,
}
LEXICAL_INTERCEPT = -0.584

_CLAUSE_BREAK = re.compile(r"([;:,]\s+|\s+(?:because|so that|so|but|which|whereas|while)\s+)")
_CONTRAST = re.compile(r"(?:not|never|rather than|instead of)\b", re.I)
_CONDITION = re.compile(r"(?:if|when|once|unless|although|though|since|after|before)\b", re.I)
MIN_CLAUSE_STEMS = 2
# A custom question has no round; padding is judged against a typical spoken answer's time.
BUDGET_MINUTES = 5
COPIED_NOTE = (
    "Most of this answer is the model answer word for word, so the score is the model "
    "answer's. To practise, answer from memory first, then compare."
)
# An answer sentence this close in meaning to the reference or one of its points is on topic.
ON_TOPIC_AT = 0.15


class ReferencePoint(BaseModel):
    text: str
    strength: float = Field(ge=0, le=1)
    covered: bool
    evidence: str | None = None


class ReferenceAssessment(BaseModel):
    score: float = Field(ge=0, le=5)
    verdict: Verdict
    key_points: list[ReferencePoint]
    features: dict[str, float]
    semantic: bool
    # A term list, padding or a confident wrong ML fact: the score is capped.
    integrity: list[RedFlagHit] = []
    notes: list[str] = []


def reference_problem(reference: str) -> str | None:
    """Why a model answer cannot be graded against, if it cannot: key points and every
    signal come from its content words, so it needs some."""
    if not reference.strip():
        return "the model answer is empty"
    if unread_script(reference):
        return (
            "the model answer has no words in the Latin alphabet, the only ones the grader "
            "reads; write it in English"
        )
    if not content_stems(reference):
        return "the model answer has no words to grade against; write out what a strong answer says"
    return None


def derive_key_points(reference: str) -> list[str]:
    """The reference's clauses that carry at least two content words, in order.

    A leading condition ("If the inputs look unchanged, replay ...") stays with the
    clause it governs: on its own it is not something an answer can cover. So does a
    trailing contrast ("..., not fresh facts") with the clause it qualifies.
    """
    points: list[str] = []
    for sentence in split_sentences(reference):
        pieces = _CLAUSE_BREAK.split(sentence.text)  # clause, break, clause, break, ...
        pending, lead, parts, first = "", "", 0, len(points)
        for index in range(0, len(pieces), 2):
            joiner = pieces[index - 1] if index else ""
            if not pending and len(points) > first and _CONTRAST.match(pieces[index].strip()):
                # "..., not fresh facts" says what the clause before it excludes
                points[-1] = f"{points[-1]}{joiner}{pieces[index].strip()}".rstrip(".!?")
                continue
            if pending:
                pending += joiner + pieces[index]
            else:
                pending, lead = pieces[index].strip(), joiner
            parts += 1
            conditional = parts == 1 and _CONDITION.match(pending) is not None
            if len(content_stems(pending)) >= MIN_CLAUSE_STEMS and not conditional:
                points.append(pending.strip().rstrip(".!?"))
                pending, parts = "", 0
        if pending.strip() and points:  # too small to stand alone: joins the point before
            points[-1] = f"{points[-1]}{lead or ' '}{pending.strip()}".rstrip(".!?")
        elif pending.strip():
            points.append(pending.strip().rstrip(".!?"))
    return points


def features(
    question: str,
    reference: str,
    answer: str,
    embedder: Embedder | None,
    split: list[Sentence] | None = None,
) -> dict[str, float]:
    """The signals the score is made of, each roughly in 0-1 (the length ratio in -3..0).

    Coverage, length and token recall read only the answer's sentences on the
    reference's topic, so that appended text on another topic cannot raise them;
    precision reads it all, so that such text lowers it. ``split`` is the answer's
    sentences, when the caller has them already.
    """
    q = set(content_stems(question))
    ref = [s for s in content_stems(reference) if s not in q]
    ref_set = set(ref)
    ans_set = {s for s in content_stems(answer) if s not in q}
    split = split_sentences(answer) if split is None else split
    found = {
        "precision": len(ans_set & ref_set) / len(ans_set) if ans_set else 0.0,
        "bigram_coverage": _bigram_coverage(reference, answer, q),
        "alignment": 0.0,
        "question_similarity": 0.0,
        "token_recall": 0.0,
    }
    if embedder is None or not answer.strip():  # on topic: shares a word with the reference
        on_topic = [s.text for s in split if ref_set & set(content_stems(s.text))]
    else:
        points = derive_key_points(reference) or [reference]
        # The model reads the answer's first words and sentences only, within a budget:
        # it bounds the time a huge answer takes.
        head = " ".join(answer.split()[:MAX_EMBEDDED_WORDS])
        sentences = [split[i].text for i in within_budget(list(range(len(split))), split)]
        sentences = sentences or [head]
        vectors = embedder.embed([question, reference, *points, *sentences])
        q_vec, topic_vecs = vectors[0], vectors[1 : 2 + len(points)]
        sentence_vecs = vectors[2 + len(points) :]
        relevance = (sentence_vecs @ topic_vecs.T).max(axis=1)
        on_topic = [t for t, r in zip(sentences, relevance, strict=True) if r >= ON_TOPIC_AT]
        text = head if len(on_topic) == len(sentences) else " ".join(on_topic)
        found["question_similarity"] = float((sentence_vecs @ q_vec).max())
        found["alignment"] = float((topic_vecs[1:] @ sentence_vecs.T).max(axis=1).mean())
        found["token_recall"] = token_recall(question, reference, text, embedder) if text else 0.0
    said = [s for s in content_stems(" ".join(on_topic)) if s not in q]
    found["coverage"] = len(ref_set & set(said)) / len(ref_set) if ref_set else 0.0
    found["log_length_ratio"] = _log_length_ratio(len(said), len(ref))
    return found


def token_recall(question: str, reference: str, answer: str, embedder: Embedder) -> float:
    """How well the answer's contextual word-piece vectors cover the reference's (recall
    as in BERTScore), leaving out punctuation and the content words the question
    already contains. Function words stay: in context they carry the relations a short
    answer turns on ("more than", "not", "because of"). As BERTScore can, each
    reference piece counts by its rarity: "heap" weighs about three times "not"."""
    question_pieces = {_piece(t) for t in embedder.token_vectors(question)[0]}
    ref_tokens, ref_vecs = embedder.token_vectors(reference)
    ans_vecs = embedder.token_vectors(answer)[1]
    ref_keep = [i for i, t in enumerate(ref_tokens) if _counts(t, question_pieces)]
    if not ref_keep or not len(ans_vecs):
        return 0.0
    best = (ref_vecs[ref_keep] @ ans_vecs.T).max(axis=1)
    weights = np.array([embedder.rarity(ref_tokens[i]) for i in ref_keep])
    return float(best @ weights / weights.sum())


def _piece(token: str) -> str:
    return token.removeprefix("##").lower()


def _counts(token: str, question_pieces: set[str]) -> bool:
    piece = _piece(token)
    asked = piece in question_pieces and piece not in STOPWORDS
    return piece.isalnum() and not asked  # also leaves out [CLS], [SEP] and [UNK]


def _bigram_coverage(reference: str, answer: str, question: set[str]) -> float:
    def pairs(text: str) -> set[tuple[str, str]]:
        stems = content_stems(text)
        return {
            (a, b) for a, b in itertools.pairwise(stems) if not (a in question and b in question)
        }

    ref_pairs = pairs(reference)
    return len(ref_pairs & pairs(answer)) / len(ref_pairs) if ref_pairs else 0.0


def _log_length_ratio(answer_words: int, reference_words: int) -> float:
    """log(answer / reference) in content words, smoothed, within [-3, 0]."""
    ratio = (answer_words + 1) / (reference_words + 1)
    return max(-3.0, math.log(min(ratio, 1.0)))


def logit(found: dict[str, float], semantic: bool) -> float:
    """The score's log-odds, before it is put on the 0-5 scale."""
    weights, intercept = (WEIGHTS, INTERCEPT) if semantic else (LEXICAL_WEIGHTS, LEXICAL_INTERCEPT)
    return intercept + sum(w * found[name] for name, w in weights.items())


def _on_scale(log_odds: float, gamed: bool) -> float:
    """The 0-5 score; a gamed answer's is held below lean hire, as in rubric mode."""
    value = round(5 / (1 + math.exp(-log_odds)), 3)
    return round(min(value * GAMED_FACTOR, GAMED_MAX), 3) if gamed else value


def regraded(
    assessment: ReferenceAssessment, log_odds: float, **signals: float
) -> ReferenceAssessment:
    """The assessment with its score read from other log-odds (grading a class does), capped
    and given its verdict as its first score was, the signals behind it added."""
    value = _on_scale(log_odds, gamed=bool(assessment.integrity))
    return assessment.model_copy(
        update={
            "score": value,
            "verdict": _verdict(value),
            "features": {**assessment.features, **signals},
        }
    )


def assess_with_reference(
    question: str, reference: str, answer: str, embedder: Embedder | None = None
) -> ReferenceAssessment:
    question, reference, answer = map(plain_quotes, (question, reference, answer))
    sentences, notes = split_sentences(answer), []
    if len(sentences) > MAX_SENTENCES:  # as in rubric mode: bounded time, and said so
        notes.append(
            f"The answer has {len(sentences):,} sentences; the first {MAX_SENTENCES:,} were read."
        )
        sentences = sentences[:MAX_SENTENCES]
        answer = answer[: sentences[-1].end]
    if unread_script(answer):
        notes.append(UNREAD_SCRIPT_NOTE)
    # The signals read growth rates as words ("O(1)" as "constant"), in the model's
    # reading too; the answer's own words are what is quoted back.
    read = growth_in_words(answer)
    found = features(
        growth_in_words(question),
        growth_in_words(reference),
        read,
        embedder,
        sentences if read == answer else None,
    )
    integrity = check_integrity(answer, sentences, question, BUDGET_MINUTES, echo=False)
    semantic = embedder is not None
    value = _on_scale(logit(found, semantic), integrity.gamed) if answer.strip() else 0.0
    if mostly_copied(sentences, reference):
        notes.append(COPIED_NOTE)
    return ReferenceAssessment(
        score=value,
        verdict=_verdict(value),
        integrity=integrity.issues,
        notes=notes,
        key_points=_points(question, reference, sentences, embedder),
        features={k: round(v, 4) for k, v in found.items()},
        semantic=embedder is not None,
    )


def _verdict(value: float) -> Verdict:
    if value >= 3.5:
        return Verdict.strong_hire
    if value >= 2.5:
        return Verdict.lean_hire
    if value >= 1.5:
        return Verdict.lean_no_hire
    return Verdict.strong_no_hire


def _points(
    question: str, reference: str, sentences: list[Sentence], embedder: Embedder | None
) -> list[ReferencePoint]:
    """Each derived point, the answer sentence that best says it (by wording or meaning)
    and whether that is strong enough to count, matched as rubric cues are."""
    points = derive_key_points(reference)
    # A course answer is often a fragment, and "The heap." can make a whole point.
    matcher = SentenceMatcher(sentences, question, embedder, points, min_stems=1)
    result = []
    for text in points:
        match = matcher.best([text])
        strength = round(min(1.0, match.strength), 3) if match else 0.0
        covered = strength >= COVERED_AT
        result.append(
            ReferencePoint(
                text=text,
                strength=strength,
                covered=covered,
                evidence=matcher.sentences[match.sentence_index].text if covered else None,
            )
        )
    return result
