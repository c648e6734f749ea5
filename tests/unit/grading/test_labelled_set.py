"""The human-labelled answers: their shape, gaming resistance, and agreement as a regression."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from hirebar.content import RoundKind, Verdict
from hirebar.grading import assess
from hirebar.grading.agreement import quadratic_weighted_kappa, spearman

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))
from labelled import DATA, GAMING, load

ALL = load("all")


def test_the_set_is_large_varied_and_split_by_question(library):
    assert len(ALL) >= 200
    assert len({i.question for i in ALL}) >= 40
    assert {i.verdict for i in ALL} == set(Verdict)
    assert {library.questions[i.question].round for i in ALL} == set(RoundKind)
    assert {i.style for i in ALL} == {"story", "framework", "rambling", "plain", "jargon"}
    split = yaml.safe_load((DATA / "split.yaml").read_text())
    assert not set(split["dev"]) & set(split["test"])
    assert {i.question for i in ALL} == set(split["dev"]) | set(split["test"])
    counts = Counter(i.gaming for i in ALL)
    assert all(counts[kind] >= 15 for kind in GAMING), counts


@pytest.mark.parametrize("kind", GAMING)
def test_no_gaming_answer_scores_above_lean_no_hire(library, embedder, kind):
    cases = [i for i in ALL if i.gaming == kind]
    verdicts = {
        i.id: assess(library.questions[i.question], i.text, embedder).verdict for i in cases
    }
    above = {k: v.value for k, v in verdicts.items() if v.rank > Verdict.lean_no_hire.rank}
    assert above == {}


@pytest.mark.parametrize("with_model", [True, False], ids=["with the model", "wording only"])
def test_agreement_on_the_test_split_stays_above_the_targets(library, embedder, with_model):
    """Wording alone has a score scale of its own, fitted on dev; both meet the targets."""
    items = load("test")
    model = embedder if with_model else None
    results = [assess(library.questions[i.question], i.text, model) for i in items]
    assert all(r.semantic == with_model for r in results)
    assert spearman([r.score for r in results], [i.score for i in items]) >= 0.80
    truth = [i.verdict.rank for i in items]
    predicted = [r.verdict.rank for r in results]
    assert quadratic_weighted_kappa(truth, predicted, 4) >= 0.75
    within = sum(abs(t - p) <= 1 for t, p in zip(truth, predicted, strict=True)) / len(items)
    assert within >= 0.95


@pytest.mark.parametrize("kind", [k for k in GAMING if k != "off_topic"])
def test_without_the_model_no_gaming_answer_scores_above_lean_no_hire(library, kind):
    """Wording alone has its own fitted scale; the off-topic check needs the model."""
    cases = [i for i in ALL if i.gaming == kind]
    above = {
        i.id: verdict.value
        for i in cases
        if (verdict := assess(library.questions[i.question], i.text).verdict).rank
        > Verdict.lean_no_hire.rank
    }
    assert above == {}


@pytest.mark.parametrize("name", ["unseen", "unseen-dev"])
def test_the_unseen_sets_are_apart_from_everything_else_and_span_the_verdicts(library, name):
    unseen = load(name)
    assert len(unseen) >= 80
    assert {i.verdict for i in unseen} == set(Verdict)
    assert all(i.question in library.questions for i in unseen)
    other = {i.question for i in load("unseen-dev" if name == "unseen" else "unseen")}
    assert not {i.question for i in unseen} & ({i.question for i in ALL} | other)


def test_agreement_on_the_unseen_set_does_not_fall(library, embedder):
    """Answers by writers who never saw the grader or the rubric while writing. The
    grader is not tuned on them; the floors sit under what it read when the set was
    made (Spearman 0.77, within one 81 %), so a change that makes it carry worse to
    other people's words fails here."""
    items = load("unseen")
    results = [assess(library.questions[i.question], i.text, embedder) for i in items]
    assert spearman([r.score for r in results], [i.score for i in items]) >= 0.72
    within = sum(
        abs(r.verdict.rank - i.verdict.rank) <= 1 for r, i in zip(results, items, strict=True)
    )
    assert within / len(items) >= 0.75
