"""From coverage, signals and red flags to competency scores, a 0-5 score and a verdict.

The rubric carries most of the weight (what this question needs); generic
signals add breadth (how a committee hears any answer); red flags subtract
and cap, because one sentence of abdication can sink an otherwise good answer.
"""

from __future__ import annotations

from hirebar.content import COMPETENCY_NAMES, Competency, Verdict
from hirebar.grading.assessment import CompetencyScore, KeyPointResult, RedFlagHit

RUBRIC_SHARE = 0.8
RED_FLAG_PENALTY = 0.7
SHORT_ANSWER_WORDS = 60
PROBE_SHORT_WORDS = 25

# Lower bounds of the 0-5 score for each verdict above the lowest.
VERDICT_FLOORS: tuple[tuple[float, Verdict], ...] = (
    (3.5, Verdict.strong_hire),
    (2.5, Verdict.lean_hire),
    (1.4, Verdict.lean_no_hire),
)


def competency_scores(
    named: list[Competency],
    key_points: list[KeyPointResult],
    signals: dict[Competency, list[tuple[str, int]]],
) -> list[CompetencyScore]:
    """A 1-4 score for each competency named, and each one the key points test."""
    wanted = list(dict.fromkeys([*named, *(k.competency for k in key_points)]))
    scores = []
    for competency in wanted:
        mine = [k for k in key_points if k.competency == competency]
        signal_names = {name for name, _ in signals.get(competency, [])}
        signal_part = min(len(signals.get(competency, [])), 3) / 3
        if mine:
            total = sum(k.weight for k in mine)
            rubric_part = sum(k.weight * k.strength for k in mine) / total
            value = 0.75 * rubric_part + 0.25 * signal_part
            basis = f"{sum(k.covered for k in mine)} of {len(mine)} key points"
        else:
            value = signal_part
            basis = "generic signals only"
        if signal_names:
            basis += "; heard: " + ", ".join(sorted(signal_names))
        scores.append(
            CompetencyScore(
                competency=competency,
                name=COMPETENCY_NAMES[competency],
                score=1 + min(3, int(value * 4)),
                basis=basis,
            )
        )
    return scores


def overall_score(
    coverage: float,
    signals: dict[Competency, list[tuple[str, int]]],
    red_flags: list[RedFlagHit],
    word_count: int,
    short_words: int = SHORT_ANSWER_WORDS,
) -> float:
    breadth = min(len(signals), 8) / 8
    score = 5 * (RUBRIC_SHARE * coverage + (1 - RUBRIC_SHARE) * breadth)
    score -= RED_FLAG_PENALTY * len(red_flags)
    if word_count < short_words:
        score *= word_count / short_words
    return round(min(5.0, max(0.0, score)), 2)


def verdict_for(score: float, red_flags: list[RedFlagHit]) -> Verdict:
    verdict = next((v for floor, v in VERDICT_FLOORS if score >= floor), Verdict.strong_no_hire)
    # One red flag keeps an answer out of strong_hire; two keep it below the bar.
    cap = Verdict.strong_hire
    if len(red_flags) == 1:
        cap = Verdict.lean_hire
    elif len(red_flags) >= 2:
        cap = Verdict.lean_no_hire
    return min(verdict, cap, key=lambda v: v.rank)
