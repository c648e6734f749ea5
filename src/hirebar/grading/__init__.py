"""The grader: reads an answer against a question's rubric like a hiring committee.

A pure layer: nothing here imports store, web, cli or practice, and the only
I/O is reading the packaged model files when a caller asks for the embedder.
"""

from hirebar.grading.assessment import (
    Assessment,
    CompetencyScore,
    Evidence,
    KeyPointResult,
    RedFlagHit,
    Rewrite,
)
from hirebar.grading.embedding import Embedder, MiniLM, ModelUnavailable
from hirebar.grading.grader import GRADER_VERSION, assess, raised_flags

__all__ = [
    "GRADER_VERSION",
    "Assessment",
    "CompetencyScore",
    "Embedder",
    "Evidence",
    "KeyPointResult",
    "MiniLM",
    "ModelUnavailable",
    "RedFlagHit",
    "Rewrite",
    "assess",
    "raised_flags",
]
