"""The content cache: reused while packs are unchanged, refreshed when a file changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hirebar.content import builtin_pack_path
from hirebar.practice import content_cache
from hirebar.practice.content_cache import load_library


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    (root / "questions").mkdir(parents=True)
    (root / "pack.yaml").write_text("id: mine\nname: Mine\n")
    example = Path(__file__).resolve().parents[3] / "docs" / "example_question.yaml"
    text = example.read_text().replace("dbg-overnight-accuracy-drop", "mine-1")
    (root / "questions" / "q.yaml").write_text(text)
    return root


def test_a_second_load_comes_from_the_cache(pack, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = load_library([pack], cache)
    assert "mine-1" in first.questions and len(list(cache.glob("pack-*.pickle"))) == 2

    def refuse(root):  # type: ignore[no-untyped-def]
        raise AssertionError(f"parsed {root} again")

    monkeypatch.setattr(content_cache, "load_pack", refuse)
    again = load_library([pack], cache)
    assert again.questions.keys() == first.questions.keys()


def test_an_edited_pack_is_read_again_and_the_old_entry_goes(pack, tmp_path):
    cache = tmp_path / "cache"
    load_library([pack], cache)
    question = pack / "questions" / "q.yaml"
    question.write_text(question.read_text().replace("mine-1", "mine-2"))
    stat = question.stat()
    os.utime(question, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    fresh = load_library([pack], cache)
    assert "mine-2" in fresh.questions and "mine-1" not in fresh.questions
    assert len(list(cache.glob("pack-*.pickle"))) == 2  # one per pack, stale one removed


def test_a_corrupt_cache_file_is_ignored(pack, tmp_path):
    cache = tmp_path / "cache"
    load_library([pack], cache)
    for cached in cache.glob("pack-*.pickle"):
        cached.write_bytes(b"not a pickle")
    assert "mine-1" in load_library([pack], cache).questions


def test_a_read_only_cache_folder_still_loads(pack, tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    assert "mine-1" in load_library([pack], blocked / "cache").questions
    assert not list(builtin_pack_path().rglob("*.pickle"))  # the package is never written to
