"""A new evaluation against an old one on the same task: headline figures and per-label F1."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from assist.learn.estimator import Task
from assist.learn.metrics import HEADLINE, LOWER_IS_BETTER, Evaluation


@dataclass(frozen=True)
class Delta:
    name: str
    new: float | None
    old: float | None
    delta: float | None  # new − old; None when either side is undefined


@dataclass(frozen=True)
class Comparison:
    """A new evaluation against an old one on the same task: headline and per-label F1."""

    task: Task
    n_new: int
    n_old: int
    headline: tuple[Delta, ...]
    labels: tuple[Delta, ...]  # per-label F1, over the union of both label sets

    def delta(self, metric: str) -> Delta:
        for d in self.headline:
            if d.name == metric:
                return d
        raise ValueError(f"unknown metric {metric!r}; use one of {[d.name for d in self.headline]}")

    def better(self, metric: str = "macro_f1") -> bool:
        """Strictly better on ``metric`` (lower is better for ECE, log loss, Brier, Hamming);
        False when either side is undefined."""
        d = self.delta(metric).delta
        if d is None:
            return False
        return d < 0 if metric in LOWER_IS_BETTER else d > 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def compare(new: Evaluation, old: Evaluation) -> Comparison:
    if new.task != old.task:
        raise ValueError(f"cannot compare a {new.task!r} evaluation with a {old.task!r} one")
    names = HEADLINE + (("hamming_loss",) if new.multilabel else ())
    headline = tuple(_delta(m, getattr(new, m), getattr(old, m)) for m in names)
    f1_new = {s.label: s.f1 for s in new.labels}
    f1_old = {s.label: s.f1 for s in old.labels}
    union = list(new.classes) + [c for c in old.classes if c not in f1_new]
    labels = tuple(_delta(c, f1_new.get(c), f1_old.get(c)) for c in union)
    return Comparison(new.task, new.n, old.n, headline, labels)


def _delta(name: str, new: float | None, old: float | None) -> Delta:
    return Delta(name, new, old, None if new is None or old is None else new - old)
