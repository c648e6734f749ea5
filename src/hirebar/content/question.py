"""A question and its rubric: what a strong answer covers and what sinks one."""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hirebar.content.vocabulary import Competency, Difficulty, RoundKind

Slug = str
_SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"


class Strict(BaseModel):
    """Unknown keys are errors: a misspelt field should not vanish silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class KeyPoint(Strict):
    """One thing a strong answer covers, with the phrasings that show it."""

    id: Slug = Field(pattern=_SLUG_PATTERN)
    text: str = Field(min_length=8, description="What the answer should do, in one line.")
    weight: float = Field(gt=0, le=1)
    competency: Competency
    cues: list[str] = Field(min_length=2, description="Short phrasings a candidate might use.")
    advice: str = Field(min_length=8, description="What to add when this point is missed.")


class RedFlag(Strict):
    """Something that sinks an answer, with the phrasings that reveal it."""

    id: Slug = Field(pattern=_SLUG_PATTERN)
    text: str = Field(min_length=8)
    why: str = Field(min_length=8, description="Why a committee marks the answer down for it.")
    cues: list[str] = Field(min_length=1)


class Rubric(Strict):
    key_points: list[KeyPoint] = Field(min_length=4)
    red_flags: list[RedFlag] = Field(min_length=2)

    @model_validator(mode="after")
    def _weights_and_ids(self) -> Rubric:
        total = sum(k.weight for k in self.key_points)
        if not math.isclose(total, 1.0, abs_tol=0.011):
            raise ValueError(f"key point weights must sum to 1, not {total:.2f}")
        ids = [k.id for k in self.key_points] + [r.id for r in self.red_flags]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"ids repeat within the rubric: {', '.join(dupes)}")
        return self


class Pitfall(Strict):
    """A weak way to answer beside the strong version of the same move."""

    weak: str = Field(min_length=20)
    strong: str = Field(min_length=20)
    why: str = Field(min_length=8)


class FollowUp(Strict):
    """A probe an interviewer asks next, aimed at the key points it tests."""

    prompt: str = Field(min_length=10)
    targets: list[Slug] = Field(min_length=1)


class Question(Strict):
    id: Slug = Field(pattern=_SLUG_PATTERN)
    round: RoundKind
    prompt: str = Field(min_length=20)
    difficulty: Difficulty
    competencies: list[Competency] = Field(min_length=1)
    companies: list[Slug] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    rubric: Rubric
    exemplar: str = Field(min_length=80, description="Outline of a strong answer.")
    pitfalls: list[Pitfall] = Field(min_length=1)
    follow_ups: list[FollowUp] = Field(min_length=2)

    @field_validator("competencies")
    @classmethod
    def _no_repeats(cls, value: list[Competency]) -> list[Competency]:
        if len(set(value)) != len(value):
            raise ValueError("competencies repeat")
        return value

    @model_validator(mode="after")
    def _follow_ups_target_key_points(self) -> Question:
        known = {k.id for k in self.rubric.key_points}
        for probe in self.follow_ups:
            unknown = [t for t in probe.targets if t not in known]
            if unknown:
                raise ValueError(
                    f"follow-up targets unknown key point(s) {', '.join(unknown)}; "
                    f"known: {', '.join(sorted(known))}"
                )
        return self

    def headline(self, limit: int = 120) -> str:
        """The prompt's first sentence, cut at a word with an ellipsis past ``limit``."""
        return cut_at_word(self.prompt.strip().splitlines()[0].split(". ")[0], limit)

    def key_point(self, key_point_id: str) -> KeyPoint:
        return next(k for k in self.rubric.key_points if k.id == key_point_id)

    def follow_up(self, prompt: str | None) -> FollowUp | None:
        """The probe with this prompt, as stored with an attempt that answers it."""
        return next((f for f in self.follow_ups if f.prompt == prompt), None)


def cut_at_word(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit`` characters, else cut at a word and ended with "…"."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
