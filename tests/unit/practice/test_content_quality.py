"""Each lint check finds the fault it is named after, and stays quiet on sound content."""

from __future__ import annotations

from pathlib import Path

import pytest

from hirebar.content import Library, RedFlag
from hirebar.grading.text import split_sentences
from hirebar.practice.content_quality import (
    copied_text,
    drill_link_problems,
    exemplar_cue_findings,
    lint,
    near_duplicates,
    pitfall_flag_findings,
    repeated_key_points,
)
from samples import QUESTION


@pytest.fixture(scope="module")
def question(library: Library):
    return library.questions[QUESTION]


@pytest.mark.parametrize("semantic", [True, False])
def test_a_reworded_prompt_is_a_near_duplicate(question, library, embedder, semantic):
    twin = question.model_copy(
        update={
            "id": "twin",
            "prompt": question.prompt.replace("overnight", "since yesterday").replace(
                "What", "So what"
            ),
        }
    )
    other = library.questions["ps-meeting-action-items"]
    found = near_duplicates([question, twin, other], embedder if semantic else None)
    assert [f.entry for f in found] == [f"{QUESTION} ~ twin"]


def test_distinct_builtin_prompts_are_not_duplicates(library, embedder):
    sample = list(library.questions.values())[:60]
    assert near_duplicates(sample, embedder) == []


def test_a_key_point_that_restates_another_is_found(question, embedder):
    first = question.rubric.key_points[0]
    copy = first.model_copy(update={"id": "again", "text": first.text.rstrip(".") + " again."})
    rubric = question.rubric.model_copy(update={"key_points": [*question.rubric.key_points, copy]})
    found = repeated_key_points(question.model_copy(update={"rubric": rubric}), embedder)
    assert [f.message.split("'")[1:4:2] for f in found] == [[first.id, "again"]]
    assert repeated_key_points(question, embedder) == []


def test_cues_that_the_exemplar_never_says_are_found(question, embedder):
    point = question.rubric.key_points[0]
    odd = point.model_copy(
        update={"cues": ["quarterly supplier invoices", "warehouse shelving layout"]}
    )
    rubric = question.rubric.model_copy(
        update={"key_points": [odd, *question.rubric.key_points[1:]]}
    )
    found = exemplar_cue_findings(question.model_copy(update={"rubric": rubric}), embedder)
    assert [f.message.split("'")[1] for f in found] == [point.id]


def test_a_red_flag_that_the_exemplar_raises_is_found(question, embedder):
    assert exemplar_cue_findings(question, embedder) == []
    said = max((s.text for s in split_sentences(question.exemplar)), key=len)
    careless = RedFlag(
        id="says-the-outline",
        text="A flag written from the outline.",
        why="Its cue is a sentence of the strong answer.",
        cues=[said],
    )
    rubric = question.rubric.model_copy(
        update={"red_flags": [*question.rubric.red_flags, careless]}
    )
    found = exemplar_cue_findings(question.model_copy(update={"rubric": rubric}), embedder)
    flagged = [f for f in found if f.check == "exemplar-raises-flag"]
    assert [f.message.split("'")[1] for f in flagged] == ["says-the-outline"]
    assert said in flagged[0].message


def test_a_red_flag_that_a_pitfalls_strong_side_raises_is_found(library, embedder):
    """The flag's cue from before the fix: the sentence model read the strong side ("Clicks
    are a diagnostic for me, not the goal; ...") as saying clicks are the only metric."""
    question = library.questions["exe-ranking-ab-guardrails"]
    assert pitfall_flag_findings(question, embedder) == []
    flags = [
        f.model_copy(update={"cues": ["clicks are the only metric we need"]})
        if f.id == "clicks-only"
        else f
        for f in question.rubric.red_flags
    ]
    rubric = question.rubric.model_copy(update={"red_flags": flags})
    found = pitfall_flag_findings(question.model_copy(update={"rubric": rubric}), embedder)
    assert [(f.check, f.message.split("'")[1]) for f in found] == [
        ("pitfall-raises-flag", "clicks-only")
    ]
    assert "pitfall 1" in found[0].message and "Clicks are a diagnostic" in found[0].message


def test_text_copied_from_a_source_is_found_and_original_text_is_not(library, tmp_path: Path):
    source = tmp_path / "article.txt"
    words = library.questions[QUESTION].prompt.split()[:14]
    source.write_text("An article once said: " + " ".join(words) + " and more.")
    found = copied_text(library, [tmp_path])
    assert [f.entry for f in found] == [QUESTION]
    assert "support ticket classifier that routes tickets" in found[0].message
    source.write_text("Nothing in this file appears in the library at all, not one run of words.")
    assert copied_text(library, [tmp_path]) == []


def test_lesson_links_to_missing_drills_are_found(library):
    assert drill_link_problems(library) == []
    lesson = next(iter(library.lessons.values()))
    broken = lesson.model_copy(update={"drills": ["drift", "no-such-drill"]})
    copy = Library(lessons={lesson.id: broken}, incidents=library.incidents, places=library.places)
    (problem,) = drill_link_problems(copy)
    assert (problem.entry, problem.field) == (lesson.id, "drills")
    assert problem.message == "no drill kind or incident, left out: no-such-drill"
    assert (problem.file, problem.line) == library.places["lessons", lesson.id]
    assert [f.check for f in lint(copy, None)] == ["broken-link"]
