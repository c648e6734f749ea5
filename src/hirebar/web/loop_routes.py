"""The mock-loop flow in the browser: start, answer round by round, read the debrief."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from hirebar import store
from hirebar.grading.committee import CommitteeDecision
from hirebar.practice import loop_report
from hirebar.practice.errors import UngradedRound, UnknownCompany
from hirebar.practice.mock_loop import MockLoops, Step, UnknownLoop, draft_key
from hirebar.web.params import (
    EMPTY_ANSWER,
    MAX_ANSWER_CHARS,
    TOO_LONG,
    FormSeconds,
    LoopAnswerBody,
    LoopStartBody,
    RowId,
)

MEDIA = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
}


def loops_context(loops: MockLoops) -> dict:
    library = loops.svc.library
    return {
        "companies": [{"id": c.id, "name": c.name} for c in library.companies.values()],
        # the company set on Home is the one the picker offers first
        "target": loops.svc.profile().get("company"),
        "loops": [
            {
                "id": row.id,
                "company": library.companies[row.company_id].name
                if row.company_id in library.companies
                else row.company_id,
                "rounds": len(row.plan),
                "answered": sum(1 for e in row.plan if e["attempt_id"]),
                "finished": row.finished_at is not None,
                "created_at": store.utc_iso(row.created_at),
            }
            for row in loops.loops()
        ],
    }


def step_of(loops: MockLoops, loop_id: int) -> Step:
    """What the loop needs next, or a 404 that names the loop."""
    try:
        return loops.next_step(loop_id)
    except UnknownLoop as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None


def loop_context(loops: MockLoops, loop_id: int) -> dict:
    step = step_of(loops, loop_id)
    plan = loops.plan(loop_id)
    context: dict = {
        "id": loop_id,
        "rounds": [
            {"title": e["title"], "weight": e["weight"], "done": bool(e["attempt_id"])}
            for e in plan
        ],
        "step": {
            "kind": step.kind,
            "round": step.round_index,
            "title": step.round_title,
            "minutes": step.minutes,
            "probe": step.probe,
            "question_id": step.question.id if step.question else None,
            "prompt": step.question.prompt if step.question else None,
            # an answer or a follow-up reply typed in this round and autosaved, restored
            # after a reload
            "draft": loops.draft(step),
            "draft_key": draft_key(loop_id, step.kind),
        },
        "debrief": None,
    }
    if step.kind == "done":
        context["debrief"] = loop_report.context(decision_of(loops, loop_id), loops.svc.library)
    return context


def decision_of(loops: MockLoops, loop_id: int) -> CommitteeDecision:
    """The committee's decision, or a 503 that says which answer could not be graded yet
    (they are all stored)."""
    try:
        return loops.decision(loop_id)
    except UngradedRound as exc:
        raise HTTPException(status_code=503, detail=str(exc)) from None


def add_routes(
    html: APIRouter,
    api: APIRouter,
    page: Callable[[Request, str, dict], HTMLResponse],
    loops: MockLoops,
    guarded: list,
) -> None:
    @html.get("/loops", response_class=HTMLResponse)
    def loops_page(request: Request) -> HTMLResponse:
        return page(request, "loops.html", loops_context(loops))

    @api.get("/loops")
    def loops_json() -> dict:
        return loops_context(loops)

    def start(company: str) -> int:
        try:
            return loops.start(company)
        except UnknownCompany as exc:
            raise HTTPException(status_code=422, detail=exc.what) from None

    @html.post("/loops", dependencies=guarded)
    def start_page(company: str = Form(...)) -> Response:
        return RedirectResponse(f"/loops/{start(company)}", status_code=303)

    @api.post("/loops", dependencies=guarded)
    def start_json(body: LoopStartBody) -> dict:
        return loop_context(loops, start(body.company))

    @html.get("/loops/{loop_id}", response_class=HTMLResponse)
    def loop_page(request: Request, loop_id: RowId) -> HTMLResponse:
        return page(request, "loop.html", loop_context(loops, loop_id))

    @api.get("/loops/{loop_id}")
    def loop_json(loop_id: RowId) -> dict:
        return loop_context(loops, loop_id)

    def answer(loop_id: int, text: str, seconds: int | None) -> None:
        if len(text) > MAX_ANSWER_CHARS:
            raise HTTPException(status_code=413, detail="answer longer than 200,000 characters")
        step = step_of(loops, loop_id)
        if step.kind == "done" or step.question is None:
            raise HTTPException(status_code=409, detail="this loop is finished")
        loops.answer(loop_id, text, seconds)

    @html.post("/loops/{loop_id}/answer", dependencies=guarded)
    def answer_page(
        request: Request,
        loop_id: RowId,
        answer_text: str = Form("", alias="answer"),
        seconds: FormSeconds = None,
    ) -> Response:
        if not answer_text.strip():  # a stray click must not spend the round
            context = {**loop_context(loops, loop_id), "error": EMPTY_ANSWER}
            return page(request, "loop.html", context, status=422)
        if len(answer_text) > MAX_ANSWER_CHARS:  # the page again, the whole text in the box
            context = loop_context(loops, loop_id)
            context["step"]["draft"] = answer_text
            return page(request, "loop.html", {**context, "error": TOO_LONG}, status=413)
        answer(loop_id, answer_text, seconds)
        return RedirectResponse(f"/loops/{loop_id}", status_code=303)

    @api.post("/loops/{loop_id}/answer", dependencies=guarded)
    def answer_json(loop_id: RowId, body: LoopAnswerBody) -> dict:
        if not body.answer.strip():
            step_of(loops, loop_id)
            raise HTTPException(status_code=422, detail=EMPTY_ANSWER)
        answer(loop_id, body.answer, body.seconds)
        return loop_context(loops, loop_id)

    @html.post("/loops/{loop_id}/skip", dependencies=guarded)
    def skip_page(loop_id: RowId) -> Response:
        step_of(loops, loop_id)
        loops.skip_probe(loop_id)
        return RedirectResponse(f"/loops/{loop_id}", status_code=303)

    @html.get("/loops/{loop_id}/report.{ext}")
    def report(loop_id: RowId, ext: str) -> Response:
        if ext not in MEDIA:
            raise HTTPException(status_code=404, detail="reports come as .md, .html or .pdf")
        if step_of(loops, loop_id).kind != "done":
            raise HTTPException(status_code=409, detail="the loop is not finished yet")
        fmt = loop_report.FORMATS["." + ext]
        body = loop_report.render(decision_of(loops, loop_id), loops.svc.library, fmt)
        name = f"hirebar-loop-{loop_id}.{ext}"
        return Response(
            body,
            media_type=MEDIA[ext],
            headers={"content-disposition": f'attachment; filename="{name}"'},
        )
