"""One concrete rewrite: a weak sentence from the answer and a stronger version of it.

The candidate learns more from seeing their own sentence improved than from a
list of gaps. In order of what hurts most:

1. a red-flag sentence that echoes one of the question's weak pitfalls gets the
   pitfall's strong version;
2. any other red-flag sentence is replaced by the exemplar line that makes the top
   missed key point;
3. the candidate's claim of a change with no number gets the numbers a committee wants;
4. otherwise the sentence closest to the top missed key point gets that exemplar line
   added.
The exemplar line is said the way a candidate would say it, which an instruction is not;
content lint makes sure every key point has one. Without it, the point's advice stands in,
and so it does in rounds where the candidate tells their own story: the exemplar's line
carries another story's facts ("refund and legal tickets never get a draft"), which a
rewrite must not put in the candidate's mouth.
"""

from __future__ import annotations

import re

from hirebar.content import Pitfall, Question, RoundKind
from hirebar.grading.assessment import KeyPointResult, RedFlagHit, Rewrite
from hirebar.grading.matching import SentenceMatcher
from hirebar.grading.text import split_sentences

PITFALL_MATCH = 0.5
# "Gradient boosting" and "boosted trees" name a model, not a change.
_VAGUE_CHANGE = re.compile(
    r"\b(?:improv\w*|increas\w*|reduc\w*|decreas\w*|(?<!gradient )boost(?!ed trees?)\w*|"
    r"better|faster|grew|grow\w*|lift\w*|optimi[sz]\w*)\b",
    re.IGNORECASE,
)
# A size said in words ("grew by two days", "cut it in half") is a number too.
_NUMBER = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundred|thousand|million|billion|half|double[sd]?|tripled?|tenfold|percent|"
    r"once|twice)\b",
    re.IGNORECASE,
)
# The candidate's own claim ("we cut ...", "that improved ..."): "models keep getting
# better" or "leadership asked them to communicate better" is not a result to put
# numbers on.
_OWN_CLAIM = re.compile(
    r"\b(?:i|we|my|our|i['’]d|we['’]d)\b|^\s*(?:it|that|this|the (?:change|launch|feature|fix))\b",
    re.IGNORECASE,
)
_OUTLINE_NUMBER = re.compile(r"^\s*(?:\d+[.)]|[-*])\s+", re.MULTILINE)
# Rounds whose answers are the candidate's own story.
STORY_ROUNDS = frozenset(
    {RoundKind.behavioral, RoundKind.recruiter_screen, RoundKind.hiring_manager}
)


def suggest(
    question: Question,
    matcher: SentenceMatcher,
    key_points: list[KeyPointResult],
    red_flags: list[RedFlagHit],
) -> Rewrite | None:
    missed = sorted((k for k in key_points if not k.covered), key=lambda k: -k.weight)
    rubric_flags = [h for h in red_flags if h.id in {f.id for f in question.rubric.red_flags}]
    for hit in rubric_flags or red_flags:
        pitfall = _closest_pitfall(question, hit.quote, matcher)
        if pitfall is not None:
            return Rewrite(before=hit.quote, after=pitfall.strong, why=pitfall.why)
    if red_flags and missed:
        hit = red_flags[0]
        line = _exemplar_line(question, missed[0].id, matcher)
        return Rewrite(
            before=hit.quote,
            after=line or f"(Replace it.) {missed[0].advice}",
            why=hit.why,
        )
    for sentence in matcher.sentences:
        text = sentence.text
        if _VAGUE_CHANGE.search(text) and _OWN_CLAIM.search(text) and not _NUMBER.search(text):
            return Rewrite(
                before=sentence.text,
                after=_quantified(sentence.text),
                why="A change with no baseline, size or time frame cannot be checked; "
                "committees trust claims they could verify.",
            )
    if missed and matcher.sentences:
        point = missed[0]
        rubric_point = question.key_point(point.id)
        best = matcher.best([rubric_point.text, *rubric_point.cues])
        sentence = matcher.sentences[best.sentence_index if best else 0]
        line = _exemplar_line(question, point.id, matcher)
        return Rewrite(
            before=sentence.text,
            after=f"{sentence.text} {line}"
            if line
            else f"{sentence.text.rstrip('.!? ')}; then: {point.advice}",
            why=f"This is where the answer comes closest to a missed point: {point.text}",
        )
    return None


def _exemplar_line(question: Question, point_id: str, matcher: SentenceMatcher) -> str | None:
    """The sentence of the exemplar outline that best makes the key point, unnumbered; none
    in a round where the answer is the candidate's own story."""
    if question.round in STORY_ROUNDS:
        return None
    lines = split_sentences(_OUTLINE_NUMBER.sub("", question.exemplar))
    point = question.key_point(point_id)
    best = SentenceMatcher(lines, question.prompt, matcher.embedder).best(point.cues)
    return lines[best.sentence_index].text if best and best.strength > 0 else None


def _closest_pitfall(question: Question, quote: str, matcher: SentenceMatcher) -> Pitfall | None:
    index = next((i for i, s in enumerate(matcher.sentences) if s.text == quote), None)
    if index is None or not question.pitfalls:
        return None
    similarity = matcher.cosine([p.weak for p in question.pitfalls])[:, index]
    best = int(similarity.argmax())
    return question.pitfalls[best] if similarity[best] >= PITFALL_MATCH else None


def _quantified(sentence: str) -> str:
    core = sentence.rstrip(".!? ")
    return (
        f"{core}, from [baseline] to [target] within [time frame], "
        "measured by [metric] for [segment]."
    )
