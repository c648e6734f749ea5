"""``hirebar target``, ``plan`` and ``status``: the goal, the study plan and readiness."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from hirebar.cli.common import JsonFlag, console, emit_json, fail, service
from hirebar.planning.plan import PlanError, check_interview, read_date
from hirebar.practice.errors import UnknownCompany

if TYPE_CHECKING:
    from hirebar.practice.coach import Coach
    from hirebar.practice.service import PracticeService


def _coach(svc: PracticeService) -> Coach:
    from hirebar.practice.coach import Coach  # loads the database layer: not for --help

    return Coach(svc)


def _date(value: str | None, what: str) -> date | None:
    if value is None:
        return None
    try:
        return read_date(value, what)
    except PlanError as exc:
        fail(str(exc))


def target(
    company: Annotated[str | None, typer.Argument(help="Company id, e.g. google.")] = None,
    interview: Annotated[
        str | None, typer.Option("--date", help="Interview date, YYYY-MM-DD.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Show your target company and interview date, or set them (the web app's Home too)."""
    svc = service()
    if company is not None and company not in svc.library.companies:
        fail(f"unknown company '{company}'; `hirebar companies` lists them")
    if interview is not None:
        when = _date(interview, "--date")
        assert when is not None
        try:
            check_interview(when, date.today())
        except PlanError as exc:
            fail(str(exc))
    changes = {"company": company, "interview_date": interview}
    svc.set_profile(**{k: v for k, v in changes.items() if v is not None})
    profile = svc.profile()
    if as_json:
        emit_json({k: profile.get(k) for k in changes})
        return
    if not profile.get("company"):
        console().print("No target yet: `hirebar target COMPANY --date YYYY-MM-DD`.")
        return
    name = svc.library.companies[profile["company"]].name
    when = profile.get("interview_date")
    console().print(f"Target: {name}" + (f", interview on {when}" if when else ", no date yet"))


def plan(
    company: Annotated[str | None, typer.Option(help="Company id; default: your target.")] = None,
    interview: Annotated[
        str | None,
        typer.Option(
            "--date", help="Interview date, YYYY-MM-DD; default: your target's, else in 30 days."
        ),
    ] = None,
    hours_per_day: Annotated[
        float | None,
        typer.Option(
            help="Hours a day you can give; default: the hours saved with the plan, else 1.5.",
            min=0.25,
            max=12,
        ),
    ] = None,
    today: Annotated[str | None, typer.Option(help="Plan as if today were this date.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """A day-by-day plan to the interview, rebuilt from your latest results."""
    svc = service()
    profile = svc.profile()
    company = company or profile.get("company")
    if not company:
        fail("name a --company, or set your target with `hirebar target COMPANY --date DATE`")
    when = _date(interview, "--date") or _date(profile.get("interview_date") or None, "date")
    coach = _coach(svc)
    try:
        days = coach.plan(
            company,
            today=_date(today, "--today") or date.today(),
            interview=when,
            hours_per_day=coach.saved_hours() if hours_per_day is None else hours_per_day,
        )
    except (UnknownCompany, PlanError) as exc:
        fail(str(exc))
    if as_json:
        emit_json([d.to_dict() for d in days])
        return
    table = Table(
        title=f"Plan for {company}: {len(days)} day{'' if len(days) == 1 else 's'}",
        title_justify="left",
    )
    table.add_column("date", no_wrap=True)
    table.add_column("min (of budget)", justify="right")
    table.add_column("tasks")
    for d in days:
        table.add_row(
            d.date.isoformat(),
            f"{d.planned}/{d.minutes}",
            # the id beside each task is what `hirebar practice -q`, `lesson` or `drill` take
            "\n".join(
                f"{t.kind}{f' {t.ref}' if t.ref else ''}: {t.title} ({t.minutes} min)"
                for t in d.tasks
            ),
        )
    console().print(table)


def status(as_json: JsonFlag = False) -> None:
    """Readiness for every company's loop, how sure the estimate is, and its rounds covered.

    A round is covered when any answer or drill of yours is behind it."""
    svc = service()
    coach = _coach(svc)
    rows = []
    for company in svc.library.companies.values():
        state = coach.readiness(company.id)
        rows.append(
            {
                "company": company.id,
                "name": company.name,
                "readiness": round(state.overall, 3),
                "low": round(state.low, 3),
                "high": round(state.high, 3),
                # a drill that trains two rounds counts in each
                "evidence": sum(r.evidence for r in state.rounds),
                "rounds_with_evidence": sum(1 for r in state.rounds if r.evidence),
                "rounds": len(state.rounds),
                # an id, as "company" is, and its title beside it, as "name" is
                "weakest_round": state.weakest.kind.value,
                "weakest_round_title": state.weakest.title,
            }
        )
    if as_json:
        emit_json(rows)
        return
    table = Table(title="Readiness per company (95% interval)", title_justify="left")
    for column in ("company", "readiness", "interval", "rounds with evidence", "work on"):
        table.add_column(column)
    for r in rows:
        table.add_row(
            r["name"],
            f"{r['readiness']:.0%}",
            f"{r['low']:.0%}–{r['high']:.0%}",
            f"{r['rounds_with_evidence']} of {r['rounds']}",
            r["weakest_round_title"],
        )
    console().print(table)
