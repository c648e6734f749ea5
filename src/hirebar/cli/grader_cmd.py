"""``hirebar grader ...``: check the grader against your own graded answers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import track

from hirebar.cli.common import JsonFlag, console, emit_json, fail, service

grader_app = typer.Typer(help="Check the grader against human grades.", no_args_is_help=True)


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
