"""``hirebar review``, ``cards``, ``story`` and ``artifact``: the preparation toolkit."""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from pydantic import ValidationError
from rich.markup import escape

from hirebar.cli.common import (
    JsonFlag,
    console,
    emit_json,
    fail,
    read_answer_source,
    read_text_file,
    read_yaml_file,
    service,
)
from hirebar.planning.stories import StoryInput
from hirebar.stored import MAX_STORED_INT

if TYPE_CHECKING:
    from hirebar.practice.prep import Prep

cards_app = typer.Typer(
    help="The concept cards: list them or export them to Anki.", no_args_is_help=True
)
story_app = typer.Typer(help="Your story bank for behavioural rounds.", no_args_is_help=True)
artifact_app = typer.Typer(
    help="Worksheets for the artifacts to bring to the loop.", no_args_is_help=True
)


def _prep() -> Prep:
    from hirebar.practice.prep import Prep  # loads the database layer: not for --help

    return Prep(service())


def _rating() -> str:
    return typer.prompt("How well did you know it? 1-4 (q to stop)", default="3").strip().lower()


def review(
    limit: Annotated[
        int, typer.Option(help="At most this many items.", min=1, max=MAX_STORED_INT)
    ] = 30,
) -> None:
    """Review what is due: cards, weak answers and stories. Rate 1 again, 2 hard, 3 good, 4 easy."""
    prep, out = _prep(), console()
    due = prep.due()[:limit]
    if not due:
        out.print("Nothing is due. Come back tomorrow.")
        return
    try:
        for number, item in enumerate(due, start=1):
            out.print(f"\n[bold]{number}/{len(due)} · {item.kind}[/bold]  {escape(item.front)}")
            typer.prompt("Press Enter to see the answer", default="", show_default=False)
            out.print(escape(item.back))
            while (rating := _rating()) not in {"1", "2", "3", "4", "q"}:
                out.print("[yellow]Ratings are 1 again, 2 hard, 3 good or 4 easy (q to stop).")
            if rating == "q":
                break
            next_due = prep.rate(item.key, int(rating))
            out.print(f"[dim]Next review {next_due:%Y-%m-%d %H:%M} UTC[/dim]")
    except typer.Abort:  # input ended (no terminal, Ctrl-D): every rating given is saved
        fail("review stopped: the input ended; the ratings given so far are saved", code=1)


@cards_app.command("list")
def list_cards(as_json: JsonFlag = False) -> None:
    """Every concept card, with the lesson it comes from."""
    cards = service().library.cards
    rows = [
        {"id": c.id, "front": c.front, "back": c.back, "lesson": lesson.id}
        for c, lesson in cards.values()
    ]
    if as_json:
        emit_json(rows)
        return
    for row in rows:
        console().print(
            f"[bold]{row['id']}[/bold] {escape(row['front'])} [dim]({row['lesson']})[/dim]"
        )


@cards_app.command("export-anki")
def export_anki(path: Annotated[Path, typer.Argument(help="The .apkg file to write.")]) -> None:
    """Write every concept card to an Anki deck (.apkg), tagged by course module.

    Each card's back names the lesson it comes from."""
    import genanki

    if path.suffix != ".apkg":
        fail(f"the Anki file needs a name ending in .apkg, such as deck.apkg, not '{path.name}'")
    model = genanki.Model(
        _stable_id("hirebar concept card model"),
        "hirebar concept card",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Lesson"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}<br><small>{{Lesson}}</small>',
            }
        ],
    )
    deck = genanki.Deck(_stable_id("hirebar concept cards"), "hirebar::AI PM concepts")
    for card, lesson in service().library.cards.values():
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[card.front, card.back, lesson.title],
                tags=[lesson.module],
                guid=genanki.guid_for(card.id),
            )
        )
    genanki.Package(deck).write_to_file(str(path))
    console().print(f"{len(deck.notes)} cards written to {path}")


def _problem(error: dict) -> str:
    where = ".".join(str(part) for part in error["loc"]) or "the file"
    sent = error.get("input")
    got = f" (got {sent!r})" if isinstance(sent, str | int | float) else ""
    return f"field '{where}': {error['msg'].removeprefix('Value error, ').lower()}{got}"


def _stable_id(name: str) -> int:
    """Anki wants a fixed numeric id per model and deck, so re-imports update in place."""
    return int(hashlib.sha1(name.encode()).hexdigest()[:8], 16)


@story_app.command("add")
def add_story(
    file: Annotated[
        Path,
        typer.Argument(
            help="YAML with title, situation, decision, "
            "tradeoff, numbers, outcome, lesson, tags, competencies."
        ),
    ],
    as_json: JsonFlag = False,
) -> None:
    """Add a story from a YAML file; it is saved first, then checked."""
    data = read_yaml_file(str(file), "story file")
    if not isinstance(data, dict):
        found = "nothing" if data is None else f"a {type(data).__name__}"
        fail(f"{file}: expected the story's parts ('title: ...', 'decision: ...'); found {found}")
    try:
        story = StoryInput.model_validate(data)
    except ValidationError as exc:
        fail(f"{file}: " + "; ".join(_problem(e) for e in exc.errors()))
    story_id, flags = _prep().add_story(**story.model_dump())
    if as_json:
        emit_json({"id": story_id, "flags": flags})
        return
    out = console()
    out.print(f"Story {story_id} saved.")
    for flag in flags:
        out.print(f"[yellow]• {flag}[/yellow]")


@story_app.command("list")
def list_stories(as_json: JsonFlag = False) -> None:
    """Your stories with what each still lacks."""
    from hirebar.planning.stories import check

    stories = _prep().stories()
    rows = [{**asdict(s), "flags": check(s)} for s in stories]
    if as_json:
        emit_json(rows)
        return
    out = console()
    if not rows:
        out.print("No stories yet. Write one in YAML and add it: `hirebar story add FILE`.")
    for row in rows:
        out.print(
            f"[bold]{row['id']}. {escape(row['title'])}[/bold]  "
            + ("ok" if not row["flags"] else "")
        )
        for flag in row["flags"]:
            out.print(f"   [yellow]• {flag}[/yellow]")


@story_app.command("delete")
def delete_story(
    story_id: Annotated[int, typer.Argument(help="The story's number.", min=0, max=MAX_STORED_INT)],
) -> None:
    """Delete a story from the bank (`story list` shows the numbers)."""
    try:
        _prep().delete_story(story_id)
    except LookupError as exc:
        fail(str(exc.args[0]))
    console().print(f"Story {story_id} deleted.")


@story_app.command()
def coverage(as_json: JsonFlag = False) -> None:
    """Which competencies and behavioural questions your stories can answer, and the gaps."""
    found = _prep().coverage()
    if as_json:
        emit_json(asdict(found))
        return
    out = console()
    for competency, ids in found.competencies.items():
        out.print(
            f"{competency:<20} "
            + ("stories " + ", ".join(map(str, ids)) if ids else "[red]none[/red]")
        )
    answerable = len(found.questions) - len(found.unanswerable)
    out.print(
        f"{answerable} of {len(found.questions)} behavioural questions have a story that fits."
    )


@artifact_app.command("list")
def list_artifacts(as_json: JsonFlag = False) -> None:
    """The artifact worksheets."""
    artifacts = service().library.artifacts.values()
    rows = [{"id": a.id, "title": a.title, "purpose": a.purpose} for a in artifacts]
    if as_json:
        emit_json(rows)
        return
    for row in rows:
        console().print(
            f"[bold]{row['id']}[/bold]  {escape(row['title'])}: {escape(row['purpose'])}"
        )


@artifact_app.command()
def template(artifact_id: Annotated[str, typer.Argument(help="Artifact id.")]) -> None:
    """Print the worksheet as a Markdown template to fill in."""
    try:
        typer.echo(_prep().artifact(artifact_id).template())
    except LookupError as exc:
        fail(str(exc.args[0]))


@artifact_app.command("check")
def check_artifact(
    artifact_id: Annotated[str, typer.Argument(help="Artifact id.")],
    file: Annotated[
        str, typer.Argument(help="Your draft (Markdown or plain text), or - for standard input.")
    ],
    as_json: JsonFlag = False,
) -> None:
    """Say what the draft still lacks; exits 1 if anything is missing.

    The file stays yours: the worksheet draft kept in the app is left as it is.
    """
    draft = read_answer_source(file) if file == "-" else read_text_file(file, "draft")
    try:
        findings = _prep().check_artifact(artifact_id, draft, keep=False)
    except LookupError as exc:
        fail(str(exc.args[0]))
    if as_json:
        emit_json({"ok": not findings, "missing": [asdict(f) for f in findings]})
    else:
        out = console()
        for f in findings:
            out.print(f"[yellow]• {f.title}:[/yellow] {f.message}")
        out.print("[green]complete[/green]" if not findings else f"{len(findings)} missing")
    if findings:
        raise typer.Exit(1)
