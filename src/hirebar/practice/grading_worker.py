"""Grading in a separate process, so the web process keeps its CPU for pages.

The answer is already stored (status ``ungraded``) when its id is handed over;
the worker grades it and records the assessment in the same database. If the
worker dies, the attempt stays stored and ungraded, and the next start of the
app hands it over again.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor

from hirebar.settings import Settings

_service = None
PARENT_CHECK_SECONDS = 1.0


def _start(settings_json: str) -> None:
    global _service
    from hirebar.practice.service import PracticeService

    threading.Thread(target=_exit_with, args=(os.getppid(),), daemon=True).start()
    # One model thread: the other core stays with the web process.
    settings = Settings.model_validate_json(settings_json).model_copy(update={"model_threads": 1})
    _service = PracticeService(settings)
    _service.embedder()


def _exit_with(parent: int) -> None:
    """End this process once the app that started it is gone, however it ended: killed,
    the worker would otherwise keep the model's memory until the machine restarts."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


def _ready() -> bool:
    return _service is not None


def _grade(attempt_id: int) -> str:
    assert _service is not None
    outcome = _service.regrade(attempt_id)
    return outcome.attempt.status


class GradingWorker:
    def __init__(self, settings: Settings):
        self._pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=(settings.model_dump_json(),),
        )

    def start(self) -> Future:
        """Start the worker process and load the model now, not on the first answer."""
        return self._pool.submit(_ready)

    def grade(self, attempt_id: int) -> Future:
        return self._pool.submit(_grade, attempt_id)

    def close(self) -> None:
        """Stop the worker and wait for it: a grade under way finishes, answers still
        waiting stay stored and ungraded for the next start, and the worker process and
        the pool's semaphores are released here. Exit handlers would not do it: uvicorn
        ends a server stopped by SIGTERM by raising the signal again, which skips them."""
        self._pool.shutdown(wait=True, cancel_futures=True)
