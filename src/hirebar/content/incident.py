"""Incident scenarios: a production problem with a hidden cause, played turn by turn.

The player sees a short alert, then chooses investigative actions; each action reveals
evidence. The scenario names the cause, the ideal path through the actions, and the
phrases that make a closing statement (cause, containment, communication, rollback
criteria) count. Stages follow the order committees reward: scope before theories.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from hirebar.content.question import _SLUG_PATTERN, Slug, Strict


class Stage(StrEnum):
    """The triage order, first to last."""

    scope = "scope"  # how big, which segment, since when
    change = "change"  # what changed: deploys, config pushes, data, traffic
    hypothesis = "hypothesis"  # test a specific theory
    containment = "containment"  # limit the harm while the cause is found
    comms = "comms"  # tell the people affected and the people who decide
    rollback = "rollback"  # the criteria for rolling back or forward
    prevention = "prevention"  # monitors, tests and process so it does not recur

    @property
    def rank(self) -> int:
        return list(Stage).index(self)


class Action(Strict):
    id: Slug = Field(pattern=_SLUG_PATTERN)
    stage: Stage
    label: str = Field(min_length=5, description="What the player chooses, as a command.")
    phrases: list[str] = Field(
        min_length=2, description="Free-text wordings that mean this action."
    )
    evidence: str = Field(min_length=10, description="What the player learns by doing it.")
    key: bool = Field(False, description="Reveals evidence that points at the cause.")


class Incident(Strict):
    id: Slug = Field(pattern=_SLUG_PATTERN)
    title: str = Field(min_length=5)
    alert: str = Field(min_length=40, description="What the player is told at the start.")
    topics: list[str] = Field(default_factory=list)
    cause: str = Field(min_length=20, description="The hidden cause, shown in the debrief.")
    cause_phrases: list[str] = Field(min_length=2, description="Ways to state the cause.")
    actions: list[Action] = Field(min_length=8)
    ideal: list[Slug] = Field(min_length=4, description="Action ids in the ideal order.")
    containment_phrases: list[str] = Field(min_length=2)
    comms_phrases: list[str] = Field(min_length=2)
    rollback_phrases: list[str] = Field(min_length=2)
    lesson: str = Field(min_length=20, description="The one thing to take away.")

    @model_validator(mode="after")
    def _ideal_names_actions(self) -> Incident:
        ids = [a.id for a in self.actions]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"action ids repeat: {', '.join(repeated)}")
        unknown = [i for i in self.ideal if i not in ids]
        if unknown:
            raise ValueError(f"ideal names unknown actions: {', '.join(unknown)}")
        if not any(a.key for a in self.actions):
            raise ValueError("at least one action must be key (reveal the cause)")
        stages = {a.stage for a in self.actions}
        missing = [s.value for s in Stage if s not in stages]
        if missing:
            raise ValueError(f"no action for stage(s): {', '.join(missing)}")
        return self

    def action(self, action_id: str) -> Action | None:
        return next((a for a in self.actions if a.id == action_id), None)
