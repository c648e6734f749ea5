"""The coach reads drill results as evidence: one exercise counts once."""

from __future__ import annotations

from hirebar.drills import generate
from hirebar.practice.coach import Coach
from hirebar.practice.drilling import Drilling


def test_answering_the_same_exercise_again_is_not_new_evidence(service):
    drilling = Drilling(service)
    drill = generate("confusion-metrics", 7)
    drilling.answer("confusion-metrics", 7, "0")  # wrong first
    for _ in range(5):  # then right, with the solution seen
        drilling.answer("confusion-metrics", 7, f"{drill.answer}")
    drilling.answer("confusion-metrics", 8, f"{generate('confusion-metrics', 8).answer}")
    assert Coach(service).drills() == [("confusion-metrics", True), ("confusion-metrics", False)]
    before = Coach(service).readiness("google").overall
    drilling.answer("confusion-metrics", 7, f"{drill.answer}")
    assert Coach(service).readiness("google").overall == before
