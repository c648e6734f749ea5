"""`hirebar grader`: one answer against a model answer, and a coach's graded CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hirebar.cli.app import app

QUESTION = "Why hold out a test set that no one tunes on?"
REFERENCE = (
    "Tuning on a set leaks it into the model, so its metrics overstate quality; "
    "an untouched holdout estimates performance on new data."
)
ANSWERS = [  # (answer, a coach's score 0-5)
    (
        "Every time you tune against a set, information from it leaks into the model, so "
        "scores on it look better than reality. A holdout nobody touched tells you how "
        "the model does on data it has never seen.",
        5,
    ),
    ("Because the metrics on a tuned set overstate how good the model is.", 3),
    ("You hold out a test set so that no one tunes on it.", 1),
    ("Test sets should be large.", 1),
    ("I would interview users about onboarding and ship a roadmap.", 0),
    ("", 0),
]
OTHER = (
    "What does a confusion matrix show?",
    "Counts of predictions against true labels: true and false positives and negatives.",
    [
        (
            "It tabulates predicted against actual classes, counting true positives, "
            "false positives, true negatives and false negatives.",
            5,
        ),
        ("Shows the errors.", 1),
        ("A chart of revenue by quarter.", 0),
    ],
)


@pytest.fixture
def run(settings):
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(
            app, list(args), input=input, catch_exceptions=False, env={"COLUMNS": "200"}
        )

    return invoke


def graded_csv(
    path: Path, rows: list[dict[str, str]], header: list[str] | None = None, separator: str = ","
) -> Path:
    header = header or ["question_id", "question", "reference_answer", "answer", "score"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=header, extrasaction="ignore", delimiter=separator
        )
        writer.writeheader()
        writer.writerows(rows)
    return path


def coach_rows() -> list[dict[str, str]]:
    rows = [
        {
            "question_id": "q1",
            "question": QUESTION,
            "reference_answer": REFERENCE,
            "answer": a,
            "score": str(s),
        }
        for a, s in ANSWERS
    ]
    question, reference, answers = OTHER
    rows += [
        {
            "question_id": "q2",
            "question": question,
            "reference_answer": reference,
            "answer": a,
            "score": str(s),
        }
        for a, s in answers
    ]
    return rows


def test_evaluate_agrees_with_a_coach_who_grades_sensibly(run, tmp_path):
    path = graded_csv(tmp_path / "graded.csv", coach_rows())
    result = run("grader", "evaluate", str(path), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == {"n", "pearson", "spearman", "rmse", "alone"}
    assert set(report["alone"]) == {"pearson", "spearman", "rmse"}
    assert report["n"] == 9
    for figures in (report, report["alone"]):  # q1's six answers are a class, q2's three not
        assert figures["pearson"] > 0.8
        assert figures["spearman"] > 0.6  # the weak answers tie at 0-1 for the coach
        assert 0 < figures["rmse"] < 1.5


def test_evaluate_against_a_coach_who_grades_backwards_shows_disagreement(run, tmp_path):
    rows = coach_rows()
    for row in rows:
        row["score"] = str(5 - float(row["score"]))
    report = json.loads(
        run("grader", "evaluate", str(graded_csv(tmp_path / "b.csv", rows)), "--json").stdout
    )
    assert report["pearson"] < -0.7


def test_evaluate_prints_a_table_and_works_on_wording_alone(run, tmp_path):
    path = graded_csv(
        tmp_path / "graded.csv",
        coach_rows(),
        header=["question", "reference_answer", "answer", "score"],
    )
    result = run("grader", "evaluate", str(path), "--lexical")
    assert result.exit_code == 0
    assert "grading on wording alone" in result.stdout
    for label in ("n         9", "with the class", "alone", "pearson", "spearman", "rmse"):
        assert label in result.stdout


def test_a_missing_column_is_named_with_the_file(run, tmp_path):
    path = graded_csv(tmp_path / "graded.csv", coach_rows(), header=["question", "answer", "score"])
    result = run("grader", "evaluate", str(path))
    assert result.exit_code != 0
    assert f"{path}:1: missing column(s) reference_answer" in result.output


def test_an_answer_longer_than_pythons_csv_field_limit_is_read(run, tmp_path):
    rows = coach_rows()
    rows[0]["answer"] = "word " * 40_000  # 200,000 characters; the csv module stops at 131,072
    result = run("grader", "evaluate", str(graded_csv(tmp_path / "long.csv", rows)), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["n"] == len(rows)


def test_a_bad_score_is_reported_with_its_line(run, tmp_path):
    rows = coach_rows()
    rows[2]["score"] = "four"
    result = run("grader", "evaluate", str(graded_csv(tmp_path / "graded.csv", rows)))
    assert result.exit_code != 0
    assert ":4: score 'four' is not a number" in result.output


def test_a_file_that_is_not_utf8_is_reported_with_its_line(run, tmp_path):
    rows = coach_rows()
    rows[3]["answer"] = "Le modèle"
    path = graded_csv(tmp_path / "graded.csv", rows)
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    result = run("grader", "evaluate", str(path))
    assert result.exit_code != 0
    assert "graded.csv:5: not UTF-8 text" in result.output


def test_a_row_with_too_few_or_too_many_fields_is_reported_with_its_line(run, tmp_path):
    path = graded_csv(tmp_path / "graded.csv", coach_rows())
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = '"What is recall?,Share of positives found'  # a quote left open
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("grader", "evaluate", str(path))
    assert result.exit_code != 0
    assert ":3: 4 field(s) where the header has 5" in result.output
    lines[2] = "q1,q,r,a,1,surplus"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert ":3: 6 field(s) where the header has 5" in run("grader", "evaluate", str(path)).output


def test_too_few_rows_and_a_missing_file_are_refused(run, tmp_path):
    result = run("grader", "evaluate", str(graded_csv(tmp_path / "two.csv", coach_rows()[:2])))
    assert "at least 3 are needed" in result.output
    assert "no such file" in run("grader", "evaluate", str(tmp_path / "nope.csv")).output
    assert "is a folder, not a file" in run("grader", "evaluate", str(tmp_path)).output
    same = [{**row, "score": "3"} for row in coach_rows()]
    flat = run("grader", "evaluate", str(graded_csv(tmp_path / "flat.csv", same)), "--json")
    assert flat.exit_code != 0 and flat.stdout == ""
    assert "every score is 3; agreement needs scores that differ" in flat.output


def test_batch_writes_the_class_back_with_a_grade_for_each_answer(run, tmp_path):
    header = ["question_id", "question", "reference_answer", "answer"]  # no scores needed
    source = graded_csv(tmp_path / "class.csv", coach_rows(), header=header)
    out = tmp_path / "graded.csv"
    result = run("grader", "batch", str(source), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"9 answers graded; written to {out}" in result.output
    with out.open(encoding="utf-8") as handle:
        graded = list(csv.DictReader(handle))
    assert list(graded[0]) == [*header, "grader_score", "grader_verdict", "key_points_covered"]
    assert [row["answer"] for row in graded] == [row["answer"] for row in coach_rows()]
    scores = [float(row["grader_score"]) for row in graded]
    assert scores[0] > scores[1] > scores[3] and scores[5] == 0  # best, partial, fragment, empty
    assert graded[0]["grader_verdict"] in {"lean_hire", "strong_hire"}
    assert graded[0]["key_points_covered"].endswith(" of 3")
    # q2 has three answers, too few for a class: each keeps the grade it gets on its own
    question, reference, answers = OTHER
    alone = run(
        "grader", "reference", "-", "-q", question, "-r", reference, "--json", input=answers[0][0]
    )
    assert float(graded[6]["grader_score"]) == pytest.approx(
        json.loads(alone.stdout)["score"], abs=0.01
    )


def test_batch_prints_to_standard_output_and_never_overwrites_its_input(run, tmp_path):
    source = graded_csv(tmp_path / "class.csv", coach_rows())
    before = source.read_bytes()
    result = run("grader", "batch", str(source))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].endswith(
        "score,grader_score,grader_verdict,key_points_covered"
    )
    again = tmp_path / "again.csv"  # a graded file graded again: new grades, no repeated columns
    again.write_text(result.stdout, encoding="utf-8")
    regraded = run("grader", "batch", str(again)).stdout
    assert regraded == result.stdout
    refused = run("grader", "batch", str(source), "--out", str(source))
    assert refused.exit_code != 0
    assert "that is the input file" in refused.output
    assert source.read_bytes() == before


def test_batch_reports_an_empty_file_and_a_bad_score_with_where(run, tmp_path):
    header = ["question", "reference_answer", "answer", "score"]
    empty = run("grader", "batch", str(graded_csv(tmp_path / "empty.csv", [], header=header)))
    assert empty.exit_code != 0
    assert "empty.csv: no answers after the header" in empty.output
    rows = coach_rows()
    rows[1]["score"] = ""  # a score may be left out when only grading
    rows[2]["score"] = "four"  # but one given must be a number
    bad = run("grader", "batch", str(graded_csv(tmp_path / "bad.csv", rows)))
    assert bad.exit_code != 0
    assert "bad.csv:4: score 'four' is not a number" in bad.output


def test_a_spreadsheet_saved_with_semicolons_or_tabs_is_read_and_written_back_so(run, tmp_path):
    rows = coach_rows()
    rows[1]["score"] = "3,5"  # where the comma is the decimal mark
    plain = dict(coach_rows()[1], score="3.5")
    by_comma = graded_csv(tmp_path / "comma.csv", [rows[0], plain, *rows[2:]])
    expected = json.loads(run("grader", "evaluate", str(by_comma), "--json").stdout)
    by_semicolon = graded_csv(tmp_path / "semicolon.csv", rows, separator=";")
    assert json.loads(run("grader", "evaluate", str(by_semicolon), "--json").stdout) == expected
    graded = run("grader", "batch", str(by_semicolon)).stdout.splitlines()
    assert graded[0] == (
        "question_id;question;reference_answer;answer;score;"
        "grader_score;grader_verdict;key_points_covered"
    )
    best = next(csv.reader([graded[1]], delimiter=";"))
    assert best[4] == "5" and "," in best[5] and float(best[5].replace(",", ".")) > 2.5
    by_tab = graded_csv(tmp_path / "tab.tsv", [rows[0], plain, *rows[2:]], separator="\t")
    assert json.loads(run("grader", "evaluate", str(by_tab), "--json").stdout) == expected
    assert run("grader", "batch", str(by_tab)).stdout.splitlines()[0].count("\t") == 7
    # In a comma-separated file a comma in a score is no decimal mark: said, not guessed.
    rows_with_comma = [dict(r) for r in coach_rows()]
    rows_with_comma[1]["score"] = "1,000"
    refused = run("grader", "evaluate", str(graded_csv(tmp_path / "odd.csv", rows_with_comma)))
    assert refused.exit_code != 0
    assert "odd.csv:3: score '1,000' is not a number" in refused.output


def test_reference_grades_one_answer_and_quotes_it(run, tmp_path):
    answer = tmp_path / "answer.txt"
    answer.write_text(ANSWERS[0][0], encoding="utf-8")
    result = run("grader", "reference", str(answer), "-q", QUESTION, "-r", REFERENCE, "--json")
    assert result.exit_code == 0, result.output
    graded = json.loads(result.stdout)
    assert graded["semantic"] is True
    assert graded["score"] >= 2.5
    covered = [p for p in graded["key_points"] if p["covered"]]
    assert covered and all(p["evidence"] in ANSWERS[0][0] for p in covered)

    shown = run(
        "grader",
        "reference",
        "-",
        "-q",
        QUESTION,
        "-r",
        REFERENCE,
        input="You hold out a test set so that no one tunes on it.",
    )
    assert "missing:" in shown.stdout and "Add a sentence that says" in shown.stdout


def test_reference_reads_the_model_answer_from_a_file_and_checks_its_input(run, tmp_path):
    model = tmp_path / "model.txt"
    model.write_text(REFERENCE, encoding="utf-8")
    answer = tmp_path / "answer.txt"
    answer.write_text(ANSWERS[1][0], encoding="utf-8")
    by_file = run(
        "grader", "reference", str(answer), "-q", QUESTION, "--reference-file", str(model), "--json"
    )
    by_text = run("grader", "reference", str(answer), "-q", QUESTION, "-r", REFERENCE, "--json")
    assert json.loads(by_file.stdout) == json.loads(by_text.stdout)
    neither = run("grader", "reference", str(answer), "-q", QUESTION)
    assert neither.exit_code != 0 and "exactly one of --reference" in neither.output
    empty = run("grader", "reference", str(answer), "-q", QUESTION, "-r", "  ")
    assert empty.exit_code != 0 and "model answer is empty" in empty.output
    wordless = run("grader", "reference", str(answer), "-q", QUESTION, "-r", "!!! ...")
    assert wordless.exit_code != 0 and "has no words to grade against" in wordless.output
    chinese = run("grader", "reference", str(answer), "-q", QUESTION, "-r", "首先明确用户和目标。")
    assert chinese.exit_code != 0 and "no words in the Latin alphabet" in chinese.output
    only_small_words = run("grader", "reference", str(answer), "-q", QUESTION, "-r", "It is so.")
    assert "has no words to grade against" in only_small_words.output  # Latin, but empty
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n", encoding="utf-8")
    unanswered = run("grader", "reference", str(blank), "-q", QUESTION, "-r", REFERENCE)
    assert unanswered.exit_code != 0 and "the answer is empty" in unanswered.output
    missing = run(
        "grader", "reference", str(answer), "-q", QUESTION, "--reference-file", "nope.txt"
    )
    assert missing.exit_code != 0 and "model answer file not found: nope.txt" in missing.output
