"""The built-in incident scenarios: enough of them, and each one playable as designed."""

from __future__ import annotations

import pytest

from hirebar.content import Library
from hirebar.content.incident import Stage
from hirebar.drills.simulation import Statement, debrief, interpret, offered, order_score

INCIDENTS = list(Library.load([]).incidents.values())
REQUIRED = [
    "overnight-accuracy",
    "toxic",
    "inconsistent",
    "skin-tone",
    "fraud",
    "drift",
    "latency",
    "hallucination",
    "cost",
    "label-leak",
    "prompt-injection",
    "feedback-loop",
]


def test_at_least_twelve_scenarios_cover_the_named_incidents():
    assert len(INCIDENTS) >= 12
    ids = " ".join(i.id for i in INCIDENTS)
    assert [name for name in REQUIRED if name not in ids] == []


@pytest.mark.parametrize("incident", INCIDENTS, ids=lambda i: i.id)
def test_every_phrase_finds_its_own_action(incident):
    wrong = [
        (a.id, phrase)
        for a in incident.actions
        for phrase in a.phrases
        if getattr(interpret(incident, phrase), "id", None) != a.id
    ]
    assert wrong == []


@pytest.mark.parametrize("incident", INCIDENTS, ids=lambda i: i.id)
def test_the_ideal_path_is_in_triage_order_and_scores_high_a_poor_run_low(incident):
    ideal = [incident.action(i) for i in incident.ideal]
    assert order_score([a.stage for a in ideal]) == 1
    assert {Stage.scope, Stage.change, Stage.containment, Stage.comms, Stage.rollback} <= {
        a.stage for a in ideal
    }
    good = Statement(
        cause=incident.cause_phrases[0],
        containment=incident.containment_phrases[0],
        comms=incident.comms_phrases[0],
        rollback=incident.rollback_phrases[0] + " if the error rate stays above 5% for an hour",
    )
    assert debrief(incident, list(incident.ideal), good).score >= 90
    poor = Statement("not sure yet", "we wait and see", "nobody for now", "later")
    assert debrief(incident, list(reversed(incident.ideal))[:3], poor).score <= 40


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("break it down by language", "accuracy-by-language"),
        ("check the change log", "change-log"),
        ("what changed last night", "change-log"),
        ("order pizza for the team", None),
    ],
)
def test_a_short_command_in_the_actions_own_words_finds_it(typed, expected):
    incident = Library.load([]).incidents["inc-overnight-accuracy-drop"]
    assert getattr(interpret(incident, typed), "id", None) == expected


@pytest.mark.parametrize("incident", INCIDENTS, ids=lambda i: i.id)
def test_the_choices_do_not_name_the_fix_before_the_evidence_points_at_it(incident):
    first = offered(incident, [])
    assert first and all(a.stage in (Stage.scope, Stage.change) for a in first)
    looked = offered(incident, [first[0].id])
    assert any(a.stage == Stage.hypothesis for a in looked) or not any(
        a.stage == Stage.hypothesis for a in incident.actions
    )
    key = next(a for a in incident.actions if a.key)
    opened = offered(incident, [first[0].id, key.id])
    assert {a.id for a in opened} == {a.id for a in incident.actions}
