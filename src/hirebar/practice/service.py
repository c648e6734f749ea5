"""The practice service: load content, store an attempt, grade it, read history.

It is the one place that ties content, grading and store together, so the CLI
and (later) the web app stay thin. An attempt is committed before the grader
runs; if grading fails, the attempt stays, marked failed, with the error.
"""

from __future__ import annotations

import re
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from sqlalchemy.orm import Session

from hirebar import store
from hirebar.content import Company, FollowUp, Library, Question
from hirebar.grading import Assessment, Embedder, MiniLM, ModelUnavailable, assess
from hirebar.grading.reference import ReferenceAssessment, assess_with_reference
from hirebar.planning.stories import TEXT_PARTS
from hirebar.practice.content_cache import load_library
from hirebar.practice.errors import UnknownCompany, UnknownQuestion
from hirebar.settings import Settings

Grader = Callable[..., Assessment]

EDITING_FOLDER = "editing"
_EMBEDDERS: dict[Path, MiniLM] = {}
_EMBEDDER_LOCK = threading.Lock()


def load_embedder(model_dir: Path, threads: int = 2) -> tuple[Embedder | None, str | None]:
    """The process-wide MiniLM for ``model_dir`` (created once), or why there is none."""
    with _EMBEDDER_LOCK:
        if model_dir not in _EMBEDDERS:
            try:
                _EMBEDDERS[model_dir] = MiniLM(model_dir, threads=threads)
            except ModelUnavailable as exc:
                return None, str(exc)
        return _EMBEDDERS[model_dir], None


@dataclass
class Outcome:
    attempt: store.AttemptRow
    assessment: Assessment | None
    error: str | None = None


@dataclass
class OwnOutcome:
    answer: store.OwnAnswerRow
    assessment: ReferenceAssessment | None
    error: str | None = None


# Boxes other than a question's answer whose text is saved as it is typed: the three
# boxes of an own question (the blank form's, or a stored answer's page), a follow-up
# reply (in practice or a loop), an incident statement's parts, a worksheet, a story
# (a new one, or one being edited).
DRAFT_KEYS = re.compile(
    r"own:(\d+:)?(question|reference|answer)|probe:\d+:reply|loop:\d+:(reply|answer)"
    r"|run:\d+:(cause|containment|comms|rollback)|artifact:[\w.-]+"
    rf"|story:(new|\d+):({'|'.join(TEXT_PARTS)})"
)
OWN_FIELDS = ("question", "reference", "answer")


def own_draft_prefix(answer_id: int | None = None) -> str:
    """Where the boxes of a question of one's own keep their drafts: the blank form under
    ``own:``, a stored answer's page under ``own:<id>:``, so that editing one never
    writes into another."""
    return "own:" if answer_id is None else f"own:{answer_id}:"


def own_answer_record(row: store.OwnAnswerRow) -> dict:
    """A stored answer to a question of the user's own as plain JSON-ready data."""
    return {
        "id": row.id,
        "question": row.question,
        "reference": row.reference,
        "answer": row.answer,
        "status": row.status,
        "error": row.error,
        "verdict": row.verdict,
        "score": row.score,
        "created_at": store.utc_iso(row.created_at),
        "assessment": row.payload,
    }


class PracticeService:
    def __init__(self, settings: Settings, grader: Grader = assess):
        self.settings = settings
        self.grader = grader

    @cached_property
    def library(self) -> Library:
        return load_library(self.settings.pack_paths(), self.settings.data_dir / "cache")

    @cached_property
    def _sessions(self):  # type: ignore[no-untyped-def]
        engine = store.make_engine(self.settings.resolved_database_url)
        store.migrate(engine)
        return store.session_factory(engine)

    def session(self) -> Session:
        return self._sessions()

    def embedder(self) -> tuple[Embedder | None, str | None]:
        return load_embedder(self.settings.resolved_model_dir, self.settings.model_threads)

    def company(self, company_id: str) -> Company:
        found = self.library.companies.get(company_id)
        if found is None:
            raise UnknownCompany(company_id)
        return found

    def question(self, question_id: str) -> Question:
        try:
            return self.library.questions[question_id]
        except KeyError:
            raise UnknownQuestion(question_id) from None

    def grade(self, question: Question, answer: str, probe: FollowUp | None = None) -> Assessment:
        """Grade without storing (``hirebar grade``)."""
        embedder, _ = self.embedder()
        return self.grader(question, answer, embedder, probe=probe)

    def grade_against_reference(
        self, question: str, reference: str, answer: str
    ) -> ReferenceAssessment:
        """Grade an answer to a question of the user's own that has only a model answer."""
        embedder, _ = self.embedder()
        return assess_with_reference(question, reference, answer, embedder)

    def submit_own(self, question: str, reference: str, answer: str) -> OwnOutcome:
        """Store an answer to a question of the user's own, then grade it against the
        model answer; a grader failure leaves the answer stored, marked failed."""
        with self.session() as session:
            row = store.add_own_answer(session, question, reference, answer)
            try:
                graded = self.grade_against_reference(question, reference, answer)
            except Exception as exc:
                store.mark_own_failed(session, row, f"{type(exc).__name__}: {exc}")
                return OwnOutcome(row, None, error=row.error)
            store.record_own_grade(session, row, graded)
            return OwnOutcome(row, graded)

    def own_drafts(self, answer_id: int | None = None) -> dict[str, str]:
        """The boxes' drafts, by field, of the blank form or of a stored answer's page."""
        drafts = self.text_drafts(own_draft_prefix(answer_id))
        return {name: drafts[name] for name in OWN_FIELDS if name in drafts}

    def discard_own_drafts(self, answer_id: int | None = None) -> None:
        """Spend one page's drafts; ``own:`` is also the start of every answer's keys, so
        they go by name, not by prefix."""
        with self.session() as session:
            for name in OWN_FIELDS:
                store.discard_draft(session, own_draft_prefix(answer_id) + name)

    def own_answer(self, answer_id: int) -> store.OwnAnswerRow | None:
        with self.session() as session:
            return store.get_own_answer(session, answer_id)

    def own_answers(self, limit: int = 50) -> list[store.OwnAnswerRow]:
        with self.session() as session:
            return store.list_own_answers(session, limit)

    def store_attempt(
        self,
        question_id: str,
        answer: str,
        *,
        seconds: int | None = None,
        probe: FollowUp | None = None,
        mode: str | None = None,
    ) -> store.AttemptRow:
        """Store an answer, ungraded: ``submit`` grades it now, the web app's worker later.

        A practice answer, once stored, spends the question's draft, whichever surface
        (terminal or web) it was typed in."""
        question = self.question(question_id)
        mode = mode or ("follow_up" if probe else "practice")
        prompt = probe.prompt if probe else None
        with self.session() as session:
            attempt = store.add_attempt(session, question.id, answer, seconds, mode, prompt)
            if mode == "practice":
                store.discard_draft(session, question.id)
            return attempt

    def submit(
        self,
        question_id: str,
        answer: str,
        *,
        seconds: int | None = None,
        probe: FollowUp | None = None,
        mode: str | None = None,
    ) -> Outcome:
        """Store the answer, then grade it; a grader failure never loses the answer.

        With ``probe`` the answer is a reply to that follow-up and is graded on its targets.
        """
        attempt = self.store_attempt(question_id, answer, seconds=seconds, probe=probe, mode=mode)
        return self.regrade(attempt.id)

    def regrade(self, attempt_id: int) -> Outcome:
        """Grade a stored attempt again, e.g. one whose first grading failed."""
        with self.session() as session:
            attempt = store.get_attempt(session, attempt_id)
            if attempt is None:
                raise LookupError(f"no attempt with id {attempt_id}")
            return self._grade_and_record(session, attempt, self.question(attempt.question_id))

    def _grade_and_record(
        self, session: Session, attempt: store.AttemptRow, question: Question
    ) -> Outcome:
        try:
            assessment = self.grade(question, attempt.answer, question.follow_up(attempt.probe))
        except Exception as exc:
            store.mark_failed(session, attempt, f"{type(exc).__name__}: {exc}")
            return Outcome(attempt, None, error=attempt.error)
        store.add_assessment(session, attempt, assessment)
        return Outcome(attempt, assessment)

    def history(self, **filters) -> list[store.AttemptRow]:  # type: ignore[no-untyped-def]
        with self.session() as session:
            return store.list_attempts(session, **filters)

    def summaries(self, limit: int = 100) -> list[store.AttemptSummary]:
        with self.session() as session:
            return store.attempt_summaries(session, limit)

    def count_attempts(self) -> int:
        with self.session() as session:
            return store.count_attempts(session)

    def latest_scores(self) -> list[tuple[str, str, float | None]]:
        with self.session() as session:
            return store.latest_scores(session)

    def attempt(self, attempt_id: int) -> store.AttemptRow | None:
        with self.session() as session:
            return store.get_attempt(session, attempt_id)

    def save_draft(self, question_id: str, text: str) -> None:
        self.question(question_id)
        with self.session() as session:
            store.save_draft(session, question_id, text)

    def save_text_draft(self, key: str, text: str) -> None:
        """Keep text typed in any other box (``DRAFT_KEYS`` names them) while it is written."""
        if not DRAFT_KEYS.fullmatch(key):
            raise ValueError(f"no text box is saved as '{key}'")
        with self.session() as session:
            store.save_draft(session, key, text)

    def text_drafts(self, prefix: str) -> dict[str, str]:
        """The drafts whose keys start with ``prefix``, by the rest of the key."""
        with self.session() as session:
            return {
                row.question_id.removeprefix(prefix): row.text
                for row in store.drafts_under(session, prefix)
            }

    def discard_text_drafts(self, prefix: str) -> None:
        with self.session() as session:
            store.discard_drafts_under(session, prefix)

    def draft(self, question_id: str) -> str:
        with self.session() as session:
            found = store.get_draft(session, question_id)
            return found.text if found else ""

    def discard_draft(self, question_id: str) -> None:
        with self.session() as session:
            store.discard_draft(session, question_id)

    def profile(self) -> dict[str, str]:
        with self.session() as session:
            return store.get_profile(session)

    def set_profile(self, **values: str) -> None:
        with self.session() as session:
            store.set_profile(session, values)

    def export(self) -> dict:
        """Everything the person wrote and every grade, as plain JSON-ready data."""
        attempts = self.history(limit=1_000_000)
        with self.session() as session:
            return self._export(attempts, session)

    def _export(self, attempts: list[store.AttemptRow], session: Session) -> dict:
        return {
            "profile": self.profile(),
            "attempts": [
                {
                    "id": a.id,
                    "question_id": a.question_id,
                    "answer": a.answer,
                    "seconds": a.seconds,
                    "mode": a.mode,
                    "probe": a.probe,
                    "status": a.status,
                    "error": a.error,
                    "created_at": store.utc_iso(a.created_at),
                    "assessments": [row.payload for row in a.assessments],
                }
                for a in attempts
            ],
            "drill_results": [
                {
                    "kind": r.kind,
                    "seed": r.seed,
                    "reply": r.reply,
                    "correct": r.correct,
                    "seconds": r.seconds,
                    "created_at": store.utc_iso(r.created_at),
                }
                for r in store.list_drill_results(session, limit=1_000_000)
            ],
            "own_answers": [
                own_answer_record(r) for r in store.list_own_answers(session, limit=1_000_000)
            ],
            "incident_runs": [
                {
                    "incident_id": r.incident_id,
                    "steps": r.steps,
                    "statement": r.statement,
                    "score": r.score,
                    "created_at": store.utc_iso(r.created_at),
                }
                for r in store.list_incident_runs(session, limit=1_000_000)
            ],
            "stories": store.records(session, store.StoryRow),
            "loops": store.records(session, store.LoopRow),
            "reviews": store.records(session, store.ReviewRow),
            "drafts": store.records(session, store.DraftRow),
        }

    def editor_file(self, question_id: str) -> Path:
        """Where `practice --editor` keeps an answer being written, so a failed editor loses
        nothing; it is the user's text, so deleting everything deletes it too."""
        return self.settings.data_dir / EDITING_FOLDER / f"{question_id}.md"

    def delete_everything(self) -> None:
        with self.session() as session:
            store.delete_everything(session)
        shutil.rmtree(self.settings.data_dir / EDITING_FOLDER, ignore_errors=True)
