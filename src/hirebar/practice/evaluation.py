"""Check the reference-answer grader against a coach's own graded answers (a CSV file).

Columns: ``question``, ``reference_answer``, ``answer``, ``score`` (any numeric scale),
optionally ``question_id``. Every bad row is reported with its line number.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from hirebar.grading import Embedder
from hirebar.grading.agreement import pearson, rmse_after_linear_fit, spearman
from hirebar.grading.reference import assess_with_reference

REQUIRED = ("question", "reference_answer", "answer", "score")
# Python's csv module refuses a field over 131,072 characters; an answer may be longer
# (the grader reads a huge one in part), so a file of them is read whole.
MAX_FIELD_CHARS = 16 * 1024 * 1024


class GradedCsvError(ValueError):
    """The CSV cannot be used; the message says what and where."""


@dataclass(frozen=True)
class GradedAnswer:
    line: int
    question: str
    reference_answer: str
    answer: str
    score: float
    question_id: str | None = None


def _first_undecodable_line(path: Path) -> int:
    """The number of the first line that is not UTF-8: the text reader decodes in chunks,
    so its error cannot say where."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return 1


def read_graded_csv(path: Path) -> list[GradedAnswer]:
    if path.is_dir():
        raise GradedCsvError(f"{path} is a folder, not a file")
    if not path.is_file():
        raise GradedCsvError(f"{path}: no such file")
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD_CHARS))
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                raise GradedCsvError(
                    f"{path}:1: missing column(s) {', '.join(missing)}; "
                    f"the header has: {', '.join(header) or '(nothing)'}"
                )
            rows, start = [], reader.line_num + 1
            for raw in reader:  # a quoted answer may span lines: cite the row's first
                rows.append(_row(path, start, raw, len(header)))
                start = reader.line_num + 1
    except UnicodeDecodeError as exc:
        line = _first_undecodable_line(path)
        raise GradedCsvError(
            f"{path}:{line}: not UTF-8 text ({exc.reason}); save the file as UTF-8"
        ) from None
    except csv.Error as exc:
        raise GradedCsvError(f"{path}:{reader.line_num}: not a readable CSV ({exc})") from None
    if len(rows) < 3:
        raise GradedCsvError(f"{path}: {len(rows)} graded answer(s); at least 3 are needed")
    if len({r.score for r in rows}) == 1:  # a correlation with a constant is undefined
        raise GradedCsvError(
            f"{path}: every score is {rows[0].score:g}; agreement needs scores that differ"
        )
    return rows


def _row(path: Path, line: int, raw: dict[str, str | None], width: int) -> GradedAnswer:
    # DictReader fills a short row's last columns with None and keeps a long row's
    # surplus in a list under the key None.
    surplus = raw.pop(None, None) or []  # type: ignore[call-overload]
    fields = width + len(surplus) - sum(value is None for value in raw.values())
    if fields != width:
        raise GradedCsvError(
            f"{path}:{line}: {fields} field(s) where the header has {width}"
            " (a comma or quote out of place?)"
        )
    text = raw.get("score")
    try:
        value = float(text or "")
    except ValueError:
        raise GradedCsvError(f"{path}:{line}: score {text!r} is not a number") from None
    if not math.isfinite(value):
        raise GradedCsvError(f"{path}:{line}: score {text!r} is not a finite number")
    for column in ("question", "reference_answer"):
        if not (raw.get(column) or "").strip():
            raise GradedCsvError(f"{path}:{line}: column '{column}' is empty")
    return GradedAnswer(
        line=line,
        question=raw["question"] or "",
        reference_answer=raw["reference_answer"] or "",
        answer=raw.get("answer") or "",
        score=value,
        question_id=raw.get("question_id") or None,
    )


def evaluate(
    rows: list[GradedAnswer],
    embedder: Embedder | None,
    progress: Callable[[Iterable[GradedAnswer]], Iterable[GradedAnswer]] = iter,
) -> dict[str, float | int]:
    """Pearson, Spearman and RMSE (after a linear fit) of the grader against the scores."""
    predicted = [
        assess_with_reference(r.question, r.reference_answer, r.answer, embedder).score
        for r in progress(rows)
    ]
    human = [r.score for r in rows]
    return {
        "n": len(rows),
        "pearson": round(pearson(predicted, human), 4),
        "spearman": round(spearman(predicted, human), 4),
        "rmse": round(rmse_after_linear_fit(predicted, human), 4),
    }
