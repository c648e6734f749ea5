"""The built-in bank and course meet the bar the product promises."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from hirebar.content import Library, RoundKind
from hirebar.content.vocabulary import TOPIC_AREAS

# Each framework the course must teach, as a pattern its lesson title matches.
FRAMEWORKS = [
    r"\bCLEAR\b",
    r"\bRADD\b",
    r"(?i)model.+policy.+feedback",
    r"(?i)triage before theori",
    r"(?i)containment",
    r"(?i)not x but y",
    r"(?i)silent.+rubric",
]


@pytest.fixture(scope="module")
def builtin() -> Library:
    return Library.load([])


def test_the_builtin_pack_has_no_problems(builtin):
    assert [str(p) for p in builtin.problems] == []


def test_at_least_400_questions_25_per_round_kind_60_per_company(builtin):
    questions = list(builtin.questions.values())
    assert len(questions) >= 400
    per_round = Counter(q.round for q in questions)
    assert {kind: per_round[kind] for kind in RoundKind if per_round[kind] < 25} == {}
    per_company = Counter(c for q in questions for c in q.companies)
    assert {c: per_company[c] for c in builtin.companies if per_company[c] < 60} == {}


def test_every_topic_area_is_covered_and_every_question_names_one(builtin):
    areas = Counter(t for q in builtin.questions.values() for t in q.topics if t in TOPIC_AREAS)
    assert {a: areas[a] for a in TOPIC_AREAS if areas[a] < 8} == {}
    assert [q.id for q in builtin.questions.values() if not set(q.topics) & set(TOPIC_AREAS)] == []


def test_every_question_is_complete(builtin):
    for q in builtin.questions.values():
        points = q.rubric.key_points
        assert len(points) >= 4 and all(len(k.cues) >= 2 for k in points), q.id
        assert abs(sum(k.weight for k in points) - 1) < 0.011, q.id
        assert len(q.rubric.red_flags) >= 2 and q.pitfalls and len(q.follow_ups) >= 2, q.id
        ids = {k.id for k in points}
        assert all(set(f.targets) <= ids for f in q.follow_ups), q.id


def test_a_course_of_29_lessons_in_6_modules_each_complete(builtin):
    modules = [(m, lessons) for m, lessons in builtin.course if lessons]
    assert len(modules) >= 6
    assert sum(len(lessons) for _, lessons in modules) >= 29
    for lesson in builtin.lessons.values():
        assert len(lesson.objectives) >= 2 and len(lesson.takeaways) >= 2, lesson.id
        assert "## Core ideas" in lesson.body, lesson.id
        example = lesson.body.split("## Worked example", 1)
        assert len(example) == 2 and re.search(r"\d", example[1]), lesson.id
        assert lesson.practice and lesson.cards and lesson.drills, lesson.id


def test_each_named_framework_has_a_lesson_with_when_to_use(builtin):
    (lessons,) = [ls for m, ls in builtin.course if m.id == "frameworks"]
    for pattern in FRAMEWORKS:
        matches = [x for x in lessons if re.search(pattern, x.title)]
        assert matches, f"no framework lesson titled like {pattern}"
        assert all("## When to use" in x.body for x in matches), pattern


def test_round_weights_read_as_percentages_that_add_up(builtin):
    from hirebar.content import percent

    assert (percent(0.35), percent(0.2375), percent(0.05)) == ("35%", "23.8%", "5%")
    for company in builtin.companies.values():
        shown = sum(float(percent(r.weight).removesuffix("%")) for r in company.rounds)
        assert abs(shown - 100) < 0.5, company.id  # whole-percent rounding read 101 for Meta
