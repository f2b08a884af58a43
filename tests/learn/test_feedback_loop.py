"""The reviewers' loop end to end, through the real commands (README "Retraining"):

service reviews → ``assist reviews export`` → ``assist labels from-reviews`` → ``assist labels
merge`` → ``assist train`` → ``assist evaluate`` → ``assist models promote`` → retrain → rollback.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from assist.cli import app as cli
from assist.learn.activation import read_history
from assist.learn.labels import read_labels
from assist.learn.registry import load_learned
from assist.service.app import create_app
from assist.service.settings import Settings

runner = CliRunner()
PEPPER = "test-pepper-0123456789abcdef"
ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "corpora" / "labels" / "real_signals.jsonl"
FAST = ["--param", "char_max_features=4000", "--param", "word_max_features=2000",
        "--param", "calibration_folds=3"]  # fmt: skip


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ASSIST_ENVIRONMENT", "test")
    monkeypatch.setenv("ASSIST_TOKEN_PEPPER", PEPPER)
    monkeypatch.setenv("ASSIST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ASSIST_WARM_UP", "false")
    monkeypatch.setenv("ASSIST_MODELS", str(tmp_path / "models"))
    return tmp_path


def invoke(*args: str) -> str:
    r = runner.invoke(cli, list(args))
    assert r.exit_code == 0, r.output
    return r.stdout


def review_some_leads(corpus: list[dict[str, object]]) -> dict[str, str]:
    """Analyse real documents in the service and decide their leads: accept the ones the
    labeller also marked medium or above, reject the others. Returns doc_id → decision."""
    token = invoke("tokens", "create", "--name", "li").strip()
    headers = {"Authorization": f"Bearer {token}"}
    decided: dict[str, str] = {}
    app = create_app(Settings())
    with TestClient(app) as c:
        for rec in corpus:
            body = {"text": rec["text"], "id": rec["doc_id"]}
            answer = c.post("/v1/analyze", json=body, headers=headers).json()
            for lead_id in answer.get("lead_ids", [])[:1]:
                labelled = {i["type"] for i in rec["issues"] if i["level"] in ("medium", "high")}  # type: ignore[attr-defined]
                decision = "accept" if labelled else "reject"
                c.post(f"/v1/leads/{lead_id}/review", json={"decision": decision, "note": "复核"},
                       headers=headers)  # fmt: skip
                decided[str(rec["doc_id"])] = decision
            if len(decided) >= 12:
                break
    return decided


def test_reviews_become_labels_train_evaluate_promote_rollback(env: Path) -> None:
    rows = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines()]
    civil = [r for r in rows if r["domain"] == "civil"][:160]
    corpus = env / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in civil), "utf-8")
    decided = review_some_leads(civil)
    assert len(decided) >= 5 and set(decided.values()) == {"accept", "reject"}

    exported, review_labels = env / "reviews.jsonl", env / "review_labels.jsonl"
    invoke("reviews", "export", "--out", str(exported))
    invoke("labels", "from-reviews", str(exported), "--out", str(review_labels))
    merged, conflicts = env / "merged.jsonl", env / "conflicts.jsonl"
    invoke("labels", "merge", str(corpus), "--reviews", str(review_labels), "--out", str(merged),
           "--conflicts", str(conflicts))  # fmt: skip
    invoke("labels", "validate", str(merged))
    merged_set = read_labels([merged])
    assert not merged_set.problems and len(merged_set.records) == len(civil)
    by_id = {r.doc_id: r for r in merged_set.records}
    for doc_id, decision in decided.items():  # the review wins for the type it covers
        levels = {i.level for i in by_id[doc_id].issues if i.reason.startswith("review")}
        assert levels and (decision == "reject") == (levels == {"low"})

    first = json.loads(invoke("train", str(merged), "--name", "issues", "--task", "issues",
                              "--threshold-folds", "0", "--report", str(env / "r1.md"), *FAST))  # fmt: skip
    assert first["version"] == "1" and (env / "r1.md").is_file()
    loaded = load_learned(env / "models" / "issues", "1")
    assert loaded.meta.data.size > 0 and "false_litigation" in loaded.meta.classes
    assert loaded.meta.metrics["split"]["test_percent"] == 20

    scored = json.loads(invoke("evaluate", str(merged), "--name", "issues", "--version", "1",
                               "--report", str(env / "e1.md")))  # fmt: skip
    assert scored["against"] is None and scored["parts"]
    invoke("models", "promote", "issues", "1", "--reason", "first model")

    second = json.loads(invoke("train", str(merged), "--name", "issues", "--task", "issues",
                               "--threshold-folds", "0", "--param", "C=1.0",
                               "--report", str(env / "r2.md"), *FAST))  # fmt: skip
    assert second["version"] == "2"
    report = (env / "r2.md").read_text("utf-8")
    assert "Compared with the active version 1" in report and "Δ" in report
    invoke("models", "promote", "issues", "2")
    assert (env / "models" / "issues" / "active").read_text().strip() == "2"
    invoke("models", "rollback", "issues", "--reason", "worse on real documents")
    assert (env / "models" / "issues" / "active").read_text().strip() == "1"
    actions = [(h.action, h.version) for h in read_history(env / "models" / "issues")]
    assert actions == [("promote", "1"), ("promote", "2"), ("rollback", "1")]
