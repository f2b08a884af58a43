"""training/calibrate_detectors.py on a tiny label file of real loan sentences."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sklearn")

from assist.detect.config import load_config
from assist.detect.registry import build_detectors
from training import calibrate_detectors as cal
from training import detector_report as rep

# Real wordings (cail2021-lblj, cail2019-scm), amounts varied so that every text is distinct.
POSITIVE = (
    "原告诉称，原、被告系朋友关系，被告向原告借现金{n}元，约定月息3％。"
    "被告辩称，借条系原告伪造，本案属虚假诉讼。"
)
NEGATIVE = "原告诉称，被告向原告借款{n}元，有借条为证。被告经本院合法传唤，无正当理由拒不到庭。"


def _labels(path: Path, per_class: int = 9) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(per_class):
            for text, level in ((POSITIVE, "medium"), (NEGATIVE, "low")):
                row = {
                    "doc_id": f"t-{level}-{i}", "source": f"fixture:{level}:{i}",
                    "text": text.format(n=30000 + 1000 * i), "domain": "civil",
                    "subdomain": "judgment", "signals": [], "notes": "",
                    "issues": [{"type": "false_litigation", "level": level, "reason": "test"}],
                }  # fmt: skip
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def test_calibrate_runs_on_tiny_fixture(tmp_path: Path) -> None:
    labels = _labels(tmp_path / "labels.jsonl")
    out, report = tmp_path / "detectors.toml", tmp_path / "detectors.md"
    cal.main(["--labels", str(labels), "--out", str(out), "--report", str(report), "--synth", "1"])
    config = load_config(out)
    fl = config.detectors["detector.false_litigation.v1"]
    assert fl.calibration.method == "logistic_l2"
    assert (fl.calibration.n, fl.calibration.positives) == (18, 9)
    assert fl.calibration.brier is not None and fl.calibration.brier < 0.25
    assert fl.weights["defense_alleges_false"] > 0
    assert all(w >= 0 for w in fl.weights.values())
    for name in ("unenforced_property_penalty", "systemic_admin_problem", "criminal_transfer_gap"):
        det = config.detectors[f"detector.{name}.v1"]
        assert det.calibration.method == "prior"
        assert det.calibration.note.startswith("NOT calibrated")
        assert det.weights == cal.PRIORS[name].weights
    assert len(build_detectors(config)) == 5
    text = report.read_text(encoding="utf-8")
    assert "| false_litigation | logistic_l2 | 18 | 9 |" in text
    assert "NOT calibrated" in text and "Generated documents" in text


def test_calibrate_several_label_files_count_a_text_once(tmp_path: Path) -> None:
    labels = _labels(tmp_path / "labels.jsonl")
    out, report = tmp_path / "detectors.toml", tmp_path / "detectors.md"
    args = ["--labels", str(labels), str(labels), "--out", str(out), "--report", str(report)]
    cal.main([*args, "--synth", "0"])
    calibration = load_config(out).detectors["detector.false_litigation.v1"].calibration
    assert (calibration.n, calibration.positives) == (18, 9)
    assert calibration.data_file == f"{labels} + {labels}"
    assert "Generated documents" not in report.read_text(encoding="utf-8")


def test_calibrate_metrics() -> None:
    y = np.array([0, 0, 1, 1])
    p = np.array([0.05, 0.15, 0.85, 0.95])
    assert rep.brier(y, p) == pytest.approx(np.mean([0.05**2, 0.15**2, 0.15**2, 0.05**2]))
    assert rep.ece(y, p) == pytest.approx(0.1)
    assert [r[1] for r in rep.reliability(y, p)] == [1, 1, 1, 1]
    prec, rec = rep.precision_recall(p >= 0.4, y, all_positives=4)
    assert (prec, rec) == (1.0, 0.5)


def test_calibrate_fit_never_negative() -> None:
    rng = np.random.default_rng(0)
    x = rng.integers(0, 2, size=(80, 3)).astype(float)
    y = ((x[:, 0] - x[:, 1] + rng.normal(0, 0.3, 80)) > 0.2).astype(int)  # feature 1 hurts
    coef, _ = cal.fit_nonneg(x, y, 1.0)
    assert coef[1] == 0.0 and coef[0] > 0 and (coef >= 0).all()


def test_calibrate_priors_are_valid_detectors() -> None:
    for issue_type, prior in cal.PRIORS.items():
        detector = cal._detector(issue_type, prior.intercept, prior.weights)
        assert detector.codes
