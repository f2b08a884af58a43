"""`assist models` (list, show, promote, rollback) on temporary registries of both kinds."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Self

import numpy as np
import pytest
from typer.testing import CliRunner

from assist.learn import registry
from assist.learn.cli_models import default_models_root, models_app
from assist.learn.estimator import FloatArray, Target, Task
from assist.learn.registry import DataInfo, register_model
from assist.route import registry as router_registry

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


class TinyClassifier:
    """A constant-prediction backend that saves one JSON file (enough for a registry)."""

    backend = "tiny"

    def __init__(self, task: Task = "issues") -> None:
        self.task: Task = task
        self.classes_: list[str] = []

    def fit(self, texts: Sequence[str], y: Sequence[Target]) -> Self:
        self.classes_ = sorted({label for labels in y for label in labels})
        return self

    def predict_proba(self, texts: Sequence[str]) -> FloatArray:
        return np.full((len(texts), len(self.classes_)), 0.5)

    def get_params(self) -> dict[str, Any]:
        return {}

    def save(self, folder: Path) -> list[str]:
        (folder / "tiny.json").write_text(json.dumps([self.task, self.classes_]), encoding="utf-8")
        return ["tiny.json"]

    @classmethod
    def load(cls, folder: Path) -> Self:
        task, classes = json.loads((folder / "tiny.json").read_text(encoding="utf-8"))
        model = cls(task)
        model.classes_ = classes
        return model


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A registry with a copy of the shipped router (plus 90, a copy of its active version)
    and a learned ``issues`` model with versions 1 (active) and 2."""
    monkeypatch.setitem(registry.BACKENDS, "tiny", TinyClassifier)
    router = tmp_path / "router"
    shutil.copytree(ROOT / "models" / "router", router)
    shutil.copytree(router / router_registry.active_version(router), router / "90")
    meta = json.loads((router / "90" / "meta.json").read_text(encoding="utf-8"))
    (router / "90" / "meta.json").write_text(json.dumps({**meta, "version": "90"}), "utf-8")
    model = TinyClassifier().fit(["a", "b"], [("fraud",), ("delay",)])
    data = DataInfo(sha256="1" * 64, size=2, parts={"gold": 2})
    for activate in (True, False):
        register_model(
            model, tmp_path / "issues", metrics={"test": {"micro_f1": 0.25}}, data=data,
            thresholds={"fraud": 0.6}, activate=activate,
        )  # fmt: skip
    return tmp_path


def invoke(*args: str) -> Any:
    return runner.invoke(models_app, list(args))


def test_list_json_shows_both_kinds(root: Path) -> None:
    result = invoke("list", "--root", str(root), "--json")
    assert result.exit_code == 0, result.output
    rows = {(r["name"], r["version"]): r for r in json.loads(result.stdout)}
    assert rows["issues", "1"]["kind"] == "learned" and rows["issues", "1"]["active"]
    assert rows["issues", "1"]["backend"] == "tiny" and rows["issues", "1"]["task"] == "issues"
    assert rows["issues", "1"]["metrics"] == {"test.micro_f1": 0.25}
    assert rows["router", "90"]["kind"] == "router" and not rows["router", "90"]["active"]
    assert rows["router", "90"]["error"] is None and not rows["issues", "2"]["active"]


def test_list_table_flags_a_broken_version(root: Path) -> None:
    (root / "issues" / "2" / "model.pkl").write_bytes(b"x")
    result = invoke("list", "--root", str(root))
    assert result.exit_code == 0, result.output
    assert "issues" in result.stdout and "router" in result.stdout and "tiny" in result.stdout
    assert "invalid" in result.stdout and "pickled" in result.stdout
    assert "test.micro_f1 0.250" in result.stdout


def test_list_reads_assist_models_by_default(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSIST_MODELS", str(root))
    assert default_models_root() == root
    result = invoke("list", "--json")
    assert result.exit_code == 0 and {r["name"] for r in json.loads(result.stdout)} == {
        "issues", "router",
    }  # fmt: skip
    monkeypatch.delenv("ASSIST_MODELS")
    assert default_models_root() == ROOT / "models"


def test_show_json_and_text(root: Path) -> None:
    result = invoke("show", "issues", "--root", str(root), "--json")
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert (shown["version"], shown["active"], shown["error"]) == ("1", True, None)
    assert shown["meta"]["thresholds"] == {"fraud": 0.6} and shown["history"][0]["version"] == "1"
    text = invoke("show", "issues", "2", "--root", str(root))
    assert text.exit_code == 0, text.output
    assert "issues 2" in text.stdout and "not active (active: 1)" in text.stdout
    assert '"fraud": 0.6' in text.stdout and "history:" in text.stdout
    router = invoke("show", "router", "--root", str(root), "--json")
    assert router.exit_code == 0 and json.loads(router.stdout)["kind"] == "router"


def test_promote_then_rollback_on_the_router(root: Path) -> None:
    shipped = router_registry.active_version(root / "router")
    result = invoke("promote", "router", "90", "--root", str(root), "--reason", "retrained")
    assert result.exit_code == 0, result.output
    assert f"router: 90 is active (was {shipped})" in result.stdout
    assert router_registry.load_model(root / "router").meta.version == "90"
    result = invoke("rollback", "router", "--root", str(root), "--reason", "worse")
    assert result.exit_code == 0, result.output
    assert f"rolled back to {shipped} (was 90)" in result.stdout
    lines = (root / "router" / "history.jsonl").read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines]
    assert [(e["action"], e["reason"]) for e in entries] == [
        ("promote", "retrained"), ("rollback", "worse"),
    ]  # fmt: skip
    assert all(e["actor"].startswith("cli") for e in entries)
    again = invoke("rollback", "router", "--root", str(root))
    assert again.exit_code == 2 and "error: router: no promotion" in again.stderr


def test_promote_learned_and_roll_back(root: Path) -> None:
    assert invoke("promote", "issues", "2", "--root", str(root)).exit_code == 0
    assert registry.load_learned(root / "issues").meta.version == "2"
    assert invoke("rollback", "issues", "--root", str(root)).exit_code == 0
    assert registry.load_learned(root / "issues").meta.version == "1"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "nope"], "no model 'nope'"),
        (["promote", "nope", "1"], "no model 'nope'"),
        (["promote", "issues", "9"], "does not exist"),
        (["promote", "issues", "1"], "already the active version"),
        (["rollback", "issues"], "nothing to roll back to"),
        (["show", "issues", "../x"], "not a version name"),
    ],
)
def test_errors_exit_2_with_the_message_on_stderr(
    root: Path, args: list[str], message: str
) -> None:
    result = invoke(*args, "--root", str(root))
    assert result.exit_code == 2 and message in result.stderr and not result.stdout


def test_a_missing_root_is_an_error(tmp_path: Path) -> None:
    result = invoke("list", "--root", str(tmp_path / "none"))
    assert result.exit_code == 2 and "is not a folder" in result.stderr
