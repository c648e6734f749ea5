"""The committee: weights, the screen filter, and the rules an average would hide."""

from __future__ import annotations

from hirebar.content import Company, RoundKind, Verdict
from hirebar.grading import Assessment
from hirebar.grading.committee import RoundOutcome, decide
from hirebar.grading.verdict import WITH_MODEL, WORDING_ONLY


def graded(score: float, verdict: Verdict | None = None, semantic: bool = True) -> Assessment:
    """An answer graded ``score``, with the verdict its floors give unless a cap says less."""
    floors = WITH_MODEL if semantic else WORDING_ONLY
    return Assessment(
        question_id="q",
        verdict=verdict or floors.verdict(score),
        score=score,
        coverage=0.5,
        semantic=semantic,
        grader_version="test",
    )


def company(weights: dict[RoundKind, float]) -> Company:
    return Company.model_validate(
        {
            "id": "acme",
            "name": "Acme",
            "kind": "startup",
            "summary": "A company made up for the committee tests.",
            "rounds": [
                {
                    "kind": k.value,
                    "title": k.value,
                    "minutes": 45,
                    "weight": w,
                    "focus": "What the interviewer listens for.",
                }
                for k, w in weights.items()
            ],
            "competencies": ["metrics", "tradeoffs"],
            "stresses": [
                {"text": "Metrics defined early.", "source": "000_x.txt"},
                {"text": "Trade-offs with numbers.", "source": "000_x.txt"},
            ],
        }
    )


def outcomes(of: Company, scores: dict[RoundKind, float]) -> list[RoundOutcome]:
    return [
        RoundOutcome(r.kind, r.title, r.weight, f"q-{r.kind.value}", graded(scores[r.kind]))
        for r in of.rounds
    ]


ROUNDS = [RoundKind.recruiter_screen, RoundKind.product_sense, RoundKind.technical]


def test_strong_rounds_pass():
    acme = company(dict(zip(ROUNDS, [0.1, 0.45, 0.45], strict=True)))
    result = decide(acme, outcomes(acme, dict.fromkeys(ROUNDS, 3.6)))
    assert result.decision == Verdict.strong_hire


def test_the_same_answers_pass_at_one_company_and_fail_at_another():
    scores = {
        RoundKind.recruiter_screen: 2.6,
        RoundKind.product_sense: 3.8,
        RoundKind.technical: 1.5,
    }
    product_heavy = company(dict(zip(ROUNDS, [0.1, 0.7, 0.2], strict=True)))
    technical_heavy = company(dict(zip(ROUNDS, [0.1, 0.2, 0.7], strict=True)))
    assert decide(product_heavy, outcomes(product_heavy, scores)).decision == Verdict.lean_hire
    assert decide(technical_heavy, outcomes(technical_heavy, scores)).decision.rank < (
        Verdict.lean_hire.rank
    )


def test_a_strong_no_in_a_heavy_round_is_not_averaged_away():
    acme = company(dict(zip(ROUNDS, [0.1, 0.65, 0.25], strict=True)))
    scores = {
        RoundKind.recruiter_screen: 4.0,
        RoundKind.product_sense: 4.2,
        RoundKind.technical: 0.5,
    }
    result = decide(acme, outcomes(acme, scores))
    assert result.weighted_score >= 2.1  # the average alone would hire
    assert result.decision == Verdict.lean_no_hire
    assert any("technical" in line and "strong no" in line for line in result.rationale)


def test_a_failed_screen_ends_the_loop():
    acme = company(dict(zip(ROUNDS, [0.05, 0.5, 0.45], strict=True)))
    scores = {
        RoundKind.recruiter_screen: 1.0,
        RoundKind.product_sense: 4.0,
        RoundKind.technical: 4.0,
    }
    result = decide(acme, outcomes(acme, scores))
    assert result.decision == Verdict.strong_no_hire
    assert any("did not pass" in line for line in result.rationale)
    # the same screen is not also listed as "below lean hire": that rule says nothing more
    assert not any("below lean hire" in line for line in result.rationale), result.rationale


def test_a_probe_reply_moves_its_round():
    acme = company(dict(zip(ROUNDS, [0.1, 0.45, 0.45], strict=True)))
    (screen, sense, tech) = outcomes(acme, dict.fromkeys(ROUNDS, 2.0))
    helped = RoundOutcome(
        sense.kind,
        sense.title,
        sense.weight,
        sense.question_id,
        sense.assessment,
        probe=graded(4.0),
    )
    assert helped.score == 2.5 and helped.verdict == Verdict.lean_hire
    assert (
        decide(acme, [screen, helped, tech]).weighted_score
        > decide(acme, [screen, sense, tech]).weighted_score
    )


def test_a_round_keeps_the_cap_its_answer_earned():
    # Two red flags held a 3.6 answer at lean no hire; the round must not read strong hire.
    acme = company(dict(zip(ROUNDS, [0.1, 0.45, 0.45], strict=True)))
    played = outcomes(acme, dict.fromkeys(ROUNDS, 3.6))
    capped = graded(3.6, Verdict.lean_no_hire)
    played[2] = RoundOutcome(RoundKind.technical, "technical", 0.45, "q-t", capped)
    assert played[2].verdict == Verdict.lean_no_hire
    # a strong follow-up reply lifts the score, not the cap
    lifted = RoundOutcome(RoundKind.technical, "technical", 0.45, "q-t", capped, graded(5.0))
    assert lifted.score > capped.score and lifted.verdict == Verdict.lean_no_hire
    # an uncapped answer is read from the score, with the reply in it
    plain = RoundOutcome(RoundKind.technical, "technical", 0.45, "q-t", graded(2.9), graded(5.0))
    assert plain.verdict == Verdict.strong_hire
    assert decide(acme, played).decision == Verdict.lean_hire  # strong hire needs no round below


def test_answers_graded_on_wording_alone_are_read_on_their_own_floors():
    acme = company(dict(zip(ROUNDS, [0.1, 0.45, 0.45], strict=True)))
    # 3.2 clears the sentence model's strong-hire floor (3.1) but not wording alone's (3.4)
    scores = dict.fromkeys(ROUNDS, 3.2)
    assert decide(acme, outcomes(acme, scores)).decision == Verdict.strong_hire
    wording = [
        RoundOutcome(r.kind, r.title, r.weight, "q", graded(3.2, semantic=False))
        for r in acme.rounds
    ]
    assert all(o.verdict == Verdict.lean_hire for o in wording)
    assert decide(acme, wording).decision == Verdict.lean_hire
