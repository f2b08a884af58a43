"""The request observer: one audit row per audited call (crashes included), none for the rest,
and POST /v1/analyze writing its row in the analysis's own transaction."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_helpers import lead_text, make_settings, token_for
from sqlalchemy import func, select

from assist.analyze import Analyzer
from assist.schemas import to_dict
from assist.service.app import create_app
from assist.service.store import AnalysisRow, AuditRow, LeadRow


def audit_rows(app: FastAPI, path: str) -> list[AuditRow]:
    with app.state.service.store.session() as s:
        return list(s.scalars(select(AuditRow).where(AuditRow.path == path).order_by(AuditRow.id)))


def test_observe_one_audit_row_per_analysis(
    app: FastAPI, client: TestClient, reviewer: dict[str, str]
) -> None:
    for i in range(3):
        r = client.post("/v1/analyze", json={"text": lead_text(), "id": f"d{i}"}, headers=reviewer)
        assert r.status_code == 200
    rows = audit_rows(app, "/v1/analyze")
    assert [row.detail.split()[0] for row in rows] == ["doc=d0", "doc=d1", "doc=d2"]
    assert all(row.status == 200 and row.user == "reviewer1" and row.ms > 0 for row in rows)
    with app.state.service.store.session() as s:
        assert s.scalar(select(func.count()).select_from(AnalysisRow)) == 3
        assert s.scalar(select(func.count()).select_from(LeadRow)) == 3  # one per document


def test_observe_refused_and_invalid_analyses_are_audited(
    app: FastAPI, client: TestClient, reviewer: dict[str, str]
) -> None:
    assert client.post("/v1/analyze", json={"text": ""}, headers=reviewer).status_code == 422
    r = client.post("/v1/analyze", json={"text": "今天天气很好。"}, headers=reviewer)
    assert r.status_code == 422
    assert client.post("/v1/analyze", json={"text": "x"}).status_code == 401
    assert [(row.status, row.user) for row in audit_rows(app, "/v1/analyze")] == [
        (422, "reviewer1"), (422, "reviewer1"), (401, None),
    ]  # fmt: skip


def test_observe_crash_is_audited_as_500(app: FastAPI, client: TestClient) -> None:
    @app.get("/v1/boom")
    def boom() -> None:
        raise RuntimeError("boom")

    assert client.get("/v1/boom").status_code == 500
    assert [row.status for row in audit_rows(app, "/v1/boom")] == [500]


def test_observe_skips_operations_and_static(app: FastAPI, client: TestClient) -> None:
    assert client.get("/healthz").status_code == 200
    assert client.get("/ui/static/nowhere.css").status_code == 404
    with app.state.service.store.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditRow)) == 0


def test_observe_declared_oversize_body_refused_and_audited(tmp_path: Path) -> None:
    app = create_app(make_settings(tmp_path, max_body_bytes=1000))
    with TestClient(app) as c:
        headers = {"Authorization": f"Bearer {token_for(app, 'u', 'reviewer')}"}
        r = c.post("/v1/analyze", json={"text": "判决" * 1000}, headers=headers)
        assert r.status_code == 413
    assert [row.status for row in audit_rows(app, "/v1/analyze")] == [413]


def test_observe_answer_is_the_contract_json(
    app: FastAPI, client: TestClient, reviewer: dict[str, str]
) -> None:
    text = lead_text()
    r = client.post("/v1/analyze", json={"text": text, "id": "same"}, headers=reviewer)
    with app.state.service.store.session() as s:
        stored = s.scalars(select(AnalysisRow.result)).one()
    expected = json.dumps({**stored, "lead_ids": r.json()["lead_ids"]}, ensure_ascii=False)
    assert r.content == expected.encode("utf-8")
    assert r.headers["content-type"] == "application/json"
    fresh = to_dict(Analyzer().analyze(text, "same"))
    assert list(stored) == list(fresh)
    assert {**stored, "timing_ms": 0} == {**fresh, "timing_ms": 0}  # the time varies
