"""The sentence model gives a text the same vector whatever is embedded with it or before."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from hirebar.grading import MiniLM, assess
from hirebar.grading.embedding import int8_model_path

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
