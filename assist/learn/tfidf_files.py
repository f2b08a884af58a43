"""The files of a saved ``tfidf`` model, read back and checked before anything is built.

``tfidf.json`` must hold exactly the expected entries (format, backend, task, params, classes,
calibration, vocabularies) and ``tfidf.safetensors`` exactly the expected float64 tensors,
finite and shaped as the JSON says; anything else is a ``ModelFileError`` naming the file.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np

from assist.learn.estimator import MULTILABEL_TASKS, FloatArray, check_task
from assist.learn.features import BLOCKS
from assist.route.registry import ModelError

JSON_NAME = "tfidf.json"
WEIGHTS_NAME = "tfidf.safetensors"
FORMAT = 1
TENSORS = (*(f"idf.{b}" for b in BLOCKS), "coef", "intercept")


class ModelFileError(ModelError, ValueError):
    """A saved tfidf model whose files are missing, unreadable or disagree with each other."""


def read_model_files(folder: Path) -> tuple[dict[str, Any], dict[str, FloatArray]]:
    """The JSON and the tensors of the model saved in ``folder``, checked to agree."""
    meta = _read_json(folder / JSON_NAME)
    tensors = _read_tensors(folder / WEIGHTS_NAME)
    _check_tensors(meta, tensors, folder / WEIGHTS_NAME)
    return meta, tensors


def _read_json(path: Path) -> dict[str, Any]:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelFileError(f"cannot read as JSON: {exc}", source=str(path)) from exc
    try:
        _check_meta(meta)
    except KeyError as exc:
        raise ModelFileError(f"missing entry {exc}", source=str(path)) from exc
    except (AttributeError, TypeError, ValueError) as exc:
        raise ModelFileError(str(exc), source=str(path)) from exc
    return meta  # type: ignore[no-any-return]


def _check_meta(meta: Any) -> None:
    """Raises KeyError/TypeError/ValueError naming the first problem found."""
    from assist.learn.tfidf import TfidfClassifier  # here: that module imports this one

    keys = {"format", "backend", "task", "params", "classes", "calibration", "vocabulary"}
    if not isinstance(meta, dict) or set(meta) != keys:
        raise ValueError(f"expected an object with keys {sorted(keys)}")
    if meta["format"] != FORMAT or meta["backend"] != TfidfClassifier.backend:
        raise ValueError(f"not a tfidf model of format {FORMAT}")
    task = check_task(meta["task"])
    params = meta["params"]
    if not isinstance(params, dict) or set(params) != set(TfidfClassifier(task=task).get_params()):
        raise ValueError("params do not match TfidfClassifier's")
    if params["task"] != task:
        raise ValueError(f"params task {params['task']!r} differs from task {task!r}")
    if not _finite(*(params[f"{b}_weight"] for b in BLOCKS)):
        raise ValueError("params: block weights must be finite numbers")
    _check_terms("classes", meta["classes"])
    vocabulary = meta["vocabulary"]
    if not isinstance(vocabulary, dict) or set(vocabulary) != set(BLOCKS):
        raise ValueError(f"vocabulary must have the blocks {list(BLOCKS)}")
    for block in BLOCKS:
        _check_terms(f"vocabulary.{block}", vocabulary[block])
    _check_calibration(meta["calibration"], meta["classes"], task in MULTILABEL_TASKS)


def _check_terms(what: str, terms: Any) -> None:
    if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
        raise TypeError(f"{what} must be a list of strings")
    if len(set(terms)) != len(terms):
        raise ValueError(f"{what} repeats an entry")


def _check_calibration(cal: Any, classes: list[str], multilabel: bool) -> None:
    if not multilabel:
        t = cal["temperature"]
        if cal["method"] != "temperature" or not _finite(t) or t <= 0:
            raise ValueError("calibration must be a positive finite temperature")
        return
    platt = np.asarray(cal["platt"], dtype=np.float64)
    if cal["method"] != "platt" or platt.shape != (len(classes), 2) or not _finite(*platt.flat):
        raise ValueError(f"calibration.platt must be {len(classes)} finite (a, b) pairs")
    for label, rate in cal["constant"].items():
        if label not in classes or not _finite(rate) or not 0 < rate < 1:
            raise ValueError(f"calibration.constant: bad entry {label!r}: {rate!r}")


def _finite(*values: Any) -> bool:
    return all(isinstance(v, int | float) and math.isfinite(v) for v in values)


def _read_tensors(path: Path) -> dict[str, FloatArray]:
    from safetensors import SafetensorError
    from safetensors.numpy import load_file

    try:
        return load_file(str(path))
    except (OSError, SafetensorError) as exc:
        raise ModelFileError(f"cannot read: {exc}", source=str(path)) from exc


def _check_tensors(meta: dict[str, Any], tensors: dict[str, FloatArray], path: Path) -> None:
    """The tensors are the expected ones, float64, finite, shaped as the JSON says."""
    if set(tensors) != set(TENSORS):
        raise ModelFileError(
            f"tensors {sorted(tensors)}, expected {sorted(TENSORS)}", source=str(path)
        )
    widths = {b: len(meta["vocabulary"][b]) for b in BLOCKS}
    k = len(meta["classes"])
    shapes: dict[str, tuple[int, ...]] = {f"idf.{b}": (w,) for b, w in widths.items()}
    shapes.update(coef=(k, sum(widths.values())), intercept=(k,))
    for name, shape in shapes.items():
        array = tensors[name]
        if array.dtype != np.float64 or array.shape != shape:
            problem = f"{name} is {array.dtype} {array.shape}, expected float64 {shape}"
            raise ModelFileError(f"{problem} (as {JSON_NAME} says)", source=str(path))
        if not np.isfinite(array).all():
            raise ModelFileError(f"{name} has non-finite values", source=str(path))
