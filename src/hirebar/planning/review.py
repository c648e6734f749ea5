"""One spaced-review queue for concept cards, weak answers and stories, scheduled by FSRS.

An item is reviewed when due; new items join a few a day. A question answered below
lean hire becomes an item ("answer it again"), and so does every story in the bank
("tell it again"), so rehearsal and recall share one daily habit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fsrs import Card, Rating, Scheduler

NEW_PER_DAY = 20
RATINGS = {1: Rating.Again, 2: Rating.Hard, 3: Rating.Good, 4: Rating.Easy}
_SCHEDULER = Scheduler(enable_fuzzing=False)


@dataclass(frozen=True)
class Item:
    key: str  # "card:<id>", "question:<id>", "story:<id>"
    kind: str
    front: str
    back: str


@dataclass(frozen=True)
class Reviewed:
    key: str
    state: dict
    due: datetime


def queue(
    items: list[Item],
    states: dict[str, tuple[dict, datetime]],
    now: datetime,
    new_today: int = 0,
) -> list[Item]:
    """Due items first (most overdue first), then new ones up to today's allowance."""
    due = sorted(
        (i for i in items if i.key in states and states[i.key][1] <= now),
        key=lambda i: states[i.key][1],
    )
    fresh = [i for i in items if i.key not in states]
    # Weak answers and stories come before new cards: they are the candidate's own gaps.
    fresh.sort(key=lambda i: {"question": 0, "story": 1}.get(i.kind, 2))
    return due + fresh[: max(0, NEW_PER_DAY - new_today)]


def rate(key: str, state: dict | None, rating: int, now: datetime) -> Reviewed:
    """The item's next state and due time after a 1-4 rating (Again, Hard, Good, Easy)."""
    if rating not in RATINGS:
        raise ValueError(f"rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy), not {rating}")
    card = Card.from_dict(state) if state else Card()
    card, _ = _SCHEDULER.review_card(card, RATINGS[rating], review_datetime=now)
    return Reviewed(key, card.to_dict(), card.due)
