"""How much of an answer is a model answer pasted back.

Pasting the exemplar (or, for a question of one's own, the model answer) into the box
gets the grade of that text, not of the candidate; the grade stands, since it is what
the text earns, and the candidate is told why it says little about them. Runs of eight
words in the model text's order are copied rather than recalled: answers written for
the labelled set reach at most a sixth of their words in such runs.
"""

from __future__ import annotations

from functools import lru_cache

from hirebar.grading.text import Sentence, words

COPIED_RUN = 8
COPIED_SHARE = 0.5


def copied_share(sentences: list[Sentence], model_text: str) -> float:
    """Share of the answer's words inside runs of COPIED_RUN words found in ``model_text``."""
    runs = _model_runs(model_text)
    said = [w for sentence in sentences for w in words(sentence.text)]
    if not runs or len(said) < COPIED_RUN:
        return 0.0
    inside = [False] * len(said)
    for start, run in enumerate(_runs(said)):
        if run in runs:
            inside[start : start + COPIED_RUN] = [True] * COPIED_RUN
    return sum(inside) / len(said)


def mostly_copied(sentences: list[Sentence], model_text: str) -> bool:
    return copied_share(sentences, model_text) >= COPIED_SHARE


@lru_cache(maxsize=1024)
def _model_runs(model_text: str) -> frozenset[tuple[str, ...]]:
    """The model text's runs, read once per question rather than once per answer."""
    return frozenset(_runs(words(model_text)))


def _runs(sequence: list[str]) -> list[tuple[str, ...]]:
    return [tuple(sequence[i : i + COPIED_RUN]) for i in range(len(sequence) - COPIED_RUN + 1)]
