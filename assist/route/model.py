"""``DomainRouter``: which 四大检察 domain (and sub-domain) a document belongs to.

Features: character 1–3-grams of the clipped text, hashed (stateless, no vocabulary to ship),
of which ``fit`` keeps the ``max_text_features`` columns seen in the most training documents,
weighted by sublinear tf × idf and L2-normalised; plus the structural tokens (one-hot, hashed,
L2-normalised, scaled by ``struct_weight``). Two heads on the same features:

- the domain head: a multinomial logistic regression (log-loss: its probabilities are the
  calibrated scores; ``training.train_router`` reports their reliability on held-out texts);
- one sub-domain head per domain, fitted on that domain's documents: P(sub-domain | domain).

Conditioning on the domain rather than a flat "domain/subdomain" classifier lets documents whose
sub-domain is unknown (labels written ``"civil"``) train the domain head, keeps the domain
decision from being split over a dozen pairs, and never proposes a sub-domain of another domain
(``judgment`` exists under both civil and administrative).

This module imports scikit-learn: it is for training. Inference runs on
``runtime.RouterRuntime`` (NumPy only), exported with ``to_runtime``; the registry stores that.

Estimator contract (scikit-learn): ``__init__`` only stores parameters, ``fit`` returns
``self``, learned state ends in ``_``. Labels are ``"domain/subdomain"`` or ``"domain"``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast, get_args

import numpy as np
import scipy.sparse as sp  # type: ignore[import-untyped]
from numpy.typing import NDArray
from sklearn.feature_extraction.text import HashingVectorizer  # type: ignore[import-untyped]
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.preprocessing import normalize  # type: ignore[import-untyped]

from assist.analysis import DomainGuess, DomainLabel
from assist.route.constraints import restrict
from assist.route.features import RouteInput, char_ngrams, struct_tokens
from assist.route.runtime import RouterRuntime, guess

DOMAINS: tuple[str, ...] = get_args(DomainLabel)
FloatArray = NDArray[np.float64]
Labels = Sequence[str] | NDArray[Any]  # "domain/subdomain" or "domain"
Weights = Sequence[float] | NDArray[Any]


@dataclass(frozen=True, slots=True)
class Hashed:
    """Hashed counts of a batch: text n-grams and structural tokens (no fitted state)."""

    text: Any  # scipy.sparse.csr_matrix, n × n_features
    struct: Any  # scipy.sparse.csr_matrix, n × struct_features

    def rows(self, index: Sequence[int] | NDArray[np.int64]) -> Hashed:
        return Hashed(self.text[index], self.struct[index])


def split_label(label: str) -> tuple[str, str | None]:
    """``"civil/judgment"`` → ("civil", "judgment"); ``"civil"`` → ("civil", None)."""
    domain, _, sub = label.partition("/")
    if domain not in DOMAINS:
        raise ValueError(f"unknown domain {domain!r} in label {label!r}; use one of {DOMAINS}")
    return domain, sub or None


class DomainRouter:
    """Routes documents to a domain and sub-domain (see the module docstring)."""

    def __init__(
        self,
        *,
        n_features: int = 2**20,
        struct_features: int = 2**12,
        max_text_features: int = 20000,
        min_df: int = 2,
        struct_weight: float = 1.0,
        C: float = 10.0,
        class_weight: str | None = "balanced",
        subdomain_class_weight: str | None = "balanced",
        max_iter: int = 3000,
    ) -> None:
        self.n_features = n_features
        self.struct_features = struct_features
        self.max_text_features = max_text_features
        self.min_df = min_df
        self.struct_weight = struct_weight
        self.C = C
        self.class_weight = class_weight
        self.subdomain_class_weight = subdomain_class_weight
        self.max_iter = max_iter

    # -- parameters (scikit-learn style) -------------------------------------------------
    _PARAMS = ("n_features", "struct_features", "max_text_features", "min_df",
               "struct_weight", "C", "class_weight", "subdomain_class_weight", "max_iter")  # fmt: skip

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self._PARAMS}

    def set_params(self, **params: Any) -> DomainRouter:
        for name, value in params.items():
            if name not in self._PARAMS:
                raise ValueError(f"DomainRouter has no parameter {name!r}; use {self._PARAMS}")
            setattr(self, name, value)
        return self

    # -- features --------------------------------------------------------------------------
    def hash_inputs(self, inputs: Sequence[RouteInput]) -> Hashed:
        """Hashed counts for ``inputs``; stateless, so a training loop can hash once."""
        text = HashingVectorizer(
            analyzer=char_ngrams, n_features=self.n_features, alternate_sign=False, norm=None,
            dtype=np.float32,
        ).transform([x.text for x in inputs])  # fmt: skip
        struct = HashingVectorizer(
            analyzer=struct_tokens, n_features=self.struct_features, alternate_sign=False,
            norm=None, binary=True, dtype=np.float32,
        ).transform([x.tokens for x in inputs])  # fmt: skip
        return Hashed(text.tocsr(), struct.tocsr())

    def _design(self, h: Hashed) -> Any:
        text = h.text[:, self.text_columns_].tocsr(copy=True)
        text.data = (1.0 + np.log(text.data)).astype(np.float32)  # sublinear tf
        if text.shape[1]:  # none when min_df keeps nothing (a structure-only ablation)
            text = normalize(text @ sp.diags(self.idf_))
        struct = normalize(h.struct) * np.float32(self.struct_weight)
        return sp.hstack([text, struct], format="csr", dtype=np.float32)

    def _select_columns(self, text: Any) -> None:
        df = np.asarray((text > 0).sum(axis=0)).ravel()
        kept = np.flatnonzero(df >= self.min_df)
        order = np.lexsort((kept, -df[kept]))[: self.max_text_features]
        self.text_columns_ = np.sort(kept[order]).astype(np.int32)
        n = text.shape[0]
        self.idf_ = (np.log((1 + n) / (1 + df[self.text_columns_])) + 1).astype(np.float32)

    # -- fit -------------------------------------------------------------------------------
    def fit(
        self,
        X: Sequence[RouteInput],
        y: Labels,
        sample_weight: Weights | None = None,
    ) -> DomainRouter:
        return self.fit_hashed(self.hash_inputs(X), y, sample_weight)

    def fit_hashed(
        self, h: Hashed, y: Labels, sample_weight: Weights | None = None
    ) -> DomainRouter:
        if h.text.shape[0] != len(y) or len(y) == 0:
            raise ValueError(f"X has {h.text.shape[0]} rows but y has {len(y)} labels")
        pairs = [split_label(str(label)) for label in y]
        domains = np.array([d for d, _ in pairs])
        if len(set(domains)) < 2:
            raise ValueError("fit needs documents of at least two domains")
        weight = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, float)
        self._select_columns(h.text)
        design = self._design(h)
        self.domain_model_ = self._logistic(self.class_weight).fit(
            design, domains, sample_weight=weight
        )
        self.classes_ = self.domain_model_.classes_
        self.subdomain_models_: dict[str, Any] = {}
        for domain in self.classes_:
            rows = np.array([i for i, (d, s) in enumerate(pairs) if d == domain and s])
            subs = sorted({pairs[i][1] or "" for i in rows})
            if len(subs) == 1:
                self.subdomain_models_[str(domain)] = subs[0]
            elif len(subs) > 1:
                target = np.array([pairs[i][1] for i in rows])
                head = self._logistic(self.subdomain_class_weight)
                head.fit(design[rows], target, sample_weight=weight[rows])
                self.subdomain_models_[str(domain)] = head
        return self

    def _logistic(self, class_weight: str | None) -> Any:
        return LogisticRegression(C=self.C, class_weight=class_weight, max_iter=self.max_iter)

    # -- predict ---------------------------------------------------------------------------
    def predict_proba(self, X: Sequence[RouteInput]) -> FloatArray:
        """P(domain) per document, columns in the order of ``classes_``."""
        return self.predict_proba_hashed(self.hash_inputs(X))

    def predict_proba_hashed(self, h: Hashed) -> FloatArray:
        return self._domain_proba(self._design(h))

    def _domain_proba(self, design: Any) -> FloatArray:
        proba = self.domain_model_.predict_proba(design)
        return cast(FloatArray, np.asarray(proba, dtype=np.float64))

    def predict(self, X: Sequence[RouteInput]) -> NDArray[np.str_]:
        """The most probable domain per document."""
        return cast(NDArray[np.str_], self.classes_[self.predict_proba(X).argmax(axis=1)])

    def subdomain_proba_hashed(self, h: Hashed, domains: Sequence[str]) -> list[dict[str, float]]:
        """P(sub-domain | ``domains[i]``) per document ({} where the domain has no sub-domains)."""
        return self._subdomain_proba(self._design(h), domains)

    def _subdomain_proba(self, design: Any, domains: Sequence[str]) -> list[dict[str, float]]:
        out: list[dict[str, float]] = [{} for _ in domains]
        for domain, head in self.subdomain_models_.items():
            rows = [i for i, d in enumerate(domains) if d == domain]
            if not rows:
                continue
            if isinstance(head, str):
                for i in rows:
                    out[i] = {head: 1.0}
                continue
            proba = head.predict_proba(design[rows])
            for i, p in zip(rows, proba, strict=True):
                out[i] = {str(c): float(v) for c, v in zip(head.classes_, p, strict=True)}
        return out

    def route(
        self, X: Sequence[RouteInput], allowed: Sequence[frozenset[str] | None] | None = None
    ) -> list[DomainGuess]:
        """One ``DomainGuess`` per document: the best domain with its probability, its most
        probable sub-domain, and the other domains best first (``allowed`` as the runtime's)."""
        return self.route_hashed(self.hash_inputs(X), allowed)

    def route_hashed(
        self, h: Hashed, allowed: Sequence[frozenset[str] | None] | None = None
    ) -> list[DomainGuess]:
        design = self._design(h)
        proba = self._domain_proba(design)
        if allowed is not None:
            classes = [str(c) for c in self.classes_]
            proba = np.stack([restrict(classes, p, a) for p, a in zip(proba, allowed, strict=True)])
        labels = [str(self.classes_[i]) for i in proba.argmax(axis=1)]
        subs = self._subdomain_proba(design, labels)
        return [guess(self.classes_, p, label, sub) for p, label, sub in zip(proba, labels, subs, strict=True)]  # fmt: skip

    # -- export ----------------------------------------------------------------------------
    def to_runtime(self) -> RouterRuntime:
        """The fitted state as NumPy arrays: same probabilities, no scikit-learn needed."""
        return RouterRuntime.from_router(self)
