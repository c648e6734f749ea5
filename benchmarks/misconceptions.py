"""How many confident wrong ML facts the wrong-fact patterns catch, and how many correct
sentences in the same words they flag, on sentences written without sight of the patterns.

A flagged correct sentence caps a good answer at lean_no_hire, so the second figure
matters more than the first. Two files, each with a "tuning" set (used to write the
patterns) and a "held_out" set (scored once before anyone looked at it):
precision_recall_swaps.yaml (40 + 40 sentences a set) and wrong_facts.yaml (8 + 8 for
each of the other misconceptions, and an "untouched" set of 6 + 6 that nobody has looked at).

usage: python benchmarks/misconceptions.py [--each]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from hirebar.grading.misconceptions import MISCONCEPTIONS, find_misconceptions
from hirebar.grading.text import split_sentences

DATA = Path(__file__).resolve().parent / "data"
SWAPS = {"precision-as-recall", "recall-as-precision"}


def hits(sentence: str) -> set[str]:
    return {h.misconception.id for h in find_misconceptions(split_sentences(sentence))}


def swaps() -> None:
    sets = yaml.safe_load((DATA / "precision_recall_swaps.yaml").read_text())
    for name, sentences in sets.items():
        caught = sum(bool(hits(s) & SWAPS) for s in sentences["wrong"])
        flagged = sum(bool(hits(s)) for s in sentences["right"])
        print(
            f"precision/recall swaps, {name:9} caught {caught}/{len(sentences['wrong'])}, "
            f"correct sentences flagged {flagged}/{len(sentences['right'])}"
        )


def wrong_facts(each: bool) -> None:
    """A wrong sentence counts as caught only by its own misconception; a correct one
    counts as flagged by any."""
    known = {m.id for m in MISCONCEPTIONS}
    for name, kinds in yaml.safe_load((DATA / "wrong_facts.yaml").read_text()).items():
        caught = flagged = wrong = right = 0
        for kind, sentences in kinds.items():
            if kind not in known:
                raise SystemExit(f"wrong_facts.yaml, set {name}: no misconception {kind!r}")
            kind_caught = [s for s in sentences["wrong"] if kind in hits(s)]
            kind_flagged = [s for s in sentences["right"] if hits(s)]
            caught, flagged = caught + len(kind_caught), flagged + len(kind_flagged)
            wrong, right = wrong + len(sentences["wrong"]), right + len(sentences["right"])
            if each:
                print(
                    f"  {name:9} {kind:36} caught {len(kind_caught)}/{len(sentences['wrong'])}"
                    f", flagged {len(kind_flagged)}/{len(sentences['right'])}"
                )
        print(
            f"other wrong facts,       {name:9} caught {caught}/{wrong}, "
            f"correct sentences flagged {flagged}/{right}"
        )


if __name__ == "__main__":
    swaps()
    wrong_facts(each="--each" in sys.argv)
