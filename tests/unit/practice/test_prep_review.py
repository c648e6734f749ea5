"""Which answered questions come back in spaced review."""

from __future__ import annotations

from hirebar.practice.mock_loop import MockLoops
from hirebar.practice.prep import Prep


def test_weak_answers_in_practice_and_in_a_mock_loop_both_come_back(service):
    service.submit("dbg-overnight-accuracy-drop", "I would retrain the model on fresh data.")
    loops = MockLoops(service)
    loop_id = loops.start("meta")
    question = loops.next_step(loop_id).question
    loops.answer(loop_id, "Not sure, I would ask the team.")
    items = {i.key: i for i in Prep(service).items() if i.kind == "question"}
    assert set(items) == {"question:dbg-overnight-accuracy-drop", f"question:{question.id}"}
    back = items["question:dbg-overnight-accuracy-drop"].back
    assert ".;" not in back and back.startswith("Scopes the drop")


def test_a_strong_answer_does_not_come_back(service):
    question = service.library.questions["dbg-overnight-accuracy-drop"]
    service.submit(question.id, question.exemplar)
    assert not [i for i in Prep(service).items() if i.kind == "question"]
