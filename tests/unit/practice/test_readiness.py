"""Readiness per company: the estimate sits inside its interval, which narrows with evidence."""

from __future__ import annotations

from hirebar.content import Library
from hirebar.practice.readiness import readiness

LIBRARY = Library.load([])
GOOGLE = LIBRARY.companies["google"]


def answered(per_round: int, score: float) -> list[tuple[str, str, float]]:
    """``per_round`` answers scoring ``score`` to questions of each of Google's rounds."""
    rows = []
    for round_ in GOOGLE.rounds:
        questions = [q for q in LIBRARY.questions.values() if q.round == round_.kind]
        rows += [(q.id, "practice", score) for q in questions[:per_round]]
    return rows


def test_with_no_evidence_the_estimate_is_0_and_anything_is_possible():
    fresh = readiness(GOOGLE, LIBRARY, [])
    assert (fresh.overall, fresh.low, fresh.high) == (0.0, 0.0, 1.0)


def test_the_estimate_is_inside_its_interval_and_more_evidence_narrows_it():
    kind = GOOGLE.rounds[1].kind
    two = [q.id for q in LIBRARY.questions.values() if q.round == kind][:2]
    one_round = readiness(GOOGLE, LIBRARY, [(q, "practice", 4.0) for q in two])
    assert one_round.low < one_round.overall < one_round.high
    assert one_round.high > 0.9  # rounds not yet seen could still be anywhere
    few, many = (
        readiness(GOOGLE, LIBRARY, answered(1, 4.0)),
        readiness(GOOGLE, LIBRARY, answered(5, 4.0)),
    )
    for state in (few, many):
        assert state.low < state.overall < state.high
        assert abs(state.overall - 0.8) < 1e-9
    assert many.high - many.low < few.high - few.low


def test_drills_alone_lift_a_round_half_way_at_most():
    from hirebar.planning.plan import ROUND_DRILLS

    round_ = next(r for r in GOOGLE.rounds if ROUND_DRILLS.get(r.kind))
    kind = ROUND_DRILLS[round_.kind][0]
    drilled = readiness(GOOGLE, LIBRARY, [], drills=[(kind, True)] * 3)
    (state,) = [r for r in drilled.rounds if r.kind == round_.kind]
    assert state.answered == 0 and state.readiness == 0.5
    assert drilled.low <= drilled.overall <= drilled.high
    question = next(q for q in LIBRARY.questions.values() if q.round == round_.kind)
    both = readiness(GOOGLE, LIBRARY, [(question.id, "practice", 5.0)], drills=[(kind, True)] * 3)
    (state,) = [r for r in both.rounds if r.kind == round_.kind]
    assert state.readiness == 1.0  # once a question of the round is answered, drills count
