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


def test_a_story_added_after_a_delete_starts_its_reviews_afresh(service):
    prep = Prep(service)
    story = {"title": "Paused a launch", "decision": "I held the launch for a week."}
    first, _ = prep.add_story(**story)
    prep.rate(f"story:{first}", 3)
    assert f"story:{first}" in service_reviews(service)
    prep.delete_story(first)
    second, _ = prep.add_story(**{**story, "title": "Another story"})
    assert second == first  # SQLite gives the id out again
    assert f"story:{second}" not in service_reviews(service)


def service_reviews(service) -> set[str]:
    from hirebar import store

    with service.session() as session:
        return set(store.review_states(session))
