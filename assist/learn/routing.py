"""A learned ``domain``/``subdomain`` model (tfidf or transformer) used as the Analyzer's router.

``models/router`` may hold the NumPy router (its own format) or a learned version trained by
``assist train --name router --task subdomain``; promoting one or the other switches what the
Analyzer answers in ``domain``. The learned model reads the whole text as received.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import get_args

import numpy as np

from assist.analysis import Alternative, DomainGuess, DomainLabel
from assist.learn.estimator import FloatArray, Task
from assist.learn.registry import LoadedLearned
from assist.route.constraints import restrict
from assist.route.runtime import RouterRuntime

DOMAINS: tuple[str, ...] = get_args(DomainLabel)


@dataclass(frozen=True, slots=True)
class LearnedRouter:
    loaded: LoadedLearned

    @property
    def name(self) -> str:
        return self.loaded.meta.name

    @property
    def version(self) -> str:
        return self.loaded.meta.version

    def guess(self, text: str, allowed: frozenset[str] | None = None) -> DomainGuess:
        """The guess for ``text``, within the domains its kind leaves open (``constraints``)."""
        classes = list(self.loaded.estimator.classes_)
        proba = self.loaded.estimator.predict_proba([text])[0]
        return guess_from(classes, restrict(classes, proba, allowed))


def guess_from(classes: list[str], proba: np.ndarray) -> DomainGuess:
    """Domain = the summed probability of its classes; sub-domain = the best class within it."""
    by_domain: dict[str, float] = {d: 0.0 for d in DOMAINS}
    best_sub: dict[str, tuple[float, str | None]] = {}
    for label, p in zip(classes, proba.tolist(), strict=True):
        domain, _, sub = label.partition("/")
        if domain not in by_domain:
            continue
        by_domain[domain] += p
        if sub and p > best_sub.get(domain, (-1.0, None))[0]:
            best_sub[domain] = (p, sub)
    ranked = sorted(by_domain.items(), key=lambda kv: (-kv[1], DOMAINS.index(kv[0])))
    top, score = ranked[0]
    alternatives = tuple(
        Alternative(label=d, score=round(s, 4))  # type: ignore[arg-type]
        for d, s in ranked[1:]
    )
    return DomainGuess(
        label=top,  # type: ignore[arg-type]
        subdomain=best_sub.get(top, (0.0, None))[1],
        score=round(score, 4),
        alternatives=alternatives,
    )


class RouterAsClassifier:
    """The NumPy router seen through the estimator interface, so that ``assist train --name
    router`` and ``assist evaluate`` can compare a learned version with it on the same rows.
    ``subdomain`` probabilities are P(domain) × P(sub-domain | domain); a domain without a
    sub-domain head is one class of its own."""

    backend = "router"

    def __init__(self, runtime: RouterRuntime, task: Task) -> None:
        self.runtime, self.task = runtime, task
        labels = runtime.labels()
        if task == "domain":
            self.classes_ = [str(c) for c in runtime.classes_]
        else:
            self.classes_ = [
                f"{d}/{s}" if s else d for d, subs in labels.items() for s in subs or [""]
            ]

    def predict_proba(self, texts: Sequence[str]) -> FloatArray:
        from assist.detect import build_detectors, detect_issues
        from assist.pipeline import parse_text
        from assist.route.features import route_input
        from assist.signals import find_signals
        from assist.text.normalize import make_text

        detectors = build_detectors()
        out = np.zeros((len(texts), len(self.classes_)))
        domains = [str(c) for c in self.runtime.classes_]
        for i, text in enumerate(texts):
            t = make_text(text)
            doc = parse_text(t)
            signals = find_signals(t, doc)
            x = route_input(t, doc, signals, detect_issues(doc, signals, detectors))
            row = self.runtime.design_row(x)
            p_domain = self.runtime.domain.proba([row])[0]
            for d, p in zip(domains, p_domain.tolist(), strict=True):
                subs = self.runtime.subdomain_proba(row, d) if self.task == "subdomain" else {}
                for s, q in (subs or {"": 1.0}).items():
                    out[i, self.classes_.index(f"{d}/{s}" if s else d)] = p * q
        return out
