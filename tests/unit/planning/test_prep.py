"""Spaced review, story checks and coverage, and the artifact linter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hirebar.content import Competency, Library
from hirebar.planning.artifacts import lint
from hirebar.planning.review import NEW_PER_DAY, Item, queue, rate
from hirebar.planning.stories import Story, check, coverage

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
LIBRARY = Library.load([])


def test_ratings_space_reviews_out_and_again_brings_it_back_soon():
    good = rate("card:x", None, 3, NOW)
    easy = rate("card:x", None, 4, NOW)
    assert NOW < good.due <= easy.due
    later = rate("card:x", good.state, 3, good.due)
    assert later.due - good.due > good.due - NOW  # intervals grow
    again = rate("card:x", later.state, 1, later.due)
    assert again.due - later.due < timedelta(days=1)
    with pytest.raises(ValueError, match="rating must be"):
        rate("card:x", None, 5, NOW)


def test_the_queue_puts_due_items_first_then_own_gaps_then_a_few_new_cards():
    cards = [Item(f"card:{i}", "card", "f", "b") for i in range(40)]
    weak = Item("question:q1", "question", "f", "b")
    story = Item("story:1", "story", "f", "b")
    due_state = rate("card:0", None, 3, NOW - timedelta(days=30))
    states = {"card:0": (due_state.state, due_state.due)}
    got = queue([*cards, weak, story], states, NOW)
    assert got[0].key == "card:0" and [i.key for i in got[1:3]] == ["question:q1", "story:1"]
    assert len(got) == 1 + NEW_PER_DAY
    assert len(queue([*cards], states, NOW, new_today=NEW_PER_DAY)) == 1


def test_story_checks_name_what_is_missing():
    strong = Story(
        1,
        "Kept the model live",
        decision="I chose to route low-confidence claims to nurses.",
        tradeoff="Nurse time instead of a rollback to a worse model.",
        outcome="Misroutes fell from 6% to 0.4% in two days.",
    )
    assert check(strong) == []
    weak = Story(2, "We launched", decision="We launched it.")
    flags = " ".join(check(weak))
    for missing in ["No number", "No first-person decision", "No trade-off", "No outcome"]:
        assert missing in flags
    # A trade-off said in the decision counts, with the trade-off box left empty.
    said_in_decision = Story(
        3,
        "Precision first",
        decision="I chose precision over recall instead of shipping fast.",
        outcome="False alarms fell from 9% to 2%.",
    )
    assert check(said_in_decision) == []


def test_coverage_maps_competencies_and_behavioural_questions():
    story = Story(
        1,
        "t",
        competencies=[Competency.risk_containment, Competency.ownership],
        tags=["speed-vs-safety"],
    )
    found = coverage([story], LIBRARY)
    assert found.competencies["risk_containment"] == [1]
    assert found.competencies["tradeoffs"] == [1]  # its trade-off tag shows one
    assert "collaboration" in found.missing_competencies
    fits = [q for q, ids in found.questions.items() if ids]
    shown = {"risk_containment", "ownership", "tradeoffs"}
    assert fits and all(
        len(shown & {c.value for c in LIBRARY.questions[q].competencies}) >= 2 for q in fits
    )
    assert found.tradeoffs["speed-vs-safety"] == [1]
    assert len(found.unanswerable) == len(found.questions) - len(fits)


def test_a_story_with_a_trade_off_covers_trade_offs_without_the_box_ticked():
    written = Story(1, "Rules first", tradeoff="Recall instead of latency.")
    tagged = Story(2, "Human review", tags=["automation-vs-human-review"])
    neither = Story(3, "Launch", competencies=[Competency.ownership])
    assert written.shown_competencies() == [Competency.tradeoffs]
    assert tagged.shown_competencies() == [Competency.tradeoffs]
    assert neither.shown_competencies() == [Competency.ownership]
    assert coverage([written, tagged], LIBRARY).competencies["tradeoffs"] == [1, 2]
    assert "tradeoffs" in coverage([neither], LIBRARY).missing_competencies
    ticked = Story(4, "t", competencies=[Competency.tradeoffs], tags=["cost-vs-quality"])
    assert ticked.shown_competencies() == [Competency.tradeoffs]  # counted once


def test_the_ab_plan_linter_names_each_missing_element():
    plan = LIBRARY.artifacts["ab-test-plan"]
    assert lint(plan, plan.example) == []
    missing = {f.element for f in lint(plan, "We will test the new ranking model.")}
    for required in [
        "hypothesis",
        "primary-metric",
        "guardrails",
        "sample-size",
        "stopping",
        "rollback",
    ]:
        assert any(required in m for m in missing), required


def test_every_artifact_example_passes_its_own_linter_and_the_template_has_every_heading():
    assert {"launch-postmortem", "concept-explainer", "ab-test-plan"} <= set(LIBRARY.artifacts)
    for artifact in LIBRARY.artifacts.values():
        assert lint(artifact, artifact.example) == [], artifact.id
        template = artifact.template()
        assert all(f"## {e.title}" in template for e in artifact.elements)
        assert lint(artifact, "") and len(lint(artifact, "")) == len(artifact.elements)


def test_the_numbers_field_counts_as_numbers():
    story = Story(
        3,
        "t",
        decision="I chose the smaller model.",
        tradeoff="speed instead of depth",
        outcome="Latency fell.",
        numbers="p95 from 1.8 s to 0.6 s",
    )
    assert check(story) == []


def test_a_section_holding_only_a_placeholder_is_still_missing():
    plan = LIBRARY.artifacts["ab-test-plan"]
    placeholders = ["TBD", "todo", "...", "N/A", "xxx", "???", "fill in later"]
    draft = "\n".join(f"## {e.title}\n{placeholders[i % 7]}\n" for i, e in enumerate(plan.elements))
    assert len(lint(plan, draft)) == len(plan.elements)
    written = draft.replace("TBD", "Priya Shah owns it", 1)
    assert len(lint(plan, written)) == len(plan.elements) - 1


def test_common_ways_of_naming_a_trade_off_are_heard():
    for tradeoff in [
        "accuracy against latency",
        "latency over accuracy",
        "gave four points of accuracy for 900 ms",
        "we accepted a slower launch",
    ]:
        story = Story(3, "t", decision="I chose it.", tradeoff=tradeoff, outcome="It held: 2%.")
        assert not any("trade-off" in f for f in check(story)), tradeoff
    vague = Story(4, "t", decision="I chose it.", tradeoff="It was hard.", outcome="Fine: 2%.")
    assert any("trade-off" in f for f in check(vague))
