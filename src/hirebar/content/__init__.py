"""Content packs: the schema (pydantic) and the loader.

A pure layer: nothing here imports store, web, cli or practice, and the only
I/O is reading pack files. Callers decide which pack folders to read.
"""

from hirebar.content.company import Company, Fact, Round, percent
from hirebar.content.lesson import Card, Lesson, Module
from hirebar.content.library import Library, builtin_pack_path
from hirebar.content.loader import LoadedPack, load_pack
from hirebar.content.problems import PackError, PackProblem
from hirebar.content.question import (
    FollowUp,
    KeyPoint,
    Pitfall,
    Question,
    RedFlag,
    Rubric,
    cut_at_word,
)
from hirebar.content.vocabulary import (
    ANSWER_MINUTES,
    COMPETENCY_NAMES,
    Competency,
    Difficulty,
    RoundKind,
    Verdict,
)

__all__ = [
    "ANSWER_MINUTES",
    "COMPETENCY_NAMES",
    "Card",
    "Company",
    "Competency",
    "Difficulty",
    "Fact",
    "FollowUp",
    "KeyPoint",
    "Lesson",
    "Library",
    "LoadedPack",
    "Module",
    "PackError",
    "PackProblem",
    "Pitfall",
    "Question",
    "RedFlag",
    "Round",
    "RoundKind",
    "Rubric",
    "Verdict",
    "builtin_pack_path",
    "cut_at_word",
    "load_pack",
    "percent",
]
