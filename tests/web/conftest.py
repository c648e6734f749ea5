from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from hirebar.web.app import create_app
from hirebar.web.security import CSRF_COOKIE


@pytest.fixture
def client(settings) -> TestClient:
    with TestClient(create_app(settings)) as test_client:
        test_client.get("/")  # receive the CSRF cookie like a browser would
        yield test_client


@pytest.fixture
def token(client: TestClient) -> str:
    return client.cookies[CSRF_COOKIE]
