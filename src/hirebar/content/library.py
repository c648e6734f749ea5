"""All loaded packs as one searchable library: companies, questions and the course."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from hirebar.content.artifact import Artifact
from hirebar.content.company import Company
from hirebar.content.incident import Incident
from hirebar.content.lesson import Card, Lesson, Module
from hirebar.content.loader import KINDS, LoadedPack, load_pack
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
    incidents: dict[str, Incident] = field(default_factory=dict)
    artifacts: dict[str, Artifact] = field(default_factory=dict)
    modules: dict[str, Module] = field(default_factory=dict)
    lessons: dict[str, Lesson] = field(default_factory=dict)
    packs: list[LoadedPack] = field(default_factory=list)
    problems: list[PackProblem] = field(default_factory=list)
    # (kind, id) -> the file and line where the entry in use is defined
    places: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    # (kind, id, field) -> the line where the entry in use writes that field
    field_lines: dict[tuple[str, str, str], int] = field(default_factory=dict)

    @classmethod
    def load(
        cls,
        extra_packs: Iterable[Path] = (),
        read: Callable[[Path], LoadedPack] = load_pack,
    ) -> Library:
        """The built-in pack plus ``extra_packs``; a later pack cannot shadow an earlier id.
        A folder named twice (the built-in pack among them, say) is read once.

        ``read`` turns a folder into a LoadedPack; callers may pass a cached reader.
        """
        library = cls()
        roots: dict[Path, Path] = {}
        for root in [builtin_pack_path(), *extra_packs]:
            roots.setdefault(Path(root).resolve(), Path(root))
        for root in roots.values():
            library.add(read(root))
        library._check_references()
        return library

    def add(self, pack: LoadedPack) -> None:
        """The pack's entries, and its problems with paths that say which pack they are in."""
        self.packs.append(pack)
        self.problems.extend(replace(p, file=_in_pack(pack.root, p.file)) for p in pack.problems)
        kept: set[tuple[str, str]] = set()
        for kind in KINDS:
            target = getattr(self, kind)
            for entry in getattr(pack, kind):
                file, line = pack.places.get((kind, entry.id), ("", None))
                where = str(pack.root / file)
                if entry.id in target:
                    first = ":".join(map(str, self.places.get((kind, entry.id), ())))
                    self.problems.append(
                        PackProblem(
                            file=where,
                            line=line,
                            entry=entry.id,
                            field="id",
                            message=f"{kind} id already defined by an earlier pack, at {first}; "
                            "skipped",
                        )
                    )
                    continue
                target[entry.id] = entry
                self.places[kind, entry.id] = (where, line)
                kept.add((kind, entry.id))
        self.field_lines.update((k, at) for k, at in pack.field_lines.items() if k[:2] in kept)

    @property
    def course(self) -> list[tuple[Module, list[Lesson]]]:
        """Modules in order, each with its lessons in order."""
        by_module: dict[str, list[Lesson]] = {m: [] for m in self.modules}
        for lesson in self.lessons.values():
            by_module.setdefault(lesson.module, []).append(lesson)
        modules = sorted(self.modules.values(), key=lambda m: (m.order, m.id))
        return [(m, sorted(by_module[m.id], key=lambda x: (x.order, x.id))) for m in modules]

    @property
    def cards(self) -> dict[str, tuple[Card, Lesson]]:
        """Every review card, with the lesson it comes from; of a repeated id (reported as a
        problem) the first loaded is kept, so a pack cannot replace a built-in card."""
        found: dict[str, tuple[Card, Lesson]] = {}
        for lesson in self.lessons.values():
            for card in lesson.cards:
                found.setdefault(card.id, (card, lesson))
        return found

    def _check_references(self) -> None:
        """Ids that point elsewhere must point at something a loaded pack defines."""
        for question in list(self.questions.values()):
            unknown = [c for c in question.companies if c not in self.companies]
            if unknown:  # the question stays; the ids that name nothing are left out
                self._problem(
                    "questions", question.id, "companies", "unknown company, left out", unknown
                )
                known = [c for c in question.companies if c in self.companies]
                self.questions[question.id] = question.model_copy(update={"companies": known})
        seen_cards: set[str] = set()
        for lesson in list(self.lessons.values()):
            if lesson.module not in self.modules:
                self._problem("lessons", lesson.id, "module", "unknown module", [lesson.module])
            missing = [q for q in lesson.practice if q not in self.questions]
            if missing:  # a link to nothing is left out rather than shown
                self._problem(
                    "lessons", lesson.id, "practice", "no such question, left out", missing
                )
                practice = [q for q in lesson.practice if q in self.questions]
                self.lessons[lesson.id] = lesson = lesson.model_copy(update={"practice": practice})
            repeated = []
            for card in lesson.cards:  # within the lesson too
                if card.id in seen_cards:
                    repeated.append(card.id)
                seen_cards.add(card.id)
            if repeated:
                self._problem("lessons", lesson.id, "cards", "card id used twice", repeated)

    def _problem(self, kind: str, entry: str, field: str, what: str, ids: list[str]) -> None:
        file, line = self.places.get((kind, entry), (kind, None))
        line = self.field_lines.get((kind, entry, field), line)
        self.problems.append(
            PackProblem(
                file=file, line=line, entry=entry, field=field, message=f"{what}: {', '.join(ids)}"
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
        """Questions matching every filter given; ``text`` matches all its words, each at
        the start of a word ("drift" finds "drifting", "PSI" does not find "sepsis")."""
        words = [re.compile(r"\b" + re.escape(w)) for w in text.lower().split()] if text else []
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
            if any(w.search(haystack) is None for w in words):
                continue
            found.append(q)
        return found


def _in_pack(root: Path, file: str) -> str:
    """A problem's file as a path a user can open: within the pack, unless it names the
    pack folder (or its manifest) already."""
    return file if file.startswith(str(root)) else str(root / file)
