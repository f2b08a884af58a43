"""The case-screen page (server-rendered) through TestClient: sign-in, analyse, review, list."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_helpers import generated, token_for


def _sign_in(app: FastAPI, client: TestClient) -> None:
    token = token_for(app, "审查员甲", "reviewer")
    r = client.post("/ui/login", data={"token": token}, follow_redirects=False)
    assert r.status_code == 303 and "httponly" in r.headers["set-cookie"].lower()
    assert "samesite=strict" in r.headers["set-cookie"].lower()


def test_pages_need_sign_in(client: TestClient) -> None:
    for path in ("/ui/", "/ui/leads", "/ui/analyses/1"):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/ui/login"
    assert "访问令牌" in client.get("/ui/login").text


def test_pages_bad_token_401(client: TestClient) -> None:
    r = client.post("/ui/login", data={"token": "ca_wrong"})
    assert r.status_code == 401 and "令牌无效" in r.text


def test_pages_analyse_review_and_list(app: FastAPI, client: TestClient) -> None:
    _sign_in(app, client)
    text = generated("commutation_ruling", 2)
    r = client.post("/ui/analyze", data={"text": text})
    assert r.status_code == 200 and "分析结果" in r.text
    assert 'class="ev" data-code="commutation_unpaid"' in r.text  # the evidence is highlighted
    assert "财产刑执行" in r.text and "检察建议书草稿" in r.text
    lead_id = re.search(r'data-lead="([0-9a-f]+)"', r.text)
    assert lead_id
    docx = client.get(f"/ui/leads/{lead_id.group(1)}/recommendation.docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    back = re.search(r'name="back" value="([^"]+)"', r.text)
    assert back
    r = client.post(f"/ui/leads/{lead_id.group(1)}/review",
                    data={"decision": "accept", "note": "已核实", "back": back.group(1)})  # fmt: skip
    assert "已审查：采纳（审查员甲）" in r.text
    listed = client.get("/ui/leads", params={"type": "unenforced_property_penalty"}).text
    assert "采纳" in listed and "共 1 条" in listed
    assert "共 0 条" in client.get("/ui/leads", params={"level": "low"}).text


def test_pages_empty_input_422(app: FastAPI, client: TestClient) -> None:
    _sign_in(app, client)
    r = client.post("/ui/analyze", data={"text": "  "})
    assert r.status_code == 422 and "请粘贴文书全文" in r.text
    r = client.post("/ui/analyze", data={"text": "今天天气很好。"})
    assert r.status_code == 422 and "not_legal_document" in r.text


def test_pages_upload_file(app: FastAPI, client: TestClient) -> None:
    _sign_in(app, client)
    data = generated("admin_judgment", 3).encode("utf-8")
    r = client.post("/ui/analyze", files={"file": ("行政判决.txt", data)}, data={"text": ""})
    assert r.status_code == 200 and "行政机关普遍性问题" in r.text


def test_pages_root_redirects(client: TestClient) -> None:
    r = client.get("/", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == "/ui/"


def test_pages_calls_are_audited(app: FastAPI, client: TestClient) -> None:
    _sign_in(app, client)
    client.get("/ui/leads", params={"court": "宁波"})
    admin = {"Authorization": f"Bearer {token_for(app, 'boss', 'admin')}"}
    rows = client.get("/v1/audit", headers=admin).json()
    assert any(r["path"] == "/ui/leads" and r["user"] == "审查员甲" for r in rows)
