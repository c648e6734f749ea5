"""How ready the candidate is for a company's loop, round by round, from their results.

A round's evidence is the latest score on each question of that round's kind (the
five most recent questions, practice or mock loop, as a share of 5) plus the drills
that train it (right = 1, wrong = 0, the ten most recent). Readiness is the mean of
the evidence, weighed across rounds as the company does; no evidence means 0. Drills
show the maths a round leans on, not that its questions can be answered: until one of
its questions has been, drills alone lift a round to half at most. The
interval is centred on that figure: a round with evidence adds the spread of its
Beta(1, 1) posterior, so few results give a wide range that narrows as results come in,
and a round with none could be anywhere from 0 to its whole weight. The estimate is
therefore always inside its interval (a fresh start reads 0 %, between 0 and 100 %).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from hirebar.content import Company, Library, Question, RoundKind
from hirebar.planning.plan import ROUND_DRILLS
from hirebar.store import WHOLE_ANSWER_MODES

RECENT_QUESTIONS = 5
RECENT_DRILLS = 10
DRILLS_ALONE_AT_MOST = 0.5
Z95 = 1.96


@dataclass(frozen=True)
class RoundReadiness:
    kind: RoundKind
    title: str
    weight: float
    minutes: int
    readiness: float  # 0-1
    answered: int
    evidence: int = 0  # answers plus drills
    posterior_var: float = 1 / 12


@dataclass(frozen=True)
class CompanyReadiness:
    company: Company
    overall: float
    rounds: list[RoundReadiness]
    low: float = 0.0
    high: float = 1.0

    @property
    def weakest(self) -> RoundReadiness:
        """The round where practice buys the most: weight times what is missing."""
        return max(self.rounds, key=lambda r: r.weight * (1 - r.readiness))


def readiness(
    company: Company,
    library: Library,
    scores: list[tuple[str, str, float | None]],
    drills: list[tuple[str, bool]] = (),  # type: ignore[assignment]
) -> CompanyReadiness:
    """``scores``: (question id, mode, score) newest first, as ``store.latest_scores`` gives;
    ``drills``: (kind, correct) newest first."""
    latest: dict[str, float] = {}
    for question_id, mode, score in scores:
        if mode in WHOLE_ANSWER_MODES and score is not None and question_id not in latest:
            latest[question_id] = score
    rounds = []
    for r in company.rounds:
        answers = [
            score / 5
            for question_id, score in latest.items()
            if question_id in library.questions and library.questions[question_id].round == r.kind
        ][:RECENT_QUESTIONS]
        trained = set(ROUND_DRILLS.get(r.kind, []))
        drilled = [1.0 if right else 0.0 for kind, right in drills if kind in trained]
        evidence = answers + drilled[:RECENT_DRILLS]
        value = sum(evidence) / len(evidence) if evidence else 0.0
        if not answers:
            value = min(value, DRILLS_ALONE_AT_MOST)
        alpha, beta = 1 + sum(evidence), 1 + len(evidence) - sum(evidence)
        total = alpha + beta
        rounds.append(
            RoundReadiness(
                r.kind,
                r.title,
                r.weight,
                r.minutes,
                value,
                len(answers),
                len(evidence),
                alpha * beta / (total**2 * (total + 1)),
            )
        )
    overall = sum(r.weight * r.readiness for r in rounds)
    known = [r for r in rounds if r.evidence]
    spread = Z95 * math.sqrt(sum(r.weight**2 * r.posterior_var for r in known))
    unknown = sum(r.weight for r in rounds if not r.evidence)
    low, high = max(0.0, overall - spread), min(1.0, overall + spread + unknown)
    return CompanyReadiness(company, overall, rounds, low, high)


def next_question(
    company: Company, library: Library, state: CompanyReadiness, attempted: set[str]
) -> Question | None:
    """A question for the weakest round, one not tried yet if there is one."""
    pool = library.find(round=state.weakest.kind, company=company.id) or library.find(
        round=state.weakest.kind
    )
    fresh = [q for q in pool if q.id not in attempted]
    return (fresh or pool or [None])[0]
