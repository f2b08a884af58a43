"""``assist evaluate``: a registered version measured on labelled data, beside another version.

The held-out rows are drawn with the split rule the version was trained with (``meta.json`` →
``metrics.split``), so a version is never scored on its own training documents; ``--split all``
scores every record (for data no version has seen, e.g. a new month of reviews).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from assist.errors import AssistError
from assist.learn.labels import LabelRecord, Problem, targets
from assist.learn.registry import LoadedLearned, load_learned
from assist.learn.split import split_by_hash
from assist.learn.train import (
    Part,
    TrainingError,
    comparable,
    load_records,
    score_parts,
)

Split = Literal["test", "all"]


@dataclass(frozen=True, slots=True)
class EvalResult:
    name: str
    version: str
    against: str | None
    parts: list[Part]
    n: int
    problems: list[Problem]
    split: dict[str, Any]


def held_out(
    records: Sequence[LabelRecord], loaded: LoadedLearned, split: Split
) -> list[LabelRecord]:
    rule = loaded.meta.metrics.get("split") or {}
    if split == "all":
        return list(records)
    if "test_percent" not in rule:
        raise TrainingError(
            f"{loaded.path}/meta.json records no split rule; evaluate with --split all"
        )
    return split_by_hash(records, int(rule["test_percent"]), str(rule.get("salt", "")))[1]


def evaluate_model(
    models_root: Path,
    name: str,
    label_paths: Sequence[Path],
    *,
    version: str | None = None,
    against: str | None = None,
    split: Split = "test",
    skip_bad: bool = False,
) -> EvalResult:
    """Score ``name``/``version`` (default: active) and ``against`` (default: the active version
    when another one is scored) on the same rows."""
    models_dir = models_root / name
    loaded = load_learned(models_dir, version)
    task = loaded.meta.task
    other = None
    if against is not None:
        other = comparable(models_dir, task, against)
        if other is None:
            raise TrainingError(f"{name}/{against} is not a {task} model: it cannot be compared")
    elif version is not None:  # the active version, unless it is the one scored or broken
        try:
            found = comparable(models_dir, task)
        except AssistError:
            found = None
        other = found if found is not None and found.version != loaded.meta.version else None
    records, problems = load_records(label_paths, skip_bad=skip_bad)
    rows = held_out(records, loaded, split)
    rule = loaded.meta.metrics.get("split") or {}
    min_level = str(rule.get("min_level", "medium"))
    rows, y = targets(rows, loaded.meta.task, min_level)  # type: ignore[arg-type]
    if not rows:
        raise TrainingError(f"no {split} record carries a {loaded.meta.task} label")
    cut = dict(loaded.meta.thresholds) or None
    new = score_parts(loaded.meta.task, loaded.estimator, rows, y, cut)
    old = {}
    if other is not None:
        old = score_parts(task, other.estimator, rows, y, other.thresholds or None)
    return EvalResult(
        name=name, version=loaded.meta.version, against=other.version if other else None,
        parts=[Part(p, ev, old.get(p)) for p, ev in new.items()], n=len(rows), problems=problems,
        split={"rule": split, **rule},
    )  # fmt: skip
