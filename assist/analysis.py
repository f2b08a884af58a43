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
    recommendation: None
    model: ModelRef | None
    timing_ms: float
    # Every per-document signal that fired (TAXONOMY §2), whether or not an issue was raised:
    # the cross-case stage clusters on them (e.g. one agency's repeated defects).
    signals: tuple[Signal, ...] | None = None
