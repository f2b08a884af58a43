"""Per-document detectors (TAXONOMY §2): signals in, at most one lead per issue type out.

    detectors = build_detectors()          # once, at start-up: reads assist/data/detectors.toml
    issues = detect_issues(doc, signals, detectors)

Cross-case issue types (a plaintiff in many suits, one agency's recurring defects, fines never
executed) are judged over an archive elsewhere; these detectors see one document.
"""

from __future__ import annotations

from collections.abc import Sequence

from assist.analysis import Issue, Signal
from assist.detect import builtin as builtin  # registers the built-in detectors
from assist.detect.base import Detector, LogisticDetector
from assist.detect.config import DetectorConfigError, DetectorsConfig, default_config, load_config
from assist.detect.registry import build_detectors, register, registered
from assist.document import Document

__all__ = [
    "Detector",
    "DetectorConfigError",
    "DetectorsConfig",
    "LogisticDetector",
    "build_detectors",
    "default_config",
    "detect_issues",
    "load_config",
    "register",
    "registered",
]


def detect_issues(
    doc: Document, signals: Sequence[Signal], detectors: Sequence[Detector]
) -> tuple[Issue, ...]:
    """Every lead the detectors raise on one document, highest score first."""
    found = [issue for d in detectors if (issue := d.detect(doc, signals)) is not None]
    return tuple(sorted(found, key=lambda i: -i.score))
