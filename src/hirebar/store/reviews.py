"""Review state and stories: small tables, committed on every change."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hirebar.store.models import ReviewRow, StoryRow, utcnow


def review_states(session: Session) -> dict[str, ReviewRow]:
    return {row.key: row for row in session.scalars(select(ReviewRow))}


def save_review(session: Session, key: str, state: dict, due: datetime, rating: int) -> ReviewRow:
    row = session.get(ReviewRow, key)
    if row is None:
        row = ReviewRow(key=key, state=state, due=due, reps=0)
        session.add(row)
    row.state, row.due, row.last_rating = state, due, rating
    row.reps = (row.reps or 0) + 1
    session.commit()
    return row


def add_story(session: Session, **fields) -> StoryRow:  # type: ignore[no-untyped-def]
    row = StoryRow(**fields)
    session.add(row)
    session.commit()
    return row


def update_story(session: Session, story_id: int, **fields) -> StoryRow | None:  # type: ignore[no-untyped-def]
    row = session.get(StoryRow, story_id)
    if row is None:
        return None
    for name, value in fields.items():
        setattr(row, name, value)
    row.updated_at = utcnow()
    session.commit()
    return row


def delete_story(session: Session, story_id: int) -> bool:
    """Delete the story and its review schedule: SQLite may give its id to the next story
    added, which must start as new, not inherit this one's reviews."""
    row = session.get(StoryRow, story_id)
    if row is None:
        return False
    session.delete(row)
    review = session.get(ReviewRow, f"story:{story_id}")
    if review is not None:
        session.delete(review)
    session.commit()
    return True


def list_stories(session: Session) -> list[StoryRow]:
    return list(session.scalars(select(StoryRow).order_by(StoryRow.id)))
