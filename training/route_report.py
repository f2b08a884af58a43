"""Figures and the markdown report of ``training.train_router``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import f1_score  # type: ignore[import-untyped]

from assist.route.model import DOMAINS, split_label

ECE_BINS = 10


@dataclass(frozen=True)
class Scores:
    n: int
    domain_true: list[str]
    domain_pred: list[str]
    pair_true: list[str]  # only the documents whose label has a sub-domain
    pair_pred: list[str]
    top_proba: np.ndarray
    true_proba: np.ndarray  # P(true domain)
    sources: list[str]

    def domain_accuracy(self) -> float:
        return _acc(self.domain_true, self.domain_pred)

    def domain_f1(self) -> float:
        return _macro_f1(self.domain_true, self.domain_pred)

    def pair_accuracy(self) -> float:
        return _acc(self.pair_true, self.pair_pred)

    def pair_f1(self) -> float:
        return _macro_f1(self.pair_true, self.pair_pred)

    def ece(self) -> float:
        """Expected calibration error of the top domain probability."""
        hit = np.array([t == p for t, p in zip(self.domain_true, self.domain_pred, strict=True)])
        bins = np.minimum((self.top_proba * ECE_BINS).astype(int), ECE_BINS - 1)
        total = 0.0
        for b in range(ECE_BINS):
            m = bins == b
            if m.any():
                total += m.sum() / len(hit) * abs(hit[m].mean() - self.top_proba[m].mean())
        return float(total)

    def log_loss(self) -> float:
        return float(-np.mean(np.log(np.clip(self.true_proba, 1e-12, 1.0))))

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {"n": self.n}
        if self.n:
            out |= {"domain_accuracy": round(self.domain_accuracy(), 4),
                    "domain_macro_f1": round(self.domain_f1(), 4),
                    "domain_ece": round(self.ece(), 4), "domain_log_loss": round(self.log_loss(), 4)}  # fmt: skip
        if self.pair_true:
            out |= {"n_subdomain": len(self.pair_true),
                    "subdomain_accuracy": round(self.pair_accuracy(), 4),
                    "subdomain_macro_f1": round(self.pair_f1(), 4)}  # fmt: skip
        return out


def _acc(y: Sequence[str], p: Sequence[str]) -> float:
    return sum(a == b for a, b in zip(y, p, strict=True)) / len(y) if y else float("nan")


def _macro_f1(y: Sequence[str], p: Sequence[str]) -> float:
    """Macro-F1 over the classes present in the truth (a class never true adds no row)."""
    if not y:
        return float("nan")
    return float(f1_score(y, p, labels=sorted(set(y)), average="macro", zero_division=0))


def score(
    labels: Sequence[str],
    domains: Sequence[str],
    pairs: Sequence[str],
    proba: np.ndarray,
    sources: Sequence[str],
) -> Scores:
    truth = [split_label(label) for label in labels]
    with_sub = [i for i, (_, s) in enumerate(truth) if s]
    col = [DOMAINS.index(d) for d, _ in truth]
    return Scores(
        n=len(labels),
        domain_true=[d for d, _ in truth],
        domain_pred=list(domains),
        pair_true=[labels[i] for i in with_sub],
        pair_pred=[pairs[i] for i in with_sub],
        top_proba=proba.max(axis=1) if len(labels) else np.zeros(0),
        true_proba=proba[np.arange(len(labels)), col] if len(labels) else np.zeros(0),
        sources=list(sources),
    )


def confusion(true: Sequence[str], pred: Sequence[str]) -> list[str]:
    rows = sorted(set(true))
    cols = sorted(set(true) | set(pred))
    c = Counter(zip(true, pred, strict=True))
    short = [x.replace("public_interest", "PI").replace("administrative", "admin") for x in cols]
    lines = ["| true \\ predicted | " + " | ".join(short) + " |", "|---" * (len(cols) + 1) + "|"]
    for r in rows:
        cells = [str(c[(r, k)]) if c[(r, k)] else "·" for k in cols]
        lines.append(f"| {r} | " + " | ".join(cells) + " |")
    return lines


def by_source(s: Scores) -> list[str]:
    lines = ["| source | n | domain accuracy |", "|---|---|---|"]
    for src in sorted(set(s.sources)):
        idx = [i for i, x in enumerate(s.sources) if x == src]
        acc = _acc([s.domain_true[i] for i in idx], [s.domain_pred[i] for i in idx])
        lines.append(f"| {src} | {len(idx)} | {acc:.1%} |")
    return lines


def _pct(x: float) -> str:
    return "–" if x != x else f"{x:.1%}"


def headline(name: str, s: Scores) -> str:
    sub = (f"{_pct(s.pair_accuracy())} | {_pct(s.pair_f1())} | {len(s.pair_true)}"
           if s.pair_true else "– | – | 0")  # fmt: skip
    return (f"| {name} | {s.n} | {_pct(s.domain_accuracy())} | {_pct(s.domain_f1())} | "
            f"{s.ece():.3f} | {sub} |")  # fmt: skip


HEAD = ("| set | n | domain acc | domain macro-F1 | ECE | sub-domain acc | sub-domain macro-F1 | n (with sub-domain) |",
        "|---|---|---|---|---|---|---|---|")  # fmt: skip


def render(
    parts: Mapping[str, Scores],
    ablations: Mapping[str, Scores],
    perf: Mapping[str, Any],
    counts: Mapping[str, int],
    folder: Path,
    pool: Mapping[str, Mapping[str, int]],
    weights: Mapping[str, float],
    folds: int,
) -> str:
    gold = parts["gold"]
    out = [
        "# Domain router — evaluation",
        "",
        "Generated by `python -m training.train_router`. Registered model: "
        f"`{folder.parent.name}/{folder.name}` ({perf['model_bytes'] / 1e6:.2f} MB).",
        "",
        f"Protocol: grouped {folds}-fold cross-validation over the whole pool; the fold of a "
        "document is the hash of the real text it is or wraps (generated documents embed real SCM "
        "excerpts and CAIL2018 facts), so no real excerpt is on both sides of a split. Every "
        "figure below is out of fold. **Only `gold` is real held-out text labelled by hand**; "
        "`silver` labels come from corpus metadata, `generated` and `template` labels from "
        "how the document was written. The registered model is fitted on the whole pool.",
        "",
        "## Headline",
        "",
        *HEAD,
        *(headline(name, s) for name, s in parts.items()),
        "",
        "Sub-domain figures count a document right when domain and sub-domain are both right.",
        "",
        "## Real held-out (gold): domain confusion",
        "",
        *confusion(gold.domain_true, gold.domain_pred),
        "",
        "## Real held-out (gold): domain/sub-domain confusion",
        "",
        *confusion(gold.pair_true, gold.pair_pred),
        "",
        "## Real held-out (gold) by source",
        "",
        *by_source(gold),
    ]
    for name in ("generated", "template"):
        s = parts[name]
        out += ["", f"## {name.capitalize()} held-out: domain/sub-domain confusion", ""]
        out += confusion(s.pair_true, s.pair_pred)
        out += ["", f"## {name.capitalize()} held-out by kind", "", *by_source(s)]
    if ablations:
        out += ["", "## Ablations (gold, out of fold)", "", *HEAD]
        out += [headline("full model", gold), *(headline(k, v) for k, v in ablations.items())]
    out += [
        "",
        "## Training pool",
        "",
        "| part | weight | label | documents |",
        "|---|---|---|---|",
    ]
    for part, labels in pool.items():
        for label, n in sorted(labels.items()):
            out.append(f"| {part} | {weights[part]} | {label} | {n} |")
    out += ["", f"Total: {sum(counts.values())} documents ({counts}).", ""]
    out += ["## Speed and size", "", "| measure | value |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in perf.items()]
    out += ["", "`*_ms`: routing one document with the exported NumPy runtime (hash + both heads); "
            "`featurize_s_per_doc`: parse + signals + detectors + features, the Analyzer's own "
            "work; `load_s`: `load_model` with the libraries imported; `fresh_import_s`: importing `assist.route` in a new interpreter (NumPy only: no scikit-learn, skops or torch); `fresh_load_s`: then `load_model` there (router.npz + router.json, hash-checked) — a once-per-process cost.", ""]  # fmt: skip
    return "\n".join(out)
