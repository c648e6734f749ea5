"""The web app in-process: pages, their JSON twins, forms, drafts and security."""

from __future__ import annotations

from datetime import date, timedelta
from unittest.mock import ANY

import pytest
from bs4 import BeautifulSoup

from hirebar import store
from hirebar.content import Library
from hirebar.practice.mock_loop import MockLoops
from hirebar.practice.prep import Prep
from samples import GOOD, QUESTION


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.text[:500]
    return BeautifulSoup(response.text, "html.parser")


def soup_any(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def submit(client, token, answer=GOOD, question=QUESTION):
    return client.post(
        f"/practice/{question}",
        data={"answer": answer, "seconds": "95", "csrf_token": token},
        follow_redirects=False,
    )


def test_home_asks_for_a_target_then_shows_readiness(client, token):
    when = (date.today() + timedelta(days=14)).isoformat()
    page = soup(client.get("/"))
    assert page.select_one("select#company option[value=google]")
    assert page.select_one("#overall") is None
    response = client.post(
        "/target",
        data={"company": "anthropic", "interview_date": when, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = soup(client.get("/"))
    assert page.select_one("#overall").text == "0%"
    assert len(page.select("table.rounds tbody tr")) == 6
    assert page.select_one("a#start")["href"].startswith("/practice/")
    twin = client.get("/api/v1/home").json()
    assert twin["target"]["id"] == "anthropic" and twin["interview_date"] == when
    assert page.select_one("#days-left").text == "14 days until the interview."
    plan_span = soup(client.get("/plan")).select_one("#plan-span").text
    assert plan_span.startswith(f"14 days to your Anthropic loop on {when},")
    # Home's question for today is the one the plan puts first today
    today = client.get("/api/v1/plan").json()["days"][0]["tasks"]
    first = next(t for t in today if t["kind"] == "question")
    assert page.select_one("a#start")["href"] == f"/practice/{first['ref']}"
    assert page.select_one(".today p").text.startswith("First on today's plan.")
    # Clearing the date is allowed, and Home says what the plan assumes without one.
    client.post("/target", data={"company": "anthropic", "interview_date": "", "csrf_token": token})
    cleared = soup(client.get("/")).select_one("#days-left").text
    assert cleared == "No interview date saved: the plan assumes the interview is 30 days away."


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("not-a-date", "must look like 2027-01-15, not 'not-a-date'"),
        ("2026-02-30", "'2026-02-30' is not a day on the calendar"),
        ("2020-01-01", "has passed (today is"),
        ("9999-12-31", "more than 365 days away"),
    ],
)
def test_an_interview_date_that_cannot_be_planned_for_is_refused(client, token, typed, says):
    response = client.post(
        "/target", data={"company": "google", "interview_date": typed, "csrf_token": token}
    )
    assert response.status_code == 422
    form = soup_any(response)
    assert says in form.select_one("#target-error").text
    assert form.select_one("#interview_date")["value"] == typed  # the form comes back as typed
    assert form.select_one("#company option[selected]")["value"] == "google"
    assert client.get("/api/v1/home").json()["interview_date"] is None


def test_a_saved_date_that_has_passed_is_named_and_the_plan_still_comes(client, service):
    service.set_profile(company="google", interview_date="2020-01-01")
    assert "has passed" in soup(client.get("/")).select_one("#days-left").text
    plan = soup(client.get("/plan"))
    assert "has passed" in plan.select_one("#date-problem").text
    assert len(client.get("/api/v1/plan").json()["days"]) == 30


def test_an_interview_today_can_be_set_and_plans_a_warm_up(client, token):
    today = date.today().isoformat()
    data = {"company": "google", "interview_date": today, "csrf_token": token}
    assert client.post("/target", data=data).status_code in (200, 303)
    home = soup(client.get("/"))
    assert "The interview is today" in home.select_one("#days-left").text
    assert home.select_one("#interview_date")["min"] == today  # the picker offers today
    (day,) = client.get("/api/v1/plan").json()["days"]
    assert day["date"] == today and day["tasks"][-1]["title"].startswith("Interview day")
    plan = soup(client.get("/plan"))
    assert "Interview day" in plan.text
    said = plan.select_one("#plan-span").text
    assert said.startswith(f"The interview is today: your Google loop on {today}.")
    assert "1 day to" not in said


def test_every_page_has_an_icon(client):
    icon = soup(client.get("/")).select_one("link[rel=icon]")["href"]
    assert client.get(icon).headers["content-type"].startswith("image/svg+xml")
    assert client.get("/favicon.ico").url.path == icon


def test_library_filters_and_search(client):
    page = soup(client.get("/library?round=safety&company=anthropic"))
    items = page.select("li.question")
    assert items and all("safety" in li.select_one(".tag").text for li in items)
    twin = client.get("/api/v1/library?round=safety&company=anthropic").json()
    assert twin["count"] == len(items)
    searched = client.get("/api/v1/library?q=overnight").json()
    assert QUESTION in [q["id"] for q in searched["questions"]]
    partial = client.get("/library?q=fraud", headers={"HX-Request": "true"})
    assert "<html" not in partial.text and "questions" in partial.text
    # Back must not show the list alone: the fragment is not cached, and caches key on it
    assert partial.headers["Cache-Control"] == "no-store"
    assert "HX-Request" in partial.headers["Vary"]
    assert "HX-Request" in client.get("/library?q=fraud").headers["Vary"]
    for bad in ["difficulty=bogus", "company=bogus", "round=nope"]:  # refused alike, named
        refused = client.get(f"/api/v1/library?{bad}")
        key, value = bad.split("=")
        assert refused.status_code == 422
        assert refused.json()["detail"].startswith(f"{key} in the address must be one of")
        assert f"not '{value}'" in refused.json()["detail"]


def test_practice_page_has_timer_labelled_answer_and_draft(client, token):
    page = soup(client.get(f"/practice/{QUESTION}"))
    assert page.select_one("#timer")["data-seconds"] == "300"
    assert page.select_one("label[for=answer]")
    assert page.select_one("textarea#answer")["data-draft-url"] == f"/practice/{QUESTION}/draft"
    saved = client.post(
        f"/practice/{QUESTION}/draft", data={"answer": "half a thought", "csrf_token": token}
    )
    assert "Draft saved" in saved.text
    page = soup(client.get(f"/practice/{QUESTION}"))
    assert page.select_one("textarea#answer").text == "half a thought"
    assert client.get(f"/api/v1/practice/{QUESTION}").json()["draft"] == "half a thought"


def test_submitting_shows_the_assessment_with_highlights(client, token):
    response = submit(client, token)
    assert response.status_code == 303
    page = soup(client.get(response.headers["location"]))
    assert page.select_one("#verdict").text in {"lean hire", "strong hire"}
    evidence = page.select("#highlighted mark.evidence")
    assert evidence and all(mark.text in GOOD for mark in evidence)
    assert page.select_one("#highlighted").text == GOOD
    assert page.select_one("#probe-prompt").text
    attempt_id = int(response.headers["location"].rsplit("/", 1)[1])
    twin = client.get(f"/api/v1/attempts/{attempt_id}").json()
    assert twin["assessment"]["verdict"].replace("_", " ") == page.select_one("#verdict").text
    # The draft is gone once the attempt is stored.
    assert client.get(f"/api/v1/practice/{QUESTION}").json()["draft"] == ""


def test_a_point_only_touched_on_is_listed_to_make_explicit_not_praised(client, token):
    # A go/no-go answer that calls launch with no trade-off worked through: its "it's a go"
    # touches the point of making a clear call without making it.
    answer = (
        "Looking at the numbers, the new model is better overall. Accuracy went up from 87% "
        "to 91%, patients are happier and nurses are escalating less, so I'd say it's a go. "
        "Cost is higher but probably fine given the benefits. I'd launch it and keep "
        "monitoring to make sure nothing goes wrong."
    )
    location = submit(client, token, answer, "th-go-no-go-triage").headers["location"]
    page = soup(client.get(location))
    attempt = client.get(f"/api/v1/attempts/{location.rsplit('/', 1)[1]}").json()
    thin = [k for k in attempt["assessment"]["key_points"] if k["thin"]]
    assert thin
    assert f"({len(thin)} only in passing)" in page.select_one(".verdict").text
    listed = [li.text for li in page.select(".feedback li.thin")]
    assert len(listed) == len(thin)
    for point, line in zip(thin, listed, strict=True):
        assert line.startswith(f"Only in passing: {point['text']}")
        assert point["evidence"]["quote"] in line and point["advice"] in line
    praised = " ".join(li.text for li in page.select(".feedback li.good"))
    assert all(point["text"] not in praised for point in thin)


def test_answering_the_probe_in_place(client, token):
    location = submit(client, token).headers["location"]
    attempt_id = location.rsplit("/", 1)[1]
    draft = {"answer": "I would route", "csrf_token": token}
    client.post(f"/drafts/probe:{attempt_id}:reply", data=draft)
    assert soup(client.get(location)).select_one("#probe-answer").text == "I would route"
    reply = client.post(
        f"/attempts/{attempt_id}/follow-up",
        data={
            "answer": "I would route low confidence tickets to humans and tell support leads.",
            "csrf_token": token,
        },
    )
    page = soup(reply)
    assert page.select_one("#verdict")
    history = client.get("/api/v1/history").json()["attempts"]
    assert [a["mode"] for a in history] == ["follow_up", "practice"]
    again = soup(client.get(location))
    assert again.select_one("#probe-answer").text == ""  # draft spent
    reply_id = history[0]["id"]
    link = again.select_one("#replies a")  # after a reload the reply is still there
    assert link["href"] == f"/attempts/{reply_id}"
    shown = soup(client.get(f"/attempts/{reply_id}"))
    probe = shown.select_one("#probe-asked").text
    assert probe == client.get(f"/api/v1/attempts/{reply_id}").json()["attempt"]["probe"]
    assert shown.select_one("#probe") is None  # a reply gets no follow-up of its own


def test_history_lists_attempts_with_trend_charts(client, token):
    submit(client, token)
    submit(client, token, answer=GOOD + " We would also monitor drift weekly.")
    page = soup(client.get("/history"))
    assert len(page.select("#attempts tbody tr")) == 2
    shown = page.select_one("#attempts tbody tr a").text  # the question's words, not its id
    assert shown != QUESTION and shown.rstrip("…") in Library.load([]).questions[QUESTION].prompt
    assert page.select("svg.trend polyline")
    filtered = client.get("/api/v1/history?verdict=strong_no_hire").json()
    assert all(a["verdict"] == "strong_no_hire" for a in filtered["attempts"])
    assert client.get("/history?round=debugging_drill&verdict=").status_code == 200
    for bad in ["round=bogus", "verdict=maybe"]:  # refused as the library refuses, named
        key, value = bad.split("=")
        refused = client.get(f"/api/v1/history?{bad}")
        assert refused.status_code == 422
        assert refused.json()["detail"].startswith(f"{key} in the address must be one of")
        assert f"not '{value}'" in refused.json()["detail"]
        page = client.get(f"/history?{bad}")
        assert page.status_code == 422
        assert f"not '{value}'" in soup_any(page).select_one("#error").text


def test_history_trends_count_whole_loop_answers_as_readiness_does(client, service):
    question = service.question(QUESTION)
    service.submit(QUESTION, GOOD, mode="loop")
    reply = "I would roll back the model and tell the support leads within the hour."
    service.submit(QUESTION, reply, probe=question.follow_ups[0], mode="loop_follow_up")
    trends = client.get("/api/v1/history").json()["trends"]
    assert trends  # the loop's answer is charted
    assert all(len(t["values"]) == 1 for t in trends)  # its follow-up reply is not
    assert soup(client.get("/history")).select("svg.trend polyline")


def test_company_page(client):
    page = soup(client.get("/companies/stripe"))
    assert "Stripe" in page.select_one("h1").text
    assert page.select("table.rounds tbody tr")
    twin = client.get("/api/v1/companies/stripe").json()
    assert abs(sum(r["weight"] for r in twin["rounds"]) - 1) < 0.011
    assert client.get("/companies/nope").status_code == 404
    assert client.get("/api/v1/companies/nope").json()["detail"] == "no company 'nope'"


def test_settings_export_and_delete(client, token, settings):
    submit(client, token)
    page = soup(client.get("/settings"))
    assert page.select_one("#data-dir").text == str(settings.data_dir)
    assert (
        "model-int8-fused-7bit.onnx (the int8 copy written by hirebar setup)"
        in page.select_one("#model-file").text
    )
    exported = client.get("/api/v1/export")
    assert exported.headers["content-disposition"].startswith("attachment")
    assert exported.json()["attempts"][0]["answer"] == GOOD
    refused = client.post("/settings/delete", data={"confirm": "delete", "csrf_token": token})
    assert refused.status_code == 422
    assert (
        "type DELETE in capitals, not 'delete'"
        in soup_any(refused).select_one("#delete-error").text
    )
    assert client.get("/api/v1/history").json()["attempts"]  # nothing deleted
    done = client.post("/settings/delete", data={"confirm": "DELETE", "csrf_token": token})
    assert "Everything was deleted" in soup(done).select_one("#deleted").text
    assert client.get("/api/v1/export").json()["attempts"] == []


def test_the_export_holds_every_table_a_user_writes_to(client, token, service):
    """Exported before "Delete everything": a table left out would be lost for good."""
    prep = Prep(service)
    prep.add_story(title="Rolled back a ranking model", situation="Churn rose 4% after launch.")
    prep.rate(prep.items()[0].key, 3)
    other = next(q for q in service.library.questions if q != QUESTION)
    service.save_draft(other, "half an answer")  # a draft of the question submitted is spent
    loop_id = MockLoops(service).start("google")
    submit(client, token)
    exported = client.get("/api/v1/export").json()
    assert exported["stories"][0]["situation"] == "Churn rose 4% after launch."
    assert exported["reviews"][0]["last_rating"] == 3
    assert exported["loops"][0]["id"] == loop_id and exported["loops"][0]["plan"]
    assert exported["drafts"] == [
        {"question_id": other, "text": "half an answer", "updated_at": ANY}
    ]
    for table in store.Base.metadata.tables:  # assessments come inside their attempts
        assert table.replace("assessments", "attempts") in exported, f"{table} is not exported"


def test_every_form_needs_the_csrf_token(client):
    for path, data in [
        (f"/practice/{QUESTION}", {"answer": "x"}),
        (f"/practice/{QUESTION}/draft", {"answer": "x"}),
        ("/target", {"company": "google"}),
        ("/settings/delete", {"confirm": "DELETE"}),
    ]:
        response = client.post(path, data=data)
        assert response.status_code == 403, path
        wrong = client.post(path, data={**data, "csrf_token": "forged"})
        assert wrong.status_code == 403, path
    assert client.get("/api/v1/history").json()["attempts"] == []


def test_answer_with_script_renders_as_text(client, token):
    answer = "<script>alert('x')</script> I would roll back to the previous model."
    location = submit(client, token, answer=answer).headers["location"]
    html = client.get(location).text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_security_headers(client):
    headers = client.get("/").headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "path", ["/", "/library", f"/practice/{QUESTION}", "/history", "/companies/google", "/settings"]
)
def test_pages_have_no_inline_script_and_load_only_local_assets(client, path):
    page = soup(client.get(path))
    for script in page.select("script"):
        assert script.get("src", "").startswith("/static/") and not script.text.strip()
    for link in page.select("link[href]"):
        assert link["href"].startswith("/static/")
    assert page.select_one("html")["lang"] == "en"
    assert page.select_one("a.skip")["href"] == "#main"


def test_openapi_and_unknown_pages(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/history" in spec["paths"] and "/api/v1/attempts/{attempt_id}" in spec["paths"]
    missing = client.get("/practice/nope")
    assert missing.status_code == 404
    said = BeautifulSoup(missing.text, "html.parser").select_one("#error").text
    assert "no question with id 'nope'" in said
    assert "hirebar questions" not in said  # a terminal command means nothing on a web page


@pytest.mark.parametrize(
    ("path", "status", "says"),
    [
        ("/nope", 404, "there is no page at /nope"),
        ("/attempts/abc", 422, "attempt_id in the address: input should be a valid integer"),
        ("/runs/99999999999999999999999", 422, "run_id in the address: input should be less"),
        ("/loops/-1", 422, "loop_id in the address"),
        ("/drills/drift/99999999999999999999999", 422, "seed in the address"),
    ],
)
def test_a_bad_address_gets_the_error_page_saying_what_is_wrong(client, path, status, says):
    response = client.get(path)
    assert response.status_code == status
    assert says in soup_any(response).select_one("#error").text


def test_a_bad_address_in_the_api_gets_json_naming_the_parameter(client):
    for path in ("/api/v1/attempts/99999999999999999999999", "/api/v1/own/abc"):
        response = client.get(path)
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"][0] == "path"
    assert client.get("/api/v1/nope").json() == {"detail": "Not Found"}


def test_the_api_sets_the_target_and_deletes_everything_only_when_confirmed(client, token):
    headers = {"X-CSRF-Token": token}
    when = (date.today() + timedelta(days=20)).isoformat()
    body = {"company": "google", "interview_date": when}
    home = client.post("/api/v1/target", json=body, headers=headers).json()
    assert home["target"]["id"] == "google" and home["days_left"] == 20
    far = client.post(
        "/api/v1/target", json={**body, "interview_date": "9999-01-01"}, headers=headers
    )
    assert far.status_code == 422 and "more than 365 days away" in far.json()["detail"]
    submit(client, token)
    unconfirmed = client.post("/api/v1/settings/delete", json={"confirm": "yes"}, headers=headers)
    assert unconfirmed.status_code == 422
    assert client.get("/api/v1/export").json()["attempts"]  # nothing was deleted
    done = client.post("/api/v1/settings/delete", json={"confirm": "DELETE"}, headers=headers)
    assert done.json() == {"deleted": True}
    assert client.get("/api/v1/export").json()["attempts"] == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"question_id": QUESTION, "answer": "x", "seconds": "abc"}, "seconds"),
        ({"question_id": QUESTION, "answer": "x", "seconds": -5}, "seconds"),
        ({"question_id": QUESTION, "answer": None}, "answer"),
        ({"question_id": QUESTION, "answer": {"x": 1}}, "answer"),
        ({"question_id": QUESTION, "answer": "x" * 200_001}, "answer"),
        ({"answer": "x"}, "question_id"),
        ({"question_id": QUESTION, "answer": "x", "typo": 1}, "typo"),
    ],
)
def test_a_bad_api_body_is_refused_naming_the_field_and_nothing_is_stored(
    client, token, body, field
):
    response = client.post("/api/v1/attempts", json=body, headers={"X-CSRF-Token": token})
    assert response.status_code == 422
    assert ["body", field] in [error["loc"] for error in response.json()["detail"]]
    assert client.get("/api/v1/history").json()["attempts"] == []


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/attempts", f'{{"question_id": "{QUESTION}", "answer": "ok", "seconds": 1e309}}'),
        ("/api/v1/target", '{"company": "google", "interview_date": 1e309}'),
        ("/api/v1/attempts", f'{{"question_id": "{QUESTION}", "answer": "ok", "seconds": NaN}}'),
    ],
)
def test_a_number_too_big_for_json_is_refused_not_a_server_error(client, token, path, body):
    headers = {"X-CSRF-Token": token, "Content-Type": "application/json"}
    response = client.post(path, content=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["input"] in {"inf", "nan"}


def test_an_answer_too_long_comes_back_whole_with_the_reason(client, token):
    long = "word " * 40_001
    response = submit(client, token, answer=long)
    assert response.status_code == 413
    page = soup_any(response)
    assert "longer than 200,000 characters" in page.select_one("#answer-error").text
    assert page.select_one("#answer").text == long  # nothing lost
    assert client.get("/api/v1/history").json()["attempts"] == []
    huge = submit(client, token, answer="word " * 250_000)  # past what the form reader takes
    assert huge.status_code == 400
    assert "over 1 MB" in huge.text and "nothing was stored" in huge.text


def test_an_empty_answer_is_sent_back_not_graded(client, token):
    blank = submit(client, token, answer="   \n ")
    assert blank.status_code == 422
    assert "The answer is empty" in soup_any(blank).select_one("#answer-error").text
    refused = client.post(
        "/api/v1/attempts",
        json={"question_id": QUESTION, "answer": " "},
        headers={"X-CSRF-Token": token},
    )
    assert refused.status_code == 422
    assert client.get("/api/v1/history").json()["attempts"] == []


def test_a_bad_seconds_on_a_form_gets_the_error_page(client, token):
    response = client.post(
        f"/practice/{QUESTION}", data={"answer": GOOD, "seconds": "1e400", "csrf_token": token}
    )
    assert response.status_code == 422
    assert "seconds in the form" in soup_any(response).select_one("#error").text


def test_json_api_submission(client, token):
    response = client.post(
        "/api/v1/attempts",
        json={"question_id": QUESTION, "answer": GOOD},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 201
    assert response.json()["assessment"]["question_id"] == QUESTION
    assert (
        client.post("/api/v1/attempts", json={"question_id": QUESTION, "answer": GOOD}).status_code
        == 403
    )


def test_background_grading_stores_first_and_the_page_catches_up(settings, token):
    import time

    from fastapi.testclient import TestClient

    from hirebar.web.app import create_app

    background = settings.model_copy(update={"grade_in_background": True})
    with TestClient(create_app(background)) as client:
        client.get("/")
        token = client.cookies["hirebar_csrf"]
        location = submit(client, token).headers["location"]
        first = soup(client.get(location))
        attempt = client.get("/api/v1" + location).json()["attempt"]
        assert attempt["answer"] == GOOD
        if attempt["status"] == "ungraded":
            assert first.select_one("#grading")["hx-trigger"].startswith("every")
        deadline = time.monotonic() + 60
        while client.get("/api/v1" + location).json()["attempt"]["status"] == "ungraded":
            assert time.monotonic() < deadline, "the worker never graded the attempt"
            time.sleep(0.2)
        assert soup(client.get(location)).select_one("#verdict").text in {
            "lean hire",
            "strong hire",
        }


def test_home_shows_a_readiness_interval_and_the_plan_follows_results(client, token):
    client.post(
        "/target",
        data={"company": "google", "interview_date": "", "csrf_token": token},
        follow_redirects=False,
    )
    page = soup(client.get("/"))
    assert "95% interval 0%" in page.select_one("#interval").text
    before = client.get("/api/v1/plan").json()
    assert len(before["days"]) == 30 and before["company"]["id"] == "google"
    first = next(t for d in before["days"] for t in d["tasks"] if t["kind"] == "question")
    submit(client, token, answer=GOOD, question=first["ref"])
    after = client.get("/api/v1/plan").json()
    asked = [t["ref"] for d in after["days"] for t in d["tasks"] if t["kind"] == "question"]
    assert first["ref"] not in asked  # re-planned from the new attempt
    assert soup(client.get("/plan?hours=2")).select("ol.plan > li")
    assert client.get("/plan?hours=99").status_code == 422
    unknown = client.get("/plan?company=nope")
    assert unknown.status_code == 404 and "no company 'nope'" in soup_any(unknown).text
    saved = client.post("/plan/hours", data={"hours": "2.5", "csrf_token": token})
    assert soup(saved).select_one("#hours")["value"] == "2.5"  # remembered for next time
    assert soup(client.get("/plan")).select_one("#hours")["value"] == "2.5"
    # Out of range: the plan page again, saying so, with the hours as typed; nothing saved.
    refused = client.post("/plan/hours", data={"hours": "40", "csrf_token": token})
    assert refused.status_code == 422
    page = soup_any(refused)
    assert "between 0.25 and 12" in page.select_one("#hours-error").text
    assert page.select_one("#hours")["value"] == "40" and page.select("ol.plan > li")
    assert soup(client.get("/plan")).select_one("#hours")["value"] == "2.5"
