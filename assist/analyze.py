"""The Analyzer: the one entry point from text to the contract's answer."""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from assist import SCHEMA_VERSION
from assist.analysis import Analysis, ModelRef
from assist.detect import Detector, build_detectors, detect_issues
from assist.draft import draft_recommendation
from assist.drafting.rules import RecommendationRules, default_rules
from assist.errors import InputTooLarge
from assist.ingest.decode import check_legal_text
from assist.law.store import StatuteStore, default_store
from assist.learn.issue_model import IssueModel, default_issue_model
from assist.learn.routing import LearnedRouter
from assist.pipeline import parse_text
from assist.route import LoadedModel, ModelError, guess_domain, load_model
from assist.route.constraints import allowed_domains
from assist.signals import find_signals
from assist.text.normalize import make_text

DEFAULT_MAX_CHARS = 2_000_000
#: The model registry: ASSIST_MODELS, else models/ beside the package (a source checkout).
DEFAULT_MODELS = Path(
    os.environ.get("ASSIST_MODELS", Path(__file__).resolve().parents[1] / "models")
)


AnyRouter = LoadedModel | LearnedRouter


def load_router(folder: Path, version: str | None = None) -> AnyRouter:
    """``version`` (default: the active one) of the router registry ``folder``, validated before
    it is read: the NumPy router (nothing imported beyond NumPy), or a learned ``domain`` /
    ``subdomain`` model trained by ``assist train --name router`` (its backend is imported then)."""
    from assist.learn.registry import is_learned, load_learned

    if is_learned(folder, version):
        loaded = load_learned(folder, version)
        if loaded.meta.task not in ("domain", "subdomain"):
            raise ModelError(
                f"{loaded.path} is a {loaded.meta.task} model; a router must be trained with "
                "--task domain or --task subdomain"
            )
        return LearnedRouter(loaded)
    return load_model(folder, version)


def default_router() -> AnyRouter | None:
    """The active router of the registry; None when the registry has no router at all (then
    ``domain`` stays null). A registry that exists but is broken or tampered with fails here,
    at start-up, never silently."""
    folder = DEFAULT_MODELS / "router"
    if not folder.exists():
        return None
    return load_router(folder)


def content_id(text: str) -> str:
    """A stable id for a document without one: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Analyzer:
    """Holds what analysis needs beyond the text: limits, the detectors (from
    assist/data/detectors.toml), the statute store and the drafting rules — loaded once when
    the Analyzer is made, never at import.

    Build one and reuse it; reference data loads on first use.
    """

    max_chars: int = DEFAULT_MAX_CHARS
    require_legal: bool = True
    detectors: tuple[Detector, ...] = field(default_factory=lambda: tuple(build_detectors()))
    store: StatuteStore = field(default_factory=default_store)  # verbatim law for drafting
    rules: RecommendationRules = field(default_factory=default_rules)
    router: AnyRouter | None = field(default_factory=default_router)
    #: opt-in second reader for leads (ASSIST_ISSUE_MODEL=issues): see assist/learn/issue_model.py
    issue_model: IssueModel | None = field(
        default_factory=lambda: default_issue_model(DEFAULT_MODELS)
    )

    def analyze(self, text: str, doc_id: str | None = None) -> Analysis:
        if len(text) > self.max_chars:
            raise InputTooLarge(
                f"text has {len(text):,} characters, over the limit of {self.max_chars:,} "
                "(raise it with --max-chars of `assist analyze` or `assist screen`, or "
                "ASSIST_MAX_TEXT_CHARS for the service)",
                source=doc_id,
            )
        if self.require_legal:
            check_legal_text(text, doc_id or "text")
        began = time.perf_counter()
        t = make_text(text)
        document = parse_text(t)
        signals = find_signals(t, document)
        issues = detect_issues(document, signals, self.detectors)
        recommendation = draft_recommendation(
            (document, issues, signals), text, self.store, self.rules
        )
        domain = model = None
        if isinstance(self.router, LearnedRouter):
            domain = self.router.guess(text, allowed_domains(document, t.norm))
            model = ModelRef(self.router.name, self.router.version)
        elif self.router is not None:
            domain = guess_domain(self.router.router, t, document, signals, issues)
            model = ModelRef(self.router.meta.name, self.router.meta.version)
        if self.issue_model is not None:  # last: drafts and routing rest on rule evidence only
            issues = (*issues, *self.issue_model.extra_issues(text, issues))
        return Analysis(
            schema_version=SCHEMA_VERSION,
            id=doc_id or content_id(text),
            document=document,
            domain=domain,
            issues=issues,
            recommendation=recommendation,
            model=model,
            timing_ms=round((time.perf_counter() - began) * 1000, 3),
            signals=signals,
        )
