"""The course: modules of lessons, and the review cards each lesson brings.

A lesson is a Markdown file: YAML front matter (its place in the course, objectives,
takeaways, links to practice questions, drills and incidents, review cards) and a body that
teaches. Links are ids, checked against the library, so a renamed question shows up
as a broken link instead of a dead end for the reader.
"""

from __future__ import annotations

from pydantic import Field

from hirebar.content.question import _SLUG_PATTERN, Slug, Strict


class Module(Strict):
    """A group of lessons read in order, e.g. "AI fluency for PMs"."""

    id: Slug = Field(pattern=_SLUG_PATTERN)
    title: str = Field(min_length=3)
    order: int = Field(ge=1)
    summary: str = Field(min_length=20, description="What the module is for, in a sentence.")


class Card(Strict):
    """A question-and-answer card for spaced review: one fact or idea per card."""

    id: Slug = Field(pattern=_SLUG_PATTERN)
    front: str = Field(min_length=8)
    back: str = Field(min_length=2)


class Lesson(Strict):
    id: Slug = Field(pattern=_SLUG_PATTERN)
    module: Slug = Field(pattern=_SLUG_PATTERN)
    order: int = Field(ge=1, description="Position within the module.")
    title: str = Field(min_length=3)
    minutes: int = Field(ge=2, le=90, description="Reading time.")
    objectives: list[str] = Field(min_length=2)
    takeaways: list[str] = Field(min_length=2)
    practice: list[Slug] = Field(min_length=1, description="Question ids to practise next.")
    drills: list[Slug] = Field(
        default_factory=list, description="Drill kinds and incident ids to try next."
    )
    cards: list[Card] = Field(default_factory=list)
    body: str = Field(min_length=200, description="The lesson itself, in Markdown.")
