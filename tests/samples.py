"""Answers several test modules share."""

QUESTION = "dbg-overnight-accuracy-drop"
GOOD = (
    "First I'd ask which queues dropped and exactly when it started, and whether the eval set "
    "changed. Then I'd check whether a deploy or config push went out last night. If customers "
    "are hurt I roll back to the previous model and route low confidence tickets to humans. "
    "About 300 tickets an hour are misrouted, so customers wait longer and the SLA is at risk."
)
