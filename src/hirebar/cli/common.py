"""Helpers every command shares: the service, output, and clear errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from hirebar.practice import PracticeService
from hirebar.settings import Settings

JsonFlag = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]


def console() -> Console:
    return Console(highlight=False)


def service() -> PracticeService:
    return PracticeService(Settings())


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
