"""Answers that try to win on form instead of substance.

Keyword stuffing, echoing the question, padding far past the time budget,
confident wrong ML facts and a polished answer to a different question can all
score on surface signals. Each is detected with a measure that does not depend
on the rubric (share of the answer in term lists, or terms run together with no
number; share of its content words taken from the prompt; repetition in a sliding
window; explicit misconception patterns; how little of the prompt the answer
touches in words and in meaning).
Any of them caps the verdict at lean_no_hire, as the labelling guide's
committee would.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from hirebar.grading.assessment import RedFlagHit
from hirebar.grading.misconceptions import MisconceptionHit, every_misconception, first_of_each
from hirebar.grading.text import Sentence, content_stems, words

_BULLET = re.compile(r"\s*(?:[-*•]|\d+[.)])\s*")
# Words that make a clause: a list item with none of them is a bare term.
_CLAUSE_WORDS = re.compile(
    r"\b(?:i|we|you|they|it|he|she|i'd|we'd|i'll|we'll|would|will|should|could|can|must|"
    r"is|are|was|were|has|have|had|do|does|did|means|need|needs|want|wants)\b",
    re.IGNORECASE,
)
LIST_SHARE_LIMIT = 0.45
COMMA_RUN_ITEMS = 7
# Terms run together in prose ("thresholding, calibration, F1, F-beta, class imbalance and
# drift detection") are stuffing too when the answer names no number: at least this many
# items of three words or fewer per 100 words, with fewer digits than the second figure per
# 100 words. A spoken answer that makes its points, even in note form, states a figure; the
# labelled answers, exemplar outlines and own stories that are not stuffing stay below 12
# items, or state 5 or more digits per 100 words.
TERMS_PER_100_WORDS = 12
DIGITS_PER_100_WORDS = 2
TERM_RUN_MIN_WORDS = 60
_ITEM_BREAK = re.compile(r",|;|/|\band\b|\bor\b|\bplus\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
ECHO_SHARE_LIMIT = 0.45
# With the sentence model, an echo must also restate: some sentence of the answer within
# this cosine of a sentence of the prompt. A detailed prompt's numbers and nouns come back
# in any answer that explains them; that alone is not an echo. Int8 variants of the model
# move such a cosine by a few hundredths: the explanation in test_grader.py reads 0.56,
# 0.59 and 0.60 on three of them, so the bar sits above 0.60 (the labelled echoes reach 0.64
# and more).
ECHO_RESTATES_AT = 0.62
ECHO_MIN_STEMS = 15
WINDOW = 120
# Past about 600 words (well beyond a spoken answer's budget), an answer whose words
# repeat (natural prose stays near 0.8 distinct per window) or lean on filler is padding.
PADDING_MIN_WORDS = 600
PADDING_FLAG = "padding"
PADDING_NOVELTY = 0.75
PADDING_FILLER = 1.0
# An answer that uses at most this share of the prompt's content words, none of whose
# sentences comes near the prompt in meaning (cosine), answers some other question.
OFF_TOPIC_SHARE = 0.10
OFF_TOPIC_COSINE = 0.30
# Below this many content words there is no answer to place ("I don't know."), on topic or not.
OFF_TOPIC_MIN_STEMS = 15
# Twice what fits in the round's time at a speaking pace is padding whatever the words.
SPOKEN_WORDS_PER_MINUTE = 130
_FILLER = re.compile(
    r"\b(?:great question|to be honest|honestly|as i (?:said|mentioned)|like i said|again|"
    r"at the end of the day|basically|just to (?:be clear|reiterate|recap)|to recap|"
    r"in other words|to summari[sz]e|so yeah|the point is|i want to (?:stress|emphasi[sz]e|"
    r"reiterate|repeat)|i mean|you know|kind of|sort of|as you can imagine|needless to say)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Integrity:
    issues: list[RedFlagHit]

    @property
    def gamed(self) -> bool:
        return bool(self.issues)


def check(
    answer: str,
    sentences: list[Sentence],
    question_prompt: str,
    budget_minutes: int,
    *,
    echo: bool = True,
    closest_to_prompt: float | None = None,
    restating: float | None = None,
    evidence: frozenset[int] = frozenset(),
    wrong_facts: list[MisconceptionHit] | None = None,
) -> Integrity:
    """``echo=False`` for short answers to long question stems (reference mode), where
    restating the stem is often how a correct answer starts; that mode discounts the
    question's words in its own signals instead. ``closest_to_prompt``, the highest
    cosine between the prompt and a sentence of the answer, turns on the off-topic
    check, and ``restating``, the highest cosine between a sentence of the prompt and
    one of the answer, confirms an echo (both need the sentence model). ``evidence`` holds
    the start of each sentence quoted for a key point: the off-topic flag quotes another.
    ``wrong_facts`` are the answer's misconceptions, when the caller has found them."""
    wrong_facts = every_misconception(sentences) if wrong_facts is None else wrong_facts
    issues = [
        *_stuffing(answer, sentences),
        *(_echo(sentences, question_prompt, restating) if echo else []),
        *(
            _off_topic(sentences, question_prompt, closest_to_prompt, evidence)
            if closest_to_prompt is not None
            else []
        ),
        *_padding(answer, sentences, budget_minutes * SPOKEN_WORDS_PER_MINUTE),
        *(
            RedFlagHit.quoting(
                f"wrong-fact:{h.misconception.id}",
                f"Wrong fact: {h.misconception.text[0].lower()}{h.misconception.text[1:]}",
                h.misconception.why,
                h.sentence,
            )
            for h in first_of_each(wrong_facts)
        ),
    ]
    return Integrity(issues)


def list_share(answer: str, sentences: list[Sentence]) -> tuple[float, Sentence | None]:
    """Share of the answer's words that sit in bare term lists, and the first such sentence."""
    listed = 0
    first: Sentence | None = None
    for sentence in sentences:
        count = _listed_words(answer, sentence)
        if count:
            listed += count
            first = first or sentence
    return min(1.0, listed / (len(words(answer)) or 1)), first


def _listed_words(answer: str, sentence: Sentence) -> int:
    size = len(words(sentence.text))
    line_start = answer.rfind("\n", 0, sentence.start) + 1
    bulleted = _BULLET.fullmatch(answer[line_start : sentence.start]) is not None
    if bulleted and size <= 8 and not _CLAUSE_WORDS.search(sentence.text):
        return size
    items = [p for p in re.split(r",|;|/| and ", sentence.text) if p.strip()]
    short = [p for p in items if len(words(p)) <= 4]
    if len(short) >= COMMA_RUN_ITEMS and len(short) / len(items) >= 0.7:
        return sum(len(words(p)) for p in short)
    return 0


def _stuffing(answer: str, sentences: list[Sentence]) -> list[RedFlagHit]:
    share, worst = list_share(answer, sentences)
    if not sentences:
        return []
    if share < LIST_SHARE_LIMIT:
        worst = term_run(answer, sentences)
        if worst is None:
            return []
    return [
        RedFlagHit.quoting(
            "keyword-stuffing",
            "Lists terms instead of making decisions.",
            "A string of buzzwords shows vocabulary, not judgement: the committee hears no "
            "choice, no number and no reason.",
            worst or sentences[0],
        )
    ]


def term_run(answer: str, sentences: list[Sentence]) -> Sentence | None:
    """The sentence with the most short items, if the answer runs terms together with no
    number (``TERMS_PER_100_WORDS``); else None."""
    count = len(words(answer))
    if count < TERM_RUN_MIN_WORDS:
        return None
    items = [
        sum(1 for p in _ITEM_BREAK.split(s.text) if p.strip() and len(words(p)) <= 3)
        for s in sentences
    ]
    if sum(items) * 100 < TERMS_PER_100_WORDS * count:
        return None
    if len(_DIGIT.findall(answer)) * 100 >= DIGITS_PER_100_WORDS * count:
        return None
    return sentences[max(range(len(sentences)), key=items.__getitem__)]


def question_share(sentences: list[Sentence], question_prompt: str) -> float:
    stems = [s for sentence in sentences for s in content_stems(sentence.text)]
    if len(stems) < ECHO_MIN_STEMS:
        return 0.0
    asked = set(content_stems(question_prompt))
    return sum(s in asked for s in stems) / len(stems)


def _echo(
    sentences: list[Sentence], question_prompt: str, restating: float | None
) -> list[RedFlagHit]:
    if question_share(sentences, question_prompt) < ECHO_SHARE_LIMIT:
        return []
    if restating is not None and restating < ECHO_RESTATES_AT:
        return []
    asked = set(content_stems(question_prompt))
    worst = max(
        sentences,
        key=lambda s: (
            sum(x in asked for x in content_stems(s.text)) / (len(content_stems(s.text)) or 1)
        ),
    )
    return [
        RedFlagHit.quoting(
            "echo",
            "Mostly restates the question.",
            "Repeating the prompt back uses the time without adding a plan, a metric or a "
            "decision; interviewers notice at once.",
            worst,
        )
    ]


def _off_topic(
    sentences: list[Sentence], question_prompt: str, closest: float, evidence: frozenset[int]
) -> list[RedFlagHit]:
    asked = set(content_stems(question_prompt))
    said = [s for sentence in sentences for s in content_stems(sentence.text)]
    used = asked & set(said)
    if len(said) < OFF_TOPIC_MIN_STEMS or not asked:
        return []
    if len(used) / len(asked) > OFF_TOPIC_SHARE or closest >= OFF_TOPIC_COSINE:
        return []
    # A sentence credited for a key point is not held against the answer as well.
    elsewhere = [s for s in sentences if s.start not in evidence]
    touched = (
        "nothing but the sentences credited for key points comes near what was asked"
        if len(elsewhere) < len(sentences)
        else "no sentence comes near what was asked"
    )
    return [
        RedFlagHit.quoting(
            "off-topic",
            "Answers a different question.",
            f"It uses {len(used)} of the question's {len(asked)} content words and {touched}; "
            "a committee scores the question asked, however polished the story.",
            (elsewhere or sentences)[0],
        )
    ]


def windowed_novelty(answer: str) -> float:
    """Mean share of distinct content words in windows of 120: length-independent repetition."""
    stems = content_stems(answer)
    if len(stems) <= WINDOW:
        return len(set(stems)) / len(stems) if stems else 1.0
    step = WINDOW // 2
    shares = [
        len(set(stems[i : i + WINDOW])) / WINDOW for i in range(0, len(stems) - WINDOW + 1, step)
    ]
    return sum(shares) / len(shares)


def filler_rate(answer: str) -> float:
    """Filler phrases per 100 words."""
    return 100 * len(_FILLER.findall(answer)) / (len(words(answer)) or 1)


def _padding(answer: str, sentences: list[Sentence], budget_words: int) -> list[RedFlagHit]:
    count = len(words(answer))
    if count < PADDING_MIN_WORDS:
        return []
    repetitive = windowed_novelty(answer) < PADDING_NOVELTY or filler_rate(answer) >= PADDING_FILLER
    if not repetitive and count <= 2 * budget_words:
        return []
    said = Counter(" ".join(words(s.text)) for s in sentences)

    def padded(sentence: Sentence) -> tuple[int, int]:
        """The sentence with the most filler, else the one said most often."""
        return len(_FILLER.findall(sentence.text)), said[" ".join(words(sentence.text))]

    return [
        RedFlagHit.quoting(
            PADDING_FLAG,
            "Buries the answer in repetition and filler, far past what a spoken answer holds.",
            "Length is not depth: a committee hears the same points restated and the clock "
            "running out, and marks down the judgement it could not find.",
            max(sentences, key=padded),
        )
    ]
