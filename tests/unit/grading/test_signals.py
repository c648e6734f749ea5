"""Generic signals: found whatever the case of the answer's words."""

from __future__ import annotations

import pytest

from hirebar.grading.signals import SIGNALS, find_signals
from hirebar.grading.text import split_sentences


@pytest.mark.parametrize("signal", SIGNALS, ids=lambda s: s.name)
def test_patterns_are_written_in_lower_case(signal):
    # sentences are lower-cased before matching, so an upper-case letter could never match
    assert signal.pattern.pattern == signal.pattern.pattern.lower()


def test_signals_are_found_in_any_case():
    text = "We ran an A/B TEST with a HOLDOUT. I DECIDED to Roll Back at 5% Drop."
    found = find_signals(split_sentences(text))
    names = {name for pairs in found.values() for name, _ in pairs}
    assert {"experiment design", "owning the decision", "containment", "quantified claim"} <= names
    assert ("experiment design", 0) in [p for pairs in found.values() for p in pairs]
