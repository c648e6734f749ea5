"""A question of the user's own, graded against a model answer in the web app."""

from __future__ import annotations

import csv
import io

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
    # stored first, then shown at its own address: a reload does not grade it again
    (redirect,) = response.history
    assert redirect.status_code == 303 and response.url.path.startswith("/own/")
    page = BeautifulSoup(response.text, "html.parser")
    assert page.select_one("#own-saved").text.startswith("Answer #")
    saved = page.select_one("#own-saved time")  # the page says its zone; app.js localises it
    assert saved["datetime"].endswith("+00:00")
    assert saved.text == saved["datetime"][:16].replace("T", " ") + " UTC"
    assert page.select_one("#verdict").text in {"lean hire", "strong hire"}
    points = page.select("#own-points li")
    assert len(points) == 3
    covered = page.select("#own-points li.good")
    assert covered and all("You said:" in li.text for li in covered)
    # the text stays in the boxes for the next try
    assert page.select_one("#own-answer").text == ANSWER


def test_the_boxes_keep_a_draft_until_the_answer_is_graded(client, token):
    for name, text in (("question", QUESTION), ("answer", "Half an answer")):
        saved = client.post(f"/drafts/own:{name}", data={"answer": text, "csrf_token": token})
        assert saved.status_code == 200
    page = BeautifulSoup(client.get("/own").text, "html.parser")
    assert page.select_one("#own-question").text == QUESTION
    assert page.select_one("#own-answer").text == "Half an answer"
    assert page.select_one("#own-answer")["data-draft-url"] == "/drafts/own:answer"
    refused = client.post("/drafts/anything", data={"answer": "x", "csrf_token": token})
    assert refused.status_code == 404
    post(client, token, question=QUESTION, reference=REFERENCE, answer=ANSWER)
    fresh = BeautifulSoup(client.get("/own").text, "html.parser")
    assert fresh.select_one("#own-question").text == ""


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
    assert client.app.state.service.own_answers() == []
    nothing = post(client, token, question=" ", reference="", answer="")
    assert nothing.status_code == 422
    assert "Add the question, the model answer and the answer." in nothing.text
    unanswered = post(client, token, question=QUESTION, reference=REFERENCE, answer="  ")
    assert unanswered.status_code == 422 and "Add the answer." in unanswered.text
    huge = "word " * 50_000  # over 200,000 characters: refused on the page, every box kept
    too_long = post(client, token, question=QUESTION, reference=REFERENCE, answer=huge)
    assert too_long.status_code == 413
    page = BeautifulSoup(too_long.text, "html.parser")
    assert "the answer has 250,000" in page.select_one("#own-error").text
    assert page.select_one("#own-answer").text == huge
    assert client.app.state.service.own_answers() == []


def test_answers_are_kept_and_listed_newest_first(client, token):
    first = post(client, token, question=QUESTION, reference=REFERENCE, answer="Too short.")
    second = post(client, token, question="Why A/B test?", reference=REFERENCE, answer=ANSWER)
    listing = BeautifulSoup(client.get("/own").text, "html.parser")
    rows = listing.select("#own-earlier tbody tr")
    assert [r.select_one("a")["href"] for r in rows] == [second.url.path, first.url.path]
    assert rows[0].select_one("a").text == "Why A/B test?"
    # an earlier answer opens with its verdict and its text back in the boxes
    reopened = BeautifulSoup(client.get(first.url.path).text, "html.parser")
    assert reopened.select_one("#verdict").text == "strong no hire"
    assert reopened.select_one("#own-answer").text == "Too short."
    assert reopened.select_one("#own-question").text == QUESTION
    current = reopened.select_one("#own-earlier tr[aria-current]")
    assert current.select_one("a")["href"] == first.url.path
    assert client.get("/own/999").status_code == 404
    exported = client.app.state.service.export()["own_answers"]
    assert [e["answer"] for e in exported] == [ANSWER, "Too short."]
    assert exported[1]["assessment"]["verdict"] == "strong_no_hire"


def test_the_form_needs_the_csrf_token(client):
    assert client.post("/own", data={"question": QUESTION}).status_code == 403


def test_json_twin(client, token):
    body = {"question": QUESTION, "reference": REFERENCE, "answer": ANSWER}
    response = client.post("/api/v1/own", json=body, headers={"X-CSRF-Token": token})
    assert response.status_code == 201
    stored = response.json()
    assert stored["answer"] == ANSWER and stored["status"] == "graded"
    assert stored["assessment"]["score"] >= 2.5 and stored["assessment"]["semantic"] is True
    assert client.get(f"/api/v1/own/{stored['id']}").json() == stored
    refused = client.post(
        "/api/v1/own", json={**body, "reference": " "}, headers={"X-CSRF-Token": token}
    )
    assert refused.status_code == 422 and refused.json()["detail"] == "Add the model answer."
    empty = client.post("/api/v1/own", json={**body, "answer": ""}, headers={"X-CSRF-Token": token})
    assert empty.status_code == 422 and empty.json()["detail"] == "Add the answer."
    wordless = client.post(
        "/api/v1/own", json={**body, "reference": "!!!"}, headers={"X-CSRF-Token": token}
    )
    assert wordless.status_code == 422
    assert wordless.json()["detail"].startswith("The model answer has no words to grade against")
    listed = client.get("/api/v1/own").json()  # the page's JSON twin
    assert [a["id"] for a in listed["earlier"]] == [stored["id"]]


def test_a_grader_failure_keeps_the_text(client, token, monkeypatch):
    def broken(*_args):
        raise RuntimeError("model file unreadable")

    service = client.app.state.service
    monkeypatch.setattr(service, "grade_against_reference", broken)
    response = post(client, token, question=QUESTION, reference=REFERENCE, answer=ANSWER)
    page = BeautifulSoup(response.text, "html.parser")
    assert "model file unreadable" in page.select_one("#own-error").text
    assert "Your answer is saved" in page.select_one("#own-error").text
    assert page.select_one("#own-answer").text == ANSWER
    assert page.select_one("#own-result") is None
    (kept,) = service.own_answers()
    assert (kept.answer, kept.status) == (ANSWER, "failed")
    api = client.post(
        "/api/v1/own",
        json={"question": QUESTION, "reference": REFERENCE, "answer": "again"},
        headers={"X-CSRF-Token": token},
    )
    assert api.status_code == 500 and "model file unreadable" in api.json()["detail"]
    assert service.own_answer(api.json()["id"]).answer == "again"


def answer_box(client, path: str) -> str:
    return BeautifulSoup(client.get(path).text, "html.parser").select_one("#own-answer").text


def test_a_stored_answer_keeps_its_own_drafts_and_grades_an_edit_as_new(client, token):
    first = post(client, token, question=QUESTION, reference=REFERENCE, answer="Too short.")
    shown = first.url.path  # /own/<id>
    answer_id = int(shown.rsplit("/", 1)[1])
    page = BeautifulSoup(first.text, "html.parser")
    assert page.select_one("#own-answer")["data-draft-url"] == f"/drafts/own:{answer_id}:answer"
    assert page.select_one("#own-form")["action"] == shown
    assert page.select_one("#own-submit").text == "Grade as a new answer"
    assert f"answer #{answer_id} stays as it was graded" in page.select_one("#own-as-new").text
    blank = {"answer": "A new question's answer", "csrf_token": token}
    assert client.post("/drafts/own:answer", data=blank).status_code == 200
    edit = {"answer": "Too short, now longer.", "csrf_token": token}
    assert client.post(f"/drafts/own:{answer_id}:answer", data=edit).status_code == 200
    # each page shows its own draft, and the blank form's JSON twin is not upset by the other
    assert answer_box(client, shown) == "Too short, now longer."
    assert client.get("/api/v1/own").json()["answer"] == "A new question's answer"
    assert answer_box(client, "/own") == "A new question's answer"
    blank_page = BeautifulSoup(client.get("/own").text, "html.parser")
    assert blank_page.select_one("#own-submit").text == "Grade against the model answer"
    regraded = client.post(
        shown,
        data={
            "question": QUESTION,
            "reference": REFERENCE,
            "answer": ANSWER,
            "csrf_token": token,
        },
    )
    assert regraded.url.path != shown  # a new answer, at its own address
    service = client.app.state.service
    assert [a.answer for a in service.own_answers()] == [ANSWER, "Too short."]
    # the edit's drafts are spent; the blank form's are not
    assert answer_box(client, shown) == "Too short."
    assert client.get("/api/v1/own").json()["answer"] == "A new question's answer"
    missing = client.post(shown, data={"question": QUESTION, "csrf_token": token})
    assert missing.status_code == 422  # said on the answer's page, the edit kept
    page = BeautifulSoup(missing.text, "html.parser")
    assert page.select_one("#own-error").text == "Add the model answer and the answer."
    assert page.select_one("#own-form")["action"] == shown
    assert client.post("/own/999", data={**edit, "csrf_token": token}).status_code == 404


CLASS = [
    ANSWER,
    "Tuned metrics overstate quality, so keep a holdout nobody tunes on.",
    "Because a holdout tells you how the model does on new data.",
    "Test sets should be large.",
    "",
]
CLASS_CSV = "\n".join(
    [
        "question_id,question,reference_answer,answer",
        *(f'q1,"{QUESTION}","{REFERENCE}","{answer}"' for answer in CLASS),
    ]
)


def upload(client, token, name: str, data: bytes):
    return client.post(
        "/own/class",
        data={"csrf_token": token},
        files={"file": (name, data, "text/csv")},
    )


def test_a_class_file_comes_back_graded(client, token):
    page = BeautifulSoup(client.get("/own").text, "html.parser")
    form = page.select_one("form#own-class-form")
    assert form["enctype"] == "multipart/form-data" and form.select_one("input[type=file]")
    response = upload(client, token, "week 3 class.csv", CLASS_CSV.encode())
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="graded-week-3-class.csv"' in response.headers["content-disposition"]
    graded = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["answer"] for row in graded] == CLASS
    assert list(graded[0])[-3:] == ["grader_score", "grader_verdict", "key_points_covered"]
    scores = [float(row["grader_score"]) for row in graded]
    assert scores[0] > scores[3] and scores[4] == 0
    # nothing of the file is stored: no answer of one's own appears
    assert "own-earlier" not in client.get("/own").text


def test_a_class_file_saved_with_semicolons_comes_back_with_semicolons(client, token):
    rows = [
        "question_id;question;reference_answer;answer",
        *(f'q1;"{QUESTION}";"{REFERENCE}";"{answer}"' for answer in CLASS),
    ]
    response = upload(client, token, "class.csv", "\n".join(rows).encode())
    assert response.status_code == 200
    graded = list(csv.DictReader(io.StringIO(response.text), delimiter=";"))
    assert [row["answer"] for row in graded] == CLASS
    plain = list(
        csv.DictReader(io.StringIO(upload(client, token, "c.csv", CLASS_CSV.encode()).text))
    )
    assert [row["grader_score"].replace(",", ".") for row in graded] == [
        row["grader_score"] for row in plain
    ]


def test_a_bad_class_file_is_named_with_its_line_on_the_page(client, token):
    bad = CLASS_CSV.replace("question_id,question", "question_id,prompt", 1).encode()
    response = upload(client, token, "class.csv", bad)
    assert response.status_code == 422
    page = BeautifulSoup(response.text, "html.parser")
    assert "class.csv:1: missing column(s) question" in page.select_one("#own-class-error").text
    latin = upload(
        client, token, "latin.csv", CLASS_CSV.replace("large", "grandé").encode("latin-1")
    )
    assert latin.status_code == 422 and "latin.csv:5: not UTF-8 text" in latin.text


def test_a_class_file_too_large_to_grade_here_is_refused_with_what_to_do(client, token):
    response = upload(
        client, token, "huge.csv", b"question,reference_answer,answer\n" + b"x" * 5_000_000
    )
    assert response.status_code == 413
    error = BeautifulSoup(response.text, "html.parser").select_one("#own-class-error").text
    assert error.startswith("huge.csv: larger than 5 MB") and "hirebar grader batch" in error


def test_a_class_file_needs_the_pages_token(client):
    assert upload(client, "forged", "class.csv", CLASS_CSV.encode()).status_code == 403


def test_the_api_grades_a_class_in_the_order_sent_and_refuses_a_bad_row(client, token):
    body = {
        "answers": [
            {"question": QUESTION, "reference_answer": REFERENCE, "answer": a} for a in CLASS
        ]
    }
    headers = {"X-CSRF-Token": token}
    response = client.post("/api/v1/own/class", json=body, headers=headers)
    assert response.status_code == 200
    graded = response.json()["answers"]
    assert len(graded) == len(CLASS)
    assert graded[0]["score"] > graded[3]["score"] and graded[4]["score"] == 0
    assert {"score", "score_alone", "verdict", "key_points", "features"} <= set(graded[0])
    assert "peer_recall" in graded[0]["features"]  # five short answers: graded as a class
    assert "own-earlier" not in client.get("/own").text  # nothing stored
    body["answers"][2]["reference_answer"] = ""
    refused = client.post("/api/v1/own/class", json=body, headers=headers)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "answers", 2, "reference_answer"]
    assert (
        client.post("/api/v1/own/class", json={"answers": []}, headers=headers).status_code == 422
    )
