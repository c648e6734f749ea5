"""Spaced review, the story bank and artifact worksheets in the browser."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from hirebar.content import Competency
from hirebar.planning.stories import FIT, TEXT_PARTS, TRADEOFF_TAGS, StoryInput, check
from hirebar.practice.prep import Prep, story_draft_prefix
from hirebar.web.params import MAX_DRAFT_CHARS, DraftBody, RatingBody, RowId
from hirebar.web.views import validation_problem


def story_problem(exc: ValidationError, fields: dict) -> str:
    """Why the story form was refused, for the person who typed it."""
    if not fields["title"].strip():
        return "A story needs a title: a few words you will recognise it by."
    error = exc.errors()[0]
    return validation_problem({**error, "loc": ("body", *error["loc"])})


def review_context(prep: Prep) -> dict:
    due = prep.due()
    return {"due": len(due), "item": asdict(due[0]) if due else None}


def stories_context(prep: Prep, editing: int | None = None) -> dict:
    """The bank, its coverage, and the form for a new story or the one being edited."""
    found = prep.coverage()
    stories = [
        {**asdict(s), "flags": check(s), "shown": s.shown_competencies()} for s in prep.stories()
    ]
    return {
        "stories": stories,
        "editing": editing,
        "draft_prefix": story_draft_prefix(editing),
        "competencies": [c.value for c in Competency],
        "tradeoff_tags": list(TRADEOFF_TAGS),
        "coverage": asdict(found),
        "answerable": len(found.questions) - len(found.unanswerable),
        "fit": FIT,
    }


def artifact_context(prep: Prep, artifact_id: str, findings: list | None = None) -> dict:
    try:
        artifact = prep.artifact(artifact_id)
    except LookupError as exc:
        raise HTTPException(status_code=404, detail=str(exc.args[0])) from None
    return {
        "artifact": artifact.model_dump(mode="json"),
        "template": artifact.template(),
        "draft": prep.artifact_draft(artifact_id),
        "findings": None if findings is None else [asdict(f) for f in findings],
    }


def add_routes(
    html: APIRouter,
    api: APIRouter,
    page: Callable[[Request, str, dict], HTMLResponse],
    prep: Prep,
    guarded: list,
) -> None:
    @html.get("/review", response_class=HTMLResponse)
    def review_page(request: Request) -> HTMLResponse:
        return page(request, "review.html", review_context(prep))

    @api.get("/review")
    def review_json() -> dict:
        return review_context(prep)

    @html.post("/review", dependencies=guarded)
    def rate(key: str = Form(...), rating: int = Form(...)) -> Response:
        try:
            prep.rate(key, rating)
        except (LookupError, ValueError) as exc:
            raise HTTPException(status_code=422, detail=str(exc.args[0])) from None
        return RedirectResponse("/review", status_code=303)

    @html.get("/stories", response_class=HTMLResponse)
    def stories_page(request: Request, edit: int | None = None) -> HTMLResponse:
        """The bank; with ``?edit=<id>`` the form holds that story, to change and save. The
        form's drafts, if any, go over what is stored."""
        context = stories_context(prep, edit)
        stored: dict = {}
        if edit is not None:
            stored = next((s for s in context["stories"] if s["id"] == edit), {})
            if not stored:
                raise HTTPException(status_code=404, detail=f"no story {edit}")
        context["typed"] = {**stored, **prep.story_drafts(edit)}
        return page(request, "stories.html", context)

    @api.get("/stories")
    def stories_json() -> dict:
        return stories_context(prep)

    @html.post("/stories", dependencies=guarded)
    async def add_story(request: Request) -> Response:
        form = await request.form()
        fields: dict = {name: str(form.get(name, "")) for name in TEXT_PARTS}
        fields["tags"] = form.getlist("tags")
        fields["competencies"] = form.getlist("competencies")
        editing = int(form["story_id"]) if str(form.get("story_id", "")).isdigit() else None
        try:  # checked as the API and story files are; a refused form comes back as typed
            story = StoryInput(**fields)
        except ValidationError as exc:
            context = {**stories_context(prep, editing), "typed": fields}
            context["error"] = story_problem(exc, fields)
            return page(request, "stories.html", context, status=422)
        fields = story.model_dump()
        if editing is None:
            prep.add_story(**fields)
        else:
            try:
                prep.update_story(editing, **fields)
            except LookupError as exc:
                raise HTTPException(status_code=404, detail=str(exc.args[0])) from None
        prep.discard_story_drafts(editing)
        return RedirectResponse("/stories", status_code=303)

    @html.post("/stories/{story_id}/delete", dependencies=guarded)
    def delete_story(story_id: RowId) -> Response:
        try:
            prep.delete_story(story_id)
        except LookupError as exc:
            raise HTTPException(status_code=404, detail=str(exc.args[0])) from None
        return RedirectResponse("/stories", status_code=303)

    @api.put("/stories/{story_id}", dependencies=guarded)
    def update_story_json(story_id: RowId, body: StoryInput) -> dict:
        try:
            return {"id": story_id, "flags": prep.update_story(story_id, **body.model_dump())}
        except LookupError as exc:
            raise HTTPException(status_code=404, detail=str(exc.args[0])) from None

    @api.delete("/stories/{story_id}", dependencies=guarded, status_code=204)
    def delete_story_json(story_id: RowId) -> Response:
        delete_story(story_id)
        return Response(status_code=204)

    @api.post("/review", dependencies=guarded)
    def rate_json(body: RatingBody) -> dict:
        try:
            due = prep.rate(body.key, body.rating)
        except LookupError as exc:
            raise HTTPException(status_code=404, detail=str(exc.args[0])) from None
        return {"key": body.key, "next_due": due.isoformat()}

    @api.post("/stories", dependencies=guarded, status_code=201)
    def add_story_json(body: StoryInput) -> dict:
        story_id, flags = prep.add_story(**body.model_dump())
        return {"id": story_id, "flags": flags}

    def artifacts_context() -> dict:
        artifacts = prep.svc.library.artifacts.values()
        return {
            "artifacts": [{"id": a.id, "title": a.title, "purpose": a.purpose} for a in artifacts]
        }

    @html.get("/artifacts", response_class=HTMLResponse)
    def artifacts_page(request: Request) -> HTMLResponse:
        return page(request, "artifacts.html", artifacts_context())

    @api.get("/artifacts")
    def artifacts_json() -> dict:
        return artifacts_context()

    @html.get("/artifacts/{artifact_id}", response_class=HTMLResponse)
    def artifact_page(request: Request, artifact_id: str) -> HTMLResponse:
        return page(request, "artifact.html", artifact_context(prep, artifact_id))

    @api.get("/artifacts/{artifact_id}")
    def artifact_json(artifact_id: str) -> dict:
        return artifact_context(prep, artifact_id)

    @html.post("/artifacts/{artifact_id}", response_class=HTMLResponse, dependencies=guarded)
    def check_artifact(request: Request, artifact_id: str, draft: str = Form("")) -> HTMLResponse:
        context = artifact_context(prep, artifact_id)  # 404 before saving anything for a wrong id
        if len(draft) > MAX_DRAFT_CHARS:  # comes back whole, with the reason; never cut
            context["draft"] = draft
            context["error"] = (
                f"This draft is {len(draft):,} characters; a worksheet holds at most "
                f"{MAX_DRAFT_CHARS:,}. Shorten it and check again."
            )
            return page(request, "artifact.html", context, status=422)
        findings = prep.check_artifact(artifact_id, draft)
        return page(request, "artifact.html", artifact_context(prep, artifact_id, findings))

    @api.post("/artifacts/{artifact_id}", dependencies=guarded)
    def check_artifact_json(artifact_id: str, body: DraftBody) -> dict:
        artifact_context(prep, artifact_id)
        findings = prep.check_artifact(artifact_id, body.draft)
        return {"ok": not findings, "missing": [asdict(f) for f in findings]}
