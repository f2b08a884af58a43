"""Per-label decision thresholds for multi-label tasks: precision/recall curves and the choice
of the lowest threshold that reaches a target precision (NumPy only).

Inputs are as in :mod:`assist.learn.metrics`: ``y_true`` an n × k 0/1 matrix, ``proba`` n × k
scores in [0, 1].
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from assist.learn.estimator import FloatArray
from assist.learn.metrics import _check_arrays


class PRCurve(NamedTuple):
    """Precision and recall of ``p >= t`` at every distinct score ``t`` (ascending)."""

    thresholds: FloatArray
    precision: FloatArray
    recall: FloatArray  # all zeros when there is no positive


@dataclass(frozen=True)
class ThresholdChoice:
    threshold: float | None
    precision: float | None
    recall: float | None
    positives: int
    reached: bool
    note: str


def pr_curve(y: ArrayLike, p: ArrayLike) -> PRCurve:
    """Precision/recall against threshold for one label (truth 0/1, scores in [0, 1])."""
    truth = np.asarray(y, dtype=np.float64).ravel()
    score = np.asarray(p, dtype=np.float64).ravel()
    if truth.shape != score.shape:
        raise ValueError(f"y has {truth.size} values but p has {score.size}")
    if not score.size:
        return PRCurve(np.zeros(0), np.zeros(0), np.zeros(0))
    order = np.argsort(-score, kind="stable")
    ranked, tp = score[order], np.cumsum(truth[order])
    last = np.r_[np.flatnonzero(np.diff(ranked) != 0), ranked.size - 1]  # end of each tie run
    positives = truth.sum()
    precision = tp[last] / (last + 1)
    recall = tp[last] / positives if positives else np.zeros(last.size)
    return PRCurve(ranked[last][::-1].copy(), precision[::-1].copy(), recall[::-1].copy())


def pr_curves(classes: Sequence[str], y_true: ArrayLike, proba: ArrayLike) -> dict[str, PRCurve]:
    """:func:`pr_curve` for every label of a multi-label matrix (for the report's charts)."""
    y, p = _check_arrays(classes, y_true, proba, one_per_row=False)
    return {c: pr_curve(y[:, j], p[:, j]) for j, c in enumerate(classes)}


def select_thresholds(
    classes: Sequence[str],
    y_true: ArrayLike,
    proba: ArrayLike,
    *,
    target_precision: float = 0.8,
    min_positives: int = 5,
) -> dict[str, ThresholdChoice]:
    """Per label, the lowest score whose precision reaches the target (so the highest recall
    there); else the threshold of the best precision, said so in ``note``; with fewer than
    ``min_positives`` positives, no threshold at all."""
    if not 0 < target_precision <= 1:
        raise ValueError(f"target_precision must be in (0, 1], got {target_precision}")
    y, p = _check_arrays(classes, y_true, proba, one_per_row=False)
    return {
        c: _choose(pr_curve(y[:, j], p[:, j]), int(y[:, j].sum()), target_precision, min_positives)
        for j, c in enumerate(classes)
    }


def _choose(curve: PRCurve, positives: int, target: float, min_positives: int) -> ThresholdChoice:
    if positives < max(min_positives, 1):
        return ThresholdChoice(
            None, None, None, positives, False, f"too few positives ({positives})"
        )
    ok = np.flatnonzero(curve.precision >= target - 1e-12)
    reached = ok.size > 0
    # the lowest threshold at the target, or the lowest at the best precision (ties → recall)
    i = int(ok[0]) if reached else int(np.flatnonzero(curve.precision == curve.precision.max())[0])
    prec, rec = float(curve.precision[i]), float(curve.recall[i])
    note = (
        f"precision ≥ {target:.2f} reached"
        if reached
        else f"target precision {target:.2f} not reached; best {prec:.2f}"
    )
    return ThresholdChoice(float(curve.thresholds[i]), prec, rec, positives, reached, note)


def thresholds_of(choices: Mapping[str, ThresholdChoice]) -> dict[str, float | None]:
    """The chosen thresholds as :func:`~assist.learn.metrics.evaluate` takes them (None → the 0.5 default)."""
    return {label: choice.threshold for label, choice in choices.items()}
