"""Playing an incident: actions in, evidence out, then a debrief on triage order.

The score rewards what a committee rewards in a debugging drill: scope and what changed
before theories, containment before the root cause is proven, people told, rollback
criteria stated as numbers, and prevention last. It is computed from the player's
sequence of actions and their closing statement, both kept verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hirebar.content.incident import Action, Incident, Stage
from hirebar.grading.embedding import Embedder
from hirebar.grading.text import content_stems

MATCH_FLOOR = 0.6  # share of a phrase's content words a typed command must contain
STATEMENT_SHARE = 0.75  # share of a phrase's content words a closing statement must contain
# A command no wording matches is offered the actions nearest in meaning ("did you mean"), at
# most SUGGESTIONS of them, each at least this close (cosine) to its label or a phrase. Set on
# the tuning half of benchmarks/data/incident_commands.yaml; see benchmarks/incident_commands.py.
SUGGEST_AT = 0.3
SUGGESTIONS = 2
# How the 100 points split; order and coverage carry most, as in a real drill.
WEIGHTS = {"order": 30, "coverage": 25, "cause": 20, "containment": 10, "comms": 5, "rollback": 10}


# Words for the same move in an incident, read as one: "roll back the template" then says
# what "Revert the prompt template" says. Each pattern is replaced by its key, in commands and
# in action labels and phrases alike.
_SAME_MOVE = {
    "revert": r"\b(?:roll(?:ing|ed)?[- ]?backs?|undo(?:ing)?|back(?:ing)? out|revert\w*)\b",
    "pause": r"\b(?:paus\w*|disabl\w*|turn(?:ing)? off|switch(?:ing)? off|halt\w*|suspend\w*)\b",
    "tell": r"\b(?:tell|notify\w*|inform\w*|brief\w*|ping\w*|loop(?:ing)? in)\b",
    "deploy": r"\b(?:deploy\w*|releas\w*|rollouts?|roll(?:ing)? out|ship(?:ped|ping)?)\b",
}
_SAME_MOVE_RX = {key: re.compile(pattern, re.IGNORECASE) for key, pattern in _SAME_MOVE.items()}


def _move_stems(text: str) -> set[str]:
    for key, pattern in _SAME_MOVE_RX.items():
        text = pattern.sub(key, text)
    return set(content_stems(text))


def interpret(incident: Incident, text: str) -> Action | None:
    """The action a typed command means: the best phrase match, if clear enough.

    A phrase matches when the command holds most of its content words, or when every
    content word of a command of two or more lies in the phrase ("break it down by
    language" says "Break routing accuracy down by ticket language"); the phrase whose
    words the command covers best wins.
    """
    exact = incident.action(text.strip())
    if exact is not None:
        return exact
    said = _move_stems(text)
    if not said:
        return None
    best, best_score = None, (0.0, 0.0)
    for action in incident.actions:
        for phrase in [action.label, *action.phrases]:
            stems = _move_stems(phrase)
            if not stems:
                continue
            recall = len(stems & said) / len(stems)
            within = len(said) >= 2 and said <= stems
            if recall >= MATCH_FLOOR or within:
                score = (recall, 1.0 if within else len(stems & said) / len(said))
                if score > best_score:
                    best, best_score = action, score
    return best


# Investigation steps are offered from the start; a theory once something has been
# looked at; fixes, comms and prevention once a step has turned up evidence that points
# at the cause (their labels would name it). Any of them can be typed at any time.
OPEN_FROM_START = {Stage.scope, Stage.change}


def offered(incident: Incident, taken: list[str]) -> list[Action]:
    """The actions to list as choices, given the ids of the steps taken so far."""
    steps = [a for a in (incident.action(t) for t in taken) if a is not None]
    pointed = any(a.key for a in steps)

    def shown(action: Action) -> bool:
        if action.stage in OPEN_FROM_START or action.id in taken:
            return True
        return bool(steps) if action.stage == Stage.hypothesis else pointed

    return sorted((a for a in incident.actions if shown(a)), key=lambda a: a.label)


def closest(incident: Incident, text: str, embedder: Embedder, taken: list[str]) -> list[Action]:
    """The actions on offer (given the steps ``taken``) nearest in meaning to a command that
    no wording matched, best first.

    Only actions on offer and not yet taken: a fix is not offered before the evidence
    points at the cause, or a suggestion would give it away. They are offered for the
    player to pick, never taken unasked: the nearest action is the intended one only a
    little over half the time, and a wrong step would count in the debrief.
    """
    fresh = [a for a in offered(incident, taken) if a.id not in taken]
    phrases = [(a, p) for a in fresh for p in [a.label, *a.phrases]]
    if not phrases:
        return []
    vectors = embedder.embed([text.strip(), *(p for _, p in phrases)])
    nearest: dict[str, float] = {}
    for (action, _), similarity in zip(phrases, vectors[1:] @ vectors[0], strict=True):
        nearest[action.id] = max(nearest.get(action.id, -1.0), float(similarity))
    ranked = sorted(nearest, key=lambda i: -nearest[i])
    chosen = [i for i in ranked[:SUGGESTIONS] if nearest[i] >= SUGGEST_AT]
    return [a for i in chosen if (a := incident.action(i)) is not None]


def mentions(text: str, phrases: list[str]) -> bool:
    """Whether the text says what one of the phrases says: most of its content words
    (stemmed, words for one move read as one; at least STATEMENT_SHARE of them, and at
    least two) appear in it."""
    said = _move_stems(text)
    for phrase in phrases:
        stems = _move_stems(phrase)
        if stems and len(stems & said) >= min(len(stems), max(2, STATEMENT_SHARE * len(stems))):
            return True
    return False


@dataclass(frozen=True)
class Statement:
    cause: str
    containment: str
    comms: str
    rollback: str


@dataclass
class Debrief:
    score: int
    parts: dict[str, float]
    player_path: list[str]
    ideal_path: list[str]
    out_of_order: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def order_score(stages: list[Stage]) -> float:
    """Share of ordered pairs of steps taken in triage order. Steps of one stage only (a
    single step, say) show no order, so they earn none."""
    pairs = [(a, b) for i, a in enumerate(stages) for b in stages[i + 1 :] if a.rank != b.rank]
    if not pairs:
        return 0.0
    return sum(1 for a, b in pairs if a.rank < b.rank) / len(pairs)


def debrief(incident: Incident, taken: list[str], statement: Statement) -> Debrief:
    actions = [a for a in (incident.action(i) for i in taken) if a is not None]
    stages = [a.stage for a in actions]
    done = {a.id for a in actions}
    ideal = set(incident.ideal)
    coverage = len(ideal & done) / len(ideal)
    has_number = bool(re.search(r"\d", statement.rollback))
    said = {
        "cause": mentions(statement.cause, incident.cause_phrases),
        "containment": mentions(statement.containment, incident.containment_phrases),
        "comms": mentions(statement.comms, incident.comms_phrases),
        "rollback": mentions(statement.rollback, incident.rollback_phrases),
    }
    parts = {
        "order": order_score(stages),
        "coverage": coverage,
        "cause": float(said["cause"]),
        "containment": float(said["containment"]),
        "comms": float(said["comms"]),
        "rollback": 0.5 * said["rollback"] + 0.5 * has_number,
    }
    notes = []
    first_theory = next((i for i, s in enumerate(stages) if s == Stage.hypothesis), None)
    if first_theory is not None and not {Stage.scope, Stage.change} & set(stages[:first_theory]):
        notes.append("You tested a theory before scoping the problem or asking what changed.")
    if not any(a.key for a in actions):
        notes.append("You never took the action that shows the cause; the cause was a guess.")
    missed = [i for i in incident.ideal if i not in done]
    if missed:
        label = {a.id: a.label for a in incident.actions}
        skipped = "; ".join(label[i] for i in missed)
        notes.append(f"Steps of the ideal path you never took: {skipped}.")
    notes += _statement_notes(incident, said)
    if not has_number:
        notes.append("Rollback criteria need a number: which metric, what level, for how long.")
    score = round(sum(WEIGHTS[k] * v for k, v in parts.items()))
    late = [
        a.id
        for i, a in enumerate(actions)
        if any(b.stage.rank < a.stage.rank for b in actions[i + 1 :])
    ]
    return Debrief(
        score=score,
        parts=parts,
        player_path=[a.id for a in actions],
        ideal_path=list(incident.ideal),
        out_of_order=late,
        missed=missed,
        notes=notes,
    )


def _statement_notes(incident: Incident, said: dict[str, bool]) -> list[str]:
    """For each part of the closing statement that missed, what it left out, with one way
    the scenario's own answer puts it."""
    rollback_example = next(
        (p for p in incident.rollback_phrases if re.search(r"\d", p)), incident.rollback_phrases[0]
    )
    wanted = {
        "cause": "Your cause does not name what went wrong (the cause is below).",
        "containment": "Your containment does not say how the harm stops while you fix it, "
        f"for example “{incident.containment_phrases[0]}”.",
        "comms": "Your update does not say who hears what, "
        f"for example “{incident.comms_phrases[0]}”.",
        "rollback": "Your rollback does not say what you would undo or pull, "
        f"for example “{rollback_example}”.",
    }
    return [note for part, note in wanted.items() if not said[part]]
