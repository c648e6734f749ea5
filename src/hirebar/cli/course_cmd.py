"""``hirebar course`` and ``hirebar lesson``: read the course in the terminal."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markdown import Markdown
from rich.table import Table

from hirebar.cli.common import JsonFlag, console, emit_json, fail, library
from hirebar.drills import KINDS


def course(as_json: JsonFlag = False) -> None:
    """The course: modules in order, each with its lessons and reading time."""
    modules = library().course
    if as_json:
        emit_json(
            [
                {
                    **module.model_dump(mode="json"),
                    "lessons": [
                        {"id": x.id, "title": x.title, "minutes": x.minutes} for x in lessons
                    ],
                }
                for module, lessons in modules
            ]
        )
        return
    table = Table(title="hirebar course", title_justify="left")
    table.add_column("lesson id", no_wrap=True)
    table.add_column("title")
    table.add_column("min", justify="right")
    for number, (module, lessons) in enumerate(modules, start=1):
        table.add_section()
        table.add_row(f"[bold]{number}. {module.title}[/bold]", "", "")
        for lesson in lessons:
            table.add_row(lesson.id, lesson.title, str(lesson.minutes))
    out = console()
    out.print(table)
    out.print("Read one with `hirebar lesson ID`.")


def lesson(
    lesson_id: Annotated[str, typer.Argument(help="Lesson id from `hirebar course`.")],
    as_json: JsonFlag = False,
) -> None:
    """Read one lesson: objectives, the lesson, takeaways, then what to practise."""
    content = library()
    found = content.lessons.get(lesson_id)
    if found is None:
        fail(f"no lesson '{lesson_id}'; `hirebar course` lists them")
    if as_json:
        emit_json(found.model_dump(mode="json"))
        return
    out = console()
    out.print(f"[bold]{found.title}[/bold]  ({found.minutes} min)")
    out.print(Markdown("**You will be able to**\n" + "\n".join(f"- {o}" for o in found.objectives)))
    out.print(Markdown(found.body))
    out.print(Markdown("**Takeaways**\n" + "\n".join(f"- {t}" for t in found.takeaways)))
    practice = [
        f"- `{q}`: {content.questions[q].headline(90)}"
        for q in found.practice
        if q in content.questions
    ]
    heading = "**Practise next** (`hirebar practice --question ID`)\n"
    out.print(Markdown(heading + "\n".join(practice)))
    if found.drills:
        drills = [f"- `hirebar drill --kind {d}`" for d in found.drills if d in KINDS]
        drills += [f"- `hirebar incident play {d}`" for d in found.drills if d in content.incidents]
        out.print(Markdown("**Drills**\n" + "\n".join(drills)))
    if found.cards:
        out.print(f"{len(found.cards)} review cards come with this lesson.")
