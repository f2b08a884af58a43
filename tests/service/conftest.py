"""Fixtures for the service tests: an app on a temporary SQLite store and tokens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_helpers import make_settings, token_for

from assist.service.app import create_app
from assist.service.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        assert app.state.service.wait_ready(120), app.state.service.load_error
        yield c


@pytest.fixture
def reviewer(app: FastAPI, client: TestClient) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_for(app, 'reviewer1', 'reviewer')}"}


@pytest.fixture
def admin(app: FastAPI, client: TestClient) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_for(app, 'admin1', 'admin')}"}
