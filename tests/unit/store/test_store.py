"""The store: migrations, WAL, and an answer that survives a failing grader."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, inspect, text

from hirebar import store
from hirebar.practice.errors import UnknownQuestion
from hirebar.practice.service import PracticeService
from hirebar.store.models import Base

QUESTION = "dbg-overnight-accuracy-drop"


def test_fresh_database_is_migrated_and_in_wal_mode(service: PracticeService, settings):
    with service.session() as session:
        mode = session.execute(text("PRAGMA journal_mode")).scalar()
        version = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert mode == "wal"
    assert version == "0007"
    assert (settings.data_dir / "hirebar.db").is_file()


def test_submit_stores_then_grades(service: PracticeService):
    outcome = service.submit(QUESTION, "I would roll back to the previous model.", seconds=42)
    assert outcome.assessment is not None
    (attempt,) = service.history()
    assert attempt.status == store.AttemptStatus.graded
    assert attempt.seconds == 42
    assert attempt.latest.verdict == outcome.assessment.verdict.value
    assert attempt.latest.payload["question_id"] == QUESTION


def test_attempt_survives_a_grader_exception(settings):
    def broken_grader(question, answer, embedder, **options):
        raise RuntimeError("model exploded")

    answer = "Every word of this must be kept, even though grading fails."
    outcome = PracticeService(settings, grader=broken_grader).submit(QUESTION, answer)
    assert outcome.assessment is None
    assert "model exploded" in outcome.error

    # A new process (a new service on the same database) still finds the answer.
    fresh = PracticeService(settings)
    (attempt,) = fresh.history()
    assert attempt.answer == answer
    assert attempt.status == store.AttemptStatus.failed
    assert attempt.assessments == []
    assert fresh.history(status="failed")[0].id == attempt.id

    regraded = fresh.regrade(attempt.id)
    assert regraded.assessment is not None
    assert fresh.history()[0].status == store.AttemptStatus.graded


def test_answer_is_committed_before_the_grader_runs(settings):
    seen = {}

    def spying_grader(question, answer, embedder, **options):
        other = PracticeService(settings)
        seen["stored"] = [a.answer for a in other.history()]
        from hirebar.grading import assess

        return assess(question, answer, embedder)

    PracticeService(settings, grader=spying_grader).submit(QUESTION, "stored first")
    assert seen["stored"] == ["stored first"]


def test_a_follow_up_reply_is_stored_with_its_probe_and_graded_on_its_targets(service):
    question = service.question(QUESTION)
    probe = question.follow_ups[1]  # targets: contain, user-impact
    reply = (
        "I would not roll back. Instead I route low confidence tickets to humans, "
        "and I tell support leads how many tickets were misrouted so customers are not surprised."
    )
    outcome = service.submit(QUESTION, reply, probe=probe)
    assert [k.id for k in outcome.assessment.key_points] == probe.targets
    assert outcome.assessment.follow_up is None
    assert outcome.assessment.verdict.rank >= 2
    (attempt,) = service.history()
    assert (attempt.mode, attempt.probe) == ("follow_up", probe.prompt)
    again = service.regrade(attempt.id).assessment
    assert [k.id for k in again.key_points] == probe.targets


def test_the_migrations_build_exactly_the_tables_the_models_describe(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = store.make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    store.migrate(engine)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_an_own_answer_is_stored_before_grading_and_kept_when_grading_fails(settings):
    seen = {}

    def spying(question, reference, answer):
        seen["stored"] = [r.answer for r in PracticeService(settings).own_answers()]
        raise RuntimeError("model exploded")

    service = PracticeService(settings)
    service.grade_against_reference = spying
    outcome = service.submit_own("Why a holdout?", "It estimates quality on new data.", "kept")
    assert seen["stored"] == ["kept"]
    assert outcome.assessment is None and "model exploded" in outcome.error
    (row,) = PracticeService(settings).own_answers()
    assert (row.status, row.answer, row.payload) == ("failed", "kept", None)

    graded = PracticeService(settings).submit_own(
        "Why a holdout?", "It estimates quality on new data.", "It estimates quality on new data."
    )
    assert graded.answer.status == "graded" and graded.answer.score == graded.assessment.score
    assert [r.id for r in service.own_answers()] == [graded.answer.id, row.id]
    service.delete_everything()
    assert service.own_answers() == []


def test_unknown_question_is_refused_before_storing(service: PracticeService):
    with pytest.raises(UnknownQuestion, match="no question with id 'nope'"):
        service.submit("nope", "text")
    assert service.history() == []


def test_history_filters_and_orders_newest_first(service: PracticeService):
    for i in range(3):
        service.submit(QUESTION, f"answer {i}: I would roll back the model.")
    rows = service.history(limit=2)
    assert [r.answer[:8] for r in rows] == ["answer 2", "answer 1"]
    assert service.history(question_id="other") == []


def test_migrations_on_postgresql():
    url = os.environ.get("HIREBAR_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI must provide HIREBAR_TEST_POSTGRES_URL (see .ci/postgres.sh)")
        pytest.skip("no PostgreSQL here; CI runs this with .ci/postgres.sh")
    schema = f"t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        engine = create_engine(url, connect_args={"options": f"-csearch_path={schema}"})
        store.migrate(engine)
        assert {"attempts", "assessments"} <= set(inspect(engine).get_table_names())
        sessions = store.session_factory(engine)
        with sessions() as session:
            attempt = store.add_attempt(session, QUESTION, "kept in postgres", 12, "practice")
            store.mark_failed(session, attempt, "boom")
        with sessions() as session:
            (row,) = store.list_attempts(session)
            assert (row.answer, row.status, row.error) == ("kept in postgres", "failed", "boom")
            store.save_draft(session, QUESTION, "first")
            store.save_draft(session, QUESTION, "second")
            assert store.get_draft(session, QUESTION).text == "second"
            store.set_profile(session, {"company": "stripe"})
            store.set_profile(session, {"company": "meta"})
            assert store.get_profile(session) == {"company": "meta"}
            store.add_drill_result(
                session, kind="drift", seed=3, reply="0.2", given=0.2, expected=0.2, correct=True
            )
            store.add_drill_result(
                session, kind="drift", seed=4, reply="?", given=None, expected=0.1, correct=False
            )
            store.add_drill_result(  # the same exercise again: its first answer counts
                session, kind="drift", seed=4, reply="0.1", given=0.1, expected=0.1, correct=True
            )
            assert store.drill_accuracy(session) == {"drift": (1, 2)}
            run = store.start_incident(session, "inc-x")
            store.add_incident_step(session, run, "check deploys", "recent-deploys")
            store.save_statement(session, run, {"cause": "a config push"})
            own = store.add_own_answer(session, "Why?", "Because.", "kept in postgres too")
            store.mark_own_failed(session, own, "boom")
        with sessions() as session:
            (run,) = store.list_incident_runs(session)
            assert run.steps == [{"typed": "check deploys", "action": "recent-deploys"}]
            assert run.statement == {"cause": "a config push"} and run.score is None
            (own,) = store.list_own_answers(session)
            assert (own.answer, own.status, own.error) == ("kept in postgres too", "failed", "boom")
        engine.dispose()
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def test_migration_0003_copies_competency_scores_out_of_old_assessments(tmp_path):
    from importlib import resources

    from alembic import command
    from alembic.config import Config

    engine = store.make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    config = Config()
    config.set_main_option("script_location", str(resources.files("hirebar.store") / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
        connection.execute(
            text(
                "INSERT INTO attempts (id, question_id, answer, mode, status, created_at) "
                "VALUES (1, 'q', 'kept', 'practice', 'graded', '2026-11-01 10:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO assessments (attempt_id, verdict, score, grader_version, payload, "
                "created_at) VALUES (1, 'lean_hire', 3.0, '1.0', :payload, '2026-11-01 10:00:01')"
            ),
            {"payload": '{"competencies": [{"competency": "metrics", "score": 3}]}'},
        )
    store.migrate(engine)
    with store.session_factory(engine)() as session:
        (summary,) = store.attempt_summaries(session)
    assert summary.competencies == {"metrics": 3}
    assert summary.verdict == "lean_hire"


def test_an_exercise_answered_again_counts_once(service: PracticeService):
    with service.session() as session:
        for seed, correct in [(1, True), (1, True), (1, True), (2, False), (2, True)]:
            store.add_drill_result(
                session,
                kind="drift",
                seed=seed,
                reply="x",
                given=0.1,
                expected=0.1,
                correct=correct,
            )
        assert store.drill_accuracy(session) == {"drift": (1, 2)}
