"""A whole mock loop through the service, graded for real, paused and resumed."""

from __future__ import annotations

import pytest

from hirebar.content import Verdict
from hirebar.grading import assess
from hirebar.practice.errors import UngradedRound
from hirebar.practice.mock_loop import MockLoops
from hirebar.practice.service import PracticeService


def play(loops: MockLoops, loop_id: int, answer_for) -> None:  # type: ignore[no-untyped-def]
    while (step := loops.next_step(loop_id)).kind != "done":
        text = answer_for(step)
        if text is None:
            loops.skip_probe(loop_id)
        else:
            loops.answer(loop_id, text)


def test_strong_answers_pass_the_loop(service: PracticeService):
    loops = MockLoops(service)
    loop_id = loops.start("google", seed=1)
    play(loops, loop_id, lambda step: step.question.exemplar)
    decision = loops.decision(loop_id)
    assert decision.decision.rank >= Verdict.lean_hire.rank
    assert [r.title for r in decision.rounds] == [
        r.title for r in service.library.companies["google"].rounds
    ]
    assert all(r.strongest for r in decision.rounds)


def test_one_disastrous_heavy_round_sinks_the_loop(service: PracticeService):
    loops = MockLoops(service)
    loop_id = loops.start("google", seed=1)
    plan = loops.plan(loop_id)
    heaviest = max(range(len(plan)), key=lambda i: plan[i]["weight"])

    def answer_for(step):  # type: ignore[no-untyped-def]
        if step.round_index == heaviest:
            return "I don't know." if step.kind == "answer" else None
        return step.question.exemplar

    play(loops, loop_id, answer_for)
    decision = loops.decision(loop_id)
    assert decision.rounds[heaviest].verdict == Verdict.strong_no_hire
    assert decision.decision.rank <= Verdict.lean_no_hire.rank
    assert decision.fixes and decision.fixes[0].round_title == plan[heaviest]["title"]


def test_a_failed_screen_asks_every_round_still_and_the_decision_is_strong_no_hire(
    service: PracticeService,
):
    """What the loops page says: the loop goes on for the practice; the committee's screen
    rule sets the decision."""
    loops = MockLoops(service)
    loop_id = loops.start("google", seed=1)
    plan = loops.plan(loop_id)
    screen = next(i for i, r in enumerate(plan) if r["kind"] == "recruiter_screen")

    def answer_for(step):  # type: ignore[no-untyped-def]
        if step.round_index == screen:
            return "I don't know." if step.kind == "answer" else None
        return step.question.exemplar

    play(loops, loop_id, answer_for)
    assert all(entry["attempt_id"] for entry in loops.plan(loop_id))  # every round asked
    decision = loops.decision(loop_id)
    assert decision.decision == Verdict.strong_no_hire
    assert any("did not pass" in line for line in decision.rationale)


def test_a_paused_loop_resumes_at_the_same_step_and_avoids_recent_questions(settings):
    first = MockLoops(PracticeService(settings))
    loop_id = first.start("stripe", seed=2)
    asked = first.next_step(loop_id).question.id
    first.answer(loop_id, "A first answer about our fraud model and its thresholds.")
    step = first.next_step(loop_id)
    assert step.kind == "probe" and step.probe
    again = MockLoops(PracticeService(settings))  # a new process, same database
    resumed = again.next_step(loop_id)
    assert (resumed.kind, resumed.round_index, resumed.probe) == ("probe", 0, step.probe)
    other = again.start("stripe", seed=2)
    assert again.plan(other)[0]["question_id"] != asked


def test_a_loop_whose_answers_cannot_be_graded_waits_for_them(settings):
    """A damaged model fails every grade: the debrief says so instead of crashing, and
    works once grading does, from the answers already stored."""
    broken = True

    def grader(question, answer, embedder, probe=None):  # type: ignore[no-untyped-def]
        if broken:
            raise RuntimeError("the model file cannot be read")
        return assess(question, answer, embedder, probe=probe)

    loops = MockLoops(PracticeService(settings, grader=grader))
    loop_id = loops.start("google", seed=1)
    play(loops, loop_id, lambda step: step.question.exemplar if step.kind == "answer" else None)
    with pytest.raises(UngradedRound, match="the model file cannot be read"):
        loops.decision(loop_id)
    broken = False
    assert loops.decision(loop_id).decision.rank >= Verdict.lean_hire.rank


def test_a_fix_links_the_lesson_that_teaches_its_question_and_no_stray_incident():
    from hirebar.content import Competency, Library
    from hirebar.grading.committee import Fix
    from hirebar.practice.loop_report import links_for

    library = Library.load([])
    lessons = [x for _, group in library.course for x in group]

    def fix(question_id: str, competency: Competency) -> Fix:
        question = library.questions[question_id]
        return Fix("Add it.", "Missed.", competency, question.round, "Round", 1.0, question_id)

    taught = next(q for q in library.questions if any(q in x.practice for x in lessons))
    teacher = next(x for x in lessons if taught in x.practice)
    links = links_for(fix(taught, Competency.ownership), library, {taught})
    assert links[0] == {"kind": "lesson", "id": teacher.id, "title": teacher.title}
    if teacher.drills:
        assert links[1]["id"] == teacher.drills[0]
    assert links[-1]["kind"] == "question" and links[-1]["id"] != taught
    # A point no lesson teaches the question of: the competency's lesson, and for owning a
    # story no incident about something else.
    alone = next(q for q in library.questions if not any(q in x.practice for x in lessons))
    kinds = [link["kind"] for link in links_for(fix(alone, Competency.ownership), library, set())]
    assert kinds == ["lesson", "question"]
