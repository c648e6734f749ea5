"""How often a command typed during an incident simulation reaches the step it asks for.

The commands (benchmarks/data/incident_commands.yaml, three for each step of each of the
13 scenarios) were written by someone who saw each step's evidence but not its label or
phrases. The first seven scenarios (by id) are the tuning half, used to set SUGGEST_AT; the
other six were kept apart. For each command it prints what a player meets: the step taken
by wording, a wrong step taken, or nothing taken and then whether the intended step is
among the "did you mean" offers, measured once a step that points at the cause has been
taken, so that every other action is on offer (before that, fixes are not offered).

usage: python benchmarks/incident_commands.py [--misses]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from hirebar.content import Library
from hirebar.drills.simulation import SUGGESTIONS, closest, interpret
from hirebar.grading import MiniLM
from hirebar.settings import Settings

DATA = Path(__file__).resolve().parent / "data" / "incident_commands.yaml"
TUNING_SCENARIOS = 7


def main() -> None:
    library = Library.load([])
    embedder = MiniLM(Settings().resolved_model_dir)
    commands = yaml.safe_load(DATA.read_text())
    ids = sorted(commands)
    for name, group in (("tuning", ids[:TUNING_SCENARIOS]), ("held_out", ids[TUNING_SCENARIOS:])):
        total = right = wrong = offered = unmatched = 0
        for incident_id in group:
            incident = library.incidents[incident_id]
            for step, typed_commands in commands[incident_id].items():
                for typed in typed_commands:
                    total += 1
                    action = interpret(incident, typed)
                    if action is not None:
                        right += action.id == step
                        wrong += action.id != step
                        continue
                    unmatched += 1
                    # One step that points at the cause taken: every other action on offer.
                    keys = [a.id for a in incident.actions if a.key and a.id != step]
                    opened = keys[:1] or [a.id for a in incident.actions if a.key]
                    near = [a.id for a in closest(incident, typed, embedder, opened)]
                    offered += step in near
                    if "--misses" in sys.argv and step not in near:
                        print(f"  {incident_id} {step}: {typed!r} -> offered {near}")
        print(
            f"{name:9} {total} commands: taken by wording {right + wrong} "
            f"({right} the intended step, {wrong} another); of the {unmatched} matched by no "
            f"wording, the intended step is among the {SUGGESTIONS} offered for {offered}"
        )


if __name__ == "__main__":
    main()
