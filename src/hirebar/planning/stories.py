"""The story bank: checks a committee would make of a story, and what the bank covers.

A behavioural answer is only as good as the story behind it: a decision the
candidate made, a trade-off with its cost, numbers, and an outcome. The checks name
what a story lacks; the coverage map shows which competencies and behavioural
questions the bank can answer, and where it has nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from hirebar.content import Competency, Library, RoundKind

TRADEOFF_TAGS = (
    "accuracy-vs-latency",
    "coverage-vs-confidence",
    "automation-vs-human-review",
    "speed-vs-safety",
    "precision-vs-recall",
    "cost-vs-quality",
    "build-vs-buy",
    "short-term-vs-long-term",
    "personalisation-vs-privacy",
    "growth-vs-trust",
)
MAX_PART_CHARS = 50_000
_FIRST_PERSON = re.compile(r"\b(I|I'd|I've|I'm|my|me)\b")
_TRADEOFF = re.compile(
    r"\b(vs\.?|versus|instead of|rather than|at the cost of|traded|trade-off|tradeoff|"
    r"gave up|in exchange|but|against|over|for|sacrific\w*|accept\w*|lost|cost)\b",
    re.IGNORECASE,
)
# A trade-off said in the decision itself: "I chose precision instead of shipping fast".
_TRADEOFF_IN_DECISION = re.compile(
    r"\b(?:instead of|rather than|at the cost of|traded|trade-off|tradeoff|gave up|"
    r"in exchange for|sacrific\w*|vs\.?|versus)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d")
# A story fits a behavioural question when they share this many competencies.
FIT = 2


# A story's text fields, in the order a form shows them.
TEXT_PARTS = ("title", "situation", "decision", "tradeoff", "numbers", "outcome", "lesson")


class StoryInput(BaseModel):
    """A story as a person submits it (a YAML file, the JSON API): text parts, known tags
    and competencies, and nothing else, so a typo in a field name is an error."""

    model_config = ConfigDict(extra="forbid")

    title: Annotated[str, Field(max_length=300)]
    situation: Annotated[str, Field(max_length=MAX_PART_CHARS)] = ""
    decision: Annotated[str, Field(max_length=MAX_PART_CHARS)] = ""
    tradeoff: Annotated[str, Field(max_length=MAX_PART_CHARS)] = ""
    numbers: Annotated[str, Field(max_length=MAX_PART_CHARS)] = ""
    outcome: Annotated[str, Field(max_length=MAX_PART_CHARS)] = ""
    lesson: Annotated[str, Field(max_length=MAX_PART_CHARS)] = ""
    tags: list[Literal[TRADEOFF_TAGS]] = []  # type: ignore[valid-type]
    competencies: list[Competency] = []

    @field_validator(*TEXT_PARTS, mode="before")
    @classmethod
    def _written(cls, value: object) -> object:
        """A part YAML reads as a number ("numbers: 45") is text as written."""
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("title")
    @classmethod
    def _named(cls, title: str) -> str:
        if not title.strip():
            raise ValueError("a story needs a title")
        return title


@dataclass
class Story:
    id: int
    title: str
    situation: str = ""
    decision: str = ""
    tradeoff: str = ""
    numbers: str = ""  # the figures to remember: baseline, change, scale, cost
    outcome: str = ""
    lesson: str = ""
    tags: list[str] = field(default_factory=list)
    competencies: list[Competency] = field(default_factory=list)

    def text(self) -> str:
        parts = [self.situation, self.decision, self.tradeoff, self.numbers, self.outcome]
        return " ".join([*parts, self.lesson])

    def states_tradeoff(self) -> bool:
        """Whether the trade-off part says what was given up for what, or the decision does
        in so many words ("... instead of shipping fast")."""
        in_its_part = bool(self.tradeoff.strip() and _TRADEOFF.search(self.tradeoff))
        return in_its_part or bool(_TRADEOFF_IN_DECISION.search(self.decision))

    def shown_competencies(self) -> list[Competency]:
        """The competencies ticked, and trade-offs when the story has one, ticked or not: the
        form asks for a trade-off in a field and tags of its own, and a person who filled
        them in has told the bank the story shows one."""
        shown = list(self.competencies)
        if (self.tags or self.states_tradeoff()) and Competency.tradeoffs not in shown:
            shown.append(Competency.tradeoffs)
        return shown


def check(story: Story) -> list[str]:
    """What a committee would find missing, in its words; empty when the story holds."""
    flags = []
    if not _NUMBER.search(story.text()):
        flags.append("No number: add the metric that moved, from what to what, or the scale.")
    if not _FIRST_PERSON.search(story.decision):
        flags.append("No first-person decision: say what you decided ('I chose ...').")
    if not story.states_tradeoff():
        flags.append("No trade-off: say what you gave up for what ('X instead of Y').")
    if not story.outcome.strip():
        flags.append("No outcome: say what happened, with a number if you have one.")
    return flags


@dataclass
class Coverage:
    competencies: dict[str, list[int]]  # competency -> story ids
    questions: dict[str, list[int]]  # behavioural question id -> stories that fit
    missing_competencies: list[str]
    unanswerable: list[str]
    tradeoffs: dict[str, list[int]]


def coverage(stories: list[Story], library: Library) -> Coverage:
    """Which competencies and behavioural questions the bank can answer, by what each story
    shows (``Story.shown_competencies``)."""
    shown = {s.id: set(s.shown_competencies()) for s in stories}
    by_competency = {c.value: [s.id for s in stories if c in shown[s.id]] for c in Competency}
    behavioural = [
        q
        for q in library.questions.values()
        if q.round in {RoundKind.behavioral, RoundKind.hiring_manager}
    ]
    fits = {
        q.id: [s.id for s in stories if len(shown[s.id] & set(q.competencies)) >= FIT]
        for q in behavioural
    }
    return Coverage(
        competencies=by_competency,
        questions=fits,
        missing_competencies=[c for c, ids in by_competency.items() if not ids],
        unanswerable=[q for q, ids in fits.items() if not ids],
        tradeoffs={t: [s.id for s in stories if t in s.tags] for t in TRADEOFF_TAGS},
    )
