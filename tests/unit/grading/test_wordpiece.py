"""The hand-written WordPiece tokenizer gives the ids Hugging Face's ``tokenizers`` gives."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tokenizers import Tokenizer

from hirebar.grading.embedding import MAX_TOKENS, MiniLM, ModelUnavailable
from hirebar.grading.wordpiece import WordPiece

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))
from labelled import load

AWKWARD = [
    "naïve café résumé, ÜBER-größe",
    "中文字符 and 日本語のテキスト, 한국어",
    "emoji 🙂🥲 and a flag 🇺🇸 ☃★€©®™",
    "a\x00b\x0bc\x7fd\u200be\ufeff\u00adf\ue000g",
    "typed special tokens: [CLS] x [MASK]y[SEP] [cls]",
    "$5+3=8, a_b ~x^2 `code` <tag> {set} |pipe| 50%",
    "«quoted» — dash… ‘single’ “double” ¿qué? ¡sí!",
    "x" * 150 + " short",
    "ﬁne ligature, İstanbul, ß ẞ, ℌello, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, Ⅻ",
    "tab\tnew\nline\rreturn\u00a0nbsp\u2003em\u2028sep",
    "١٢٣ Arabic digits, e\u0301 combining, Ω≈ç√∫µ≤≥÷",
    "unassigned \U000514ac and \u0378 code points",
    "",
    "   ",
    " ".join(f"word{i}" for i in range(400)),  # cut to the model's window
]


@pytest.fixture(scope="module")
def reference(embedder: MiniLM) -> Tokenizer:
    tokenizer = Tokenizer.from_file(str(embedder.tokenizer_path))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.no_padding()
    return tokenizer


@pytest.fixture(scope="module")
def ours(embedder: MiniLM) -> WordPiece:
    return WordPiece(embedder.tokenizer_path, MAX_TOKENS)


def differences(texts, reference: Tokenizer, ours: WordPiece) -> list[tuple[str, list, list]]:
    found = []
    for text in texts:
        theirs, mine = reference.encode(text), ours.encode(text)
        if (theirs.ids, theirs.tokens, theirs.special_tokens_mask) != (
            mine.ids,
            mine.tokens,
            mine.special_tokens_mask,
        ):
            found.append((text[:60], theirs.tokens[:12], mine.tokens[:12]))
    return found


@pytest.mark.slow
def test_every_text_the_grader_reads_gets_the_same_pieces(library, reference, ours):
    texts = [*AWKWARD, *(item.text for item in load("all"))]
    for q in library.questions.values():
        texts += [
            q.prompt,
            q.exemplar,
            *(p.weak for p in q.pitfalls),
            *(p.strong for p in q.pitfalls),
            *(cue for k in q.rubric.key_points for cue in k.cues),
        ]
    texts += [lesson.body for lesson in library.lessons.values()]
    assert len(texts) > 5000
    assert differences(texts, reference, ours) == []


def _stable(char: str) -> bool:
    """Characters whose Unicode category has not changed since Unicode 3.2: the Rust
    tables ``tokenizers`` uses are older than Python's, and disagree on newer marks."""
    return unicodedata.ucd_3_2_0.category(char) == unicodedata.category(char) != "Cn"


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=["Cs"]).filter(_stable), max_size=80))
def test_random_text_gets_the_same_pieces(reference, ours, text):
    assert differences([text], reference, ours) == []


def test_the_model_window_keeps_the_first_pieces_and_both_markers(ours):
    encoded = ours.encode(" ".join(["data"] * 300))
    assert len(encoded.ids) == MAX_TOKENS
    assert encoded.tokens[0] == "[CLS]" and encoded.tokens[-1] == "[SEP]"
    assert encoded.special_tokens_mask == [1] + [0] * (MAX_TOKENS - 2) + [1]


def test_a_broken_tokenizer_file_says_what_and_where(tmp_path, embedder):
    (tmp_path / "tokenizer.json").write_text('{"model": {"type": "BPE"}}')
    with pytest.raises(ModelUnavailable, match=r"tokenizer\.json.*hirebar setup"):
        MiniLM(tmp_path, model_path=embedder.model_path)


def test_rarity_follows_how_common_a_piece_is_in_general_text(ours):
    order = ["the", "of", "not", "average", "heap", "idempotent"]
    rarities = [ours.rarity(piece) for piece in order]
    assert rarities == sorted(rarities) and len(set(rarities)) == len(rarities)
    # Special tokens and single characters come before "the" in the vocabulary: most common.
    assert ours.rarity("[CLS]") == ours.rarity("a") == ours.rarity("the")
    # A piece the vocabulary lacks is as rare as any.
    assert ours.rarity("not-a-piece") >= max(ours.rarity(p) for p in ours.vocab)
