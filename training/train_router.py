"""Train, evaluate and register the domain router → models/router/<version>/ + reports/router.md.

    python -m training.train_router --out models/router [--report reports/router.md]

Data: ``training.route_data`` (gold real / silver real / generated / template parts). Every text
goes through the run-time path (make_text → parse_text → find_signals → detect_issues →
route_input), so the structural features are the ones the Analyzer will compute.

Evaluation: grouped K-fold over the whole pool (fold = hash of the real text a document is or
wraps): every document is predicted once by a model that saw neither it nor any document built
on the same real excerpt. Figures are reported per part; only the gold part is "real
held-out". The registered model is then fitted on everything.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp  # type: ignore[import-untyped]

from assist.detect import build_detectors, detect_issues
from assist.pipeline import parse_text
from assist.route import Router
from assist.route.features import RouteInput, route_input
from assist.route.model import DOMAINS, DomainRouter, Hashed, split_label
from assist.route.registry import DataInfo, load_model, register
from assist.signals import find_signals
from assist.text.normalize import make_text
from training.route_data import Example, build_pool, data_fingerprint, fold_of
from training.route_report import Scores, render, score

PART_WEIGHTS = {"gold": 1.0, "silver": 0.5, "generated": 0.5, "template": 0.5}
FOLDS = 5
PARAMS: dict[str, Any] = {}  # DomainRouter defaults; listed in meta.json
ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, slots=True)
class Oof:
    """Out-of-fold predictions for the whole pool."""

    proba: np.ndarray  # n × len(DOMAINS), columns in DOMAINS order
    domain: list[str]
    pair: list[str]  # "domain/subdomain" (or "domain" when the domain has no sub-domains)


def featurize(pool: Sequence[Example]) -> list[RouteInput]:
    detectors = build_detectors()
    out = []
    for e in pool:
        t = make_text(e.text)
        doc = parse_text(t)
        signals = find_signals(t, doc)
        out.append(route_input(t, doc, signals, detect_issues(doc, signals, detectors)))
    return out


def weights_of(pool: Sequence[Example]) -> np.ndarray:
    return np.array([PART_WEIGHTS[e.part] for e in pool])


def predict(router: DomainRouter, h: Hashed) -> tuple[np.ndarray, list[str], list[str]]:
    raw = router.predict_proba_hashed(h)
    proba = np.zeros((raw.shape[0], len(DOMAINS)))
    for j, c in enumerate(router.classes_):
        proba[:, DOMAINS.index(str(c))] = raw[:, j]
    domains = [DOMAINS[i] for i in proba.argmax(axis=1)]
    subs = router.subdomain_proba_hashed(h, domains)
    pairs = [f"{d}/{max(s, key=s.__getitem__)}" if s else d for d, s in zip(domains, subs, strict=True)]  # fmt: skip
    return proba, domains, pairs


def cross_validate(
    pool: Sequence[Example], h: Hashed, params: dict[str, Any], train_mask: np.ndarray | None = None
) -> Oof:
    """Out-of-fold predictions; ``train_mask`` limits which documents may be trained on."""
    n = len(pool)
    folds = np.array([fold_of(e.group, FOLDS) for e in pool])
    labels = np.array([e.label for e in pool])
    weights = weights_of(pool)
    allowed = np.ones(n, bool) if train_mask is None else train_mask
    proba = np.zeros((n, len(DOMAINS)))
    domains, pairs = [""] * n, [""] * n
    for k in range(FOLDS):
        train = np.flatnonzero((folds != k) & allowed)
        test = np.flatnonzero(folds == k)
        router = DomainRouter(**params).fit_hashed(h.rows(train), labels[train], weights[train])
        p, d, s = predict(router, h.rows(test))
        proba[test] = p
        for i, j in enumerate(test):
            domains[j], pairs[j] = d[i], s[i]
    return Oof(proba, domains, pairs)


def part_scores(pool: Sequence[Example], oof: Oof, part: str) -> Scores:
    idx = [i for i, e in enumerate(pool) if e.part == part]
    return score(
        [pool[i].label for i in idx],
        [oof.domain[i] for i in idx],
        [oof.pair[i] for i in idx],
        oof.proba[idx],
        [pool[i].source for i in idx],
    )


def ablations(pool: Sequence[Example], inputs: Sequence[RouteInput], h: Hashed) -> dict[str, Scores]:  # fmt: skip
    """Gold (real) figures of variants, to show what each ingredient contributes. The issue
    tokens come from detectors calibrated on these same gold labels: "no issue tokens" shows
    that small leak's worth."""
    parts = np.array([e.part for e in pool])
    zero_text = Hashed(sp.csr_matrix(h.text.shape, dtype=np.float32), h.struct)
    no_issues = [RouteInput(x.text, tuple(t for t in x.tokens if not t.startswith("issue:"))) for x in inputs]  # fmt: skip
    variants: dict[str, tuple[Hashed, dict[str, Any], np.ndarray | None]] = {
        "no issue tokens (detector output)": (
            Hashed(h.text, DomainRouter(**PARAMS).hash_inputs(no_issues).struct),
            {},
            None,
        ),
        "text only (no structural tokens)": (h, {"struct_weight": 0.0}, None),
        "structural tokens only (no text)": (zero_text, {"min_df": 10**9}, None),
        "gold only (no silver, generated, template)": (h, {}, parts == "gold"),
        "no template documents": (h, {}, parts != "template"),
        "no generated documents": (h, {}, parts != "generated"),
    }
    out = {}
    for name, (hashed, extra, mask) in variants.items():
        oof = cross_validate(pool, hashed, {**PARAMS, **extra}, mask)
        out[name] = part_scores(pool, oof, "gold")
    return out


def latency(router: Router, inputs: Sequence[RouteInput]) -> dict[str, float]:
    """Routing cost per document (features hashed in the call), one document per call; run on
    the exported ``RouterRuntime``, what the Analyzer loads."""
    router.route(inputs[:5])  # warm-up
    times = []
    for x in inputs:
        began = time.perf_counter()
        router.route([x])
        times.append((time.perf_counter() - began) * 1000)
    began = time.perf_counter()
    router.route(list(inputs))
    batch = (time.perf_counter() - began) * 1000 / len(inputs)
    times.sort()
    return {"median_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
            "batch_ms_per_doc": round(batch, 2)}  # fmt: skip


def load_seconds(models_dir: Path) -> dict[str, float]:
    """Load time of the registered model: in this process (libraries imported) and in a fresh
    interpreter (imports included; NumPy only, no scikit-learn)."""
    began = time.perf_counter()
    load_model(models_dir)
    warm = time.perf_counter() - began
    code = (
        "import time; t=time.perf_counter(); from pathlib import Path; "
        "from assist.route import load_model; i=time.perf_counter(); "
        f"load_model(Path({str(models_dir)!r})); e=time.perf_counter(); print(i-t, e-i)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imports, cold = (float(v) for v in out.stdout.split())
    return {"load_s": round(warm, 3), "fresh_import_s": round(imports, 3),
            "fresh_load_s": round(cold, 3)}  # fmt: skip


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.iterdir() if p.is_file())


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "models/router", help="models/<name>")
    ap.add_argument("--report", type=Path, default=ROOT / "reports/router.md")
    ap.add_argument("--corpora", type=Path, default=ROOT / "corpora")
    ap.add_argument("--version", default=None, help="default: the next free integer")
    ap.add_argument("--per-kind", type=int, default=120, help="generated documents per kind")
    ap.add_argument("--templates", type=int, default=60, help="template documents per kind")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-ablations", action="store_true")
    args = ap.parse_args(argv)

    began = time.perf_counter()
    pool = build_pool(
        args.corpora, per_kind=args.per_kind, templates=args.templates, seed=args.seed
    )
    inputs = featurize(pool)
    feat_s = time.perf_counter() - began
    h = DomainRouter(**PARAMS).hash_inputs(inputs)
    oof = cross_validate(pool, h, PARAMS)
    parts = {part: part_scores(pool, oof, part) for part in ("gold", "silver", "generated", "template")}  # fmt: skip
    full_gold = [i for i, e in enumerate(pool) if e.part == "gold" and e.full]
    parts["gold, whole documents"] = score(
        [pool[i].label for i in full_gold], [oof.domain[i] for i in full_gold],
        [oof.pair[i] for i in full_gold], oof.proba[full_gold], [pool[i].id for i in full_gold],
    )  # fmt: skip
    extra = {} if args.no_ablations else ablations(pool, inputs, h)

    labels = [e.label for e in pool]
    router = DomainRouter(**PARAMS).fit_hashed(h, labels, weights_of(pool))
    counts = {part: sum(e.part == part for e in pool) for part in PART_WEIGHTS}
    metrics = {"evaluation": f"grouped {FOLDS}-fold, out of fold",
               **{name: s.summary() for name, s in parts.items()}}  # fmt: skip
    data = DataInfo(sha256=data_fingerprint(pool), size=len(pool), parts=counts)
    folder = register(router, args.out, version=args.version, metrics=metrics, data=data)
    sample = [inputs[i] for i in range(0, len(inputs), max(1, len(inputs) // 300))]
    perf = {**latency(router.to_runtime(), sample), **load_seconds(args.out),
            "model_bytes": folder_bytes(folder), "featurize_s_per_doc": round(feat_s / len(pool), 4)}  # fmt: skip
    report = render(parts, extra, perf, counts, folder, pool_summary(pool), PART_WEIGHTS, FOLDS)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(report, encoding="utf-8")
    print(f"registered {folder} ({perf['model_bytes'] / 1e6:.2f} MB); report {args.report}")
    for name, s in parts.items():
        print(f"  {name}: {s.summary()}")


def pool_summary(pool: Sequence[Example]) -> dict[str, dict[str, int]]:
    """part → label → count."""
    out: dict[str, dict[str, int]] = {}
    for e in pool:
        d, sub = split_label(e.label)
        key = f"{d}/{sub}" if sub else f"{d} (domain only)"
        out.setdefault(e.part, {}).setdefault(key, 0)
        out[e.part][key] += 1
    return out


if __name__ == "__main__":
    main()
