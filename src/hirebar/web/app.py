"""The web app: ``create_app(settings)`` returns the ASGI app; routes stay thin."""

from __future__ import annotations

import asyncio
import json
import math
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from hirebar import __version__, store
from hirebar.content import percent
from hirebar.grading.feedback import line_kind
from hirebar.planning.plan import PlanError, check_interview, read_date
from hirebar.practice.coach import Coach
from hirebar.practice.drilling import Drilling
from hirebar.practice.errors import UnknownCompany, UnknownQuestion
from hirebar.practice.evaluation import GradedAnswer, GradedCsvError, grade, grade_uploaded_csv
from hirebar.practice.grading_worker import GradingWorker
from hirebar.practice.mock_loop import MockLoops
from hirebar.practice.prep import Prep
from hirebar.practice.service import PracticeService, own_answer_record
from hirebar.settings import Settings
from hirebar.store import AttemptStatus
from hirebar.web import drill_routes, loop_routes, prep_routes, views
from hirebar.web.params import (
    EMPTY_ANSWER,
    MAX_ANSWER_CHARS,
    TOO_LONG,
    AttemptBody,
    ClassBody,
    DeleteBody,
    FormSeconds,
    OwnAnswerBody,
    RowId,
    TargetBody,
)
from hirebar.web.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    SecurityHeaders,
    csrf_token,
    require_csrf,
)

WEB = Path(str(resources.files("hirebar.web")))
T = TypeVar("T")
# A class file uploaded to grade: thousands of short answers, well past any real class.
MAX_CLASS_FILE_BYTES = 5_000_000
# The style of each kind of feedback line on an assessment page.
FEEDBACK_CLASSES = {
    "red_flag": "bad red-flag",
    "missed": "missed",
    "in_passing": "thin",
    "other": "",
}


def found(value: T | None, detail: str) -> T:
    """The thing looked up, or a 404 that says what was not there."""
    if value is None:
        raise HTTPException(status_code=404, detail=detail)
    return value


def when(iso: str, day_only: bool = False) -> Markup:
    """A stored time (ISO, UTC) as ``<time>``: said in UTC here, and shown in the reader's
    own time zone by app.js, since a cohort's server may not share the reader's zone."""
    shown = iso[:10] if day_only else f"{iso[:16].replace('T', ' ')} UTC"
    day = " data-day" if day_only else ""
    return Markup(f'<time datetime="{escape(iso)}"{day}>{escape(shown)}</time>')


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    svc = PracticeService(settings)
    worker = GradingWorker(settings) if settings.grade_in_background else None

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if worker is not None:
            await asyncio.wait_for(asyncio.wrap_future(worker.start()), timeout=120)
            for attempt in svc.history(status=AttemptStatus.ungraded, limit=10_000):
                worker.grade(attempt.id)  # left over from a crash or a restart
        yield
        if worker is not None:
            worker.close()

    app = FastAPI(
        title="hirebar",
        version=__version__,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.service = svc
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    templates = Jinja2Templates(directory=WEB / "templates")
    templates.env.globals.update(version=__version__, csrf_field=CSRF_FIELD)
    templates.env.filters["label"] = lambda v: str(v).replace("_", " ")
    templates.env.filters["pct"] = lambda v: f"{float(v):.0%}"
    templates.env.filters["weight"] = percent
    templates.env.filters["when"] = when
    templates.env.filters["feedback_class"] = lambda line: FEEDBACK_CLASSES[line_kind(line)]

    def page(request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
        token = csrf_token(request)
        response = templates.TemplateResponse(
            request, name, {"ctx": context, "csrf": token}, status_code=status
        )
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
        return response

    html = APIRouter(include_in_schema=False)
    api = APIRouter(prefix="/api/v1")
    guarded = [Depends(require_csrf)]

    @html.get("/favicon.ico")
    def favicon() -> Response:  # browsers ask for it whatever the page links
        return RedirectResponse("/static/favicon.svg", status_code=301)

    @html.get("/", response_class=HTMLResponse)
    def home_page(request: Request) -> HTMLResponse:
        return page(request, "home.html", views.home(svc))

    @api.get("/home")
    def home_json() -> dict:
        return views.home(svc)

    def save_target(company: str, interview_date: str) -> None:
        """Check the target like a person would and store it; 422 says what is wrong."""
        if company not in svc.library.companies:
            raise HTTPException(status_code=422, detail=f"unknown company '{company}'")
        if interview_date:
            try:
                check_interview(read_date(interview_date), date.today())
            except PlanError as exc:
                raise HTTPException(status_code=422, detail=str(exc)) from None
        svc.set_profile(company=company, interview_date=interview_date)

    @html.post("/target", dependencies=guarded)
    def set_target(
        request: Request, company: str = Form(...), interview_date: str = Form("")
    ) -> Response:
        try:
            save_target(company, interview_date)
        except HTTPException as exc:  # the form again, as filled in, with what is wrong
            context = {
                **views.home(svc),
                "chosen": company,
                "interview_date": interview_date,
                "target_error": exc.detail,
            }
            return page(request, "home.html", context, status=exc.status_code)
        return RedirectResponse("/", status_code=303)

    @api.post("/target", dependencies=guarded)
    def set_target_json(body: TargetBody) -> dict:
        save_target(body.company, body.interview_date)
        return views.home(svc)

    def address_filters(
        request: Request, choices: dict[str, list[str]], free: tuple[str, ...] = ()
    ) -> dict[str, str | None]:
        """The filters in the address: each of ``choices`` must take one of its values (a
        value none can have is a 422 that names it); ``free`` ones take any text."""
        filters = {k: request.query_params.get(k) or None for k in (*choices, *free)}
        for key, allowed in choices.items():
            if filters[key] and filters[key] not in allowed:
                raise HTTPException(
                    status_code=422,
                    detail=f"{key} in the address must be one of {', '.join(allowed)}, "
                    f"not '{filters[key][:40]}'",
                )
        return filters

    def library_filters(request: Request) -> dict[str, str | None]:
        return address_filters(request, views.filter_choices(svc), free=("q",))

    @html.get("/library", response_class=HTMLResponse)
    def library_page(request: Request) -> HTMLResponse:
        context = views.library_page(svc, library_filters(request))
        # A filter change swaps the list; Back after HTMX's history cache is gone asks for
        # the whole page again.
        partial = bool(request.headers.get("hx-request")) and not request.headers.get(
            "hx-history-restore-request"
        )
        response = page(request, "_question_list.html" if partial else "library.html", context)
        # One address, two bodies: the browser must not show the list alone on Back.
        response.headers["Vary"] = "HX-Request"
        if partial:
            response.headers["Cache-Control"] = "no-store"
        return response

    @api.get("/library")
    def library_json(request: Request) -> dict:
        return views.library_page(svc, library_filters(request))

    def question_or_404(question_id: str) -> None:
        try:
            svc.question(question_id)
        except UnknownQuestion as exc:
            raise HTTPException(status_code=404, detail=exc.what) from None

    @html.get("/practice/{question_id}", response_class=HTMLResponse)
    def practice_page(request: Request, question_id: str) -> HTMLResponse:
        question_or_404(question_id)
        return page(request, "practice.html", views.practice(svc, question_id))

    @api.get("/practice/{question_id}")
    def practice_json(question_id: str) -> dict:
        question_or_404(question_id)
        return views.practice(svc, question_id)

    @html.post("/practice/{question_id}/draft", dependencies=guarded)
    def save_draft(question_id: str, answer: str = Form("")) -> HTMLResponse:
        question_or_404(question_id)
        svc.save_draft(question_id, answer[:MAX_ANSWER_CHARS])
        return HTMLResponse('<span class="saved">Draft saved</span>')

    @html.post("/drafts/{key}", dependencies=guarded)
    def save_text_draft(key: str, answer: str = Form("")) -> HTMLResponse:
        try:
            svc.save_text_draft(key, answer[:MAX_ANSWER_CHARS])
        except ValueError as exc:
            raise HTTPException(status_code=404, detail=str(exc)) from None
        return HTMLResponse('<span class="saved">Draft saved</span>')

    @html.post("/practice/{question_id}", dependencies=guarded)
    def submit(  # type: ignore[no-untyped-def]
        request: Request, question_id: str, answer: str = Form(""), seconds: FormSeconds = None
    ):
        question_or_404(question_id)
        if not answer.strip():  # a stray click: nothing to grade, and nothing to count
            context = {**views.practice(svc, question_id), "error": EMPTY_ANSWER}
            return page(request, "practice.html", context, status=422)
        if len(answer) > MAX_ANSWER_CHARS:  # the page again, the whole text in the box
            context = {**views.practice(svc, question_id), "draft": answer, "error": TOO_LONG}
            return page(request, "practice.html", context, status=413)
        svc.save_draft(question_id, answer)  # kept until the attempt is safely stored
        if worker is not None:
            attempt = svc.store_attempt(question_id, answer, seconds=seconds)
            worker.grade(attempt.id)
        else:
            attempt = svc.submit(question_id, answer, seconds=seconds).attempt
        return RedirectResponse(f"/attempts/{attempt.id}", status_code=303)

    @api.post("/attempts", dependencies=guarded)
    def submit_json(body: AttemptBody) -> JSONResponse:
        question_or_404(body.question_id)
        if not body.answer.strip():
            raise HTTPException(status_code=422, detail=EMPTY_ANSWER)
        outcome = svc.submit(body.question_id, body.answer, seconds=body.seconds)
        return JSONResponse(views.assessment(svc, outcome.attempt.id), status_code=201)

    @html.get("/own", response_class=HTMLResponse)
    def own_page(request: Request) -> HTMLResponse:
        return page(request, "own.html", views.own_question(svc, **svc.own_drafts()))

    @api.get("/own")
    def own_page_json() -> dict:
        return views.own_question(svc, **svc.own_drafts())

    def grade_own(
        request: Request, fields: dict[str, str], edited: store.OwnAnswerRow | None = None
    ) -> Response:
        """Store the boxes as a new answer, then grade it; ``edited`` is the stored answer
        whose page they were typed on, which stays as it was."""
        missing = views.missing_own_fields(**fields)
        if missing:  # the page again, with everything typed still in its box
            context = views.own_question(svc, **fields, shown=edited, error=missing)
            too_long = max(len(text) for text in fields.values()) > MAX_ANSWER_CHARS
            return page(request, "own.html", context, status=413 if too_long else 422)
        outcome = svc.submit_own(**fields)  # stored, then graded
        svc.discard_own_drafts(edited.id if edited else None)
        return RedirectResponse(f"/own/{outcome.answer.id}", status_code=303)

    @html.post("/own", dependencies=guarded)
    def own_grade(
        request: Request,
        question: str = Form(""),
        reference: str = Form(""),
        answer: str = Form(""),
    ) -> Response:
        fields = {"question": question, "reference": reference, "answer": answer}
        return grade_own(request, fields)

    @html.post("/own/class", dependencies=guarded)
    def own_class(request: Request, file: Annotated[UploadFile, File()]) -> Response:
        """A class's answers from a CSV file, graded together and sent back as a CSV."""
        name = Path(file.filename or "class.csv").name
        data = file.file.read(MAX_CLASS_FILE_BYTES + 1)

        def refused(error: str, status: int) -> HTMLResponse:
            context = views.own_question(svc, **svc.own_drafts(), class_error=error)
            return page(request, "own.html", context, status=status)

        if len(data) > MAX_CLASS_FILE_BYTES:
            too_large = f"{name}: larger than {MAX_CLASS_FILE_BYTES // 1_000_000} MB; split it, "
            return refused(too_large + "or grade it with hirebar grader batch", 413)
        try:
            text = grade_uploaded_csv(data, name, svc.embedder()[0])
        except GradedCsvError as exc:
            return refused(str(exc), 422)
        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).stem) or "class"
        return Response(
            text,
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="graded-{stem}.csv"'},
        )

    @api.post("/own/class", dependencies=guarded)
    def own_class_json(body: ClassBody) -> dict:
        """Each answer's grade with its class and alone, in the order sent; nothing stored."""
        rows = [
            GradedAnswer(line=n, score=None, **a.model_dump())
            for n, a in enumerate(body.answers, start=1)
        ]
        alone, together = grade(rows, svc.embedder()[0])
        return {
            "answers": [
                {**with_class.model_dump(mode="json"), "score_alone": one.score}
                for one, with_class in zip(alone, together, strict=True)
            ]
        }

    def own_or_404(answer_id: int) -> store.OwnAnswerRow:
        detail = f"no answer {answer_id} to a question of your own"
        return found(svc.own_answer(answer_id), detail)

    @html.get("/own/{answer_id}", response_class=HTMLResponse)
    def own_shown(request: Request, answer_id: RowId) -> HTMLResponse:
        """The stored answer with its grade; the boxes hold it, or this page's own drafts
        of an edit."""
        row = own_or_404(answer_id)
        stored = {"question": row.question, "reference": row.reference, "answer": row.answer}
        typed = {**stored, **svc.own_drafts(answer_id)}
        context = views.own_question(svc, **typed, shown=row)
        return page(request, "own.html", context)

    @html.post("/own/{answer_id}", dependencies=guarded)
    def own_regrade(
        request: Request,
        answer_id: RowId,
        question: str = Form(""),
        reference: str = Form(""),
        answer: str = Form(""),
    ) -> Response:
        """The edit made on a stored answer's page, graded as a new answer."""
        edited = own_or_404(answer_id)
        fields = {"question": question, "reference": reference, "answer": answer}
        return grade_own(request, fields, edited)

    @api.post("/own", dependencies=guarded)
    def own_grade_json(body: OwnAnswerBody) -> JSONResponse:
        missing = views.missing_own_fields(body.question, body.reference, body.answer)
        if missing:
            return JSONResponse({"detail": missing}, status_code=422)
        outcome = svc.submit_own(**body.model_dump())
        if outcome.assessment is None:
            detail = f"grading failed ({outcome.error}); the answer is saved"
            return JSONResponse({"detail": detail, "id": outcome.answer.id}, status_code=500)
        return JSONResponse(own_answer_record(outcome.answer), status_code=201)

    @api.get("/own/{answer_id}")
    def own_json(answer_id: RowId) -> dict:
        return own_answer_record(own_or_404(answer_id))

    def attempt_or_404(attempt_id: int) -> dict:
        return found(views.assessment(svc, attempt_id), f"no attempt {attempt_id}")

    @html.get("/attempts/{attempt_id}", response_class=HTMLResponse)
    def assessment_page(request: Request, attempt_id: RowId) -> HTMLResponse:
        return page(request, "assessment.html", attempt_or_404(attempt_id))

    @api.get("/attempts/{attempt_id}")
    def assessment_json(attempt_id: RowId) -> dict:
        return attempt_or_404(attempt_id)

    @html.post("/attempts/{attempt_id}/follow-up", dependencies=guarded)
    def answer_probe(request: Request, attempt_id: RowId, answer: str = Form("")) -> HTMLResponse:
        context = attempt_or_404(attempt_id)
        probe_data = (context["assessment"] or {}).get("follow_up") or {}
        question = svc.question(context["question"]["id"])
        probe = question.follow_up(probe_data.get("prompt"))
        if probe is None:
            raise HTTPException(status_code=409, detail="this attempt has no follow-up probe")
        if not answer.strip():  # shown in place (HTMX swaps only a 2xx answer)
            return HTMLResponse(f'<p class="alert" role="alert">{EMPTY_ANSWER}</p>')
        outcome = svc.submit(question.id, answer[:MAX_ANSWER_CHARS], probe=probe)
        svc.discard_text_drafts(f"probe:{attempt_id}:")
        return page(request, "_probe_result.html", attempt_or_404(outcome.attempt.id))

    def history_context(request: Request) -> dict:
        """History with the filters in the address, checked as the library's are."""
        filters = address_filters(request, views.HISTORY_CHOICES)
        return views.history(svc, filters["round"], filters["verdict"])

    @html.get("/history", response_class=HTMLResponse)
    def history_page(request: Request) -> HTMLResponse:
        return page(request, "history.html", history_context(request))

    @api.get("/history")
    def history_json(request: Request) -> dict:
        context = history_context(request)
        for item in context["trends"]:
            item.pop("svg")
        return context

    def company_or_404(company_id: str) -> dict:
        return found(views.company(svc, company_id), f"no company '{company_id}'")

    @html.get("/companies/{company_id}", response_class=HTMLResponse)
    def company_page(request: Request, company_id: str) -> HTMLResponse:
        return page(request, "company.html", company_or_404(company_id))

    @api.get("/companies/{company_id}")
    def company_json(company_id: str) -> dict:
        return company_or_404(company_id)

    def checked_hours(text: str) -> float:
        try:
            hours = float(text)
        except ValueError:
            raise HTTPException(status_code=422, detail="hours must be a number") from None
        if not 0.25 <= hours <= 12:
            raise HTTPException(status_code=422, detail="hours must be between 0.25 and 12")
        return hours

    def plan_context(request: Request) -> dict:
        """Hours from the address if given, else the ones saved with the plan form."""
        given = request.query_params.get("hours")
        hours = Coach(svc).saved_hours() if given is None else checked_hours(given)
        company = request.query_params.get("company")
        if company and company not in svc.library.companies:
            raise HTTPException(status_code=404, detail=UnknownCompany(company).what)
        return views.plan_page(svc, company, hours)

    @html.post("/plan/hours", dependencies=guarded)
    def set_hours(request: Request, hours: str = Form(...)) -> Response:
        try:
            svc.set_profile(hours_per_day=str(checked_hours(hours)))
        except HTTPException as exc:  # the plan again, with what was typed and what is wrong
            context = {**plan_context(request), "hours": hours, "hours_error": exc.detail}
            return page(request, "plan.html", context, status=exc.status_code)
        return RedirectResponse("/plan", status_code=303)

    @html.get("/plan", response_class=HTMLResponse)
    def plan_html(request: Request) -> HTMLResponse:
        return page(request, "plan.html", plan_context(request))

    @api.get("/plan")
    def plan_json(request: Request) -> dict:
        return plan_context(request)

    @html.get("/course", response_class=HTMLResponse)
    def course_page(request: Request) -> HTMLResponse:
        return page(request, "course.html", views.course_page(svc))

    @api.get("/course")
    def course_json() -> dict:
        return views.course_page(svc)

    def lesson_or_404(lesson_id: str) -> dict:
        return found(views.lesson_page(svc, lesson_id), f"no lesson '{lesson_id}'")

    @html.get("/course/{lesson_id}", response_class=HTMLResponse)
    def lesson_page(request: Request, lesson_id: str) -> HTMLResponse:
        return page(request, "lesson.html", lesson_or_404(lesson_id))

    @api.get("/course/{lesson_id}")
    def lesson_json(lesson_id: str) -> dict:
        return lesson_or_404(lesson_id)

    @html.get("/settings", response_class=HTMLResponse)
    def settings_html(request: Request) -> HTMLResponse:
        context = views.settings_page(svc)
        context["deleted"] = request.query_params.get("deleted") == "1"
        return page(request, "settings.html", context)

    @api.get("/settings")
    def settings_json() -> dict:
        return views.settings_page(svc)

    @api.get("/export")
    def export() -> Response:
        body = json.dumps(svc.export(), indent=2, ensure_ascii=False)
        return Response(
            body,
            media_type="application/json",
            headers={"content-disposition": 'attachment; filename="hirebar-export.json"'},
        )

    @html.post("/settings/delete", dependencies=guarded)
    def delete_all(request: Request, confirm: str = Form("")) -> Response:
        if confirm != "DELETE":  # the settings page again, saying what to type
            context = {
                **views.settings_page(svc),
                "delete_error": f"Nothing was deleted: type DELETE in capitals, not '{confirm}'.",
            }
            return page(request, "settings.html", context, status=422)
        svc.delete_everything()
        return RedirectResponse("/settings?deleted=1", status_code=303)

    @api.post("/settings/delete", dependencies=guarded)
    def delete_all_json(body: DeleteBody) -> dict:
        """The same as the form: ``{"confirm": "DELETE"}`` or nothing happens."""
        svc.delete_everything()
        return {"deleted": True}

    # Starlette's class, so that an unknown address gets the same page as a missing row.
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        detail = exc.detail
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"there is no page at {request.url.path}"
        if exc.status_code == 400 and str(detail).startswith("Field exceeded maximum size"):
            # Refused by the form reader before any route saw it: nothing was stored.
            detail = (
                "what you sent is over 1 MB, more than any form here takes, so nothing was "
                "stored; your browser's Back button returns to the page with your text: "
                f"shorten it (an answer holds at most {MAX_ANSWER_CHARS:,} characters) and send "
                "it again"
            )
        return page(
            request,
            "error.html",
            {"status": exc.status_code, "detail": detail},
            status=exc.status_code,
        )

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        """The API answers with pydantic's field paths; a page says the same in a sentence."""
        if request.url.path.startswith("/api/"):
            errors = _finite(jsonable_encoder(exc.errors()))  # 1e309 arrives as inf
            return JSONResponse(status_code=422, content={"detail": errors})
        detail = "; ".join(views.validation_problem(error) for error in exc.errors())
        return page(request, "error.html", {"status": 422, "detail": detail}, status=422)

    drill_routes.add_routes(html, api, page, Drilling(svc), guarded)
    loop_routes.add_routes(html, api, page, MockLoops(svc), guarded)
    prep_routes.add_routes(html, api, page, Prep(svc), guarded)
    app.include_router(html)
    app.include_router(api)
    return app


def _finite(value: object) -> object:
    """The value with every infinite or NaN number as text, which JSON can carry."""
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value
