"""Rich renderings of content and assessments for the terminal."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from hirebar.content import ANSWER_MINUTES, Company, Question, Verdict, cut_at_word, percent

if TYPE_CHECKING:
    from hirebar.grading import Assessment
    from hirebar.grading.reference import ReferenceAssessment

VERDICT_STYLE = {
    Verdict.strong_hire: "bold green",
    Verdict.lean_hire: "green",
    Verdict.lean_no_hire: "yellow",
    Verdict.strong_no_hire: "bold red",
}


def verdict_label(verdict: Verdict | str) -> Text:
    verdict = Verdict(verdict)
    return Text(verdict.value.replace("_", " "), style=VERDICT_STYLE[verdict])


def companies_table(companies: list[Company]) -> Table:
    table = Table(title="Company loop profiles", show_lines=True)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("company")
    table.add_column("rounds (minutes, weight)")
    table.add_column("stresses")
    for company in companies:
        rounds = "\n".join(
            f"{i}. {r.title} [{r.kind.value}] {r.minutes}m, {percent(r.weight)}"
            for i, r in enumerate(company.rounds, 1)
        )
        stresses = "\n".join(f"- {fact.text}" for fact in company.stresses)
        table.add_row(company.id, company.name, rounds, stresses)
    return table


def questions_list(questions: list[Question]) -> Group:
    """Each question as its id and facts on one line, the prompt indented below: five table
    columns leave the prompt a word per line on an 80-column terminal."""
    parts: list[Text] = [Text(f"{len(questions)} questions", style="bold")]
    for q in questions:
        prompt = cut_at_word(q.prompt, 200)
        facts = f"  {q.round.value} · {q.difficulty.value} · {', '.join(q.companies)}"
        parts.append(Text.assemble("\n", (q.id, "cyan"), (facts, "dim")))
        parts.append(Padding(Text(prompt), (0, 0, 0, 2)))
    return Group(*parts)


def question_panel(question: Question, minutes: int | None = None) -> Panel:
    minutes = minutes or ANSWER_MINUTES[question.round]
    header = Text.assemble(
        (question.round.value.replace("_", " "), "bold"),
        f"  ·  {question.difficulty.value}  ·  time budget {minutes} min",
    )
    return Panel(Group(header, Text(""), Text(question.prompt)), title=question.id, expand=True)


# Terminal control codes and bidi overrides in a user's text would recolour or reorder
# what the terminal shows; each is shown as one replacement character (offsets hold).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """User text made safe to print: control characters become U+FFFD."""
    return _CONTROL.sub("\ufffd", text)


def highlighted_answer(answer: str, assessment: Assessment) -> Text:
    """The answer with evidence in green and red-flag sentences in red."""
    text = Text(shown(answer))
    for point in assessment.key_points:
        if point.evidence:
            text.stylize("green", point.evidence.start, point.evidence.end)
    for hit in assessment.red_flags:
        text.stylize("bold red", hit.start, hit.end)
    return text


def assessment_view(
    assessment: Assessment,
    answer: str,
    seconds: int | None = None,
    budget_minutes: int | None = None,
) -> Group:
    parts: list = []
    title = Text.assemble(
        "Verdict: ",
        verdict_label(assessment.verdict),
        f"   score {assessment.score:.1f} / 5",
        f"   key points {sum(k.covered for k in assessment.key_points)}"
        f"/{len(assessment.key_points)}",
    )
    thin = sum(k.thin for k in assessment.key_points)
    if thin:
        title.append(f" ({thin} only in passing)")
    if seconds is not None and budget_minutes:
        over = seconds - budget_minutes * 60
        timing = f"   time {seconds // 60}m{seconds % 60:02d}s of {budget_minutes}m"
        title.append(timing + (" (over budget)" if over > 0 else ""))
    parts.append(Panel(title, expand=True))
    for note in assessment.notes:
        parts.append(Text(f"note: {note}", style="dim"))

    competencies = Table(title="Competencies (1-4)", expand=True)
    competencies.add_column("competency")
    competencies.add_column("score", justify="right")
    competencies.add_column("basis", overflow="fold")
    for c in assessment.competencies:
        competencies.add_row(c.name, "●" * c.score + "○" * (4 - c.score), c.basis)
    parts.append(competencies)

    if answer.strip():
        parts.append(
            Panel(
                highlighted_answer(answer, assessment),
                title="Your answer (green: evidence, red: red flag)",
            )
        )
    if assessment.strengths:
        parts.append(Text("What landed", style="bold green"))
        parts += [Text(f"  + {shown(line)}") for line in assessment.strengths]
    if assessment.feedback:
        parts.append(Text("What to fix", style="bold yellow"))
        for line in assessment.feedback:
            style = "red" if line.startswith("Red flag") else ""
            parts.append(Text(f"  - {shown(line)}", style=style))
    parts.append(Panel(Text(shown(assessment.next_step)), title="Next step"))
    if assessment.rewrite:
        rewrite = assessment.rewrite
        parts.append(
            Panel(
                Group(
                    Text.assemble(("You said:  ", "dim"), shown(rewrite.before)),
                    Text.assemble(("Stronger:  ", "bold green"), shown(rewrite.after)),
                    Text(rewrite.why, style="dim"),
                ),
                title="Rewrite one sentence",
            )
        )
    if assessment.follow_up:
        parts.append(Panel(Text(assessment.follow_up.prompt), title="Interviewer follow-up"))
    return Group(*parts)


def reference_view(result: ReferenceAssessment) -> Group:
    """A reference-mode result: score, verdict, and each of the reference's points."""
    covered = sum(p.covered for p in result.key_points)
    parts: list = [
        Panel(
            Text.assemble(
                "Verdict: ",
                verdict_label(result.verdict),
                f"   score {result.score:.1f} / 5",
                f"   points of the model answer {covered}/{len(result.key_points)}",
            ),
            expand=True,
        )
    ]
    if not result.semantic:
        parts.append(Text("note: no sentence model; matched on wording alone.", style="dim"))
    parts += [Text(f"note: {note}", style="dim") for note in result.notes]
    for hit in result.integrity:
        parts.append(Text(f'Red flag (score capped): "{shown(hit.quote)}" {hit.why}', style="red"))
    for point in result.key_points:
        if point.covered:
            parts.append(Text(f"  + {shown(point.text)}", style="green"))
            parts.append(Text(f'      you said: "{shown(point.evidence)}"', style="dim"))
        else:
            parts.append(Text(f"  - missing: {shown(point.text)}", style="yellow"))
    missing = [p.text for p in result.key_points if not p.covered]
    if missing:
        parts.append(
            Panel(Text(f"Add a sentence that says: {shown(missing[0])}."), title="Next step")
        )
    return Group(*parts)


def print_problems(console: Console, problems: list) -> None:
    for problem in problems:
        console.print(Text(str(problem), style="red"))


def matrix(title: str, rows: dict[str, dict[str, int]]) -> Table:
    """A count table; empty cells are shown as a red 0 so gaps stand out."""
    columns = list(next(iter(rows.values()), {}))
    table = Table(title=title, title_justify="left")
    table.add_column("", no_wrap=True)
    for column in columns:
        table.add_column(column, justify="right")
    for name, cells in rows.items():
        table.add_row(name, *(str(n) if n else "[red]0[/red]" for n in cells.values()))
    return table


def counts(title: str, values: dict[str, int]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("")
    table.add_column("n", justify="right")
    for name, n in values.items():
        table.add_row(name, str(n) if n else "[red]0[/red]")
    return table
