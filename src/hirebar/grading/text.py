"""Sentences with their exact positions, and the content-word stems the cues match on.

Evidence must quote the candidate exactly, so sentences keep their character
spans in the original answer rather than being re-joined from tokens.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")
# A Snowball stemmer keeps its working state on the object: one word at a time.
_STEMMER_LOCK = threading.Lock()
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
# A sentence ends at . ! ? followed by space, or at a line break; bullets start new ones.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
# Abbreviations that never end a sentence ("Dr. Okafor", "e.g. churn"). Not "ms": in this
# field "under 300 ms." ends one far more often than a title starts a name.
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:dr|mr|mrs|prof|vs|approx|cf|e\.g|i\.e)\.$", re.I)

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "i'd",
        "i'll",
        "i'm",
        "i've",
        "if",
        "in",
        "into",
        "is",
        "it",
        "it's",
        "its",
        "itself",
        "just",
        "let",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "we'd",
        "we'll",
        "we're",
        "we've",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "also",
        "would've",
        "that's",
        "there's",
        "what's",
        "like",
        "really",
        "actually",
        "basically",
        "kind",
        "sort",
        "thing",
        "things",
        "stuff",
        "lot",
        "lots",
        "get",
        "got",
        "make",
        "made",
        "going",
        "go",
        "one",
        "way",
        "well",
        "maybe",
        "probably",
    ]
)


# Typographic quotes, as phones and word processors type them, read as plain ones: the
# grader's stopwords, contractions and patterns are written with ' and ". One character
# for one, so offsets into the answer as written stay true.
_PLAIN_QUOTES = str.maketrans("‘’‚‛′“”„‟″", "'''''" + '"' * 5)


def plain_quotes(text: str) -> str:
    return text.translate(_PLAIN_QUOTES)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def split_sentences(answer: str) -> list[Sentence]:
    """Sentences of ``answer`` with spans such that ``answer[start:end] == text``."""
    sentences = []
    position = 0
    for match in _BOUNDARY.finditer(answer):
        before = max(0, match.start() - 12)
        if "\n" not in match.group() and _ABBREVIATION.search(answer, before, match.start()):
            continue
        _append(sentences, answer, position, match.start())
        position = match.end()
    _append(sentences, answer, position, len(answer))
    return sentences


def _append(out: list[Sentence], answer: str, start: int, end: int) -> None:
    raw = answer[start:end]
    bullet = _BULLET.match(raw)
    if bullet:
        start, raw = start + bullet.end(), raw[bullet.end() :]
    stripped = raw.strip()
    if not _WORD.search(stripped.lower()):
        return
    offset = start + raw.index(stripped)
    out.append(Sentence(stripped, offset, offset + len(stripped)))


# A sentence of more words than this is also read a stretch at a time for meaning: one
# vector for "we saw X, so I did Y, and the result was Z" blurs the points it makes.
LONG_SENTENCE_WORDS = 20
# A stretch is whole clauses, at least this many words.
STRETCH_WORDS = 6
_CLAUSE_BREAK = re.compile(
    r"(?<=[;:])\s+|\s+(?=[-–—]{1,2}\s)|(?<=,)\s+(?=(?:and|but|so|because|which|while|since|"
    r"although|though|whereas|then|or|after|before|until|when|where)\b)",
    re.IGNORECASE,
)


def stretches(sentence: str) -> tuple[str, ...]:
    """A long sentence cut at clause breaks into runs of at least STRETCH_WORDS words;
    nothing for a sentence that is short or has no break."""
    if len(sentence.split()) <= LONG_SENTENCE_WORDS:
        return ()
    runs: list[str] = []
    for clause in _CLAUSE_BREAK.split(sentence):
        if runs and len(runs[-1].split()) < STRETCH_WORDS:
            runs[-1] = f"{runs[-1]} {clause}"
        else:
            runs.append(clause)
    if len(runs) > 1 and len(runs[-1].split()) < STRETCH_WORDS:
        runs[-2:] = [f"{runs[-2]} {runs[-1]}"]
    return tuple(runs) if len(runs) > 1 else ()


# Words that turn an act down: "not", "never", "without", "refuse" and every "n't",
# typed with a straight apostrophe, a curly one or none ("dont").
REFUSAL = re.compile(
    r"\b(?:not|never|no|nor|without|cannot|refuse|"
    r"(?:do|does|did|is|are|was|were|has|have|had|ca|could|wo|would|should|must|need)n['’]?t)\b",
    re.IGNORECASE,
)


def unread_script(text: str) -> bool:
    """Whether the text has letters but no word the grader reads (it reads the Latin
    alphabet): Japanese, say, which would otherwise grade as an empty answer."""
    return any(c.isalpha() for c in text) and not _WORD.search(text.lower())


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


# Short forms that people say and write for these words: a cue's "evaluation plan" is
# matched by "the eval plan", its "launch document" by "the launch doc".
SHORT_FORMS = {
    "eval": "evaluation",
    "evals": "evaluations",
    "doc": "document",
    "docs": "documents",
    "spec": "specification",
    "specs": "specifications",
    "config": "configuration",
    "configs": "configurations",
    "prod": "production",
    "perf": "performance",
    "infra": "infrastructure",
    "rec": "recommendation",
    "recs": "recommendations",
    "eng": "engineering",
    "pct": "percent",
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    word = SHORT_FORMS.get(word, word)
    with _STEMMER_LOCK:
        return _STEMMER.stemWord(word.replace("'", ""))


# Acronyms said as often as the words they stand for: "RAG" and "retrieval-augmented
# generation" read as the same words.
ACRONYMS = {
    "rag": ("retrieval-augmented", "generation"),
    "prd": ("product", "requirements", "document"),
}


# Growth rates written as notation ("O(n log n)", "n^2", "Θ(1)") read as the words for them
# ("linearithmic", "quadratic", "constant"): course answers write either, and the notation
# alone leaves only letters and digits too short to count as words.
GROWTH_WORDS = {
    "1": "constant",
    "logn": "logarithmic",
    "n": "linear",
    "nlogn": "linearithmic",
    "n2": "quadratic",
    "n3": "cubic",
    "2n": "exponential",
}
_GROWTH = re.compile(
    r"(?:\b(?:big[- ]?)?(?:o|theta|omega)|[θΘΩ])\s*\(((?:[^()]|\([^()]{1,4}\)){1,16})\)"  # O(...)
    r"|\bn\s*\*?\s*(?:log|lg)(?:_?2)?\s*\(?\s*n\b\)?|\bnlogn\b"  # n log n
    r"|\b(?:log|lg)(?:_?2)?\s*\(?\s*n\b\)?"  # log n
    r"|\bn\s*(?:\^|\*\*)\s*[23]\b|\bn[²³]|\b2\s*(?:\^|\*\*)\s*n\b",  # n^2, n³, 2^n
    re.IGNORECASE,
)
_GROWTH_HINTS = ("(", "^", "log", "lg", "²", "³", "θ", "ω")


def _growth_word(match: re.Match[str]) -> str:
    rate = (match.group(1) or match.group(0)).lower()
    for old, new in (("lg", "log"), ("²", "2"), ("³", "3"), ("_2", ""), ("log2", "log")):
        rate = rate.replace(old, new)
    rate = re.sub(r"[\s*^()·]", "", rate)
    return f" {GROWTH_WORDS[rate]} " if rate in GROWTH_WORDS else match.group(0)


def growth_in_words(text: str) -> str:
    """The text with each growth rate in notation replaced by its word ("O(1)" by
    "constant"): the sentence model reads the two as unrelated."""
    if not any(hint in text.lower() for hint in _GROWTH_HINTS):  # the pattern is slow
        return text
    return _GROWTH.sub(_growth_word, text)


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning, in order, stopwords removed."""
    return [
        stem(part)
        for w in words(growth_in_words(text))
        if w not in STOPWORDS and len(w) > 1
        for part in ACRONYMS.get(w, (w,))
    ]
