"""Drill answers and incident runs: stored as given, each step committed as it happens."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from hirebar.store.models import DrillResultRow, IncidentRunRow


def add_drill_result(session: Session, **values) -> DrillResultRow:  # type: ignore[no-untyped-def]
    row = DrillResultRow(**values)
    session.add(row)
    session.commit()
    return row


def list_drill_results(session: Session, limit: int = 100) -> list[DrillResultRow]:
    query = select(DrillResultRow).order_by(DrillResultRow.id.desc()).limit(limit)
    return list(session.scalars(query))


def first_drill_result(session: Session, kind: str, seed: int) -> DrillResultRow | None:
    """The answer already given to exercise (kind, seed), if any."""
    query = select(DrillResultRow).where(DrillResultRow.kind == kind, DrillResultRow.seed == seed)
    return session.scalars(query.order_by(DrillResultRow.id).limit(1)).first()


def _first_answers() -> Select:
    """The id of each exercise's first answer: answering an exercise again, its solution
    seen, is no evidence, so only the first counts."""
    return select(func.min(DrillResultRow.id)).group_by(DrillResultRow.kind, DrillResultRow.seed)


def list_first_drill_results(session: Session, limit: int = 100) -> list[DrillResultRow]:
    """The first answer to each exercise, newest first."""
    query = (
        select(DrillResultRow)
        .where(DrillResultRow.id.in_(_first_answers()))
        .order_by(DrillResultRow.id.desc())
        .limit(limit)
    )
    return list(session.scalars(query))


def drill_accuracy(session: Session) -> dict[str, tuple[int, int]]:
    """kind -> (correct, attempted) over first answers, for the planner and history page."""
    query = (
        select(
            DrillResultRow.kind,
            func.count(),
            func.sum(case((DrillResultRow.correct, 1), else_=0)),
        )
        .where(DrillResultRow.id.in_(_first_answers()))
        .group_by(DrillResultRow.kind)
    )
    return {kind: (int(right or 0), int(total)) for kind, total, right in session.execute(query)}


def start_incident(session: Session, incident_id: str) -> IncidentRunRow:
    run = IncidentRunRow(incident_id=incident_id, steps=[])
    session.add(run)
    session.commit()
    return run


def get_incident_run(session: Session, run_id: int) -> IncidentRunRow | None:
    return session.get(IncidentRunRow, run_id)


def add_incident_step(session: Session, run: IncidentRunRow, typed: str, action: str | None):  # type: ignore[no-untyped-def]
    run.steps = [*run.steps, {"typed": typed, "action": action}]
    session.commit()


def save_statement(session: Session, run: IncidentRunRow, statement: dict) -> None:
    """The closing statement, committed before anything scores it."""
    run.statement = statement
    session.commit()


def finish_incident(session: Session, run: IncidentRunRow, score: int, debrief: dict) -> None:
    run.score, run.debrief = score, debrief
    run.finished_at = datetime.now(UTC)
    session.commit()


def list_incident_runs(session: Session, limit: int = 100) -> list[IncidentRunRow]:
    query = select(IncidentRunRow).order_by(IncidentRunRow.id.desc()).limit(limit)
    return list(session.scalars(query))
