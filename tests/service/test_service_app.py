"""Operations routes, the error shape for every status, authentication, CORS, audit."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_helpers import assert_error, lead_text, make_settings, token_for

from assist.service.app import create_app
from assist.service.auth import revoke_token

V1_ROUTES = [
    ("post", "/v1/analyze"),
    ("post", "/v1/analyze/file"),
    ("post", "/v1/screen"),
    ("get", "/v1/jobs/abc"),
    ("get", "/v1/leads"),
    ("post", "/v1/leads/abc/review"),
    ("get", "/v1/leads/abc/recommendation.docx"),
    ("get", "/v1/audit"),
]


def test_app_healthz_ok(client: TestClient) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json()["status"] == "ok"


def test_app_readyz_ready_after_load(client: TestClient) -> None:
    r = client.get("/readyz")
    assert r.status_code == 200 and r.json()["ready"] is True


def test_app_readyz_503_while_loading(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(make_settings(tmp_path))
    state = app.state.service
    monkeypatch.setattr(state, "_load", lambda: None)  # the analyzer never finishes loading
    with TestClient(app) as c:
        r = c.get("/readyz")
        assert r.status_code == 503 and r.json()["ready"] is False
        headers = {"Authorization": f"Bearer {token_for(app, 'early', 'reviewer')}"}
        r = c.post("/v1/analyze", json={"text": lead_text()}, headers=headers)
        assert r.status_code == 503
        assert_error(r.json(), "not_ready")


def test_app_metrics_prometheus_text(client: TestClient) -> None:
    client.get("/healthz")
    r = client.get("/metrics")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    assert "# TYPE assist_http_requests_total counter" in r.text
    assert 'route="/healthz",status="200"' in r.text
    assert "assist_ready 1.0" in r.text


def test_app_openapi_documents_routes_and_analysis(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    for _, path in V1_ROUTES:
        template = path.replace("/abc", "/{job_id}" if "jobs" in path else "/{lead_id}")
        assert template in doc["paths"], template
    schemas = doc["components"]["schemas"]
    assert "Analysis" in schemas and "ErrorResponse" in schemas
    assert "$defs" not in str(schemas["Analysis"])


@pytest.mark.parametrize(("method", "path"), V1_ROUTES)
def test_app_v1_needs_token(client: TestClient, method: str, path: str) -> None:
    r = client.request(method, path)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert_error(r.json(), "unauthorized")


def test_app_unknown_and_revoked_token_401(app: FastAPI, client: TestClient) -> None:
    r = client.get("/v1/leads", headers={"Authorization": "Bearer ca_nope"})
    assert_error(r.json(), "invalid_token")
    token = token_for(app, "temp", "reviewer")
    assert client.get("/v1/leads", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    with app.state.service.store.session() as s:
        revoke_token(s, "temp")  # as `assist tokens revoke` in another process would
    # still valid here until the cache entry expires (ASSIST_TOKEN_CACHE_SECONDS, default 5 s)
    assert client.get("/v1/leads", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    app.state.service.tokens.clear()  # the entry expired
    r = client.get("/v1/leads", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401
    assert_error(r.json(), "invalid_token")


def test_app_token_cache_off_checks_every_request(tmp_path: Path) -> None:
    app = create_app(make_settings(tmp_path).model_copy(update={"token_cache_seconds": 0.0}))
    with TestClient(app, raise_server_exceptions=False) as client:
        token = token_for(app, "temp", "reviewer")
        headers = {"Authorization": f"Bearer {token}"}
        assert client.get("/v1/leads", headers=headers).status_code == 200
        with app.state.service.store.session() as s:
            revoke_token(s, "temp")
        assert client.get("/v1/leads", headers=headers).status_code == 401


def test_app_audit_is_admin_only_and_holds_no_text(
    client: TestClient, reviewer: dict[str, str], admin: dict[str, str]
) -> None:
    text = lead_text()
    assert client.post("/v1/analyze", json={"text": text, "id": "a1"}, headers=reviewer).is_success
    r = client.get("/v1/audit", headers=reviewer)
    assert r.status_code == 403
    assert_error(r.json(), "forbidden")
    rows = client.get("/v1/audit", headers=admin).json()
    analyze = [row for row in rows if row["path"] == "/v1/analyze"]
    assert analyze and analyze[0]["user"] == "reviewer1" and analyze[0]["status"] == 200
    assert "doc=a1" in analyze[0]["detail"]
    assert text[:20] not in str(rows)


def test_app_404_405_shapes(client: TestClient) -> None:
    r = client.get("/nowhere")
    assert r.status_code == 404
    assert_error(r.json(), "not_found")
    r = client.delete("/healthz")
    assert r.status_code == 405
    assert_error(r.json(), "method_not_allowed")


def test_app_500_shape(app: FastAPI, client: TestClient) -> None:
    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret detail 13812345678")

    r = client.get("/boom")
    assert r.status_code == 500
    assert_error(r.json(), "internal_error")
    assert "secret" not in r.text


def test_app_body_too_large_413(tmp_path) -> None:
    app = create_app(make_settings(tmp_path, max_body_bytes=1000))
    with TestClient(app) as c:
        headers = {"Authorization": f"Bearer {token_for(app, 'u', 'reviewer')}"}
        r = c.post("/v1/analyze", json={"text": "判决" * 1000}, headers=headers)
        assert r.status_code == 413
        assert_error(r.json(), "request_too_large")


def test_app_cors_closed_by_default(client: TestClient) -> None:
    r = client.options(
        "/v1/leads",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in r.headers


def test_app_cors_open_to_configured_origin(tmp_path) -> None:
    app = create_app(make_settings(tmp_path, cors_origins=["https://jcy.example"]))
    with TestClient(app) as c:
        r = c.options(
            "/v1/leads",
            headers={"Origin": "https://jcy.example", "Access-Control-Request-Method": "GET"},
        )
        assert r.headers["access-control-allow-origin"] == "https://jcy.example"


def test_app_chunked_body_too_large_413(tmp_path) -> None:
    app = create_app(make_settings(tmp_path, max_body_bytes=1000))

    def chunks():  # a generator body is sent chunked, without Content-Length
        for _ in range(10):
            yield ('{"text": "' + "判" * 200 + '"}').encode()

    with TestClient(app) as c:
        headers = {"Authorization": f"Bearer {token_for(app, 'u', 'reviewer')}",
                   "Content-Type": "application/json"}  # fmt: skip
        r = c.post("/v1/analyze", content=chunks(), headers=headers)
        assert r.status_code == 413
        assert_error(r.json(), "request_too_large")


def test_app_token_cache_expires_and_bounds_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    from assist.service import auth

    now = [100.0]
    monkeypatch.setattr(auth.time, "monotonic", lambda: now[0])
    cache = auth.TokenCache(ttl=5.0)
    who = auth.Principal("a", "admin")
    cache.put("h", who)
    assert cache.get("h") == who and cache.get("other") is None
    now[0] += 5.1
    assert cache.get("h") is None
    for i in range(10_002):
        cache.put(str(i), who)
    assert len(cache._seen) <= 10_001
