"""How many precision/recall swaps the wrong-fact patterns catch, and how many correct
sentences they flag, on sentences written without sight of the patterns.

A flagged correct sentence caps a good answer at lean_no_hire, so the second figure
matters more than the first.

usage: python benchmarks/misconceptions.py
"""

from __future__ import annotations

from pathlib import Path

import yaml

from hirebar.grading.misconceptions import find_misconceptions
from hirebar.grading.text import split_sentences

DATA = Path(__file__).resolve().parent / "data" / "precision_recall_swaps.yaml"
SWAPS = {"precision-as-recall", "recall-as-precision"}


def swapped(sentence: str) -> bool:
    return any(h.misconception.id in SWAPS for h in find_misconceptions(split_sentences(sentence)))


def main() -> None:
    for name, sentences in yaml.safe_load(DATA.read_text()).items():
        caught = sum(swapped(s) for s in sentences["wrong"])
        flagged = sum(swapped(s) for s in sentences["right"])
        print(
            f"{name:9} swaps caught {caught}/{len(sentences['wrong'])}, "
            f"correct sentences flagged {flagged}/{len(sentences['right'])}"
        )


if __name__ == "__main__":
    main()
