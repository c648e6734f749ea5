"""Saving and reading attempts: the answer is committed before any grading starts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from hirebar.grading import Assessment
from hirebar.store.models import AssessmentRow, AttemptRow, AttemptStatus


def add_attempt(
    session: Session,
    question_id: str,
    answer: str,
    seconds: int | None,
    mode: str,
    probe: str | None = None,
) -> AttemptRow:
    attempt = AttemptRow(
        question_id=question_id, answer=answer, seconds=seconds, mode=mode, probe=probe
    )
    session.add(attempt)
    session.commit()
    return attempt


def add_assessment(session: Session, attempt: AttemptRow, assessment: Assessment) -> AssessmentRow:
    row = AssessmentRow(
        attempt_id=attempt.id,
        verdict=assessment.verdict.value,
        score=assessment.score,
        grader_version=assessment.grader_version,
        payload=assessment.model_dump(mode="json"),
        competencies={c.competency.value: c.score for c in assessment.competencies},
    )
    attempt.status = AttemptStatus.graded
    attempt.error = None
    session.add(row)
    session.commit()
    return row


def mark_failed(session: Session, attempt: AttemptRow, error: str) -> None:
    attempt.status = AttemptStatus.failed
    attempt.error = error
    session.commit()


def get_attempt(session: Session, attempt_id: int) -> AttemptRow | None:
    query = (
        select(AttemptRow)
        .where(AttemptRow.id == attempt_id)
        .options(selectinload(AttemptRow.assessments))
    )
    return session.scalars(query).first()


def list_attempts(
    session: Session,
    *,
    question_id: str | None = None,
    status: str | None = None,
    limit: int = 50,
) -> list[AttemptRow]:
    """Newest first."""
    query = select(AttemptRow).options(selectinload(AttemptRow.assessments))
    if question_id:
        query = query.where(AttemptRow.question_id == question_id)
    if status:
        query = query.where(AttemptRow.status == status)
    query = query.order_by(AttemptRow.created_at.desc(), AttemptRow.id.desc()).limit(limit)
    return list(session.scalars(query))


def latest_scores(session: Session, limit: int = 2000) -> list[tuple[str, str, float | None]]:
    """(question id, mode, score of its latest assessment), newest attempt first.

    Reads three columns instead of whole assessments: readiness needs only the score.
    """
    latest = (
        select(AssessmentRow.attempt_id, func.max(AssessmentRow.id).label("assessment_id"))
        .group_by(AssessmentRow.attempt_id)
        .subquery()
    )
    query = (
        select(AttemptRow.question_id, AttemptRow.mode, AssessmentRow.score)
        .outerjoin(latest, latest.c.attempt_id == AttemptRow.id)
        .outerjoin(AssessmentRow, AssessmentRow.id == latest.c.assessment_id)
        .order_by(AttemptRow.created_at.desc(), AttemptRow.id.desc())
        .limit(limit)
    )
    return [(q, mode, score) for q, mode, score in session.execute(query)]


def count_attempts(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AttemptRow)) or 0


@dataclass(frozen=True)
class AttemptSummary:
    """What a history list shows of an attempt, without its answer or full assessment."""

    id: int
    question_id: str
    created_at: datetime
    mode: str
    status: str
    verdict: str | None
    score: float | None
    competencies: dict[str, int] | None


def attempt_summaries(session: Session, limit: int = 100) -> list[AttemptSummary]:
    """Newest first; reads a few columns of the latest assessment of each attempt."""
    latest = (
        select(AssessmentRow.attempt_id, func.max(AssessmentRow.id).label("assessment_id"))
        .group_by(AssessmentRow.attempt_id)
        .subquery()
    )
    query = (
        select(
            AttemptRow.id,
            AttemptRow.question_id,
            AttemptRow.created_at,
            AttemptRow.mode,
            AttemptRow.status,
            AssessmentRow.verdict,
            AssessmentRow.score,
            AssessmentRow.competencies,
        )
        .outerjoin(latest, latest.c.attempt_id == AttemptRow.id)
        .outerjoin(AssessmentRow, AssessmentRow.id == latest.c.assessment_id)
        .order_by(AttemptRow.created_at.desc(), AttemptRow.id.desc())
        .limit(limit)
    )
    return [AttemptSummary(*row) for row in session.execute(query)]
