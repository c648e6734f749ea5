"""Drill and incident pages, and their JSON twins; the same context feeds both."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import asdict

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from hirebar import store
from hirebar.content.incident import Incident
from hirebar.drills import KINDS, UnknownDrill, fmt, generate
from hirebar.drills.simulation import Statement, offered
from hirebar.practice.drilling import Drilling, taken_actions
from hirebar.practice.errors import UnknownIncident, UnknownRun, UnreadableReply
from hirebar.web.params import (
    MAX_REPLY_CHARS,
    MAX_STATEMENT_CHARS,
    DrillReplyBody,
    FormSeconds,
    IncidentStepBody,
    RowId,
    StatementBody,
)
from hirebar.web.views import run_summary

EMPTY_STEP = "Nothing to do yet: type what you would do, or pick one of the actions below."


def drills_context(drilling: Drilling) -> dict:
    accuracy = drilling.accuracy()
    return {
        "kinds": [
            {
                "kind": kind,
                "title": title,
                "correct": accuracy.get(kind, (0, 0))[0],
                "attempted": accuracy.get(kind, (0, 0))[1],
            }
            for kind, (title, _) in KINDS.items()
        ],
        "incidents": [
            {"id": i.id, "title": i.title, "topics": i.topics}
            for i in drilling.svc.library.incidents.values()
        ],
        "runs": [run_summary(r, drilling) for r in drilling.runs(limit=20)],
    }


def known_kind(kind: str) -> str:
    """The drill kind, or a 404 that lists the known ones."""
    if kind not in KINDS:
        raise HTTPException(status_code=404, detail=str(UnknownDrill(kind)))
    return kind


def drill_context(kind: str, seed: int, result: dict | None = None) -> dict:
    drill = generate(known_kind(kind), seed)
    context = {"drill": drill.public(), "result": result}
    if result is not None:
        context["drill"] = {**drill.full(), "answer_text": drill.answer_text}
        context["drill"]["tolerance_text"] = fmt(drill.tolerance)
        given = result.get("given")
        context["result"] = {**result, "given_text": None if given is None else fmt(given)}
    return context


def open_run(drilling: Drilling, run_id: int, finished: str):  # type: ignore[no-untyped-def]
    """The run if it can still be played: 404 if there is none, 409 (``finished``) if over."""
    try:
        run = drilling.run(run_id)
    except UnknownRun as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None
    if run.score is not None:
        raise HTTPException(status_code=409, detail=finished)
    return run


def run_log(run: store.IncidentRunRow, incident: Incident) -> list[dict]:
    """The steps taken, each with what it turned up. Words that matched no action are kept
    in the run, but they are no step."""
    log = []
    for step in run.steps:
        action = incident.action(step["action"]) if step["action"] else None
        if action is not None:
            log.append(
                {
                    "typed": step["typed"],
                    "action": action.id,
                    "label": action.label,
                    "evidence": action.evidence,
                }
            )
    return log


def run_context(drilling: Drilling, run_id: int) -> dict:
    try:
        run = drilling.run(run_id)
        incident = drilling.incident(run.incident_id)
    except UnknownRun as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None
    except UnknownIncident as exc:
        raise HTTPException(status_code=404, detail=exc.what) from None
    taken = taken_actions(run)
    last = run.steps[-1] if run.steps else None
    # What was typed last, if it matched no action: said back, never logged as a step.
    unmatched = last["typed"] if last and not last["action"] and run.score is None else None
    context = {
        "run": {"id": run.id, "finished": run.score is not None, "score": run.score},
        "incident": {"id": incident.id, "title": incident.title, "alert": incident.alert},
        # the choices not taken yet; a step taken is in the log
        "actions": [
            {"id": a.id, "label": a.label} for a in offered(incident, taken) if a.id not in taken
        ],
        "example": incident.actions[0].phrases[0] if incident.actions[0].phrases else "",
        "steps": run_log(run, incident),
        "unmatched": unmatched,
        # The actions the unmatched command may have meant, to pick from.
        "suggested": [
            {"id": a.id, "label": a.label}
            for a in (drilling.suggestions(incident, unmatched, taken) if unmatched else [])
        ],
        # What was typed last: the boxes' autosaved drafts over a statement kept by the CLI.
        "statement": {**(run.statement or {}), **drilling.svc.text_drafts(f"run:{run.id}:")},
        "debrief": None,
    }
    if run.debrief is not None:
        label = {a.id: a.label for a in incident.actions}
        context["debrief"] = {
            **run.debrief,
            "player_labels": [label.get(i, i) for i in run.debrief["player_path"]],
            "ideal_labels": [label.get(i, i) for i in run.debrief["ideal_path"]],
            "cause": incident.cause,
            "lesson": incident.lesson,
        }
    return context


def add_routes(
    html: APIRouter,
    api: APIRouter,
    page: Callable[[Request, str, dict], HTMLResponse],
    drilling: Drilling,
    guarded: list,
) -> None:
    @html.get("/drills", response_class=HTMLResponse)
    def drills_page(request: Request) -> HTMLResponse:
        return page(request, "drills.html", drills_context(drilling))

    @api.get("/drills")
    def drills_json() -> dict:
        return drills_context(drilling)

    @html.get("/drills/{kind}")
    def fresh_drill(kind: str) -> Response:
        known_kind(kind)
        return RedirectResponse(f"/drills/{kind}/{random.randrange(1_000_000)}", status_code=303)

    def shown(kind: str, seed: int) -> dict:
        """The exercise, with its result once it has been answered."""
        done = drilling.answered(known_kind(kind), seed)
        if done is None:
            return drill_context(kind, seed)
        check, row = done
        return drill_context(kind, seed, {"id": row.id, **asdict(check), "reply": row.reply})

    @html.get("/drills/{kind}/{seed}", response_class=HTMLResponse)
    def drill_page(request: Request, kind: str, seed: RowId) -> HTMLResponse:
        return page(request, "drill.html", shown(kind, seed))

    @api.get("/drills/{kind}/{seed}")
    def drill_json(kind: str, seed: RowId) -> dict:
        return shown(kind, seed)

    def answer(kind: str, seed: int, reply: str, seconds: int | None) -> None:
        """Check and store the first answer to an exercise; after that it has its result,
        and a reload or a second try from the Back button records nothing more."""
        if drilling.answered(known_kind(kind), seed) is None:
            drilling.answer(kind, seed, reply[:MAX_REPLY_CHARS], seconds)

    @html.post("/drills/{kind}/{seed}", dependencies=guarded)
    def answer_page(
        request: Request,
        kind: str,
        seed: RowId,
        reply: str = Form(""),
        seconds: FormSeconds = None,
    ) -> Response:
        try:
            answer(kind, seed, reply, seconds)
        except UnreadableReply as exc:
            context = {**drill_context(kind, seed), "error": str(exc), "reply": reply}
            return page(request, "drill.html", context, status=422)
        return RedirectResponse(f"/drills/{kind}/{seed}", status_code=303)

    @api.post("/drills/{kind}/{seed}", dependencies=guarded)
    def answer_json(kind: str, seed: RowId, body: DrillReplyBody) -> dict:
        try:
            answer(kind, seed, body.reply, body.seconds)
        except UnreadableReply as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from None
        return shown(kind, seed)

    def start(incident_id: str) -> int:
        try:
            return drilling.start(incident_id).id
        except UnknownIncident as exc:
            raise HTTPException(status_code=404, detail=exc.what) from None

    @html.post("/incidents/{incident_id}/runs", dependencies=guarded)
    def start_page(incident_id: str) -> Response:
        return RedirectResponse(f"/runs/{start(incident_id)}", status_code=303)

    @api.post("/incidents/{incident_id}/runs", dependencies=guarded)
    def start_json(incident_id: str) -> dict:
        return run_context(drilling, start(incident_id))

    @html.get("/runs/{run_id}", response_class=HTMLResponse)
    def run_page(request: Request, run_id: RowId) -> HTMLResponse:
        return page(request, "run.html", run_context(drilling, run_id))

    @api.get("/runs/{run_id}")
    def run_json(run_id: RowId) -> dict:
        return run_context(drilling, run_id)

    def step(run_id: int, typed: str) -> bool:
        """Store what was typed; whether it matched an action (and so was a step)."""
        open_run(drilling, run_id, "this run is finished; start a new one")
        if not typed.strip():  # a stray click: said, and nothing stored
            raise HTTPException(status_code=422, detail=EMPTY_STEP)
        return drilling.step(run_id, typed.strip()[:MAX_REPLY_CHARS]).action is not None

    @html.post("/runs/{run_id}/steps", dependencies=guarded)
    def step_page(request: Request, run_id: RowId, typed: str = Form("")) -> Response:
        try:
            matched = step(run_id, typed)
        except HTTPException as exc:
            if exc.status_code != 422:
                raise
            context = {**run_context(drilling, run_id), "step_error": exc.detail}
            return page(request, "run.html", context, status=422)
        # a step shows in the log; words that matched none, by the box to try again
        anchor = "log" if matched else "act-h"
        return RedirectResponse(f"/runs/{run_id}#{anchor}", status_code=303)

    @api.post("/runs/{run_id}/steps", dependencies=guarded)
    def step_json(run_id: RowId, body: IncidentStepBody) -> dict:
        step(run_id, body.typed)
        return run_context(drilling, run_id)

    def finish(run_id: int, fields: dict[str, str]) -> None:
        open_run(drilling, run_id, "this run is already finished")
        if not any(text.strip() for text in fields.values()):  # a stray click ends nothing
            raise HTTPException(
                status_code=422,
                detail="the statement is empty: write the cause, containment, "
                "communication and rollback criteria, then close the run",
            )
        for part, text in fields.items():  # refused whole, never cut (drafts keep the text)
            if len(text) > MAX_STATEMENT_CHARS:
                raise HTTPException(
                    status_code=422,
                    detail=f"the {part} part is {len(text):,} characters; a part holds at most "
                    f"{MAX_STATEMENT_CHARS:,}: shorten it, then close the run",
                )
        drilling.finish(
            run_id, Statement(**{k: fields.get(k, "") for k in Statement.__annotations__})
        )
        drilling.svc.discard_text_drafts(f"run:{run_id}:")

    @html.post("/runs/{run_id}/finish", dependencies=guarded)
    def finish_page(
        request: Request,
        run_id: RowId,
        cause: str = Form(""),
        containment: str = Form(""),
        comms: str = Form(""),
        rollback: str = Form(""),
    ) -> Response:
        fields = {"cause": cause, "containment": containment, "comms": comms, "rollback": rollback}
        try:
            finish(run_id, fields)
        except HTTPException as exc:
            if exc.status_code != 422:
                raise
            # the run again, the statement as typed in its boxes, with what is wrong
            context = {**run_context(drilling, run_id), "statement": fields}
            context["statement_error"] = exc.detail
            return page(request, "run.html", context, status=422)
        return RedirectResponse(f"/runs/{run_id}#debrief", status_code=303)

    @api.post("/runs/{run_id}/finish", dependencies=guarded)
    def finish_json(run_id: RowId, body: StatementBody) -> dict:
        finish(run_id, body.model_dump())
        return run_context(drilling, run_id)
