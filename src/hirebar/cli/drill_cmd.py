"""``hirebar drill`` and ``hirebar incident``: exact-answer drills and incident play."""

from __future__ import annotations

import time
from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from hirebar.cli.common import JsonFlag, console, emit_json, fail, local_time, service
from hirebar.content.incident import Action
from hirebar.drills import KINDS, UnknownDrill, fmt
from hirebar.drills.simulation import Debrief, Statement, offered
from hirebar.practice.errors import UnknownIncident, UnreadableReply
from hirebar.stored import MAX_STORED_INT, utc_iso

if TYPE_CHECKING:
    from hirebar.practice.drilling import Drilling

STATEMENT_PROMPTS = (
    ("cause", "Cause"),
    ("containment", "Containment"),
    ("comms", "Who you tell, and what"),
    ("rollback", "Rollback criteria"),
)
drill_app = typer.Typer(help="Metric drills with exact answers.", invoke_without_command=True)
incident_app = typer.Typer(
    help="Incident simulations: triage a production problem turn by turn.",
    invoke_without_command=True,
)


def _drilling() -> Drilling:
    from hirebar.practice.drilling import Drilling  # loads the database layer: not for --help

    return Drilling(service())


def _kind_or_fail(kind: str) -> str:
    if kind not in KINDS:
        fail(str(UnknownDrill(kind)))
    return kind


SUGGESTION_KEYS = "ab"  # letters, so they never clash with the numbered menu
QUIT_WORDS = {"q", "quit", "exit", "stop"}


class Stopped(Exception):
    """The player typed q: end the session as if its drills were done."""


@drill_app.callback()
def practise(
    ctx: typer.Context,
    kind: Annotated[
        str | None, typer.Option(help="Drill kind; default: every kind, weakest first.")
    ] = None,
    count: Annotated[int, typer.Option(help="How many drills in a row.", min=1, max=1000)] = 5,
) -> None:
    """Practise drills: answer each, then see the worked solution and the decision."""
    if ctx.invoked_subcommand:
        if kind:
            used = ctx.invoked_subcommand
            fail(f"--kind is for a practice session; it does nothing to `drill {used}`")
        return
    drilling, out = _drilling(), console()
    kinds = [_kind_or_fail(kind)] if kind else _weakest_first(drilling)
    right = answered = 0
    try:
        for number in range(count):
            drill = drilling.new(kinds[number % len(kinds)])
            out.print(Panel(drill.prompt, title=f"{number + 1}/{count} · {drill.title}"))
            start = time.monotonic()
            while True:
                reply = typer.prompt(
                    "Your answer (Enter to skip, q to stop)", default="", show_default=False
                )
                if reply.strip().lower() in QUIT_WORDS:
                    raise Stopped
                try:
                    _, check, _ = drilling.answer(
                        drill.kind, drill.seed, reply, round(time.monotonic() - start)
                    )
                except UnreadableReply as exc:
                    if reply.strip():  # a slip: ask again
                        out.print(f"[yellow]{escape(str(exc))}[/yellow]")
                        continue
                    check = None
                break
            if check is None:
                out.print("[dim]Skipped: not counted.[/dim]")
            else:
                answered += 1
                right += check.correct
                style = "green" if check.correct else "red"
                out.print(f"[{style}]{check.message}[/{style}]")
            out.print(f"[bold]Solution[/bold] {drill.solution}")
            out.print(f"[bold]Decision[/bold] {drill.decision}\n")
    except typer.Abort:  # Ctrl-C, Ctrl-D, or input that ran out: the answers given are saved
        fail(f"drills stopped after {answered} answer(s), all saved", code=1)
    except Stopped:
        out.print("[dim]Stopped.[/dim]")
    out.print(f"{right}/{answered} correct. Your accuracy per kind: `hirebar drill list`.")


def _weakest_first(drilling: Drilling) -> list[str]:
    """Untried kinds first, then by accuracy so far, lowest first; ranked once per session
    so that every kind comes round (re-ranking after each answer skipped some)."""
    accuracy = drilling.accuracy()
    return sorted(
        KINDS,
        key=lambda k: (k in accuracy, accuracy.get(k, (0, 1))[0] / accuracy.get(k, (0, 1))[1]),
    )


@drill_app.command("list")
def list_kinds(as_json: JsonFlag = False) -> None:
    """Drill kinds, what each practises, and your accuracy on it."""
    accuracy = _drilling().accuracy()
    rows = [
        {
            "kind": kind,
            "title": title,
            "correct": accuracy.get(kind, (0, 0))[0],
            "attempted": accuracy.get(kind, (0, 0))[1],
        }
        for kind, (title, _) in KINDS.items()
    ]
    if as_json:
        emit_json(rows)
        return
    out = console()
    for row in rows:
        done = f"{row['correct']}/{row['attempted']} right" if row["attempted"] else "not tried"
        out.print(f"{row['kind']:<18} {row['title']}  [dim]({done})[/dim]")


@drill_app.command()
def new(
    kind: Annotated[str, typer.Argument(help="Drill kind (`hirebar drill list`).")],
    seed: Annotated[
        int | None, typer.Option(help="Same seed, same exercise.", min=0, max=MAX_STORED_INT)
    ] = None,
    with_answer: Annotated[
        bool, typer.Option("--with-answer", help="Include answer and solution.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Print one exercise (for scripts, coaches and printing)."""
    drill = _drilling().new(_kind_or_fail(kind), seed)
    data = drill.full() if with_answer else drill.public()
    if as_json:
        emit_json(data)
        return
    out = console()
    out.print(Panel(drill.prompt, title=f"{drill.title} · seed {drill.seed}"))
    if with_answer:
        out.print(f"Answer: {drill.answer_text} (±{fmt(drill.tolerance)})")
        out.print(f"Solution: {drill.solution}\nDecision: {drill.decision}")


@drill_app.command(context_settings={"ignore_unknown_options": True})  # a reply of -0.85
def answer(
    kind: Annotated[str, typer.Argument(help="Drill kind.")],
    reply: Annotated[str, typer.Argument(help="Your answer, e.g. 0.842.")],
    seed: Annotated[int, typer.Option(help="The exercise's seed.", min=0, max=MAX_STORED_INT)],
    as_json: JsonFlag = False,
) -> None:
    """Check and store an answer to the exercise of kind KIND with seed --seed."""
    try:
        drill, check, row = _drilling().answer(_kind_or_fail(kind), seed, reply)
    except UnreadableReply as exc:
        fail(str(exc))
    if as_json:
        emit_json({"id": row.id, **asdict(check), **drill.full()})
        return
    out = console()
    out.print(check.message)
    out.print(f"Solution: {drill.solution}\nDecision: {drill.decision}")


@drill_app.command()
def history(as_json: JsonFlag = False) -> None:
    """Your drill answers, newest first, then your incident runs, newest first."""
    drilling = _drilling()
    results = [
        {
            "kind": r.kind,
            "seed": r.seed,
            "reply": r.reply,
            "correct": r.correct,
            "created_at": utc_iso(r.created_at),
        }
        for r in drilling.results()
    ]
    runs = [
        {"id": r.id, "incident_id": r.incident_id, "score": r.score, "steps": len(r.steps)}
        for r in drilling.runs()
    ]
    if as_json:
        emit_json({"drills": results, "incident_runs": runs})
        return
    out = console()
    for r in results:
        mark = "[green]right[/green]" if r["correct"] else "[red]wrong[/red]"
        out.print(f"{local_time(r['created_at'])}  {r['kind']:<18} seed {r['seed']:<8} {mark}")
    for r in runs:
        score = f"{r['score']}/100" if r["score"] is not None else "in progress"
        out.print(f"incident run {r['id']}: {r['incident_id']}  {score}")


@incident_app.callback()
def play_default(ctx: typer.Context) -> None:
    """With no command: pick a scenario and play it."""
    if ctx.invoked_subcommand:
        return
    incidents = list(_drilling().svc.library.incidents.values())
    out = console()
    for number, incident in enumerate(incidents, start=1):
        out.print(f"{number:>2}. {escape(incident.title)}")
    while True:  # as the company menu does: a number out of range is asked again
        try:
            choice = typer.prompt("Which scenario", default="1").strip()
        except typer.Abort:
            fail("no scenario chosen: the input ended")
        if choice.isdigit() and 1 <= int(choice) <= len(incidents):
            break
        out.print(f"[yellow]Type a scenario number from 1 to {len(incidents)}.[/yellow]")
    picked = incidents[int(choice) - 1]
    play(picked.id)


@incident_app.command("list")
def list_incidents(as_json: JsonFlag = False) -> None:
    """The incident scenarios."""
    incidents = _drilling().svc.library.incidents.values()
    rows = [{"id": i.id, "title": i.title, "topics": i.topics} for i in incidents]
    if as_json:
        emit_json(rows)
        return
    table = Table.grid(padding=(0, 2))  # a long title wraps inside its own column
    table.add_column(no_wrap=True)
    table.add_column()
    for row in rows:
        table.add_row(row["id"], Text(row["title"]))
    console().print(table)


@incident_app.command()
def play(incident_id: Annotated[str, typer.Argument(help="Scenario id.")]) -> None:
    """Play a scenario: type what you would do (or an action number), `done` to close."""
    drilling, out = _drilling(), console()
    try:
        incident = drilling.incident(incident_id)
    except UnknownIncident as exc:
        fail(str(exc))
    run = drilling.start(incident.id)
    taken: list[str] = []
    suggested: list[Action] = []  # "did you mean" after a command that matched nothing
    menu = offered(incident, taken)
    out.print(Panel(Text(incident.alert), title=Text(incident.title)))
    out.print("Actions you can take (type a number, or say it in your own words):")
    _print_menu(menu)
    out.print("Type `done` when you are ready to state cause, containment, comms and rollback.")
    while True:
        try:
            typed = typer.prompt(">", default="", show_default=False).strip()
        except typer.Abort:  # input ended (Ctrl-D, a pipe): the steps taken are stored
            fail(
                f"stopped before the statement; the steps taken are kept with run {run.id}, "
                f"and the app's page /runs/{run.id} lets you finish it"
            )
        if not typed:  # a stray Enter does not end the investigation
            continue
        if typed.lower() in {"done", "q", "quit"}:
            break
        if typed.isdigit() and not 1 <= int(typed) <= len(menu):
            out.print(f"[yellow]There is no action {typed}: type a number from 1 to {len(menu)}.")
            continue
        if typed.isdigit():
            typed = menu[int(typed) - 1].id
        elif typed.lower() in SUGGESTION_KEYS[: len(suggested)]:
            typed = suggested[SUGGESTION_KEYS.index(typed.lower())].id
        step = drilling.step(run.id, typed)
        suggested = [] if step.action else drilling.suggestions(incident, typed, taken)
        if step.action is None:
            out.print("[yellow]Not sure which action that is; try another wording or a number.")
            if suggested:
                out.print("Did you mean (type the letter):")
                for key, action in zip(SUGGESTION_KEYS, suggested, strict=False):
                    out.print(f"  {key}) {escape(action.label)}")
            continue
        out.print(f"[bold]{escape(step.action.label)}[/bold]: {escape(step.action.evidence)}")
        taken.append(step.action.id)
        # New choices get the next numbers: a number, once shown, keeps its action.
        listed = {a.id for a in menu}
        if opened := [a for a in offered(incident, taken) if a.id not in listed]:
            out.print("What you found opens more choices:")
            _print_menu(opened, first=len(menu) + 1)
            menu += opened
    parts: dict[str, str] = {}
    try:
        for field, label in STATEMENT_PROMPTS:
            parts[field] = typer.prompt(label, default="", show_default=False)
            drilling.keep_statement(run.id, parts)  # each part stored as soon as it is typed
    except typer.Abort:
        fail(
            f"stopped before the debrief; what you wrote is kept with run {run.id}, "
            f"and the app's page /runs/{run.id} lets you finish it"
        )
    print_debrief(out, incident, drilling.finish(run.id, Statement(**parts)))


def print_debrief(out: Console, incident, result: Debrief) -> None:  # type: ignore[no-untyped-def]
    out.print(Panel(f"Score {result.score}/100", title="Debrief"))
    for part, value in result.parts.items():
        out.print(f"  {part:<12} {value:.0%}")
    label = {a.id: escape(a.label) for a in incident.actions}
    out.print("[bold]Your path[/bold]  " + " → ".join(label[i] for i in result.player_path))
    out.print("[bold]Ideal path[/bold] " + " → ".join(label[i] for i in result.ideal_path))
    for note in result.notes:
        out.print(f"[yellow]• {note}[/yellow]")
    out.print(f"[bold]Cause[/bold] {escape(incident.cause)}")
    out.print(f"[bold]Lesson[/bold] {escape(incident.lesson)}")


def _print_menu(menu: list[Action], first: int = 1) -> None:
    for number, action in enumerate(menu, start=first):
        console().print(f"  {number:>2}. {escape(action.label)}")
