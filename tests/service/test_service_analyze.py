"""POST /v1/analyze and /v1/analyze/file: the contract's answer, limits, input errors."""

from __future__ import annotations

import io

import pytest
from docx import Document as new_docx
from fastapi.testclient import TestClient
from service_helpers import assert_error, lead_text, make_settings, token_for

from assist.analyze import content_id
from assist.demo import sample_texts
from assist.service.app import create_app


def test_analyze_contract_answer_and_leads(client: TestClient, reviewer: dict[str, str]) -> None:
    text = lead_text()
    r = client.post("/v1/analyze", json={"text": text, "id": "doc-1"}, headers=reviewer)
    assert r.status_code == 200
    body = r.json()
    assert body["schema_version"] == "1" and body["id"] == "doc-1"
    assert body["document"]["doc_kind"] == "ruling"
    issue = body["issues"][0]
    assert issue["type"] == "unenforced_property_penalty" and issue["level"] == "high"
    for sig in issue["signals"]:
        assert text[sig["start"] : sig["end"]] == sig["text"]
    assert body["recommendation"] and "检察建议书" in body["recommendation"]["draft"]
    assert len(body["lead_ids"]) == 1


def test_analyze_default_id_is_content_hash(client: TestClient, reviewer: dict[str, str]) -> None:
    _name, text = sample_texts()[0]
    r = client.post("/v1/analyze", json={"text": text}, headers=reviewer)
    assert r.status_code == 200 and r.json()["id"] == content_id(text)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "body.text"),
        ({"text": ""}, "body.text"),
        ({"text": 5}, "body.text"),
        ({"text": "x", "extra": 1}, "body.extra"),
        ({"text": "x", "id": ""}, "body.id"),
    ],
)
def test_analyze_validation_names_the_field(
    client: TestClient, reviewer: dict[str, str], body: dict[str, object], field: str
) -> None:
    r = client.post("/v1/analyze", json=body, headers=reviewer)
    assert r.status_code == 422
    assert_error(r.json(), "invalid_request")
    details = r.json()["error"]["details"]
    assert field in [d["field"] for d in details]
    assert all(d["fix"] for d in details)


def test_analyze_invalid_json_422(client: TestClient, reviewer: dict[str, str]) -> None:
    headers = {**reviewer, "Content-Type": "application/json"}
    r = client.post("/v1/analyze", content=b"{not json", headers=headers)
    assert r.status_code == 422
    assert_error(r.json(), "invalid_request")


def test_analyze_not_legal_document_422(client: TestClient, reviewer: dict[str, str]) -> None:
    r = client.post(
        "/v1/analyze", json={"text": "今天天气很好，我们去公园散步吧。"}, headers=reviewer
    )
    assert r.status_code == 422
    assert_error(r.json(), "not_legal_document")


def test_analyze_text_too_long_413(tmp_path) -> None:
    app = create_app(make_settings(tmp_path, max_text_chars=100))
    with TestClient(app) as c:
        assert app.state.service.wait_ready(60)
        headers = {"Authorization": f"Bearer {token_for(app, 'u', 'reviewer')}"}
        r = c.post("/v1/analyze", json={"text": lead_text()}, headers=headers)
        assert r.status_code == 413
        assert_error(r.json(), "input_too_large")


def _docx_bytes(text: str) -> bytes:
    doc = new_docx()
    for line in text.splitlines():
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["txt", "docx", "html"])
def test_analyze_file_formats(client: TestClient, reviewer: dict[str, str], fmt: str) -> None:
    text = lead_text()
    data = {
        "txt": text.encode("gb18030"),
        "docx": _docx_bytes(text),
        "html": ("<html><body>" + "".join(f"<p>{x}</p>" for x in text.splitlines())
                 + "</body></html>").encode(),
    }[fmt]  # fmt: skip
    r = client.post(
        "/v1/analyze/file", files={"file": (f"减刑.{fmt}", data)}, data={"id": "up-1"},
        headers=reviewer,
    )  # fmt: skip
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["id"] == "up-1"
    assert body["issues"][0]["type"] == "unenforced_property_penalty"


@pytest.mark.parametrize(
    ("name", "data", "status", "code"),
    [
        ("a.doc", b"xx", 415, "unsupported_format"),
        ("a.txt", b"", 422, "empty_input"),
        ("a.docx", b"not a zip", 422, "corrupt_file"),
        ("a.txt", b"\x00\x01\x02" * 100, 422, "binary_input"),
    ],
)
def test_analyze_file_errors(
    client: TestClient, reviewer: dict[str, str], name: str, data: bytes, status: int, code: str
) -> None:
    r = client.post("/v1/analyze/file", files={"file": (name, data)}, headers=reviewer)
    assert r.status_code == status, r.text
    assert_error(r.json(), code)
    assert r.json()["error"]["source"] == name


def test_analyze_file_missing_422(client: TestClient, reviewer: dict[str, str]) -> None:
    r = client.post("/v1/analyze/file", data={"id": "x"}, headers=reviewer)
    assert r.status_code == 422
    assert "body.file" in [d["field"] for d in r.json()["error"]["details"]]


def test_analyze_file_too_large_413(tmp_path) -> None:
    app = create_app(make_settings(tmp_path, max_body_bytes=5000))
    with TestClient(app) as c:
        headers = {"Authorization": f"Bearer {token_for(app, 'u', 'reviewer')}"}
        r = c.post("/v1/analyze/file", files={"file": ("a.txt", b"a" * 6000)}, headers=headers)
        assert r.status_code == 413
        assert_error(r.json(), "request_too_large")
