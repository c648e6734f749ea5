"""Incident play: free text finds its action, and the debrief rewards triage order."""

from __future__ import annotations

import pytest

from hirebar.content.incident import Incident, Stage
from hirebar.drills.simulation import (
    SUGGESTIONS,
    Statement,
    closest,
    debrief,
    interpret,
    mentions,
    order_score,
)
from samples import INCIDENT_DATA

INCIDENT = Incident.model_validate(INCIDENT_DATA)

GOOD = Statement(
    cause="A config push changed the tokenizer for Spanish tickets.",
    containment="Revert the config and route Spanish tickets to humans meanwhile.",
    comms="Tell support leads now and the VP at the hour.",
    rollback="Roll back if accuracy stays below 88% for 30 minutes.",
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Which segment is hit? Break it down by language", "segment"),
        ("what changed last night, any config push?", "deploys"),
        ("deploys", "deploys"),
        ("I'd route to humans for now", "route"),
        ("order pizza for the team", None),
        # words for the same move read as one
        ("notify the support leads", "tell"),
        ("ping support now", "tell"),
        ("has anyone shipped a config push?", "deploys"),
    ],
)
def test_free_text_maps_to_the_action_it_means(typed, expected):
    found = interpret(INCIDENT, typed)
    assert (found.id if found else None) == expected


def test_the_ideal_path_with_a_good_statement_scores_full_marks():
    result = debrief(INCIDENT, INCIDENT.ideal, GOOD)
    assert result.score == 100 and result.notes == [] and result.missed == []


def test_theorising_first_costs_order_and_is_called_out():
    taken = ["retrain", "pipeline", "route", "segment", "deploys", "tell", "criteria"]
    result = debrief(INCIDENT, taken, GOOD)
    assert result.parts["order"] < 0.8
    assert result.score < debrief(INCIDENT, INCIDENT.ideal, GOOD).score
    assert any("theory before scoping" in n for n in result.notes)
    assert "retrain" in result.out_of_order and "segment" not in result.out_of_order


def test_a_statement_without_cause_or_numbers_loses_those_points():
    vague = Statement("something broke", "we will look", "nobody yet", "roll back soon")
    result = debrief(INCIDENT, INCIDENT.ideal, vague)
    assert result.parts["cause"] == 0 and result.parts["containment"] == 0
    assert result.parts["rollback"] == 0
    assert any("need a number" in n for n in result.notes)
    assert result.score <= 55


def test_each_part_of_the_statement_that_missed_is_explained_with_an_example():
    """The debrief says what each missed part left out, in the scenario's own words; a part
    that was said gets no note, and a rollback with a level but no action is told so."""
    partial = Statement(
        cause="A config push changed the tokenizer.",
        containment="we will look into it",
        comms="nobody yet",
        rollback="if accuracy is under 88% for an hour",
    )
    result = debrief(INCIDENT, INCIDENT.ideal, partial)
    assert result.parts["rollback"] == 0.5
    assert result.notes == [
        "Your containment does not say how the harm stops while you fix it, "
        "for example “route spanish tickets to humans”.",
        "Your update does not say who hears what, for example “tell support leads”.",
        "Your rollback does not say what you would undo or pull, "
        "for example “roll back if accuracy below”.",
    ]
    vague = debrief(INCIDENT, INCIDENT.ideal, Statement("something broke", "", "", "soon"))
    assert "Your cause does not name what went wrong (the cause is below)." in vague.notes


def test_skipping_the_key_actions_is_flagged():
    result = debrief(INCIDENT, ["route", "tell", "criteria"], GOOD)
    assert any("never took the action that shows the cause" in n for n in result.notes)
    assert result.missed == ["segment", "deploys", "monitor"]  # in the ideal order
    assert (
        "Steps of the ideal path you never took: Break accuracy down by language; "
        "List last night's deploys and config pushes; " in " ".join(result.notes)
    )


def test_order_score_counts_pairs_in_triage_order():
    assert order_score([Stage.scope, Stage.change, Stage.containment]) == 1
    assert order_score([Stage.containment, Stage.scope]) == 0
    assert order_score([]) == 0
    assert order_score([Stage.scope]) == 0  # one step shows no order
    assert order_score([Stage.scope, Stage.scope]) == 0


def test_a_scenario_must_cover_every_stage():
    broken = INCIDENT.model_dump()
    tell = next(a for a in broken["actions"] if a["id"] == "tell")
    tell["stage"] = "containment"
    with pytest.raises(ValueError, match="no action for stage"):
        Incident.model_validate(broken)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("has anything shipped lately", "deploys"),
        ("send spanish tickets to people instead", "route"),
        ("escalate to the customer support managers", "tell"),
    ],
)
def test_a_command_no_wording_matches_is_offered_the_actions_it_may_mean(embedder, typed, expected):
    assert interpret(INCIDENT, typed) is None  # nothing is taken unasked
    near = closest(INCIDENT, typed, embedder, taken=["segment"])
    assert expected in [a.id for a in near]
    assert len(near) <= SUGGESTIONS


def test_a_fix_is_not_suggested_before_the_evidence_points_at_the_cause(embedder):
    typed = "send spanish tickets to people instead"
    assert "route" not in [a.id for a in closest(INCIDENT, typed, embedder, taken=[])]
    assert "route" in [a.id for a in closest(INCIDENT, typed, embedder, taken=["deploys"])]


@pytest.mark.parametrize("typed", ["bake sourdough bread tonight", "blah blah"])
def test_a_command_about_nothing_in_the_scenario_is_offered_nothing(embedder, typed):
    assert closest(INCIDENT, typed, embedder, taken=["segment", "deploys"]) == []


def test_a_statement_in_other_words_for_the_same_move_is_heard():
    said = "Roll back the config and send Spanish tickets to a human triage queue."
    assert mentions(said, INCIDENT.containment_phrases)  # "revert the config"
    assert not mentions("Wait and see.", INCIDENT.containment_phrases)


def test_an_action_already_taken_is_not_suggested_again(embedder):
    typed = "has anything shipped lately"
    assert "deploys" in [a.id for a in closest(INCIDENT, typed, embedder, taken=["segment"])]
    assert "deploys" not in [a.id for a in closest(INCIDENT, typed, embedder, taken=["deploys"])]
