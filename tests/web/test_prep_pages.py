"""Review, the story bank and the artifact worksheets in the web app."""

from __future__ import annotations

from bs4 import BeautifulSoup

from hirebar.content import Library


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.text[:500]
    return BeautifulSoup(response.text, "html.parser")


def test_review_shows_a_due_item_and_a_rating_schedules_it(client, token):
    page = soup(client.get("/review"))
    key = page.select_one("#review-item input[name=key]")["value"]
    due = int(page.select_one("#due-count").text.split()[0])
    assert due > 0 and key.startswith("card:")
    client.post("/review", data={"key": key, "rating": "3", "csrf_token": token})
    page = soup(client.get("/review"))
    assert page.select_one("#review-item input[name=key]")["value"] != key
    bad = client.post("/review", data={"key": "card:nope", "rating": "3", "csrf_token": token})
    assert bad.status_code == 422


def test_a_story_is_saved_checked_and_counted(client, token):
    client.post(
        "/stories",
        data={
            "title": "Shipped with a human queue",
            "decision": "We shipped it.",
            "competencies": ["risk_containment", "ownership"],
            "csrf_token": token,
        },
    )
    page = soup(client.get("/stories"))
    (story,) = page.select("#stories > li")
    assert "Shipped with a human queue" in story.text
    assert story.select_one("details dd").text == "We shipped it."  # readable again
    assert "No first-person decision" in story.text and "No number" in story.text
    assert "at least 2 of the competencies" in page.select_one("#fit-rule").text  # says why
    data = client.get("/api/v1/stories").json()
    assert data["coverage"]["competencies"]["ownership"] == [data["stories"][0]["id"]]
    assert client.get("/review").status_code == 200


def test_a_story_without_a_title_comes_back_as_typed(client, token):
    response = client.post(
        "/stories",
        data={
            "title": "  ",
            "situation": "Churn rose 4% after the ranking launch.",
            "tags": ["accuracy-vs-latency"],
            "csrf_token": token,
        },
    )
    assert response.status_code == 422
    page = BeautifulSoup(response.text, "html.parser")
    assert "A story needs a title" in page.select_one("#story-error").text
    assert page.select_one("#story-situation").text == "Churn rose 4% after the ranking launch."
    assert page.select_one("input[value=accuracy-vs-latency]").has_attr("checked")
    assert client.get("/api/v1/stories").json()["stories"] == []


def test_the_story_form_is_checked_like_the_api_and_nothing_typed_is_cut(client, token):
    long_lesson = "Say the number first. " * 3_000  # 66,000 characters, past a part's limit
    too_long = client.post(
        "/stories",
        data={"title": "Ranking rollback", "lesson": long_lesson, "csrf_token": token},
    )
    assert too_long.status_code == 422
    page = BeautifulSoup(too_long.text, "html.parser")
    said = page.select_one("#story-error").text
    assert "The lesson box takes at most 50,000 characters: this text has 66,000." in said
    assert page.select_one("#story-lesson").text == long_lesson  # comes back whole, not cut
    unknown = client.post(
        "/stories", data={"title": "Ranking", "tags": ["speed-vs-magic"], "csrf_token": token}
    )
    assert unknown.status_code == 422 and "tags.0 in the form" in unknown.text
    assert client.get("/api/v1/stories").json()["stories"] == []


def test_an_artifact_draft_is_saved_and_linted(client, token):
    plan = Library.load([]).artifacts["ab-test-plan"]
    page = soup(
        client.post(
            "/artifacts/ab-test-plan",
            data={"draft": "We will test the new model.", "csrf_token": token},
        )
    )
    missing = page.select("#findings li")
    assert len(missing) >= 5
    page = soup(client.get("/artifacts/ab-test-plan"))
    assert page.select_one("#draft").text == "We will test the new model."  # kept
    page = soup(
        client.post("/artifacts/ab-test-plan", data={"draft": plan.example, "csrf_token": token})
    )
    assert page.select_one("#findings h2").text == "Every element is there"
    assert client.get("/artifacts/nope").status_code == 404
    huge = "## Hypothesis\n" + "The new ranker lifts saves. " * 2_000  # 56,000 characters
    refused = client.post("/artifacts/ab-test-plan", data={"draft": huge, "csrf_token": token})
    assert refused.status_code == 422
    page = BeautifulSoup(refused.text, "html.parser")
    assert "at most 50,000" in page.select_one("#draft-error").text
    assert page.select_one("#draft").text == huge  # whole, not cut


def test_the_json_api_adds_stories_rates_reviews_and_lists_worksheets(client, token):
    headers = {"X-CSRF-Token": token}
    story = {"title": "Rolled back a ranker", "decision": "I chose a rollback.", "numbers": "4%"}
    added = client.post("/api/v1/stories", json=story, headers=headers)
    assert added.status_code == 201 and isinstance(added.json()["id"], int)
    typo = client.post("/api/v1/stories", json={"title": "x", "tag": []}, headers=headers)
    assert typo.status_code == 422 and typo.json()["detail"][0]["loc"] == ["body", "tag"]
    key = client.get("/api/v1/review").json()["item"]["key"]
    rated = client.post("/api/v1/review", json={"key": key, "rating": 3}, headers=headers)
    assert rated.status_code == 200 and rated.json()["next_due"] > "2026"
    assert (
        client.post("/api/v1/review", json={"key": key, "rating": 5}, headers=headers).status_code
        == 422
    )
    listed = client.get("/api/v1/artifacts").json()["artifacts"]
    assert client.get(f"/api/v1/artifacts/{listed[0]['id']}").json()["template"]


def test_a_story_can_be_edited_and_deleted(client, token):
    client.post(
        "/stories",
        data={"title": "First draft", "competencies": ["ownership"], "csrf_token": token},
    )
    (story,) = client.get("/api/v1/stories").json()["stories"]
    form = BeautifulSoup(client.get(f"/stories?edit={story['id']}").text, "html.parser")
    assert form.select_one("#story-title")["value"] == "First draft"
    assert form.select_one("input[value=ownership]").has_attr("checked")
    client.post(
        "/stories",
        data={
            "story_id": str(story["id"]),
            "title": "Rolled back the ranker",
            "outcome": "Churn fell 2%.",
            "csrf_token": token,
        },
    )
    (changed,) = client.get("/api/v1/stories").json()["stories"]
    assert (changed["id"], changed["title"]) == (story["id"], "Rolled back the ranker")
    headers = {"X-CSRF-Token": token}
    put = client.put(f"/api/v1/stories/{story['id']}", json={"title": "Renamed"}, headers=headers)
    assert put.status_code == 200
    client.post(f"/stories/{story['id']}/delete", data={"csrf_token": token})
    assert client.get("/api/v1/stories").json()["stories"] == []
    assert client.delete(f"/api/v1/stories/{story['id']}", headers=headers).status_code == 404


def test_a_written_trade_off_counts_for_trade_offs_in_the_bank(client, token):
    client.post(
        "/stories",
        data={
            "title": "Rules before a model",
            "tradeoff": "Recall instead of a two-week delay.",
            "tags": ["accuracy-vs-latency"],
            "competencies": ["ownership"],
            "csrf_token": token,
        },
    )
    page = soup(client.get("/stories"))
    missing = page.select_one("#missing-competencies").text
    assert "collaboration" in missing and "tradeoffs" not in missing
    assert "tradeoffs" in page.select_one("#stories > li .muted").text  # said with the story
    coverage = client.get("/api/v1/stories").json()["coverage"]
    assert "tradeoffs" not in coverage["missing_competencies"]
    assert coverage["competencies"]["tradeoffs"] == coverage["competencies"]["ownership"]


def test_the_story_form_keeps_drafts_until_the_story_is_saved(client, token):
    def draft(key: str, text: str) -> None:
        saved = client.post(f"/drafts/{key}", data={"answer": text, "csrf_token": token})
        assert saved.status_code == 200

    form = soup(client.get("/stories"))
    assert form.select_one("#story-title")["data-draft-url"] == "/drafts/story:new:title"
    assert form.select_one("#story-lesson")["data-draft-url"] == "/drafts/story:new:lesson"
    draft("story:new:title", "Half a title")
    draft("story:new:situation", "Churn rose 4%.")
    form = soup(client.get("/stories"))
    assert form.select_one("#story-title")["value"] == "Half a title"
    assert form.select_one("#story-situation").text == "Churn rose 4%."
    client.post("/stories", data={"title": "Churn", "csrf_token": token})
    assert soup(client.get("/stories")).select_one("#story-title")["value"] == ""  # spent
    (story,) = client.get("/api/v1/stories").json()["stories"]
    draft(f"story:{story['id']}:outcome", "Churn fell 2%.")
    editing = soup(client.get(f"/stories?edit={story['id']}"))
    assert editing.select_one("#story-outcome").text == "Churn fell 2%."  # over the stored text
    assert editing.select_one("#story-title")["value"] == "Churn"
    assert editing.select_one("#story-outcome")["data-draft-url"] == (
        f"/drafts/story:{story['id']}:outcome"
    )
    assert soup(client.get("/stories")).select_one("#story-outcome").text == ""  # its own
    client.post(
        "/stories",
        data={"story_id": str(story["id"]), "title": "Churn", "csrf_token": token},
    )
    assert soup(client.get(f"/stories?edit={story['id']}")).select_one("#story-outcome").text == ""
    refused = client.post("/drafts/story:new:tags", data={"answer": "x", "csrf_token": token})
    assert refused.status_code == 404
