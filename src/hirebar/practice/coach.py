"""The coach: reads the tracker (attempts, drills) and turns it into readiness and a plan.

Nothing is cached: the plan is rebuilt from the latest results every time it is asked
for, which is what "re-plans whenever results change" means here.
"""

from __future__ import annotations

from datetime import date

from hirebar import store
from hirebar.content import Competency
from hirebar.planning.plan import Day, Results, build_plan, weakest_competencies
from hirebar.practice.readiness import CompanyReadiness, readiness
from hirebar.practice.service import PracticeService

DEFAULT_HOURS_PER_DAY = 1.5  # a day's study time until the plan form saves one


class Coach:
    def __init__(self, svc: PracticeService):
        self.svc = svc

    def saved_hours(self) -> float:
        """The hours a day saved with the plan (web or terminal), else the default."""
        try:
            return float(self.svc.profile().get("hours_per_day", DEFAULT_HOURS_PER_DAY))
        except ValueError:
            return DEFAULT_HOURS_PER_DAY

    def drills(self) -> list[tuple[str, bool]]:
        """(kind, correct) newest first, one per exercise: the first answer to a seed."""
        with self.svc.session() as session:
            rows = store.list_first_drill_results(session, limit=500)
        return [(row.kind, row.correct) for row in rows]

    def readiness(self, company_id: str) -> CompanyReadiness:
        return readiness(
            self.svc.company(company_id),
            self.svc.library,
            self.svc.latest_scores(),
            self.drills(),
        )

    def results(self, company_id: str) -> Results:
        state = self.readiness(company_id)
        accuracy: dict[str, tuple[int, int]] = {}
        for kind, right in self.drills():
            done, tried = accuracy.get(kind, (0, 0))
            accuracy[kind] = (done + right, tried + 1)
        attempted = frozenset(q for q, _, _ in self.svc.latest_scores())
        return Results(
            round_readiness={r.kind: r.readiness for r in state.rounds},
            drill_accuracy=accuracy,
            attempted=attempted,
            weak_competencies=self.weak_competencies(accuracy),
        )

    def weak_competencies(self, drills: dict[str, tuple[int, int]]) -> tuple[Competency, ...]:
        """Weakest first, from assessed competency scores and drill accuracy."""
        assessed: dict[Competency, list[int]] = {}
        for summary in self.svc.summaries(limit=200):
            if summary.mode in store.WHOLE_ANSWER_MODES and summary.competencies:
                for name, value in summary.competencies.items():
                    if name in Competency.__members__:
                        assessed.setdefault(Competency(name), []).append(value)
        return weakest_competencies(assessed, drills)

    def plan(
        self, company_id: str, *, today: date, interview: date | None, hours_per_day: float
    ) -> list[Day]:
        return build_plan(
            self.svc.company(company_id),
            self.svc.library,
            self.results(company_id),
            today=today,
            interview=interview,
            hours_per_day=hours_per_day,
        )
