"""The course in the browser: the table of contents, a lesson, and safe rendering."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from hirebar.content import Library
from hirebar.settings import Settings
from hirebar.web.app import create_app


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.text[:500]
    return BeautifulSoup(response.text, "html.parser")


def test_course_lists_every_module_and_lesson_in_order(client):
    library = Library.load([])
    page = soup(client.get("/course"))
    titles = [h.text for h in page.select("section.card h2")]
    assert len(titles) == len(library.modules)
    assert titles[0].startswith("1. " + library.course[0][0].title)
    links = [a["href"] for a in page.select("ol.lessons a")]
    assert links == [f"/course/{x.id}" for _, lessons in library.course for x in lessons]
    assert client.get("/api/v1/course").json()["lessons"] == len(library.lessons)


def test_a_lesson_renders_its_body_and_links_to_practice_that_exists(client):
    library = Library.load([])
    first = library.course[0][1][0]
    page = soup(client.get(f"/course/{first.id}"))
    assert page.select_one("h1").text == first.title
    assert page.select_one("article.lesson h2").text == "Core ideas"
    practice = [a["href"] for a in page.select("#practice-h + ul a")]
    assert practice == [f"/practice/{q}" for q in first.practice]
    for href in practice:
        assert client.get(href).status_code == 200
    assert len(page.select("details.flash")) == len(first.cards)
    drills = page.select("ul.drill-links li")
    assert len(drills) == len(first.drills)
    for link in page.select("ul.drill-links a"):
        assert client.get(link["href"], follow_redirects=False).status_code == 303
    assert page.select_one("a[rel=next]")["href"].startswith("/course/")
    assert client.get("/course/no-such-lesson").status_code == 404


@pytest.fixture
def pack_with_script(tmp_path: Path, settings, monkeypatch) -> Settings:
    root = tmp_path / "pack"
    (root / "lessons").mkdir(parents=True)
    (root / "pack.yaml").write_text("id: mine\nname: Mine\n")
    (root / "lessons" / "x.md").write_text(
        "---\nid: sneaky\nmodule: loops\norder: 99\ntitle: Sneaky\nminutes: 3\n"
        "objectives: [One thing to learn., Another thing.]\ntakeaways: [One., Two.]\n"
        "practice: [dbg-overnight-accuracy-drop]\n---\n"
        "## Core ideas\n\n<script>alert('x')</script> <img src=x onerror=alert(1)>\n\n"
        + "Plain words for the length rule. "
        * 10
    )
    monkeypatch.setenv("HIREBAR_PACKS", str(root))
    return Settings()


def test_markup_in_a_pack_lesson_is_shown_as_text_not_run(pack_with_script):
    with TestClient(create_app(pack_with_script)) as client:
        page = soup(client.get("/course/sneaky"))
    article = page.select_one("article.lesson")
    assert article.select("script, img") == []
    assert "<script>alert('x')</script>" in article.text
