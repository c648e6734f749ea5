"""Grade a class's answers from a CSV file, and check the grader against a coach's own
grades in it.

Columns: ``question``, ``reference_answer``, ``answer``, ``score`` (any numeric scale;
optional when only grading), optionally ``question_id``. The answers to one question
(one ``question_id``, question and model answer) are a class and are graded
together (hirebar.grading.classmates). Every bad row is reported with its line number.
Fields may be separated by commas, semicolons (what a spreadsheet saves where the comma
is the decimal mark, so scores are read as "4,5" there) or tabs; a graded file is
written back the way it came.
"""

from __future__ import annotations

import csv
import io
import math
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hirebar.grading import Embedder
from hirebar.grading.agreement import pearson, rmse_after_linear_fit, spearman
from hirebar.grading.classmates import grade_class
from hirebar.grading.reference import ReferenceAssessment

REQUIRED = ("question", "reference_answer", "answer", "score")
GRADE_COLUMNS = ("grader_score", "grader_verdict", "key_points_covered")
SEPARATORS = (",", ";", "\t")
# A spreadsheet saves semicolons where the comma is the decimal mark: its numbers read "4,5".
DECIMAL_COMMA_SEPARATOR = ";"
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
    score: float | None
    question_id: str | None = None
    # Every column as read, to write back beside the grades.
    fields: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def class_key(self) -> tuple[str, str, str]:
        """Rows that share it are one class; each row keeps its own question and model
        answer even if a question id is reused."""
        return (self.question_id or "", self.question, self.reference_answer)


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


def field_separator(path: Path) -> str:
    """The character that separates the header's column names: the one of a comma,
    semicolon or tab that makes ``answer`` a column (a comma if none does)."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            header = handle.readline()
    except (OSError, UnicodeDecodeError):
        return ","  # the reader reports it, with where
    for separator in SEPARATORS:
        names = next(csv.reader([header], delimiter=separator), [])
        if "answer" in (n.strip() for n in names):
            return separator
    return ","


def read_graded_csv(path: Path, scored: bool = True, name: str | None = None) -> list[GradedAnswer]:
    """The file's rows; ``scored`` when each needs a human score (to check agreement).
    Errors call the file ``name`` if given (an upload's own name, not where it was kept)."""
    if path.is_dir():
        raise GradedCsvError(f"{path} is a folder, not a file")
    if not path.is_file():
        raise GradedCsvError(f"{path}: no such file")
    where = name or str(path)
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD_CHARS))
    try:
        separator = field_separator(path)
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle, delimiter=separator)
            header = reader.fieldnames or []
            missing = [c for c in REQUIRED if c not in header and (scored or c != "score")]
            if missing:
                raise GradedCsvError(
                    f"{where}:1: missing column(s) {', '.join(missing)}; "
                    f"the header has: {', '.join(header) or '(nothing)'}"
                )
            rows, start = [], reader.line_num + 1
            decimal_comma = separator == DECIMAL_COMMA_SEPARATOR
            for raw in reader:  # a quoted answer may span lines: cite the row's first
                rows.append(_row(where, start, raw, len(header), scored, decimal_comma))
                start = reader.line_num + 1
    except UnicodeDecodeError as exc:
        line = _first_undecodable_line(path)
        raise GradedCsvError(
            f"{where}:{line}: not UTF-8 text ({exc.reason}); save the file as UTF-8"
        ) from None
    except csv.Error as exc:
        raise GradedCsvError(f"{where}:{reader.line_num}: not a readable CSV ({exc})") from None
    if not rows:
        raise GradedCsvError(f"{where}: no answers after the header")
    if not scored:
        return rows
    if len(rows) < 3:
        raise GradedCsvError(f"{where}: {len(rows)} graded answer(s); at least 3 are needed")
    if len({r.score for r in rows}) == 1:  # a correlation with a constant is undefined
        raise GradedCsvError(
            f"{where}: every score is {rows[0].score:g}; agreement needs scores that differ"
        )
    return rows


def _row(
    where: str,
    line: int,
    raw: dict[str, str | None],
    width: int,
    scored: bool,
    decimal_comma: bool,
) -> GradedAnswer:
    # DictReader fills a short row's last columns with None and keeps a long row's
    # surplus in a list under the key None.
    surplus = raw.pop(None, None) or []  # type: ignore[call-overload]
    fields = width + len(surplus) - sum(value is None for value in raw.values())
    if fields != width:
        raise GradedCsvError(
            f"{where}:{line}: {fields} field(s) where the header has {width}"
            " (a separator or quote out of place?)"
        )
    text = raw.get("score")
    value = _score(where, line, text, decimal_comma) if scored or (text or "").strip() else None
    for column in ("question", "reference_answer"):
        if not (raw.get(column) or "").strip():
            raise GradedCsvError(f"{where}:{line}: column '{column}' is empty")
    return GradedAnswer(
        line=line,
        question=raw["question"] or "",
        reference_answer=raw["reference_answer"] or "",
        answer=raw.get("answer") or "",
        score=value,
        question_id=raw.get("question_id") or None,
        fields={k: v or "" for k, v in raw.items()},
    )


def _score(where: str, line: int, text: str | None, decimal_comma: bool) -> float:
    written = (text or "").strip()
    if decimal_comma:
        written = written.replace(",", ".")
    try:
        value = float(written)
    except ValueError:
        raise GradedCsvError(f"{where}:{line}: score {text!r} is not a number") from None
    if not math.isfinite(value):
        raise GradedCsvError(f"{where}:{line}: score {text!r} is not a finite number")
    return value


def graded_csv_text(
    rows: Sequence[GradedAnswer], graded: Sequence[ReferenceAssessment], separator: str = ","
) -> str:
    """The rows as read, every column kept, with a grade, verdict and key points covered
    after them. A file graded before gets fresh grades in place of its old ones. A
    semicolon-separated file gets its grades with a decimal comma, as it was saved."""
    columns = [*(c for c in rows[0].fields if c not in GRADE_COLUMNS), *GRADE_COLUMNS]
    lines = io.StringIO()
    writer = csv.DictWriter(lines, fieldnames=columns, delimiter=separator, lineterminator="\n")
    writer.writeheader()
    for row, assessment in zip(rows, graded, strict=True):
        covered = sum(p.covered for p in assessment.key_points)
        score = f"{assessment.score:.2f}"
        writer.writerow(
            {
                **row.fields,
                "grader_score": (
                    score.replace(".", ",") if separator == DECIMAL_COMMA_SEPARATOR else score
                ),
                "grader_verdict": assessment.verdict.value,
                "key_points_covered": f"{covered} of {len(assessment.key_points)}",
            }
        )
    return lines.getvalue()


def grade(
    rows: Sequence[GradedAnswer],
    embedder: Embedder | None,
    progress: Callable[[Iterable[list[int]]], Iterable[list[int]]] = iter,
) -> tuple[list[ReferenceAssessment], list[ReferenceAssessment]]:
    """Each row's assessment alone and with its class, in the rows' order."""
    classes: dict[tuple[str, ...], list[int]] = {}
    for index, row in enumerate(rows):
        classes.setdefault(row.class_key, []).append(index)
    graded: dict[int, tuple[ReferenceAssessment, ReferenceAssessment]] = {}
    for members in progress(list(classes.values())):
        first = rows[members[0]]
        answers = [rows[i].answer for i in members]
        pair = grade_class(first.question, first.reference_answer, answers, embedder)
        graded.update(zip(members, zip(*pair, strict=True), strict=True))
    return [graded[i][0] for i in range(len(rows))], [graded[i][1] for i in range(len(rows))]


def evaluate(
    rows: list[GradedAnswer],
    embedder: Embedder | None,
    progress: Callable[[Iterable[list[int]]], Iterable[list[int]]] = iter,
) -> dict:
    """Pearson, Spearman and RMSE (after a linear fit) of the grader against the scores,
    each class graded together; under ``alone``, the same with each answer graded alone."""
    alone, together = grade(rows, embedder, progress)
    human = [r.score for r in rows]
    return {
        "n": len(rows),
        **_agreement([a.score for a in together], human),
        "alone": _agreement([a.score for a in alone], human),
    }


def _agreement(predicted: list[float], human: list) -> dict[str, float]:
    return {
        "pearson": round(pearson(predicted, human), 4),
        "spearman": round(spearman(predicted, human), 4),
        "rmse": round(rmse_after_linear_fit(predicted, human), 4),
    }


def grade_uploaded_csv(data: bytes, name: str, embedder: Embedder | None) -> str:
    """An uploaded class file graded as ``hirebar grader batch`` grades one on disk; errors
    name the upload as its owner calls it. It is kept only while it is read."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.csv"
        path.write_bytes(data)
        rows = read_graded_csv(path, scored=False, name=name)
        separator = field_separator(path)
    return graded_csv_text(rows, grade(rows, embedder)[1], separator)
