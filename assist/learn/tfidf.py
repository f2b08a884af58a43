"""The ``tfidf`` backend: TF-IDF blocks and logistic regression, calibrated, shipped as plain files.

Features (``learn.features``): character 1–3-grams, jieba words and structural tokens, each a
TF-IDF block (sublinear tf, smooth idf, L2 per block) scaled by its weight.

Classifier: one multinomial logistic regression for ``domain``/``subdomain``; one binary
logistic regression per label for ``issues`` (a label with no positive or no negative in the
training data gets a constant probability, its clipped training rate).

Calibration on out-of-fold decision scores (stratified folds, shuffled with ``seed``), then a
refit on all the data: one temperature for the multiclass softmax, Platt's (a, b) per label.

Files: ``tfidf.json`` (params, classes, calibration, vocabularies in column order) and
``tfidf.safetensors`` (idf vectors, coefficients, intercepts; float64). Prediction uses only
those arrays, at fit time as after ``load``, so the two agree bit for bit.
"""

from __future__ import annotations

import inspect
import json
import math
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Self

import numpy as np
from numpy.typing import NDArray

from assist.learn.estimator import (
    MULTILABEL_TASKS,
    FloatArray,
    Target,
    Task,
    check_task,
    label_matrix,
    multilabel_classes,
)
from assist.learn.features import BLOCKS, Tokens, select_vocabulary, smooth_idf, tfidf_block, tokens
from assist.learn.tfidf_files import FORMAT, JSON_NAME, WEIGHTS_NAME, read_model_files

MAX_ITER = 2000
RATE_CLIP = (0.001, 0.999)
IntArray = NDArray[np.int64]


class TfidfClassifier:
    """See the module docstring; scikit-learn conventions (learned state ends in ``_``)."""

    backend = "tfidf"

    def __init__(
        self,
        *,
        task: Task,
        char_max_features: int = 50000,
        word_max_features: int = 30000,
        min_df: int = 2,
        char_weight: float = 1.0,
        word_weight: float = 1.0,
        struct_weight: float = 0.5,
        C: float = 4.0,
        class_weight: str | None = "balanced",
        calibration_folds: int = 5,
        seed: int = 0,
        labels: Sequence[str] = (),
    ) -> None:
        """``labels``: ``issues`` columns to keep even without a positive (e.g. every type of
        TAXONOMY §2). ``calibration_folds`` < 2 turns calibration off (T = 1, a = 1, b = 0)."""
        self.task = task
        self.char_max_features = char_max_features
        self.word_max_features = word_max_features
        self.min_df = min_df
        self.char_weight = char_weight
        self.word_weight = word_weight
        self.struct_weight = struct_weight
        self.C = C
        self.class_weight = class_weight
        self.calibration_folds = calibration_folds
        self.seed = seed
        self.labels = tuple(labels)

    def get_params(self) -> dict[str, Any]:
        """The keyword arguments of ``__init__`` (scikit-learn's convention), JSON-ready."""
        names = list(inspect.signature(type(self).__init__).parameters)[1:]
        return {name: getattr(self, name) for name in names} | {"labels": list(self.labels)}

    # -- fitting -------------------------------------------------------------------------------

    def fit(self, texts: Sequence[str], y: Sequence[Target]) -> Self:
        task = check_task(self.task)
        if len(texts) != len(y):
            raise ValueError(f"{len(texts)} texts but {len(y)} targets")
        if not texts:
            raise ValueError("cannot fit on no texts")
        from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

        toks = [tokens(t) for t in texts]
        self._fit_vocabulary(toks)
        x = self._matrix(toks)
        # One BLAS thread: lbfgs on these small dense products runs ~3× faster than with
        # threads fighting over the cores, and the result no longer depends on the core count.
        with threadpool_limits(limits=1, user_api="blas"):
            if task in MULTILABEL_TASKS:
                self._fit_multilabel(x, y)
            else:
                self._fit_multiclass(x, y)
        return self

    def _fit_vocabulary(self, toks: Sequence[Tokens]) -> None:
        limits = {"char": self.char_max_features, "word": self.word_max_features}
        self.vocabularies_: dict[str, list[str]] = {}
        self.idf_: dict[str, FloatArray] = {}
        for i, block in enumerate(BLOCKS):
            docs = [t[i] for t in toks]
            min_df = self.min_df if block in limits else 1  # structure: every token
            self.vocabularies_[block] = select_vocabulary(docs, limits.get(block), min_df)
            self.idf_[block] = smooth_idf(docs, self.vocabularies_[block])

    def _fit_multiclass(self, x: Any, y: Sequence[Target]) -> None:
        labels = [_single(target, i) for i, target in enumerate(y)]
        self.classes_ = sorted(set(labels))
        if len(self.classes_) < 2:
            raise ValueError(f"task {self.task} needs at least two classes, got {self.classes_}")
        index = {c: j for j, c in enumerate(self.classes_)}
        yi = np.array([index[c] for c in labels], dtype=np.int64)
        temperature, folds = self._temperature(x, yi)
        self.coef_, self.intercept_ = _multinomial(self._logreg().fit(x, yi), len(self.classes_))
        self.calibration_: dict[str, Any] = dict(
            method="temperature", temperature=temperature, folds=folds
        )

    def _temperature(self, x: Any, yi: IntArray) -> tuple[float, int]:
        """T fitted on out-of-fold scores; a class too rare to split sits out (its rows too)."""
        counts = np.bincount(yi)
        splittable = counts[counts >= 2]
        if self.calibration_folds < 2 or splittable.size == 0:
            return 1.0, 0
        n_splits = int(min(self.calibration_folds, max(2, splittable.min())))
        scores = np.full((len(yi), counts.size), -np.inf)
        for train, test in _folds(yi, n_splits, self.seed):
            seen = np.unique(yi[train])
            if seen.size < 2:
                continue
            coef, intercept = _multinomial(self._logreg().fit(x[train], yi[train]), seen.size)
            scores[np.ix_(test, seen)] = np.asarray(x[test] @ coef.T) + intercept
        return fit_temperature(scores, yi), n_splits

    def _fit_multilabel(self, x: Any, y: Sequence[Target]) -> None:
        self.classes_ = multilabel_classes(y, self.labels)
        targets = label_matrix(y, self.classes_)
        k, n = len(self.classes_), len(y)
        self.coef_ = np.zeros((k, x.shape[1]))
        self.intercept_ = np.zeros(k)
        platt, folds, constant = [], [], {}
        for j, label in enumerate(self.classes_):
            column = targets[:, j].astype(np.int64)
            positives = int(column.sum())
            if positives in (0, n):
                constant[label] = float(np.clip(positives / n, *RATE_CLIP))
                platt.append([1.0, 0.0])
                folds.append(0)
                continue
            a, b, n_splits = self._platt(x, column)
            platt.append([a, b])
            folds.append(n_splits)
            model = self._logreg().fit(x, column)
            self.coef_[j], self.intercept_[j] = model.coef_[0], model.intercept_[0]
        self.calibration_ = dict(method="platt", platt=platt, folds=folds, constant=constant)

    def _platt(self, x: Any, column: IntArray) -> tuple[float, float, int]:
        positives = int(column.sum())
        n_splits = min(self.calibration_folds, positives, len(column) - positives)
        if n_splits < 2:
            return 1.0, 0.0, 0
        scores = np.zeros(len(column))
        for train, test in _folds(column, n_splits, self.seed):
            model = self._logreg().fit(x[train], column[train])
            scores[test] = np.asarray(x[test] @ model.coef_[0]) + model.intercept_[0]
        a, b = fit_platt(scores, column)
        return a, b, n_splits

    def _logreg(self) -> Any:
        from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

        return LogisticRegression(
            C=self.C,
            class_weight=self.class_weight,
            solver="lbfgs",
            max_iter=MAX_ITER,
            random_state=self.seed,
        )

    # -- prediction ----------------------------------------------------------------------------

    def predict_proba(self, texts: Sequence[str]) -> FloatArray:
        if not hasattr(self, "coef_"):
            raise ValueError("this TfidfClassifier is not fitted: call fit or load first")
        return self._proba(self._matrix([tokens(t) for t in texts]))

    def _matrix(self, toks: Sequence[Tokens]) -> Any:
        import scipy.sparse as sp  # type: ignore[import-untyped]

        weights = {"char": self.char_weight, "word": self.word_weight, "struct": self.struct_weight}
        blocks = [
            tfidf_block([t[i] for t in toks], self.vocabularies_[b], self.idf_[b], weights[b])
            for i, b in enumerate(BLOCKS)
        ]
        return sp.hstack(blocks, format="csr")

    def _proba(self, x: Any) -> FloatArray:
        from scipy.special import expit, softmax  # type: ignore[import-untyped]

        scores = np.asarray(x @ self.coef_.T) + self.intercept_
        cal = self.calibration_
        if cal["method"] == "temperature":
            return np.asarray(softmax(scores / cal["temperature"], axis=1), dtype=np.float64)
        ab = np.asarray(cal["platt"], dtype=np.float64).reshape(-1, 2)
        proba = np.asarray(expit(scores * ab[:, 0] + ab[:, 1]), dtype=np.float64)
        for label, rate in cal["constant"].items():
            proba[:, self.classes_.index(label)] = rate
        return proba

    # -- files ---------------------------------------------------------------------------------

    def save(self, folder: Path) -> list[str]:
        """Write ``tfidf.json`` and ``tfidf.safetensors`` into the existing ``folder``."""
        from safetensors.numpy import save_file

        if not hasattr(self, "coef_"):
            raise ValueError("cannot save an unfitted TfidfClassifier")
        folder = Path(folder)
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder}: not a folder")
        for name in (JSON_NAME, WEIGHTS_NAME):
            if (folder / name).exists():
                raise FileExistsError(f"{folder / name}: already there; save into an empty folder")
        meta = {
            "format": FORMAT,
            "backend": self.backend,
            "task": self.task,
            "params": self.get_params(),
            "classes": self.classes_,
            "calibration": self.calibration_,
            "vocabulary": self.vocabularies_,
        }
        (folder / JSON_NAME).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        save_file(_tensors(self), str(folder / WEIGHTS_NAME))
        return [JSON_NAME, WEIGHTS_NAME]

    @classmethod
    def load(cls, folder: Path) -> Self:
        """Read a saved model back, checking that the two files agree (``ModelFileError``)."""
        folder = Path(folder)
        meta, tensors = read_model_files(folder)
        model = cls(**meta["params"])
        model.classes_ = list(meta["classes"])
        model.calibration_ = meta["calibration"]
        model.vocabularies_ = {b: list(meta["vocabulary"][b]) for b in BLOCKS}
        model.idf_ = {b: tensors[f"idf.{b}"] for b in BLOCKS}
        model.coef_, model.intercept_ = tensors["coef"], tensors["intercept"]
        return model


def _tensors(model: TfidfClassifier) -> dict[str, FloatArray]:
    arrays = {f"idf.{b}": model.idf_[b] for b in BLOCKS}
    arrays.update(coef=model.coef_, intercept=model.intercept_)
    return {k: np.ascontiguousarray(v, dtype=np.float64) for k, v in arrays.items()}


def _single(target: Target, row: int) -> str:
    if not isinstance(target, str):
        raise ValueError(f"row {row}: a multiclass target is one label, got {target!r}")
    return target


def _folds(y: IntArray, n_splits: int, seed: int) -> list[tuple[IntArray, IntArray]]:
    from sklearn.model_selection import StratifiedKFold  # type: ignore[import-untyped]

    splitter = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        # a class with fewer members than folds is expected (rare sub-domains); handled above
        warnings.filterwarnings("ignore", "The least populated class", UserWarning)
        return list(splitter.split(np.zeros((len(y), 1)), y))


def _multinomial(model: Any, k: int) -> tuple[FloatArray, FloatArray]:
    """``k × d`` coefficients whose softmax is the model's probabilities (binary: ±w/2)."""
    coef = np.asarray(model.coef_, dtype=np.float64)
    intercept = np.asarray(model.intercept_, dtype=np.float64)
    if k == 2 and coef.shape[0] == 1:
        return np.vstack([-coef / 2, coef / 2]), np.concatenate([-intercept / 2, intercept / 2])
    return coef, intercept


def fit_temperature(scores: FloatArray, yi: IntArray) -> float:
    """The T minimising the log loss of softmax(scores / T); rows whose true class has no
    score (``-inf``: that class was not in the fold's training data) are left out."""
    from scipy.optimize import minimize_scalar  # type: ignore[import-untyped]
    from scipy.special import logsumexp

    true = scores[np.arange(len(yi)), yi]
    keep = np.isfinite(true)
    if not keep.any():
        return 1.0
    s, true = scores[keep], true[keep]

    def loss(log_t: float) -> float:
        t = math.exp(log_t)
        return float(np.mean(logsumexp(s / t, axis=1) - true / t))

    result = minimize_scalar(loss, bounds=(-5.0, 5.0), method="bounded")
    return math.exp(float(result.x))


def fit_platt(scores: FloatArray, y: IntArray) -> tuple[float, float]:
    """Platt's (a, b) for P(y = 1) = sigmoid(a·score + b), with his smoothed targets (so that
    separable scores give finite a)."""
    from scipy.optimize import minimize
    from scipy.special import expit

    positives = float(y.sum())
    negatives = len(y) - positives
    target = np.where(y > 0, (positives + 1) / (positives + 2), 1 / (negatives + 2))

    def loss(p: FloatArray) -> tuple[float, FloatArray]:
        z = p[0] * scores + p[1]
        residual = expit(z) - target
        grad = np.array([residual @ scores, residual.sum()])
        return float(np.sum(np.logaddexp(0.0, z) - target * z)), grad

    result = minimize(loss, x0=np.array([1.0, 0.0]), jac=True, method="L-BFGS-B")
    return float(result.x[0]), float(result.x[1])
