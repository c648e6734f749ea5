"""All loaded packs as one searchable library of companies and questions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from hirebar.content.company import Company
from hirebar.content.loader import LoadedPack, load_pack
from hirebar.content.problems import PackProblem
from hirebar.content.question import Question
from hirebar.content.vocabulary import Competency, Difficulty, RoundKind


def builtin_pack_path() -> Path:
    """The pack that ships inside the package."""
    return Path(str(resources.files("hirebar.content") / "packs" / "builtin"))


@dataclass
class Library:
    companies: dict[str, Company] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    packs: list[LoadedPack] = field(default_factory=list)
    problems: list[PackProblem] = field(default_factory=list)

    @classmethod
    def load(cls, extra_packs: Iterable[Path] = ()) -> Library:
        """The built-in pack plus ``extra_packs``; a later pack cannot shadow an earlier id."""
        library = cls()
        for root in [builtin_pack_path(), *extra_packs]:
            library.add(load_pack(root))
        library._check_references()
        return library

    def add(self, pack: LoadedPack) -> None:
        self.packs.append(pack)
        self.problems.extend(pack.problems)
        for kind, target in (("companies", self.companies), ("questions", self.questions)):
            for entry in getattr(pack, kind):
                if entry.id in target:
                    self.problems.append(
                        PackProblem(
                            file=str(pack.root),
                            entry=entry.id,
                            field="id",
                            message=f"{kind[:-1]} id already defined by an earlier pack; skipped",
                        )
                    )
                    continue
                target[entry.id] = entry

    def _check_references(self) -> None:
        """Questions may name only companies some loaded pack defines."""
        for question in self.questions.values():
            unknown = [c for c in question.companies if c not in self.companies]
            if unknown:
                self.problems.append(
                    PackProblem(
                        file="questions",
                        entry=question.id,
                        field="companies",
                        message=f"unknown company id(s): {', '.join(unknown)}",
                    )
                )

    def find(
        self,
        *,
        round: RoundKind | None = None,
        company: str | None = None,
        competency: Competency | None = None,
        difficulty: Difficulty | None = None,
        text: str | None = None,
    ) -> list[Question]:
        """Questions matching every filter given; ``text`` matches all its words."""
        words = text.lower().split() if text else []
        found = []
        for q in self.questions.values():
            if round and q.round != round:
                continue
            if company and company not in q.companies:
                continue
            if competency and competency not in q.competencies:
                continue
            if difficulty and q.difficulty != difficulty:
                continue
            haystack = " ".join([q.id, q.prompt, *q.topics]).lower()
            if any(w not in haystack for w in words):
                continue
            found.append(q)
        return found
