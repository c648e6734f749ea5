"""How strongly a sentence says what a phrase says: by wording and by meaning.

Wording: the share of the phrase's content stems found in the sentence, with
stems the question itself uses counting half (echoing the prompt is not an
answer). Meaning: cosine similarity of MiniLM embeddings, rescaled so that
unrelated sentences sit near 0 and paraphrases near 1. A key point made in one
clause of a long sentence is matched against that stretch of it too (its vector
pooled from the sentence's own model call), so a sentence that says three things
is not read as saying none of them. A sentence that matches a cue partly by
wording and partly by meaning scores the two combined, 1 - (1 - a)(1 - b).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from hirebar.grading.embedding import EMBEDDING_SIZE, Embedder
from hirebar.grading.text import Sentence, content_stems, stretches

# Words past this many are matched on wording only: it bounds the model time a very
# long answer takes (a 5-minute spoken answer is about 650 words).
MAX_EMBEDDED_WORDS = 900
# Cosine below FLOOR is noise for MiniLM; at CEILING a sentence paraphrases the cue.
COSINE_FLOOR = 0.30
COSINE_CEILING = 0.62
# A sentence below this cosine both to a cue and to the question is unrelated to them: words
# it shares with the cue are a coincidence. (Against the cue alone, a long sentence that
# makes the point among others can fall this low.)
UNRELATED_BELOW = 0.15


def within_budget(indices: list[int], sentences: Sequence[Sentence]) -> list[int]:
    """The first sentences whose words fit the embedding budget (long ones count as 100)."""
    kept, used = [], 0
    for index in indices:
        used += min(len(sentences[index].text.split()), 100)
        if used > MAX_EMBEDDED_WORDS:
            break
        kept.append(index)
    return kept


@lru_cache(maxsize=16384)
def phrase_stems(phrase: str) -> tuple[str, ...]:
    """A cue's distinct content stems, computed once per cue."""
    return tuple(dict.fromkeys(content_stems(phrase)))


@dataclass(frozen=True)
class Match:
    strength: float
    sentence_index: int
    by: str


class SentenceMatcher:
    """Scores phrases against the sentences of one answer, embedding each text once."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        question_text: str,
        embedder: Embedder | None,
        phrases: Sequence[str] = (),
        min_stems: int = 2,
    ):
        """``phrases`` (every cue to be matched) are embedded in the same batch as the
        sentences: one model call per answer instead of one per key point. A sentence
        of fewer than ``min_stems`` content words is not read by meaning: in an
        interview answer, one ("Yes.", "1.") cannot state a key point."""
        self.sentences = list(sentences)
        self.stems = [set(content_stems(s.text)) for s in self.sentences]
        self.question_stems = set(content_stems(question_text))
        self.question_text = question_text
        self.embedder = embedder
        # phrase -> its stems with weights (question words count half), and their sum
        self._weighted: dict[str, tuple[list[tuple[str, float]], float]] = {}
        self._sentence_vectors = None
        self._embedded: frozenset[int] = frozenset()  # sentences the model read
        self._topic: np.ndarray | None = None
        # stretches of long sentences (see ``stretches``) and the sentence each is from
        self._stretch_vectors = np.zeros((0, EMBEDDING_SIZE))
        self._stretch_owner = np.zeros(0, dtype=int)
        if embedder is not None and self.sentences:
            wordy = within_budget(
                [i for i, stems in enumerate(self.stems) if len(stems) >= min_stems],
                self.sentences,
            )
            texts = [self.sentences[i].text for i in wordy]
            vectors = np.zeros((len(self.sentences), EMBEDDING_SIZE))
            if texts:
                runs = [stretches(text) for text in texts]
                read, by_run = embedder.embed_parts(
                    [*texts, *phrases], [*runs, *([()] * len(phrases))]
                )
                vectors[wordy] = read[: len(texts)]
                owners = [i for i, own in zip(wordy, runs, strict=True) for _ in own]
                if owners:
                    self._stretch_vectors = np.concatenate(by_run[: len(texts)])
                    self._stretch_owner = np.asarray(owners, dtype=int)
            self._sentence_vectors = vectors
            self._embedded = frozenset(wordy)

    def lexical(self, phrase: str, index: int, min_hits: int = 1) -> float:
        """Weighted share of the phrase's stems in the sentence; 0 below ``min_hits`` (or 2)."""
        weighted = self._weighted.get(phrase)
        if weighted is None:
            stems = phrase_stems(phrase)
            weights = [0.5 if s in self.question_stems else 1.0 for s in stems]
            weighted = self._weighted[phrase] = (
                list(zip(stems, weights, strict=True)),
                sum(weights),
            )
        pairs, total = weighted
        if not pairs:
            return 0.0
        present = self.stems[index]
        hits, found = 0, 0.0
        for stem, weight in pairs:
            if stem in present:
                hits += 1
                found += weight
        if hits < max(min_hits, min(2, len(pairs))):
            return 0.0
        return found / total

    def cosine(self, phrases: Sequence[str], *, by_stretch: bool = False) -> np.ndarray:
        """Raw cosine similarity, one row per phrase, one column per sentence; with
        ``by_stretch``, a long sentence scores its best stretch when that is higher."""
        if self.embedder is None or self._sentence_vectors is None:
            return np.zeros((len(phrases), len(self.sentences)))
        vectors = self.embedder.embed(list(phrases))
        cosine = vectors @ self._sentence_vectors.T
        if by_stretch and len(self._stretch_owner):
            stretch = self._stretch_vectors @ vectors.T  # one row per stretch
            np.maximum.at(cosine.T, self._stretch_owner, stretch)  # into its sentence's column
        return cosine

    def topic(self) -> np.ndarray:
        """Each sentence's raw cosine to the question, computed once per answer."""
        if self._topic is None:
            self._topic = self.cosine([self.question_text])[0]
        return self._topic

    def semantic(self, phrases: Sequence[str]) -> np.ndarray:
        """Cosine rescaled so that noise is 0 and a paraphrase is 1."""
        return self._rescaled(self.cosine(phrases))

    @staticmethod
    def _rescaled(cosine: np.ndarray) -> np.ndarray:
        return np.clip((cosine - COSINE_FLOOR) / (COSINE_CEILING - COSINE_FLOOR), 0.0, 1.0)

    def best(
        self,
        phrases: Sequence[str],
        *,
        semantic_weight: float = 1.0,
        skip: frozenset[int] = frozenset(),
    ) -> Match | None:
        """The sentence that best says any of ``phrases``, and how strongly; sentences whose
        index is in ``skip`` are passed over."""
        if not self.sentences or not phrases:
            return None
        cosine = self.cosine(phrases, by_stretch=True)
        meaning = self._rescaled(cosine) * semantic_weight
        topic = self.topic()
        best = Match(0.0, 0, "cue")
        for index in range(len(self.sentences)):
            if index in skip:
                continue
            for row, phrase in enumerate(phrases):
                # Shared words in a sentence the model reads as off the cue and off the
                # question are a coincidence ("a drop usually means an upstream change" is
                # not "a clip that changes the meaning").
                unrelated = (
                    index in self._embedded
                    and topic[index] < UNRELATED_BELOW
                    and cosine[row, index] < UNRELATED_BELOW
                )
                wording = 0.0 if unrelated else self.lexical(phrase, index)
                if wording > best.strength:
                    best = Match(wording, index, "cue")
                if meaning[row, index] > best.strength:
                    best = Match(float(meaning[row, index]), index, "meaning")
                # Wording and meaning that each find part of the cue are two signs, not
                # one: "went to a human reviewer" shares a third of "sent low confidence
                # cases to human review" and reads 0.45 to it, and together they make it.
                both = 1 - (1 - wording) * (1 - float(meaning[row, index]))
                if wording and meaning[row, index] and both > best.strength:
                    best = Match(both, index, "both")
        return best
