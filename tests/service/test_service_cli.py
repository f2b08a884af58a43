"""The service's commands: assist tokens create/list/revoke, assist reviews export, serve."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from service_helpers import PEPPER, generated
from typer.testing import CliRunner

from assist.cli import app as cli
from assist.service.app import create_app
from assist.service.settings import Settings

runner = CliRunner()


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ASSIST_ENVIRONMENT", "test")
    monkeypatch.setenv("ASSIST_TOKEN_PEPPER", PEPPER)
    monkeypatch.setenv("ASSIST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ASSIST_WARM_UP", "false")
    return tmp_path


def test_cli_tokens_create_list_revoke(env: Path) -> None:
    r = runner.invoke(cli, ["tokens", "create", "--name", "wang", "--role", "admin"])
    assert r.exit_code == 0, r.output
    token = r.stdout.strip().splitlines()[-1]
    assert token.startswith("ca_")
    listed = runner.invoke(cli, ["tokens", "list"]).stdout
    assert listed.startswith("wang\tadmin\t") and token not in listed
    again = runner.invoke(cli, ["tokens", "create", "--name", "wang"])
    assert again.exit_code == 2 and "name_taken" in again.output
    assert runner.invoke(cli, ["tokens", "revoke", "wang"]).exit_code == 0
    assert runner.invoke(cli, ["tokens", "revoke", "wang"]).exit_code == 2
    bad = runner.invoke(cli, ["tokens", "create", "--name", "li", "--role", "boss"])
    assert bad.exit_code == 2 and "bad_role" in bad.output


def test_cli_reviews_export(env: Path) -> None:
    token = runner.invoke(cli, ["tokens", "create", "--name", "li"]).stdout.strip()
    headers = {"Authorization": f"Bearer {token}"}
    app = create_app(Settings())
    with TestClient(app) as c:
        assert app.state.service.wait_ready(60)
        text = generated("commutation_ruling", 2)
        lead = c.post("/v1/analyze", json={"text": text, "id": "d"}, headers=headers).json()
        lead_id = lead["lead_ids"][0]
        c.post(f"/v1/leads/{lead_id}/review", json={"decision": "reject", "note": "已执行"},
               headers=headers)  # fmt: skip
    out = env / "reviews.jsonl"
    r = runner.invoke(cli, ["reviews", "export", "--out", str(out)])
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert len(rows) == 1
    row = rows[0]
    assert row["lead_id"] == lead_id and row["decision"] == "reject" and row["note"] == "已执行"
    assert row["documents"] == ["d"] and row["reviewer"] == "li"
    assert "commutation_unpaid" in row["signals"] and row["evidence"]
    assert row["doc_id"] == "d" and row["text"] == text  # the document, for training labels
    from assist.learn.reviews import reviews_to_labels

    (label,) = reviews_to_labels(out).records  # the export reads back as a training label
    assert (label.doc_id, label.text, label.issues[0].type) == ("d", text, row["type"])
    assert label.issues[0].level == "low" and label.issues[0].reason == "review 1 by li: 已执行"


def test_cli_serve_refuses_default_pepper_in_production(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSIST_ENVIRONMENT", "production")
    monkeypatch.delenv("ASSIST_TOKEN_PEPPER", raising=False)
    r = runner.invoke(cli, ["serve"])
    assert r.exit_code == 2 and "ASSIST_TOKEN_PEPPER" in r.output


def test_cli_local_token_for_development_only(tmp_path: Path) -> None:
    from assist.service.admin import local_token

    dev = Settings(environment="development", data_dir=tmp_path / "dev")
    first, second = local_token(dev), local_token(dev)  # a new start replaces the old token
    app = create_app(dev)
    with TestClient(app) as c:
        assert c.get("/v1/leads", headers={"Authorization": f"Bearer {second}"}).status_code == 200
        assert c.get("/v1/leads", headers={"Authorization": f"Bearer {first}"}).status_code == 401
    with pytest.raises(RuntimeError):
        local_token(Settings(environment="test", token_pepper=PEPPER, data_dir=tmp_path))  # type: ignore[arg-type]


def test_cli_demo_data_fills_leads(tmp_path: Path) -> None:
    from assist.service.samples import DEMO_GENERATED

    settings = Settings(environment="development", data_dir=tmp_path / "demo", load_samples=True)
    app = create_app(settings)
    with TestClient(app) as c:
        assert app.state.service.wait_ready(120)
        from assist.service.admin import local_token

        headers = {"Authorization": f"Bearer {local_token(settings)}"}
        page = c.get("/v1/leads", headers=headers).json()
        assert page["total"] >= len(DEMO_GENERATED) - 1
