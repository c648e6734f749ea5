"""From coverage, signals and red flags to competency scores, a 0-5 score and a verdict.

The rubric carries most of the weight (what this question needs); generic
signals add breadth (how a committee hears any answer); red flags subtract
and cap, because one sentence of abdication can sink an otherwise good answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from hirebar.content import COMPETENCY_NAMES, Competency, Verdict
from hirebar.grading.assessment import CompetencyScore, KeyPointResult

SHORT_ANSWER_WORDS = 60
PROBE_SHORT_WORDS = 25
LENGTH_SATURATES = 250
PROBE_LENGTH_SATURATES = 80
GAMED_FACTOR = 0.5
GAMED_MAX = 2.0


@dataclass(frozen=True)
class ScoreModel:
    """The linear read of a Reading and the verdict floors, fitted together on dev."""

    intercept: float
    coverage: float
    breadth: float
    length: float
    red_flag: float
    floors: tuple[tuple[float, Verdict], ...]

    def verdict(self, score: float) -> Verdict:
        """The highest verdict whose floor the score reaches."""
        return next((v for floor, v in self.floors if score >= floor), Verdict.strong_no_hire)


_SH, _LH, _LNH = Verdict.strong_hire, Verdict.lean_hire, Verdict.lean_no_hire
# Fitted on the dev split of benchmarks/data (benchmarks/tune_grader.py); never on test.
# In order: intercept, coverage, breadth, length x coverage, red flag; then the floors.
WITH_MODEL = ScoreModel(0.635, 0.489, 0.421, 3.349, 0.370, ((3.1, _SH), (2.2, _LH), (1.5, _LNH)))
# The same fit on readings made without the sentence model (tune_grader.py --lexical): key
# points matched on wording alone come out weaker, so they are read on a scale of their own.
WORDING_ONLY = ScoreModel(1.13, 0.511, 0.218, 4.215, 0.491, ((3.4, _SH), (2.1, _LH), (1.5, _LNH)))


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


@dataclass(frozen=True)
class Reading:
    """What the score is computed from."""

    coverage: float  # weighted rubric coverage, 0-1
    breadth: int  # competencies with at least one generic signal
    words: int
    red_flags: int  # rubric and generic red flags (not integrity issues)
    gamed: bool  # keyword stuffing, echo, padding or a wrong ML fact
    # Not one key point clearly covered: whatever it says well, it is not what was asked.
    nothing_covered: bool = False
    short_words: int = SHORT_ANSWER_WORDS
    full_words: int = LENGTH_SATURATES  # length past which more words add nothing
    semantic: bool = True  # key points were matched by meaning too, not on wording alone


def score_model(semantic: bool) -> ScoreModel:
    """The fit for scores read with the sentence model, or the one for wording alone."""
    return WITH_MODEL if semantic else WORDING_ONLY


def overall_score(reading: Reading) -> float:
    """The committee's 0-5 read: a linear model fitted on the dev split, then the caps."""
    model = score_model(reading.semantic)
    length = min(reading.words, reading.full_words) / reading.full_words
    score = (
        model.intercept
        + model.coverage * reading.coverage
        + model.breadth * min(reading.breadth, 8) / 8
        + model.length * length * reading.coverage  # length earns only with substance
        - model.red_flag * reading.red_flags
    )
    if reading.words < reading.short_words:
        score *= reading.words / reading.short_words
    if reading.gamed:
        score = min(score * GAMED_FACTOR, GAMED_MAX)
    return round(min(5.0, max(0.0, score)), 2)


def verdict_for(score: float, reading: Reading) -> Verdict:
    verdict = score_model(reading.semantic).verdict(score)
    # One red flag keeps an answer out of strong_hire; two, any gaming, or not one key point
    # covered keep it below the bar.
    cap = Verdict.strong_hire
    if reading.red_flags == 1:
        cap = Verdict.lean_hire
    if reading.red_flags >= 2 or reading.gamed or reading.nothing_covered:
        cap = Verdict.lean_no_hire
    return min(verdict, cap, key=lambda v: v.rank)
