"""Spaced review, the story bank and prep artifacts, over the store.

Review items come from three places: the course's concept cards, questions whose
latest answer graded below lean hire, and the stories in the bank. Their FSRS state
is stored per item; a rating is committed as soon as it is given.
"""

from __future__ import annotations

from datetime import UTC, datetime

from hirebar import store
from hirebar.content import Competency, Verdict
from hirebar.content.artifact import Artifact
from hirebar.planning import artifacts as artifact_lint
from hirebar.planning.review import Item, queue, rate
from hirebar.planning.stories import Coverage, Story, check, coverage
from hirebar.practice.service import PracticeService

WEAK_BELOW = Verdict.lean_hire


def story_draft_prefix(story_id: int | None = None) -> str:
    """Where the story form keeps its drafts: a new story's under ``story:new:``, a story
    being edited under ``story:<id>:``."""
    return f"story:{'new' if story_id is None else story_id}:"


class Prep:
    def __init__(self, svc: PracticeService):
        self.svc = svc

    # Spaced review ------------------------------------------------------------------

    def items(self) -> list[Item]:
        library = self.svc.library
        found = [
            Item(f"card:{card.id}", "card", card.front, card.back)
            for card, _ in library.cards.values()
        ]
        weak = {}
        for summary in self.svc.summaries(limit=1000):
            # a whole answer, in practice or in a mock loop (a follow-up reply answers a probe)
            if (
                summary.verdict
                and summary.question_id not in weak
                and summary.mode in store.WHOLE_ANSWER_MODES
            ):
                weak[summary.question_id] = Verdict(summary.verdict).rank < WEAK_BELOW.rank
        for question_id, is_weak in weak.items():
            question = library.questions.get(question_id)
            if is_weak and question is not None:
                points = " ".join(k.text for k in question.rubric.key_points)
                found.append(Item(f"question:{question_id}", "question", question.prompt, points))
        for story in self.stories():
            found.append(
                Item(
                    f"story:{story.id}",
                    "story",
                    f"Tell the story: {story.title}",
                    f"{story.decision} {story.tradeoff} {story.outcome}".strip(),
                )
            )
        return found

    def due(self, now: datetime | None = None) -> list[Item]:
        now = now or datetime.now(UTC)
        with self.svc.session() as session:
            states = store.review_states(session)
        known = {k: (row.state, store.as_utc(row.due)) for k, row in states.items()}
        new_today = sum(
            1
            for row in states.values()
            if row.reps == 1 and store.as_utc(row.due).date() >= now.date()
        )
        return queue(self.items(), known, now, new_today)

    def rate(self, key: str, rating: int, now: datetime | None = None) -> datetime:
        now = now or datetime.now(UTC)
        if key not in {i.key for i in self.items()}:
            raise LookupError(f"no review item '{key}'")
        with self.svc.session() as session:
            row = store.review_states(session).get(key)
            result = rate(key, row.state if row else None, rating, now)
            store.save_review(session, key, result.state, result.due, rating)
        return result.due

    # Story bank ---------------------------------------------------------------------

    def stories(self) -> list[Story]:
        with self.svc.session() as session:
            rows = store.list_stories(session)
        return [
            Story(
                id=r.id,
                title=r.title,
                situation=r.situation,
                decision=r.decision,
                tradeoff=r.tradeoff,
                numbers=r.numbers,
                outcome=r.outcome,
                lesson=r.lesson,
                tags=list(r.tags),
                competencies=[Competency(c) for c in r.competencies if c in Competency.__members__],
            )
            for r in rows
        ]

    def add_story(self, **fields) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
        """Store the story first, then check it; returns its id and the checks' flags."""
        fields["competencies"] = [Competency(c).value for c in fields.get("competencies", [])]
        with self.svc.session() as session:
            row = store.add_story(session, **fields)
        story = next(s for s in self.stories() if s.id == row.id)
        return row.id, check(story)

    def update_story(self, story_id: int, **fields) -> list[str]:  # type: ignore[no-untyped-def]
        """Store the new text first, then check it; LookupError if there is no such story."""
        fields["competencies"] = [Competency(c).value for c in fields.get("competencies", [])]
        with self.svc.session() as session:
            if store.update_story(session, story_id, **fields) is None:
                raise LookupError(f"no story {story_id}")
        return check(next(s for s in self.stories() if s.id == story_id))

    def delete_story(self, story_id: int) -> None:
        with self.svc.session() as session:
            if not store.delete_story(session, story_id):
                raise LookupError(f"no story {story_id}")
        self.discard_story_drafts(story_id)

    def story_drafts(self, story_id: int | None = None) -> dict[str, str]:
        """What the form's boxes held, by part, for a new story or the one being edited."""
        return self.svc.text_drafts(story_draft_prefix(story_id))

    def discard_story_drafts(self, story_id: int | None = None) -> None:
        self.svc.discard_text_drafts(story_draft_prefix(story_id))

    def coverage(self) -> Coverage:
        return coverage(self.stories(), self.svc.library)

    # Artifacts ----------------------------------------------------------------------

    def artifact(self, artifact_id: str) -> Artifact:
        found = self.svc.library.artifacts.get(artifact_id)
        if found is None:
            known = ", ".join(self.svc.library.artifacts)
            raise LookupError(f"no artifact '{artifact_id}'; known: {known}")
        return found

    def check_artifact(
        self, artifact_id: str, draft: str, *, keep: bool = True
    ) -> list[artifact_lint.Finding]:
        """Lint the draft; with ``keep``, save it first as the worksheet's draft (typed in the
        app, it is the candidate's writing). A draft read from the candidate's own file is
        not kept: it would replace the one they are writing in the app."""
        artifact = self.artifact(artifact_id)
        if keep:
            with self.svc.session() as session:
                store.save_draft(session, f"artifact:{artifact_id}", draft)
        return artifact_lint.lint(artifact, draft)

    def artifact_draft(self, artifact_id: str) -> str:
        with self.svc.session() as session:
            found = store.get_draft(session, f"artifact:{artifact_id}")
        return found.text if found else ""
