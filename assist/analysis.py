"""The analysis of one document: the contract's answer (schema version 1).

Plain dataclasses; ``assist.schemas`` turns them into JSON and JSON Schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assist.document import Document

DomainLabel = Literal["criminal", "civil", "administrative", "public_interest"]
Level = Literal["high", "medium", "low"]


@dataclass(frozen=True, slots=True)
class Signal:
    code: str
    start: int
    end: int
    text: str
    section: str | None = None  # the document section the evidence sits in (parties, decision …)


@dataclass(frozen=True, slots=True)
class Issue:
    type: str
    score: float
    level: Level
    signals: tuple[Signal, ...]
    rationale: str


@dataclass(frozen=True, slots=True)
class Alternative:
    label: DomainLabel
    score: float


@dataclass(frozen=True, slots=True)
class DomainGuess:
    label: DomainLabel
    subdomain: str | None
    score: float
    alternatives: tuple[Alternative, ...] = ()


@dataclass(frozen=True, slots=True)
class ModelRef:
    name: str
    version: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """``domain``/``issues``/``recommendation`` are None until the stages that fill them run:
    None means "not looked at", an empty list means "looked and found none"."""

    schema_version: str
    id: str
    document: Document
    domain: DomainGuess | None
    issues: tuple[Issue, ...] | None
    recommendation: Recommendation | None
    model: ModelRef | None
    timing_ms: float
    # Every per-document signal that fired (TAXONOMY §2), whether or not an issue was raised:
    # the cross-case stage clusters on them (e.g. one agency's repeated defects).
    signals: tuple[Signal, ...] | None = None


RecommendationType = Literal["retrial", "correction", "public_interest", "governance", "other"]


@dataclass(frozen=True, slots=True)
class LegalBasis:
    """One cited provision, its text verbatim from the bundled statute store (``assist.law``)."""

    law: str  # the store's full name: 中华人民共和国民事诉讼法
    article: str  # 第二百一十九条
    text: str  # the article, or the quoted 款/项 of it, exactly as stored
    version: str = ""  # the store version quoted (2023): the article text differs by version


@dataclass(frozen=True, slots=True)
class Recommendation:
    """A drafted 检察建议 (检察建议工作规定 第五条 type, 第十六条 content) for the top lead."""

    type: RecommendationType
    addressee: str
    points: tuple[str, ...]
    legal_basis: tuple[LegalBasis, ...]
    objection_days: int | None  # None: no rule sets an objection period
    reply_days: int
    draft: str
