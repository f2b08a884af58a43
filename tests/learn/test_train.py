"""``assist.learn.train`` / ``evaluation``: validation gate, held-out parts, thresholds,
comparison, both backends through the registry."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assist.learn.activation import promote
from assist.learn.evaluation import evaluate_model
from assist.learn.registry import load_learned
from assist.learn.train import TrainingError, TrainSpec, train_model
from tests.learn.tiny_bert import make_tiny_checkpoint

ROOT = Path(__file__).resolve().parents[2]
ROWS = [json.loads(x) for x in (ROOT / "corpora/labels/real_signals.jsonl").read_text("utf-8").splitlines()]  # fmt: skip
FAST = {"char_max_features": 3000, "word_max_features": 1000, "calibration_folds": 2}


def write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def generated(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Relabelled copies standing for generated documents (another part, other texts)."""
    return [r | {"doc_id": f"g{i}", "source": "generated:test", "text": f"生成文书{i}。" + str(r["text"]), "signals": []}
            for i, r in enumerate(rows)]  # fmt: skip


def test_bad_records_stop_training_unless_skipped(tmp_path: Path) -> None:
    rows = [*ROWS[:80], ROWS[0] | {"doc_id": "bad", "domain": "tax"}]
    labels = write(tmp_path / "l.jsonl", rows)
    spec = TrainSpec(name="domain", task="domain", params=FAST)
    with pytest.raises(
        TrainingError, match=r"(?s)1 bad label records.*l\.jsonl:81: bad: unknown_label"
    ):
        train_model(spec, [labels], tmp_path / "models")
    assert not (tmp_path / "models").exists()
    skipped = TrainSpec(name="domain", task="domain", params=FAST, skip_bad=True)
    result = train_model(skipped, [labels], tmp_path / "models")
    assert result.n_train + result.n_test == 80 and result.problems


def test_parts_kept_apart_and_a_second_version_compared_on_the_same_rows(tmp_path: Path) -> None:
    labels = write(tmp_path / "l.jsonl", ROWS[:150] + generated(ROWS[150:230]))
    spec = TrainSpec(name="domain", task="domain", params=FAST)
    first = train_model(spec, [labels], tmp_path / "models")
    assert [p.name for p in first.parts] == ["all", "real", "generated"]
    by = {p.name: p.evaluation.n for p in first.parts}
    assert by["all"] == by["real"] + by["generated"] == first.n_test
    assert first.compared_with is None and not (tmp_path / "models/domain/active").exists()
    promote(tmp_path / "models" / "domain", first.version)
    second = train_model(TrainSpec(name="domain", task="domain", params=FAST | {"C": 1.0}),
                         [labels], tmp_path / "models")  # fmt: skip
    assert second.compared_with == "1" and all(p.old is not None for p in second.parts)
    assert not any("in-sample" in n for n in second.notes)  # same split rule: a fair comparison
    meta = load_learned(tmp_path / "models" / "domain", "2").meta
    assert meta.metrics["compared_with"] == "1" and meta.data.size == second.n_train
    assert set(meta.data.parts) == {"real", "generated"}
    scored = evaluate_model(tmp_path / "models", "domain", [labels], version="2")
    assert scored.against == "1" and scored.n == second.n_test  # the held-out rows again
    for mine, theirs in zip(scored.parts, second.parts, strict=True):
        assert mine.evaluation.macro_f1 == pytest.approx(theirs.evaluation.macro_f1)


def test_issue_thresholds_come_from_cross_validation_on_the_training_part(tmp_path: Path) -> None:
    labels = write(tmp_path / "l.jsonl", ROWS)
    spec = TrainSpec(name="issues", task="issues", params=FAST, threshold_folds=3)
    result = train_model(spec, [labels], tmp_path / "models")
    assert "cross-validated" in result.notes[0]
    fl = result.thresholds["false_litigation"]
    assert fl.positives > 20 and fl.threshold is not None  # positives of the training part
    meta = load_learned(tmp_path / "models" / "issues", result.version).meta
    assert meta.thresholds["false_litigation"] == fl.threshold
    held = result.parts[0].evaluation
    assert held.label("false_litigation").threshold == pytest.approx(fl.threshold)


def test_the_transformer_backend_trains_registers_and_reloads(tmp_path: Path) -> None:
    rows = [r for r in ROWS if len(r["text"]) < 400][:40]
    checkpoint = make_tiny_checkpoint(tmp_path / "ckpt", [r["text"] for r in rows])
    labels = write(tmp_path / "l.jsonl", rows)
    params = {"checkpoint": str(checkpoint), "max_length": 48, "max_chunks": 2, "epochs": 3,
              "learning_rate": 3e-3}  # fmt: skip
    spec = TrainSpec(name="domain", task="domain", backend="transformer", params=params)
    result = train_model(spec, [labels], tmp_path / "models")
    loaded = load_learned(tmp_path / "models" / "domain", result.version)
    assert loaded.meta.backend == "transformer" and "model.safetensors" in loaded.meta.files
    assert "torch" in loaded.meta.libraries and "transformers" in loaded.meta.libraries
    texts = [r["text"] for r in rows[:5]]
    again = load_learned(tmp_path / "models" / "domain", result.version).estimator
    assert np.allclose(loaded.estimator.predict_proba(texts), again.predict_proba(texts), atol=1e-6)


def test_a_missing_backend_library_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from assist.learn.train import make_estimator

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda m: None if m == "jieba" else real(m))
    with pytest.raises(TrainingError, match=r"needs jieba: pip install 'case-assist\[train\]'"):
        make_estimator("tfidf", "domain", {})


def test_domain_accuracy_of_a_subdomain_model_counts_right_domains() -> None:
    from assist.learn.metrics import evaluate
    from assist.learn.reporting import domain_accuracy

    classes = ["civil/execution", "civil/judgment", "criminal/trial"]
    y = np.eye(3)[[0, 1, 2, 1]]
    p = np.eye(3)[[1, 1, 2, 2]]  # one wrong sub-domain, same domain; one wrong domain
    assert domain_accuracy(evaluate("subdomain", classes, y, p)) == 0.75
    assert domain_accuracy(evaluate("domain", ["a", "b"], np.eye(2), np.eye(2))) is None


def test_a_backend_refusal_is_a_training_error(tmp_path: Path) -> None:
    one_class = [r for r in ROWS if r["domain"] == "civil"][:40]
    labels = write(tmp_path / "l.jsonl", one_class)
    with pytest.raises(TrainingError, match=r"cannot fit the model \(tfidf"):
        train_model(TrainSpec(name="d", task="domain", params=FAST), [labels], tmp_path / "m")
    with pytest.raises(TrainingError, match=r"bad parameters for the tfidf backend: .*bogus"):
        train_model(
            TrainSpec(name="d", task="domain", params={"bogus": 1}), [labels], tmp_path / "m"
        )
