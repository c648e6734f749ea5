"""A full mock loop for one company: every round in order, then the committee.

Each round draws a question that fits the round and the company, preferring ones the
candidate has not answered recently. After the answer is graded, the interviewer's
follow-up is the probe the grader chose from the answer's gaps. Every answer is an
attempt stored before grading, and the loop's plan is saved after every step, so a
loop paused (or a laptop closed) resumes at the same question.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from hirebar import store
from hirebar.content import ANSWER_MINUTES, Company, Question, RoundKind
from hirebar.grading import Assessment
from hirebar.grading.committee import CommitteeDecision, RoundOutcome, decide
from hirebar.practice.errors import UngradedRound
from hirebar.practice.service import PracticeService


def draft_key(loop_id: int, kind: str) -> str:
    """Where the answer ("answer") or follow-up reply ("probe") of a loop's current round is
    kept while it is typed: the loop's own, apart from the question's practice draft."""
    return f"loop:{loop_id}:{'reply' if kind == 'probe' else 'answer'}"


class UnknownLoop(LookupError):
    def __str__(self) -> str:
        return f"no mock loop {self.args[0]}"


@dataclass
class Step:
    """What the loop needs next: an answer, a follow-up reply, or nothing (done)."""

    loop_id: int
    kind: str  # "answer", "probe" or "done"
    round_index: int
    round_title: str = ""
    minutes: int = 0
    question: Question | None = None
    probe: str | None = None
    total_rounds: int = 0


class MockLoops:
    def __init__(self, svc: PracticeService):
        self.svc = svc

    def start(self, company_id: str, seed: int | None = None) -> int:
        company = self.svc.company(company_id)
        rng = random.Random(seed)
        with self.svc.session() as session:
            recent = store.recent_question_ids(session)
        plan, chosen = [], set()
        for r in company.rounds:
            question = self._pick(company, r.kind, recent | chosen, rng)
            chosen.add(question.id)
            plan.append(
                {
                    "kind": r.kind.value,
                    "title": r.title,
                    "round_minutes": r.minutes,
                    "minutes": ANSWER_MINUTES[r.kind],  # the clock for this answer
                    "weight": r.weight,
                    "question_id": question.id,
                    "attempt_id": None,
                    "probe": None,
                    "probe_attempt_id": None,
                }
            )
        with self.svc.session() as session:
            return store.create_loop(session, company.id, plan).id

    def _pick(self, company: Company, kind: RoundKind, avoid: set[str], rng: random.Random):  # type: ignore[no-untyped-def]
        pool = self.svc.library.find(round=kind, company=company.id) or self.svc.library.find(
            round=kind
        )
        fresh = [q for q in pool if q.id not in avoid]
        return rng.choice(fresh or pool)

    def _loop(self, loop_id: int) -> store.LoopRow:
        with self.svc.session() as session:
            loop = store.get_loop(session, loop_id)
        if loop is None:
            raise UnknownLoop(loop_id)
        return loop

    def next_step(self, loop_id: int) -> Step:
        loop = self._loop(loop_id)
        for index, entry in enumerate(loop.plan):
            common = {
                "loop_id": loop_id,
                "round_index": index,
                "round_title": entry["title"],
                "minutes": entry["minutes"],
                "question": self.svc.library.questions.get(entry["question_id"]),
                "total_rounds": len(loop.plan),
            }
            if entry["attempt_id"] is None:
                return Step(kind="answer", **common)
            if entry["probe"] and entry["probe_attempt_id"] is None:
                return Step(kind="probe", probe=entry["probe"], **common)
        return Step(loop_id=loop_id, kind="done", round_index=len(loop.plan))

    def answer(self, loop_id: int, text: str, seconds: int | None = None) -> Assessment | None:
        """Store and grade the answer to the current step (question or follow-up)."""
        step = self.next_step(loop_id)
        if step.kind == "done" or step.question is None:
            raise ValueError("this loop is finished; read its debrief")
        probe = step.question.follow_up(step.probe) if step.kind == "probe" else None
        outcome = self.svc.submit(
            step.question.id,
            text,
            seconds=seconds,
            probe=probe,
            mode="loop_follow_up" if probe else "loop",
        )
        if probe is None:
            chosen = outcome.assessment.follow_up if outcome.assessment else None
            self._update(
                loop_id,
                step.round_index,
                attempt_id=outcome.attempt.id,
                probe=chosen.prompt if chosen else None,
            )
        else:
            self._update(loop_id, step.round_index, probe_attempt_id=outcome.attempt.id)
        self._discard_draft(step)
        return outcome.assessment

    def skip_probe(self, loop_id: int) -> None:
        """Move on without replying to the follow-up (it then counts for nothing)."""
        step = self.next_step(loop_id)
        if step.kind == "probe":
            self._update(loop_id, step.round_index, probe=None)
            self._discard_draft(step)

    def draft(self, step: Step) -> str:
        """What was typed for this step and not sent yet (kept across a reload, Ctrl-C or
        a pause)."""
        return "" if step.kind == "done" else self.svc.draft(draft_key(step.loop_id, step.kind))

    def keep_draft(self, step: Step, text: str) -> None:
        if step.kind != "done":
            self.svc.save_text_draft(draft_key(step.loop_id, step.kind), text)

    def _discard_draft(self, step: Step) -> None:
        self.svc.discard_draft(draft_key(step.loop_id, step.kind))

    def _update(self, loop_id: int, round_index: int, **changes: object) -> None:
        """Change one round of the saved plan; the loop is finished when no step is open."""
        with self.svc.session() as session:
            row = store.get_loop(session, loop_id)
            plan = [dict(e) for e in row.plan]
            plan[round_index].update(changes)
            finished = all(
                e["attempt_id"] and (not e["probe"] or e["probe_attempt_id"]) for e in plan
            )
            store.save_plan(session, row, plan, finished=finished)

    def decision(self, loop_id: int) -> CommitteeDecision:
        """The committee's reading of a finished loop; ``UngradedRound`` if an answer cannot
        be graded yet."""
        if self.next_step(loop_id).kind != "done":
            raise ValueError("the loop is not finished yet")
        loop = self._loop(loop_id)
        outcomes = []
        for entry in loop.plan:
            main = self._assessment(entry["attempt_id"], entry["title"])
            probe = self._assessment(entry["probe_attempt_id"], entry["title"])
            outcomes.append(
                RoundOutcome(
                    kind=RoundKind(entry["kind"]),
                    title=entry["title"],
                    weight=entry["weight"],
                    question_id=entry["question_id"],
                    assessment=main,
                    probe=probe,
                )
            )
        return decide(self.svc.company(loop.company_id), outcomes)

    def _assessment(self, attempt_id: int | None, title: str) -> Assessment | None:
        if attempt_id is None:
            return None
        attempt = self.svc.attempt(attempt_id)
        if attempt is None or attempt.latest is None:
            outcome = self.svc.regrade(attempt_id)  # a failed grade gets another try
            if outcome.assessment is None:
                raise UngradedRound(title, outcome.error)
            return outcome.assessment
        return Assessment.model_validate(attempt.latest.payload)

    def loops(self, limit: int = 50) -> list[store.LoopRow]:
        with self.svc.session() as session:
            return store.list_loops(session, limit)

    def plan(self, loop_id: int) -> list[dict]:
        return self._loop(loop_id).plan
