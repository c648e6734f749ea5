"""The fixed words of the domain: round kinds, competencies, verdicts, difficulty.

They are enums rather than free strings so that a typo in a pack is an error
that names the field, not a question that silently never matches a filter.
"""

from enum import StrEnum


class RoundKind(StrEnum):
    """The kinds of interview round an AI PM loop is made of."""

    recruiter_screen = "recruiter_screen"
    hiring_manager = "hiring_manager"
    product_sense = "product_sense"
    technical = "technical"
    system_design = "system_design"
    strategy = "strategy"
    execution = "execution"
    behavioral = "behavioral"
    cross_functional = "cross_functional"
    safety = "safety"
    debugging_drill = "debugging_drill"
    take_home = "take_home"


class Competency(StrEnum):
    """The signals a hiring committee looks for in an answer."""

    user_impact = "user_impact"
    metrics = "metrics"
    experiment_design = "experiment_design"
    risk_containment = "risk_containment"
    tradeoffs = "tradeoffs"
    monitoring = "monitoring"
    ownership = "ownership"
    structure = "structure"
    safety_ethics = "safety_ethics"
    business_impact = "business_impact"
    technical_fluency = "technical_fluency"
    collaboration = "collaboration"


COMPETENCY_NAMES: dict[Competency, str] = {
    Competency.user_impact: "User impact of model behaviour",
    Competency.metrics: "Metrics beyond accuracy",
    Competency.experiment_design: "Experiment design",
    Competency.risk_containment: "Risk containment",
    Competency.tradeoffs: "Explicit trade-offs with numbers",
    Competency.monitoring: "Monitoring and drift",
    Competency.ownership: "Ownership",
    Competency.structure: "Structure and clarifying",
    Competency.safety_ethics: "Safety and ethics",
    Competency.business_impact: "Business impact",
    Competency.technical_fluency: "Technical fluency",
    Competency.collaboration: "Cross-functional partnership",
}


# The product areas a bank must span; every built-in question carries at least one in ``topics``.
TOPIC_AREAS = (
    "llm-products",
    "rag",
    "agents",
    "recommendations",
    "ranking",
    "search",
    "fraud",
    "health",
    "fintech",
    "safety-alignment",
    "evaluation",
    "inference-economics",
    "data-strategy",
    "mlops",
    "fairness-regulation",
)


class Difficulty(StrEnum):
    easy = "easy"
    medium = "medium"
    hard = "hard"


class Verdict(StrEnum):
    """A hiring committee's four-level decision, worst first."""

    strong_no_hire = "strong_no_hire"
    lean_no_hire = "lean_no_hire"
    lean_hire = "lean_hire"
    strong_hire = "strong_hire"

    @property
    def rank(self) -> int:
        return list(Verdict).index(self)


# Minutes a candidate has for one answer in each kind of round (a round holds several).
ANSWER_MINUTES: dict[RoundKind, int] = {
    RoundKind.recruiter_screen: 3,
    RoundKind.hiring_manager: 5,
    RoundKind.product_sense: 10,
    RoundKind.technical: 6,
    RoundKind.system_design: 12,
    RoundKind.strategy: 8,
    RoundKind.execution: 8,
    RoundKind.behavioral: 5,
    RoundKind.cross_functional: 6,
    RoundKind.safety: 8,
    RoundKind.debugging_drill: 5,
    RoundKind.take_home: 30,
}
