"""The study plan: day by day from today to the interview, from the candidate's results.

Time goes where the loop weighs most and the candidate is weakest: each round's share
is its weight times how far it is from ready, with a floor so no round is ignored, and
within a round the questions that train the weakest competencies come first.
Every day starts with spaced review; a full mock loop comes once a week, the last
one a few days out; the final days are lighter. The plan is a pure function of its
inputs (``today`` included), so it is rebuilt whenever results change and tested
against golden files.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from hirebar.content import Company, Competency, Library, Question, RoundKind
from hirebar.drills import KINDS

DEFAULT_DAYS = 30
# A plan is a day-by-day schedule: past a year it is neither useful nor cheap to build
# (a typo such as 2207 for 2027 would ask for 66,000 days).
MAX_DAYS = 365
REVIEW_MINUTES = 15
MOCK_LOOP_EVERY = 7
MOCK_LOOP_MINUTES = 120
MIN_MOCK_LOOP_MINUTES = 30
ROUND_FLOOR = 0.05  # every round gets at least this share of practice time
QUESTION_MINUTES = 20  # answer, read the feedback, answer the follow-up
DRILL_MINUTES = 10
INCIDENT_MINUTES = 15
# Full days left before the interview -> share of the usual time; -1 is the interview day,
# planned only when the interview is today.
LIGHT_DAYS = {1: 0.5, 0: 0.25, -1: 0.25}

# Drill kinds that train each round, first the most direct.
ROUND_DRILLS: dict[RoundKind, list[str]] = {
    RoundKind.technical: ["confusion-metrics", "roc-vs-pr", "calibration", "imbalance-trap"],
    RoundKind.execution: ["sample-size", "significance"],
    RoundKind.system_design: ["latency", "inference-cost"],
    RoundKind.strategy: ["inference-cost", "retraining"],
    RoundKind.product_sense: ["threshold-choice"],
    RoundKind.debugging_drill: ["drift", "ranking-at-k"],
    RoundKind.safety: ["threshold-choice"],
}


# The competency each drill kind exercises, so drill accuracy counts as evidence of it.
DRILL_COMPETENCY: dict[str, Competency] = {
    "confusion-metrics": Competency.metrics,
    "imbalance-trap": Competency.metrics,
    "ranking-at-k": Competency.metrics,
    "threshold-choice": Competency.tradeoffs,
    "latency": Competency.tradeoffs,
    "roc-vs-pr": Competency.technical_fluency,
    "calibration": Competency.technical_fluency,
    "drift": Competency.monitoring,
    "sample-size": Competency.experiment_design,
    "significance": Competency.experiment_design,
    "inference-cost": Competency.business_impact,
    "retraining": Competency.business_impact,
}


def weakest_competencies(
    assessed: dict[Competency, list[int]], drills: dict[str, tuple[int, int]]
) -> tuple[Competency, ...]:
    """Competencies weakest first: assessed 1-4 scores and drill accuracy, both as 0-1.

    A competency with no evidence at all counts as weakest: it has never been shown.
    """
    evidence: dict[Competency, list[float]] = {c: [] for c in Competency}
    for competency, scores in assessed.items():
        evidence[competency] += [(s - 1) / 3 for s in scores]
    for kind, (right, tried) in drills.items():
        if kind in DRILL_COMPETENCY and tried:
            evidence[DRILL_COMPETENCY[kind]] += [right / tried] * tried
    level = {c: sum(v) / len(v) if v else 0.0 for c, v in evidence.items()}
    return tuple(sorted(Competency, key=lambda c: (level[c], list(Competency).index(c))))


@dataclass(frozen=True)
class Task:
    kind: str  # review, lesson, question, drill, incident, mock_loop, rest
    ref: str  # the id to open: lesson, question, drill kind, incident, company
    title: str
    minutes: int
    why: str


@dataclass
class Day:
    date: date
    minutes: int  # the day's budget
    tasks: list[Task] = field(default_factory=list)

    @property
    def planned(self) -> int:
        """Minutes the tasks take; tasks come whole, so usually a little under the budget."""
        return sum(t.minutes for t in self.tasks)

    def to_dict(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "minutes": self.minutes,
            "planned": self.planned,
            "tasks": [asdict(t) for t in self.tasks],
        }


@dataclass(frozen=True)
class Results:
    """What the tracker knows: readiness per round (0-1), drill accuracy, what was tried."""

    round_readiness: dict[RoundKind, float] = field(default_factory=dict)
    drill_accuracy: dict[str, tuple[int, int]] = field(default_factory=dict)
    attempted: frozenset[str] = frozenset()
    lessons_read: frozenset[str] = frozenset()
    # Weakest first, from competency scores in assessments; questions that train them win.
    weak_competencies: tuple[Competency, ...] = ()


class PlanError(ValueError):
    """The dates or hours cannot make a plan."""


def read_date(text: str, what: str = "the interview date") -> date:
    """A date as typed, YYYY-MM-DD; ``PlanError`` says whether its shape or its day is wrong."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            raise PlanError(f"{what} '{text}' is not a day on the calendar") from None
        raise PlanError(f"{what} must look like 2027-01-15, not '{text}'") from None


def check_interview(interview: date, today: date) -> None:
    """An interview date a plan can be built for: today or later, at most a year away."""
    if interview < today:
        raise PlanError(f"the interview date {interview} has passed (today is {today})")
    if (interview - today).days > MAX_DAYS:
        raise PlanError(
            f"the interview date {interview} is more than {MAX_DAYS} days away; "
            "plans cover up to a year"
        )


def round_shares(company: Company, results: Results) -> dict[RoundKind, float]:
    """Each round's share of practice: weight × gap to ready, floored, summing to 1."""
    raw = {
        r.kind: r.weight * (1.2 - results.round_readiness.get(r.kind, 0.0)) for r in company.rounds
    }
    floored: set[RoundKind] = set()
    while True:  # pin rounds below the floor to it, share the rest in proportion
        free = {k: v for k, v in raw.items() if k not in floored}
        rest = 1 - ROUND_FLOOR * len(floored)
        total = sum(free.values()) or 1.0
        shares = {k: rest * v / total for k, v in free.items()}
        low = {k for k, v in shares.items() if v < ROUND_FLOOR}
        if not low:
            return {k: shares.get(k, ROUND_FLOOR) for k in raw}
        floored |= low


def build_plan(
    company: Company,
    library: Library,
    results: Results,
    *,
    today: date,
    interview: date | None = None,
    hours_per_day: float = 1.5,
) -> list[Day]:
    interview = interview or today + timedelta(days=DEFAULT_DAYS)
    check_interview(interview, today)
    if not 0.25 <= hours_per_day <= 12:
        raise PlanError(f"hours per day must be between 0.25 and 12, not {hours_per_day}")
    shares = round_shares(company, results)
    credit = dict.fromkeys(shares, 0.0)  # stride scheduling: who is owed practice time
    drill_turns: dict[RoundKind, int] = {}
    used_questions = set(results.attempted)
    lessons = [x for _, ls in library.course for x in ls if x.id not in results.lessons_read]
    incidents = sorted(library.incidents)
    days = []
    total_days = max(1, (interview - today).days)  # an interview today gets its own day
    for offset in range(total_days):
        day = today + timedelta(days=offset)
        left = (interview - day).days - 1  # full days left after this one
        minutes = round(hours_per_day * 60 * LIGHT_DAYS.get(left, 1.0))
        plan = Day(day, minutes)
        budget = minutes
        review = min(REVIEW_MINUTES, max(5, budget // 3))  # a short day keeps room to practise
        plan.tasks.append(
            Task("review", "due", "Spaced review of due cards", review, "Keeps facts fresh.")
        )
        budget -= review
        if left in LIGHT_DAYS:
            title = (
                "Interview day: reread your story bank and warm up with one answer aloud"
                if left < 0
                else "Light day: reread your story bank and sleep"
            )
            why = "The last days are for consolidation, not new material."
            plan.tasks.append(Task("rest", "", title, budget, why))
            days.append(plan)
            continue
        loop_day = left >= 2 and (left - 2) % MOCK_LOOP_EVERY == 0 and left < total_days - 1
        if loop_day and budget >= MIN_MOCK_LOOP_MINUTES:  # a short day has no room for one
            plan.tasks.append(
                Task(
                    "mock_loop",
                    company.id,
                    f"Full mock loop: {company.name}",
                    min(budget, MOCK_LOOP_MINUTES),
                    "A weekly dress rehearsal shows how the rounds add up.",
                )
            )
            days.append(plan)
            continue
        # A short day (half an hour or less) takes a lesson every other day and practises
        # on the days between; a longer one fits a lesson and practice every day.
        lesson_day = budget >= 30 or (offset % 2 == 0 and budget >= DRILL_MINUTES)
        if lessons and lesson_day and budget >= min(lessons[0].minutes, 20):
            lesson = lessons.pop(0)
            plan.tasks.append(
                Task(
                    "lesson",
                    lesson.id,
                    lesson.title,
                    min(lesson.minutes, 20),
                    "The course in order, one lesson a day.",
                )
            )
            budget -= min(lesson.minutes, 20)
        if offset % 3 == 2 and incidents and budget >= INCIDENT_MINUTES + QUESTION_MINUTES:
            incident = incidents[(offset // 3) % len(incidents)]
            plan.tasks.append(
                Task(
                    "incident",
                    incident,
                    library.incidents[incident].title,
                    INCIDENT_MINUTES,
                    "Triage order is practised, not read.",
                )
            )
            budget -= INCIDENT_MINUTES
        while budget >= QUESTION_MINUTES:
            for kind in credit:
                credit[kind] += shares[kind]
            kind = max(credit, key=lambda k: (credit[k], -list(credit).index(k)))
            credit[kind] -= 1
            question = _next_question(
                library,
                company,
                kind,
                used_questions,
                offset / max(1, total_days - 1),
                results.weak_competencies[:2],
            )
            if question is None:
                continue
            used_questions.add(question.id)
            round_title = next(r.title for r in company.rounds if r.kind == kind)
            plan.tasks.append(
                Task(
                    "question",
                    question.id,
                    question.headline(),
                    QUESTION_MINUTES,
                    f"{round_title}: {shares[kind]:.0%} of your practice time",
                )
            )
            budget -= QUESTION_MINUTES
            drill = _drill_for(kind, results, drill_turns)
            if drill and budget >= DRILL_MINUTES:
                plan.tasks.append(_drill_task(drill, f"Exact-answer practice for {round_title}"))
                budget -= DRILL_MINUTES
        if len(plan.tasks) == 1 and budget >= DRILL_MINUTES:  # only review fitted so far
            kind = max(shares, key=lambda k: shares[k])
            drill = _drill_for(kind, results, drill_turns)
            if drill:
                why = "A short day: exact-answer practice for your biggest gap"
                plan.tasks.append(_drill_task(drill, why))
        days.append(plan)
    return days


def _drill_task(drill: str, why: str) -> Task:
    return Task("drill", drill, f"Drill: {KINDS[drill][0]}", DRILL_MINUTES, why)


def _next_question(
    library: Library,
    company: Company,
    kind: RoundKind,
    used: set[str],
    progress: float,
    weakest: tuple[Competency, ...],
) -> Question | None:
    """An unseen question for the round: easier early, harder near the interview, and
    training the weakest competencies when one does."""
    pool = library.find(round=kind, company=company.id) or library.find(round=kind)
    fresh = [q for q in pool if q.id not in used] or pool
    if not fresh:
        return None
    wanted = "easy" if progress < 0.25 else "medium" if progress < 0.7 else "hard"
    level = [q for q in fresh if q.difficulty.value == wanted] or fresh
    return max(level, key=lambda q: len(set(q.competencies) & set(weakest)))


def _drill_for(kind: RoundKind, results: Results, turns: dict[RoundKind, int]) -> str | None:
    """The round's drills in turn, weakest first (untried, then lowest accuracy)."""
    options = ROUND_DRILLS.get(kind)
    if not options:
        return None

    def accuracy(drill: str) -> tuple[bool, float]:
        right, tried = results.drill_accuracy.get(drill, (0, 0))
        return (tried > 0, right / tried if tried else 0.0)

    ranked = sorted(options, key=accuracy)
    turn = turns.get(kind, 0)
    turns[kind] = turn + 1
    return ranked[turn % len(ranked)]
