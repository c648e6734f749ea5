"""Helpers every command shares: the service, output, and clear errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from hirebar.settings import Settings
from hirebar.stored import MAX_STORED_INT

if TYPE_CHECKING:
    from hirebar.content import Library
    from hirebar.practice.service import PracticeService

JsonFlag = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
SeedOption = Annotated[
    int | None,
    typer.Option(
        help="Seed for drawing questions. Questions answered recently are passed over, "
        "so the same seed can draw others later.",
        min=0,
        max=MAX_STORED_INT,
    ),
]


def console() -> Console:
    return Console(highlight=False)


def service() -> PracticeService:
    """The practice service; imported on first use so ``--help`` stays instant."""
    from hirebar.practice.service import PracticeService

    return PracticeService(Settings())


def library(svc: PracticeService | None = None) -> Library:
    """The loaded content. Broken pack entries are skipped, and ids that name nothing are
    left out of the entries that use them; say so once, on stderr.

    Without ``svc`` it is read as the service reads it, without loading the database
    layer: commands that only show content start in half the time."""
    if svc is None:
        from hirebar.practice.content_cache import load_library

        settings = Settings()
        loaded = load_library(settings.pack_paths(), settings.data_dir / "cache")
    else:
        loaded = svc.library
    if loaded.problems:
        Console(stderr=True, highlight=False).print(
            f"[yellow]note:[/yellow] {len(loaded.problems)} problem(s) in your content packs; "
            "broken entries are skipped and ids that name nothing are left out. "
            "Run `hirebar content validate` for details."
        )
    return loaded


def emit_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def fail(message: str, code: int = 2) -> NoReturn:
    """Say what went wrong on stderr and exit; the message may quote the user's text, so
    square brackets in it are printed as typed, never read as Rich markup."""
    Console(stderr=True, highlight=False).print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(code)


def note(message: str) -> None:
    """A hint for the person at the terminal, on stderr so that --json output stays JSON."""
    Console(stderr=True, highlight=False).print(f"[dim]{escape(message)}[/dim]")


def typed_lines(lines: list[str], stop_words: tuple[str, ...] = ()) -> str:
    """Read lines typed at the terminal into ``lines`` until a line holding only '.', one
    of ``stop_words`` (returned), or Ctrl-D. On Ctrl-C the line being typed, not yet
    entered, is added before the interrupt goes on, so whoever keeps the draft keeps
    all of it."""
    try:
        import readline  # input() then edits lines and can say the one being typed
    except ImportError:  # not on every platform
        readline = None
    while True:
        try:
            line = input()
        except EOFError:
            return ""
        except KeyboardInterrupt:
            partial = readline.get_line_buffer() if readline else ""
            if partial.strip():
                lines.append(partial)
            raise
        if line.strip() == ".":
            return ""
        if line.strip().lower() in stop_words:
            return line.strip().lower()
        lines.append(line)


def utf8(text: str, where: str) -> str:
    """``text`` if it is valid Unicode; standard input that was not UTF-8 arrives with
    lone surrogates, which nothing downstream can store."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        fail(f"{where} is not UTF-8 text")
    return text


def read_text_file(source: str, what: str = "file") -> str:
    """A UTF-8 text file's contents, or a clear error naming the file."""
    path = Path(source)
    if not path.exists():
        fail(f"{what} not found: {source}")
    if path.is_dir():
        fail(f"{source} is a folder, not a file")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        fail(f"{source} is not UTF-8 text")
    except OSError as exc:
        fail(f"cannot read {source}: {exc.strerror}")


def read_yaml_file(source: str, what: str) -> object:
    """A YAML file's data, or an error naming the file and the line where it goes wrong:
    where parsing stopped, or a key written twice (YAML would keep only the last)."""
    from hirebar.content.yaml_source import YamlSyntaxError, parse_yaml

    text = read_text_file(source, what)
    try:
        parsed = parse_yaml(text)
    except YamlSyntaxError as exc:
        line = f":{exc.issue.line}" if exc.issue.line else ""
        fail(f"{source}{line}: {exc.issue.message}")
    if parsed is None:
        return None
    if parsed.repeated_keys:
        first = parsed.repeated_keys[0]
        fail(f"{source}:{first.line}: {first.message}; nothing was stored")
    return parsed.data


def read_answer_source(source: str) -> str:
    """The text of an answer file, or of standard input for ``-``."""
    if source == "-":
        try:
            return sys.stdin.buffer.read().decode("utf-8")
        except UnicodeDecodeError:
            fail("standard input is not UTF-8 text")
    return read_text_file(source, "answer file")


def answer_to_grade(source: str) -> str:
    """The answer at ``source`` (a file, or - for standard input); an empty one is refused,
    since grading it would only score a blank."""
    answer = read_answer_source(source)
    if not answer.strip():
        fail("the answer is empty; write one, then grade it")
    return answer


def local_time(stamp: str) -> str:
    """A stored ISO time as the reader's local clock reads it ("2026-12-07 02:38"); the
    database keeps UTC, and a time with no zone is UTC."""
    from datetime import UTC, datetime

    moment = datetime.fromisoformat(stamp)
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
