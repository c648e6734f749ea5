"""What is wrong with a pack, said so that an author can go straight to the line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PackProblem:
    """One error in one pack file: where it is and what is wrong."""

    file: str
    message: str
    line: int | None = None
    entry: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [where]
        if self.entry:
            parts.append(f"entry '{self.entry}'")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ": ".join(parts) + f": {self.message}"


class PackError(Exception):
    """Raised only where a caller asks for strict loading; the app itself never raises it."""

    def __init__(self, problems: list[PackProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
