"""Helpers for the service tests: settings, tokens, generated documents, the error shape."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from fastapi import FastAPI

from assist.service.auth import create_token
from assist.service.settings import Settings
from assist.synth.generator import Sources, generate_one

PEPPER = "test-pepper-0123456789abcdef"


def make_settings(tmp_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "environment": "test", "token_pepper": PEPPER, "data_dir": tmp_path / "data",
        "warm_up": False,
    }  # fmt: skip
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def token_for(app: FastAPI, name: str, role: str) -> str:
    state = app.state.service
    with state.store.session() as s:
        return create_token(s, name, role, state.settings.pepper)


@cache
def lead_text() -> str:
    """A generated 减刑 ruling whose unpaid fine raises a high unenforced-penalty lead."""
    return generate_one("commutation_ruling", 3, Sources()).text


@cache
def generated(kind: str, seed: int) -> str:
    return generate_one(kind, seed, Sources()).text


def assert_error(body: dict[str, object], code: str) -> None:
    """The one error shape: {"error": {"code", "message", "source", "details"}}."""
    assert set(body) == {"error"}
    err = body["error"]
    assert isinstance(err, dict)
    assert set(err) == {"code", "message", "source", "details"}
    assert err["code"] == code, err
    assert isinstance(err["message"], str) and err["message"]
