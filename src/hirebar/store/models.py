"""Tables: attempts and assessments, drafts, the profile, drills, incident runs, loops,
reviews, stories, and answers to questions of the user's own."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


# Attempt modes that answer the question itself; "follow_up" and "loop_follow_up" answer
# a probe and count only towards it.
WHOLE_ANSWER_MODES = frozenset({"practice", "loop"})


class AttemptStatus:
    ungraded = "ungraded"
    graded = "graded"
    failed = "failed"


class AttemptRow(Base):
    """One answer by one person to one question, stored before anything grades it."""

    __tablename__ = "attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[str] = mapped_column(String(200), index=True)
    answer: Mapped[str] = mapped_column(Text)
    seconds: Mapped[int | None] = mapped_column(Integer)
    mode: Mapped[str] = mapped_column(String(40), default="practice")
    # The follow-up prompt this attempt answers, when it answers one.
    probe: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=AttemptStatus.ungraded, index=True)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    assessments: Mapped[list[AssessmentRow]] = relationship(
        back_populates="attempt", order_by="AssessmentRow.id", cascade="all, delete-orphan"
    )

    @property
    def latest(self) -> AssessmentRow | None:
        return self.assessments[-1] if self.assessments else None


class AssessmentRow(Base):
    """A grader's reading of an attempt; the full Assessment is kept as JSON."""

    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(
        ForeignKey("attempts.id", ondelete="CASCADE"), index=True
    )
    verdict: Mapped[str] = mapped_column(String(30))
    score: Mapped[float] = mapped_column(Float)
    grader_version: Mapped[str] = mapped_column(String(20))
    payload: Mapped[dict] = mapped_column(JSON)
    # competency -> 1-4, copied out of the payload so lists and charts stay cheap
    competencies: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    attempt: Mapped[AttemptRow] = relationship(back_populates="assessments")


class OwnAnswerRow(Base):
    """An answer to a question of the user's own, graded against the model answer they gave.

    The question and model answer are kept with it (there is no library entry to point
    to), and the answer is committed before the grader runs, as an attempt is.
    """

    __tablename__ = "own_answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question: Mapped[str] = mapped_column(Text)
    reference: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=AttemptStatus.ungraded)
    error: Mapped[str | None] = mapped_column(Text)
    verdict: Mapped[str | None] = mapped_column(String(30))
    score: Mapped[float | None] = mapped_column(Float)
    # The full ReferenceAssessment: points, quotes, red flags, notes.
    payload: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DraftRow(Base):
    """The answer being typed, saved every few seconds so a crash loses nothing."""

    __tablename__ = "drafts"

    question_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ProfileRow(Base):
    """The candidate's target: one row per setting (company, interview date)."""

    __tablename__ = "profile"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DrillResultRow(Base):
    """One answer to one drill; (kind, seed) rebuilds the exercise, so it is not copied."""

    __tablename__ = "drill_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(60), index=True)
    seed: Mapped[int] = mapped_column(Integer)
    reply: Mapped[str] = mapped_column(Text)
    given: Mapped[float | None] = mapped_column(Float)
    expected: Mapped[float] = mapped_column(Float)
    correct: Mapped[bool] = mapped_column(Boolean)
    seconds: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class IncidentRunRow(Base):
    """A play of an incident: every step and the closing statement kept verbatim."""

    __tablename__ = "incident_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(200), index=True)
    # [{"typed": what the player wrote or chose, "action": the action id or null}]
    steps: Mapped[list] = mapped_column(JSON, default=list)
    statement: Mapped[dict | None] = mapped_column(JSON)
    score: Mapped[int | None] = mapped_column(Integer)
    debrief: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LoopRow(Base):
    """A mock loop: its rounds, the question drawn for each, and the attempts made so far.

    ``plan`` holds one entry per round: kind, title, minutes, weight, question_id, and the
    ids of the answer and follow-up attempts once they exist, so a loop resumes exactly
    where it stopped.
    """

    __tablename__ = "loops"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[str] = mapped_column(String(200), index=True)
    plan: Mapped[list] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ReviewRow(Base):
    """Spaced-review state of one item (a card, a weak question or a story), FSRS-scheduled."""

    __tablename__ = "reviews"

    key: Mapped[str] = mapped_column(String(250), primary_key=True)  # "card:..." etc.
    state: Mapped[dict] = mapped_column(JSON)  # fsrs.Card.to_dict()
    due: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    reps: Mapped[int] = mapped_column(Integer, default=0)
    last_rating: Mapped[int | None] = mapped_column(Integer)


class StoryRow(Base):
    """A story for behavioural rounds, in the parts a committee listens for."""

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    situation: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str] = mapped_column(Text, default="")
    tradeoff: Mapped[str] = mapped_column(Text, default="")
    numbers: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    lesson: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list] = mapped_column(JSON, default=list)
    competencies: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
