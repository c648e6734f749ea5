"""Drills and incident simulations, stored as they are played.

A drill answer is stored with its check in one commit. An incident run is a row
created when play starts; every step is committed as the player takes it (what
they typed, even when it matched no action), so closing the window loses nothing
and a run can be resumed from its id.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from hirebar import store
from hirebar.content.incident import Action, Incident
from hirebar.drills import Check, Drill, check_answer, generate
from hirebar.drills.simulation import Debrief, Statement, closest, debrief, interpret
from hirebar.practice.errors import UnknownIncident, UnknownRun, UnreadableReply
from hirebar.practice.service import PracticeService

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass
class Step:
    typed: str
    action: Action | None


class Drilling:
    def __init__(self, svc: PracticeService):
        self.svc = svc

    # Metric drills -------------------------------------------------------------------

    def new(self, kind: str, seed: int | None = None) -> Drill:
        return generate(kind, random.randrange(1_000_000) if seed is None else seed)

    def answer(self, kind: str, seed: int, reply: str, seconds: int | None = None):  # type: ignore[no-untyped-def]
        """Check and store the reply; returns the drill, the check and the stored row.

        A reply with no number in it, or two that disagree ("0.5 or 0.6"), raises
        ``UnreadableReply`` and is not recorded: it is a slip, not a wrong answer.
        """
        drill = generate(kind, seed)
        check: Check = check_answer(drill, reply)
        if check.given is None:
            raise UnreadableReply(check.message)
        with self.svc.session() as session:
            row = store.add_drill_result(
                session,
                kind=kind,
                seed=seed,
                reply=reply,
                given=check.given,
                expected=drill.answer,
                correct=check.correct,
                seconds=seconds,
            )
        return drill, check, row

    def answered(self, kind: str, seed: int) -> tuple[Check, store.DrillResultRow] | None:
        """The check of the answer already given to this exercise, if there is one."""
        with self.svc.session() as session:
            row = store.first_drill_result(session, kind, seed)
        return None if row is None else (check_answer(generate(kind, seed), row.reply), row)

    def accuracy(self) -> dict[str, tuple[int, int]]:
        """kind -> (correct, attempted): what the planner reads."""
        with self.svc.session() as session:
            return store.drill_accuracy(session)

    def results(self, limit: int = 100) -> list[store.DrillResultRow]:
        with self.svc.session() as session:
            return store.list_drill_results(session, limit)

    # Incident simulations ------------------------------------------------------------

    def incident(self, incident_id: str) -> Incident:
        found = self.svc.library.incidents.get(incident_id)
        if found is None:
            raise UnknownIncident(incident_id)
        return found

    def start(self, incident_id: str) -> store.IncidentRunRow:
        self.incident(incident_id)
        with self.svc.session() as session:
            return store.start_incident(session, incident_id)

    def run(self, run_id: int) -> store.IncidentRunRow:
        with self.svc.session() as session:
            return _stored_run(session, run_id)

    def step(self, run_id: int, typed: str) -> Step:
        """Store what the player typed, then say which action it meant (if any)."""
        with self.svc.session() as session:
            run = _stored_run(session, run_id)
            action = interpret(self.incident(run.incident_id), typed)
            store.add_incident_step(session, run, typed, action.id if action else None)
        return Step(typed, action)

    def suggestions(self, incident: Incident, typed: str, taken: list[str]) -> list[Action]:
        """The actions on offer nearest in meaning to a command that matched none, given the
        steps ``taken``; none without the sentence model. Asked for only where they are
        shown, since each costs a model pass."""
        embedder, _ = self.svc.embedder()
        return closest(incident, typed, embedder, taken) if embedder is not None else []

    def keep_statement(self, run_id: int, parts: dict[str, str]) -> None:
        """Store a statement still being written, without closing the run."""
        with self.svc.session() as session:
            store.save_statement(session, _stored_run(session, run_id), parts)

    def finish(self, run_id: int, statement: Statement) -> Debrief:
        with self.svc.session() as session:
            run = _stored_run(session, run_id)
            store.save_statement(session, run, asdict(statement))
            result = debrief(self.incident(run.incident_id), taken_actions(run), statement)
            store.finish_incident(session, run, result.score, asdict(result))
        return result

    def runs(self, limit: int = 100) -> list[store.IncidentRunRow]:
        with self.svc.session() as session:
            return store.list_incident_runs(session, limit)


def taken_actions(run: store.IncidentRunRow) -> list[str]:
    """The ids of the actions a run has taken, in order: its steps. What the player typed
    that matched no action is kept in the run as well, but it is not a step."""
    return [s["action"] for s in run.steps if s["action"]]


def _stored_run(session: Session, run_id: int) -> store.IncidentRunRow:
    """The incident run with this id, or ``UnknownRun``."""
    run = store.get_incident_run(session, run_id)
    if run is None:
        raise UnknownRun(run_id)
    return run
