"""End to end: `hirebar serve` in a subprocess, driven by Debian's Chromium through Playwright."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect, sync_playwright

# Playwright's driver leaves a pipe for the garbage collector to close.
pytestmark = [
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

CHROMIUM = "/usr/bin/chromium"
READER_ZONE = "Asia/Kolkata"
ANSWER_START = "First I'd ask which queues dropped and exactly when it started."
ANSWER_REST = (
    " I'd also check whether the metric itself broke: did the labelling pipeline or the eval set "
    "change overnight? Then I'd look at what shipped: a model deploy, a config push, or an "
    "upstream schema change in the ticket form, and compare this week's input mix with last "
    "week's. While we investigate, if customers are hurt, I roll back to the previous model and "
    "route low confidence tickets to the human triage queue. To size it: about 300 tickets an "
    "hour are misrouted, so customers wait longer for a first reply and our four-hour SLA is at "
    "risk; I'd tell the support leads what to expect and when we will update them. Once the "
    "bleeding stops, I'd test one hypothesis at a time and add an alert on per-queue accuracy so "
    "a drop like this pages us within the hour next time."
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(settings, log: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """`hirebar serve` on a free port, its output in ``log``, once it answers; stopped with
    SIGTERM after, unless the caller stopped it."""
    port = free_port()
    env = {
        **os.environ,
        "HIREBAR_DATA_DIR": str(settings.data_dir),
        "HIREBAR_MODEL_DIR": str(settings.resolved_model_dir),
        "HIREBAR_GRADE_IN_BACKGROUND": "true",
    }
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "hirebar", "serve", "--port", str(port), "--no-browser"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/", timeout=2):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise AssertionError(f"server did not start:\n{log.read_text()}") from None
            time.sleep(0.2)
    yield url, process
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def server(settings, tmp_path: Path):
    with serving(settings, tmp_path / "server.log") as (url, _):
        yield url


@pytest.fixture
def page():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Debian's chromium is required for the browser tests (apt-get install chromium)"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        # a zone off UTC by a fraction of an hour: times on the pages must follow it
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, timezone_id=READER_ZONE
        )
        tab = context.new_page()
        tab.csp_errors = []
        tab.on(
            "console",
            lambda m: (
                tab.csp_errors.append(m.text) if "Content Security Policy" in m.text else None
            ),
        )
        yield tab
        browser.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("HIREBAR_SCREENSHOT_DIR", tmp_path / "shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_whole_practice_flow(server: str, page: Page, shots: Path):
    page.goto(server + "/")
    page.screenshot(path=shots / "home-empty.png", full_page=True)
    page.select_option("#company", "anthropic")
    page.fill("#interview_date", (date.today() + timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#overall")).to_have_text("0%")
    expect(page.locator("table.rounds tbody tr")).to_have_count(6)
    page.screenshot(path=shots / "home.png", full_page=True)

    page.goto(server + "/practice/dbg-overnight-accuracy-drop")
    expect(page.locator("#clock")).not_to_have_text("5:00", timeout=5000)  # the timer runs
    page.fill("#answer", ANSWER_START)
    page.locator("#answer").blur()
    expect(page.locator("#draft-status")).to_have_text("Draft saved")
    page.reload()
    expect(page.locator("#answer")).to_have_value(ANSWER_START)
    assert page.locator("#clock").inner_text() != "5:00"  # the clock did not start over
    page.screenshot(path=shots / "practice.png", full_page=True)

    page.locator("#answer").press("End")
    page.locator("#answer").type(ANSWER_REST, delay=0)
    page.get_by_role("button", name="Submit for feedback").click()
    expect(page.locator("#verdict")).to_be_visible(timeout=30_000)  # graded in the background
    assert page.locator("#verdict").inner_text() in {"lean hire", "strong hire"}
    marks = page.locator("#highlighted mark.evidence")
    assert marks.count() >= 2
    assert all(text in ANSWER_START + ANSWER_REST for text in marks.all_inner_texts())
    page.screenshot(path=shots / "assessment.png", full_page=True)

    follow_up = page.get_by_role("button", name="Answer the follow-up")
    follow_up.click()  # nothing typed: said in place, nothing graded
    expect(page.locator("#probe-result .alert")).to_contain_text("The answer is empty")
    page.fill(
        "#probe-answer",
        "I would route low confidence tickets to humans and tell the "
        "support leads how many tickets were misrouted.",
    )
    page.route("**/follow-up", lambda route: route.abort())  # the app is unreachable
    follow_up.click()
    expect(page.locator("#probe-result .alert")).to_contain_text("Not sent")
    page.unroute("**/follow-up")
    follow_up.click()
    expect(page.locator("#probe-result #verdict")).to_be_visible()

    page.goto(server + "/history")
    expect(page.locator("#attempts tbody tr")).to_have_count(2)
    expect(page.locator("svg.trend").first).to_be_visible()
    page.screenshot(path=shots / "history.png", full_page=True)

    page.goto(server + "/library?company=anthropic")
    page.fill("#q", "red-team")
    expect(page.locator("#count")).not_to_have_text("0 questions")
    page.screenshot(path=shots / "library.png", full_page=True)
    for path, name in [("/companies/anthropic", "company"), ("/settings", "settings")]:
        page.goto(server + path)
        page.screenshot(path=shots / f"{name}.png", full_page=True)
    assert page.csp_errors == []


def test_keyboard_only_answer(server: str, page: Page):
    page.goto(server + "/practice/dbg-overnight-accuracy-drop")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Enter")
    for _ in range(8):  # from <main>, Tab until the answer box has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "answer":
            break
    assert page.evaluate("document.activeElement.id") == "answer"
    page.keyboard.type(ANSWER_START + ANSWER_REST)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "submit"
    page.keyboard.press("Enter")
    expect(page.locator("#verdict")).to_be_visible(timeout=30_000)


def test_keyboard_mobile_and_dictation(server: str, page: Page, shots: Path):
    page.goto(server + "/practice/dbg-overnight-accuracy-drop")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    has_speech = page.evaluate(
        "'SpeechRecognition' in window || 'webkitSpeechRecognition' in window"
    )
    assert page.locator("#dictate").is_visible() == has_speech
    page.set_viewport_size({"width": 375, "height": 800})
    for path in [
        "/",
        "/library",
        "/practice/dbg-overnight-accuracy-drop",
        "/own",
        "/history",
        "/settings",
    ]:
        page.goto(server + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
    page.goto(server + "/practice/dbg-overnight-accuracy-drop")
    page.screenshot(path=shots / "practice-mobile.png", full_page=True)
    for company in ["google", "meta", "amazon", "openai"]:  # long "Practise this …" labels
        page.goto(server + "/")
        page.select_option("#company", company)
        page.click("#save-target")
        expect(page.locator("#start")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, company


def test_a_reload_mid_answer_keeps_every_word(server: str, page: Page):
    page.goto(server + "/practice/tech-calibration-ads-ctr")
    page.locator("#answer").type(
        "Calibration matters here because the auction uses the probability", delay=5
    )
    expect(page.locator("#draft-status")).to_have_text("Draft saved", timeout=10000)
    page.reload()
    expect(page.locator("#answer")).to_have_value(
        "Calibration matters here because the auction uses the probability"
    )


def test_a_reload_at_once_and_leaving_at_once_keep_what_was_typed(server: str, page: Page):
    """No pause for the timed save and no blur: the tab's copy of the text fills the box
    after a reload, and the save sent as the page goes reaches the app."""
    question = "tech-calibration-ads-ctr"
    page.goto(f"{server}/practice/{question}")
    page.locator("#answer").press_sequentially("Calibration matters", delay=5)
    page.reload()
    expect(page.locator("#answer")).to_have_value("Calibration matters")
    page.locator("#answer").press_sequentially(" to the auction", delay=5)
    page.goto(server + "/library")

    def saved() -> str:
        return page.request.get(f"{server}/api/v1/practice/{question}").json()["draft"]

    deadline = time.monotonic() + 5
    while saved() != "Calibration matters to the auction" and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert saved() == "Calibration matters to the auction"


def test_a_drill_a_lesson_and_an_incident_in_the_browser(server: str, page: Page, shots: Path):
    from hirebar.drills import generate

    page.goto(server + "/drills")
    page.locator("#drill-latency").click()
    page.wait_for_url("**/drills/latency/*")
    seed = int(page.url.rsplit("/", 1)[1])
    page.fill("#reply", f"{generate('latency', seed).answer:.0f}")
    page.screenshot(path=shots / "drill.png", full_page=True)
    page.get_by_role("button", name="Check").click()
    expect(page.locator("#result h2")).to_have_text("Correct")

    page.goto(server + "/course")
    page.locator("ol.lessons a").first.click()
    expect(page.locator("article.lesson h2").first).to_have_text("Core ideas")
    page.screenshot(path=shots / "lesson.png", full_page=True)

    page.goto(server + "/drills")
    page.locator("#start-inc-overnight-accuracy-drop").click()
    page.wait_for_url("**/runs/*")
    page.get_by_role("button", name="Do it").click()  # nothing typed: said so
    expect(page.locator("#step-error")).to_contain_text("type what you would do")
    page.fill("#typed", "asdf qwerty")
    page.get_by_role("button", name="Do it").click()
    expect(page.locator("#unmatched")).to_contain_text("“asdf qwerty” did not match an action")
    expect(page.locator("ol.steps li")).to_have_count(0)  # said back, not logged as a step
    page.fill("#typed", "break accuracy down by language")
    page.get_by_role("button", name="Do it").click()
    expect(page.locator("ol.steps li")).to_have_count(1)
    page.locator("button[data-action=change-log]").click()
    expect(page.locator("ol.steps li")).to_have_count(2)
    expect(page.locator("button[data-action=change-log]")).to_have_count(0)  # done: in the log
    page.set_viewport_size({"width": 390, "height": 800})  # long action labels wrap
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1280, "height": 720})
    page.fill("#cause", "a config change to the text normalizer")
    page.fill("#containment", "revert the normalizer and send tickets to manual triage")
    page.fill("#comms", "tell support leads")
    page.fill("#rollback", "roll back if accuracy stays below 88% for 30 minutes")
    page.get_by_role("button", name="Close and see the debrief").click()
    expect(page.locator("#score")).to_be_visible()
    expect(page.locator("#ideal-path li").first).to_be_visible()
    page.screenshot(path=shots / "incident.png", full_page=True)
    assert page.csp_errors == []


def test_a_question_of_my_own_against_a_model_answer(server: str, page: Page, shots: Path):
    page.goto(server + "/library")
    page.get_by_role("link", name="Grade an answer to a question of your own").click()
    page.fill("#own-question", "Why hold out a test set that no one tunes on?")
    page.locator("#own-question").blur()  # typed text is saved as a draft: a reload keeps it
    expect(page.locator("#own-question + .draft-status")).to_have_text("Draft saved")
    page.reload()
    expect(page.locator("#own-question")).to_have_value(re.compile("^Why hold out"))
    page.fill(
        "#own-reference",
        "Tuning on a set leaks it into the model, so its metrics overstate quality; "
        "an untouched holdout estimates performance on new data.",
    )
    page.fill(
        "#own-answer",
        "Tuning against a set leaks information from it into the model, so scores on it "
        "look better than reality. A holdout nobody touched shows how the model does on "
        "data it has never seen.",
    )
    page.get_by_role("button", name="Grade against the model answer").click()
    expect(page.locator("#own-result")).to_be_visible()
    expect(page.locator("#own-points li")).to_have_count(3)
    expect(page.locator("#own-points li.good").first).to_contain_text("You said:")
    expect(page.locator("#own-answer")).to_have_value(re.compile("^Tuning against a set"))
    page.screenshot(path=shots / "own-question.png", full_page=True)
    # the answer was saved: a reload shows the same grade, and a new visit lists it
    graded_at = page.url
    assert re.search(r"/own/\d+$", graded_at)
    page.reload()
    expect(page.locator("#own-points li")).to_have_count(3)
    page.goto(server + "/own")
    expect(page.locator("#own-result")).to_have_count(0)
    page.get_by_role("link", name="Why hold out a test set that no one tunes on?").first.click()
    expect(page).to_have_url(graded_at)
    expect(page.locator("#own-answer")).to_have_value(re.compile("^Tuning against a set"))
    saved = page.locator("#own-saved time")  # said in the reader's zone; UTC in the tooltip
    stored = datetime.fromisoformat(saved.get_attribute("datetime"))
    local = stored.astimezone(ZoneInfo(READER_ZONE)).strftime("%Y-%m-%d %H:%M")
    expect(saved).to_have_text(local)
    expect(saved).to_have_attribute("title", stored.strftime("%Y-%m-%d %H:%M UTC"))
    # an edit on the answer's page is that page's draft, not the blank form's
    page.fill("#own-answer", "An edit of answer one")
    page.locator("#own-answer").blur()
    expect(page.locator("#own-answer + .draft-status")).to_have_text("Draft saved")
    page.reload()
    expect(page.locator("#own-answer")).to_have_value("An edit of answer one")
    expect(page.get_by_role("button", name="Grade as a new answer")).to_be_visible()
    page.goto(server + "/own")
    expect(page.locator("#own-answer")).to_have_value("")
    assert page.csp_errors == []


def test_a_coach_grades_a_class_file_and_downloads_it(server: str, page: Page, tmp_path: Path):
    question, reference = (
        "What does a confusion matrix show?",
        "Counts of predicted against true labels.",
    )
    answers = [
        "It counts predictions against the true labels: true and false positives and negatives.",
        "A table of predicted classes against actual classes.",
        "How often each predicted label matches the true one.",
        "A chart of revenue by quarter.",
    ]
    upload = tmp_path / "class.csv"
    upload.write_text(
        "question,reference_answer,answer\n"
        + "".join(f'"{question}","{reference}","{a}"\n' for a in answers),
        encoding="utf-8",
    )
    page.goto(server + "/own")
    page.set_input_files("#own-class-file", upload)
    with page.expect_download() as waiting:
        page.get_by_role("button", name="Grade the class and download").click()
    download = waiting.value
    assert download.suggested_filename == "graded-class.csv"
    lines = Path(download.path()).read_text(encoding="utf-8").splitlines()
    assert (
        lines[0]
        == "question,reference_answer,answer,grader_score,grader_verdict,key_points_covered"
    )
    assert len(lines) == 1 + len(answers)
    # a file that is not a class file: the page says what is wrong, and where
    upload.write_text("prompt,answer\nWhat?,Yes\n", encoding="utf-8")
    page.set_input_files("#own-class-file", upload)
    page.get_by_role("button", name="Grade the class and download").click()
    expect(page.locator("#own-class-error")).to_contain_text(
        "class.csv:1: missing column(s) question"
    )
    assert page.csp_errors == []


def test_a_second_click_starts_no_second_loop_and_the_target_comes_first(server: str, page: Page):
    page.goto(server + "/")
    page.select_option("#company", "anthropic")
    page.fill("#interview_date", (date.today() + timedelta(days=20)).isoformat())
    page.click("#save-target")
    page.goto(server + "/loops")
    expect(page.locator("#loop-company")).to_have_value("anthropic")
    held, sent = [], []
    page.on("request", lambda r: sent.append(r.url) if r.method == "POST" else None)
    # the app is slow to answer: the page stays
    page.route("**/loops", lambda route: held.append(route))
    # nothing seems to happen, so the user clicks again (Playwright's own click would wait
    # for the pending page)
    page.evaluate("setTimeout(() => document.getElementById('start-loop').click(), 300)")
    page.click("#start-loop", no_wait_after=True)
    page.wait_for_timeout(800)
    assert len(sent) == 1, sent
    held[-1].continue_()
    page.unroute("**/loops")
    page.wait_for_url(re.compile(r"/loops/\d+$"))
    loops = page.request.get(server + "/api/v1/loops").json()["loops"]
    assert len(loops) == 1 and loops[0]["company"] == "Anthropic"


def test_a_story_keeps_its_draft_and_deleting_it_asks_first(server: str, page: Page):
    page.goto(server + "/stories")
    page.fill("#story-title", "Shipped rules first")
    page.locator("#story-title").blur()
    expect(page.locator("#story-title + .draft-status")).to_have_text("Draft saved")
    page.reload()
    expect(page.locator("#story-title")).to_have_value("Shipped rules first")
    page.fill("#story-decision", "I chose rules because we had no labels.")
    page.click("#save-story")
    expect(page.locator("#story-title")).to_have_value("")  # saved: the draft is spent
    delete = page.locator("button[id^=delete-]")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator("details summary").first.click()
    delete.first.click()
    expect(delete).to_have_count(1)  # kept: the question was answered "no"
    page.once("dialog", lambda dialog: dialog.accept())
    delete.first.click()
    expect(delete).to_have_count(0)


def test_an_answer_is_sent_only_once_its_draft_is_saved(server: str, page: Page):
    """The click on Submit blurs the box, which saves it as a draft; if that save landed
    after the answer, the submitted text would come back as a draft."""
    page.goto(server + "/practice/tech-calibration-ads-ctr")
    held, sent = [], []
    page.on("request", lambda r: sent.append(r.url) if r.method == "POST" else None)
    page.route("**/draft", lambda route: held.append(route))  # the draft save is slow
    page.locator("#answer").fill("Calibration decides the auction price.")
    page.locator("#answer").dispatch_event("input")
    page.click("#submit", no_wait_after=True)
    page.wait_for_timeout(500)
    assert [u.rsplit("/", 1)[-1] for u in sent] == ["draft"]  # the answer waits
    held[0].continue_()
    page.unroute("**/draft")
    page.wait_for_url(re.compile(r"/attempts/\d+$"))
    assert [u.rsplit("/", 1)[-1] for u in sent] == ["draft", "tech-calibration-ads-ctr"]
    draft = page.request.get(server + "/api/v1/practice/tech-calibration-ads-ctr").json()
    assert draft["draft"] == ""


def test_without_speech_recognition_the_dictate_button_stays_hidden(server: str, page: Page):
    page.add_init_script(
        "for (const name of ['SpeechRecognition', 'webkitSpeechRecognition'])"
        " Object.defineProperty(window, name, {value: undefined, configurable: true});"
    )
    page.goto(server + "/practice/dbg-overnight-accuracy-drop")
    assert page.evaluate("window.webkitSpeechRecognition") is None
    expect(page.locator("#dictate")).to_be_hidden()


def test_a_loop_debrief_reads_on_a_phone(server: str, page: Page, shots: Path):
    from hirebar.content import Library

    library = Library.load([])
    page.goto(server + "/loops")
    page.select_option("#loop-company", "meta")
    page.click("#start-loop")
    page.wait_for_url(re.compile(r"/loops/\d+$"))
    for _ in range(20):
        if page.locator("#prompt").count():
            step = page.request.get(server + "/api/v1" + page.url.split(server)[1]).json()["step"]
            page.fill("#answer", library.questions[step["question_id"]].exemplar)
            with page.expect_navigation():
                page.click("#submit")
        elif page.locator("#skip").count():
            with page.expect_navigation():
                page.click("#skip")
        else:
            break
    expect(page.locator("#decision")).to_be_visible()
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.locator("#round-table td[data-label=Weight]").first).to_be_visible()
    gap = page.locator("#round-table td[data-label='Biggest gap']").first
    assert gap.bounding_box()["width"] > 300  # a full-width line, not a sliver of letters
    page.screenshot(path=shots / "loop-debrief-phone.png", full_page=True)


def test_library_filters_follow_back_and_forward(server: str, page: Page):
    page.goto(server + "/library")
    expect(page.locator("#filter-company option[value=ai-startup]")).to_have_text(
        "AI startup (Series A/B)"
    )
    page.locator("#q").press_sequentially("fraud", delay=20)
    expect(page).to_have_url(re.compile(r"q=fraud"))
    page.select_option("#filter-difficulty", "hard")
    expect(page).to_have_url(re.compile(r"difficulty=hard"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"q=fraud.*difficulty=$"))
    expect(page.locator("#q")).to_have_value("fraud")
    expect(page.locator("#filter-difficulty")).to_have_value("")
    page.go_forward()
    expect(page).to_have_url(re.compile(r"difficulty=hard"))
    expect(page.locator("#filter-difficulty")).to_have_value("hard")
    expect(page.locator("#q")).to_have_value("fraud")


def test_text_pasted_into_the_library_search_filters_the_list(server: str, page: Page):
    page.goto(server + "/library")
    everything = page.locator("#count").inner_text()
    page.locator("#q").fill("fraud")  # as a paste with the mouse: an input event, no key
    expect(page).to_have_url(re.compile(r"q=fraud"))
    expect(page.locator("#count")).not_to_have_text(everything)


def running(pid: int) -> bool:
    """Whether the process is there and not a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def cmdline(pid: str) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return b""


def test_sigterm_stops_the_grading_worker_cleanly(settings, tmp_path: Path):
    """The worker is joined and its semaphores released before the server exits: no
    resource-tracker warning, and no worker left behind, running or defunct."""
    log = tmp_path / "server.log"
    with serving(settings, log) as (_, process):
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
        tracker = [int(pid) for pid in children if b"resource_tracker" in cmdline(pid)]
        worker = [int(pid) for pid in children if b"spawn_main" in cmdline(pid)]
        assert len(worker) == 1 and len(tracker) == 1
        process.terminate()
        process.wait(timeout=30)
        assert not Path(f"/proc/{worker[0]}").exists()  # joined, not left to exit on its own
        deadline = time.monotonic() + 10  # the tracker reports once the server is gone
        while running(tracker[0]) and time.monotonic() < deadline:
            time.sleep(0.1)
    assert "leaked semaphore" not in log.read_text()
    assert "Traceback" not in log.read_text()
