"""BERT's uncased WordPiece tokenizer, read from the model's ``tokenizer.json``.

The grader needs only this one tokenizer, and Hugging Face's ``tokenizers`` wheel
brings a model-hub client with it (about 30 MB in all) into an app that never goes
online. The steps are the published ones, in the order ``tokenizers`` runs them:
special tokens typed in the text are kept whole; then clean (control characters
dropped, whitespace made a space), space out CJK ideographs, strip accents, lower-case;
split on whitespace and around each punctuation mark; then cut each word greedily
into the longest pieces in the vocabulary ("##" marks a piece inside a word), or
"[UNK]" if it cannot be cut. ``tests/unit/grading/test_wordpiece.py`` checks the ids
against ``tokenizers`` itself on every text in the library and on awkward input.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CONTINUING = "##"
MAX_WORD_CHARS = 100
# Ideographs that BERT reads one by one (CJK Unified Ideographs and their extensions;
# the range from U+2B920 is BERT's, which skips U+2B820-U+2B91F).
_CJK = re.compile(
    "([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002b73f\U0002b740-\U0002b81f"
    "\U0002b920-\U0002ceaf\U0002f800-\U0002fa1f])"
)
_ASCII_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ASCII_PUNCTUATION = re.compile(r"""([!-/:-@\[-`{-~])""")
_REMOVED = {"Cc", "Cf", "Co", "Cs"}
_EXPECTED = {
    "normalizer": "BertNormalizer",
    "pre_tokenizer": "BertPreTokenizer",
    "model": "WordPiece",
}


class TokenizerFileError(ValueError):
    """The tokenizer file is not a BERT WordPiece tokenizer this module can follow."""


@dataclass(frozen=True)
class Encoding:
    """One text's pieces with the special tokens around it, as the model reads them.

    ``special_tokens_mask`` is 1 for the ``[CLS]`` and ``[SEP]`` added around the text.
    """

    ids: list[int]
    tokens: list[str]
    special_tokens_mask: list[int]


class WordPiece:
    """Turns text into the ids all-MiniLM-L6-v2 was trained on."""

    def __init__(self, path: Path, max_tokens: int):
        try:
            spec = json.loads(Path(path).read_text(encoding="utf-8"))
            kinds = {part: spec[part]["type"] for part in _EXPECTED}
            vocab: dict[str, int] = spec["model"]["vocab"]
            self._lowercase = bool(spec["normalizer"].get("lowercase", True))
            strip = spec["normalizer"].get("strip_accents")
            self._strip_accents = self._lowercase if strip is None else bool(strip)
            self._unknown = spec["model"]["unk_token"]
            special = [t["content"] for t in spec.get("added_tokens", []) if t.get("special")]
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise TokenizerFileError(f"{path}: not a readable tokenizer file ({error})") from None
        if kinds != _EXPECTED:
            raise TokenizerFileError(f"{path}: expected {_EXPECTED}, found {kinds}")
        missing = [t for t in ("[CLS]", "[SEP]", self._unknown) if t not in vocab]
        if missing:
            raise TokenizerFileError(f"{path}: the vocabulary lacks {', '.join(missing)}")
        self.vocab = vocab
        # Whole words follow the special tokens and single characters, most frequent first.
        self._first_word = vocab.get("the", 0)
        self._special_split = (
            re.compile("(" + "|".join(map(re.escape, sorted(special, key=len, reverse=True))) + ")")
            if special
            else None
        )
        self.max_tokens = max_tokens
        self._word = lru_cache(maxsize=65536)(self._cut_word)

    def encode(self, text: str) -> Encoding:
        """``[CLS]`` + the text's pieces (cut to fit ``max_tokens``) + ``[SEP]``."""
        tokens = ["[CLS]", *self.pieces(text)[: self.max_tokens - 2], "[SEP]"]
        mask = [1, *([0] * (len(tokens) - 2)), 1]
        return Encoding([self.vocab[t] for t in tokens], tokens, mask)

    def pieces(self, text: str) -> list[str]:
        """All of the text's pieces, uncut and without special tokens."""
        tokens: list[str] = []
        parts = self._special_split.split(text) if self._special_split else [text]
        for index, part in enumerate(parts):
            if index % 2:  # a special token typed in the text: kept whole, read as text
                tokens.append(part)
                continue
            for word in self._words(part):
                tokens.extend(self._word(word))
        return tokens

    def rarity(self, piece: str) -> float:
        """How rare the piece is in general text: the log of its place among the
        vocabulary's words, which come most frequent first from "the" on (Zipf's law
        makes that log an inverse document frequency, up to a constant). Special tokens
        and single characters, listed before "the", count as the most common."""
        place = self.vocab.get(piece, len(self.vocab)) - self._first_word + 1
        return math.log(1 + max(1, place))

    def encode_batch(self, texts: list[str]) -> list[Encoding]:
        return [self.encode(text) for text in texts]

    def _words(self, text: str) -> list[str]:
        """Normalise the text, then split it on whitespace and around punctuation."""
        if text.isascii():
            text = _ASCII_CONTROL.sub("", text)
            if self._lowercase:
                text = text.lower()
            return _ASCII_PUNCTUATION.sub(r" \1 ", text).split()
        text = _CJK.sub(r" \1 ", _clean(text))
        if self._strip_accents:
            text = "".join(
                c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
            )
        if self._lowercase:
            text = text.lower()
        words: list[str] = []
        for chunk in text.split():
            if chunk.isalnum():
                words.append(chunk)
                continue
            start = 0
            for at, char in enumerate(chunk):
                if _is_punctuation(char):
                    if at > start:
                        words.append(chunk[start:at])
                    words.append(char)
                    start = at + 1
            if start < len(chunk):
                words.append(chunk[start:])
        return words

    def _cut_word(self, word: str) -> tuple[str, ...]:
        """The longest vocabulary pieces from the left; ``[UNK]`` if any part has none."""
        if len(word) > MAX_WORD_CHARS:
            return (self._unknown,)
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else CONTINUING + word[start:end]
                if piece in self.vocab:
                    pieces.append(piece)
                    break
                end -= 1
            else:
                return (self._unknown,)
            start = end
        return tuple(pieces)


def _clean(text: str) -> str:
    """Drop NUL, U+FFFD and control, format or private-use characters; make every space a
    plain one. (Unassigned code points stay, and become "[UNK]", as in ``tokenizers``.)"""
    kept = []
    for char in text:
        if char in "\t\n\r":
            kept.append(" ")
        elif char == "\ufffd" or unicodedata.category(char) in _REMOVED:
            continue
        elif char.isspace():
            kept.append(" ")
        else:
            kept.append(char)
    return "".join(kept)


def _is_punctuation(char: str) -> bool:
    """ASCII punctuation (which includes symbols such as $ and +) or any Unicode P* mark."""
    return (char.isascii() and not char.isalnum() and not char.isspace()) or (
        unicodedata.category(char)[0] == "P"
    )
