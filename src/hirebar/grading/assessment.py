"""What the grader made of one answer: the shape every adapter renders."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from hirebar.content import Competency, FollowUp, Verdict

if TYPE_CHECKING:
    from hirebar.grading.text import Sentence


class Evidence(BaseModel):
    """A sentence of the answer, quoted exactly, with where it sits in the answer."""

    quote: str
    start: int
    end: int
    matched_by: str = Field(
        description="'cue' (wording), 'meaning' (embedding) or 'both' (each partly, together)"
    )


class KeyPointResult(BaseModel):
    id: str
    text: str
    weight: float
    competency: Competency
    strength: float = Field(ge=0, le=1, description="How well the best sentence covers it.")
    covered: bool
    thin: bool = Field(
        default=False,
        description="Covered, but only in passing: the best sentence matches it loosely.",
    )
    evidence: Evidence | None = None
    advice: str


class RedFlagHit(BaseModel):
    id: str
    text: str
    why: str
    quote: str
    start: int
    end: int

    @classmethod
    def quoting(cls, flag_id: str, text: str, why: str, sentence: Sentence) -> RedFlagHit:
        """The hit on one sentence of the answer, quoted with where it sits."""
        return cls(
            id=flag_id,
            text=text,
            why=why,
            quote=sentence.text,
            start=sentence.start,
            end=sentence.end,
        )


class Rewrite(BaseModel):
    """One sentence of the answer and a stronger version of it."""

    before: str
    after: str
    why: str


class CompetencyScore(BaseModel):
    competency: Competency
    name: str
    score: int = Field(ge=1, le=4)
    basis: str = Field(description="What the score rests on, in a phrase.")


class Assessment(BaseModel):
    question_id: str
    verdict: Verdict
    score: float = Field(ge=0, le=5, description="0-5, the committee's overall read.")
    coverage: float = Field(ge=0, le=1, description="Weighted share of key points covered.")
    key_points: list[KeyPointResult] = Field(default_factory=list)
    competencies: list[CompetencyScore] = Field(default_factory=list)
    red_flags: list[RedFlagHit] = Field(default_factory=list)
    strengths: list[str] = Field(default_factory=list)
    feedback: list[str] = Field(default_factory=list)
    next_step: str = ""
    rewrite: Rewrite | None = None
    follow_up: FollowUp | None = None
    semantic: bool = Field(description="Whether sentence embeddings were used.")
    notes: list[str] = Field(default_factory=list)
    word_count: int = 0
    grader_version: str

    @property
    def missed(self) -> list[KeyPointResult]:
        return [k for k in self.key_points if not k.covered]
