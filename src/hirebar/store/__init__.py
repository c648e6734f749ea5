"""Persistence: SQLAlchemy 2 models, Alembic migrations, attempt storage.

SQLite (WAL) in the user's data folder by default; any SQLAlchemy URL,
PostgreSQL included, through ``HIREBAR_DATABASE_URL``.
"""

from hirebar.store.attempts import (
    AttemptSummary,
    add_assessment,
    add_attempt,
    attempt_summaries,
    count_attempts,
    get_attempt,
    latest_scores,
    list_attempts,
    mark_failed,
)
from hirebar.store.database import make_engine, migrate, session_factory
from hirebar.store.drafts import (
    delete_everything,
    discard_draft,
    get_draft,
    get_profile,
    save_draft,
    set_profile,
)
from hirebar.store.drill_results import (
    add_drill_result,
    add_incident_step,
    drill_accuracy,
    finish_incident,
    get_incident_run,
    list_drill_results,
    list_incident_runs,
    save_statement,
    start_incident,
)
from hirebar.store.loops import create_loop, get_loop, list_loops, recent_question_ids, save_plan
from hirebar.store.models import (
    AssessmentRow,
    AttemptRow,
    AttemptStatus,
    DrillResultRow,
    IncidentRunRow,
    LoopRow,
    ReviewRow,
    StoryRow,
)
from hirebar.store.reviews import add_story, list_stories, review_states, save_review, update_story

__all__ = [
    "AssessmentRow",
    "AttemptRow",
    "AttemptStatus",
    "AttemptSummary",
    "DrillResultRow",
    "IncidentRunRow",
    "LoopRow",
    "ReviewRow",
    "StoryRow",
    "add_assessment",
    "add_attempt",
    "add_drill_result",
    "add_incident_step",
    "add_story",
    "attempt_summaries",
    "count_attempts",
    "create_loop",
    "delete_everything",
    "discard_draft",
    "drill_accuracy",
    "finish_incident",
    "get_attempt",
    "get_draft",
    "get_incident_run",
    "get_loop",
    "get_profile",
    "latest_scores",
    "list_attempts",
    "list_drill_results",
    "list_incident_runs",
    "list_loops",
    "list_stories",
    "make_engine",
    "mark_failed",
    "migrate",
    "recent_question_ids",
    "review_states",
    "save_draft",
    "save_plan",
    "save_review",
    "save_statement",
    "session_factory",
    "set_profile",
    "start_incident",
    "update_story",
]
