"""Fit the per-document detectors on hand-labelled REAL texts → detectors.toml + a report.

    python -m training.calibrate_detectors --labels corpora/labels/real_signals.jsonl \\
        [corpora/labels/real_signals_extra.jsonl …] \\
        --out assist/data/detectors.toml --report reports/detectors.md

Per issue type, y = "the labeller rated this issue type medium or high". The features are computed
from the signals that ``assist.signals.find_signals`` PREDICTS on each text (as at run time), never
from the labelled spans. A detector only speaks when one of its codes fired, so the fit and the
calibration figures are over those texts; positives where no code fired count as misses in recall.

Fit: L2-regularised logistic regression (scikit-learn), C chosen by inner cross-validated log-loss.
Figures: stratified group k-fold (SCM excerpts of one triplet stay together), predictions out of
fold. An issue type with fewer than MIN_POSITIVES positive (or negative) texts is not fitted: its
weights are the documented priors of PRIORS, method = "prior", flagged as not calibrated. A feature
that fires in fewer than MIN_SUPPORT texts keeps its prior weight (listed in prior_features).
A separate section checks generated documents whose construction fixes the answer.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.model_selection import (  # type: ignore[import-untyped]
    StratifiedGroupKFold,
    StratifiedKFold,
)

from assist.analysis import Signal
from assist.detect.base import LogisticDetector, compute_features
from assist.detect.config import (
    MIN_POSITIVES,
    SCHEMA_VERSION,
    DetectorsConfig,
    dump_config,
    parse_config,
)
from assist.document import Document
from assist.pipeline import parse_text
from assist.signals import find_signals
from assist.text.normalize import make_text
from training.detector_report import brier, ece, render_report, synth_check

NONNEG = True  # weights constrained to >= 0 (see fit_nonneg)
MIN_SUPPORT = 3  # a feature must fire in this many texts to be fitted
CS = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
FOLDS = 5
SEED = 0


# Derived features whose worth the report shows by refitting without them.
ABLATIONS = {"false_litigation": ("no_defense:large", "cash_delivery:large")}


@dataclass(frozen=True)
class Prior:
    """Weights from legal reasoning: the log-odds a procurator's rating would move by."""

    title_zh: str
    advice_zh: str
    intercept: float
    weights: dict[str, float]
    why: str


# Calibrated against TAXONOMY §2 and the labelling guide: one weak signal stays low (score < 0.4);
# the combinations the guide rates medium reach 0.4–0.7; what it rates high passes 0.7.
PRIORS: dict[str, Prior] = {
    "false_litigation": Prior(
        "虚假诉讼风险",
        "建议调阅卷宗核实案件事实与资金往来",
        -3.0,
        {
            "default_judgment": 1.0,
            "service_by_publication": 1.2,
            "no_defense": 0.6,
            "no_defense:large": 0.6,
            "mediation": 1.0,
            "withdrawal": 0.6,
            "cash_delivery": 1.2,
            "cash_delivery:large": 0.8,
            "iou_only": 1.4,
            "high_interest": 0.8,
            "related_parties": 1.0,
            "fast_resolution": 1.0,
            "defense_alleges_false": 2.6,
            "third_party_objection": 1.2,
        },
        "民事诉讼法第一百一十五条、两高虚假诉讼解释: a silent or absent defendant, service by notice, "
        "cash handed over on an IOU alone, related parties and a quick consent decree add up; an "
        "explicit allegation of fabrication alone reaches medium.",
    ),
    "unenforced_property_penalty": Prior(
        "财产刑执行风险",
        "建议核查财产性判项的执行立案与履行情况",
        -2.2,
        {
            "fine_imposed": 0.6,
            "confiscation_imposed": 1.2,
            "recovery_ordered": 0.8,
            "commutation_unpaid": 4.0,
        },
        "刑法第五十三条, 财产刑规定: a fine alone (score 0.17) is a low lead to check against the "
        "execution archive; confiscation or recovery weigh more; a 减刑/假释 ruling with unpaid "
        "财产性判项 (《办理减刑、假释案件审查财产性判项执行问题的规定》) is high (0.86) by itself.",
    ),
    "systemic_admin_problem": Prior(
        "行政执法不规范问题",
        "建议与同一机关的同类案件比对，研判是否属于普遍性问题",
        -2.5,
        {
            "agency_lost": 1.5,
            "procedure_violation": 1.2,
            "insufficient_evidence": 1.0,
            "wrong_law": 1.1,
            "ultra_vires": 1.3,
            "inaction": 1.2,
            "premature_enforcement": 1.3,
            "clearly_improper": 1.0,
        },
        "行政诉讼法第七十条、检察建议工作规定第十一条: the agency losing alone is low (0.27); losing "
        "for a defect the court states is medium (≈0.5); the cross-case stage judges recurrence.",
    ),
    "public_interest_lead": Prior(
        "公益受损线索",
        "建议核查受损公益是否已得到修复或赔偿",
        -2.0,
        {
            "ecological_damage": 1.0,
            "no_restoration_order": 2.0,
            "food_drug_harm": 1.8,
            "personal_info_breach": 1.8,
            "heritage_damage": 1.8,
            "minor_victim": 0.8,
        },
        "行政诉讼法第二十五条、民事诉讼法第五十八条: ecological damage without a restoration order is "
        "high (0.73); food/drug, personal data and heritage harm are medium; an individual crime "
        "against a minor is low unless a systemic element appears.",
    ),
    "criminal_transfer_gap": Prior(
        "以罚代刑风险",
        "建议核查是否应当移送公安机关追究刑事责任",
        -1.0,
        {"sales_over_threshold": 3.0, "fake_drug_sold": 3.0, "toxic_food_added": 3.0},
        "行政执法机关移送涉嫌犯罪案件的规定 第三条, 刑法第一百四十、一百四十一、一百四十四条: the signal "
        "already requires facts meeting a crime's threshold and no transfer, so one is high (0.88).",
    ),
}


@dataclass
class Example:
    doc_id: str
    group: str
    doc: Document
    signals: tuple[Signal, ...]
    positive: frozenset[str]  # issue types rated medium or high
    text_sha: str = ""


def load_examples(path: Path) -> list[Example]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        t = make_text(row["text"])
        doc = parse_text(t)
        good = {i["type"] for i in row["issues"] if i["level"] in ("medium", "high")}
        sha = hashlib.sha256(row["text"].encode("utf-8")).hexdigest()
        out.append(Example(row["doc_id"], _group(row["source"]), doc, find_signals(t, doc),
                           frozenset(good), sha))  # fmt: skip
    return out


def _unique(examples: Sequence[Example]) -> list[Example]:
    seen: set[str] = set()
    out = []
    for e in examples:
        if e.doc_id not in seen and e.text_sha not in seen:
            seen.update((e.doc_id, e.text_sha))
            out.append(e)
    return out


def _group(source: str) -> str:
    """SCM excerpts of one triplet are near-duplicates in topic: one group ('cail2019-scm:12')."""
    return source.rsplit(":", 1)[0] if source.startswith("cail2019-scm:") else source


# -- fitting ----------------------------------------------------------------------------------


@dataclass
class TypeResult:
    issue_type: str
    prior: Prior
    method: str
    intercept: float
    weights: dict[str, float]
    n: int = 0
    positives: int = 0
    all_positives: int = 0  # including texts where no code fired
    c: float | None = None
    folds: int | None = None
    prior_features: list[str] = field(default_factory=list)
    zeroed: list[str] = field(default_factory=list)  # fitted weight was negative: set to 0
    y: np.ndarray = field(default_factory=lambda: np.zeros(0))
    scores: np.ndarray = field(default_factory=lambda: np.zeros(0))  # out of fold when fitted
    prior_scores: np.ndarray = field(default_factory=lambda: np.zeros(0))
    note: str = ""


def _logit(c: float) -> Any:
    return LogisticRegression(C=c, solver="newton-cholesky", max_iter=500)


def fit_nonneg(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    """L2 logistic fit with every weight >= 0: a TAXONOMY signal only ever adds risk, so a
    negative fitted weight (a correlation of this sample) is set to 0 and the rest refitted."""
    keep = np.ones(x.shape[1], dtype=bool)
    if y.min() == y.max():  # a training fold with one class: its rate, no weights
        keep[:] = False
    while True:
        coef = np.zeros(x.shape[1])
        if not keep.any():
            rate = float(np.clip(y.mean(), 1e-3, 1 - 1e-3))
            return coef, float(np.log(rate / (1 - rate)))
        model = _logit(c).fit(x[:, keep], y)
        coef[keep] = model.coef_[0]
        if (coef >= 0).all() or not NONNEG:
            return coef, float(model.intercept_[0])
        keep &= coef > 0


def choose_c(x: np.ndarray, y: np.ndarray) -> float:
    """The C with the lowest inner cross-validated log-loss."""
    k = int(min(3, y.sum(), len(y) - y.sum()))
    if k < 2:
        return 1.0
    losses = []
    for c in CS:
        p = np.zeros(len(y))
        for tr, te in StratifiedKFold(k, shuffle=True, random_state=SEED).split(x, y):
            coef, b = fit_nonneg(x[tr], y[tr], c)
            p[te] = _sigmoid(x[te] @ coef + b)
        p = np.clip(p, 1e-6, 1 - 1e-6)
        losses.append(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
    return CS[int(np.argmin(losses))]


def fit_type(
    issue_type: str, examples: Sequence[Example], drop: frozenset[str] = frozenset()
) -> TypeResult:
    """Fit one issue type (``drop``: features left out, for the ablation in the report)."""
    prior = PRIORS[issue_type]
    prior = Prior(prior.title_zh, prior.advice_zh, prior.intercept,
                  {f: w for f, w in prior.weights.items() if f not in drop}, prior.why)  # fmt: skip
    names = list(prior.weights)
    codes = {f.partition(":")[0] for f in names}
    pool = [e for e in examples if any(s.code in codes for s in e.signals)]
    y = np.array([issue_type in e.positive for e in pool], dtype=int)
    rows = [compute_features(e.doc, e.signals, names) for e in pool]
    x_all = np.array([[r[f] for f in names] for r in rows]).reshape(len(pool), len(names))
    prior_det = _detector(issue_type, prior.intercept, prior.weights)
    result = TypeResult(
        issue_type, prior, "prior", prior.intercept, dict(prior.weights), n=len(pool),
        positives=int(y.sum()), all_positives=sum(issue_type in e.positive for e in examples),
        y=y, prior_scores=np.array([prior_det.score(r) for r in rows]),
    )  # fmt: skip
    result.scores = result.prior_scores
    if min(result.positives, result.n - result.positives) < MIN_POSITIVES:
        result.note = (
            f"NOT calibrated: {result.positives} positive and {result.n - result.positives} "
            f"negative labelled texts where a code fired (< {MIN_POSITIVES}); weights are the "
            "documented prior (reports/detectors.md)"
        )
        return result
    support = (x_all != 0).sum(axis=0)
    fit_cols = [i for i, s in enumerate(support) if s >= MIN_SUPPORT]
    x, groups = x_all[:, fit_cols], [e.group for e in pool]
    offset = x_all @ np.array([0.0 if i in fit_cols else prior.weights[f]
                               for i, f in enumerate(names)])  # fmt: skip
    k = int(min(FOLDS, result.positives, result.n - result.positives))
    oof = np.zeros(len(y))
    splitter = StratifiedGroupKFold(k, shuffle=True, random_state=SEED)
    for tr, te in splitter.split(x, y, groups):
        coef, b = fit_nonneg(x[tr], y[tr], choose_c(x[tr], y[tr]))
        oof[te] = _sigmoid(x[te] @ coef + b + offset[te])
    c = choose_c(x, y)
    coef, b = fit_nonneg(x, y, c)
    weights = dict(prior.weights)
    for j, i in enumerate(fit_cols):
        weights[names[i]] = round(float(coef[j]), 4)
    result.method, result.c, result.folds, result.scores = "logistic_l2", c, k, oof
    result.intercept = round(b, 4)
    result.weights = weights
    result.zeroed = [names[fit_cols[j]] for j in np.flatnonzero(coef == 0.0)]
    result.prior_features = [names[i] for i in range(len(names)) if i not in fit_cols]
    notes = []
    if result.prior_features:
        notes.append(f"firing in < {MIN_SUPPORT} labelled texts, prior weight kept: "
                     + ", ".join(result.prior_features))  # fmt: skip
    if result.zeroed:
        notes.append("fitted weight < 0, set to 0 (signals only add risk): "
                     + ", ".join(result.zeroed))  # fmt: skip
    result.note = "; ".join(notes)
    return result


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-z)))


def _detector(issue_type: str, intercept: float, weights: dict[str, float]) -> LogisticDetector:
    p = PRIORS[issue_type]
    return LogisticDetector(f"detector.{issue_type}.v1", issue_type, intercept, weights,
                            p.title_zh, p.advice_zh)  # fmt: skip


# -- output -----------------------------------------------------------------------------------


def build_config(results: Sequence[TypeResult], labels: str, digest: str) -> DetectorsConfig:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    detectors: dict[str, Any] = {}
    for r in results:
        p = PRIORS[r.issue_type]
        fitted = r.method == "logistic_l2"
        calibration: dict[str, Any] = {
            "method": r.method, "data_file": labels, "data_sha256": digest, "n": r.n,
            "positives": r.positives, "fitted_at": now, "prior_features": r.prior_features,
            "note": r.note,
        }  # fmt: skip
        if r.n:
            calibration.update(brier=round(brier(r.y, r.scores), 4),
                               ece=round(ece(r.y, r.scores), 4))  # fmt: skip
        if fitted:
            calibration.update(c=r.c, cv_folds=r.folds)
        detectors[f"detector.{r.issue_type}.v1"] = {
            "enabled": True, "title_zh": p.title_zh, "advice_zh": p.advice_zh,
            "intercept": r.intercept, "weights": r.weights,
            "thresholds": {"high": 0.7, "medium": 0.4}, "calibration": calibration,
        }  # fmt: skip
    return parse_config(
        {"schema_version": SCHEMA_VERSION, "detectors": detectors}, "calibration output"
    )


def calibrate(
    labels: Sequence[Path], out: Path, report: Path, synth_per_case: int = 30
) -> DetectorsConfig:
    """Fit on every label file (a text seen twice counts once), write the TOML and the report."""
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in labels)).hexdigest()
    examples = _unique([e for path in labels for e in load_examples(path)])
    names = " + ".join(str(p) for p in labels)
    results = [fit_type(issue_type, examples) for issue_type in PRIORS]
    ablations = [
        (feature, fit_type(issue_type, examples, frozenset({feature})))
        for issue_type, features in ABLATIONS.items()
        for feature in features
        if next(r for r in results if r.issue_type == issue_type).method == "logistic_l2"
    ]
    config = build_config(results, names, digest)
    synth = synth_check(config, synth_per_case) if synth_per_case else []
    header = (
        "Per-document detector weights (assist/detect). GENERATED by\n"
        f"  python -m training.calibrate_detectors --labels {' '.join(map(str, labels))} --out {out} "
        f"--report {report}\n"
        'Do not hand-tune fitted weights; method = "prior" detectors are NOT calibrated (too few\n'
        "positive labels): their weights are PRIORS in training/calibrate_detectors.py. Figures: "
        f"{report}."
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dump_config(config, header), encoding="utf-8")
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(
        render_report(results, names, digest, FOLDS, synth, ablations), encoding="utf-8"
    )
    return config


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument(
        "--labels", type=Path, nargs="+", required=True, help="labelled real texts (JSON Lines)"
    )
    ap.add_argument("--out", type=Path, required=True, help="detectors.toml to write")
    ap.add_argument("--report", type=Path, required=True, help="Markdown report to write")
    ap.add_argument("--synth", type=int, default=30, help="generated docs per check case (0: none)")
    args = ap.parse_args(argv)
    config = calibrate(args.labels, args.out, args.report, args.synth)
    for name, det in config.detectors.items():
        cal = det.calibration
        print(f"{name}: {cal.method}, n={cal.n}, positives={cal.positives}, brier={cal.brier}")


if __name__ == "__main__":
    main()
