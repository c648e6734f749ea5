"""Shared fixtures: a fresh data folder and database per test, the real model once."""

from __future__ import annotations

from pathlib import Path

import pytest

from hirebar.content import Library
from hirebar.grading import MiniLM
from hirebar.practice.service import PracticeService
from hirebar.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"

# Resolved before any test changes the environment: where `hirebar setup` put the tokenizer.
MODEL_DIR = Settings().resolved_model_dir


@pytest.fixture(scope="session")
def library() -> Library:
    return Library.load([])


@pytest.fixture(scope="session")
def embedder() -> MiniLM:
    """The real MiniLM. Missing files fail loudly: run `make test`, which installs them."""
    return MiniLM(MODEL_DIR)


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """A data folder of the test's own; the environment points there too (for the CLI)."""
    data = tmp_path / "data"
    monkeypatch.setenv("HIREBAR_DATA_DIR", str(data))
    monkeypatch.setenv("HIREBAR_MODEL_DIR", str(MODEL_DIR))
    monkeypatch.delenv("HIREBAR_DATABASE_URL", raising=False)
    monkeypatch.delenv("HIREBAR_PACKS", raising=False)
    # In-process tests grade inline; the browser tests run the real background worker.
    monkeypatch.setenv("HIREBAR_GRADE_IN_BACKGROUND", "false")
    return Settings()


@pytest.fixture
def service(settings: Settings) -> PracticeService:
    return PracticeService(settings)
