"""Whole tables as plain records, for the export a user takes before deleting."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hirebar.store.models import Base
from hirebar.stored import utc_iso


def records(session: Session, model: type[Base]) -> list[dict]:
    """Every row of ``model``'s table, each column by name, times in ISO 8601 UTC."""
    table = model.__table__
    rows = session.scalars(select(model).order_by(*table.primary_key.columns))
    return [
        {column.name: _plain(getattr(row, column.key)) for column in table.columns} for row in rows
    ]


def _plain(value: object) -> object:
    return utc_iso(value) if isinstance(value, datetime) else value
