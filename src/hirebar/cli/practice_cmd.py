"""``hirebar practice``: a timed question, an answer, graded feedback, the follow-up.

With no options on a terminal it is the interactive session ``make run`` starts:
pick a company, answer its questions round by round, answer the probes.
"""

from __future__ import annotations

import os
import random
import sys
import time
from typing import TYPE_CHECKING, Annotated, NoReturn

import click
import typer
from rich.console import Console
from rich.panel import Panel
from rich.prompt import Confirm, IntPrompt
from rich.text import Text

from hirebar.cli import render
from hirebar.cli.common import (
    JsonFlag,
    SeedOption,
    console,
    emit_json,
    fail,
    library,
    note,
    read_answer_source,
    read_text_file,
    service,
    typed_lines,
    utf8,
)
from hirebar.content import ANSWER_MINUTES, Company, Question, RoundKind
from hirebar.practice.errors import UnknownQuestion

if TYPE_CHECKING:
    from hirebar.practice.service import Outcome, PracticeService

END_MARK = "."
EDITOR_TEMPLATE = "\n# Write your answer above; this line is dropped.\n"


def practice(
    question: Annotated[str | None, typer.Option("--question", "-q", help="Question id.")] = None,
    company: Annotated[str | None, typer.Option(help="Company id: draw from its loop.")] = None,
    round_kind: Annotated[
        RoundKind | None, typer.Option("--round", help="Round kind to draw from.")
    ] = None,
    answer_file: Annotated[
        str | None, typer.Option("--answer-file", "-a", help="Answer file, or - for stdin.")
    ] = None,
    editor: Annotated[
        bool | None,
        typer.Option(
            "--editor/--no-editor",
            help="Write the answer in $EDITOR; on a terminal the default when $EDITOR is set.",
        ),
    ] = None,
    seed: SeedOption = None,
    as_json: JsonFlag = False,
) -> None:
    if question and (company or round_kind):
        fail("--question names one question; leave out --company and --round, or the question")
    svc = service()
    out = console()
    interactive = answer_file is None and sys.stdin.isatty()
    content = library(svc)
    if company and company not in content.companies:
        fail(f"unknown company '{company}'; known: {', '.join(sorted(content.companies))}")
    if interactive and not question and not company and not round_kind:
        company = choose_company(out, list(content.companies.values()))
    if answer_file not in (None, "-"):
        read_answer_source(answer_file)  # a missing or unreadable file is said before the question
    _, missing_model = svc.embedder()
    if missing_model and not as_json:
        out.print(f"[dim]note: {missing_model}; grading on wording alone.[/dim]")
    rng = random.Random(seed)
    seen: set[str] = set()
    while True:
        target = pick_question(svc, rng, question, company, round_kind, seen)
        seen.add(target.id)
        minutes = ANSWER_MINUTES[target.round]
        if not as_json:
            out.print(render.question_panel(target, minutes))
        started = time.monotonic()
        answer = read_answer(svc, target.id, answer_file, editor, interactive, minutes)
        seconds = round(time.monotonic() - started)
        if not answer.strip():
            if not interactive:
                fail("the answer is empty; nothing was stored or graded")
            note("Nothing written: not graded.")
            if question or not Confirm.ask("Another question?", default=True):
                return
            continue
        outcome = svc.submit(target.id, answer, seconds=seconds if interactive else None)
        if as_json:
            emit_json(outcome_json(outcome))
            return
        show_outcome(out, outcome, answer, seconds if interactive else None, minutes)
        if not interactive:
            return
        if (
            outcome.assessment
            and outcome.assessment.follow_up
            and Confirm.ask("Answer the interviewer's follow-up?", default=True)
        ):
            out.print(Panel(Text(outcome.assessment.follow_up.prompt), title="Follow-up"))
            started = time.monotonic()
            probe_answer = read_answer(
                svc, target.id, None, editor, True, minutes, probe_of=outcome.attempt.id
            )
            seconds = round(time.monotonic() - started)
            if probe_answer.strip():
                reply = svc.submit(
                    target.id, probe_answer, seconds=seconds, probe=outcome.assessment.follow_up
                )
                svc.discard_text_drafts(f"probe:{outcome.attempt.id}:")
                show_outcome(out, reply, probe_answer, seconds, minutes)
            else:
                note("Nothing written: not graded.")
        if question or not Confirm.ask("Another question?", default=True):
            return


def choose_company(out: Console, companies: list[Company]) -> str | None:
    out.print("[bold]Which loop are you preparing for?[/bold]")
    for number, company in enumerate(companies, 1):
        kinds = ", ".join(r.kind.value for r in company.rounds)
        out.print(f"  {number}. {company.name}  [dim]{kinds}[/dim]")
    out.print(f"  {len(companies) + 1}. Any company")
    while not 1 <= (choice := IntPrompt.ask("Number", default=1)) <= len(companies) + 1:
        out.print(f"[yellow]Choose a number from 1 to {len(companies) + 1}.[/yellow]")
    return companies[choice - 1].id if choice <= len(companies) else None


def pick_question(
    svc: PracticeService,
    rng: random.Random,
    question_id: str | None,
    company: str | None,
    round_kind: RoundKind | None,
    seen: set[str],
) -> Question:
    if question_id:
        try:
            return svc.question(question_id)
        except UnknownQuestion as exc:
            fail(str(exc))
    pool = svc.library.find(round=round_kind, company=company)
    if not pool:
        fail("no question matches those filters (see `hirebar questions`)")
    fresh = [q for q in pool if q.id not in seen] or pool
    if company and not round_kind:
        # Draw rounds in proportion to how much they count in this company's loop.
        weights = {r.kind: r.weight for r in svc.library.companies[company].rounds}
        return rng.choices(fresh, weights=[weights.get(q.round, 0.0) + 0.01 for q in fresh])[0]
    return rng.choice(fresh)


def read_answer(
    svc: PracticeService,
    question_id: str,
    source: str | None,
    editor: bool | None,
    interactive: bool,
    minutes: int,
    probe_of: int | None = None,
) -> str:
    """The answer from a file, $EDITOR or the terminal. Hints go to stderr, so --json
    output stays JSON.

    Text typed before Ctrl-C is kept as a draft: the question's, or for a reply to the
    follow-up of attempt ``probe_of``, that reply's. Typing in the terminal starts from
    the draft, wherever it was written (here or on the web page).
    """
    if source is not None:
        return read_answer_source(source)
    if editor or (editor is None and interactive and os.environ.get("EDITOR")):
        return _edited(svc, question_id, minutes, probe_of)
    lines: list[str] = []
    if interactive:
        deadline = time.strftime("%H:%M", time.localtime(time.time() + minutes * 60))
        note(
            f"Clock started: aim to finish by {deadline}. Type your answer; end with "
            f"a line holding only '{END_MARK}' (or Ctrl-D)."
        )
        if draft := svc.draft(_draft_key(question_id, probe_of)):
            note("Your draft so far (type on to add to it):")
            note(draft.rstrip("\n"))
            lines.append(draft.rstrip("\n") + "\n")
    try:
        if interactive:  # line editing, and the line being typed survives Ctrl-C
            typed: list[str] = []
            try:
                typed_lines(typed)
            finally:
                lines += [f"{line}\n" for line in typed]
        else:
            for line in sys.stdin:
                if line.rstrip("\n") == END_MARK:
                    break
                lines.append(line)
    except KeyboardInterrupt:
        _keep_draft(svc, question_id, probe_of, "".join(lines))
    except UnicodeDecodeError:
        fail("standard input is not UTF-8 text")
    return utf8("".join(lines), "standard input")


def _draft_key(question_id: str, probe_of: int | None) -> str:
    """Where the web app keeps the same box's draft."""
    return question_id if probe_of is None else f"probe:{probe_of}:reply"


def _edited(svc: PracticeService, question_id: str, minutes: int, probe_of: int | None) -> str:
    """Write the answer in $EDITOR, in a file that outlives a failed editor; a new file
    starts from the draft."""
    key = _draft_key(question_id, probe_of)
    path = svc.editor_file(key.replace(":", "-"))
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(svc.draft(key) + EDITOR_TEMPLATE, encoding="utf-8")
    note(f"Opening $EDITOR; the clock is running ({minutes} min).")
    try:
        click.edit(filename=str(path))
    except click.ClickException as exc:
        text = read_text_file(str(path), "answer file")
        if text.strip() and text.strip() != EDITOR_TEMPLATE.strip():
            _save(svc, key, text)  # stored, so export and the web app have it
        fail(
            f"the editor did not finish ({exc.message}); your text is kept in {path} and as a draft"
        )
    text = read_text_file(str(path), "answer file")
    path.unlink()
    # Only the template's own line goes: "#1 priority: roll back" is part of the answer.
    hint = EDITOR_TEMPLATE.strip()
    return "".join(line for line in text.splitlines(keepends=True) if line.strip() != hint)


def _keep_draft(
    svc: PracticeService, question_id: str, probe_of: int | None, text: str
) -> NoReturn:
    if text.strip():
        _save(svc, _draft_key(question_id, probe_of), text)
        if probe_of is None:
            note(
                "Interrupted: what you typed is kept as this question's draft; "
                f"`hirebar practice -q {question_id}` and the web app's practice page "
                "start from it."
            )
        else:
            note(
                "Interrupted: your reply is kept as a draft; the web app's page for "
                f"attempt {probe_of} opens with it."
            )
    raise typer.Exit(130)


def _save(svc: PracticeService, key: str, text: str) -> None:
    if key.startswith("probe:"):
        svc.save_text_draft(key, text)
    else:
        svc.save_draft(key, text)


def show_outcome(
    out: Console, outcome: Outcome, answer: str, seconds: int | None, minutes: int
) -> None:
    if outcome.assessment is None:
        out.print(
            f"[yellow]Your answer is saved (attempt {outcome.attempt.id}) but grading "
            f"failed: {outcome.error}. Run `hirebar history --status failed`.[/yellow]"
        )
        return
    out.print(render.assessment_view(outcome.assessment, answer, seconds, minutes))
    out.print(f"[dim]Saved as attempt {outcome.attempt.id}.[/dim]")


def outcome_json(outcome: Outcome) -> dict:
    return {
        "attempt_id": outcome.attempt.id,
        "status": outcome.attempt.status,
        "error": outcome.error,
        "assessment": outcome.assessment.model_dump(mode="json") if outcome.assessment else None,
    }
