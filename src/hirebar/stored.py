"""What the adapters need to know of stored values without loading the database layer.

The CLI checks ids and seeds where they are typed and prints stored times; importing
``hirebar.store`` for that would load SQLAlchemy (about a second) into every command,
``--help`` included.
"""

from __future__ import annotations

from datetime import UTC, datetime

# Ids and drill seeds live in signed 64-bit columns: a larger number is refused where it
# is typed (CLI option, URL) instead of overflowing the database driver.
MAX_STORED_INT = 2**63 - 1


def as_utc(moment: datetime) -> datetime:
    """SQLite hands datetimes back without a zone; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def utc_iso(moment: datetime) -> str:
    """A stored time as ISO text that says its zone ("2026-12-06T22:15:00+00:00")."""
    return as_utc(moment).isoformat()
