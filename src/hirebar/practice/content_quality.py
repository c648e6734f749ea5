"""Content QA: the checks behind ``hirebar content lint``.

Schema errors are the loader's job; these catch what a valid pack can still get wrong:
two questions that are really one, key points that say the same thing twice, cues a
strong answer (the question's own exemplar) never triggers or red flags it raises,
red flags raised by the strong side of a pitfall, lessons that link to nothing, and
passages copied from source material an author worked from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from hirebar.content import Library, Question
from hirebar.content.problems import PackProblem
from hirebar.drills import KINDS
from hirebar.grading import Embedder, assess, raised_flags
from hirebar.grading.text import content_stems, split_sentences

# Cosine of MiniLM prompt embeddings at or above which two questions ask the same thing.
DUPLICATE_PROMPTS = 0.88
# Without the model: share of content stems two prompts have in common.
DUPLICATE_STEMS = 0.6
# Cosine between two key points of one question (text plus cues) that means a repeat.
REPEATED_KEY_POINTS = 0.85
# A run of this many words shared with a source text counts as copied.
COPIED_WORDS = 10

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


@dataclass(frozen=True)
class Finding:
    check: str
    entry: str
    message: str

    def __str__(self) -> str:
        return f"{self.check}: {self.entry}: {self.message}"


def lint(
    library: Library, embedder: Embedder | None, sources: Iterable[Path] = ()
) -> list[Finding]:
    """Every finding for the loaded library; an empty list means the content is clean."""
    questions = list(library.questions.values())
    findings = [Finding("pack-problem", p.entry or p.file, str(p)) for p in library.problems]
    findings += [
        Finding("broken-link", p.entry or p.file, str(p)) for p in drill_link_problems(library)
    ]
    findings += near_duplicates(questions, embedder)
    for question in questions:
        findings += repeated_key_points(question, embedder)
        findings += exemplar_cue_findings(question, embedder)
        findings += pitfall_flag_findings(question, embedder)
    findings += copied_text(library, list(sources))
    return findings


def drill_link_problems(library: Library) -> list[PackProblem]:
    """Lesson links to drill kinds or incident scenarios that do not exist, at the lesson's
    file and line (the course leaves them out).

    Question links are checked when the library loads; drills live a layer above
    content, so their links are checked here, for both ``content validate`` and ``lint``.
    """
    problems = []
    for lesson in library.lessons.values():
        missing = [d for d in lesson.drills if d not in KINDS and d not in library.incidents]
        if missing:
            file, line = library.places.get(("lessons", lesson.id), ("lessons", None))
            problems.append(
                PackProblem(
                    file=file,
                    line=line,
                    entry=lesson.id,
                    field="drills",
                    message=f"no drill kind or incident, left out: {', '.join(missing)}",
                )
            )
    return problems


def near_duplicates(questions: list[Question], embedder: Embedder | None) -> list[Finding]:
    """Pairs of questions whose prompts ask the same thing."""
    if len(questions) < 2:
        return []
    if embedder is not None:
        vectors = embedder.embed([q.prompt for q in questions])
        similar = vectors @ vectors.T
        threshold = DUPLICATE_PROMPTS
    else:
        stems = [set(content_stems(q.prompt)) for q in questions]
        similar = np.array(
            [[len(a & b) / max(1, len(a | b)) for b in stems] for a in stems], dtype=float
        )
        threshold = DUPLICATE_STEMS
    found = []
    for i, j in zip(*np.nonzero(np.triu(similar, k=1) >= threshold), strict=True):
        found.append(
            Finding(
                "near-duplicate",
                f"{questions[i].id} ~ {questions[j].id}",
                f"prompts are {similar[i, j]:.2f} similar; make one ask something else",
            )
        )
    return found


def repeated_key_points(question: Question, embedder: Embedder | None) -> list[Finding]:
    """Key points of one question that restate each other, so one idea counts twice."""
    points = question.rubric.key_points
    if embedder is not None:
        vectors = embedder.embed([" ".join([k.text, *k.cues]) for k in points])
        similar = vectors @ vectors.T
        threshold = REPEATED_KEY_POINTS
    else:
        stems = [set(content_stems(" ".join([k.text, *k.cues]))) for k in points]
        similar = np.array([[len(a & b) / max(1, len(a | b)) for b in stems] for a in stems])
        threshold = DUPLICATE_STEMS
    return [
        Finding(
            "repeated-key-point",
            question.id,
            f"key points '{points[i].id}' and '{points[j].id}' say the same thing "
            f"({similar[i, j]:.2f})",
        )
        for i, j in zip(*np.nonzero(np.triu(similar, k=1) >= threshold), strict=True)
    ]


def exemplar_cue_findings(question: Question, embedder: Embedder | None) -> list[Finding]:
    """What the question's own strong outline gets wrong when graded: its cues are off.

    A key point it does not cover has cues no strong answer says; a red flag it raises has
    cues a strong answer does say (and a flagged sentence earns no key point either).
    """
    assessment = assess(question, question.exemplar, embedder)
    return [
        *(
            Finding(
                "cue-misses-exemplar",
                question.id,
                f"no cue of key point '{k.id}' matches the exemplar; reword the cues or the "
                "outline",
            )
            for k in assessment.missed
        ),
        *(
            Finding(
                "exemplar-raises-flag",
                question.id,
                f"the exemplar raises red flag '{f.id}' with \"{f.quote}\"; make the flag's "
                "cues say the mistake itself",
            )
            for f in assessment.red_flags
        ),
    ]


def pitfall_flag_findings(question: Question, embedder: Embedder | None) -> list[Finding]:
    """Red flags raised by a pitfall's strong version: the grader would punish a candidate
    for the very sentence the library teaches. Usually a flag's cue shares the right
    answer's words, or reads too close to it in meaning."""
    findings = []
    for number, pitfall in enumerate(question.pitfalls, start=1):
        _, hits = raised_flags(question, split_sentences(pitfall.strong), embedder)
        findings += [
            Finding(
                "pitfall-raises-flag",
                question.id,
                f"the strong side of pitfall {number} raises red flag '{hit.id}' with "
                f'"{hit.quote}"; make the flag\'s cues say the mistake itself',
            )
            for hit in hits
        ]
    return findings


def copied_text(library: Library, sources: list[Path]) -> list[Finding]:
    """Runs of COPIED_WORDS or more words that library text shares with a source file."""
    shingles: set[tuple[str, ...]] = set()
    for path in source_files(sources):
        shingles |= _shingles(path.read_text(encoding="utf-8", errors="ignore"))
    if not shingles:
        return []
    found = []
    for entry, text in _library_texts(library):
        for run in _shared_runs(text, shingles):
            found.append(Finding("copied-text", entry, f"shares '{run}' with a source text"))
    return found


def source_files(sources: list[Path]) -> Iterator[Path]:
    """The texts to compare the packs against: the files given, and .txt/.md under folders."""
    for source in sources:
        if source.is_dir():
            yield from sorted(p for p in source.rglob("*") if p.suffix in {".txt", ".md"})
        elif source.is_file():
            yield source


def _words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + COPIED_WORDS]) for i in range(len(words) - COPIED_WORDS + 1)}


def _shared_runs(text: str, shingles: set[tuple[str, ...]]) -> list[str]:
    words = _words(text)
    runs, i = [], 0
    while i <= len(words) - COPIED_WORDS:
        if tuple(words[i : i + COPIED_WORDS]) in shingles:
            j = i + COPIED_WORDS
            while j < len(words) and tuple(words[j - COPIED_WORDS + 1 : j + 1]) in shingles:
                j += 1
            runs.append(" ".join(words[i:j]))
            i = j
        else:
            i += 1
    return runs


def _library_texts(library: Library) -> Iterator[tuple[str, str]]:
    """Every piece of prose in the library, named by the entry it belongs to."""
    for company in library.companies.values():
        yield company.id, company.model_dump_json()
    for question in library.questions.values():
        yield question.id, question.model_dump_json()
    for lesson in library.lessons.values():
        yield lesson.id, lesson.model_dump_json()
