"""Mock loops: created with their plan, updated after every answer."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from hirebar.store.models import AttemptRow, LoopRow


def create_loop(session: Session, company_id: str, plan: list[dict]) -> LoopRow:
    loop = LoopRow(company_id=company_id, plan=plan)
    session.add(loop)
    session.commit()
    return loop


def get_loop(session: Session, loop_id: int) -> LoopRow | None:
    return session.get(LoopRow, loop_id)


def save_plan(session: Session, loop: LoopRow, plan: list[dict], finished: bool = False) -> None:
    loop.plan = plan
    flag_modified(loop, "plan")
    if finished and loop.finished_at is None:
        loop.finished_at = datetime.now(UTC)
    session.commit()


def list_loops(session: Session, limit: int = 50) -> list[LoopRow]:
    return list(session.scalars(select(LoopRow).order_by(LoopRow.id.desc()).limit(limit)))


def recent_question_ids(session: Session, limit: int = 200) -> set[str]:
    """Questions the candidate answered most recently, to keep a mock loop fresh."""
    query = select(AttemptRow.question_id).order_by(AttemptRow.id.desc()).limit(limit)
    return set(session.scalars(query))
