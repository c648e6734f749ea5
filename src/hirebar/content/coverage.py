"""How the library covers the loop: counts and the matrices an author looks at for gaps.

A bank can have hundreds of questions and still leave a company's hardest round or a
competency's hard end almost empty; the matrices make those holes visible.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from hirebar.content.library import Library
from hirebar.content.vocabulary import TOPIC_AREAS, Competency, Difficulty, RoundKind


@dataclass
class Coverage:
    counts: dict[str, int]
    # round kind -> company id -> questions tagged with both
    round_by_company: dict[str, dict[str, int]] = field(default_factory=dict)
    # competency -> difficulty -> questions
    competency_by_difficulty: dict[str, dict[str, int]] = field(default_factory=dict)
    areas: dict[str, int] = field(default_factory=dict)
    per_company: dict[str, int] = field(default_factory=dict)
    per_round: dict[str, int] = field(default_factory=dict)
    lessons_per_module: dict[str, int] = field(default_factory=dict)


def coverage(library: Library) -> Coverage:
    questions = list(library.questions.values())
    companies = sorted(library.companies)
    return Coverage(
        counts={
            "questions": len(questions),
            "lessons": len(library.lessons),
            "modules": len(library.modules),
            "cards": len(library.cards),
            "companies": len(library.companies),
        },
        round_by_company={
            kind.value: {
                c: sum(1 for q in questions if q.round == kind and c in q.companies)
                for c in companies
            }
            for kind in RoundKind
        },
        competency_by_difficulty={
            comp.value: {
                d.value: sum(1 for q in questions if q.difficulty == d and comp in q.competencies)
                for d in Difficulty
            }
            for comp in Competency
        },
        areas={a: sum(1 for q in questions if a in q.topics) for a in TOPIC_AREAS},
        per_company={c: sum(1 for q in questions if c in q.companies) for c in companies},
        per_round=dict(Counter(q.round.value for q in questions)),
        lessons_per_module={module.id: len(lessons) for module, lessons in library.course},
    )
