"""Drafts and the candidate's profile: small state the web app keeps between visits."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from hirebar.store.models import (
    AssessmentRow,
    AttemptRow,
    DraftRow,
    DrillResultRow,
    IncidentRunRow,
    LoopRow,
    OwnAnswerRow,
    ProfileRow,
    ReviewRow,
    StoryRow,
    utcnow,
)


def save_draft(session: Session, question_id: str, text: str) -> None:
    """Insert or replace in one statement, so two tabs saving at once cannot collide."""
    _upsert(session, DraftRow, {"question_id": question_id, "text": text, "updated_at": utcnow()})
    session.commit()


def _upsert(session: Session, model: type, values: dict) -> None:
    dialect = session.get_bind().dialect.name
    insert = {"sqlite": sqlite_insert, "postgresql": postgresql_insert}[dialect]
    key = [c.name for c in model.__table__.primary_key.columns]
    statement = insert(model).values(**values)
    changes = {k: v for k, v in values.items() if k not in key}
    session.execute(statement.on_conflict_do_update(index_elements=key, set_=changes))


def get_draft(session: Session, question_id: str) -> DraftRow | None:
    return session.get(DraftRow, question_id)


def drafts_under(session: Session, prefix: str) -> list[DraftRow]:
    query = select(DraftRow).where(DraftRow.question_id.startswith(prefix, autoescape=True))
    return list(session.scalars(query))


def discard_drafts_under(session: Session, prefix: str) -> None:
    session.execute(
        delete(DraftRow).where(DraftRow.question_id.startswith(prefix, autoescape=True))
    )
    session.commit()


def discard_draft(session: Session, question_id: str) -> None:
    session.execute(delete(DraftRow).where(DraftRow.question_id == question_id))
    session.commit()


def get_profile(session: Session) -> dict[str, str]:
    return {row.key: row.value for row in session.scalars(select(ProfileRow))}


def set_profile(session: Session, values: dict[str, str]) -> None:
    for key, value in values.items():
        _upsert(session, ProfileRow, {"key": key, "value": value})
    session.commit()


def delete_everything(session: Session) -> None:
    """Everything the person wrote or did: the user asked for it."""
    for table in (
        AssessmentRow,
        AttemptRow,
        DraftRow,
        ProfileRow,
        DrillResultRow,
        IncidentRunRow,
        LoopRow,
        ReviewRow,
        StoryRow,
        OwnAnswerRow,
    ):
        session.execute(delete(table))
    session.commit()
