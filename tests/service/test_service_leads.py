"""GET /v1/leads (filters, pages), reviews, and the recommendation as Word."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_helpers import assert_error, generated

from assist.service.store import LeadRow

# (kind, seed) → the lead it raises: type, level, court, decided
DOCS = {
    "loan": ("civil_loan_judgment", 0),  # false_litigation medium, 浙江省新昌县人民法院, 2022-10-06
    "commute": ("commutation_ruling", 2),  # unenforced_property_penalty high, 泉州, 2022-04-12
    "admin": ("admin_judgment", 3),  # systemic_admin_problem medium, 内江, 2014-03-30
    "penalty": ("penalty_decision", 1),  # public_interest_lead high, 乐至县…局, 2022-10-25
}


@pytest.fixture
def loaded(client: TestClient, reviewer: dict[str, str]) -> dict[str, str]:
    """Analyse the four documents; returns name → lead id."""
    ids = {}
    for name, (kind, seed) in DOCS.items():
        r = client.post("/v1/analyze", json={"text": generated(kind, seed), "id": name},
                        headers=reviewer)  # fmt: skip
        assert r.status_code == 200, r.text
        ids[name] = r.json()["lead_ids"][0]
    return ids


def _ids(client: TestClient, headers: dict[str, str], **params: object) -> list[str]:
    r = client.get("/v1/leads", params=params, headers=headers)
    assert r.status_code == 200, r.text
    return [item["documents"][0]["doc_id"] for item in r.json()["items"]]


def test_leads_ranked_by_score(
    client: TestClient, reviewer: dict[str, str], loaded: dict[str, str]
) -> None:
    items = client.get("/v1/leads", headers=reviewer).json()["items"]
    scores = [item["score"] for item in items]
    assert len(items) == 4 and scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "false_litigation"}, {"loan"}),
        ({"level": "high"}, {"commute", "penalty"}),
        ({"min_level": "medium"}, {"loan", "commute", "admin", "penalty"}),
        ({"court": "泉州市"}, {"commute"}),
        ({"date_from": "2022-01-01"}, {"loan", "commute", "penalty"}),
        ({"date_to": "2015-12-31"}, {"admin"}),
        ({"date_from": "2022-04-12", "date_to": "2022-04-12"}, {"commute"}),
        ({"type": "nothing_like_this"}, set()),
    ],
)
def test_leads_filters(
    client: TestClient, reviewer: dict[str, str], loaded: dict[str, str],
    params: dict[str, str], expected: set[str],
) -> None:  # fmt: skip
    assert set(_ids(client, reviewer, **params)) == expected


def test_leads_pagination(
    client: TestClient, reviewer: dict[str, str], loaded: dict[str, str]
) -> None:
    first = client.get("/v1/leads", params={"limit": 3}, headers=reviewer).json()
    rest = client.get("/v1/leads", params={"limit": 3, "offset": 3}, headers=reviewer).json()
    assert first["total"] == rest["total"] == 4
    assert len(first["items"]) == 3 and len(rest["items"]) == 1
    seen = {i["lead_id"] for i in first["items"]} | {i["lead_id"] for i in rest["items"]}
    assert seen == set(loaded.values())


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"level": "urgent"}, "query.level"),
        ({"date_from": "2022-13-01"}, "query.date_from"),
        ({"limit": 0}, "query.limit"),
        ({"offset": -1}, "query.offset"),
    ],
)
def test_leads_bad_filters_422(
    client: TestClient, reviewer: dict[str, str], params: dict[str, object], field: str
) -> None:
    r = client.get("/v1/leads", params=params, headers=reviewer)
    assert r.status_code == 422
    assert_error(r.json(), "invalid_request")
    assert r.json()["error"]["details"][0]["field"] == field


def test_leads_page_too_large_422(client: TestClient, reviewer: dict[str, str]) -> None:
    r = client.get("/v1/leads", params={"limit": 500}, headers=reviewer)
    assert r.status_code == 422
    assert_error(r.json(), "page_too_large")


def test_leads_review_recorded_and_shown(
    client: TestClient, reviewer: dict[str, str], loaded: dict[str, str]
) -> None:
    lead = loaded["commute"]
    r = client.post(f"/v1/leads/{lead}/review", json={"decision": "unsure", "note": "待核实"},
                    headers=reviewer)  # fmt: skip
    assert r.status_code == 201
    assert r.json()["decision"] == "unsure" and r.json()["reviewer"] == "reviewer1"
    client.post(f"/v1/leads/{lead}/review", json={"decision": "accept"}, headers=reviewer)
    items = client.get("/v1/leads", params={"type": "unenforced_property_penalty"},
                       headers=reviewer).json()["items"]  # fmt: skip
    assert items[0]["review"]["decision"] == "accept"


def test_leads_review_unknown_lead_404(client: TestClient, reviewer: dict[str, str]) -> None:
    r = client.post("/v1/leads/nope/review", json={"decision": "accept"}, headers=reviewer)
    assert r.status_code == 404
    assert_error(r.json(), "lead_not_found")


@pytest.mark.parametrize(
    "body", [{"decision": "maybe"}, {}, {"decision": "accept", "note": "x" * 5000}]
)
def test_leads_review_invalid_422(
    client: TestClient, reviewer: dict[str, str], loaded: dict[str, str], body: dict[str, object]
) -> None:
    r = client.post(f"/v1/leads/{loaded['loan']}/review", json=body, headers=reviewer)
    assert r.status_code == 422
    assert_error(r.json(), "invalid_request")


def test_leads_recommendation_docx(
    client: TestClient, reviewer: dict[str, str], loaded: dict[str, str]
) -> None:
    r = client.get(f"/v1/leads/{loaded['commute']}/recommendation.docx", headers=reviewer)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert r.content[:2] == b"PK"
    assert "attachment" in r.headers["content-disposition"]


def test_leads_recommendation_unknown_404(client: TestClient, reviewer: dict[str, str]) -> None:
    r = client.get("/v1/leads/nope/recommendation.docx", headers=reviewer)
    assert r.status_code == 404
    assert_error(r.json(), "lead_not_found")


def test_leads_recommendation_without_draft_409(
    app: FastAPI, client: TestClient, reviewer: dict[str, str]
) -> None:
    data = {"lead_id": "x1", "type": "false_litigation", "code": "frequent_plaintiff", "key": "k",
            "score": 0.5, "level": "medium", "rationale": "", "documents": [], "evidence": []}  # fmt: skip
    with app.state.service.store.session() as s:
        s.add(LeadRow(lead_id="x1", type="false_litigation", code="frequent_plaintiff", key="k",
                      level="medium", score=0.5, data=data))  # fmt: skip
    r = client.get("/v1/leads/x1/recommendation.docx", headers=reviewer)
    assert r.status_code == 409
    assert_error(r.json(), "no_recommendation")
