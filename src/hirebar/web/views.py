"""Context builders: each page's data as one JSON-ready dict.

The HTML template and the JSON twin under /api/v1 render the same dict, so the
two can never disagree (the datasette habit: compute, then render).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from hirebar import store
from hirebar.content import (
    ANSWER_MINUTES,
    COMPETENCY_NAMES,
    Competency,
    Difficulty,
    Question,
    RoundKind,
    percent,
)
from hirebar.drills import KINDS
from hirebar.grading import MiniLM
from hirebar.grading.embedding import INT8_MODEL_FILE
from hirebar.grading.reference import reference_problem
from hirebar.planning.plan import DEFAULT_DAYS, MAX_DAYS, check_interview
from hirebar.practice.coach import Coach
from hirebar.practice.drilling import Drilling, taken_actions
from hirebar.practice.readiness import next_question
from hirebar.practice.service import PracticeService, own_answer_record, own_draft_prefix
from hirebar.web.charts import Series, trend
from hirebar.web.params import MAX_ANSWER_CHARS

HISTORY_ROWS = 100  # the newest; the export has them all
# The values each history filter can take.
HISTORY_CHOICES = {
    "round": [k.value for k in RoundKind],
    "verdict": ["strong_hire", "lean_hire", "lean_no_hire", "strong_no_hire"],
}


def drill_history(drilling: Drilling) -> dict:
    """Accuracy per drill kind, the newest drill answers and incident runs."""
    accuracy = drilling.accuracy()
    return {
        "accuracy": [
            {"kind": kind, "title": KINDS[kind][0], "correct": right, "attempted": tried}
            for kind, (right, tried) in sorted(accuracy.items())
            if kind in KINDS
        ],
        "results": [
            {
                "kind": r.kind,
                "title": KINDS[r.kind][0] if r.kind in KINDS else r.kind,
                "seed": r.seed,
                "reply": r.reply,
                "correct": r.correct,
                "created_at": store.utc_iso(r.created_at),
            }
            for r in drilling.results(limit=20)
        ],
        "runs": [run_summary(r, drilling) for r in drilling.runs(limit=20)],
    }


def run_summary(run, drilling: Drilling) -> dict:  # type: ignore[no-untyped-def]
    incident = drilling.svc.library.incidents.get(run.incident_id)
    return {
        "id": run.id,
        "incident_id": run.incident_id,
        "title": incident.title if incident else run.incident_id,
        "steps": len(taken_actions(run)),
        "score": run.score,
        "created_at": store.utc_iso(run.created_at),
    }


def _opening(prompt: str, limit: int = 90) -> str:
    """A prompt's first words, cut at a word and marked when cut."""
    if len(prompt) <= limit:
        return prompt
    return prompt[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def question_summary(question) -> dict:  # type: ignore[no-untyped-def]
    return {
        "id": question.id,
        "round": question.round.value,
        "difficulty": question.difficulty.value,
        "companies": question.companies,
        "competencies": [c.value for c in question.competencies],
        "prompt": question.prompt,
        "minutes": ANSWER_MINUTES[question.round],
    }


def home(svc: PracticeService) -> dict:
    profile = svc.profile()
    library = svc.library
    company_id = profile.get("company")
    context: dict = {
        "companies": [{"id": c.id, "name": c.name} for c in library.companies.values()],
        "target": None,
        "interview_date": profile.get("interview_date"),
        # the dates a plan can be built for (today's interview gets a warm-up), as the date
        # picker's bounds
        "date_min": date.today().isoformat(),
        "date_max": (date.today() + timedelta(days=MAX_DAYS)).isoformat(),
        "days_left": None,
        "default_days": DEFAULT_DAYS,  # what a plan assumes with no date saved
        "today": None,
    }
    if profile.get("interview_date"):
        try:
            left = (date.fromisoformat(profile["interview_date"]) - date.today()).days
            context["days_left"] = left
        except ValueError:
            context["interview_date"] = None
    if company_id in library.companies:
        company = library.companies[company_id]
        state = Coach(svc).readiness(company_id)
        context["target"] = company_readiness(state)
        planned = _first_question_today(svc, company_id, profile)
        if planned is not None:  # the plan's pick, so that Home and Plan agree
            question, why = planned
            context["today"] = {
                "round": question.round.value,
                "why": f"First on today's plan. {why}.",
                "question": question_summary(question),
            }
            return context
        tried = {q for q, _, _ in svc.latest_scores()}
        question = next_question(company, library, state, tried)
        context["today"] = {
            "round": state.weakest.kind.value,
            "why": f"{state.weakest.title} counts {percent(state.weakest.weight)} of the loop "
            f"and is at {state.weakest.readiness:.0%}.",
            "question": question_summary(question) if question else None,
        }
    return context


def _first_question_today(
    svc: PracticeService, company_id: str, profile: dict
) -> tuple[Question, str] | None:
    """The first question on today's plan and why it is there, if today has one."""
    interview, _ = planned_interview(profile)
    coach = Coach(svc)
    today = coach.plan(
        company_id, today=date.today(), interview=interview, hours_per_day=coach.saved_hours()
    )
    task = next((t for t in today[0].tasks if t.kind == "question"), None) if today else None
    return None if task is None else (svc.library.questions[task.ref], task.why)


def planned_interview(profile: dict) -> tuple[date | None, str | None]:
    """The saved interview date if a plan can run to it, else None and (for a saved date
    that cannot be used) why."""
    try:
        interview = date.fromisoformat(profile.get("interview_date") or "")
        check_interview(interview, date.today())
        return interview, None
    except ValueError as exc:  # no date, or one saved that has passed or is too far
        return None, str(exc) if profile.get("interview_date") else None


def company_readiness(state) -> dict:  # type: ignore[no-untyped-def]
    company = state.company
    return {
        "id": company.id,
        "name": company.name,
        "summary": company.summary,
        "overall": round(state.overall, 3),
        "low": round(state.low, 3),
        "high": round(state.high, 3),
        "rounds": [
            {
                "kind": r.kind.value,
                "title": r.title,
                "weight": r.weight,
                "minutes": r.minutes,
                "readiness": round(r.readiness, 3),
                "answered": r.answered,
            }
            for r in state.rounds
        ],
    }


def filter_choices(svc: PracticeService) -> dict[str, list[str]]:
    """The values each library filter can take."""
    return {
        "round": [k.value for k in RoundKind],
        "company": sorted(svc.library.companies),
        "competency": [c.value for c in Competency],
        "difficulty": [d.value for d in Difficulty],
    }


def library_page(svc: PracticeService, filters: dict[str, str | None]) -> dict:
    """The questions that pass the filters; the caller has checked their values."""

    def pick(enum, value):  # type: ignore[no-untyped-def]
        return enum(value) if value else None

    found = svc.library.find(
        round=pick(RoundKind, filters.get("round")),
        company=filters.get("company") or None,
        competency=pick(Competency, filters.get("competency")),
        difficulty=pick(Difficulty, filters.get("difficulty")),
        text=filters.get("q") or None,
    )
    return {
        "filters": {k: v or "" for k, v in filters.items()},
        "choices": filter_choices(svc),
        "company_names": {c.id: c.name for c in svc.library.companies.values()},
        "count": len(found),
        "questions": [question_summary(q) for q in found],
    }


def practice(svc: PracticeService, question_id: str) -> dict:
    question = svc.question(question_id)
    return {
        "question": question_summary(question),
        "draft": svc.draft(question_id),
        "seconds": ANSWER_MINUTES[question.round] * 60,
    }


def missing_own_fields(question: str, reference: str, answer: str) -> str | None:
    """What a question of the user's own, or the answer to it, still lacks before it can be
    graded, or what is too long to take, if anything."""
    fields = (("question", question), ("model answer", reference), ("answer", answer))
    missing = [name for name, text in fields if not text.strip()]
    if missing:
        names = (
            ", the ".join(missing[:-1]) + (" and the " if len(missing) > 1 else "") + missing[-1]
        )
        return f"Add the {names}."
    long = [
        f"the {name} has {len(text):,}" for name, text in fields if len(text) > MAX_ANSWER_CHARS
    ]
    if long:
        return f"A box takes at most {MAX_ANSWER_CHARS:,} characters: {'; '.join(long)}."
    problem = reference_problem(reference)
    return f"{problem[0].upper()}{problem[1:]}." if problem else None


def own_question(
    svc: PracticeService,
    question: str = "",
    reference: str = "",
    answer: str = "",
    *,
    shown: store.OwnAnswerRow | None = None,
    error: str | None = None,
    class_error: str | None = None,
) -> dict:
    """The form for a question of the user's own, a stored answer's grade when one is
    shown, the answers graded before, and the form that grades a class's file.

    What the user typed always comes back in the boxes, so nothing is lost to a
    missing field or a failed grading.
    """
    if error is None and shown is not None and shown.status == store.AttemptStatus.failed:
        error = (
            f"Grading failed ({shown.error}). Your answer is saved; grade it again below "
            "(as a new answer)."
        )
    return {
        "question": question,
        "reference": reference,
        "answer": answer,
        # where the boxes keep their drafts: this page's own slots
        "draft_prefix": own_draft_prefix(shown.id if shown is not None else None),
        "error": error,
        "class_error": class_error,
        "result": shown.payload if shown is not None else None,
        "shown": own_answer_record(shown) if shown is not None else None,
        "earlier": [own_answer_record(row) for row in svc.own_answers(limit=20)],
    }


def assessment(svc: PracticeService, attempt_id: int) -> dict | None:
    attempt = svc.attempt(attempt_id)
    if attempt is None:
        return None
    question = svc.question(attempt.question_id)
    latest = attempt.latest.payload if attempt.latest else None
    return {
        "attempt": {
            "id": attempt.id,
            "answer": attempt.answer,
            "seconds": attempt.seconds,
            "mode": attempt.mode,
            "probe": attempt.probe,
            "status": attempt.status,
            "error": attempt.error,
            "created_at": store.utc_iso(attempt.created_at),
        },
        "question": question_summary(question),
        "assessment": latest,
        "segments": highlight(attempt.answer, latest) if latest else [],
        "probe_draft": svc.text_drafts(f"probe:{attempt_id}:").get("reply", ""),
        "replies": follow_up_replies(svc, attempt) if attempt.mode == "practice" else [],
    }


def follow_up_replies(svc: PracticeService, attempt: store.AttemptRow) -> list[dict]:
    """The replies to this answer's follow-up: the follow-up attempts on its question
    stored after it, up to the next answer to that question."""
    later = sorted(
        (s for s in svc.summaries(limit=1000) if s.question_id == attempt.question_id),
        key=lambda s: s.id,
    )
    replies = []
    for summary in (s for s in later if s.id > attempt.id):
        if summary.mode != "follow_up":
            break
        replies.append({"id": summary.id, "verdict": summary.verdict, "score": summary.score})
    return replies


def highlight(answer: str, payload: dict) -> list[dict]:
    """The answer cut into plain, evidence and red-flag pieces, for marking up safely."""
    marks: list[tuple[int, int, str]] = []
    for point in payload.get("key_points", []):
        if point.get("evidence"):
            marks.append((point["evidence"]["start"], point["evidence"]["end"], "evidence"))
    for hit in payload.get("red_flags", []):
        marks.append((hit["start"], hit["end"], "flag"))
    kind_at = [""] * len(answer)
    for start, end, kind in sorted(marks, key=lambda m: m[2] == "flag"):
        for i in range(max(0, start), min(len(answer), end)):
            kind_at[i] = kind
    segments: list[dict] = []
    for i, char in enumerate(answer):
        if segments and segments[-1]["kind"] == kind_at[i]:
            segments[-1]["text"] += char
        else:
            segments.append({"kind": kind_at[i], "text": char})
    return segments


def history(svc: PracticeService, round_filter: str | None, verdict: str | None) -> dict:
    library = svc.library
    rows = []
    per_competency: dict[str, list[float]] = defaultdict(list)
    for a in reversed(svc.summaries(HISTORY_ROWS)):  # oldest first for the trend lines
        question = library.questions.get(a.question_id)
        if round_filter and (question is None or question.round.value != round_filter):
            continue
        if verdict and a.verdict != verdict:
            continue
        # whole answers, in practice or a mock loop, as readiness counts them (a follow-up
        # reply is graded on the probe's targets only)
        if a.competencies and a.mode in store.WHOLE_ANSWER_MODES:
            for competency, score in a.competencies.items():
                per_competency[competency].append(score)
        rows.append(
            {
                "id": a.id,
                "question_id": a.question_id,
                # what the reader knows the question by: its opening words, not its id
                "label": _opening(question.prompt) if question else a.question_id,
                "round": question.round.value if question else None,
                "created_at": store.utc_iso(a.created_at),
                "mode": a.mode,
                "status": a.status,
                "verdict": a.verdict,
                "score": a.score,
            }
        )
    rows.reverse()
    trends = [
        {
            "competency": key,
            "name": COMPETENCY_NAMES[Competency(key)],
            "values": values,
            "svg": trend(Series(COMPETENCY_NAMES[Competency(key)], values)),
        }
        for key, values in sorted(per_competency.items())
    ]
    drilling = Drilling(svc)
    return {
        "drills": drill_history(drilling),
        "filters": {"round": round_filter or "", "verdict": verdict or ""},
        "choices": HISTORY_CHOICES,
        "attempts": rows,
        "trends": trends,
    }


def company(svc: PracticeService, company_id: str) -> dict | None:
    found = svc.library.companies.get(company_id)
    if found is None:
        return None
    state = Coach(svc).readiness(company_id)
    return {
        **company_readiness(state),
        "stresses": [f.model_dump() for f in found.stresses],
        "competencies": [COMPETENCY_NAMES[c] for c in found.competencies],
        "questions": len(svc.library.find(company=company_id)),
    }


def settings_page(svc: PracticeService) -> dict:
    settings = svc.settings
    return {
        "data_dir": str(settings.data_dir),
        "database": settings.resolved_database_url.split("@")[-1],
        "model_dir": str(settings.resolved_model_dir),
        "model": model_status(svc),
        "attempts": svc.count_attempts(),
    }


def model_status(svc: PracticeService) -> str:
    """Which model file grades answers, so a slow or wording-only grader is explained."""
    embedder, why = svc.embedder()
    if not isinstance(embedder, MiniLM):
        return f"none ({why}): answers are graded on wording alone"
    if embedder.model_path.name == INT8_MODEL_FILE:
        return f"{embedder.model_path} (the int8 copy written by hirebar setup)"
    return f"{embedder.model_path} (the packaged model; `hirebar setup` writes a faster int8 copy)"


def course_page(svc: PracticeService) -> dict:
    return {
        "lessons": len(svc.library.lessons),
        "modules": [
            {
                **module.model_dump(mode="json"),
                "minutes": sum(x.minutes for x in lessons),
                "lessons": [
                    {"id": x.id, "title": x.title, "minutes": x.minutes, "cards": len(x.cards)}
                    for x in lessons
                ],
            }
            for module, lessons in svc.library.course
        ],
    }


def lesson_page(svc: PracticeService, lesson_id: str) -> dict | None:
    """A lesson with its body as safe HTML, its neighbours, and live practice links."""
    content = svc.library
    lesson = content.lessons.get(lesson_id)
    if lesson is None:
        return None
    ordered = [x for _, lessons in content.course for x in lessons]
    at = ordered.index(lesson) if lesson in ordered else -1
    neighbours = {
        "previous": ordered[at - 1].id if at > 0 else None,
        "next": ordered[at + 1].id if 0 <= at < len(ordered) - 1 else None,
    }
    module = content.modules.get(lesson.module)
    return {
        **lesson.model_dump(mode="json", exclude={"body"}),
        "module_title": module.title if module else lesson.module,
        "html": render_markdown(lesson.body),
        "practice": [
            question_summary(content.questions[q])
            for q in lesson.practice
            if q in content.questions
        ],
        "drill_links": [{"kind": d, "title": KINDS[d][0]} for d in lesson.drills if d in KINDS],
        "incident_links": [
            {"id": d, "title": content.incidents[d].title}
            for d in lesson.drills
            if d in content.incidents
        ],
        **neighbours,
    }


def render_markdown(text: str) -> str:
    """CommonMark with raw HTML turned off: a pack's lesson cannot inject markup or script."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").render(text)


def plan_page(svc: PracticeService, company_id: str | None, hours: float) -> dict:
    """The plan for the target company, rebuilt from the latest results on every visit."""
    profile = svc.profile()
    company_id = company_id or profile.get("company")
    if company_id not in svc.library.companies:
        return {"company": None, "days": [], "hours": hours}
    interview, unusable = planned_interview(profile)
    days = Coach(svc).plan(company_id, today=date.today(), interview=interview, hours_per_day=hours)
    return {
        "company": {"id": company_id, "name": svc.library.companies[company_id].name},
        "hours": hours,
        "interview_date": interview.isoformat() if interview else None,
        "interview_today": interview == date.today(),
        "date_problem": unusable,
        "days": [d.to_dict() for d in days],
    }


def validation_problem(error: dict) -> str:
    """One bad request parameter in words: where it was, what is wrong, what was sent."""
    place = {"path": "the address", "query": "the address", "body": "the form"}
    where = place.get(str(error["loc"][0]), str(error["loc"][0]))
    name = ".".join(str(part) for part in error["loc"][1:]) or "a value"
    sent = error.get("input")
    if error.get("type") == "string_too_long" and isinstance(sent, str):  # a box, not a value
        limit = error.get("ctx", {}).get("max_length", 0)
        return f"The {name} box takes at most {limit:,} characters: this text has {len(sent):,}."
    shown = f" (got {str(sent)[:40]!r})" if isinstance(sent, str | int | float) else ""
    return f"{name} in {where}: {error['msg'][0].lower()}{error['msg'][1:]}{shown}"
