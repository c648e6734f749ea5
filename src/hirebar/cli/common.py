"""Helpers every command shares: the service, output, and clear errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console

from hirebar.settings import Settings

if TYPE_CHECKING:
    from hirebar.content import Library
    from hirebar.practice.service import PracticeService

JsonFlag = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]


def console() -> Console:
    return Console(highlight=False)


def service() -> PracticeService:
    """The practice service; imported on first use so ``--help`` stays instant."""
    from hirebar.practice.service import PracticeService

    return PracticeService(Settings())


def library(svc: PracticeService) -> Library:
    """The loaded content. Broken pack entries are skipped; say so once, on stderr."""
    loaded = svc.library
    if loaded.problems:
        Console(stderr=True, highlight=False).print(
            f"[yellow]note:[/yellow] {len(loaded.problems)} problem(s) in your content packs; "
            "those entries are skipped. Run `hirebar content validate` for details."
        )
    return loaded


def emit_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def fail(message: str, code: int = 2) -> NoReturn:
    Console(stderr=True, highlight=False).print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


def read_answer_source(source: str) -> str:
    """The text of an answer file, or of standard input for ``-``."""
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if not path.is_file():
        fail(f"answer file not found: {source}")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        fail(f"{source} is not UTF-8 text")
