"""One estimator interface for every backend (scikit-learn style, texts in, probabilities out).

Tasks (TAXONOMY §1, §2, §4):

- ``domain``     multiclass: one of the four domains per document;
- ``subdomain``  multiclass: ``"domain/subdomain"`` (``"domain"`` alone when unlabelled);
- ``issues``     multi-label: one column per issue type, 1 when the labeller's level is at least
                 ``medium`` (TAXONOMY: a document that warrants a procurator's look).

``predict_proba`` returns an ``n × len(classes_)`` float64 array: rows sum to 1 for multiclass
tasks; columns are independent probabilities for ``issues``. ``save`` writes only plain files
(JSON, text, safetensors) into an existing empty folder and returns their names; ``load`` reads
them back without unpickling anything. ``fit`` is deterministic for a fixed ``seed``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, Protocol, Self, get_args

import numpy as np
from numpy.typing import NDArray

Task = Literal["domain", "subdomain", "issues"]
TASKS: tuple[str, ...] = get_args(Task)
MULTILABEL_TASKS = frozenset({"issues"})
FloatArray = NDArray[np.float64]
#: What ``fit`` takes as targets: one label per text (multiclass) or a tuple of labels
#: (multi-label; empty when no issue applies).
Target = str | tuple[str, ...]


class TextClassifier(Protocol):
    """What every backend implements (``tfidf``, ``transformer``)."""

    backend: str
    task: Task
    classes_: list[str]

    def fit(self, texts: Sequence[str], y: Sequence[Target]) -> Self: ...

    def predict_proba(self, texts: Sequence[str]) -> FloatArray: ...

    def get_params(self) -> dict[str, Any]: ...

    def save(self, folder: Path) -> list[str]: ...

    @classmethod
    def load(cls, folder: Path) -> Self: ...


def check_task(task: str) -> Task:
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; use one of {', '.join(TASKS)}")
    return task  # type: ignore[return-value]


def label_matrix(y: Sequence[Target], classes: Sequence[str]) -> NDArray[np.float64]:
    """Multi-label targets as an ``n × len(classes)`` 0/1 matrix (unknown labels rejected)."""
    index = {c: j for j, c in enumerate(classes)}
    out = np.zeros((len(y), len(classes)), dtype=np.float64)
    for i, labels in enumerate(y):
        for label in (labels,) if isinstance(labels, str) else labels:
            if label not in index:
                raise ValueError(f"label {label!r} of row {i} is not one of {list(classes)}")
            out[i, index[label]] = 1.0
    return out


def multilabel_classes(y: Sequence[Target], known: Sequence[str] = ()) -> list[str]:
    """The sorted label set of multi-label targets plus ``known`` (types with no positive)."""
    seen = set(known)
    for labels in y:
        seen.update((labels,) if isinstance(labels, str) else labels)
    return sorted(seen)
