"""Feedback a candidate can act on, and the follow-up probe aimed at the gaps."""

from __future__ import annotations

from functools import lru_cache

from hirebar.content import FollowUp, Question, Verdict
from hirebar.grading.assessment import KeyPointResult, RedFlagHit
from hirebar.grading.integrity import PADDING_FLAG
from hirebar.grading.text import content_stems

# A probe that uses this many words of the exemplar's story, not in the prompt or the
# answer, assumes a story the candidate did not tell.
ASSUMED_DETAILS = 2

_VERDICT_WORDS = {
    Verdict.strong_hire: "A committee would likely push for this answer.",
    Verdict.lean_hire: "Above the bar, with gaps an interviewer would probe.",
    Verdict.lean_no_hire: "Below the bar: the core of the answer is missing or undercut.",
    Verdict.strong_no_hire: "Far from the bar: start from the exemplar outline.",
}


# How each kind of feedback line starts: the terminal, the JSON and the web page all show
# these lines, and the web page styles each by its kind (``line_kind``).
RED_FLAG_LINE = "Red flag: "
MISSED_LINE = "Missed: "
IN_PASSING_LINE = "Only in passing: "
_LINE_KINDS = (
    (RED_FLAG_LINE, "red_flag"),
    (MISSED_LINE, "missed"),
    (IN_PASSING_LINE, "in_passing"),
)


def line_kind(line: str) -> str:
    """``red_flag``, ``missed``, ``in_passing`` or ``other``."""
    return next((kind for start, kind in _LINE_KINDS if line.startswith(start)), "other")


def strengths(key_points: list[KeyPointResult]) -> list[str]:
    """The key points made, each with the sentence that made it (not those only touched on)."""
    return [
        f'{k.text} You said: "{k.evidence.quote}"'
        for k in key_points
        if k.covered and not k.thin and k.evidence is not None
    ]


def _in_passing(point: KeyPointResult) -> str:
    """The line for a key point the answer touched on without making it."""
    quote = f' You said: "{point.evidence.quote}"' if point.evidence else ""
    return f"{IN_PASSING_LINE}{point.text}{quote} Make it explicit: {point.advice}"


def feedback_lines(key_points: list[KeyPointResult], red_flags: list[RedFlagHit]) -> list[str]:
    lines = [f'{RED_FLAG_LINE}"{hit.quote}" {hit.why}' for hit in red_flags]
    missed = sorted((k for k in key_points if not k.covered), key=lambda k: -k.weight)
    lines += [f"{MISSED_LINE}{k.text} {k.advice}" for k in missed]
    thin = sorted((k for k in key_points if k.thin), key=lambda k: -k.weight)
    lines += [_in_passing(k) for k in thin]
    return lines


def next_step(
    verdict: Verdict, key_points: list[KeyPointResult], red_flags: list[RedFlagHit]
) -> str:
    """One concrete thing to do before the next attempt."""
    if red_flags and red_flags[0].id == PADDING_FLAG:  # its quote is one repeat of many
        return (
            f"{_VERDICT_WORDS[verdict]} First, cut the repetition and filler: say each point "
            "once, in what fits the round's time."
        )
    if red_flags:
        return f'{_VERDICT_WORDS[verdict]} First, cut or reverse this: "{red_flags[0].quote}"'
    missed = sorted((k for k in key_points if not k.covered), key=lambda k: -k.weight)
    if missed:
        advice = missed[0].advice
        return f"{_VERDICT_WORDS[verdict]} Next time, {advice[0].lower()}{advice[1:]}"
    if verdict.rank <= Verdict.lean_no_hire.rank and key_points:  # named, not worked through
        thinnest = min(key_points, key=lambda k: k.strength)
        return (
            "Below the bar although every key point is named: they are stated, not worked "
            f'through. Develop the thinnest one, "{thinnest.text.rstrip(".")}", with how you '
            "would do it, a number and the trade-off you accept."
        )
    thin = [k for k in key_points if k.thin]
    if thin:
        heaviest = max(thin, key=lambda k: k.weight)
        return (
            f"{_VERDICT_WORDS[verdict]} Every key point is there, {len(thin)} only in "
            f'passing. Next time, make "{heaviest.text.rstrip(".")}" explicit: '
            f"{heaviest.advice[0].lower()}{heaviest.advice[1:]}"
        )
    return (
        f"{_VERDICT_WORDS[verdict]} Every key point landed: say it aloud once within the "
        "round's time budget, then take the follow-up probe."
    )


def choose_follow_up(
    question: Question, key_points: list[KeyPointResult], answer: str | None = None
) -> FollowUp:
    """The probe whose targets the answer covered least; ties go to the earlier probe.

    Given the ``answer``, a probe about details of the exemplar's story that the answer
    never mentions ("How did you know cooking sessions were a better metric?", asked of a
    story about fraud alerts) gives way to one that assumes no such details, or the
    fewest."""
    strength = {k.id: k.strength for k in key_points}

    def weakness(probe: FollowUp) -> float:
        return sum(strength.get(t, 0.0) for t in probe.targets) / len(probe.targets)

    if answer is None:
        return min(question.follow_ups, key=weakness)
    said = set(content_stems(answer))

    def assumed(probe: FollowUp) -> int:
        return len(_story_details(question, probe) - said)

    fitting = [p for p in question.follow_ups if assumed(p) < ASSUMED_DETAILS]
    if fitting:
        return min(fitting, key=weakness)
    return min(question.follow_ups, key=lambda p: (assumed(p), weakness(p)))


def _story_details(question: Question, probe: FollowUp) -> set[str]:
    """Words of the probe that come from the exemplar's story, not from the prompt."""
    return set(content_stems(probe.prompt)) & _story_words(question.exemplar, question.prompt)


@lru_cache(maxsize=1024)
def _story_words(exemplar: str, prompt: str) -> frozenset[str]:
    """The exemplar's words the prompt does not use, once per question, not per answer."""
    return frozenset(content_stems(exemplar)) - frozenset(content_stems(prompt))
