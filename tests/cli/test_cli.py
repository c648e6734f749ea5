"""The terminal adapter, through Typer's runner and once as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hirebar.cli.app import app
from hirebar.content import Library, RoundKind
from hirebar.practice.drilling import Drilling
from hirebar.practice.service import PracticeService
from hirebar.settings import Settings
from samples import GOOD, QUESTION


@pytest.fixture
def run(settings):
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(
            app, list(args), input=input, catch_exceptions=False, env={"COLUMNS": "200"}
        )

    return invoke


def test_companies_json(run):
    result = run("companies", "--json")
    assert result.exit_code == 0
    companies = {c["id"]: c for c in json.loads(result.stdout)}
    assert {
        "google",
        "meta",
        "amazon",
        "microsoft",
        "anthropic",
        "openai",
        "stripe",
        "ai-startup",
    } <= set(companies)
    for company in companies.values():
        assert abs(sum(r["weight"] for r in company["rounds"]) - 1) < 0.011


def test_questions_json_lists_every_question(run, library):
    result = run("questions", "--json")
    rows = json.loads(result.stdout)
    assert len(rows) == len(library.questions) >= 80
    assert {"id", "round", "companies", "difficulty"} <= set(rows[0])
    assert {r["round"] for r in rows} == {k.value for k in RoundKind}


def test_questions_filters_combine(run):
    rows = json.loads(
        run("questions", "--json", "--round", "debugging_drill", "--company", "google").stdout
    )
    assert rows and all(
        r["round"] == "debugging_drill" and "google" in r["companies"] for r in rows
    )
    rows = json.loads(run("questions", "--json", "--search", "overnight accuracy").stdout)
    assert QUESTION in [r["id"] for r in rows]
    rows = json.loads(
        run("questions", "--json", "--difficulty", "hard", "--competency", "safety_ethics").stdout
    )
    assert all(r["difficulty"] == "hard" and "safety_ethics" in r["competencies"] for r in rows)


def test_questions_unknown_company_is_a_clear_error(run):
    result = run("questions", "--company", "acme")
    assert result.exit_code == 2
    assert "unknown company 'acme'" in result.stderr


def test_grading_without_the_model_says_why(run, tmp_path, monkeypatch):
    (tmp_path / "tokenizer.json").write_text("{broken")
    monkeypatch.setenv("HIREBAR_MODEL_DIR", str(tmp_path))
    result = run("grade", "--question", QUESTION, "-", input=GOOD)
    assert result.exit_code == 0, result.output
    assert "note: sentence model:" in result.stdout
    assert "not a readable tokenizer file" in " ".join(result.stdout.split())


def test_history_of_an_unknown_question_is_a_clear_error(run):
    result = run("history", "--question", "no-such-question")
    assert result.exit_code == 2
    assert "no question with id 'no-such-question'" in result.stderr


def test_grade_from_stdin_as_json(run):
    result = run("grade", "--question", QUESTION, "-", "--json", input=GOOD)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["question_id"] == QUESTION
    assert data["verdict"] in {"lean_hire", "strong_hire"}
    assert data["semantic"] is True
    for point in data["key_points"]:
        if point["evidence"]:
            assert point["evidence"]["quote"] in GOOD


def test_grade_human_output_and_errors(run, tmp_path: Path):
    answer = tmp_path / "a.txt"
    answer.write_text(GOOD)
    result = run("grade", "-q", QUESTION, str(answer))
    assert result.exit_code == 0
    assert "Verdict" in result.stdout and "Interviewer follow-up" in result.stdout
    assert "answer file not found" in run("grade", "-q", QUESTION, "missing.txt").stderr
    assert "no question with id 'zzz'" in run("grade", "-q", "zzz", str(answer)).stderr
    blank = answer.with_name("blank.txt")
    blank.write_text("  \n", encoding="utf-8")
    refused = run("grade", "-q", QUESTION, str(blank))
    assert refused.exit_code == 2 and "the answer is empty" in refused.stderr


def test_practice_stores_and_history_shows_it(run):
    result = run("practice", "-q", QUESTION, "--answer-file", "-", "--json", input=GOOD)
    assert result.exit_code == 0, result.output
    outcome = json.loads(result.stdout)
    assert outcome["status"] == "graded"
    rows = json.loads(run("history", "--json").stdout)
    assert [r["id"] for r in rows] == [outcome["attempt_id"]]
    assert rows[0]["answer"] == GOOD
    assert rows[0]["verdict"] == outcome["assessment"]["verdict"]
    human = run("history")
    assert QUESTION in human.stdout


def test_practice_refuses_empty_or_undecodable_input_and_stores_nothing(run):
    empty = run("practice", "-q", QUESTION, "--answer-file", "-", input=" \n")
    assert empty.exit_code == 2 and "the answer is empty" in empty.stderr
    runner = CliRunner()
    latin1 = runner.invoke(app, ["practice", "-q", QUESTION, "-a", "-"], input=b"caf\xe9 I would")
    assert latin1.exit_code == 2 and "standard input is not UTF-8 text" in latin1.stderr
    folder = run("practice", "-q", QUESTION, "-a", str(Path.cwd()))
    assert folder.exit_code == 2 and "is a folder, not a file" in folder.stderr
    missing = run("practice", "-q", QUESTION, "-a", "no-such-answer.txt")
    assert missing.exit_code == 2 and "answer file not found" in missing.stderr
    assert QUESTION not in missing.stdout  # said before the question is shown
    assert json.loads(run("history", "--json").stdout) == []


def test_practice_keeps_an_editor_answer_when_the_editor_fails(run, settings, tmp_path):
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\necho "my careful answer" > "$1"\nexit 1\n')
    editor.chmod(0o755)
    runner = CliRunner()
    failed = runner.invoke(
        app, ["practice", "-q", QUESTION, "--editor"], env={"EDITOR": str(editor), "COLUMNS": "200"}
    )
    assert failed.exit_code == 2 and "your text is kept in" in failed.stderr
    kept = settings.data_dir / "editing" / f"{QUESTION}.md"
    assert kept.read_text().strip() == "my careful answer"
    service = PracticeService(settings)
    assert service.draft(QUESTION).strip() == "my careful answer"  # stored: exported too
    editor.write_text(
        '#!/bin/sh\necho "I would roll back first." > "$1.new"\n'
        'cat "$1" >> "$1.new"\nmv "$1.new" "$1"\n'
    )
    done = runner.invoke(
        app,
        ["practice", "-q", QUESTION, "--editor", "--json"],
        env={"EDITOR": str(editor), "COLUMNS": "200"},
    )
    assert json.loads(done.stdout)["status"] == "graded"  # the hint went to stderr
    (row,) = json.loads(run("history", "--json").stdout)
    assert row["answer"] == "I would roll back first.\nmy careful answer\n"
    assert not kept.exists()
    assert service.draft(QUESTION) == ""  # the stored answer spends the draft
    editor.write_text(  # a fresh file holds the template's hint line; it is dropped
        '#!/bin/sh\necho "#1 priority: roll back." > "$1.new"\n'
        'cat "$1" >> "$1.new"\nmv "$1.new" "$1"\n'
    )
    runner.invoke(
        app,
        ["practice", "-q", QUESTION, "--editor", "--json"],
        env={"EDITOR": str(editor), "COLUMNS": "200"},
    )
    newest = json.loads(run("history", "--json").stdout)[0]
    assert newest["answer"].strip() == "#1 priority: roll back."


def test_practice_human_output_shows_feedback(run):
    result = run("practice", "-q", QUESTION, "--answer-file", "-", input=GOOD)
    assert result.exit_code == 0
    assert "Competencies" in result.stdout
    assert "Saved as attempt 1" in result.stdout


def test_content_validate_builtin_and_broken(run, tmp_path: Path):
    ok = run("content", "validate")
    assert ok.exit_code == 0, ok.stdout
    assert "ok" in ok.stdout
    from hirebar.content.library import builtin_pack_path

    named = run("content", "validate", os.path.relpath(builtin_pack_path()))  # read once
    assert named.exit_code == 0 and "420 questions" in named.stdout, named.stdout
    pack = tmp_path / "pack"
    (pack / "questions").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: mine\nname: Mine\n")
    (pack / "questions" / "q.yaml").write_text("questions:\n  - id: q1\n    round: nope\n")
    bad = run("content", "validate", str(pack), "--json")
    assert bad.exit_code == 1
    problems = json.loads(bad.stdout)["problems"]
    round_problem = next(p for p in problems if p["field"] == "round")
    assert round_problem == {
        "file": str(pack / "questions" / "q.yaml"),
        "message": round_problem["message"],
        "line": 3,
        "entry": "q1",
        "field": "round",
    }


def test_content_validate_finds_a_lesson_linking_to_a_missing_drill(run, tmp_path: Path):
    pack = tmp_path / "pack"
    (pack / "lessons").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: mine\nname: Mine\n")
    builtin = Library.load([]).lessons["fluency-metrics-thresholds"]
    front = (
        "---\nid: my-lesson\nmodule: ai-fluency\norder: 9\ntitle: Mine\nminutes: 5\n"
        "objectives: [one, two]\ntakeaways: [one, two]\npractice: [tech-precision-recall-triage]\n"
        "drills: [drift, drfit]\n---\n"
    )
    (pack / "lessons" / "mine.md").write_text(front + builtin.body)
    result = run("content", "validate", str(pack))
    assert result.exit_code == 1
    assert (
        f"{pack / 'lessons' / 'mine.md'}:2: entry 'my-lesson': field 'drills': "
        "no drill kind or incident, left out: drfit"
    ) in " ".join(result.stdout.split())


def test_config_shows_settings(run, settings):
    rows = {r["env"]: r for r in json.loads(run("config", "--json").stdout)}
    assert rows["HIREBAR_DATA_DIR"]["value"] == str(settings.data_dir)
    assert "HIREBAR_PACKS" in rows


def test_user_pack_from_environment_is_loaded(run, tmp_path: Path, monkeypatch, library):
    import yaml

    question = library.questions[QUESTION].model_dump(mode="json") | {"id": "my-own-q"}
    pack = tmp_path / "mine"
    (pack / "questions").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: mine\nname: Mine\n")
    (pack / "questions" / "q.yaml").write_text(yaml.safe_dump({"questions": [question]}))
    monkeypatch.setenv("HIREBAR_PACKS", str(pack))
    ids = [r["id"] for r in json.loads(run("questions", "--json").stdout)]
    assert "my-own-q" in ids


def test_real_subprocess(settings, tmp_path: Path):
    env = {
        **os.environ,
        "HIREBAR_DATA_DIR": str(settings.data_dir),
        "HIREBAR_MODEL_DIR": str(settings.resolved_model_dir),
    }
    listed = subprocess.run(
        [sys.executable, "-m", "hirebar", "questions", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    assert len(json.loads(listed.stdout)) >= 80
    graded = subprocess.run(
        [sys.executable, "-m", "hirebar", "practice", "-q", QUESTION, "-a", "-", "--json"],
        input=GOOD,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    assert json.loads(graded.stdout)["status"] == "graded"
    assert (settings.data_dir / "hirebar.db").is_file()


@pytest.mark.parametrize(
    ("args", "env", "says"),
    [
        (["config"], {"HIREBAR_MODEL_THREADS": "abc"}, "HIREBAR_MODEL_THREADS: input should be"),
        (["history"], {"HIREBAR_DATABASE_URL": "garbage"}, "HIREBAR_DATABASE_URL is not a"),
        (["cards", "export-anki", "no/such/dir/deck.apkg"], {}, "No such file or directory"),
    ],
)
def test_an_unusable_setting_or_path_is_one_line_not_a_traceback(settings, args, env, says):
    done = subprocess.run(
        [sys.executable, "-m", "hirebar", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "HIREBAR_DATA_DIR": str(settings.data_dir), "COLUMNS": "200", **env},
        timeout=120,
    )
    assert done.returncode == 2
    assert says in done.stderr and "Traceback" not in done.stderr


def test_a_data_folder_that_is_a_file_is_named_not_a_traceback(tmp_path):
    taken = tmp_path / "notes.txt"
    taken.write_text("my notes\n")
    done = subprocess.run(
        [sys.executable, "-m", "hirebar", "history"],
        capture_output=True,
        text=True,
        env={**os.environ, "HIREBAR_DATA_DIR": str(taken), "COLUMNS": "200"},
        timeout=120,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"{taken} is a file where a folder is needed" in done.stderr
    assert taken.read_text() == "my notes\n"


def test_a_database_file_that_is_not_one_is_named_not_a_traceback(settings):
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    (settings.data_dir / "hirebar.db").write_text("not a database\n" * 100)
    done = subprocess.run(
        [sys.executable, "-m", "hirebar", "history"],
        capture_output=True,
        text=True,
        env={**os.environ, "HIREBAR_DATA_DIR": str(settings.data_dir), "COLUMNS": "200"},
        timeout=120,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "hirebar.db cannot be used: file is not a database" in done.stderr


def test_a_broken_user_pack_never_stops_the_app(run, tmp_path: Path, monkeypatch):
    pack = tmp_path / "broken"
    (pack / "questions").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: broken\nname: Broken\n")
    (pack / "questions" / "q.yaml").write_text("questions:\n  - id: q1\n    round: [oops\n")
    monkeypatch.setenv("HIREBAR_PACKS", str(pack))
    result = run("questions", "--json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) >= 80
    assert "1 problem(s) in your content packs" in result.stderr
    graded = run("grade", "-q", QUESTION, "-", "--json", input=GOOD)
    assert graded.exit_code == 0


def test_course_and_lesson(run):
    course = json.loads(run("course", "--json").stdout)
    first = course[0]["lessons"][0]["id"]
    result = run("lesson", first)
    assert result.exit_code == 0
    assert "Worked example" in result.stdout and "Practise next" in result.stdout
    missing = run("lesson", "no-such-lesson")
    assert missing.exit_code == 2 and "no lesson 'no-such-lesson'" in missing.stderr


def test_content_stats_json_counts(run):
    stats = json.loads(run("content", "stats", "--json").stdout)
    library = Library.load([])
    assert stats["questions"] == len(library.questions)
    assert stats["lessons"] == len(library.lessons)
    assert stats["companies"] == len(library.companies)
    assert sum(stats["round_by_company"]["safety"].values()) >= stats["per_round"]["safety"]


def test_drill_list_new_and_answer(run):
    kinds = json.loads(run("drill", "list", "--json").stdout)
    assert len(kinds) >= 12 and {k["kind"] for k in kinds} >= {"drift", "sample-size"}
    public = json.loads(run("drill", "new", "drift", "--seed", "5", "--json").stdout)
    assert set(public) == {"kind", "seed", "title", "prompt", "unit"}
    full = json.loads(run("drill", "new", "drift", "--seed", "5", "--with-answer", "--json").stdout)
    assert full["prompt"] == public["prompt"] and "solution" in full and "decision" in full
    checked = run("drill", "answer", "drift", f"{full['answer']:.4f}", "--seed", "5", "--json")
    assert json.loads(checked.stdout)["correct"] is True
    stored = json.loads(run("drill", "list", "--json").stdout)
    assert {k["kind"]: k["attempted"] for k in stored}["drift"] == 1
    unknown = run("drill", "new", "nope")
    assert unknown.exit_code == 2 and "no drill kind 'nope'" in unknown.stderr


def test_interactive_drills_store_every_answer_and_ask_again_without_a_number(run):
    result = run(
        "drill", "--kind", "latency", "--count", "3", input="100\nnot sure\n[/x]\n90 or 95\n90\n\n"
    )
    assert result.exit_code == 0 and "Solution" in result.stdout
    assert "no number found in 'not sure'" in result.stdout
    assert "no number found in '[/x]'" in result.stdout  # the reply as typed, not markup
    assert "more than one number (90, 95)" in result.stdout  # a hedge is asked again too
    assert "Skipped: not counted." in result.stdout and "/2 correct" in result.stdout
    history = json.loads(run("drill", "history", "--json").stdout)
    assert [d["reply"] for d in history["drills"]] == ["90", "100"]
    refused = run("drill", "answer", "drift", "no idea", "--seed", "5")
    assert refused.exit_code == 2 and "no number found in 'no idea'" in refused.stderr
    negative = run("drill", "answer", "drift", "-0.85", "--seed", "5", "--json")
    assert negative.exit_code == 0, negative.stderr  # a reply, not an unknown option
    assert json.loads(negative.stdout)["given"] == -0.85


def test_q_stops_a_drill_session_and_keeps_the_answers_given(run):
    result = run("drill", "--kind", "latency", "--count", "3", input="100\nq\n")
    assert result.exit_code == 0 and "Stopped." in result.stdout
    assert "0/1 correct" in result.stdout or "1/1 correct" in result.stdout
    assert len(json.loads(run("drill", "history", "--json").stdout)["drills"]) == 1


def test_a_mixed_session_serves_untried_kinds_first_each_once(run):
    from hirebar.drills import KINDS

    run("drill", "answer", "latency", "1", "--seed", "3")  # tried (and wrong)
    untried = len(KINDS) - 1
    session = run("drill", "--count", str(untried), input="0.5\n" * untried)
    assert session.exit_code == 0
    served = [d["kind"] for d in json.loads(run("drill", "history", "--json").stdout)["drills"]]
    assert sorted(served[:untried]) == sorted(k for k in KINDS if k != "latency")


def test_incident_list_and_play(run, settings, tmp_path, monkeypatch):
    import yaml

    from samples import INCIDENT_DATA

    pack = tmp_path / "pack"
    (pack / "incidents").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: mine\nname: Mine\n")
    (pack / "incidents" / "t.yaml").write_text(yaml.safe_dump({"incidents": [INCIDENT_DATA]}))
    monkeypatch.setenv("HIREBAR_PACKS", str(pack))
    listed = json.loads(run("incident", "list", "--json").stdout)
    assert "inc-test" in {i["id"] for i in listed}
    moves = "which segment is it, by language\nwhat changed, config push?\ndone\n"
    statement = (
        "config push changed the tokenizer\nrevert the config\ntell support leads\n"
        "roll back if accuracy below 85% for 20 minutes\n"
    )
    result = run("incident", "play", "inc-test", input=moves + statement)
    assert result.exit_code == 0, result.stdout
    assert "Debrief" in result.stdout and "Ideal path" in result.stdout
    runs = json.loads(run("drill", "history", "--json").stdout)["incident_runs"]
    assert runs[0]["incident_id"] == "inc-test" and runs[0]["steps"] == 2
    assert runs[0]["score"] >= 70
    # A stray Enter does not end the investigation; input ending mid-statement keeps it.
    cut = run(
        "incident", "play", "inc-test", input="\nwhat changed, config push?\ndone\nthe config\n"
    )
    assert cut.exit_code == 2 and "what you wrote is kept with run 2" in cut.stderr
    runs = json.loads(run("drill", "history", "--json").stdout)["incident_runs"]
    assert runs[0]["steps"] == 1
    kept = Drilling(PracticeService(settings)).run(runs[0]["id"]).statement
    assert kept == {"cause": "the config"}
    ended = run("incident", "play", "inc-test", input="what changed, config push?\n")
    assert ended.exit_code == 2 and "the steps taken are kept with run 3" in ended.stderr
    total = len(json.loads(run("incident", "list", "--json").stdout))
    picked = run("incident", input=f"{total + 5}\n1\ndone\n\n\n\n\n")
    assert f"Type a scenario number from 1 to {total}" in picked.stdout
    assert "Debrief" in picked.stdout  # asked again, then played
    # A command no wording matches offers the nearest actions; a letter takes one.
    offered = run(
        "incident", "play", "inc-test", input="has anything shipped lately\na\ndone\n\n\n\n\n"
    )
    assert "Did you mean (type the letter):" in offered.stdout
    assert "a) List last night's deploys and config pushes" in offered.stdout
    assert "List last night's deploys and config pushes:" in offered.stdout  # taken, evidence
    runs = json.loads(run("drill", "history", "--json").stdout)["incident_runs"]
    assert runs[0]["steps"] == 2  # the unmatched command is kept too
    beyond = run("incident", "play", "inc-test", input="99\ndone\n\n\n\n\n")
    assert "There is no action 99: type a number from 1 to" in beyond.stdout


def test_an_action_number_keeps_its_action_when_more_choices_open(run, tmp_path, monkeypatch):
    import yaml

    from samples import INCIDENT_DATA

    pack = tmp_path / "pack"
    (pack / "incidents").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: mine\nname: Mine\n")
    (pack / "incidents" / "t.yaml").write_text(yaml.safe_dump({"incidents": [INCIDENT_DATA]}))
    monkeypatch.setenv("HIREBAR_PACKS", str(pack))
    # 1 and 2 are the two first choices; step 1 opens more, listed from 3 on.
    played = run("incident", "play", "inc-test", input="1\n2\ndone\n\n\n\n\n")
    assert played.exit_code == 0, played.stdout
    assert "   2. List last night's deploys and config pushes" in played.stdout
    assert "List last night's deploys and config pushes:" in played.stdout  # 2 took it
    assert "   3. " in played.stdout.split("opens more choices")[1]


def test_pack_text_that_looks_like_markup_is_printed_as_written(run, tmp_path, monkeypatch):
    import yaml

    from samples import INCIDENT_DATA

    odd = {
        **INCIDENT_DATA,
        "title": "Router [/x] fell",
        "alert": "Accuracy [bold]fell[/bold] from 91% to 79% [/x]",
        "cause": "A config push [/x] switched the tokenizer.",
    }
    pack = tmp_path / "pack"
    (pack / "incidents").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: mine\nname: Mine\n")
    (pack / "incidents" / "t.yaml").write_text(yaml.safe_dump({"incidents": [odd]}))
    monkeypatch.setenv("HIREBAR_PACKS", str(pack))
    assert "Router [/x] fell" in run("incident", "list").stdout
    played = run("incident", "play", "inc-test", input="what changed?\ndone\na\nb\nc\nd\n")
    assert played.exit_code == 0, played.stdout
    for text in (odd["title"], odd["alert"], odd["cause"]):
        assert text in played.stdout


@pytest.mark.parametrize("suffix", [".md", ".html", ".pdf"])
def test_a_scripted_loop_writes_its_report(run, tmp_path, suffix):
    import yaml

    rounds = len(Library.load([]).companies["meta"].rounds)
    answers = [{"answer": GOOD, "probe": "I would roll back and tell support."}] + [
        "I would look into it." for _ in range(rounds - 1)
    ]
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(answers))
    report = tmp_path / f"debrief{suffix}"
    result = run("loop", "--company", "meta", "--answers", str(path), "--report", str(report))
    assert result.exit_code == 0, result.stdout
    assert "Fix these first" in result.stdout
    again = run("loop", "--resume", "1", "--answers", str(path))  # finished: the debrief
    assert again.exit_code == 0 and "Mock loop 1 is finished" in again.stdout
    assert "End each answer" not in again.stdout
    if suffix == ".pdf":
        import pypdfium2

        page = pypdfium2.PdfDocument(str(report))[0]
        image = page.render(scale=1).to_pil().convert("L")
        dark = sum(1 for value in image.tobytes() if value < 128)
        assert dark > 0.005 * image.width * image.height  # text and bars, not a blank page
    else:
        text = report.read_text()
        assert "no hire" in text and "The committee's rules" in text


def test_loop_checks_its_input_and_report_path_before_starting(run, tmp_path):
    typed = run("loop", "--company", "meta", input="")
    assert typed.exit_code == 2 and "needs a terminal" in typed.stderr
    unknown = run("loop", "--resume", "999", input="")
    assert unknown.exit_code == 2 and "999" in unknown.stderr
    assert "needs a terminal" not in unknown.stderr
    path = tmp_path / "answers.yaml"
    path.write_text("- one\n")
    nowhere = run("loop", "--company", "meta", "--answers", str(path), "--report", "no/dir/x.md")
    assert nowhere.exit_code == 2 and "the folder no/dir does not exist" in nowhere.stderr
    path.write_text("- answer: one\n  probe: 42\n")
    probe = run("loop", "--company", "meta", "--answers", str(path))
    assert probe.exit_code == 2 and "'probe' must be text" in probe.stderr
    assert json.loads(run("history", "--json").stdout) == []


def test_loop_refuses_a_wrong_number_of_answers(run, tmp_path):
    path = tmp_path / "answers.yaml"
    path.write_text("- just one answer\n")
    result = run("loop", "--company", "meta", "--answers", str(path))
    assert result.exit_code == 2 and "1 answers for" in result.stderr
    assert json.loads(run("history", "--json").stdout) == []


def test_plan_json_and_status(run):
    days = json.loads(
        run(
            "plan",
            "--company",
            "anthropic",
            "--date",
            "2026-12-10",
            "--today",
            "2026-11-23",
            "--hours-per-day",
            "2",
            "--json",
        ).stdout
    )
    assert [d["date"] for d in days][:2] == ["2026-11-23", "2026-11-24"] and len(days) == 17
    assert all(d["tasks"] and sum(t["minutes"] for t in d["tasks"]) <= d["minutes"] for d in days)
    bad = run("plan", "--company", "anthropic", "--date", "2026-11-01", "--today", "2026-11-23")
    assert bad.exit_code == 2 and "2026-11-01 has passed (today is 2026-11-23)" in bad.stderr
    PracticeService(Settings()).set_profile(hours_per_day="3")  # saved by the web's plan form
    args = ["plan", "--company", "anthropic", "--date", "2026-12-10", "--today", "2026-11-23"]
    saved = json.loads(run(*args, "--json").stdout)
    assert saved[0]["minutes"] == 180
    rows = {r["company"]: r for r in json.loads(run("status", "--json").stdout)}
    assert set(rows) == set(Library.load([]).companies)
    assert all(r["low"] <= r["readiness"] <= r["high"] for r in rows.values())
    assert rows["google"]["high"] - rows["google"]["low"] > 0.3  # no evidence: a wide interval
    assert rows["google"]["rounds_with_evidence"] == 0 and rows["google"]["rounds"] == 5
    assert "0 of 5" in run("status").stdout
    kinds = {kind.value for kind in RoundKind}
    assert all(r["weakest_round"] in kinds and r["weakest_round_title"] for r in rows.values())


def test_cards_export_to_an_anki_deck(run, tmp_path):
    import sqlite3
    import zipfile

    cards = json.loads(run("cards", "list", "--json").stdout)
    assert len(cards) >= 150 and len({c["id"] for c in cards}) == len(cards)
    deck = tmp_path / "hirebar.apkg"
    assert run("cards", "export-anki", str(deck)).exit_code == 0
    with zipfile.ZipFile(deck) as package:
        package.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        (notes,) = db.execute("select count(*) from notes").fetchone()
    assert notes == len(cards)
    assert run("cards", "export-anki", str(tmp_path / "deck.txt")).exit_code == 2


def test_story_add_checks_and_coverage(run, tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text(
        "title: Kept the model live\n"
        "decision: I chose to route low-confidence claims to nurses.\n"
        "tradeoff: Nurse time instead of a rollback.\n"
        "outcome: Misroutes fell from 6% to 0.4%.\n"
        "tags: [automation-vs-human-review]\n"
        "competencies: [risk_containment, ownership]\n"
    )
    assert json.loads(run("story", "add", str(good), "--json").stdout)["flags"] == []
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: Oops\ncompetencies: [charisma]\n")
    result = run("story", "add", str(bad))
    assert result.exit_code == 2 and "field 'competencies.0'" in result.stderr
    assert "(got 'charisma')" in result.stderr
    counted = tmp_path / "counted.yaml"
    counted.write_text("title: 2024\nnumbers: 45\n")  # YAML reads both as numbers
    assert run("story", "add", str(counted)).exit_code == 0
    assert json.loads(run("story", "list", "--json").stdout)[-1]["numbers"] == "45"
    for text, found in [("- a\n- b\n", "found a list"), ("", "found nothing")]:
        bad.write_text(text)
        refused = run("story", "add", str(bad))
        assert refused.exit_code == 2 and "expected the story's parts" in refused.stderr
        assert found in refused.stderr
    bracketed = tmp_path / "bracketed.yaml"
    bracketed.write_text('title: "Launch of [redacted] assistant [/x]"\nnumbers: 60% to 92%\n')
    assert run("story", "add", str(bracketed)).exit_code == 0
    assert "Launch of [redacted] assistant [/x]" in run("story", "list").stdout
    assert run("story", "delete", "3").exit_code == 0
    assert "[redacted]" not in run("story", "list").stdout
    assert "no story 99" in run("story", "delete", "99").stderr
    for broken, says in [
        ("title: x\ncompetencies:\n", "field 'competencies': input should be a valid list"),
        ("title: x\nsituation: [1, 2]\n", "field 'situation'"),
        ('title: "  "\n', "a story needs a title"),
        ("titel: x\n", "field 'titel': extra inputs are not permitted"),
        # YAML would keep only the second outcome: the first, the user's writing, is lost
        (
            "title: x\noutcome: Churn fell 3 points.\noutcome: Kept.\n",
            "bad.yaml:3: key 'outcome' is written twice in one mapping (first on line 2)",
        ),
        (
            "title: [x\noutcome: y\n",
            "bad.yaml:2: YAML syntax: did not find expected ',' or ']' "
            "(while parsing a flow sequence begun on line 1)",
        ),
    ]:
        bad.write_text(broken)
        result = run("story", "add", str(bad))
        assert result.exit_code == 2 and says in result.stderr.replace("\n", " "), broken
    found = json.loads(run("story", "coverage", "--json").stdout)
    assert found["competencies"]["ownership"] and "collaboration" in found["missing_competencies"]
    review = run("review", "--limit", "1", input="\n3\n")
    assert review.exit_code == 0 and "Tell the story: Kept the model live" in review.stdout


def test_artifact_template_and_check(run, tmp_path):
    listed = {a["id"] for a in json.loads(run("artifact", "list", "--json").stdout)}
    assert {"launch-postmortem", "concept-explainer", "ab-test-plan"} <= listed
    template = run("artifact", "template", "ab-test-plan").stdout
    assert "## " in template
    draft = tmp_path / "plan.md"
    draft.write_text(template)
    result = run("artifact", "check", "ab-test-plan", str(draft), "--json")
    assert result.exit_code == 1
    missing = {m["element"] for m in json.loads(result.stdout)["missing"]}
    plan = Library.load([]).artifacts["ab-test-plan"]
    assert missing == {e.id for e in plan.elements}  # an unfilled template lacks everything


def test_checking_a_file_leaves_the_worksheet_draft_in_the_app_alone(run, service):
    from hirebar.practice.prep import Prep

    Prep(service).check_artifact("ab-test-plan", "## Hypothesis\nMy half-written plan")
    piped = run("artifact", "check", "ab-test-plan", "-", "--json", input="## Hypothesis\n")
    assert piped.exit_code == 1 and json.loads(piped.stdout)["missing"]
    assert Prep(service).artifact_draft("ab-test-plan") == "## Hypothesis\nMy half-written plan"


def test_target_is_shown_checked_and_set_and_the_plan_follows_it(run):
    assert "No target yet" in run("target").stdout
    assert "unknown company 'acme'" in run("target", "acme").stderr
    assert "has passed" in run("target", "google", "--date", "2020-01-01").stderr
    assert run("target", "google", "--date", date.today().isoformat()).exit_code == 0
    (today,) = json.loads(run("plan", "--json").stdout)  # the interview day's warm-up
    assert today["date"] == date.today().isoformat()
    when = (date.today() + timedelta(days=12)).isoformat()
    assert run("target", "google", "--date", when).exit_code == 0
    assert json.loads(run("target", "--json").stdout) == {
        "company": "google",
        "interview_date": when,
    }
    assert len(json.loads(run("plan", "--json").stdout)) == 12


def test_options_that_would_be_ignored_are_refused_and_ended_input_is_said(run):
    both = run("practice", "-q", QUESTION, "--company", "google", "-a", "-", input=GOOD)
    assert both.exit_code == 2 and "leave out --company and --round" in both.stderr
    resumed = run("loop", "--resume", "1", "--company", "google")
    assert resumed.exit_code == 2 and "leave out --company" in resumed.stderr
    listed = run("drill", "--kind", "latency", "list")
    assert listed.exit_code == 2 and "does nothing to `drill list`" in listed.stderr
    ended = run("review", input="")
    assert ended.exit_code == 1 and "the input ended" in ended.stderr


def test_content_lint_refuses_sources_with_nothing_to_read(run, tmp_path):
    result = run("content", "lint", "--sources", str(tmp_path))
    assert result.exit_code == 2 and "holds no .txt or .md file" in result.stderr


def test_the_company_menu_asks_again_for_a_number_out_of_range(monkeypatch):
    from rich.console import Console

    from hirebar.cli import practice_cmd

    typed = iter([99, 0, 2])
    monkeypatch.setattr(practice_cmd.IntPrompt, "ask", lambda *a, **k: next(typed))
    companies = list(Library.load([]).companies.values())
    out = Console(record=True)
    assert practice_cmd.choose_company(out, companies) == companies[1].id
    assert out.export_text().count("Choose a number from 1 to") == 2


def test_review_shows_a_story_as_typed_brackets_and_all(run, tmp_path):
    story = tmp_path / "story.yaml"
    story.write_text('title: Rollback\ndecision: "I chose [Plan B] over [/x] a fix."\n')
    assert run("story", "add", str(story)).exit_code == 0
    shown = run("review", "--limit", "60", input="\n3\n" * 60)
    assert shown.exit_code == 0 and "I chose [Plan B] over [/x] a fix." in shown.stdout


@pytest.fixture
def typing(monkeypatch):
    """Lines typed at the terminal, then ``then`` (Ctrl-D by default), with ``half_typed``
    the line being typed when it comes."""
    import builtins
    import readline

    def type_in(*lines, then=EOFError, half_typed=""):
        feed = iter(lines)

        def fake_input(prompt=""):
            try:
                return next(feed)
            except StopIteration:
                raise then from None

        monkeypatch.setattr(builtins, "input", fake_input)
        monkeypatch.setattr(readline, "get_line_buffer", lambda: half_typed)

    return type_in


def test_a_loop_answer_cut_short_by_pause_or_ctrl_c_is_kept_and_resumed(service, typing):
    import typer

    from hirebar.cli.loop_cmd import _typed
    from hirebar.practice.mock_loop import MockLoops

    loops = MockLoops(service)
    loop_id = loops.start("meta")
    step = loops.next_step(loop_id)
    typing("First I'd scope the drop.", "pause", then=EOFError)
    assert _typed(loops, step) == "pause"
    assert loops.draft(step) == "First I'd scope the drop."
    typing("Then check what shipped.", then=KeyboardInterrupt)
    with pytest.raises(typer.Exit):
        _typed(loops, step)
    assert loops.draft(step) == "First I'd scope the drop.\nThen check what shipped."
    typing("Then contain it.", ".", then=EOFError)
    answer = _typed(loops, step)
    assert answer == "First I'd scope the drop.\nThen check what shipped.\nThen contain it."
    loops.answer(loop_id, answer)
    assert loops.draft(step) == ""  # sent: the answered step's draft is gone
    assert loops.draft(loops.next_step(loop_id)) == ""  # and none waits for the next step


def test_a_practice_answer_cut_short_by_ctrl_c_is_typed_on_from_where_it_stopped(
    service, typing, capsys
):
    import typer

    from hirebar.cli.practice_cmd import read_answer

    # Ctrl-C keeps the lines entered and the one being typed, not yet entered.
    typing("First I'd scope the drop.", then=KeyboardInterrupt, half_typed="Then roll")
    with pytest.raises(typer.Exit):
        read_answer(service, QUESTION, None, False, True, 5)
    assert service.draft(QUESTION) == "First I'd scope the drop.\nThen roll\n"
    typing("back the model.", ".")
    answer = read_answer(service, QUESTION, None, False, True, 5)
    assert answer == "First I'd scope the drop.\nThen roll\nback the model.\n"
    assert "Your draft so far" in capsys.readouterr().err
    # A reply to a follow-up keeps a draft of its own, where the web page has it.
    typing("The eval set was stale.", then=KeyboardInterrupt)
    with pytest.raises(typer.Exit):
        read_answer(service, QUESTION, None, False, True, 5, probe_of=7)
    assert service.text_drafts("probe:7:") == {"reply": "The eval set was stale.\n"}
    typing(".")
    assert read_answer(service, QUESTION, None, False, True, 5, probe_of=7) == (
        "The eval set was stale.\n"
    )
    service.submit(QUESTION, answer)  # the answer is sent: its draft is spent
    typing(".")
    assert read_answer(service, QUESTION, None, False, True, 5) == ""


@pytest.mark.parametrize(
    "args",
    [
        ("drill", "answer", "drift", "0.1", "--seed", "99999999999999999999999"),
        ("story", "delete", "99999999999999999999999"),
        ("history", "--limit", "99999999999999999999"),
        ("practice", "--seed", "99999999999999999999", "-q", "x"),
    ],
)
def test_a_number_too_big_to_store_is_refused_where_it_is_typed(run, args):
    result = run(*args)
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert "Invalid value" in said and "9223372036854775807" in said  # the largest it takes


def test_terminal_control_codes_in_an_answer_are_not_passed_to_the_terminal(run, tmp_path):
    answer = tmp_path / "answer.txt"
    answer.write_text(
        "I'd roll back \x1b[31mto the previous model\x1b[0m first.\x00 Then \u202escope it.",
        encoding="utf-8",
    )
    result = run("grade", "-q", "dbg-overnight-accuracy-drop", str(answer))
    assert result.exit_code == 0
    assert "\x1b[31m" not in result.stdout and "\u202e" not in result.stdout
    assert "\x00" not in result.stdout
    assert "\ufffd[31mto the previous model" in result.stdout  # shown, not obeyed


def test_serving_beyond_this_computer_warns_that_there_is_no_login(settings):
    import socket
    import subprocess
    import sys

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "hirebar", "serve", "--host", "0.0.0.0", "--port"]
    with subprocess.Popen(
        [*command, str(port), "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as server:
        try:
            warning = server.stderr.readline()
            running = server.stdout.readline()
        finally:
            server.terminate()
            server.wait(timeout=10)
    assert warning.startswith("warning: listening on 0.0.0.0") and "no login" in warning
    assert f":{port}/" in running


def test_times_are_shown_on_the_readers_clock(monkeypatch):
    import time

    from hirebar.cli.common import local_time

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        assert local_time("2026-12-06T17:38:00") == "2026-12-07 02:38"  # stored without a zone
        assert local_time("2026-12-06T17:38:00+00:00") == "2026-12-07 02:38"
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize(
    "command", [["--help"], ["drill", "--help"], ["grader", "evaluate", "--help"]]
)
def test_help_shows_flags_without_a_value_placeholder(run, command):
    shown = run(*command).stdout
    assert "--json" in shown or "--help" in shown
    assert "<bool>" not in shown  # Typer 0.29 printed it after every flag


def test_deleting_everything_removes_an_editor_file_too(run, settings, tmp_path):
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\necho "a private answer" > "$1"\nexit 1\n')
    editor.chmod(0o755)
    CliRunner().invoke(app, ["practice", "-q", QUESTION, "--editor"], env={"EDITOR": str(editor)})
    kept = settings.data_dir / "editing" / f"{QUESTION}.md"
    assert kept.exists()
    PracticeService(settings).delete_everything()
    assert not kept.exists() and PracticeService(settings).draft(QUESTION) == ""


def test_every_commands_one_line_summary_is_one_line():
    """The command lists show a docstring's first paragraph with its line breaks kept, so a
    summary wrapped in the source came out broken mid-sentence ("and how many of / its")."""
    import typer

    def commands(group, prefix: str = ""):  # Typer's groups: anything with subcommands
        for name, command in group.commands.items():
            yield f"{prefix}{name}", command
            if hasattr(command, "commands"):
                yield from commands(command, f"{prefix}{name} ")

    found = dict(commands(typer.main.get_command(app)))
    assert {"status", "content lint", "cards export-anki"} <= set(found)
    broken = {
        name: summary
        for name, command in found.items()
        if "\n" in (summary := (command.help or "").strip().split("\n\n")[0])
    }
    assert broken == {}
