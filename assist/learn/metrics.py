"""Evaluation metrics over plain arrays (NumPy only), whatever backend produced the probabilities.

Inputs: ``classes`` (k names), ``y_true`` as :func:`~assist.learn.estimator.label_matrix` gives it
(n × k, 0/1; exactly one 1 per row for multiclass tasks) and ``proba`` (n × k in [0, 1]).

Undefined figures are ``None`` — never NaN, never a silent 0:

- precision is ``None`` when a label was never predicted (0/0), recall when it has no support;
- F1 = 2TP / (2TP + FP + FN) is ``None`` only when a label is neither true nor predicted
  anywhere (nothing to score); it is 0 when the label was true or predicted but never both;
- macro F1 averages the labels whose F1 is defined (scikit-learn's default label set for
  multiclass); micro F1, accuracy, log loss, Brier and ECE are ``None`` when there is nothing
  to average (n = 0). Counts are plain ints and 0 on empty input.

Multiclass predictions are the argmax; multi-label ones are ``proba >= threshold`` per label.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from assist.learn.estimator import MULTILABEL_TASKS, FloatArray, Task, check_task

Z95 = 1.959963984540054  # two-sided 95 % normal quantile, for Wilson intervals
EPS = 1e-15  # log-loss clipping, as scikit-learn does
DEFAULT_THRESHOLD = 0.5
HEADLINE = ("accuracy", "macro_f1", "micro_f1", "ece", "log_loss", "brier")
LOWER_IS_BETTER = frozenset({"ece", "log_loss", "brier", "hamming_loss"})


@dataclass(frozen=True)
class LabelStats:
    """One label, one-vs-rest: counts, P/R/F1 and 95 % Wilson intervals of P and R."""

    label: str
    support: int  # documents truly carrying the label
    predicted: int
    tp: int
    fp: int
    fn: int
    tn: int
    precision: float | None
    recall: float | None
    f1: float | None
    precision_ci: tuple[float, float] | None
    recall_ci: tuple[float, float] | None
    threshold: float | None = None  # multi-label decision threshold; None for argmax

    @property
    def counts(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """The 2 × 2 confusion counts ``[[TN, FP], [FN, TP]]`` (scikit-learn's layout)."""
        return ((self.tn, self.fp), (self.fn, self.tp))


@dataclass(frozen=True)
class CalibrationBin:
    """Reliability bin ``[lower, upper)`` (the last one includes 1.0)."""

    lower: float
    upper: float
    count: int
    confidence: float | None  # mean predicted probability; None for an empty bin
    accuracy: float | None  # fraction correct (multiclass) or positive (multi-label)


@dataclass(frozen=True)
class Evaluation:
    """Every figure of one model on one held-out set; ``accuracy`` is subset accuracy for
    multi-label tasks, where ``hamming_loss`` is also set and ``confusion`` is None (see the
    per-label counts instead)."""

    task: Task
    classes: tuple[str, ...]
    n: int
    labels: tuple[LabelStats, ...]
    accuracy: float | None
    hamming_loss: float | None
    macro_f1: float | None
    micro_f1: float | None
    log_loss: float | None
    brier: float | None
    ece: float | None
    bins: tuple[CalibrationBin, ...]
    confusion: tuple[tuple[int, ...], ...] | None  # k × k, rows = truth, columns = prediction

    @property
    def multilabel(self) -> bool:
        return self.task in MULTILABEL_TASKS

    def label(self, name: str) -> LabelStats:
        for stats in self.labels:
            if stats.label == name:
                return stats
        raise KeyError(f"no label {name!r} in this evaluation; labels are {list(self.classes)}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Evaluation:
        try:
            confusion = data["confusion"]
            return cls(
                task=check_task(data["task"]),
                classes=tuple(str(c) for c in data["classes"]),
                n=int(data["n"]),
                labels=tuple(_label_from_dict(d) for d in data["labels"]),
                bins=tuple(CalibrationBin(**b) for b in data["bins"]),
                confusion=None if confusion is None else tuple(tuple(r) for r in confusion),
                **{key: data[key] for key in (*HEADLINE, "hamming_loss")},
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not an evaluation record ({type(exc).__name__}: {exc})") from exc


def _label_from_dict(data: Mapping[str, Any]) -> LabelStats:
    pairs = {k: None if data[k] is None else tuple(data[k]) for k in ("precision_ci", "recall_ci")}
    return LabelStats(**{**data, **pairs})


# --- evaluation --------------------------------------------------------------------------


def evaluate(
    task: str,
    classes: Sequence[str],
    y_true: ArrayLike,
    proba: ArrayLike,
    *,
    thresholds: Mapping[str, float | None] | None = None,
    bins: int = 10,
) -> Evaluation:
    """Evaluate ``proba`` against ``y_true``; ``thresholds`` (multi-label only) maps labels to
    their decision threshold, a missing or ``None`` entry meaning 0.5."""
    checked = check_task(task)
    multilabel = checked in MULTILABEL_TASKS
    y, p = _check_arrays(classes, y_true, proba, one_per_row=not multilabel)
    if bins < 1:
        raise ValueError(f"bins must be at least 1, got {bins}")
    if not multilabel and thresholds:
        raise ValueError(f"thresholds apply to multi-label tasks only, not {checked!r}")
    cut = _threshold_vector(classes, thresholds) if multilabel else np.full(len(classes), np.nan)
    s = _score_multilabel(y, p, cut) if multilabel else _score_multiclass(y, p)
    labels = _label_stats(classes, y, s.pred, cut)
    calibration, ece = reliability(s.conf, s.hit, bins)
    return Evaluation(
        task=checked,
        classes=tuple(classes),
        n=y.shape[0],
        labels=labels,
        accuracy=s.accuracy,
        hamming_loss=s.hamming,
        macro_f1=_mean_defined([x.f1 for x in labels]),
        micro_f1=_f1(*(sum(getattr(x, a) for x in labels) for a in ("tp", "fp", "fn"))),
        log_loss=s.log_loss,
        brier=s.brier,
        ece=ece,
        bins=calibration,
        confusion=s.confusion,
    )


class _Scored(NamedTuple):
    pred: FloatArray  # n × k 0/1 predictions
    conf: FloatArray  # the probabilities the reliability bins look at ...
    hit: FloatArray  # ... and whether each came true
    accuracy: float | None
    hamming: float | None
    confusion: tuple[tuple[int, ...], ...] | None
    log_loss: float | None
    brier: float | None


def _score_multilabel(y: FloatArray, p: FloatArray, cut: FloatArray) -> _Scored:
    pred = (p >= cut).astype(np.float64)
    log_loss = _mean(-(y * np.log(np.clip(p, EPS, 1)) + (1 - y) * np.log(np.clip(1 - p, EPS, 1))))
    accuracy = _mean(np.all(pred == y, axis=1))  # subset accuracy
    brier = _mean((p - y) ** 2)
    return _Scored(pred, p.ravel(), y.ravel(), accuracy, _mean(pred != y), None, log_loss, brier)


def _score_multiclass(y: FloatArray, p: FloatArray) -> _Scored:
    n, k = y.shape
    top = p.argmax(axis=1) if n else np.zeros(0, dtype=np.intp)  # argmax of (0, 0) raises
    truth = y.argmax(axis=1) if n else np.zeros(0, dtype=np.intp)
    hit = (top == truth).astype(np.float64)
    matrix = np.zeros((k, k), dtype=np.int64)
    np.add.at(matrix, (truth, top), 1)
    confusion = tuple(tuple(int(v) for v in row) for row in matrix)
    log_loss = _mean(-np.log(np.clip(p[np.arange(n), truth], EPS, 1)))
    brier = _mean(np.sum((p - y) ** 2, axis=1))  # the multiclass Brier score lies in [0, 2]
    conf = p.max(axis=1) if n else np.zeros(0)
    return _Scored(np.eye(k)[top], conf, hit, _mean(hit), None, confusion, log_loss, brier)


def _label_stats(
    classes: Sequence[str], y: FloatArray, pred: FloatArray, cut: FloatArray
) -> tuple[LabelStats, ...]:
    n = y.shape[0]
    tp = (pred * y).sum(axis=0).astype(int)
    fp = (pred * (1 - y)).sum(axis=0).astype(int)
    fn = ((1 - pred) * y).sum(axis=0).astype(int)
    cuts = [None if math.isnan(c) else float(c) for c in cut]
    return tuple(
        _one_label(label, int(tp[j]), int(fp[j]), int(fn[j]), n, cuts[j])
        for j, label in enumerate(classes)
    )


def _one_label(label: str, tp: int, fp: int, fn: int, n: int, cut: float | None) -> LabelStats:
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    pci, rci = wilson(tp, tp + fp), wilson(tp, tp + fn)
    f1 = _f1(tp, fp, fn)
    return LabelStats(
        label, tp + fn, tp + fp, tp, fp, fn, n - tp - fp - fn, precision, recall, f1, pci, rci, cut
    )


def reliability(
    confidence: ArrayLike, correct: ArrayLike, bins: int = 10
) -> tuple[tuple[CalibrationBin, ...], float | None]:
    """Equal-width reliability bins over [0, 1] and the expected calibration error
    (count-weighted mean |accuracy − confidence|; ``None`` when there is no prediction)."""
    conf = np.clip(np.asarray(confidence, dtype=np.float64).ravel(), 0.0, 1.0)
    hit = np.asarray(correct, dtype=np.float64).ravel()
    index = np.minimum((conf * bins).astype(np.intp), bins - 1)
    counts = np.bincount(index, minlength=bins)
    conf_sum = np.bincount(index, weights=conf, minlength=bins)
    hit_sum = np.bincount(index, weights=hit, minlength=bins)
    out = tuple(
        CalibrationBin(
            b / bins, (b + 1) / bins, int(c), _ratio(conf_sum[b], c), _ratio(hit_sum[b], c)
        )
        for b, c in enumerate(counts)
    )
    ece = float(np.abs(hit_sum - conf_sum).sum() / conf.size) if conf.size else None
    return out, ece


def wilson(successes: int, total: int, z: float = Z95) -> tuple[float, float] | None:
    """Wilson score interval of a proportion (honest at small counts; None when total = 0)."""
    if total <= 0:
        return None
    phat = successes / total
    denom = 1 + z * z / total
    centre = (phat + z * z / (2 * total)) / denom
    half = z * math.sqrt(phat * (1 - phat) / total + z * z / (4 * total * total)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def _check_arrays(
    classes: Sequence[str], y_true: ArrayLike, proba: ArrayLike, *, one_per_row: bool
) -> tuple[FloatArray, FloatArray]:
    k = len(classes)
    if len(set(classes)) != k:
        raise ValueError(f"class names repeat: {list(classes)}")
    y = _as_matrix(y_true, k, "y_true")
    p = _as_matrix(proba, k, "proba")
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but proba has {p.shape}")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("y_true must be a 0/1 label matrix (see estimator.label_matrix)")
    if one_per_row and not np.all(y.sum(axis=1) == 1):
        row = int(np.flatnonzero(y.sum(axis=1) != 1)[0])
        raise ValueError(f"multiclass y_true needs exactly one 1 per row; row {row} has not")
    if not np.all((p >= 0) & (p <= 1)):  # NaN fails both comparisons
        raise ValueError("proba must hold finite probabilities in [0, 1]")
    if one_per_row and not np.allclose(p.sum(axis=1), 1.0, atol=1e-4):
        raise ValueError("multiclass proba rows must sum to 1 (the estimator contract)")
    return y, p


def _as_matrix(values: ArrayLike, k: int, name: str) -> FloatArray:
    a = np.asarray(values, dtype=np.float64)
    if a.size == 0 and a.ndim < 2:
        a = a.reshape(0, k)  # an empty list means no documents
    if a.ndim != 2 or a.shape[1] != k:
        raise ValueError(f"{name} must be n × {k} (one column per class), got shape {a.shape}")
    return a


def _threshold_vector(
    classes: Sequence[str], thresholds: Mapping[str, float | None] | None
) -> FloatArray:
    given = dict(thresholds or {})
    unknown = sorted(set(given) - set(classes))
    if unknown:
        raise ValueError(f"thresholds for unknown labels {unknown}; labels are {list(classes)}")
    cut = [DEFAULT_THRESHOLD if given.get(c) is None else given[c] for c in classes]
    out = np.asarray(cut, dtype=np.float64).reshape(len(classes))
    if not np.all(np.isfinite(out)):
        raise ValueError(f"thresholds must be finite numbers: {given}")
    return out


def _mean(values: NDArray[Any]) -> float | None:
    return float(np.mean(values)) if values.size else None


def _ratio(num: float, den: float) -> float | None:
    return float(num / den) if den else None


def _f1(tp: int, fp: int, fn: int) -> float | None:
    return _ratio(2 * tp, 2 * tp + fp + fn)


def _mean_defined(values: Sequence[float | None]) -> float | None:
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None
