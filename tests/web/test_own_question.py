"""A question of the user's own, graded against a model answer in the web app."""

from __future__ import annotations

from bs4 import BeautifulSoup

QUESTION = "Why hold out a test set that no one tunes on?"
REFERENCE = (
    "Tuning on a set leaks it into the model, so its metrics overstate quality; "
    "an untouched holdout estimates performance on new data."
)
ANSWER = (
    "Every time you tune against a set, information from it leaks into the model, so "
    "scores on it look better than reality. A holdout nobody touched tells you how the "
    "model does on data it has never seen."
)


def post(client, token, **fields):
    return client.post("/own", data={**fields, "csrf_token": token})


def test_the_library_links_to_the_page_and_it_offers_three_boxes(client):
    library = BeautifulSoup(client.get("/library").text, "html.parser")
    assert library.select_one("a#own-link")["href"] == "/own"
    page = BeautifulSoup(client.get("/own").text, "html.parser")
    assert page.title.text.startswith("Your own question")
    for name in ("question", "reference", "answer"):
        assert page.select_one(f"form#own-form textarea[name={name}]") is not None
    assert page.select_one("#own-result") is None


def test_grading_shows_verdict_points_and_quotes(client, token):
    response = post(client, token, question=QUESTION, reference=REFERENCE, answer=ANSWER)
    assert response.status_code == 200
    page = BeautifulSoup(response.text, "html.parser")
    assert page.select_one("#verdict").text in {"lean hire", "strong hire"}
    points = page.select("#own-points li")
    assert len(points) == 3
    covered = page.select("#own-points li.good")
    assert covered and all("You said:" in li.text for li in covered)
    # the text stays in the boxes for the next try
    assert page.select_one("#own-answer").text == ANSWER


def test_a_weak_answer_lists_what_to_add(client, token):
    weak = "You hold out a test set so that no one tunes on it."
    page = BeautifulSoup(
        post(client, token, question=QUESTION, reference=REFERENCE, answer=weak).text,
        "html.parser",
    )
    assert page.select_one("#verdict").text == "strong no hire"
    missed = page.select("#own-points li.missed")
    assert len(missed) == 3 and "Add a sentence" in missed[0].text


def test_a_missing_field_keeps_what_was_typed(client, token):
    response = post(client, token, question="", reference=REFERENCE, answer=ANSWER)
    assert response.status_code == 422
    page = BeautifulSoup(response.text, "html.parser")
    assert page.select_one("#own-error").text == "Add the question."
    assert page.select_one("#own-answer").text == ANSWER
    assert page.select_one("#own-reference").text == REFERENCE


def test_the_form_needs_the_csrf_token(client):
    assert client.post("/own", data={"question": QUESTION}).status_code == 403


def test_json_twin(client, token):
    body = {"question": QUESTION, "reference": REFERENCE, "answer": ANSWER}
    response = client.post("/api/v1/own", json=body, headers={"X-CSRF-Token": token})
    assert response.status_code == 200
    graded = response.json()
    assert graded["score"] >= 2.5 and graded["semantic"] is True
    refused = client.post(
        "/api/v1/own", json={**body, "reference": " "}, headers={"X-CSRF-Token": token}
    )
    assert refused.status_code == 422 and refused.json()["detail"] == "Add the model answer."


def test_a_grader_failure_keeps_the_text(client, token, monkeypatch):
    def broken(*_args):
        raise RuntimeError("model file unreadable")

    monkeypatch.setattr(client.app.state.service, "grade_against_reference", broken)
    response = post(client, token, question=QUESTION, reference=REFERENCE, answer=ANSWER)
    assert response.status_code == 500
    page = BeautifulSoup(response.text, "html.parser")
    assert "model file unreadable" in page.select_one("#own-error").text
    assert page.select_one("#own-answer").text == ANSWER
