"""Generic signals committees listen for in any AI PM answer, whatever the question.

Each signal is a named pattern tied to a competency: quantified claims,
explicit trade-offs, containment and rollback, monitoring and drift,
experiment design, user impact, ownership, clarifying before solving. They
complement the question's own rubric; they never replace it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from hirebar.content import Competency
from hirebar.grading.text import Sentence


@dataclass(frozen=True)
class Signal:
    name: str
    competency: Competency
    pattern: re.Pattern[str]


def _signal(name: str, competency: Competency, pattern: str) -> Signal:
    """Patterns are written in lower case and read lower-cased sentences: the same matches
    as a case-blind pattern, found in about 40 % of the time."""
    return Signal(name, competency, re.compile(pattern))


C = Competency
SIGNALS: tuple[Signal, ...] = (
    _signal(
        "quantified claim",
        C.tradeoffs,
        r"\b\d+(?:\.\d+)?\s?(?:%|percent|ms|milliseconds?|seconds?|x\b|k\b|points?|bps|pp\b)"
        r"|[$€£]\s?\d|\bp(?:50|90|95|99)\b",
    ),
    _signal(
        "explicit trade-off",
        C.tradeoffs,
        r"trade[- ]?offs?|at the cost of|in exchange for|cost us|we gave up|give up|"
        r"worth (?:it|the)|accept(?:ed|ing)? (?:a|the|some)\b|rather than|versus|\bvs\.?\b",
    ),
    _signal(
        "containment",
        C.risk_containment,
        r"roll ?back|rolled back|fall ?back|kill[- ]switch|human[- ]in[- ]the[- ]loop|"
        r"human review|canary|shadow (?:mode|deploy)|staged|phased|(?:cap|limit)\w* (?:the )?"
        r"rollout|feature flag|circuit breaker|guardrails?|pause the|freeze|escalat",
    ),
    _signal(
        "monitoring and drift",
        C.monitoring,
        r"monitor|drift|dashboard|alert|alarm|distribution shift|\bpsi\b|kl divergence|"
        r"logg(?:ing|ed)|retrain\w* (?:trigger|cadence)|degrad|regression",
    ),
    _signal(
        "experiment design",
        C.experiment_design,
        r"a/b|experiment|control group|holdout|sample size|statistical(?:ly)? significan|"
        r"confidence interval|randomi[sz]|guardrail metric|minimum detectable|\bmde\b|power\b|"
        r"hypothes",
    ),
    _signal(
        "user impact",
        C.user_impact,
        r"\busers?\b|customers?|patients?|merchants?|clinicians?|agents?\b|drivers?\b|"
        r"\btrust\b|frustrat|churn|complain|harm",
    ),
    _signal(
        "owning the decision",
        C.ownership,
        r"\bi (?:decided|owned|set|chose|proposed|drove|made the call|pushed|wrote|defined|"
        r"led|would decide|'d decide|would own|'d own|recommend(?:ed)?)\b|my call|i own\b",
    ),
    _signal(
        "clarifying before solving",
        C.structure,
        r"\bclarif|which segment|what changed|before (?:i|we) (?:jump|theori|propose|pick|"
        r"touch|change)|first,? i(?:'d| would)? (?:ask|check|scope|want)|\bassum(?:e|ption)|"
        r"let me (?:scope|frame|structure)|(?:three|four|two) (?:parts|steps|things|layers)",
    ),
    _signal(
        "safety and ethics",
        C.safety_ethics,
        r"\bbias|fairness|subgroup|privacy|\bpii\b|consent|red[- ]team|misuse|\baudit|"
        r"regulat|complian|\blegal\b|toxic|harmful",
    ),
    _signal(
        "business impact",
        C.business_impact,
        r"revenue|margin|retention|conversion|\broi\b|budget|unit economics|\bgmv\b|"
        r"approval rate|cost per|runway|pricing|\barr\b",
    ),
    _signal(
        "model literacy",
        C.technical_fluency,
        r"precision|recall|\bf1\b|\bauc\b|calibrat|log loss|latency|fine[- ]tun|embedding|"
        r"\brag\b|retriev|tokens?\b|overfit|confusion matrix|false (?:positive|negative)s?|"
        r"baseline|eval(?:uation)? set|label",
    ),
    _signal(
        "cross-functional partnership",
        C.collaboration,
        r"\bpartner|with (?:the )?(?:ml|engineering|design|legal|research)|designer|"
        r"stakeholder|\balign|researchers?|compliance team|together with",
    ),
    _signal(
        "metrics beyond accuracy",
        C.metrics,
        r"precision|recall|false (?:positive|negative)|task success|completion rate|"
        r"north star|guardrail|success metric|\bndcg\b|p95|\bsla\b|by (?:segment|cohort|tier)",
    ),
)


def find_signals(sentences: list[Sentence]) -> dict[Competency, list[tuple[str, int]]]:
    """For each competency, the (signal name, sentence index) pairs found."""
    found: dict[Competency, list[tuple[str, int]]] = defaultdict(list)
    for index, sentence in enumerate(sentences):
        lowered = sentence.text.lower()
        for signal in SIGNALS:
            if signal.pattern.search(lowered):
                found[signal.competency].append((signal.name, index))
    return dict(found)
