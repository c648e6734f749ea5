"""``hirebar content ...``: check packs before anyone practises on them."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from hirebar.cli import render
from hirebar.cli.common import JsonFlag, console, emit_json
from hirebar.content import Library
from hirebar.settings import Settings

content_app = typer.Typer(help="Check and inspect content packs.", no_args_is_help=True)


@content_app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Pack folders; default: the built-in pack and your packs."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Report every problem in the given packs with file, line, entry and field."""
    library = Library.load(paths or Settings().pack_paths())
    packs = [
        {
            "path": str(p.root),
            "id": p.info.id if p.info else None,
            "companies": len(p.companies),
            "questions": len(p.questions),
        }
        for p in library.packs
        if not paths or p.root in paths
    ]
    if as_json:
        emit_json(
            {
                "ok": not library.problems,
                "packs": packs,
                "problems": [asdict(p) for p in library.problems],
            }
        )
    else:
        out = console()
        for pack in packs:
            out.print(
                f"{pack['path']}: {pack['companies']} companies, {pack['questions']} questions"
            )
        render.print_problems(out, library.problems)
        out.print(
            f"{len(library.problems)} problem(s)" if library.problems else "[green]ok[/green]"
        )
    if library.problems:
        raise typer.Exit(1)
