"""The study plan: golden files for fixed inputs, and the rules every plan keeps."""

from __future__ import annotations

import itertools
import json
import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from hirebar.content import Competency, Library, RoundKind
from hirebar.planning.plan import (
    MOCK_LOOP_EVERY,
    PlanError,
    Results,
    build_plan,
    round_shares,
)

GOLDEN = Path(__file__).resolve().parents[2] / "data" / "golden"
TODAY = date(2026, 11, 23)
LIBRARY = Library.load([])
WEAK_TECHNICAL = Results(
    round_readiness={
        RoundKind.recruiter_screen: 0.8,
        RoundKind.product_sense: 0.7,
        RoundKind.technical: 0.2,
        RoundKind.strategy: 0.6,
        RoundKind.behavioral: 0.75,
    },
    drill_accuracy={"confusion-metrics": (1, 4), "roc-vs-pr": (3, 3)},
    attempted=frozenset({"ps-meeting-action-items"}),
    weak_competencies=(Competency.experiment_design, Competency.monitoring),
)


@pytest.mark.parametrize(
    ("name", "company", "results", "days", "hours"),
    [
        ("google-30-days-weak-technical", "google", WEAK_TECHNICAL, 30, 1.5),
        ("stripe-10-days-fresh", "stripe", Results(), 10, 3.0),
    ],
)
def test_plan_matches_its_golden_file(name, company, results, days, hours):
    """Set HIREBAR_UPDATE_GOLDEN=1 to rewrite the files after a deliberate change."""
    plan = build_plan(
        LIBRARY.companies[company],
        LIBRARY,
        results,
        today=TODAY,
        interview=TODAY + timedelta(days=days),
        hours_per_day=hours,
    )
    got = [d.to_dict() for d in plan]
    path = GOLDEN / f"plan-{name}.json"
    if os.environ.get("HIREBAR_UPDATE_GOLDEN"):
        path.write_text(json.dumps(got, indent=1) + "\n")
    assert got == json.loads(path.read_text())


def test_every_plan_keeps_its_rules():
    google = LIBRARY.companies["google"]
    plan = build_plan(
        google,
        LIBRARY,
        WEAK_TECHNICAL,
        today=TODAY,
        interview=TODAY + timedelta(days=30),
        hours_per_day=1.5,
    )
    assert len(plan) == 30 and plan[0].date == TODAY
    assert all(sum(t.minutes for t in d.tasks) <= d.minutes for d in plan)
    assert all(d.tasks[0].kind == "review" for d in plan)
    loops = [i for i, d in enumerate(plan) if any(t.kind == "mock_loop" for t in d.tasks)]
    assert len(loops) >= 3
    assert all(b - a == MOCK_LOOP_EVERY for a, b in itertools.pairwise(loops))
    assert plan[-1].minutes < plan[-2].minutes < plan[-3].minutes  # the last days are light
    questions = [t.ref for d in plan for t in d.tasks if t.kind == "question"]
    assert len(questions) == len(set(questions)) and "ps-meeting-action-items" not in questions
    per_round = {r.kind: 0 for r in google.rounds}
    for ref in questions:
        per_round[LIBRARY.questions[ref].round] += 1
    assert min(per_round.values()) >= 1  # the floor: no round is ignored
    assert per_round[RoundKind.technical] == max(per_round.values())  # the weakest gets most


def test_weakness_moves_time_between_rounds():
    google = LIBRARY.companies["google"]
    fresh = round_shares(google, Results())
    weak = round_shares(google, WEAK_TECHNICAL)
    assert weak[RoundKind.technical] > fresh[RoundKind.technical]
    assert weak[RoundKind.behavioral] < fresh[RoundKind.behavioral]
    assert weak[RoundKind.recruiter_screen] == 0.05  # the floor holds
    assert abs(sum(weak.values()) - 1) < 1e-9 and min(weak.values()) >= 0.05 - 1e-9


def test_bad_dates_and_hours_are_refused():
    google = LIBRARY.companies["google"]
    with pytest.raises(PlanError, match=r"2026-11-22 has passed \(today is 2026-11-23\)"):
        build_plan(google, LIBRARY, Results(), today=TODAY, interview=TODAY - timedelta(days=1))
    with pytest.raises(PlanError, match="hours per day"):
        build_plan(google, LIBRARY, Results(), today=TODAY, hours_per_day=0)
    far = TODAY + timedelta(days=366)  # a typo such as 2207 for 2027 must not hang the app
    with pytest.raises(PlanError, match="more than 365 days away"):
        build_plan(google, LIBRARY, Results(), today=TODAY, interview=far)
    year = build_plan(google, LIBRARY, Results(), today=TODAY, interview=far - timedelta(days=1))
    assert len(year) == 365


def test_an_interview_today_gets_a_short_warm_up_day():
    """Someone who opens hirebar on the morning of the interview gets a plan, not an error."""
    (day,) = build_plan(
        LIBRARY.companies["google"], LIBRARY, Results(), today=TODAY, interview=TODAY
    )
    assert day.date == TODAY and day.minutes == round(1.5 * 60 * 0.25)
    assert [t.kind for t in day.tasks] == ["review", "rest"]
    assert day.tasks[1].title.startswith("Interview day") and day.planned == day.minutes


def test_a_short_day_has_no_empty_task_and_titles_end_at_a_word():
    days = build_plan(
        LIBRARY.companies["google"], LIBRARY, Results(), today=TODAY, hours_per_day=0.25
    )
    tasks = [t for d in days for t in d.tasks]
    assert all(t.minutes > 0 for t in tasks if t.kind != "rest")
    assert not any(t.kind == "mock_loop" for t in tasks)
    for question in LIBRARY.questions.values():
        title = question.headline(60)
        assert len(title) <= 60 and (title.endswith("…") or question.prompt.startswith(title))


def test_questions_that_train_the_weakest_competencies_come_first():
    google = LIBRARY.companies["google"]
    for weak in (Competency.experiment_design, Competency.safety_ethics):
        results = Results(weak_competencies=(weak,))
        plan = build_plan(
            google,
            LIBRARY,
            results,
            today=TODAY,
            interview=TODAY + timedelta(days=14),
            hours_per_day=1.5,
        )
        asked = [LIBRARY.questions[t.ref] for d in plan for t in d.tasks if t.kind == "question"]
        training = sum(1 for q in asked if weak in q.competencies)
        baseline = build_plan(
            google,
            LIBRARY,
            Results(),
            today=TODAY,
            interview=TODAY + timedelta(days=14),
            hours_per_day=1.5,
        )
        plain = [
            LIBRARY.questions[t.ref] for d in baseline for t in d.tasks if t.kind == "question"
        ]
        assert training > sum(1 for q in plain if weak in q.competencies)


def test_weakness_per_competency_comes_from_assessments_and_drills():
    from hirebar.planning.plan import weakest_competencies

    strong_all = {c: [4, 4] for c in Competency}
    order = weakest_competencies(strong_all, {"sample-size": (0, 5), "drift": (5, 5)})
    assert order[0] == Competency.experiment_design  # failed every sample-size drill
    assert order[-1] != Competency.experiment_design
    unseen = weakest_competencies({Competency.metrics: [4]}, {})
    assert unseen[-1] == Competency.metrics  # everything never shown counts as weaker


@pytest.mark.parametrize("hours", [0.25, 0.5])
def test_a_short_day_still_practises_not_just_reviews(hours):
    plan = build_plan(
        LIBRARY.companies["google"],
        LIBRARY,
        Results(),
        today=TODAY,
        interview=TODAY + timedelta(days=20),
        hours_per_day=hours,
    )
    full_days = plan[:-2]  # the last two are light by design
    assert all(len(d.tasks) >= 2 and d.planned <= d.minutes for d in full_days)
    kinds = {t.kind for d in full_days for t in d.tasks}
    assert {"lesson", "question" if hours >= 0.5 else "drill"} <= kinds
