"""The mock-loop flow in the web app: start, answer, skip a probe, read and download."""

from __future__ import annotations

from bs4 import BeautifulSoup

from hirebar.content import Library


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.text[:500]
    return BeautifulSoup(response.text, "html.parser")


def test_a_loop_from_start_to_debrief(client, token):
    library = Library.load([])
    started = client.post(
        "/loops", data={"company": "openai", "csrf_token": token}, follow_redirects=False
    )
    assert started.status_code == 303
    loop = started.headers["location"]
    rounds = library.companies["openai"].rounds
    page = soup(client.get(loop))
    assert len(page.select(".loop-rounds li")) == len(rounds)
    assert page.select_one("h1").text == f"Round 1: {rounds[0].title}"
    for _ in range(2 * len(rounds)):
        page = soup(client.get(loop))
        if page.select_one("#prompt"):
            qid = client.get(f"/api/v1{loop}").json()["step"]["question_id"]
            client.post(
                f"{loop}/answer",
                data={"answer": library.questions[qid].exemplar, "csrf_token": token},
            )
        elif page.select_one("#probe"):
            client.post(f"{loop}/skip", data={"csrf_token": token})
        else:
            break
    page = soup(client.get(loop))
    assert page.select_one("#decision").text in {"lean hire", "strong hire"}
    assert len(page.select("#round-table tbody tr")) == len(rounds)
    assert page.select("#fixes li") or "No committee rule" in page.text
    pdf = client.get(f"{loop}/report.pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content[:4] == b"%PDF"
    assert "Mock loop debrief" in client.get(f"{loop}/report.md").text
    again = client.post(f"{loop}/answer", data={"answer": "more", "csrf_token": token})
    assert again.status_code == 409


def test_the_loops_page_says_a_failed_screen_does_not_end_the_loop_here(client):
    said = soup(client.get("/loops")).select_one("#screen-rule").text
    assert "every round is still asked" in said and "strong no hire" in said


def test_an_unknown_company_or_loop_is_a_clear_error(client, token):
    bad = client.post("/loops", data={"company": "nope", "csrf_token": token})
    assert bad.status_code == 422
    assert "no company 'nope'" in BeautifulSoup(bad.text, "html.parser").text
    assert client.get("/loops/999").status_code == 404


def test_a_loop_answer_being_typed_survives_a_reload_apart_from_the_practice_draft(client, token):
    started = client.post(
        "/loops", data={"company": "meta", "csrf_token": token}, follow_redirects=False
    )
    loop = started.headers["location"]
    loop_id = loop.rsplit("/", 1)[1]
    qid = client.get(f"/api/v1{loop}").json()["step"]["question_id"]
    client.post(f"/practice/{qid}/draft", data={"answer": "my practice", "csrf_token": token})
    page = soup(client.get(loop))
    assert page.select_one("#answer").text == ""  # a mock round starts empty
    box = page.select_one("#answer")["data-draft-url"]
    assert box == f"/drafts/loop:{loop_id}:answer"
    client.post(box, data={"answer": "half an answer", "csrf_token": token})
    page = soup(client.get(loop))
    assert page.select_one("#answer").text == "half an answer"
    assert page.select_one("#draft-status").text == "Draft restored"
    client.post(f"{loop}/answer", data={"answer": "half an answer, finished", "csrf_token": token})
    assert client.get(f"/api/v1/practice/{qid}").json()["draft"] == "my practice"  # kept


def test_an_empty_answer_or_reply_is_refused_and_the_round_stays_open(client, token):
    started = client.post(
        "/loops", data={"company": "anthropic", "csrf_token": token}, follow_redirects=False
    )
    loop = started.headers["location"]
    empty = client.post(f"{loop}/answer", data={"answer": "  \n", "csrf_token": token})
    assert empty.status_code == 422
    page = BeautifulSoup(empty.text, "html.parser")
    assert "The answer is empty" in page.select_one("#answer-error").text
    assert page.select_one("#prompt") is not None  # still round 1, nothing spent
    assert client.get(f"/api/v1{loop}").json()["rounds"][0]["done"] is False
    long = "word " * 40_001
    too_long = client.post(f"{loop}/answer", data={"answer": long, "csrf_token": token})
    assert too_long.status_code == 413
    kept = BeautifulSoup(too_long.text, "html.parser")
    assert kept.select_one("#answer").text == long and kept.select_one("#answer-error")
    refused = client.post(
        f"/api/v1{loop}/answer", json={"answer": ""}, headers={"X-CSRF-Token": token}
    )
    assert refused.status_code == 422 and "empty" in refused.json()["detail"]
    qid = client.get(f"/api/v1{loop}").json()["step"]["question_id"]
    client.post(
        f"{loop}/answer",
        data={"answer": Library.load([]).questions[qid].exemplar, "csrf_token": token},
    )
    if client.get(f"/api/v1{loop}").json()["step"]["kind"] == "probe":
        again = client.post(f"{loop}/answer", data={"answer": "", "csrf_token": token})
        assert again.status_code == 422
        assert BeautifulSoup(again.text, "html.parser").select_one("#probe") is not None


def test_a_follow_up_reply_being_typed_survives_a_reload(client, token):
    library = Library.load([])
    started = client.post(
        "/loops", data={"company": "google", "csrf_token": token}, follow_redirects=False
    )
    loop = started.headers["location"]
    qid = client.get(f"/api/v1{loop}").json()["step"]["question_id"]
    client.post(
        f"{loop}/answer", data={"answer": library.questions[qid].exemplar, "csrf_token": token}
    )
    step = client.get(f"/api/v1{loop}").json()["step"]
    assert step["kind"] == "probe"
    box = soup(client.get(loop)).select_one("#probe-form textarea")
    saved = client.post(box["data-draft-url"], data={"answer": "half a reply", "csrf_token": token})
    assert saved.status_code == 200
    assert soup(client.get(loop)).select_one("#probe-form textarea").text == "half a reply"
    client.post(f"{loop}/answer", data={"answer": "half a reply, finished", "csrf_token": token})
    next_round = soup(client.get(loop))
    assert next_round.select_one("#prompt") is not None
    assert "half a reply" not in next_round.select_one("#answer").text


def test_a_finished_loop_whose_answers_cannot_be_graded_says_so(client, token):
    """A damaged model fails every grade: the debrief page says which answer waits, and
    that it is stored, instead of failing with a server error."""

    def broken(question, answer, embedder, probe=None):  # type: ignore[no-untyped-def]
        raise RuntimeError("the model file cannot be read")

    client.app.state.service.grader = broken
    started = client.post(
        "/loops", data={"company": "openai", "csrf_token": token}, follow_redirects=False
    )
    loop = started.headers["location"]
    for _ in range(20):
        page = client.get(loop)
        if page.status_code != 200:
            break
        html = BeautifulSoup(page.text, "html.parser")
        if html.select_one("#prompt"):
            client.post(f"{loop}/answer", data={"answer": "I would scope it.", "csrf_token": token})
        elif html.select_one("#probe"):
            client.post(f"{loop}/skip", data={"csrf_token": token})
    assert page.status_code == 503, page.text[:300]
    assert "Recruiter screen round could not be graded" in page.text
    assert "the model file cannot be read" in page.text
    assert "Your answers are stored" in page.text
