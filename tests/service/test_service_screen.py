"""POST /v1/screen and GET /v1/jobs/{id}: a background screening run with progress."""

from __future__ import annotations

import json
import time

import pytest
from fastapi.testclient import TestClient
from service_helpers import assert_error, generated


def _archive() -> bytes:
    rows = [
        {"id": f"{kind}-{seed}", "text": generated(kind, seed)}
        for kind, seed in [("commutation_ruling", 2), ("admin_judgment", 3),
                           ("civil_loan_judgment", 1), ("penalty_decision", 1)]
    ]  # fmt: skip
    rows.append({"id": "bad", "text": ""})  # recorded as an error, the run goes on
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()


def _wait(client: TestClient, job_id: str, headers: dict[str, str]) -> dict[str, object]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job: dict[str, object] = client.get(f"/v1/jobs/{job_id}", headers=headers).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError("the job did not finish")


def test_screen_job_runs_and_stores_leads(client: TestClient, reviewer: dict[str, str]) -> None:
    r = client.post("/v1/screen", files={"file": ("archive.jsonl", _archive())}, headers=reviewer)
    assert r.status_code == 202, r.text
    job = r.json()
    assert job["status"] == "queued" and job["created_by"] == "reviewer1"
    done = _wait(client, job["id"], reviewer)
    assert done["status"] == "done", done
    assert done["total"] == 5 and done["done"] == 4 and done["errors"] == 1
    assert done["leads_url"] == f"/v1/leads?job_id={job['id']}"
    leads = client.get("/v1/leads", params={"job_id": job["id"]}, headers=reviewer).json()
    docs = {i["documents"][0]["doc_id"] for i in leads["items"]}
    assert {"commutation_ruling-2", "admin_judgment-3", "penalty_decision-1"} <= docs
    lead = next(i for i in leads["items"] if i["documents"][0]["doc_id"] == "commutation_ruling-2")
    r = client.get(f"/v1/leads/{lead['lead_id']}/recommendation.docx", headers=reviewer)
    assert r.status_code == 200 and r.content[:2] == b"PK"


@pytest.mark.parametrize(
    ("name", "data", "status", "code"),
    [
        ("archive.zip", b"PK..", 415, "unsupported_format"),
        ("archive.jsonl", b"  \n", 422, "empty_input"),
    ],
)
def test_screen_refuses_bad_uploads(
    client: TestClient, reviewer: dict[str, str], name: str, data: bytes, status: int, code: str
) -> None:
    r = client.post("/v1/screen", files={"file": (name, data)}, headers=reviewer)
    assert r.status_code == status
    assert_error(r.json(), code)


def test_screen_unknown_job_404(client: TestClient, reviewer: dict[str, str]) -> None:
    r = client.get("/v1/jobs/0000", headers=reviewer)
    assert r.status_code == 404
    assert_error(r.json(), "job_not_found")
