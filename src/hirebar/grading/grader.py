"""``assess(question, answer)``: read an answer the way a hiring committee does.

Pure and deterministic: the same question, answer and embedder give the same
Assessment. Without an embedder the grader runs on wording alone and says so.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from hirebar.content import ANSWER_MINUTES, FollowUp, KeyPoint, Question, Verdict
from hirebar.grading.assessment import Assessment, Evidence, KeyPointResult, RedFlagHit
from hirebar.grading.copying import mostly_copied
from hirebar.grading.embedding import Embedder
from hirebar.grading.feedback import choose_follow_up, feedback_lines, next_step, strengths
from hirebar.grading.integrity import check as check_integrity
from hirebar.grading.matching import SentenceMatcher
from hirebar.grading.misconceptions import every_misconception
from hirebar.grading.red_flags import GENERIC_RED_FLAGS, find_red_flags
from hirebar.grading.rewrite import suggest as suggest_rewrite
from hirebar.grading.signals import find_signals
from hirebar.grading.text import (
    REFUSAL,
    Sentence,
    content_stems,
    plain_quotes,
    split_sentences,
    unread_script,
    words,
)
from hirebar.grading.verdict import (
    LENGTH_SATURATES,
    PROBE_LENGTH_SATURATES,
    PROBE_SHORT_WORDS,
    SHORT_ANSWER_WORDS,
    Reading,
    competency_scores,
    overall_score,
    verdict_for,
)

GRADER_VERSION = "1.15"
# About 40 minutes of speech: more is padding by any measure, and it bounds grading time.
MAX_SENTENCES = 400
COVERED_AT = 0.55
# Below the bar unless some key point is clearly there: with the sentence model, on the dev
# split, every answer a human put above the bar has one at 0.67 or more, and no answer under
# 0.60 was put there. A lone match at 0.55 to 0.60 is as likely an answer to a neighbouring
# question sharing a phrase. On wording alone the same bar cost dev answers, so it is 0.55.
CLEARLY_COVERED_AT = 0.60
# Covered below this, a key point was touched on rather than made, and the feedback says so.
# On the dev split, 35 % of the points credited in answers a human called strong no hire sit
# below it, and 4 % of those in strong-hire answers. Only with the sentence model: on wording
# alone it separated nothing (21 % of strong-hire answers' points).
THIN_BELOW = 0.65
# A sentence this close in meaning to a sentence of the prompt's situation, with few words
# of its own, tells it back ("The airline says 4% of its payments get declined during flash
# sales."): it says nothing the candidate decided, so it is no evidence for a key point. A
# sentence that reads the facts ("Training at 99% with validation loss rising after epoch two
# is overfitting; take the epoch-two checkpoint ...") reads as close and brings its own words.
# The prompt's question is left out: "I'd sit down with sales and risk" takes it up. Chosen
# on dev and the unseen-dev set (0.60 to 0.70, and 0.25 to 0.5 new words, tried); at 0.5
# two exemplar outlines lost a key point.
RESTATES_PROMPT_AT = 0.65
RETOLD_NEW_SHARE = 0.4
UNREAD_SCRIPT_NOTE = (
    "The answer has no words in the Latin alphabet, and the grader reads only those: "
    "write it in English to have it graded."
)
COPIED_NOTE = (
    "Most of this answer is the exemplar outline word for word, so the grade is the "
    "exemplar's, not yours. To practise, close it and answer from memory."
)
NOTHING_COVERED_NOTE = (
    "Not one of the key points this question tests is clearly in the answer, so it stays "
    "below the bar however well it is said: check it answers the question asked."
)
# The same cap when a point counts as covered but none is made plainly.
ONLY_IN_PASSING_NOTE = (
    "The key points it covers are only touched in passing, none of them made plainly, so "
    "it stays below the bar: check it answers the question asked, and say each point "
    "outright, in a sentence of its own."
)
LEXICAL_ONLY_NOTE = (
    "The sentence model is not installed (run `hirebar setup`): key points were matched "
    "on wording alone, so paraphrases may be missed."
)


@lru_cache(maxsize=1024)
def _prompt_sentences(prompt: str) -> tuple[str, ...]:
    """The prompt's sentences, split once per question rather than once per answer."""
    return tuple(s.text for s in split_sentences(prompt))


def raised_flags(
    question: Question,
    sentences: list[Sentence],
    embedder: Embedder | None,
    rubric_points: list[KeyPoint] | None = None,
) -> tuple[SentenceMatcher, list[RedFlagHit]]:
    """The red flags the sentences raise (the question's and every loop's), and the matcher
    that read them.

    The matcher embeds, with the answer, every text of the question that the rest of the
    grade compares sentences with: key-point cues, the prompt and its sentences (topic and
    echo checks) and the pitfalls' weak sides (the rewrite). Texts met before come from the
    embedder's cache, and the rest share the answer's model calls instead of a call of
    their own later in the grade."""
    rubric_points = question.rubric.key_points if rubric_points is None else rubric_points
    flags = [*question.rubric.red_flags, *GENERIC_RED_FLAGS]
    cues = [c for item in [*rubric_points, *flags] for c in item.cues]
    compared = [question.prompt, *_prompt_sentences(question.prompt)]
    compared += [p.weak for p in question.pitfalls]
    matcher = SentenceMatcher(sentences, question.prompt, embedder, [*cues, *compared])
    return matcher, find_red_flags(flags, matcher, [c for k in rubric_points for c in k.cues])


def assess(
    question: Question,
    answer: str,
    embedder: Embedder | None = None,
    *,
    probe: FollowUp | None = None,
) -> Assessment:
    """Grade ``answer``; with ``probe``, grade it as the reply to that follow-up only.

    A probe reply is read against the key points the probe targets, with their
    weights renormalised, and is allowed to be short.
    """
    answer = plain_quotes(answer)
    notes = [] if embedder is not None else [LEXICAL_ONLY_NOTE]
    rubric_points = question.rubric.key_points
    if probe is not None:
        rubric_points = [k for k in rubric_points if k.id in probe.targets]
    sentences = split_sentences(answer)
    if len(sentences) > MAX_SENTENCES:
        notes.append(
            f"The answer has {len(sentences):,} sentences; the first {MAX_SENTENCES:,} were read."
        )
        sentences = sentences[:MAX_SENTENCES]
    if not sentences:
        if unread_script(answer):
            notes.append(UNREAD_SCRIPT_NOTE)
        return _empty(question, rubric_points, notes)
    if mostly_copied(
        sentences, "\n".join([question.exemplar, *(p.strong for p in question.pitfalls)])
    ):
        notes.append(COPIED_NOTE)
    matcher, flag_hits = raised_flags(question, sentences, embedder, rubric_points)
    if probe is not None:
        flag_hits = [h for h in flag_hits if not _restates(h.quote, probe.prompt)]
    wrong_facts = every_misconception(sentences)
    # A sentence the committee holds against the answer does not also count for it, nor does
    # one that only tells the prompt back (a reply is read against its probe, not the prompt).
    flagged_starts = {h.start for h in flag_hits} | {h.sentence.start for h in wrong_facts}
    flagged = frozenset(i for i, s in enumerate(sentences) if s.start in flagged_starts)
    # How close each sentence reads to each sentence of the prompt.
    prompt_sentences = _prompt_sentences(question.prompt)
    to_prompt = matcher.cosine(prompt_sentences) if embedder else None
    if to_prompt is not None and probe is None:
        flagged |= _told_back(matcher, prompt_sentences, to_prompt)
    thin_below = THIN_BELOW if embedder else COVERED_AT
    key_points = [_cover(k, matcher, flagged, thin_below) for k in rubric_points]
    total_weight = sum(k.weight for k in key_points)
    coverage = sum(k.weight * k.strength for k in key_points) / total_weight
    signals = find_signals(sentences)
    clearly = CLEARLY_COVERED_AT if embedder else COVERED_AT
    # A follow-up reply answers the probe, not the prompt: it is not checked for topic. Nor
    # is an answer that clearly makes most of the key points: a candidate's own story can
    # share no word with the prompt (answers to other questions in the labelled set make
    # at most two of five).
    answers_it = 2 * sum(k.strength >= clearly for k in key_points) > len(key_points)
    closest = float(matcher.topic().max()) if embedder and not probe and not answers_it else None
    restating = float(to_prompt.max()) if to_prompt is not None else None
    integrity = check_integrity(
        answer,
        sentences,
        question.prompt,
        ANSWER_MINUTES[question.round],
        closest_to_prompt=closest,
        restating=restating,
        evidence=frozenset(k.evidence.start for k in key_points if k.evidence),
        wrong_facts=wrong_facts,
    )
    red_flags = [*flag_hits, *integrity.issues]
    reading = Reading(
        coverage=coverage,
        breadth=len(signals),
        words=len(words(answer)),
        red_flags=len(red_flags) - len(integrity.issues),
        gamed=integrity.gamed,
        nothing_covered=not any(k.strength >= clearly for k in key_points),
        short_words=PROBE_SHORT_WORDS if probe else SHORT_ANSWER_WORDS,
        full_words=PROBE_LENGTH_SATURATES if probe else LENGTH_SATURATES,
        semantic=embedder is not None,
    )
    score = overall_score(reading)
    verdict = verdict_for(score, reading)
    if reading.nothing_covered and not integrity.gamed:
        notes.append(
            ONLY_IN_PASSING_NOTE if any(k.covered for k in key_points) else NOTHING_COVERED_NOTE
        )
    wanted = [k.competency for k in key_points] if probe else question.competencies
    return Assessment(
        question_id=question.id,
        verdict=verdict,
        score=score,
        coverage=round(coverage, 3),
        key_points=key_points,
        competencies=competency_scores(wanted, key_points, signals),
        red_flags=red_flags,
        strengths=strengths(key_points),
        feedback=feedback_lines(key_points, red_flags),
        next_step=next_step(verdict, key_points, red_flags),
        rewrite=suggest_rewrite(question, matcher, key_points, red_flags),
        follow_up=None if probe else choose_follow_up(question, key_points, answer),
        semantic=embedder is not None,
        notes=notes,
        word_count=reading.words,
        grader_version=GRADER_VERSION,
    )


def _restates(sentence: str, probe: str) -> bool:
    """Whether a reply's sentence says nothing the probe did not, but for turning it down:
    "I would not roll back", to "Rolling back would lose a fix legal asked for; how do
    you contain it instead?", takes the interviewer's premise, no mistake of the
    candidate's."""
    stems = set(content_stems(REFUSAL.sub(" ", sentence)))
    return bool(stems) and stems <= set(content_stems(probe))


def _told_back(
    matcher: SentenceMatcher, prompt_sentences: tuple[str, ...], to_prompt: np.ndarray
) -> frozenset[int]:
    """The answer's sentences that tell the prompt's situation back (``RESTATES_PROMPT_AT``)."""
    situation = [row for row, text in enumerate(prompt_sentences) if not text.endswith("?")]
    closest = to_prompt[situation].max(axis=0, initial=0.0)
    return frozenset(
        index
        for index in np.flatnonzero(closest >= RESTATES_PROMPT_AT).tolist()
        if len(matcher.stems[index] - matcher.question_stems)
        <= RETOLD_NEW_SHARE * len(matcher.stems[index])
    )


def _cover(
    key_point: KeyPoint,
    matcher: SentenceMatcher,
    flagged: frozenset[int] = frozenset(),
    thin_below: float = COVERED_AT,
) -> KeyPointResult:
    match = matcher.best(key_point.cues, skip=flagged)
    strength = round(match.strength, 3) if match else 0.0
    evidence = None
    if match and strength > 0:
        sentence = matcher.sentences[match.sentence_index]
        evidence = Evidence(
            quote=sentence.text, start=sentence.start, end=sentence.end, matched_by=match.by
        )
    return KeyPointResult(
        id=key_point.id,
        text=key_point.text,
        weight=key_point.weight,
        competency=key_point.competency,
        strength=strength,
        covered=strength >= COVERED_AT,
        thin=COVERED_AT <= strength < thin_below,
        evidence=evidence if strength >= COVERED_AT else None,
        advice=key_point.advice,
    )


def _empty(question: Question, rubric_points: list[KeyPoint], notes: list[str]) -> Assessment:
    matcher = SentenceMatcher([], question.prompt, None)
    key_points = [_cover(k, matcher) for k in rubric_points]
    return Assessment(
        question_id=question.id,
        verdict=Verdict.strong_no_hire,
        score=0.0,
        coverage=0.0,
        key_points=key_points,
        competencies=competency_scores(question.competencies, key_points, {}),
        feedback=["The answer is empty: there is nothing for a committee to assess yet."],
        next_step="Write an answer: start from the first point of the exemplar outline.",
        follow_up=question.follow_ups[0],
        semantic=False,
        notes=notes,
        grader_version=GRADER_VERSION,
    )
