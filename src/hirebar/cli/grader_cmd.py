"""``hirebar grader ...``: grade against a model answer, grade a class's answers from a
file, and check the grader against your own graded answers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import track

from hirebar.cli import render
from hirebar.cli.common import (
    JsonFlag,
    answer_to_grade,
    console,
    emit_json,
    fail,
    read_text_file,
    service,
)

grader_app = typer.Typer(
    help="Grade against a model answer of your own; check the grader against human grades.",
    no_args_is_help=True,
)


@grader_app.command()
def reference(
    source: Annotated[str, typer.Argument(help="Answer file, or - for standard input.")],
    question: Annotated[str, typer.Option("--question", "-q", help="The question, as text.")],
    model_answer: Annotated[
        str | None, typer.Option("--reference", "-r", help="The model answer, as text.")
    ] = None,
    model_answer_file: Annotated[
        Path | None, typer.Option("--reference-file", help="A file holding the model answer.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Grade an answer to your own question against a model answer (no rubric needed)."""
    if (model_answer is None) == (model_answer_file is None):
        fail("give the model answer with exactly one of --reference or --reference-file")
    if model_answer_file is not None:
        model_answer = read_text_file(str(model_answer_file), "model answer file")
    from hirebar.grading.reference import reference_problem

    problem = reference_problem(model_answer or "")
    if problem:
        fail(problem)
    if not question.strip():
        fail("the question is empty")
    answer = answer_to_grade(source)
    svc = service()
    _, missing = svc.embedder()
    result = svc.grade_against_reference(question, model_answer or "", answer)
    if as_json:
        emit_json(result.model_dump(mode="json"))
        return
    if missing:
        console().print(f"[dim]note: {missing}[/dim]")
    console().print(render.reference_view(result))


@grader_app.command()
def evaluate(
    file: Annotated[Path, typer.Argument(help="CSV: question, reference_answer, answer, score.")],
    lexical: Annotated[bool, typer.Option(help="Ignore the sentence model.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Grade every answer against its reference and report agreement with the scores.

    Each question's answers are graded together as a class; the figures alone are shown too."""
    from hirebar.practice.evaluation import GradedCsvError, evaluate, read_graded_csv

    try:
        rows = read_graded_csv(file)
    except GradedCsvError as exc:
        fail(str(exc))
    embedder = _embedder(lexical, as_json)
    result = evaluate(rows, embedder, _progress(as_json))
    if as_json:
        emit_json(result)
        return
    out, alone = console(), result["alone"]
    out.print(f"n         {result['n']}")
    out.print("          with the class   alone")
    for name in ("pearson", "spearman", "rmse"):
        out.print(f"{name:9s} {result[name]:14.3f}   {alone[name]:5.3f}")
    out.print("[dim]rmse is after a linear fit to your scale.[/dim]")
    out.print(f"[dim]{CLASS_NOTE}[/dim]")


@grader_app.command()
def batch(
    file: Annotated[
        Path, typer.Argument(help="CSV: question, reference_answer, answer (score optional).")
    ],
    output: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the graded CSV here, not to stdout.")
    ] = None,
    lexical: Annotated[bool, typer.Option(help="Ignore the sentence model.")] = False,
) -> None:
    """Grade a class's answers from a CSV and write it back with a grade for each row.

    Each question's answers are graded together, as a class."""
    from hirebar.practice.evaluation import (
        GradedCsvError,
        field_separator,
        grade,
        graded_csv_text,
        read_graded_csv,
    )

    if output is not None and output.resolve() == file.resolve():
        fail(f"{output}: that is the input file; write the grades to a new file")
    try:
        rows = read_graded_csv(file, scored=False)
    except GradedCsvError as exc:
        fail(str(exc))
    embedder = _embedder(lexical, quiet=output is None)
    together = grade(rows, embedder, _progress(quiet=output is None))[1]
    text = graded_csv_text(rows, together, field_separator(file))
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror})")
    console().print(f"{len(rows)} answers graded; written to {output}")
    console().print(f"[dim]{CLASS_NOTE}[/dim]")


CLASS_NOTE = (
    "Each question's answers were graded as a class: an answer is also compared with the "
    "answers that grade best alone (a class needs 4 short answers and the sentence model)."
)


def _embedder(lexical: bool, quiet: bool):  # type: ignore[no-untyped-def]
    embedder, missing = (None, "--lexical given") if lexical else service().embedder()
    if missing and quiet:  # standard output carries the result
        typer.echo(f"note: {missing}; grading on wording alone.", err=True)
    elif missing:
        console().print(f"[dim]note: {missing}; grading on wording alone.[/dim]")
    return embedder


def _progress(quiet: bool):  # type: ignore[no-untyped-def]
    def progress(items):  # type: ignore[no-untyped-def]
        return items if quiet else track(items, description="grading", transient=True)

    return progress
