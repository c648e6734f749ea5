"""Request parameters every router shares, bounded where the database needs it."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

# A row id or a drill seed is stored in a signed 64-bit column: a larger number in a
# URL is refused as bad input instead of overflowing the database driver.
MAX_ROW_ID = 2**63 - 1
RowId = Annotated[int, Path(ge=0, le=MAX_ROW_ID)]
