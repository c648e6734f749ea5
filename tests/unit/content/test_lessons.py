"""The course loads from Markdown lessons, and every link in it is checked."""

from __future__ import annotations

import textwrap
from pathlib import Path

from hirebar.content import Library, load_pack
from hirebar.content.coverage import coverage

BODY = (
    "## Core ideas\n\n"
    + "Precision is the share of flagged items that are right. " * 6
    + ("\n\n## Worked example\n\nOf 1,000 flagged payments, 800 were fraud: precision 0.8.\n")
)


def lesson(lesson_id: str, *, module: str = "basics", order: int = 1, practice: str = "") -> str:
    practice = practice or "[dbg-overnight-accuracy-drop]"
    return (
        textwrap.dedent(
            f"""\
        ---
        id: {lesson_id}
        module: {module}
        order: {order}
        title: Lesson {lesson_id}
        minutes: 8
        objectives: [Say what precision measures., Pick a threshold by error cost.]
        takeaways: [Precision counts flagged items., Recall counts real positives.]
        practice: {practice}
        cards:
          - id: card-{lesson_id}
            front: What share does precision measure?
            back: The share of flagged items that are truly positive.
        ---
        """
        )
        + BODY
    )


def write_course(root: Path, lessons: dict[str, str]) -> Path:
    (root / "lessons" / "basics").mkdir(parents=True)
    (root / "pack.yaml").write_text("id: mine\nname: Mine\n")
    (root / "lessons" / "modules.yaml").write_text(
        "modules:\n  - id: basics\n    title: Basics\n    order: 1\n"
        "    summary: The first ideas a candidate needs, in order.\n"
    )
    for name, text in lessons.items():
        (root / "lessons" / "basics" / name).write_text(text)
    return root


def test_lessons_load_in_module_order(tmp_path: Path):
    root = write_course(
        tmp_path / "p",
        {"b.md": lesson("second", order=2), "a.md": lesson("first", order=1)},
    )
    library = Library.load([root])
    assert [p for p in library.problems if "mine" in p.file or p.entry in {"first", "second"}] == []
    (lessons,) = [ls for m, ls in library.course if m.id == "basics"]
    assert [x.id for x in lessons] == ["first", "second"]
    assert library.lessons["first"].body.startswith("## Core ideas")
    assert library.cards["card-first"][1].id == "first"


def test_broken_links_unknown_module_and_repeated_cards_are_reported(tmp_path: Path):
    root = write_course(
        tmp_path / "p",
        {
            "a.md": lesson("one", practice="[no-such-question]"),
            "b.md": lesson("two", module="nowhere").replace("card-two", "card-one"),
        },
    )
    messages = [str(p) for p in Library.load([root]).problems]
    assert any("'one'" in m and "'practice'" in m and "no-such-question" in m for m in messages)
    assert Library.load([root]).lessons["one"].practice == []  # no link to nothing
    assert any("'two'" in m and "unknown module: nowhere" in m for m in messages)
    (module,) = [m for m in messages if "unknown module" in m]
    # file, and the line of the field at fault (not of the id)
    assert module.startswith(str(root)) and "b.md:3: entry 'two': field 'module'" in module
    assert any("a.md:9: entry 'one': field 'practice'" in m for m in messages)
    assert any(
        "b.md:10: entry 'two'" in m and "card id used twice: card-one" in m for m in messages
    )


def test_a_lesson_without_front_matter_names_its_file(tmp_path: Path):
    root = write_course(tmp_path / "p", {"a.md": "# Just a heading\n\nNo front matter."})
    (problem,) = load_pack(root).problems
    assert problem.file == "lessons/basics/a.md"
    assert "front matter" in problem.message


def test_a_bad_field_names_its_line(tmp_path: Path):
    text = lesson("one").replace("minutes: 8", "minutes: many")
    (problem,) = load_pack(write_course(tmp_path / "p", {"a.md": text})).problems
    assert (problem.entry, problem.field, problem.line) == ("one", "minutes", 6)


def test_coverage_counts_the_builtin_course_and_bank():
    found = coverage(Library.load([]))
    assert found.counts["questions"] == sum(found.per_round.values())
    assert found.counts["lessons"] == sum(found.lessons_per_module.values())
    assert set(found.round_by_company) == set(found.per_round)


def test_a_card_id_repeated_in_one_lesson_or_taken_from_the_builtin_course_is_reported():
    import tempfile

    builtin_id, (builtin_card, _) = next(iter(Library.load([]).cards.items()))
    with tempfile.TemporaryDirectory() as folder:
        twice = lesson("one").replace(
            "---\n## Core",
            "  - id: card-one\n    front: What does recall measure?\n"
            "    back: The share of real positives found.\n---\n## Core",
        )
        taken = lesson("two").replace("card-two", builtin_id)
        root = write_course(Path(folder) / "p", {"a.md": twice, "b.md": taken})
        library = Library.load([root])
        messages = [str(p) for p in library.problems]
        assert any("'one'" in m and "card id used twice: card-one" in m for m in messages)
        assert any("'two'" in m and f"card id used twice: {builtin_id}" in m for m in messages)
        assert library.cards[builtin_id][0] == builtin_card  # a pack cannot replace it
