"""How ready the candidate is for a company's loop, round by round, from their attempts.

A round's readiness is the mean of the latest score on each question of that
round's kind (at most the five most recent questions), as a share of 5; the
loop's readiness weighs rounds as the company does. No attempt means 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from hirebar.content import Company, Library, Question, RoundKind

RECENT_QUESTIONS = 5


@dataclass(frozen=True)
class RoundReadiness:
    kind: RoundKind
    title: str
    weight: float
    minutes: int
    readiness: float  # 0-1
    answered: int


@dataclass(frozen=True)
class CompanyReadiness:
    company: Company
    overall: float
    rounds: list[RoundReadiness]

    @property
    def weakest(self) -> RoundReadiness:
        """The round where practice buys the most: weight times what is missing."""
        return max(self.rounds, key=lambda r: r.weight * (1 - r.readiness))


def readiness(
    company: Company, library: Library, scores: list[tuple[str, str, float | None]]
) -> CompanyReadiness:
    """``scores``: (question id, mode, score) newest first, as ``store.latest_scores`` gives."""
    latest: dict[str, float] = {}
    for question_id, mode, score in scores:
        if mode == "practice" and score is not None and question_id not in latest:
            latest[question_id] = score
    rounds = []
    for r in company.rounds:
        scores = [
            score
            for question_id, score in latest.items()
            if question_id in library.questions and library.questions[question_id].round == r.kind
        ][:RECENT_QUESTIONS]
        value = sum(scores) / (5 * len(scores)) if scores else 0.0
        rounds.append(RoundReadiness(r.kind, r.title, r.weight, r.minutes, value, len(scores)))
    overall = sum(r.weight * r.readiness for r in rounds)
    return CompanyReadiness(company, overall, rounds)


def next_question(
    company: Company, library: Library, state: CompanyReadiness, attempted: set[str]
) -> Question | None:
    """A question for the weakest round, one not tried yet if there is one."""
    pool = library.find(round=state.weakest.kind, company=company.id) or library.find(
        round=state.weakest.kind
    )
    fresh = [q for q in pool if q.id not in attempted]
    return (fresh or pool or [None])[0]
