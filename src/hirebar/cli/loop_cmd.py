"""``hirebar loop``: a whole company loop in the terminal, then the committee's debrief."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markdown import Markdown
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from hirebar.cli.common import (
    SeedOption,
    console,
    fail,
    note,
    read_yaml_file,
    service,
    typed_lines,
    utf8,
)
from hirebar.practice.errors import UngradedRound, UnknownCompany
from hirebar.stored import MAX_STORED_INT

if TYPE_CHECKING:
    from hirebar.practice.mock_loop import MockLoops, Step


def loop(
    company: Annotated[str | None, typer.Option(help="Company id, e.g. google.")] = None,
    answers: Annotated[
        Path | None,
        typer.Option(help="YAML list of answers in round order (each: answer, probe)."),
    ] = None,
    report: Annotated[
        Path | None, typer.Option(help="Write the debrief here: .md, .html or .pdf.")
    ] = None,
    resume: Annotated[
        int | None,
        typer.Option(help="Continue a paused loop by its id.", min=0, max=MAX_STORED_INT),
    ] = None,
    seed: SeedOption = None,
) -> None:
    """Run a full mock loop: every round in order, a follow-up per answer, then a debrief.

    Type each answer and finish it with a line holding only `.`; type `pause` to stop and
    resume later with --resume.
    """
    # The loop and its report load the database layer and Jinja: not for --help.
    from hirebar.practice import loop_report
    from hirebar.practice.mock_loop import MockLoops, UnknownLoop

    if report is not None and report.suffix.lower() not in loop_report.FORMATS:
        fail(f"--report must end in .md, .html or .pdf, not '{report.suffix}'")
    if report is not None and not report.parent.is_dir():  # found out now, not after the loop
        fail(f"--report: the folder {report.parent} does not exist")
    if report is not None and report.is_dir():
        fail(f"--report: {report} is a folder; name a file")
    if resume is not None and company is not None:
        fail("--resume continues a loop with its own company; leave out --company")
    loops, out = MockLoops(service()), console()
    scripted = _read_answers(answers) if answers else None
    try:
        if resume is not None:
            rounds = len(loops.plan(resume))
        elif company is not None:
            rounds = len(loops.svc.company(company).rounds)
        else:
            fail("name a --company (or --resume a paused loop)")
    except (UnknownCompany, UnknownLoop) as exc:
        fail(str(exc))
    # A finished loop only shows its debrief: it needs no answers and no terminal.
    finished = resume is not None and loops.next_step(resume).kind == "done"
    if not finished and scripted is not None and len(scripted) != rounds:
        fail(
            f"{answers}: {len(scripted)} answers for {rounds} rounds; "
            "give one per round, in round order"
        )
    if not finished and answers is None and not sys.stdin.isatty():
        fail("a mock loop needs a terminal to type the answers in, or --answers FILE")
    loop_id = resume if resume is not None else loops.start(company, seed)
    if finished:
        out.print(f"Mock loop {loop_id} is finished; here is its debrief again.")
    else:
        out.print(
            f"Mock loop {loop_id}. End each answer with a line holding only '.'; type `pause` "
            f"on a line of its own to stop, and resume with --resume {loop_id}."
        )
    first = True
    while (step := loops.next_step(loop_id)).kind != "done":
        entry = scripted[step.round_index] if scripted else None
        started = time.monotonic()  # the clock runs from when the prompt is shown
        # A loop resumed at a follow-up shows the question it follows up first.
        if step.kind == "answer" or first:
            assert step.question is not None
            out.print(
                Panel(
                    Text(step.question.prompt),
                    title=Text(
                        f"Round {step.round_index + 1}/{step.total_rounds}: {step.round_title}"
                        f" · about {step.minutes} min"
                    ),
                )
            )
        first = False
        if step.kind == "answer":
            text = entry["answer"] if entry else _typed(loops, step)
        else:
            out.print(f"[bold]Follow-up:[/bold] {escape(step.probe)}")
            if not entry:
                note("Answer it, or type 'skip' (or only '.') to pass it up.")
            text = (entry.get("probe") or "") if entry else _typed(loops, step)
            if text.strip().lower() in ("", "skip"):
                loops.skip_probe(loop_id)
                continue
        if text.strip().lower() == "pause":
            out.print(f"Paused. Resume with `hirebar loop --resume {loop_id}`.")
            return
        assessment = loops.answer(loop_id, text, round(time.monotonic() - started))
        if assessment is not None and not scripted:
            count = assessment.word_count
            out.print(f"[dim]Noted ({count} word{'' if count == 1 else 's'}).[/dim]")
    try:
        decision = loops.decision(loop_id)
    except UngradedRound as exc:
        fail(str(exc))
    out.print(Markdown(str(loop_report.render(decision, loops.svc.library, "markdown"))))
    if report is not None:
        loop_report.write(decision, loops.svc.library, report)
        out.print(f"Report written to {report}")


def _typed(loops: MockLoops, step: Step) -> str:
    """Lines up to one holding only '.'; `pause` on a line of its own stops at once.

    What was typed before a pause or Ctrl-C is kept as the step's draft, and a resumed
    loop starts from it (the web app's loop page shows it too).
    """
    lines = loops.draft(step).splitlines()
    if lines:
        note("Your draft so far (type on to add to it):")
        console().print(Text("\n".join(lines)), style="dim")
    try:
        stopped = typed_lines(lines, stop_words=("pause",))
    except KeyboardInterrupt:
        _keep(loops, step, lines)
        raise typer.Exit(130) from None
    if stopped == "pause":
        _keep(loops, step, lines)
        return "pause"
    return utf8("\n".join(lines), "standard input")


def _keep(loops: MockLoops, step: Step, lines: list[str]) -> None:
    text = utf8("\n".join(lines), "standard input")
    if text.strip():
        loops.keep_draft(step, text)
        note(f"What you typed is kept; `hirebar loop --resume {step.loop_id}` starts from it.")


def _read_answers(path: Path) -> list[dict]:
    data = read_yaml_file(str(path), "answers file")
    if not isinstance(data, list):
        fail(f"{path}: expected a YAML list of answers, one per round")
    entries = []
    for number, item in enumerate(data, start=1):
        entry = {"answer": item} if isinstance(item, str) else item
        if not isinstance(entry, dict) or not isinstance(entry.get("answer"), str):
            fail(f"{path}: answer {number} must be text or a mapping with an 'answer' field")
        if not isinstance(entry.get("probe") or "", str):
            fail(f"{path}: answer {number}: 'probe' must be text")
        entries.append(entry)
    return entries
