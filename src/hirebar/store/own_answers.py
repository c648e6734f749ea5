"""Answers to questions of the user's own: committed first, the grade written after."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hirebar.grading.reference import ReferenceAssessment
from hirebar.store.models import AttemptStatus, OwnAnswerRow


def add_own_answer(session: Session, question: str, reference: str, answer: str) -> OwnAnswerRow:
    row = OwnAnswerRow(question=question, reference=reference, answer=answer)
    session.add(row)
    session.commit()
    return row


def record_own_grade(session: Session, row: OwnAnswerRow, graded: ReferenceAssessment) -> None:
    row.status, row.error = AttemptStatus.graded, None
    row.verdict, row.score = graded.verdict.value, graded.score
    row.payload = graded.model_dump(mode="json")
    session.commit()


def mark_own_failed(session: Session, row: OwnAnswerRow, error: str) -> None:
    row.status, row.error = AttemptStatus.failed, error
    session.commit()


def get_own_answer(session: Session, answer_id: int) -> OwnAnswerRow | None:
    return session.get(OwnAnswerRow, answer_id)


def list_own_answers(session: Session, limit: int = 50) -> list[OwnAnswerRow]:
    """Newest first."""
    query = select(OwnAnswerRow).order_by(OwnAnswerRow.id.desc()).limit(limit)
    return list(session.scalars(query))
