"""The grader on answers written for the purpose, one strong and one weak per question."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

from hirebar.content import Library, RoundKind, Verdict
from hirebar.grading import assess, grader
from hirebar.grading.feedback import choose_follow_up, line_kind
from hirebar.grading.grader import COVERED_AT, LEXICAL_ONLY_NOTE, THIN_BELOW
from hirebar.grading.integrity import ECHO_SHARE_LIMIT, question_share
from hirebar.grading.matching import SentenceMatcher
from hirebar.grading.red_flags import GENERIC_RED_FLAGS, find_worded
from hirebar.grading.text import split_sentences

ANSWERS = Path(__file__).resolve().parents[2] / "data" / "answers"


def load_answers() -> dict[str, dict[str, str]]:
    """question id -> label -> answer text."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for path in sorted(ANSWERS.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text())["answers"]:
            found[item["question"]][item["label"]] = item["text"]
    return dict(found)


PAIRS = {q: labels for q, labels in load_answers().items() if {"strong", "weak"} <= set(labels)}


def raised(question, answer: str, embedder=None) -> list[str]:
    """The ids of the red flags the answer raises."""
    return [h.id for h in assess(question, answer, embedder).red_flags]


def test_every_round_kind_has_written_answers(library: Library):
    kinds = {library.questions[q].round for q in PAIRS}
    assert kinds == set(RoundKind)


@pytest.mark.parametrize("question_id", sorted(PAIRS))
def test_strong_answer_outscores_weak_answer(library, embedder, question_id):
    question = library.questions[question_id]
    strong = assess(question, PAIRS[question_id]["strong"], embedder)
    weak = assess(question, PAIRS[question_id]["weak"], embedder)
    assert strong.score > weak.score
    assert strong.verdict.rank > weak.verdict.rank
    assert strong.verdict.rank >= Verdict.lean_hire.rank
    assert weak.verdict.rank <= Verdict.lean_no_hire.rank


@pytest.mark.parametrize("question_id", sorted(PAIRS))
def test_evidence_quotes_are_exact_substrings(library, embedder, question_id):
    for answer in PAIRS[question_id].values():
        result = assess(library.questions[question_id], answer, embedder)
        for point in result.key_points:
            if point.evidence:
                assert answer[point.evidence.start : point.evidence.end] == point.evidence.quote
        for hit in result.red_flags:
            assert answer[hit.start : hit.end] == hit.quote
        for line in result.strengths:
            assert line.split('You said: "', 1)[1][:-1] in answer


def test_red_flag_fires_on_the_sentence_that_contains_it(library, embedder):
    question = library.questions["dbg-overnight-accuracy-drop"]
    flagged = "Honestly I would let the engineers figure it out while I update the roadmap."
    answer = (
        "First I would ask which queues dropped and when it started. "
        f"{flagged} "
        "Then I would check whether a config push went out last night."
    )
    result = assess(question, answer, embedder)
    hits = [h for h in result.red_flags if h.id == "wait-for-eng"]
    assert len(hits) == 1
    assert hits[0].quote == flagged
    assert any(flagged in line for line in result.feedback)


def test_a_red_flagged_sentence_is_never_quoted_as_evidence_for_a_key_point(library, embedder):
    question = library.questions["dbg-overnight-accuracy-drop"]
    flagged = "Accuracy is the main metric so we should look at it."
    answer = f"I think we should retrain the model because accuracy dropped. {flagged}"
    result = assess(question, answer, embedder)
    assert flagged in [h.quote for h in result.red_flags]
    assert all(k.evidence is None or k.evidence.quote != flagged for k in result.key_points)
    # the same sentence, not flagged, still counts where it says the point
    scoped = "Accuracy dropped, so first I would ask which queues and since when."
    kept = assess(question, f"{scoped} {flagged}", embedder)
    assert any(k.evidence and k.evidence.quote == scoped for k in kept.key_points)


def test_explaining_a_detailed_prompt_is_not_an_echo_but_restating_it_is(library, embedder):
    question = library.questions["tech-precision-recall-triage"]
    explained = (
        "Precision of 0.95 means that when the model flags a message it's almost always right. "
        "But recall of 0.60 means we miss 40 percent of the urgent messages, which for chest "
        "pain or suicidal language is dangerous. I'd say the model is not great for this use "
        "case because missing an emergency is much worse than a nurse reading a routine "
        "message. I would lower the threshold to get recall up to maybe 90% and estimate how "
        "many more messages nurses would need to read per shift. I'd also keep keyword rules "
        "for things like suicide as a backstop."
    )
    # about half its content words come from the prompt, as in an echo
    assert question_share(split_sentences(explained), question.prompt) >= ECHO_SHARE_LIMIT
    assert "echo" not in raised(question, explained, embedder)
    restated = (
        "A telehealth app uses a classifier to flag patient messages that need a nurse within "
        "the hour. It flags chest pain, stroke symptoms or suicidal language. On the test set "
        "it has precision 0.95 and recall 0.60. The ML lead calls it a great model. So what do "
        "those numbers mean for patients, and what would I do? That is the question."
    )
    echoed = assess(question, restated, embedder)
    assert "echo" in [h.id for h in echoed.red_flags]
    assert echoed.verdict in (Verdict.strong_no_hire, Verdict.lean_no_hire)


def test_a_sentence_on_a_flags_topic_that_takes_the_strong_side_does_not_raise_it(
    library, embedder
):
    question = library.questions["tech-fraud-rules-vs-ml"]
    strong = (
        "With fraud at 0.2%, the huge pile of easy legitimate transactions makes AUC look good; "
        "a model can reach 0.97 and still be weak where we actually operate."
    )
    assert "auc-is-enough" not in raised(question, strong, embedder)
    weak = "An AUC of 0.97 is excellent, so the model is clearly ready to replace the rules."
    assert "auc-is-enough" in raised(question, weak, embedder)


def test_a_sentence_sharing_a_flags_words_but_reading_as_a_key_point_does_not_raise_it(
    library, embedder
):
    """Wording alone cannot flag a sentence that means a key point and not the flag."""
    question = library.questions["tech-llm-launch-readiness"]
    monitored = (
        "After launch, audit a weekly sample, track how often adjusters edit the brief, keep a "
        "switch to turn it off, and pull it if the critical error rate creeps past the bar."
    )
    assert "big-bang" not in raised(question, monitored, embedder)
    rushed = "Given the timeline, I'd turn it on for all the adjusters at once next month."
    assert "big-bang" in raised(question, rushed, embedder)
    moat = library.questions["strat-legal-ai-moat"]
    shared = "Base models get better for everyone at once."
    assert "prompt-moat" not in raised(moat, shared, embedder)
    claimed = "Our model is just better than theirs, and that is what will keep us ahead."
    assert "prompt-moat" in raised(moat, claimed, embedder)
    # Without the model, the wording rule stands as it was.
    assert "big-bang" in raised(question, monitored)


def test_negated_red_flag_does_not_fire(library, embedder):
    question = library.questions["dbg-overnight-accuracy-drop"]
    answer = "I would not retrain the model right away; first I would ask what changed overnight."
    result = assess(question, answer, embedder)
    assert "retrain-first" not in [h.id for h in result.red_flags]


def test_a_negation_counts_only_in_the_clause_that_says_the_flag(library, embedder):
    """ "they don't adapt" elsewhere in the sentence does not turn the claim down; "but it
    isn't" right after the claim does."""
    rules = library.questions["hm-model-vs-rules-disagreement"]
    claimed = "Honestly, rules engines are outdated: they don't adapt, so I backed the model."
    assert "ml-by-default" in raised(rules, claimed, embedder)
    refused = "I don't think rules engines are outdated; they were the right first step here."
    assert "ml-by-default" not in raised(rules, refused, embedder)
    staged = library.questions["safe-agent-staged-release"]
    shipped = "Three percent is small enough, and we can't wait another quarter."
    assert "ship-and-patch" in raised(staged, shipped, embedder)
    doubted = "Three percent sounds small enough, but it isn't at this scale."
    assert "ship-and-patch" not in raised(staged, doubted, embedder)


@pytest.mark.parametrize("answer", ["", "   \n\t  ", "...", "\n\n"])
def test_empty_answer_is_a_clear_strong_no_hire(library, embedder, answer):
    question = library.questions["dbg-overnight-accuracy-drop"]
    result = assess(question, answer, embedder)
    assert result.verdict == Verdict.strong_no_hire
    assert result.score == 0
    assert "empty" in result.feedback[0]
    assert all(not k.covered for k in result.key_points)


def test_missed_key_points_are_named_with_advice(library, embedder):
    question = library.questions["dbg-overnight-accuracy-drop"]
    answer = (
        "I would roll back to the previous model right away "
        "and route low confidence tickets to humans."
    )
    result = assess(question, answer, embedder)
    covered = {k.id for k in result.key_points if k.covered}
    assert "contain" in covered
    for point in question.rubric.key_points:
        if point.id not in covered:
            assert any(
                point.advice in line and line.startswith("Missed:") for line in result.feedback
            )
    # The probe goes where the answer was thinnest, not to containment it already covered.
    assert "contain" not in result.follow_up.targets or len(result.follow_up.targets) > 1


def test_grading_is_deterministic(library, embedder):
    question = library.questions["dbg-overnight-accuracy-drop"]
    answer = PAIRS.get(question.id, {}).get("strong") or "First I would ask which segment dropped."
    first = assess(question, answer, embedder).model_dump()
    second = assess(question, answer, embedder).model_dump()
    assert first == second


def test_without_the_model_the_grader_says_so_and_still_works(library):
    question = library.questions["dbg-overnight-accuracy-drop"]
    result = assess(question, "I would roll back to the previous model first.")
    assert result.semantic is False
    assert LEXICAL_ONLY_NOTE in result.notes
    assert result.key_points[2].covered


def test_competency_scores_cover_the_question_and_stay_in_range(library, embedder):
    for question in list(library.questions.values())[:20]:
        result = assess(question, question.exemplar, embedder)
        names = {c.competency for c in result.competencies}
        assert set(question.competencies) <= names
        assert all(1 <= c.score <= 4 for c in result.competencies)


def test_a_red_flag_that_echoes_a_pitfall_is_rewritten_with_its_strong_version(library, embedder):
    question = library.questions["dbg-overnight-accuracy-drop"]
    weak = "The model probably drifted, so I would retrain it on last week's tickets and redeploy."
    result = assess(question, f"{weak} That should fix it quickly.", embedder)
    assert result.rewrite is not None
    assert result.rewrite.before == weak
    assert result.rewrite.after == question.pitfalls[0].strong


def test_a_vague_claim_gets_a_quantified_rewrite(library, embedder):
    question = library.questions["dbg-overnight-accuracy-drop"]
    answer = (
        "First I would ask which queues dropped and whether a config push went out. "
        "I would roll back to the previous model and route low confidence tickets to humans. "
        "That improved things for customers."
    )
    result = assess(question, answer, embedder)
    assert result.rewrite.before == "That improved things for customers."
    assert "[baseline]" in result.rewrite.after and "[target]" in result.rewrite.after


@pytest.mark.parametrize(
    "aside",
    [
        "Models keep getting better every year anyway.",
        "Leadership asked the data team to communicate better.",
        "Twice I blocked a release that improved the average but hurt rural stores.",
    ],
)
def test_a_change_that_is_not_the_candidates_result_is_not_asked_for_numbers(
    library, embedder, aside
):
    question = library.questions["dbg-overnight-accuracy-drop"]
    answer = (
        "First I would ask which queues dropped and whether a config push went out. "
        "I would roll back to the previous model and route low confidence tickets to humans. "
        + aside
    )
    rewrite = assess(question, answer, embedder).rewrite
    assert rewrite is None or "[baseline]" not in rewrite.after


def test_a_change_sized_in_words_is_not_asked_for_numbers(library, embedder):
    question = library.questions["dbg-overnight-accuracy-drop"]
    answer = (
        "First I would ask which queues dropped and whether a config push went out. "
        "I would roll back to the previous model and route low confidence tickets to humans. "
        "Handle time grew by two days for the worst queue."
    )
    result = assess(question, answer, embedder)
    assert result.rewrite is not None
    assert "[baseline]" not in result.rewrite.after


def test_a_model_named_boosting_is_not_a_change_to_put_numbers_on(library, embedder):
    question = library.questions["beh-model-broke-production"]
    answer = (
        "Our delivery-time model broke in production one Friday: it promised 20 minutes for "
        "45-minute deliveries in one city, and support chats spiked. "
        "We had replaced a lookup table with gradient boosting the month before. "
        "I switched that city back to the old estimate and added an alert on the gap."
    )
    result = assess(question, answer, embedder)
    assert result.rewrite is not None and not result.red_flags
    assert "gradient boosting" not in result.rewrite.before
    boosted = assess(question, "We boosted conversion with the new model.", embedder)
    assert boosted.rewrite is not None and "[baseline]" in boosted.rewrite.after


def test_every_rewrite_starts_from_the_answer(library, embedder):
    for question_id, labels in PAIRS.items():
        for answer in labels.values():
            result = assess(library.questions[question_id], answer, embedder)
            if result.rewrite:
                assert result.rewrite.before in answer
                assert result.rewrite.after != result.rewrite.before


@pytest.mark.parametrize("with_model", [True, False])
def test_a_missed_point_is_added_to_the_closest_sentence_in_the_exemplars_words(
    library, embedder, with_model
):
    """The stronger version says the missing point as a candidate would, not as advice."""
    question = library.questions["dbg-overnight-accuracy-drop"]
    sentence = "I'd contain harm by rolling back and routing to humans while we investigate."
    result = assess(question, sentence, embedder if with_model else None)
    assert result.rewrite is not None
    assert result.rewrite.before == sentence
    added = result.rewrite.after.removeprefix(sentence).strip()
    assert added and added in question.exemplar
    assert "which queues and languages dropped" in added  # the top missed point: scope first


def test_padding_quotes_the_sentence_said_over_and_over_not_the_good_one(library):
    question = library.questions["dbg-overnight-accuracy-drop"]
    good = "I would first scope the drop by segment and check what changed last night."
    answer = good + " " + " ".join(["The weather has been lovely this week."] * 300)
    result = assess(question, answer, None)
    (padding,) = [flag for flag in result.red_flags if flag.id == "padding"]
    assert padding.quote == "The weather has been lovely this week."


TERMS_IN_PROSE = (
    "My approach would be holistic: data strategy, feature engineering, embeddings, "
    "fine-tuning, RLHF, evals and guardrails. On the platform side, vector search, caching, "
    "observability, drift detection and MLOps best practices. With stakeholders, alignment, "
    "roadmaps, OKRs, north-star metrics and a data-driven culture. Then experimentation, "
    "personalisation, responsible AI and continuous improvement, so the product delights "
    "users and scales. For users, trust, transparency, delight and retention."
)
NOTES_WITH_NUMBERS = (
    "Metric: precision at the 0.8 threshold, recall above 90%, p95 latency under 300 ms. "
    "Rollout: shadow for 2 weeks, then 5%, 25% and 100%, with rollback if complaints rise "
    "10%. Risks: bias across the 4 regions, drift, privacy, cost; an owner named for each, "
    "and a review every Monday with support, legal, finance and the on-call engineer, who "
    "owns the rollback."
)


@pytest.mark.parametrize("model", [False, True])
def test_terms_run_together_in_prose_with_no_number_are_stuffing(library, embedder, model):
    question = library.questions["sd-feed-ranker"]
    result = assess(question, TERMS_IN_PROSE, embedder if model else None)
    (stuffing,) = [f for f in result.red_flags if f.id == "keyword-stuffing"]
    assert stuffing.quote.startswith("My approach would be holistic")  # the most terms
    assert result.verdict.rank <= Verdict.lean_no_hire.rank


def test_notes_that_state_numbers_or_a_short_list_are_not_stuffing(library):
    question = library.questions["sd-feed-ranker"]
    assert "keyword-stuffing" not in raised(question, NOTES_WITH_NUMBERS)
    short = TERMS_IN_PROSE.split(" Then")[0]  # three sentences, 40 words
    assert "keyword-stuffing" not in raised(question, short)


def test_a_flag_stated_as_a_refusal_is_not_raised_by_the_step_itself(library):
    """Wording cannot see a negation: the step must not raise the flag for skipping it."""
    question = library.questions["dbg-overnight-accuracy-drop"]
    refusal = (
        "I would not tell the support team or customers, and there is no need to roll "
        "anything back."
    )
    step = "We need to roll anything back that shipped and tell the support team or customers."
    raised = {flag.id for flag in assess(question, refusal, None).red_flags}
    assert {"harm-left-running", "keeps-people-in-the-dark"} <= raised
    assert not {"harm-left-running", "keeps-people-in-the-dark"} & {
        flag.id for flag in assess(question, step, None).red_flags
    }


@pytest.mark.parametrize(
    ("question_id", "sentence", "flag"),
    [
        # The model reads the step as close to the cue that refuses it.
        ("dbg-overnight-accuracy-drop", "I'd tell the support team.", "keeps-people-in-the-dark"),
        (
            "dbg-overnight-accuracy-drop",
            "I'd keep the support team informed.",
            "keeps-people-in-the-dark",
        ),
        # A comma inside a number split the clause from its negation.
        (
            "tech-llm-launch-readiness",
            "I wouldn't switch it on for all 1,200 adjusters at once.",
            "big-bang",
        ),
        # Refusing with a verb.
        (
            "ps-skin-check-triage",
            "The first thing I'd push back on is the idea that 91% is good enough to launch.",
            "headline-accuracy",
        ),
        # A clause that judges the one before it.
        (
            "dbg-chatbot-inconsistent-answers",
            "The easy answer is \"LLMs are just random sometimes\", and I'd say that's not "
            "acceptable for a bank quoting fees.",
            "accept-randomness",
        ),
        # A lead-in before a colon frames what follows.
        (
            "rs-last-model-launch",
            "What wasn't mine: the ML engineers chose the model and trained the LLM on our "
            "tickets.",
            "overclaim-build",
        ),
    ],
)
def test_a_sentence_that_turns_the_flag_down_does_not_raise_it(
    library, embedder, question_id, sentence, flag
):
    raised = {f.id for f in assess(library.questions[question_id], sentence, embedder).red_flags}
    assert flag not in raised


def test_a_refusal_in_other_words_still_raises_the_flag(library, embedder):
    question = library.questions["dbg-overnight-accuracy-drop"]
    for sentence in (
        "I'd keep it quiet for now so nobody panics.",
        "I would not tell the support team or customers because it would only worry them.",
    ):
        raised = {f.id for f in assess(question, sentence, embedder).red_flags}
        assert "keeps-people-in-the-dark" in raised, sentence


def test_words_shared_by_chance_with_a_cue_are_not_evidence(library, embedder):
    """An answer to another question shares "means" and "change" with the cue "a clip that
    changes the meaning out of context"; the model reads it as unrelated to the cue and to
    the question, so the point is not credited (by wording it scored 0.57)."""
    question = library.questions["ps-creator-clip-highlights"]
    answer = "A sudden overnight drop usually means an upstream change, not slow drift."
    point = next(k for k in assess(question, answer, embedder).key_points if k.id == "context-risk")
    assert point.strength == 0.0 and not point.covered
    wording_only = assess(question, answer, None)
    assert next(k for k in wording_only.key_points if k.id == "context-risk").strength > 0.5


def test_a_good_answer_repeated_is_told_to_cut_the_repetition_not_its_first_sentence(library):
    question = library.questions["dbg-overnight-accuracy-drop"]
    good = (
        "Before touching the model, I'd first confirm the drop is real and scope it by queue. "
        "Then I'd check what changed overnight: deploys, config pushes, upstream data. "
        "If harm is real I'd roll back to yesterday's model and tell the support leads. "
    )
    result = assess(question, good * 40, None)
    assert [flag.id for flag in result.red_flags] == ["padding"]
    assert "cut the repetition" in result.next_step
    assert "Before touching the model" not in result.next_step


def test_an_answer_in_a_script_the_grader_cannot_read_says_so(library):
    from hirebar.grading.grader import UNREAD_SCRIPT_NOTE
    from hirebar.grading.reference import assess_with_reference

    answer = "まず利用者と目標を明確にします。"
    graded = assess(library.questions["dbg-overnight-accuracy-drop"], answer, None)
    assert UNREAD_SCRIPT_NOTE in graded.notes and graded.score == 0
    assert UNREAD_SCRIPT_NOTE in assess_with_reference("Why?", "Define the goal.", answer).notes
    english = assess(library.questions["dbg-overnight-accuracy-drop"], "I would scope it.", None)
    assert UNREAD_SCRIPT_NOTE not in english.notes


def test_every_point_named_but_below_the_bar_is_told_to_develop_the_thinnest():
    from hirebar.content import Competency
    from hirebar.grading.assessment import KeyPointResult
    from hirebar.grading.feedback import next_step

    def point(text: str, strength: float) -> KeyPointResult:
        return KeyPointResult(
            id=text[:5],
            text=text,
            weight=0.5,
            competency=Competency.structure,
            strength=strength,
            covered=True,
            advice="Say it.",
        )

    points = [point("Scopes the drop first.", 0.6), point("Rolls back while it looks.", 0.9)]
    below = next_step(Verdict.lean_no_hire, points, [])
    assert "every key point is named" in below and '"Scopes the drop first"' in below
    assert "Every key point landed" not in below  # it no longer contradicts the verdict
    assert "Every key point landed" in next_step(Verdict.lean_hire, points, [])


def test_a_sentence_stating_a_wrong_fact_is_not_evidence(library, embedder):
    """It raised two wrong-fact flags and was quoted as evidence for the eval point."""
    question = library.questions["tech-crop-rust-synthetic-data"]
    wrong = (
        "Precision is the share of real positives we catch and recall is the share of our "
        "positive calls that are right."
    )
    graded = assess(question, f"{wrong} I would use accuracy as the main metric.", embedder)
    assert {"wrong-fact:precision-as-recall"} <= {f.id for f in graded.red_flags}
    assert all(k.evidence is None or k.evidence.quote != wrong for k in graded.key_points)


def test_a_follow_up_does_not_assume_the_exemplars_story(library, embedder):
    """ "What happened for cars with very few similar listings?" makes no sense to a
    candidate whose proudest feature was grocery substitutions; the other probe assumes
    nothing of the exemplar's story."""
    question = library.questions["beh-proudest-similar-cars"]
    # from benchmarks/data/own_stories.yaml
    own_story = (
        "The feature I'm proudest of is smarter substitutions at an online grocer. I found "
        "the problem while reading refund reasons: about 14 percent of orders had an "
        "out-of-stock item, shoppers were choosing replacements on the spot, and customers "
        "were getting oat milk instead of whole milk and asking for refunds. I framed it as "
        "suggesting a substitute the customer approves before the shopper picks. My part was "
        "that framing, digging out three years of accepted and rejected substitutions as "
        "training data, defining the metrics, designing the approval flow with our designer, "
        "and writing the rules for where the model must never guess. Our engineers Mei and "
        "Arjun built the model and the serving system, and I didn't touch either. Success was "
        "the share of substitutions customers accepted, with refund rate and any allergen "
        "complaint as guardrails. Acceptance went from 52 to 78 percent, substitution refunds "
        "fell by 40 percent, and we had no allergen complaints. The edge cases took most of "
        "my time: we never swapped across allergen or dietary flags, never substituted baby "
        "formula or medicines, and offered a refund when the model was unsure. The credit "
        "goes to Mei for the model, Arjun for getting it under 100 milliseconds, and Lucia in "
        "operations for training 3,000 shoppers."
    )
    graded = assess(question, own_story, embedder)
    assert "cars" not in graded.follow_up.prompt
    assert "cars" in choose_follow_up(question, graded.key_points).prompt  # without the answer


def test_a_story_rewrite_does_not_borrow_the_exemplars_facts(library, embedder):
    question = library.questions["beh-model-broke-production"]
    story = (
        "Last spring the invoice-risk model I was responsible for broke once it was live: "
        "after a retrain it started holding good invoices. I saw holds double in one region "
        "within a day, so I contained it by pausing automatic holds there and told finance "
        "what was happening that afternoon. We found a currency field had changed format "
        "upstream, fixed the parsing and retrained on corrected data."
    )
    rewrite = assess(question, story, embedder).rewrite
    assert rewrite is not None
    exemplar = {s.text for s in split_sentences(question.exemplar)}
    assert not any(line in rewrite.after for line in exemplar)
    assert rewrite.after.startswith(rewrite.before.rstrip(".!? "))  # their sentence, built on


def test_a_point_made_in_one_clause_of_a_long_sentence_is_credited(library, embedder, monkeypatch):
    """The model's vector for the whole sentence blurs its two clauses (cosine 0.47 to the
    closest cue); the second clause alone reads 0.58, and it is quoted in its sentence."""
    question = library.questions["beh-influencing-researchers"]
    sentence = (
        "At a travel booking site, our machine translation research group reported to the "
        "chief scientist, not to me, and they were chasing benchmark scores on long, "
        "polished text."
    )

    def incentives():
        graded = assess(question, sentence, embedder)
        return next(k for k in graded.key_points if k.id == "their-incentives")

    point = incentives()
    assert point.covered and point.evidence.quote == sentence
    monkeypatch.setattr("hirebar.grading.text.LONG_SENTENCE_WORDS", 1000)  # whole sentences
    assert not incentives().covered


def test_wording_and_meaning_that_each_find_part_of_a_cue_together_cover_it(library, embedder):
    """ "went to a human reviewer" shares a third of the cue's words ("human", "review") and
    reads 0.45 to it by meaning: neither alone reaches the bar, the two together do."""
    question = library.questions["beh-model-broke-production"]
    sentence = (
        "Instead, from that afternoon, any rejection of that bank's statements went to a "
        "human reviewer instead of being declined automatically."
    )
    point = next(
        k for k in assess(question, sentence, embedder).key_points if k.id == "containment"
    )
    assert point.covered and point.evidence.matched_by == "both"
    wording = next(k for k in assess(question, sentence).key_points if k.id == "containment")
    assert not wording.covered
    cues = question.key_point("containment").cues
    meaning = SentenceMatcher(split_sentences(sentence), question.prompt, embedder).semantic(cues)
    assert meaning.max() < COVERED_AT


@pytest.mark.parametrize(
    "refusal",
    [
        "I won't roll back.",
        "I couldn't roll back.",
        "I couldn’t roll back.",  # a curly apostrophe, as phones and word processors type it
        "I wont roll back.",  # typed without one
        "I refuse to roll back.",
    ],
)
def test_a_reply_that_turns_down_what_the_probe_rules_out_raises_no_flag(
    library, embedder, refusal
):
    """The probe says rolling back would lose a fix legal asked for; "I won't roll back"
    takes its premise. Said in a full answer, the same sentence raises the flag."""
    question = library.questions["dbg-overnight-accuracy-drop"]
    probe = question.follow_ups[1]
    assert "Rolling back would lose a fix" in probe.prompt
    reply = f"{refusal} Instead I route low confidence tickets to humans."
    graded = assess(question, reply, embedder, probe=probe)
    assert [h.id for h in graded.red_flags] == []
    assert "harm-left-running" in raised(question, refusal, embedder)


def test_a_point_touched_on_is_reported_as_only_in_passing(library, embedder):
    """Loose matches are credited but not praised: the feedback asks for the point made."""
    thin_in = defaultdict(list)
    for question_id, answers in PAIRS.items():
        for label, answer in answers.items():
            result = assess(library.questions[question_id], answer, embedder)
            for point in result.key_points:
                assert point.thin == (COVERED_AT <= point.strength < THIN_BELOW)
                praised = any(line.startswith(point.text) for line in result.strengths)
                assert praised == (point.covered and not point.thin)
                passing = [line for line in result.feedback if line.startswith("Only in passing")]
                told = any(point.text in line and point.advice in line for line in passing)
                assert told == point.thin
                if point.thin:
                    thin_in[label].append(question_id)
    # The strong answers written for the purpose make every point they make firmly; some
    # weak ones only brush against one.
    assert thin_in["weak"] and not thin_in["strong"]


def test_each_feedback_line_says_what_kind_it_is(library, embedder):
    """The web page styles feedback lines by kind, so every line has one, as many as the
    assessment has red flags, missed points and points made only in passing."""
    for question_id, answers in PAIRS.items():
        for answer in answers.values():
            result = assess(library.questions[question_id], answer, embedder)
            kinds = Counter(line_kind(line) for line in result.feedback)
            assert (
                kinds
                == Counter(
                    red_flag=len(result.red_flags),
                    missed=sum(not k.covered for k in result.key_points),
                    in_passing=sum(k.thin for k in result.key_points),
                )
                - Counter()
            )  # drops the kinds counted zero times


def test_every_point_there_but_some_in_passing_is_told_to_make_the_heaviest_explicit():
    from hirebar.content import Competency
    from hirebar.grading.assessment import KeyPointResult
    from hirebar.grading.feedback import next_step

    def point(text: str, weight: float, thin: bool) -> KeyPointResult:
        return KeyPointResult(
            id=text[:5],
            text=text,
            weight=weight,
            competency=Competency.structure,
            strength=0.6 if thin else 0.9,
            covered=True,
            thin=thin,
            advice="Name the gate.",
        )

    points = [
        point("Sets a gate.", 0.4, True),
        point("Stages the rollout.", 0.2, True),
        point("Scopes the harm.", 0.4, False),
    ]
    step = next_step(Verdict.lean_hire, points, [])
    assert "2 only in passing" in step and 'make "Sets a gate" explicit: name the gate.' in step
    assert "Every key point landed" not in step


def test_without_the_model_no_point_is_called_thin(library):
    """On wording alone a share of the cue's words is no measure of how firmly it is made."""
    for question_id, answers in PAIRS.items():
        for answer in answers.values():
            result = assess(library.questions[question_id], answer)
            assert not any(point.thin for point in result.key_points)


def test_an_answer_that_defers_to_legal_raises_the_flag(library, embedder):
    question = library.questions["xf-legal-biometric-try-on"]
    answer = (
        "Face scans are biometric data, so this is a legal question at heart. I'd take the "
        "design to legal and ask what consent we need in each state. Once legal comes back, "
        "I'd implement whatever they recommend, and engineering can build it."
    )
    assert "defers-to-engineers" in raised(question, answer, embedder)


@pytest.mark.parametrize(
    ("flag_id", "sentence", "raised_by_words"),
    [
        (
            "defers-to-engineers",
            "Once legal comes back, I'd implement whatever they recommend.",
            True,
        ),
        ("defers-to-engineers", "Whatever legal decides, we will build within it.", True),
        (
            "defers-to-engineers",
            "I'd defer to the risk team on whether the rules can be relaxed.",
            True,
        ),
        (
            "defers-to-engineers",
            "This isn't really a product decision, it's a risk decision.",
            True,
        ),
        ("defers-to-engineers", "Let the ML team decide which model to use.", True),
        (
            "defers-to-engineers",
            "I wouldn't just do whatever legal says; I'd bring them options.",
            False,
        ),
        ("defers-to-engineers", "I'd loop in legal and compliance before launch.", False),
        (
            "defers-to-engineers",
            "Legal needs to know now, and the customer needs a straight answer.",
            False,
        ),
        ("defers-to-engineers", "People read it as advice, whatever the screen says.", False),
        ("waits-for-it-to-fix-itself", "As they build history, the problem solves itself.", True),
        ("waits-for-it-to-fix-itself", "Serving costs will sort themselves out next year.", True),
        ("waits-for-it-to-fix-itself", "The model will naturally pick up the new slang.", True),
        ("waits-for-it-to-fix-itself", "We can't assume the problem will fix itself.", False),
        ("waits-for-it-to-fix-itself", "I fixed the labelling script myself that night.", False),
        ("disclaimer-as-fix", "I'd add a clear disclaimer that it isn't medical advice.", True),
        ("disclaimer-as-fix", "We could launch with a short disclaimer under each answer.", True),
        ("disclaimer-as-fix", "Rather than add a disclaimer, I'd narrow what it answers.", False),
        ("disclaimer-as-fix", "Design wants to keep it and add a disclaimer.", False),
        ("disclaimer-as-fix", "Nobody reads disclaimers, so the fix is in the product.", False),
        ("disclaimer-as-fix", "For the wrong readings, I'd put a disclaimer on top.", True),
        ("disclaimer-as-fix", "It would be a mistake to add a disclaimer and stop.", False),
        ("launches-to-everyone", "Then I'd ship it to all 30,000 stores at once.", True),
        ("launches-to-everyone", "We can roll it out to everyone next week.", True),
        ("launches-to-everyone", "Once the 5% pilot holds, we'd roll out to everyone.", False),
        ("launches-to-everyone", "I wouldn't launch to all users at once.", False),
        ("launches-to-everyone", "I chose to launch to everyone at once; my mistake.", False),
        ("denies-model-bias", "It only finds patterns in data, so it can't be biased.", True),
        ("denies-model-bias", "The model is objective, unlike a human reviewer.", True),
        ("denies-model-bias", "I wouldn't assume the model isn't biased; I'd measure it.", False),
        ("denies-model-bias", "I'd check whether the model is biased against new users.", False),
    ],
)
def test_stances_are_read_from_their_words(flag_id, sentence, raised_by_words):
    """Each stance reads to the sentence model as the key point on its topic ("whatever legal
    recommends" as the legal-review point; monitoring, telling users, rollout, fairness), so
    its words raise the generic flag; a refusal or a judgement just before, or another
    person's view reported there, does not, nor does a launch to everyone after a condition.
    "Wrong" alone describes the errors more often than it judges the move."""
    flag = next(f for f in GENERIC_RED_FLAGS if f.id == flag_id)
    assert (find_worded(flag, split_sentences(sentence)) is not None) == raised_by_words


def test_an_answer_that_waits_and_disclaims_raises_both_flags(library, embedder):
    question = library.questions["safe-lab-results-explainer"]
    answer = (
        "The explainer gets most results right, and patients like it. For the misread results, "
        "I'd put a disclaimer at the top of every explanation telling people to confirm with "
        "their doctor. As we collect more feedback the model will naturally get better, so the "
        "accuracy problem solves itself within a quarter or two."
    )
    found = raised(question, answer, embedder)
    assert "disclaimer-as-fix" in found and "waits-for-it-to-fix-itself" in found


AIRLINE_TOLD_BACK = (
    "I'd start from what the airline told us. Its team says 4% of its payments get declined "
    "during flash fare sales. I would not switch the rules off, because tickets are where "
    "stolen cards cash out. Instead I'd offer step-up checks for the middle band of scores "
    "during sales, and looser thresholds for returning customers. I'd sit down with the sales "
    "lead and the head of risk, agree what we can offer, and have risk sign it off. For the "
    "first sale we'd watch chargebacks hourly and tighten if fraud passes half a percent."
)


def test_a_sentence_that_tells_the_prompt_back_is_no_evidence(library, embedder, monkeypatch):
    """Telling the situation back says nothing the candidate decided; a sentence that takes
    up the prompt's question ("with the sales lead and the head of risk") still counts."""
    question = library.questions["xf-airline-fraud-exemption-request"]
    told_back = "Its team says 4% of its payments get declined during flash fare sales."

    def quotes(result) -> dict[str, str]:
        return {k.id: k.evidence.quote for k in result.key_points if k.evidence}

    kept = quotes(assess(question, AIRLINE_TOLD_BACK, embedder))
    assert told_back not in kept.values()
    assert any(q.startswith("I'd sit down with the sales lead") for q in kept.values())
    monkeypatch.setattr(grader, "RESTATES_PROMPT_AT", 1.01)  # the rule off
    assert told_back in quotes(assess(question, AIRLINE_TOLD_BACK, embedder)).values()


def test_launching_to_everyone_is_raised_by_its_words_alone(library, embedder):
    """A rollout cue read by meaning comes close to any sentence about a launch, so this flag
    is raised only by the words of launching to everyone now."""
    question = library.questions["th-ai-launch-postmortem"]
    story = (
        "We launched, summaries started flowing, and some users noticed errors within a day. "
        "I think about that on every launch now."
    )
    assert "launches-to-everyone" not in raised(question, story, embedder)
    plan = story + " Next time I'd still ship to all customers on day one."
    assert "launches-to-everyone" in raised(question, plan, embedder)
