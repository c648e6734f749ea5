"""Drills and incident runs in the web app, through real forms and their JSON twins."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from hirebar.drills import KINDS, generate
from hirebar.web.app import create_app
from samples import INCIDENT_DATA


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.text[:500]
    return BeautifulSoup(response.text, "html.parser")


@pytest.fixture
def client(settings, tmp_path: Path, monkeypatch) -> TestClient:
    """The app with the test incident in a user pack."""
    pack = tmp_path / "pack"
    (pack / "incidents").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: mine\nname: Mine\n")
    (pack / "incidents" / "test.yaml").write_text(yaml.safe_dump({"incidents": [INCIDENT_DATA]}))
    monkeypatch.setenv("HIREBAR_PACKS", str(pack))
    from hirebar.settings import Settings

    with TestClient(create_app(Settings())) as test_client:
        test_client.get("/")
        yield test_client


@pytest.fixture
def token(client) -> str:
    return client.cookies["hirebar_csrf"]


def test_drills_page_lists_every_kind(client):
    page = soup(client.get("/drills"))
    assert {a["id"].removeprefix("drill-") for a in page.select("a[id^=drill-]")} == set(KINDS)
    assert page.select_one("#start-inc-test")


def test_a_drill_is_answered_checked_stored_and_shown_in_history(client, token):
    fresh = client.get("/drills/drift", follow_redirects=False)
    assert fresh.status_code == 303 and fresh.headers["location"].startswith("/drills/drift/")
    drill = generate("confusion-metrics", 42)
    page = soup(client.get("/drills/confusion-metrics/42"))
    assert page.select_one("#exercise").text == drill.prompt
    slip = client.post("/drills/confusion-metrics/42", data={"reply": "idk", "csrf_token": token})
    assert slip.status_code == 422  # no number: said so, the reply kept, nothing recorded
    assert "No number found in 'idk'" in soup_of(slip).select_one("#reply-error").text
    assert soup_of(slip).select_one("#reply")["value"] == "idk"
    hedged = client.post(
        "/api/v1/drills/confusion-metrics/42",
        json={"reply": "0.5 or 0.6"},
        headers={"X-CSRF-Token": token},
    )
    assert hedged.status_code == 422 and "more than one number (0.5, 0.6)" in hedged.text
    assert "Correct" not in client.get("/drills/confusion-metrics/42").text  # nothing recorded
    answered = client.post(
        "/drills/confusion-metrics/42",
        data={"reply": f"{drill.answer:.3f}", "csrf_token": token},
        follow_redirects=False,
    )
    assert answered.status_code == 303  # so a reload shows the result and records nothing
    page = soup(client.get(answered.headers["location"]))
    assert page.select_one("#result h2").text == "Correct"
    assert page.select_one("#solution").text == drill.solution
    again = {"reply": "7", "csrf_token": token}  # the Back button, then another try
    assert "Correct" in soup(client.post("/drills/confusion-metrics/42", data=again)).text
    other = generate("confusion-metrics", 43)
    wrong = client.post(
        "/api/v1/drills/confusion-metrics/43",
        json={"reply": "7"},
        headers={"X-CSRF-Token": token},
    ).json()
    assert wrong["result"]["correct"] is False and wrong["drill"]["answer"] == other.answer
    reading = soup(client.get("/drills/confusion-metrics/43")).select_one("#reading").text
    assert "which reads as 7" in reading and f"±{wrong['drill']['tolerance_text']}" in reading
    stamps = [d["created_at"] for d in client.get("/api/v1/history").json()["drills"]["results"]]
    assert stamps and all(s.endswith("+00:00") for s in stamps)  # a time with its zone
    history = soup(client.get("/history"))
    assert history.title.text == "History · hirebar"  # the drill section is in the page only
    assert "1/2" in history.select_one("#drill-history table").text
    assert client.get("/api/v1/drills").json()["kinds"][0]["attempted"] == 2
    assert client.get("/drills/no-such-kind/1").status_code == 404


def test_an_incident_is_played_step_by_step_and_debriefed(client, token):
    started = client.post(
        "/incidents/inc-test/runs", data={"csrf_token": token}, follow_redirects=False
    )
    assert started.status_code == 303
    run = started.headers["location"]
    offered = {b["data-action"] for b in soup(client.get(run)).select("button[data-action]")}
    assert "segment" in offered and "route" not in offered  # no fix named before evidence
    for typed in ["which segment? break it down by language", "deploys", "blah blah"]:
        client.post(f"{run}/steps", data={"typed": typed, "csrf_token": token})
    page = soup(client.get(run))
    steps = page.select("ol.steps li")
    assert len(steps) == 2  # words that matched nothing are said back, not logged as a step
    assert "Break accuracy down by language" in steps[0].text
    assert "“blah blah” did not match an action" in page.select_one("#unmatched").text
    assert page.select_one("#typed")["value"] == "blah blah"  # back in the box to reword
    run_id = run.rsplit("/", 1)[1]
    client.post(f"/drafts/run:{run_id}:cause", data={"answer": "the config", "csrf_token": token})
    assert soup(client.get(run)).select_one("#cause").text == "the config"  # kept on reload
    empty = client.post(f"{run}/finish", data={"cause": " ", "csrf_token": token})
    assert empty.status_code == 422  # the run's page again, saying why, not an error page
    assert "The statement is empty" in soup_of(empty).select_one("#statement-error").text
    assert len(soup_of(empty).select("ol.steps li")) == 2
    assert soup(client.get(run)).select_one("#score") is None  # the run is still open
    long_part = "Tell support leads every hour. " * 200  # 6,200 characters
    refused = client.post(
        f"{run}/finish", data={"cause": "a config", "comms": long_part, "csrf_token": token}
    )
    assert refused.status_code == 422
    error = soup_of(refused).select_one("#statement-error").text
    assert "The comms part is 6,200 characters" in error
    assert soup_of(refused).select_one("#comms").text == long_part  # every box as typed
    assert soup_of(refused).select_one("#cause").text == "a config"
    assert soup(client.get(run)).select_one("#score") is None  # not closed on a cut statement
    client.post(
        f"{run}/finish",
        data={
            "cause": "a config push changed the spanish tokenizer",
            "containment": "revert the config",
            "comms": "tell support leads",
            "rollback": "roll back if accuracy below 88% for 30 minutes",
            "csrf_token": token,
        },
    )
    page = soup(client.get(run))
    assert int(page.select_one("#score").text) >= 60
    assert page.select_one("#ideal-path li").text == "Break accuracy down by language"
    again = client.post(f"{run}/steps", data={"typed": "deploys", "csrf_token": token})
    assert again.status_code == 409
    twin = client.get(f"/api/v1{run}").json()
    assert twin["statement"]["cause"].startswith("a config push")
    assert twin["debrief"]["player_path"] == ["segment", "deploys"]


def test_an_empty_step_is_said_and_a_step_taken_leaves_the_choices(client, token):
    run = client.post(
        "/incidents/inc-test/runs", data={"csrf_token": token}, follow_redirects=False
    ).headers["location"]
    empty = client.post(f"{run}/steps", data={"typed": "  ", "csrf_token": token})
    assert empty.status_code == 422  # the run's page again, saying what to do
    assert "type what you would do" in soup_of(empty).select_one("#step-error").text
    api = client.post(f"/api/v1{run}/steps", json={"typed": ""}, headers={"X-CSRF-Token": token})
    assert api.status_code == 422 and "type what you would do" in api.json()["detail"]
    unmatched = client.post(
        f"{run}/steps", data={"typed": "asdf qwerty", "csrf_token": token}, follow_redirects=False
    )
    assert unmatched.headers["location"].endswith("#act-h")  # by the box, not the log
    client.post(f"{run}/steps", data={"typed": "segment", "csrf_token": token})
    page = soup(client.get(run))
    assert [li.select_one("strong").text for li in page.select("ol.steps li")] == [
        "Break accuracy down by language"
    ]
    offered = {b["data-action"] for b in page.select("button[data-action]")}
    assert "segment" not in offered and "deploys" in offered  # taken: in the log, not a choice
    twin = client.get(f"/api/v1{run}").json()
    assert [s["action"] for s in twin["steps"]] == ["segment"] and twin["unmatched"] is None
    (summary,) = client.get("/api/v1/drills").json()["runs"]
    assert summary["steps"] == 1  # what matched nothing is kept in the run, not counted
    stored = client.app.state.service.export()["incident_runs"][0]["steps"]
    assert [s["typed"] for s in stored] == ["asdf qwerty", "segment"]  # nothing typed is lost


def test_a_drill_page_heading_starts_with_a_capital(client):
    seed = next(
        s for s in range(100) if generate("confusion-metrics", s).data["metric"] == "accuracy"
    )
    heading = soup(client.get(f"/drills/confusion-metrics/{seed}")).select_one("h1").text
    assert heading == "Accuracy from a confusion matrix"


def test_forms_without_the_csrf_token_are_refused(client):
    response = client.post("/drills/drift/1", data={"reply": "0.1"})
    assert response.status_code == 403


def test_a_command_that_matches_nothing_offers_the_steps_it_may_mean(client, token):
    run = client.post(
        "/incidents/inc-test/runs", data={"csrf_token": token}, follow_redirects=False
    ).headers["location"]
    client.post(f"{run}/steps", data={"typed": "has anything shipped lately", "csrf_token": token})
    page = soup(client.get(run))
    assert "did not match an action" in page.select_one("#unmatched").text
    assert page.select("ol.steps li") == []
    offers = {b["data-suggested"]: b.text for b in page.select("#suggested button")}
    assert offers.get("deploys") == "List last night's deploys and config pushes"
    client.post(f"{run}/steps", data={"typed": "deploys", "csrf_token": token})  # the offer
    page = soup(client.get(run))
    (step,) = page.select("ol.steps li")
    assert "List last night's deploys" in step.text
    assert page.select("#suggested") == [] and page.select("#unmatched") == []
    assert client.get(f"/api/v1{run}").json()["suggested"] == []
