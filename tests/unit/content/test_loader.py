"""Broken packs give problems that name file, line, entry and field; they never raise."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from hirebar.content import Library, load_pack

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "example_question.yaml"


def good_question() -> dict:
    return yaml.safe_load(EXAMPLE.read_text())["questions"][0]


def write_pack(root: Path, questions_yaml: str, manifest: str = "id: mine\nname: Mine\n") -> Path:
    (root / "questions").mkdir(parents=True)
    (root / "pack.yaml").write_text(manifest)
    (root / "questions" / "q.yaml").write_text(questions_yaml)
    return root


def as_yaml(*questions: dict) -> str:
    return yaml.safe_dump({"questions": list(questions)}, sort_keys=False)


def test_a_valid_pack_loads_cleanly(tmp_path: Path):
    pack = load_pack(write_pack(tmp_path / "p", as_yaml(good_question())))
    assert pack.problems == []
    assert [q.id for q in pack.questions] == ["dbg-overnight-accuracy-drop"]


def mutate(path: str, value):
    def apply(question: dict) -> dict:
        *parents, last = path.split(".")
        node = question
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if value is DELETE:
            del node[int(last) if last.isdigit() else last]
        else:
            node[int(last) if last.isdigit() else last] = value
        return question

    return apply


DELETE = object()

BROKEN = [
    # (change to a good question, field named, words in the message)
    (mutate("round", "whiteboard"), "round", "recruiter_screen"),
    (mutate("difficulty", "brutal"), "difficulty", "easy"),
    (mutate("rubric.key_points.0.weight", 0.9), "rubric", "weights must sum to 1"),
    (mutate("rubric.key_points.1.cues", ["only one"]), "rubric.key_points[1].cues", "at least 2"),
    (mutate("rubric.red_flags", []), "rubric.red_flags", "at least 2"),
    (mutate("follow_ups.0.targets", ["nope"]), "", "unknown key point"),
    (mutate("exemplar", DELETE), "exemplar", "Field required"),
    (mutate("competencies", ["charisma"]), "competencies[0]", "user_impact"),
    (mutate("colour", "blue"), "colour", "Extra inputs are not permitted"),
    (mutate("id", "Has Spaces"), "id", "pattern"),
]


@pytest.mark.parametrize(("change", "field", "words"), BROKEN)
def test_a_broken_question_is_reported_with_its_field(tmp_path: Path, change, field, words):
    text = as_yaml(good_question(), change(good_question() | {"id": "broken-one"}))
    if field == "id":
        text = as_yaml(good_question(), change(good_question()))
    pack = load_pack(write_pack(tmp_path / "p", text))
    assert len(pack.problems) >= 1
    problem = pack.problems[0]
    assert problem.file == "questions/q.yaml"
    assert problem.field.startswith(field) if field else problem.field is None
    assert words in problem.message
    assert problem.line is not None and problem.line > 1
    # The valid question still loads: one broken entry costs only itself.
    assert "dbg-overnight-accuracy-drop" in [q.id for q in pack.questions] or field == "id"
    if field != "id":
        assert problem.entry == "broken-one"
        assert "entry 'broken-one'" in str(problem)


def test_the_line_points_at_the_bad_field(tmp_path: Path):
    text = as_yaml(good_question() | {"difficulty": "brutal"})
    pack = load_pack(write_pack(tmp_path / "p", text))
    (problem,) = pack.problems
    lines = text.splitlines()
    assert lines[problem.line - 1].strip() == "difficulty: brutal"
    assert str(problem).startswith(f"questions/q.yaml:{problem.line}: entry ")


FILE_PROBLEMS = [
    ("questions:\n  - id: x\n    round: [unclosed\n", "YAML syntax", 4),
    ("", "file is empty", 1),
    ("- just a list\n", "expected a top-level 'questions:' list", 1),
]


@pytest.mark.parametrize(("text", "words", "line"), FILE_PROBLEMS)
def test_unreadable_files_are_reported(tmp_path: Path, text: str, words: str, line: int):
    pack = load_pack(write_pack(tmp_path / "p", text))
    (problem,) = pack.problems
    assert words in problem.message
    assert problem.line == line


def test_a_syntax_error_says_where_the_unclosed_thing_began(tmp_path: Path):
    text = "questions:\n  - id: x\n    cues: [one, two\n    round: mock\n"
    (problem,) = load_pack(write_pack(tmp_path / "p", text)).problems
    assert problem.line == 4
    assert "(while parsing a flow sequence begun on line 3)" in problem.message


def test_a_key_written_twice_is_reported_and_the_entry_still_loads(tmp_path: Path):
    text = as_yaml(good_question()).replace("  difficulty:", "  difficulty: easy\n  difficulty:", 1)
    pack = load_pack(write_pack(tmp_path / "p", text))
    (problem,) = pack.problems
    lines = text.splitlines()
    first = lines.index("  difficulty: easy") + 1
    assert problem.line == first + 1
    assert problem.message == (
        f"key 'difficulty' is written twice in one mapping (first on line {first}); "
        "only the last would be kept"
    )
    assert [q.id for q in pack.questions] == ["dbg-overnight-accuracy-drop"]


def test_equal_keys_in_different_mappings_are_not_repeats(tmp_path: Path):
    other = good_question() | {"id": "another-one"}
    pack = load_pack(write_pack(tmp_path / "p", as_yaml(good_question(), other)))
    assert pack.problems == []


def test_missing_manifest_and_folder(tmp_path: Path):
    assert "does not exist" in load_pack(tmp_path / "nowhere").problems[0].message
    (missing,) = Library.load([tmp_path / "nowhere"]).problems
    assert missing.file == str(tmp_path / "nowhere")  # named once, not joined to itself
    (tmp_path / "empty").mkdir()
    assert "missing pack.yaml" in load_pack(tmp_path / "empty").problems[0].message
    bad = write_pack(tmp_path / "bad", as_yaml(good_question()), manifest="name: no id\n")
    (problem,) = load_pack(bad).problems
    assert (problem.file, problem.field) == ("pack.yaml", "id")


def test_duplicate_ids_and_unknown_companies_across_packs(tmp_path: Path):
    question = good_question() | {"id": "mine-1", "companies": ["google", "acme"]}
    root = write_pack(tmp_path / "p", as_yaml(question, {**question}))
    library = Library.load([root])
    messages = [str(p) for p in library.problems]
    lines = (root / "questions" / "q.yaml").read_text().splitlines()
    first, second = [n for n, text in enumerate(lines, 1) if text.lstrip(" -") == "id: mine-1"]
    companies = next(n for n, text in enumerate(lines, 1) if text.strip().startswith("companies:"))
    file = root / "questions" / "q.yaml"  # the full path: a user may have several packs
    assert (
        f"{file}:{second}: entry 'mine-1': field 'id': id is used twice; "
        f"the first, kept, is at questions/q.yaml:{first}"
    ) in messages
    assert (
        f"{file}:{companies}: entry 'mine-1': field 'companies': unknown company, left out: acme"
    ) in messages
    assert library.questions["mine-1"].companies == ["google"]  # loads, without the bad id


def test_a_user_pack_cannot_shadow_a_builtin_question(tmp_path: Path):
    root = write_pack(tmp_path / "p", as_yaml(good_question() | {"prompt": "x" * 30}))
    library = Library.load([root])
    assert library.questions["dbg-overnight-accuracy-drop"].prompt != "x" * 30
    (shadow,) = [p for p in library.problems if "already defined" in p.message]
    assert (shadow.file, shadow.line) == (str(root / "questions" / "q.yaml"), 2)
    builtin_file, builtin_line = library.places["questions", "dbg-overnight-accuracy-drop"]
    assert f"at {builtin_file}:{builtin_line}" in shadow.message


def test_non_utf8_file(tmp_path: Path):
    root = write_pack(tmp_path / "p", "")
    (root / "questions" / "q.yaml").write_bytes(
        textwrap.dedent("questions: \xff").encode("latin-1")
    )
    (problem,) = load_pack(root).problems
    assert "not UTF-8" in problem.message


def markdown_question(**changes) -> str:
    question = good_question() | changes
    exemplar = question.pop("exemplar")
    front = yaml.safe_dump(question, sort_keys=False)
    return f"---\n{front}---\n{exemplar}"


def test_a_markdown_question_takes_its_body_as_the_exemplar(tmp_path: Path):
    root = write_pack(tmp_path / "p", as_yaml(good_question() | {"id": "from-yaml"}))
    (root / "questions" / "md-one.md").write_text(markdown_question(id="from-markdown"))
    pack = load_pack(root)
    assert pack.problems == []
    by_id = {q.id: q for q in pack.questions}
    assert by_id["from-markdown"].exemplar == good_question()["exemplar"].strip()


def test_a_broken_markdown_question_names_its_line(tmp_path: Path):
    root = write_pack(tmp_path / "p", as_yaml(good_question()))
    text = markdown_question(id="md-bad", difficulty="brutal")
    (root / "questions" / "bad.md").write_text(text)
    (problem,) = load_pack(root).problems
    assert (problem.file, problem.entry, problem.field) == (
        "questions/bad.md",
        "md-bad",
        "difficulty",
    )
    assert text.splitlines()[problem.line - 1] == "difficulty: brutal"
    (root / "questions" / "bad.md").write_text("no front matter here")
    (problem,) = load_pack(root).problems
    assert "front matter" in problem.message


def test_long_text_is_cut_at_a_word_with_one_ellipsis():
    from hirebar.content import cut_at_word

    text = "Walk me through how you would decide, under a deadline, whether to ship the model"
    assert cut_at_word(text, 200) == text
    cut = cut_at_word(text, 40)
    assert cut == "Walk me through how you would decide…"
    assert len(cut) <= 40
