"""Domain routing (TAXONOMY §1): which 四大检察 domain and sub-domain a document belongs to.

    loaded = load_model(Path("models/router"))          # once, at start-up: validated, no pickle
    guess = guess_domain(loaded.router, t, doc, signals, issues)   # per document → DomainGuess

``features`` turns a parsed document into a ``RouteInput``; ``model.DomainRouter`` is the
scikit-learn estimator (fit / predict_proba / classes_, ``route`` → ``DomainGuess``), used for
training only; ``runtime.RouterRuntime`` is its exported state, run with NumPy alone (what
``load_model`` returns: nothing here imports scikit-learn); ``registry`` keeps versioned,
self-describing model folders. Training lives in
``training/train_router.py``, never here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from assist.analysis import DomainGuess, Issue, Signal
from assist.document import Document
from assist.route.constraints import allowed_domains
from assist.route.features import RouteInput, char_ngrams, route_input, structural_tokens
from assist.route.registry import (
    LoadedModel,
    ModelError,
    ModelMeta,
    active_version,
    load_model,
    register,
    set_active,
)
from assist.route.runtime import RouterRuntime
from assist.text.normalize import Text

__all__ = [
    "LoadedModel",
    "ModelError",
    "ModelMeta",
    "RouteInput",
    "Router",
    "RouterRuntime",
    "active_version",
    "char_ngrams",
    "guess_domain",
    "load_model",
    "register",
    "route_input",
    "set_active",
    "structural_tokens",
]


class Router(Protocol):
    """What routes: ``RouterRuntime`` (run time) or ``model.DomainRouter`` (training)."""

    def route(
        self, X: Sequence[RouteInput], allowed: Sequence[frozenset[str] | None] | None = None, /
    ) -> list[DomainGuess]: ...


def guess_domain(
    router: Router,
    t: Text,
    doc: Document,
    signals: Sequence[Signal] = (),
    issues: Sequence[Issue] = (),
) -> DomainGuess:
    """Route one parsed document (``doc`` parsed from ``t``, with its signals and issues),
    within the domains its kind leaves open (``constraints``)."""
    return router.route([route_input(t, doc, signals, issues)], [allowed_domains(doc, t.norm)])[0]
