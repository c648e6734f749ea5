"""A company's loop profile: the rounds in order and what the company stresses."""

from __future__ import annotations

import math

from pydantic import Field, model_validator

from hirebar.content.question import _SLUG_PATTERN, Strict
from hirebar.content.vocabulary import Competency, RoundKind


def percent(weight: float) -> str:
    """A round's weight as a percentage, with a decimal only where it has one: four rounds
    of 23.75 % beside a 5 % screen read 23.8 %, not 24 %, which would sum past 100."""
    return f"{weight * 100:.1f}".removesuffix(".0") + "%"


class Round(Strict):
    kind: RoundKind
    title: str = Field(min_length=3)
    minutes: int = Field(gt=0, le=480)
    weight: float = Field(ge=0, le=1)
    focus: str = Field(min_length=10, description="What the interviewer listens for.")


class Fact(Strict):
    """Something the company stresses, with the article it comes from."""

    text: str = Field(min_length=10)
    source: str = Field(pattern=r"^[\w.-]+\.txt$", description="Article file in shared/seeds.")


class Company(Strict):
    id: str = Field(pattern=_SLUG_PATTERN)
    name: str
    kind: str = Field(description="big_tech, ai_lab, fintech or startup")
    summary: str = Field(min_length=20)
    rounds: list[Round] = Field(min_length=2)
    stresses: list[Fact] = Field(min_length=2)
    competencies: list[Competency] = Field(
        min_length=1, description="Competencies this loop weighs most, most important first."
    )

    @model_validator(mode="after")
    def _weights_sum_to_one(self) -> Company:
        total = sum(r.weight for r in self.rounds)
        if not math.isclose(total, 1.0, abs_tol=0.011):
            raise ValueError(f"round weights must sum to 1, not {total:.2f}")
        return self
