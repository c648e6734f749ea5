"""``hirebar grader ...``: grade against a model answer, and check the grader against
your own graded answers."""

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
    """Grade every answer against its reference and report agreement with the scores."""
    from hirebar.practice.evaluation import GradedCsvError, evaluate, read_graded_csv

    try:
        rows = read_graded_csv(file)
    except GradedCsvError as exc:
        fail(str(exc))
    embedder, missing = (None, "--lexical given") if lexical else service().embedder()
    if missing and not as_json:
        console().print(f"[dim]note: {missing}; grading on wording alone.[/dim]")

    def progress(items):  # type: ignore[no-untyped-def]
        return track(items, description="grading", transient=True) if not as_json else items

    result = evaluate(rows, embedder, progress)
    if as_json:
        emit_json(result)
        return
    out = console()
    out.print(f"n         {result['n']}")
    out.print(f"pearson   {result['pearson']:.3f}")
    out.print(f"spearman  {result['spearman']:.3f}")
    out.print(f"rmse      {result['rmse']:.3f}  (after a linear fit to your scale)")
