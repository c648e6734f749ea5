"""Drafts and the candidate's profile: small state the web app keeps between visits."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from hirebar.store.models import AssessmentRow, AttemptRow, DraftRow, ProfileRow, utcnow


def save_draft(session: Session, question_id: str, text: str) -> DraftRow:
    draft = session.get(DraftRow, question_id)
    if draft is None:
        draft = DraftRow(question_id=question_id, text=text)
        session.add(draft)
    draft.text = text
    draft.updated_at = utcnow()
    session.commit()
    return draft


def get_draft(session: Session, question_id: str) -> DraftRow | None:
    return session.get(DraftRow, question_id)


def discard_draft(session: Session, question_id: str) -> None:
    session.execute(delete(DraftRow).where(DraftRow.question_id == question_id))
    session.commit()


def get_profile(session: Session) -> dict[str, str]:
    return {row.key: row.value for row in session.scalars(select(ProfileRow))}


def set_profile(session: Session, values: dict[str, str]) -> None:
    for key, value in values.items():
        row = session.get(ProfileRow, key)
        if row is None:
            session.add(ProfileRow(key=key, value=value))
        else:
            row.value = value
    session.commit()


def delete_everything(session: Session) -> None:
    """Every attempt, assessment, draft and profile value: the user asked for it."""
    for table in (AssessmentRow, AttemptRow, DraftRow, ProfileRow):
        session.execute(delete(table))
    session.commit()
