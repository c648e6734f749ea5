"""Request parameters every router shares: bounded ids, and the JSON bodies the API takes.

A body names its fields and their types, so a wrong one is refused with a 422 that
gives its path (``["body", "seconds"]``) instead of being stored as text or ignored.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Form, Path
from pydantic import BaseModel, ConfigDict, Field

from hirebar.stored import MAX_STORED_INT

RowId = Annotated[int, Path(ge=0, le=MAX_STORED_INT)]

MAX_ANSWER_CHARS = 200_000
EMPTY_ANSWER = "The answer is empty: write one, then submit."
TOO_LONG = (
    f"The answer is longer than {MAX_ANSWER_CHARS:,} characters: shorten it, then submit. "
    "It is all still in the box."
)
MAX_REPLY_CHARS = 2_000
MAX_CLASS_ANSWERS = 5_000
MAX_STATEMENT_CHARS = 5_000
MAX_DRAFT_CHARS = 50_000
# Time spent on an answer, as the page's timer reports it: up to a day.
MAX_SECONDS = 86_400
FormSeconds = Annotated[int | None, Form(ge=0, le=MAX_SECONDS)]

Seconds = Annotated[int | None, Field(ge=0, le=MAX_SECONDS)]
Answer = Annotated[str, Field(max_length=MAX_ANSWER_CHARS)]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AttemptBody(Body):
    question_id: Annotated[str, Field(min_length=1)]
    answer: Answer = ""
    seconds: Seconds = None


class OwnAnswerBody(Body):
    question: Answer = ""
    reference: Answer = ""
    answer: Answer = ""


class ClassAnswer(Body):
    question: Annotated[str, Field(min_length=1, max_length=MAX_ANSWER_CHARS)]
    reference_answer: Annotated[str, Field(min_length=1, max_length=MAX_ANSWER_CHARS)]
    answer: Answer = ""
    question_id: Annotated[str, Field(max_length=200)] | None = None


class ClassBody(Body):
    """A class's answers, graded together as the web form and ``hirebar grader batch`` do."""

    answers: Annotated[list[ClassAnswer], Field(min_length=1, max_length=MAX_CLASS_ANSWERS)]


class DrillReplyBody(Body):
    reply: Annotated[str, Field(max_length=MAX_REPLY_CHARS)] = ""
    seconds: Seconds = None


class IncidentStepBody(Body):
    typed: Annotated[str, Field(max_length=MAX_REPLY_CHARS)] = ""


class StatementBody(Body):
    cause: Annotated[str, Field(max_length=MAX_STATEMENT_CHARS)] = ""
    containment: Annotated[str, Field(max_length=MAX_STATEMENT_CHARS)] = ""
    comms: Annotated[str, Field(max_length=MAX_STATEMENT_CHARS)] = ""
    rollback: Annotated[str, Field(max_length=MAX_STATEMENT_CHARS)] = ""


class LoopStartBody(Body):
    company: Annotated[str, Field(min_length=1)]


class LoopAnswerBody(Body):
    answer: Answer = ""
    seconds: Seconds = None


class RatingBody(Body):
    key: Annotated[str, Field(min_length=1)]
    rating: Annotated[int, Field(ge=1, le=4)]


class TargetBody(Body):
    company: Annotated[str, Field(min_length=1)]
    interview_date: str = ""  # YYYY-MM-DD, checked like the home form's


class DeleteBody(Body):
    confirm: Literal["DELETE"]


class DraftBody(Body):
    draft: Annotated[str, Field(max_length=MAX_DRAFT_CHARS)] = ""
