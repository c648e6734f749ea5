"""Answers several test modules share."""

QUESTION = "dbg-overnight-accuracy-drop"
GOOD = (
    "First I'd ask which queues dropped and exactly when it started, and whether the eval set "
    "changed. Then I'd check whether a deploy or config push went out last night. If customers "
    "are hurt I roll back to the previous model and route low confidence tickets to humans. "
    "About 300 tickets an hour are misrouted, so customers wait longer and the SLA is at risk."
)


def _action(id_, stage, label, phrases, evidence="You see something useful here.", key=False):
    return {
        "id": id_,
        "stage": stage,
        "label": label,
        "phrases": phrases,
        "evidence": evidence,
        "key": key,
    }


INCIDENT_DATA = {
    "id": "inc-test",
    "title": "Router accuracy fell overnight",
    "alert": "Ticket-routing accuracy fell from 91% to 79% overnight; queues are backing up.",
    "cause": "A config push switched the tokenizer for Spanish tickets.",
    "cause_phrases": ["config push changed the tokenizer", "spanish tokenizer"],
    "actions": [
        _action(
            "segment",
            "scope",
            "Break accuracy down by language",
            ["by language", "which segment", "segment breakdown"],
            key=True,
        ),
        _action(
            "deploys",
            "change",
            "List last night's deploys and config pushes",
            ["recent deploys", "config push", "what changed"],
            key=True,
        ),
        _action(
            "retrain",
            "hypothesis",
            "Suspect the model needs retraining",
            ["retrain the model", "model is stale"],
        ),
        _action(
            "pipeline",
            "hypothesis",
            "Check the data pipeline health",
            ["data pipeline", "missing data"],
        ),
        _action(
            "route",
            "containment",
            "Route Spanish tickets to the general queue",
            ["route to humans", "general queue"],
        ),
        _action(
            "tell",
            "comms",
            "Tell support leads and the on-call manager",
            ["tell support", "notify stakeholders"],
        ),
        _action(
            "criteria",
            "rollback",
            "Set rollback criteria on accuracy",
            ["rollback criteria", "roll back if"],
        ),
        _action(
            "monitor",
            "prevention",
            "Add a per-language accuracy alert",
            ["per-language alert", "add monitoring"],
        ),
    ],
    "ideal": ["segment", "deploys", "route", "tell", "criteria", "monitor"],
    "containment_phrases": ["route spanish tickets to humans", "revert the config"],
    "comms_phrases": ["tell support leads", "notify on-call"],
    "rollback_phrases": ["roll back if accuracy below", "revert when accuracy drops"],
    "lesson": "Ask which segment and what changed before any theory.",
}
