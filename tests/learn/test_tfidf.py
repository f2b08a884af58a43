"""The tfidf backend: overfit, calibrate, save, load, predict the same; refuse tampered files."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import load_file, save_file

from assist.learn.estimator import Target, label_matrix
from assist.learn.tfidf import TfidfClassifier, fit_platt, fit_temperature
from assist.learn.tfidf_files import JSON_NAME, WEIGHTS_NAME, ModelFileError

LABELS = Path(__file__).resolve().parents[2] / "corpora/labels/real_signals.jsonl"
#: (domain, medium-or-higher issue types) → how many records to take, in file order: 40 texts
#: with every domain and both issue types that have positives.
QUOTAS: dict[tuple[str, tuple[str, ...]], int] = {
    ("civil", ()): 8,
    ("civil", ("false_litigation",)): 8,
    ("criminal", ()): 10,
    ("public_interest", ("public_interest_lead",)): 8,
    ("public_interest", ()): 2,
    ("administrative", ()): 4,
}
Data = tuple[list[str], list[str], list[Target]]


def _issues(record: dict[str, object]) -> tuple[str, ...]:
    issues = record["issues"]
    assert isinstance(issues, list)
    return tuple(sorted({i["type"] for i in issues if i["level"] in ("medium", "high")}))


@pytest.fixture(scope="module")
def data() -> Data:
    """40 real texts with their domains and issue targets (read with plain json)."""
    left = Counter(QUOTAS)
    texts: list[str] = []
    domains: list[str] = []
    issues: list[Target] = []
    with LABELS.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            key = (record["domain"], _issues(record))
            if left[key] > 0:
                left[key] -= 1
                texts.append(record["text"])
                domains.append(record["domain"])
                issues.append(key[1])
    assert len(texts) == sum(QUOTAS.values())
    return texts, domains, issues


@pytest.fixture(scope="module")
def domain_model(data: Data) -> TfidfClassifier:
    texts, domains, _ = data
    return TfidfClassifier(task="domain", calibration_folds=3).fit(texts, domains)


@pytest.fixture(scope="module")
def issues_model(data: Data) -> TfidfClassifier:
    texts, _, issues = data
    known = ("unenforced_property_penalty",)  # no positive here: a constant column
    return TfidfClassifier(task="issues", calibration_folds=3, labels=known).fit(texts, issues)


def _round_trip(model: TfidfClassifier, folder: Path) -> TfidfClassifier:
    assert model.save(folder) == [JSON_NAME, WEIGHTS_NAME]
    assert sorted(p.name for p in folder.iterdir()) == sorted([JSON_NAME, WEIGHTS_NAME])
    return TfidfClassifier.load(folder)


def _assert_batch_is_single(model: TfidfClassifier, texts: list[str]) -> None:
    batch = model.predict_proba(texts)
    single = np.vstack([model.predict_proba([t]) for t in texts])
    assert np.allclose(batch, single, rtol=0, atol=1e-12)


def test_multiclass_overfits_with_calibrated_rows(
    domain_model: TfidfClassifier, data: Data
) -> None:
    texts, domains, _ = data
    proba = domain_model.predict_proba(texts)
    assert domain_model.classes_ == ["administrative", "civil", "criminal", "public_interest"]
    assert proba.dtype == np.float64 and proba.shape == (len(texts), 4)
    assert np.allclose(proba.sum(axis=1), 1.0, atol=1e-12)
    assert ((proba > 0) & (proba < 1)).all()
    predicted = [domain_model.classes_[j] for j in proba.argmax(axis=1)]
    assert np.mean([p == d for p, d in zip(predicted, domains, strict=True)]) >= 0.95
    calibration = domain_model.calibration_
    assert calibration["method"] == "temperature" and calibration["folds"] == 3
    assert 0 < calibration["temperature"] != 1.0


def test_multiclass_round_trip_is_identical(
    domain_model: TfidfClassifier, data: Data, tmp_path: Path
) -> None:
    texts = data[0]
    loaded = _round_trip(domain_model, tmp_path)
    assert loaded.classes_ == domain_model.classes_
    assert loaded.get_params() == domain_model.get_params()
    assert np.array_equal(loaded.predict_proba(texts), domain_model.predict_proba(texts))
    _assert_batch_is_single(loaded, texts[::4])


def test_issues_overfit_per_label_with_a_constant_column(
    issues_model: TfidfClassifier, data: Data
) -> None:
    texts, _, issues = data
    proba = issues_model.predict_proba(texts)
    classes = ["false_litigation", "public_interest_lead", "unenforced_property_penalty"]
    assert issues_model.classes_ == classes
    targets = label_matrix(issues, classes)
    assert ((proba[:, :2] > 0.5) == targets[:, :2]).mean(axis=0).min() >= 0.95
    assert ((proba > 0) & (proba < 1)).all()
    assert (proba[:, 2] == 0.001).all()  # training rate 0, clipped
    assert issues_model.calibration_["constant"] == {"unenforced_property_penalty": 0.001}
    assert issues_model.calibration_["folds"] == [3, 3, 0]


def test_issues_round_trip_is_identical(
    issues_model: TfidfClassifier, data: Data, tmp_path: Path
) -> None:
    texts = data[0]
    loaded = _round_trip(issues_model, tmp_path)
    assert loaded.calibration_ == issues_model.calibration_
    assert np.array_equal(loaded.predict_proba(texts), issues_model.predict_proba(texts))
    _assert_batch_is_single(loaded, texts[1::4])


def test_fit_is_deterministic_for_a_seed(data: Data) -> None:
    texts, domains, _ = data
    runs = [
        TfidfClassifier(task="domain", calibration_folds=2, seed=7).fit(texts, domains)
        for _ in range(2)
    ]
    assert runs[0].calibration_ == runs[1].calibration_
    assert np.array_equal(runs[0].predict_proba(texts), runs[1].predict_proba(texts))


def test_two_classes_and_a_label_always_present(data: Data) -> None:
    texts, domains, _ = data
    civil = ["civil" if d == "civil" else "other" for d in domains]
    binary = TfidfClassifier(task="domain", calibration_folds=2).fit(texts, civil)
    proba = binary.predict_proba(texts)
    assert binary.coef_.shape[0] == 2 and np.allclose(proba.sum(axis=1), 1.0)
    assert np.mean(np.array(binary.classes_)[proba.argmax(axis=1)] == np.array(civil)) >= 0.95
    everywhere = [("a",) if i % 2 else ("a", "b") for i in range(len(texts))]
    multi = TfidfClassifier(task="issues", calibration_folds=2).fit(texts, everywhere)
    assert multi.calibration_["constant"] == {"a": 0.999}
    assert (multi.predict_proba(texts[:3])[:, 0] == 0.999).all()


def test_a_singleton_class_sits_out_calibration(data: Data) -> None:
    texts, domains, _ = data
    labels = list(domains)
    labels[0] = "lonely"  # one member: in no training fold when it is tested
    model = TfidfClassifier(task="subdomain", calibration_folds=5).fit(texts, labels)
    assert model.calibration_["folds"] == 4  # administrative has 4 members
    assert np.isfinite(model.calibration_["temperature"])
    assert np.allclose(model.predict_proba(texts[:5]).sum(axis=1), 1.0)


def test_temperature_recovers_an_overconfident_scale() -> None:
    rng = np.random.default_rng(0)
    logits = rng.normal(size=(4000, 3))
    y = np.array([rng.choice(3, p=np.exp(r) / np.exp(r).sum()) for r in logits])
    assert fit_temperature(3.0 * logits, y) == pytest.approx(3.0, rel=0.1)
    with_gap = np.where(np.arange(3) == 2, -np.inf, logits)  # class 2 unseen: its rows sit out
    assert fit_temperature(with_gap, np.zeros(4000, dtype=np.int64)) > 0


def test_platt_recovers_a_logistic_link() -> None:
    rng = np.random.default_rng(1)
    scores = rng.normal(size=5000)
    y = (rng.random(5000) < 1 / (1 + np.exp(-(0.5 * scores - 1.0)))).astype(np.int64)
    a, b = fit_platt(scores, y)
    assert a == pytest.approx(0.5, abs=0.1) and b == pytest.approx(-1.0, abs=0.1)


def _edit_json(change: Callable[[dict[str, object]], None]) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        meta = json.loads((folder / JSON_NAME).read_text(encoding="utf-8"))
        change(meta)
        (folder / JSON_NAME).write_text(json.dumps(meta), encoding="utf-8")

    return edit


def _edit_tensors(change: Callable[[dict[str, np.ndarray]], None]) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        tensors = load_file(str(folder / WEIGHTS_NAME))
        change(tensors)
        (folder / WEIGHTS_NAME).unlink()
        save_file(tensors, str(folder / WEIGHTS_NAME))

    return edit


def _garble_json(folder: Path) -> None:
    (folder / JSON_NAME).write_text("{", encoding="utf-8")


def _truncate(folder: Path) -> None:
    path = folder / WEIGHTS_NAME
    path.write_bytes(path.read_bytes()[:100])


TAMPERING: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "json garbage": (_garble_json, JSON_NAME, "JSON"),
    "no json": (lambda f: (f / JSON_NAME).unlink(), JSON_NAME, "No such file"),
    "other backend": (_edit_json(lambda m: m.update(backend="x")), JSON_NAME, "tfidf"),
    "vocabulary cut": (
        _edit_json(lambda m: m["vocabulary"]["word"].pop()),  # type: ignore[index]
        WEIGHTS_NAME,
        "idf.word",
    ),
    "class added": (
        _edit_json(lambda m: m["classes"].append("x")),  # type: ignore[attr-defined]
        WEIGHTS_NAME,
        "coef",
    ),
    "bad temperature": (
        _edit_json(lambda m: m["calibration"].update(temperature=-1)),  # type: ignore[attr-defined]
        JSON_NAME,
        "temperature",
    ),
    "unknown param": (
        _edit_json(lambda m: m["params"].update(alpha=1)),  # type: ignore[attr-defined]
        JSON_NAME,
        "params",
    ),
    "float32": (
        _edit_tensors(lambda t: t.update(coef=t["coef"].astype(np.float32))),
        WEIGHTS_NAME,
        "float32",
    ),
    "extra tensor": (_edit_tensors(lambda t: t.update(extra=np.zeros(1))), WEIGHTS_NAME, "extra"),
    "nan": (_edit_tensors(lambda t: t["intercept"].fill(np.nan)), WEIGHTS_NAME, "non-finite"),
    "truncated": (_truncate, WEIGHTS_NAME, "cannot read"),
}


@pytest.mark.parametrize("case", sorted(TAMPERING))
def test_tampered_files_are_refused_by_name(
    case: str, domain_model: TfidfClassifier, tmp_path: Path
) -> None:
    tamper, file_name, problem = TAMPERING[case]
    domain_model.save(tmp_path)
    tamper(tmp_path)
    with pytest.raises(ValueError, match=problem) as caught:
        TfidfClassifier.load(tmp_path)
    assert isinstance(caught.value, ModelFileError)
    assert file_name in str(caught.value)


def test_bad_uses_are_refused(domain_model: TfidfClassifier, data: Data, tmp_path: Path) -> None:
    texts, domains, _ = data
    with pytest.raises(ValueError, match="2 texts but 1 targets"):
        TfidfClassifier(task="domain").fit(texts[:2], domains[:1])
    with pytest.raises(ValueError, match="one label"):
        TfidfClassifier(task="domain").fit(texts[:2], [("civil",), ("civil",)])
    with pytest.raises(ValueError, match="at least two classes"):
        TfidfClassifier(task="domain").fit(texts[:2], ["civil", "civil"])
    with pytest.raises(ValueError, match="unknown task"):
        TfidfClassifier(task="topic").fit(texts[:2], ["a", "b"])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not fitted"):
        TfidfClassifier(task="issues").predict_proba(texts[:1])
    domain_model.save(tmp_path)
    with pytest.raises(FileExistsError):
        domain_model.save(tmp_path)
