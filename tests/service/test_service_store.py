"""The store and its migrations, token hashing, settings that refuse unsafe values, log masking."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from pydantic import ValidationError
from service_helpers import PEPPER
from sqlalchemy import select, text

from assist.service.auth import authenticate, create_token, hash_token, list_tokens, revoke_token
from assist.service.errors import ServiceError
from assist.service.logging import JsonFormatter, mask
from assist.service.migrations import MIGRATIONS, current_version, migrate
from assist.service.settings import Settings
from assist.service.store import Store, User


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'a.db'}")
    migrate(s.engine)
    return s


def test_store_migrations_apply_once(tmp_path: Path) -> None:
    s = Store(f"sqlite:///{tmp_path / 'b.db'}")
    assert current_version(s.engine) == 0
    assert migrate(s.engine) == [v for v, _, _ in MIGRATIONS]
    assert migrate(s.engine) == []
    assert current_version(s.engine) == MIGRATIONS[-1][0]
    with s.engine.connect() as conn:
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
    assert {"users", "analyses", "leads", "reviews", "jobs", "audit"} <= tables


def test_store_tokens_hashed_at_rest(store: Store) -> None:
    pepper = PEPPER.encode()
    with store.session() as s:
        token = create_token(s, "张检察官", "reviewer", pepper)
    assert token.startswith("ca_") and len(token) > 40
    with store.session() as s:
        row = s.scalar(select(User))
        assert row is not None and token not in row.token_hash
        assert row.token_hash == hash_token(token, pepper)
        who = authenticate(s, token, pepper)
        assert who is not None and who.name == "张检察官" and who.role == "reviewer"
        assert authenticate(s, token, b"another-pepper") is None


@pytest.mark.parametrize(
    ("name", "role", "code"),
    [("bob", "root", "bad_role"), ("a b", "admin", "bad_name"), ("", "admin", "bad_name")],
)
def test_store_create_token_refuses(store: Store, name: str, role: str, code: str) -> None:
    with store.session() as s, pytest.raises(ServiceError) as err:
        create_token(s, name, role, b"p")
    assert err.value.code == code


def test_store_token_names_unique_and_revocable(store: Store) -> None:
    with store.session() as s:
        create_token(s, "bob", "admin", b"p")
    with store.session() as s, pytest.raises(ServiceError) as err:
        create_token(s, "bob", "admin", b"p")
    assert err.value.code == "name_taken"
    with store.session() as s:
        revoke_token(s, "bob")
    with store.session() as s:
        assert list_tokens(s) == []
        with pytest.raises(ServiceError):
            revoke_token(s, "bob")


def test_store_settings_refuse_default_pepper_outside_development() -> None:
    assert Settings(environment="development").environment == "development"
    with pytest.raises(ValidationError, match="ASSIST_TOKEN_PEPPER"):
        Settings(environment="production")
    with pytest.raises(ValidationError, match="at least 16"):
        Settings(environment="production", token_pepper="short")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="CORS"):
        Settings(environment="production", token_pepper=PEPPER, cors_origins=["*"])  # type: ignore[arg-type]


def test_store_settings_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ASSIST_ENVIRONMENT", "production")
    monkeypatch.setenv("ASSIST_TOKEN_PEPPER", PEPPER)
    monkeypatch.setenv("ASSIST_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ASSIST_CORS_ORIGINS", '["https://jcy.example"]')
    s = Settings()
    assert s.cors_origins == ["https://jcy.example"]
    assert s.db_url == f"sqlite:///{tmp_path / 'assist.db'}"


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("身份证号330102199001011234", "身份证号3301**********1234"),
        ("公民身份号码33010219900101123X，", "公民身份号码3301**********123X，"),
        ("联系电话13812345678。", "联系电话138****5678。"),
        ("案号（2021）浙02刑更10582号", "案号（2021）浙02刑更10582号"),
        ("金额12345678901234567890元", "金额12345678901234567890元"),
    ],
)
def test_store_log_masking(raw: str, masked: str) -> None:
    assert mask(raw) == masked


def test_store_json_log_line_masked() -> None:
    record = logging.LogRecord(
        "assist", logging.INFO, "f", 1, "call from %s", ("13812345678",), None
    )
    record.user = "u"
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "call from 138****5678" and line["user"] == "u"


def test_store_every_setting_documented() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, f"Settings.{name} needs a description"
