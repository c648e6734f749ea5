"""The hiring committee: weigh a whole loop's rounds into one decision.

A committee does not average. It applies the company's round weights, and then a
few rules that averages would hide. The rules are data here, so the report can print
the exact rules that produced the decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hirebar.content import COMPETENCY_NAMES, Company, Competency, RoundKind, Verdict, percent
from hirebar.grading.assessment import Assessment
from hirebar.grading.verdict import score_model

SCREENS = frozenset({RoundKind.recruiter_screen, RoundKind.hiring_manager})
HEAVY_ROUND = 0.2  # a round weighing this much or more cannot be averaged away
PROBE_SHARE = 0.25  # how much the follow-up reply moves a round's score

RULES: dict[str, str] = {
    "weights": "Round scores are combined with the company's round weights; a follow-up "
    f"reply counts for {PROBE_SHARE:.0%} of its round.",
    "screen": "The recruiter and hiring-manager rounds are filters: below lean hire in either "
    "makes the decision strong no hire, whatever the other rounds say. A real loop would end "
    "there; here every round is still asked, for the practice.",
    "heavy": f"A strong no hire in a round weighing {HEAVY_ROUND:.0%} or more caps the "
    "decision at lean no hire: it cannot be averaged away.",
    "two-noes": "Two or more rounds below lean hire cap the decision at lean no hire.",
    "strong": "Strong hire needs no round below lean hire.",
}


@dataclass(frozen=True)
class RoundOutcome:
    """One round as played: the question, the graded answer and the graded probe reply."""

    kind: RoundKind
    title: str
    weight: float
    question_id: str
    assessment: Assessment
    probe: Assessment | None = None

    @property
    def score(self) -> float:
        if self.probe is None:
            return self.assessment.score
        return (1 - PROBE_SHARE) * self.assessment.score + PROBE_SHARE * self.probe.score

    @property
    def verdict(self) -> Verdict:
        """The verdict of the round's score, held to any cap its answer earned (a red flag,
        gaming, no key point clearly made): the follow-up reply moves the score, but the
        committee does not forget what capped the answer."""
        model = score_model(self.assessment.semantic)
        by_score = model.verdict(self.score)
        if self.assessment.verdict.rank < model.verdict(self.assessment.score).rank:
            return min(by_score, self.assessment.verdict, key=lambda v: v.rank)
        return by_score


@dataclass
class RoundWriteUp:
    kind: str
    title: str
    weight: float
    question_id: str
    verdict: Verdict
    score: float
    strongest: str | None  # the best-evidenced sentence, quoted
    strongest_point: str | None
    gap: str | None  # the biggest missed key point
    gap_advice: str | None
    gap_competency: Competency | None


@dataclass
class Fix:
    """One of the things to work on first, with where to practise it."""

    what: str
    why: str
    competency: Competency
    round_kind: RoundKind
    round_title: str
    priority: float
    question_id: str  # the question the point was missed on


@dataclass
class CommitteeDecision:
    company_id: str
    company_name: str
    decision: Verdict
    weighted_score: float
    rounds: list[RoundWriteUp]
    rationale: list[str]
    fixes: list[Fix]
    competencies: dict[str, float] = field(default_factory=dict)
    rules: dict[str, str] = field(default_factory=lambda: dict(RULES))


def decide(company: Company, outcomes: list[RoundOutcome]) -> CommitteeDecision:
    """The committee's decision for a played loop, with the rules that shaped it."""
    total_weight = sum(o.weight for o in outcomes) or 1.0
    weighted = sum(o.weight * o.score for o in outcomes) / total_weight
    # Scores read on wording alone run lower for the same content, and have floors of their own.
    floors = score_model(all(o.assessment.semantic for o in outcomes))
    decision = floors.verdict(weighted)
    rationale = [
        f"Weighted score {weighted:.2f} of 5 reads as {decision.value.replace('_', ' ')} "
        "before the committee's rules."
    ]
    below = [o for o in outcomes if o.verdict.rank < Verdict.lean_hire.rank]

    fired: list[Verdict] = []

    def cap(limit: Verdict, rule: str, detail: str) -> None:
        """Apply a rule that fired; say so even when the decision is already that low, but
        not when a rule as strict or stricter has been said (the same failed screen would
        read twice: "did not pass", then "came in below lean hire")."""
        nonlocal decision
        if any(earlier.rank <= limit.rank for earlier in fired):
            return
        fired.append(limit)
        if decision.rank > limit.rank:
            decision = limit
            rationale.append(f"{detail}, so the decision drops to {limit.value.replace('_', ' ')}.")
        else:
            rationale.append(f"{detail}; the decision was already this low or lower.")

    failed_screens = [o for o in below if o.kind in SCREENS]
    if failed_screens:
        cap(Verdict.strong_no_hire, "screen", f"{failed_screens[0].title} did not pass")
    heavy_noes = [
        o for o in outcomes if o.weight >= HEAVY_ROUND and o.verdict == Verdict.strong_no_hire
    ]
    if heavy_noes:
        cap(
            Verdict.lean_no_hire,
            "heavy",
            f"{heavy_noes[0].title} ({percent(heavy_noes[0].weight)} of the loop) was a strong no",
        )
    if len(below) >= 2:
        cap(Verdict.lean_no_hire, "two-noes", f"{len(below)} rounds came in below lean hire")
    if below:
        cap(Verdict.lean_hire, "strong", f"{below[0].title} came in below lean hire")
    if len(rationale) == 1:
        rationale.append("No committee rule changed the weighted reading.")
    write_ups = [write_up(o) for o in outcomes]
    return CommitteeDecision(
        company_id=company.id,
        company_name=company.name,
        decision=decision,
        weighted_score=round(weighted, 3),
        rounds=write_ups,
        rationale=rationale,
        fixes=fixes_first(outcomes),
        competencies=competency_means(outcomes),
    )


def write_up(outcome: RoundOutcome) -> RoundWriteUp:
    covered = [k for k in outcome.assessment.key_points if k.covered and k.evidence]
    best = max(covered, key=lambda k: k.weight * k.strength, default=None)
    missed = outcome.assessment.missed
    gap = max(missed, key=lambda k: k.weight * (1 - k.strength), default=None)
    return RoundWriteUp(
        kind=outcome.kind.value,
        title=outcome.title,
        weight=outcome.weight,
        question_id=outcome.question_id,
        verdict=outcome.verdict,
        score=round(outcome.score, 2),
        strongest=best.evidence.quote if best and best.evidence else None,
        strongest_point=best.text if best else None,
        gap=gap.text if gap else None,
        gap_advice=gap.advice if gap else None,
        gap_competency=gap.competency if gap else None,
    )


def fixes_first(outcomes: list[RoundOutcome], count: int = 3) -> list[Fix]:
    """The missed key points that cost the most: round weight × point weight × how missed."""
    candidates: dict[Competency, Fix] = {}
    for outcome in outcomes:
        for point in outcome.assessment.missed:
            priority = outcome.weight * point.weight * (1 - point.strength)
            current = candidates.get(point.competency)
            if current is None or priority > current.priority:
                candidates[point.competency] = Fix(
                    what=point.advice,
                    why=f"Missed in {outcome.title}: {point.text}",
                    competency=point.competency,
                    round_kind=outcome.kind,
                    round_title=outcome.title,
                    priority=priority,
                    question_id=outcome.question_id,
                )
    ranked = sorted(candidates.values(), key=lambda f: f.priority, reverse=True)
    return ranked[:count]


def competency_means(outcomes: list[RoundOutcome]) -> dict[str, float]:
    """Mean 1-4 score per competency over the loop, for the report's chart."""
    scores: dict[str, list[int]] = {}
    for outcome in outcomes:
        for c in outcome.assessment.competencies:
            scores.setdefault(COMPETENCY_NAMES[c.competency], []).append(c.score)
    return {name: round(sum(v) / len(v), 2) for name, v in sorted(scores.items())}
