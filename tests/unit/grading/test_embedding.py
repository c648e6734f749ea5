"""The sentence model gives a text the same vector whatever is embedded with it or before."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from hirebar.grading import MiniLM, assess
from hirebar.grading.embedding import _Bounded, int8_model_path

TEXT = "We launched three weeks before the freeze, behind a feature flag, with a one-click revert."
OTHERS = [
    "Weighed how long each option would take and what waiting would cost.",
    "Yes.",
    "Compared how each option fails and who gets hurt by the errors, across every user segment "
    "we serve and every market we are in, before choosing between the two launch plans.",
]


@pytest.fixture
def fresh(embedder):
    """A new MiniLM on the same files: nothing cached yet."""
    return lambda: MiniLM(embedder.tokenizer_path.parent)


def test_the_tests_grade_with_the_int8_model(embedder):
    # the model that quantises activations with one scale per call: the case guarded here
    assert embedder.model_path == int8_model_path(embedder.tokenizer_path.parent)


def test_a_vector_does_not_depend_on_the_texts_beside_it(fresh):
    alone = fresh().embed([TEXT])[0]
    batched = fresh().embed([*OTHERS, TEXT])
    assert np.array_equal(batched[-1], alone)
    assert np.allclose(np.linalg.norm(batched, axis=1), 1.0, atol=1e-5)


def test_a_grade_does_not_depend_on_what_was_graded_before(library, fresh):
    question = library.questions["hm-model-vs-rules-disagreement"]
    first = assess(question, TEXT, fresh())
    warmed = fresh()
    for other in itertools.islice(library.questions.values(), 5):
        assess(other, other.exemplar, warmed)
    assess(question, question.exemplar, warmed)  # its cues are cached beside other sentences
    assert assess(question, TEXT, warmed) == first


LONG = (
    "Our research group reported to the chief scientist, not to me, "
    "and they were chasing benchmark scores on long, polished text."
)
HALVES = (
    "Our research group reported to the chief scientist, not to me,",
    "and they were chasing benchmark scores on long, polished text.",
)


def test_parts_come_from_the_texts_own_model_call(fresh):
    model = fresh()
    vectors, parts = model.embed_parts([LONG, "Yes."], [HALVES, ()])
    assert np.array_equal(vectors[0], fresh().embed([LONG])[0])  # the text's vector is unchanged
    assert parts[0].shape == (2, 384) and parts[1].shape == (0, 384)
    assert np.allclose(np.linalg.norm(parts[0], axis=1), 1.0, atol=1e-5)
    # each part reads as itself, not as the other half of the sentence
    alone = model.embed(list(HALVES))
    similarity = parts[0] @ alone.T
    assert similarity[0, 0] > similarity[0, 1] and similarity[1, 1] > similarity[1, 0]


def test_parts_asked_for_a_text_already_embedded_are_still_read(fresh):
    model = fresh()
    model.embed([LONG])
    later = model.embed_parts([LONG], [HALVES])[1][0]
    assert np.array_equal(later, fresh().embed_parts([LONG], [HALVES])[1][0])


def test_parts_must_make_up_the_text(fresh):
    with pytest.raises(ValueError, match="do not make up the text"):
        fresh().embed_parts([LONG], [(HALVES[0], "and something else entirely.")])


def test_a_part_past_the_models_window_gets_a_zero_vector(fresh):
    first = "the first stretch says something, " * 30  # well past 128 word pieces
    text = first + "and the last stretch is never read."
    parts = fresh().embed_parts([text], [(first.strip(), "and the last stretch is never read.")])
    assert np.linalg.norm(parts[1][0][0]) == pytest.approx(1.0, abs=1e-5)
    assert not parts[1][0][1].any()


def test_a_text_cached_before_is_read_even_when_new_texts_push_it_out(fresh):
    # A long-running app fills its caches; vectors stored in one call must not push out
    # the cached ones that same call returns.
    model = fresh()
    model._cache.limit = model._parts.limit = 2
    before = model.embed_parts([LONG], [HALVES])
    after = model.embed_parts([LONG, *OTHERS[:2]], [HALVES, (), ()])
    assert np.array_equal(after[0][0], before[0][0])
    assert np.array_equal(after[1][0], before[1][0])
    assert len(model._cache) == 2  # still bounded


def test_a_cache_forgets_what_was_least_recently_read_not_what_came_first():
    # a question's cues, read for every answer, outlive the sentences of older answers
    cache = _Bounded(2)
    cache["cue"], cache["old sentence"] = 1, 2
    assert cache.get("cue") == 1
    cache["new sentence"] = 3
    assert list(cache) == ["cue", "new sentence"]
    assert cache.get("old sentence") is None
