"""``assist train`` and ``assist evaluate``: labelled data in, a registered model and a report out.

    result = train_model(TrainSpec(name="issues", task="issues", backend="tfidf"),
                         [Path("labels.jsonl")], Path("models"), report_dir=Path("reports"))

The held-out set is drawn by document hash (``split.split_by_hash``), so the same document is on
the same side whatever file it comes from, and ``evaluate`` of another version later uses the same
split (its rule is stored in ``meta.json``). Per-issue thresholds for a target precision are chosen
on cross-validated predictions over the training part (never on the held-out set the report
measures), unless ``threshold_folds`` is 0 (then on the held-out set, and the report says so).
The new model is compared with the registry's active version on the same held-out documents.
Registration does not activate: promote with ``assist models promote`` after reading the report.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assist.errors import AssistError
from assist.learn.estimator import (
    MULTILABEL_TASKS,
    FloatArray,
    Target,
    Task,
    TextClassifier,
    check_task,
    label_matrix,
)
from assist.learn.labels import LabelRecord, Problem, doc_hash, read_labels, targets
from assist.learn.metrics import HEADLINE, Evaluation, evaluate
from assist.learn.registry import (
    DataInfo,
    backend_class,
    is_learned,
    load_learned,
    register_model,
)
from assist.learn.split import fold_of, split_by_hash
from assist.learn.thresholds import PRCurve, ThresholdChoice, pr_curves, select_thresholds

#: What each backend imports when it runs (the extras that install them: train, transformer).
NEEDS = {
    "tfidf": ("jieba", "safetensors", "sklearn"),
    "transformer": ("torch", "transformers", "safetensors"),
}


class TrainingError(AssistError):
    code = "training_failed"
    status = 422


@dataclass(frozen=True, slots=True)
class TrainSpec:
    """What to train: the registry name, the task, the backend and its parameters."""

    name: str
    task: Task
    backend: str = "tfidf"
    params: dict[str, Any] = field(default_factory=dict)
    test_percent: int = 20
    salt: str = ""
    min_level: str = "medium"
    target_precision: float = 0.8
    threshold_folds: int = 3
    skip_bad: bool = False


@dataclass(frozen=True, slots=True)
class Part:
    """One evaluated slice of the held-out set (all, real, generated, review)."""

    name: str
    evaluation: Evaluation
    old: Evaluation | None = None


@dataclass(frozen=True, slots=True)
class TrainResult:
    path: Path
    version: str
    parts: list[Part]
    thresholds: dict[str, ThresholdChoice]
    curves: dict[str, PRCurve]
    problems: list[Problem]
    n_train: int
    n_test: int
    compared_with: str | None
    seconds_fit: float
    notes: list[str]


def headline(ev: Evaluation) -> dict[str, Any]:
    return {"n": ev.n, **{key: getattr(ev, key) for key in HEADLINE}}


def make_estimator(backend: str, task: Task, params: dict[str, Any]) -> TextClassifier:
    missing = [m for m in NEEDS.get(backend, ()) if importlib.util.find_spec(m) is None]
    if missing:
        extra = "transformer" if backend == "transformer" else "train"
        raise TrainingError(
            f"the {backend} backend needs {', '.join(missing)}: pip install 'case-assist[{extra}]'"
        )
    cls: Any = backend_class(backend)  # backends take their task and parameters by keyword
    try:
        est: TextClassifier = cls(task=task, **params)
    except (TypeError, ValueError) as exc:  # an unknown or bad --param
        raise TrainingError(f"bad parameters for the {backend} backend: {exc}") from exc
    return est


def fit(
    est: TextClassifier, records: Sequence[LabelRecord], y: Sequence[Target], what: str
) -> TextClassifier:
    """``est.fit`` with a backend's refusal (too few classes, bad parameter) as a clear error."""
    try:
        return est.fit([r.text for r in records], y)
    except (ValueError, TypeError) as exc:
        raise TrainingError(
            f"cannot fit {what} ({est.backend}, {len(records)} documents): {exc}"
        ) from exc


def load_records(
    paths: Sequence[Path], *, skip_bad: bool
) -> tuple[list[LabelRecord], list[Problem]]:
    """Read and validate; refuse error-kind problems unless ``skip_bad`` (then they are left out)."""
    found = read_labels(list(paths))
    errors = [p for p in found.problems if p.is_error]
    if errors and not skip_bad:
        shown = "\n".join(str(p) for p in errors[:20])
        more = f"\n… and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise TrainingError(
            f"{len(errors)} bad label records (fix them, or pass --skip-bad to leave them out):\n"
            f"{shown}{more}"
        )
    if not found.records:
        raise TrainingError(f"no usable label record in {', '.join(map(str, paths))}")
    return found.records, found.problems


def data_info(records: Sequence[LabelRecord], y: Sequence[Target]) -> DataInfo:
    """sha256 over sorted (document hash, target): what the model was trained on."""
    lines = sorted(
        f"{doc_hash(r.text)}\t{json.dumps(t, ensure_ascii=False)}"
        for r, t in zip(records, y, strict=True)
    )
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    return DataInfo(sha256=digest, size=len(records), parts=dict(Counter(r.part for r in records)))


def truth(task: Task, y: Sequence[Target], classes: Sequence[str]) -> tuple[FloatArray, np.ndarray]:
    """The 0/1 matrix of ``y`` over ``classes`` and a mask of the rows it can score: a multiclass
    row whose label the model never saw is left out; unknown multi-label labels are ignored."""
    known = set(classes)
    if task in MULTILABEL_TASKS:
        kept = [tuple(x for x in t if x in known) for t in y]
        return label_matrix(kept, classes), np.ones(len(y), dtype=bool)
    mask = np.array([t in known for t in y], dtype=bool)
    rows = [t for t, m in zip(y, mask, strict=True) if m]
    return label_matrix(rows, classes), mask


def oof_proba(
    factory: Callable[[], TextClassifier],
    records: Sequence[LabelRecord],
    y: Sequence[Target],
    folds: int,
    classes: list[str],
) -> tuple[FloatArray, list[str]] | None:
    """Cross-validated probabilities over the training part (folds by document hash)."""
    if folds < 2:
        return None
    out = np.full((len(records), len(classes)), np.nan)
    fold = [fold_of(r, folds) for r in records]
    for k in range(folds):
        train = [i for i, f in enumerate(fold) if f != k]
        test = [i for i, f in enumerate(fold) if f == k]
        if not test or not train:
            continue
        est = fit(factory(), [records[i] for i in train], [y[i] for i in train], f"fold {k}")
        proba = est.predict_proba([records[i].text for i in test])
        for j, c in enumerate(est.classes_):
            if c in classes:
                out[test, classes.index(c)] = proba[:, j]
    return np.nan_to_num(out, nan=0.0), classes


def parts_of(records: Sequence[LabelRecord]) -> dict[str, np.ndarray]:
    """Row masks of the held-out set: everything, then each part present (real kept apart)."""
    names = [r.part for r in records]
    present = sorted(set(names), key=lambda p: (p != "real", p))
    if len(present) <= 1:  # one part: "all" would repeat it
        return {present[0] if present else "all": np.ones(len(records), dtype=bool)}
    out = {"all": np.ones(len(records), dtype=bool)}
    for part in present:
        out[part] = np.array([n == part for n in names], dtype=bool)
    return out


def score_parts(
    task: Task,
    model: TextClassifier,
    records: Sequence[LabelRecord],
    y: Sequence[Target],
    thresholds: dict[str, float] | None,
) -> dict[str, Evaluation]:
    """Evaluate ``model`` on each part of the held-out set (same rows for every model)."""
    proba = model.predict_proba([r.text for r in records]) if records else np.zeros((0, 0))
    matrix, mask = truth(task, y, model.classes_)
    proba = proba[mask] if len(proba) else np.zeros((0, len(model.classes_)))
    kept = [r for r, m in zip(records, mask, strict=True) if m]
    out = {}
    for part, rows in parts_of(kept).items():
        out[part] = evaluate(
            task, list(model.classes_), matrix[rows], proba[rows], thresholds=thresholds
        )
    return out


@dataclass(frozen=True, slots=True)
class Other:
    """A version to compare with: its estimator, version, thresholds and held-out rule (None
    when it was fitted on everything, as the NumPy router is)."""

    estimator: TextClassifier
    version: str
    thresholds: dict[str, float]
    split: dict[str, Any] | None

    def same_split(self, spec: TrainSpec) -> bool:
        rule = self.split or {}
        return (rule.get("test_percent"), rule.get("salt")) == (spec.test_percent, spec.salt)


def comparable(models_dir: Path, task: Task, version: str | None = None) -> Other | None:
    """``version`` (default: the active one) as something to compare with on ``task``: a learned
    version of that task, or the NumPy router (which answers both domain and subdomain); None
    when there is none of that task. A broken version raises."""
    if version is None and not (models_dir / "active").is_file():
        return None
    if not is_learned(models_dir, version):
        if task not in ("domain", "subdomain"):
            return None
        from assist.learn.routing import RouterAsClassifier
        from assist.route.registry import load_model

        router = load_model(models_dir, version)
        wrapped: Any = RouterAsClassifier(router.router, task)
        return Other(wrapped, router.meta.version, {}, None)
    loaded = load_learned(models_dir, version)
    if loaded.meta.task != task:
        return None
    rule = loaded.meta.metrics.get("split")
    return Other(
        loaded.estimator, loaded.meta.version, dict(loaded.meta.thresholds),
        rule if isinstance(rule, dict) else None,
    )  # fmt: skip


def active_same_task(models_dir: Path, task: Task) -> Other | None:
    """The active version to compare a new model with; none when it is broken (promote and
    load refuse such a version anyway, with the reason)."""
    try:
        return comparable(models_dir, task)
    except AssistError:
        return None


def choose_thresholds(
    spec: TrainSpec,
    records: Sequence[LabelRecord],
    y: Sequence[Target],
    held: tuple[Sequence[Target], TextClassifier, Sequence[LabelRecord]],
    notes: list[str],
) -> tuple[dict[str, ThresholdChoice], dict[str, PRCurve]]:
    """Per-issue thresholds for ``spec.target_precision`` (multi-label tasks only), and the
    precision/recall curves they were read from (for the report's charts)."""
    if spec.task not in MULTILABEL_TASKS:
        return {}, {}

    def factory() -> TextClassifier:
        return make_estimator(spec.backend, spec.task, spec.params)

    oof = oof_proba(factory, records, y, spec.threshold_folds, list(held[1].classes_))
    if oof is not None:
        proba, classes = oof
        matrix, _ = truth(spec.task, y, classes)
        notes.append(
            f"thresholds chosen on {spec.threshold_folds}-fold cross-validated predictions over "
            "the training part, then measured on the held-out set"
        )
    else:
        y_test, model, test = held
        classes = list(model.classes_)
        matrix, _ = truth(spec.task, y_test, classes)
        proba = model.predict_proba([r.text for r in test])
        notes.append("thresholds chosen ON THE HELD-OUT SET (threshold_folds=0): optimistic")
    chosen = select_thresholds(classes, matrix, proba, target_precision=spec.target_precision)
    return chosen, pr_curves(classes, matrix, proba)


def train_model(
    spec: TrainSpec,
    label_paths: Sequence[Path],
    models_root: Path,
    *,
    version: str | None = None,
    activate: bool = False,
) -> TrainResult:
    """Validate, split, fit, choose thresholds, evaluate against the active model, register."""
    import time

    task = check_task(spec.task)
    records, problems = load_records(label_paths, skip_bad=spec.skip_bad)
    train, test = split_by_hash(records, spec.test_percent, spec.salt)
    train, y_train = targets(train, task, spec.min_level)  # type: ignore[arg-type]
    test, y_test = targets(test, task, spec.min_level)  # type: ignore[arg-type]
    if not train:
        raise TrainingError(f"no training record carries a {task} label")
    models_dir = models_root / spec.name
    previous = active_same_task(models_dir, task)
    began = time.perf_counter()
    model = fit(make_estimator(spec.backend, task, spec.params), train, y_train, "the model")
    seconds = time.perf_counter() - began
    notes: list[str] = []
    chosen, curves = choose_thresholds(spec, train, y_train, (y_test, model, test), notes)
    cut = {k: c.threshold for k, c in chosen.items() if c.threshold is not None} or None
    new = score_parts(task, model, test, y_test, cut)
    old = {}
    if previous is not None:
        old = score_parts(task, previous.estimator, test, y_test, previous.thresholds or None)
        if not previous.same_split(spec):
            notes.append(
                f"version {previous.version} was not trained with this held-out rule (it may have "
                "seen these documents): its figures below can be in-sample, so better than it is"
            )
    parts = [Part(name, ev, old.get(name)) for name, ev in new.items()]
    metrics = {
        "split": {
            "test_percent": spec.test_percent,
            "salt": spec.salt,
            "min_level": spec.min_level,
        },
        "held_out": {p.name: headline(p.evaluation) for p in parts},
        "compared_with": previous.version if previous else None,
        "fit_seconds": round(seconds, 2),
        # how each threshold was chosen; the Analyzer uses only those that reached the target
        "thresholds": {
            k: {"target_precision": spec.target_precision, **asdict(c)} for k, c in chosen.items()
        },
    }
    path = register_model(
        model, models_dir, metrics=metrics, data=data_info(train, y_train),
        thresholds=cut or {}, version=version, activate=activate, notes="; ".join(notes),
    )  # fmt: skip
    return TrainResult(
        path=path, version=path.name, parts=parts, thresholds=chosen, curves=curves,
        problems=problems,
        n_train=len(train), n_test=len(test), compared_with=previous.version if previous else None,
        seconds_fit=seconds, notes=notes,
    )  # fmt: skip
