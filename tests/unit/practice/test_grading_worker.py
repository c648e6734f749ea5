"""The web app's grading process ends with the app, however the app ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

APP = """
import sys, time
from hirebar.practice.grading_worker import GradingWorker
from hirebar.settings import Settings
worker = GradingWorker(Settings())
worker.start().result(timeout=120)
print(*worker._pool._processes, flush=True)  # the worker's pid
time.sleep(600)
"""


def alive(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "State:\tZ" not in status.read_text()


def test_a_killed_app_leaves_no_grading_process_behind(settings):
    with subprocess.Popen(
        [sys.executable, "-c", APP], stdout=subprocess.PIPE, text=True, env=os.environ.copy()
    ) as app:
        try:
            worker = int(app.stdout.readline())
            assert alive(worker)
            app.send_signal(signal.SIGKILL)  # no shutdown hook runs
            app.wait(timeout=10)
            deadline = time.monotonic() + 10
            while alive(worker) and time.monotonic() < deadline:
                time.sleep(0.2)
            assert not alive(worker)
        finally:
            app.kill()
