"""Reference-answer mode: grade against a model answer when a question has no rubric.

Key points are the reference's clauses. The 0-5 score is a logistic model over
signals that carry to unseen questions: words the question already uses earn
nothing; coverage of the reference's content words and word pairs; how well
each reference clause is matched by some answer sentence (by meaning); overall
similarity; and the answer's length relative to the reference. The weights were
fitted once on the SciEntsBank training split (benchmarks/tune_reference.py)
and are fixed here, so scoring is pure and deterministic.
"""

from __future__ import annotations

import itertools
import math
import re

import numpy as np
from pydantic import BaseModel, Field

from hirebar.content import Verdict
from hirebar.grading.embedding import Embedder
from hirebar.grading.text import STOPWORDS, content_stems, split_sentences

FEATURES = (
    "token_recall",
    "token_precision",
    "coverage",
    "bigram_coverage",
    "precision",
    "alignment",
    "similarity",
    "question_similarity",
    "length_ratio",
)
# Fitted by benchmarks/tune_reference.py on scientsbank_train.csv only.
WEIGHTS = {
    "token_recall": 0.874,
    "token_precision": -0.009,
    "coverage": 1.724,
    "bigram_coverage": -0.074,
    "precision": 0.246,
    "alignment": 3.762,
    "similarity": -0.701,
    "question_similarity": -0.459,
    "length_ratio": 0.337,
}
INTERCEPT = -2.489
# Without the sentence model: the lexical signals alone, fitted the same way.
LEXICAL_WEIGHTS = {
    "coverage": 2.285,
    "bigram_coverage": 0.720,
    "precision": 0.544,
    "length_ratio": 0.437,
}
LEXICAL_INTERCEPT = -1.223

_CLAUSE_BREAK = re.compile(r"[;:,]\s+|\s+(?:because|so that|so|but|which|whereas|while)\s+")
MIN_CLAUSE_STEMS = 2
COVERED_AT = 0.6


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


def derive_key_points(reference: str) -> list[str]:
    """The reference's clauses that carry at least two content words, in order."""
    points: list[str] = []
    for sentence in split_sentences(reference):
        pending = ""
        for clause in _CLAUSE_BREAK.split(sentence.text):
            pending = f"{pending} {clause}".strip() if pending else clause.strip()
            if len(content_stems(pending)) >= MIN_CLAUSE_STEMS:
                points.append(pending.rstrip(".!?"))
                pending = ""
        if pending and points:
            points[-1] = f"{points[-1]} {pending}".rstrip(".!?")
        elif pending:
            points.append(pending.rstrip(".!?"))
    return points


def features(
    question: str, reference: str, answer: str, embedder: Embedder | None
) -> dict[str, float]:
    """The signals the score is made of, each roughly in 0-1."""
    q = set(content_stems(question))
    ref = [s for s in content_stems(reference) if s not in q]
    ans = [s for s in content_stems(answer) if s not in q]
    ref_set, ans_set = set(ref), set(ans)
    found = {
        "coverage": len(ref_set & ans_set) / len(ref_set) if ref_set else 0.0,
        "precision": len(ans_set & ref_set) / len(ans_set) if ans_set else 0.0,
        "bigram_coverage": _bigram_coverage(reference, answer, q),
        "length_ratio": _length_ratio(len(ans), len(ref)),
        "alignment": 0.0,
        "similarity": 0.0,
        "question_similarity": 0.0,
        "token_recall": 0.0,
        "token_precision": 0.0,
    }
    if embedder is not None and answer.strip():
        points = derive_key_points(reference) or [reference]
        sentences = [s.text for s in split_sentences(answer)] or [answer]
        vectors = embedder.embed([answer, reference, question, *points, *sentences])
        whole, ref_vec, q_vec = vectors[0], vectors[1], vectors[2]
        point_vecs = vectors[3 : 3 + len(points)]
        sentence_vecs = vectors[3 + len(points) :]
        found["similarity"] = float(whole @ ref_vec)
        found["question_similarity"] = float(whole @ q_vec)
        found["alignment"] = float((point_vecs @ sentence_vecs.T).max(axis=1).mean())
        found["token_recall"], found["token_precision"] = _token_match(
            question, reference, answer, embedder
        )
    return found


def _token_match(
    question: str, reference: str, answer: str, embedder: Embedder
) -> tuple[float, float]:
    """Greedy matching of contextual word-piece vectors (as in BERTScore), counting only
    pieces that carry meaning and that the question does not already contain."""
    question_pieces = {_piece(t) for t in embedder.token_vectors(question)[0]}
    ref_tokens, ref_vecs = embedder.token_vectors(reference)
    ans_tokens, ans_vecs = embedder.token_vectors(answer)
    if not len(ref_vecs) or not len(ans_vecs):
        return 0.0, 0.0
    similarity = ref_vecs @ ans_vecs.T
    ref_keep = [i for i, t in enumerate(ref_tokens) if _counts(t, question_pieces)]
    ans_keep = [i for i, t in enumerate(ans_tokens) if _counts(t, question_pieces)]
    recall = float(similarity[ref_keep].max(axis=1).mean()) if ref_keep else 0.0
    precision = float(similarity[:, ans_keep].max(axis=0).mean()) if ans_keep else 0.0
    return recall, precision


def _piece(token: str) -> str:
    return token.removeprefix("##").lower()


def _counts(token: str, question_pieces: set[str]) -> bool:
    piece = _piece(token)
    return (
        len(piece) > 1
        and piece.isalnum()
        and piece not in STOPWORDS
        and piece not in question_pieces
    )


def _bigram_coverage(reference: str, answer: str, question: set[str]) -> float:
    def pairs(text: str) -> set[tuple[str, str]]:
        stems = content_stems(text)
        return {
            (a, b) for a, b in itertools.pairwise(stems) if not (a in question and b in question)
        }

    ref_pairs = pairs(reference)
    return len(ref_pairs & pairs(answer)) / len(ref_pairs) if ref_pairs else 0.0


def _length_ratio(answer_words: int, reference_words: int) -> float:
    """1 when the answer is as long as the reference, falling off on either side."""
    if not answer_words or not reference_words:
        return 0.0
    return math.exp(-abs(math.log(answer_words / reference_words)))


def score(found: dict[str, float], semantic: bool) -> float:
    weights, intercept = (WEIGHTS, INTERCEPT) if semantic else (LEXICAL_WEIGHTS, LEXICAL_INTERCEPT)
    logit = intercept + sum(w * found[name] for name, w in weights.items())
    return round(5 / (1 + math.exp(-logit)), 3)


def assess_with_reference(
    question: str, reference: str, answer: str, embedder: Embedder | None = None
) -> ReferenceAssessment:
    found = features(question, reference, answer, embedder)
    value = score(found, embedder is not None) if answer.strip() else 0.0
    return ReferenceAssessment(
        score=value,
        verdict=_verdict(value),
        key_points=_points(reference, answer, embedder),
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


def _points(reference: str, answer: str, embedder: Embedder | None) -> list[ReferencePoint]:
    points = derive_key_points(reference)
    sentences = split_sentences(answer)
    if not points or not sentences:
        return [ReferencePoint(text=p, strength=0.0, covered=False) for p in points]
    if embedder is not None:
        similarity = embedder.embed(points) @ embedder.embed([s.text for s in sentences]).T
    else:
        similarity = np.array(
            [[_stem_share(p, s.text) for s in sentences] for p in points], dtype=float
        )
    result = []
    for row, text in enumerate(points):
        best = int(similarity[row].argmax())
        strength = float(np.clip(similarity[row, best], 0.0, 1.0))
        covered = strength >= COVERED_AT
        result.append(
            ReferencePoint(
                text=text,
                strength=round(strength, 3),
                covered=covered,
                evidence=sentences[best].text if covered else None,
            )
        )
    return result


def _stem_share(point: str, sentence: str) -> float:
    wanted = set(content_stems(point))
    return len(wanted & set(content_stems(sentence))) / len(wanted) if wanted else 0.0
