"""The opt-in issues model beside the detectors (``ASSIST_ISSUE_MODEL``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Self

import numpy as np
import pytest

from assist.analyze import Analyzer
from assist.learn import registry
from assist.learn.activation import promote
from assist.learn.issue_model import default_issue_model, load_issue_model
from assist.learn.registry import DataInfo, ModelError, register_model
from tests.conftest import dev_texts
from tests.learn.test_registry import FakeClassifier

DATA = DataInfo(sha256="0" * 64, size=2)


class Confident(FakeClassifier):
    """Always 0.9 for false_litigation, 0.2 for public_interest_lead."""

    def fit(self, texts: Any, y: Any) -> Self:
        self.classes_ = ["false_litigation", "public_interest_lead"]
        self.prior_ = np.array([0.9, 0.2])
        return self


@pytest.fixture
def models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setitem(registry.BACKENDS, "fake", Confident)
    root = tmp_path / "models"
    est = Confident("issues").fit([], [])
    reached = {"false_litigation": {"reached": True, "precision": 0.85, "target_precision": 0.8},
               "public_interest_lead": {"reached": False, "precision": 0.5}}  # fmt: skip
    register_model(est, root / "issues", data=DATA, metrics={"thresholds": reached},
                   thresholds={"false_litigation": 0.6, "public_interest_lead": 0.1})  # fmt: skip
    promote(root / "issues", "1")
    return root


def criminal_text() -> str:
    return dev_texts("fd-007")["fd-007"]  # a 减刑 ruling: no false_litigation lead


def test_a_confident_model_adds_the_lead_the_rules_did_not_raise(models: Path) -> None:
    text = criminal_text()
    plain = Analyzer(issue_model=None).analyze(text, "d")
    assert plain.issues is not None and "false_litigation" not in {i.type for i in plain.issues}
    model = load_issue_model(models, "issues")
    assert set(model.cuts) == {"false_litigation"}  # public_interest_lead never reached 0.8
    both = Analyzer(issue_model=model).analyze(text, "d")
    assert both.issues is not None
    extra = [i for i in both.issues if i not in plain.issues]
    assert [(i.type, i.score, i.level, i.signals) for i in extra] == [
        ("false_litigation", 0.9, "high", ())
    ]
    assert "issues/1" in extra[0].rationale and "85%" in extra[0].rationale
    assert both.recommendation == plain.recommendation and both.domain == plain.domain


def test_no_second_lead_when_the_detectors_raised_that_type(models: Path) -> None:
    text = dev_texts("fd-008")["fd-008"]  # the rules raise false_litigation here
    plain = Analyzer(issue_model=None).analyze(text, "d")
    both = Analyzer(issue_model=load_issue_model(models, "issues")).analyze(text, "d")
    assert both.issues == plain.issues and plain.issues
    assert [i.type for i in plain.issues] == ["false_litigation"]


def test_the_model_is_opt_in_and_must_be_an_issues_model(
    models: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ASSIST_ISSUE_MODEL", raising=False)
    assert default_issue_model(models) is None
    monkeypatch.setenv("ASSIST_ISSUE_MODEL", "issues")
    found = default_issue_model(models)
    assert found is not None and found.name == "issues/1"
    domain = Confident("domain").fit([], [])
    register_model(domain, models / "domain", data=DATA, metrics={})
    promote(models / "domain", "1")
    monkeypatch.setenv("ASSIST_ISSUE_MODEL", "domain")
    with pytest.raises(ModelError, match="must name an issues model"):
        default_issue_model(models)


def test_the_service_and_a_screen_carry_the_models_lead(
    models: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from fastapi.testclient import TestClient

    from assist import analyze
    from assist.archive.config import load_config
    from assist.archive.run import run_archive
    from assist.ingest.archive import Record
    from assist.service.app import create_app
    from assist.service.auth import create_token
    from assist.service.settings import Settings

    monkeypatch.setattr(analyze, "DEFAULT_MODELS", models)
    monkeypatch.setenv("ASSIST_ISSUE_MODEL", "issues")
    settings = Settings(environment="test", token_pepper="p" * 32, data_dir=tmp_path / "data",
                        warm_up=False)  # type: ignore[call-arg]  # fmt: skip
    app = create_app(settings)
    with TestClient(app) as c:
        assert app.state.service.wait_ready(60)
        with app.state.service.store.session() as s:
            token = create_token(s, "li", "reviewer", settings.pepper)
        headers = {"Authorization": f"Bearer {token}"}
        answer = c.post("/v1/analyze", json={"text": criminal_text(), "id": "d"}, headers=headers)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert [i["type"] for i in body["issues"]] == ["false_litigation"]
        assert body["issues"][0]["signals"] == [] and body["lead_ids"]
        page = c.get("/v1/leads", headers=headers).json()
        (lead,) = [x for x in page["items"] if x["lead_id"] == body["lead_ids"][0]]
        assert "issues/1" in lead["rationale"]
        signed = c.post("/ui/login", data={"token": token}, follow_redirects=False)
        assert signed.status_code == 303
        page = c.post("/ui/analyze", data={"text": criminal_text()})  # the case screen renders it
        assert page.status_code == 200 and "学习模型issues/1" in page.text
    summary = run_archive(iter([Record("d", criminal_text(), {}, "t")]), tmp_path / "run",
                          analyzer=Analyzer(), config=load_config(None))  # fmt: skip
    assert summary.documents == 1 and summary.errors == 0
    rows = [json.loads(x) for x in (tmp_path / "run/leads.jsonl").read_text("utf-8").splitlines()]
    assert [(r["type"], r["evidence"]) for r in rows] == [("false_litigation", [])]
