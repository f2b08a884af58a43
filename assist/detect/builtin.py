"""The built-in detectors, one per issue type of TAXONOMY §2, registered like any plug-in.

All five are :class:`LogisticDetector`s; what differs is the issue type, hence which signal
codes may carry weight, and the weights themselves (fitted, or a documented prior):

- ``false_litigation``: 缺席判决, 公告送达, 未答辩/自认, 现金交付, 仅有借条, 关联关系 … add up.
- ``unenforced_property_penalty``: per document only the imposed property penalties
  (罚金, 没收财产, 追缴退赔) and a 减刑/假释 ruling with unpaid 财产性判项. A fine alone is a
  low lead — whether it was executed is the cross-case stage's question; ``commutation_unpaid``
  alone is high (《办理减刑、假释案件审查财产性判项执行问题的规定》).
- ``systemic_admin_problem``: the per-document part, the agency losing for a stated defect;
  that the defect recurs across one agency's cases is judged by the cross-case stage.
- ``public_interest_lead``: damage to the public interest (an ecological crime without a
  restoration order, food and drug harm, personal data, heritage, minor victims).
- ``criminal_transfer_gap``: a penalty decision whose facts meet a criminal threshold.
"""

from __future__ import annotations

from assist.detect.base import Detector, LogisticDetector
from assist.detect.config import DetectorSettings
from assist.detect.registry import register


def logistic(name: str, issue_type: str, settings: DetectorSettings) -> LogisticDetector:
    return LogisticDetector(
        name=name,
        issue_type=issue_type,
        intercept=settings.intercept,
        weights=dict(settings.weights),
        title_zh=settings.title_zh,
        advice_zh=settings.advice_zh,
        high=settings.thresholds.high,
        medium=settings.thresholds.medium,
    )


@register("detector.false_litigation.v1")
def false_litigation(name: str, settings: DetectorSettings) -> Detector:
    return logistic(name, "false_litigation", settings)


@register("detector.unenforced_property_penalty.v1")
def unenforced_property_penalty(name: str, settings: DetectorSettings) -> Detector:
    return logistic(name, "unenforced_property_penalty", settings)


@register("detector.systemic_admin_problem.v1")
def systemic_admin_problem(name: str, settings: DetectorSettings) -> Detector:
    return logistic(name, "systemic_admin_problem", settings)


@register("detector.public_interest_lead.v1")
def public_interest_lead(name: str, settings: DetectorSettings) -> Detector:
    return logistic(name, "public_interest_lead", settings)


@register("detector.criminal_transfer_gap.v1")
def criminal_transfer_gap(name: str, settings: DetectorSettings) -> Detector:
    return logistic(name, "criminal_transfer_gap", settings)
