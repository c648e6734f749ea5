"""``hirebar content ...``: check packs before anyone practises on them."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from hirebar.cli import render
from hirebar.cli.common import JsonFlag, console, emit_json, fail
from hirebar.content import Library
from hirebar.content.coverage import coverage
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
    from hirebar.practice.content_quality import drill_link_problems

    library = Library.load(paths or Settings().pack_paths())
    problems = [*library.problems, *drill_link_problems(library)]
    packs = [
        {
            "path": str(p.root),
            "id": p.info.id if p.info else None,
            "companies": len(p.companies),
            "questions": len(p.questions),
        }
        for p in library.packs
        if not paths or p.root.resolve() in {path.resolve() for path in paths}
    ]
    if as_json:
        emit_json(
            {
                "ok": not problems,
                "packs": packs,
                "problems": [asdict(p) for p in problems],
            }
        )
    else:
        out = console()
        for pack in packs:
            out.print(
                f"{pack['path']}: {pack['companies']} companies, {pack['questions']} questions"
            )
        render.print_problems(out, problems)
        out.print(f"{len(problems)} problem(s)" if problems else "[green]ok[/green]")
    if problems:
        raise typer.Exit(1)


@content_app.command()
def stats(as_json: JsonFlag = False) -> None:
    """Counts and coverage: round kind x company, competency x difficulty, topic areas."""
    found = coverage(Library.load(Settings().pack_paths()))
    if as_json:
        emit_json({**found.counts, **asdict(found)})
        return
    out = console()
    out.print(", ".join(f"{n} {name}" for name, n in found.counts.items()))
    out.print(render.matrix("Questions per round kind and company", found.round_by_company))
    out.print(
        render.matrix("Questions per competency and difficulty", found.competency_by_difficulty)
    )
    out.print(render.counts("Questions per topic area", found.areas))
    out.print(render.counts("Lessons per module", found.lessons_per_module))


@content_app.command()
def lint(
    sources: Annotated[
        list[Path] | None,
        typer.Option(
            "--sources",
            help="Files or folders of texts the content must not copy (10-word runs).",
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Find what a valid pack can still get wrong; exits 1 when anything is found.

    It checks for near-duplicate questions and repeated key points,
    cues the exemplar misses and red flags a strong answer raises,
    broken lesson links and, with --sources, copied text."""
    from hirebar.practice.content_quality import lint as run_lint
    from hirebar.practice.content_quality import source_files
    from hirebar.practice.service import load_embedder

    settings = Settings()
    missing = [str(s) for s in sources or [] if not s.exists()]
    if missing:
        fail(f"--sources not found: {', '.join(missing)}")
    if sources and next(source_files(sources), None) is None:
        fail("--sources holds no .txt or .md file to compare against")
    embedder, why = load_embedder(settings.resolved_model_dir, settings.model_threads)
    findings = run_lint(Library.load(settings.pack_paths()), embedder, sources or [])
    if as_json:
        emit_json(
            {
                "ok": not findings,
                "semantic": embedder is not None,
                "findings": [asdict(f) for f in findings],
            }
        )
    else:
        out = console()
        if why:
            out.print(f"[yellow]note:[/yellow] {why}; similarity checks use wording only")
        if not sources:
            out.print("[yellow]note:[/yellow] no --sources given; copied-text check skipped")
        for finding in findings:
            out.print(f"[red]{finding.check}[/red] {finding.entry}: {finding.message}")
        out.print(f"{len(findings)} finding(s)" if findings else "[green]clean[/green]")
    if findings:
        raise typer.Exit(1)
