"""What the case-screen page shows, computed from a stored analysis: highlighted text segments
(colour-keyed by signal), display names, similar stored cases. No HTTP here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assist.detect.base import signal_codes
from assist.service.store import AnalysisRow

PALETTE = ("#ffd6a5", "#caffbf", "#9bf6ff", "#bdb2ff", "#ffc6ff", "#fdffb6", "#a0c4ff", "#ffadad")
ISSUE_ZH = {
    "false_litigation": "虚假诉讼", "unenforced_property_penalty": "财产刑执行",
    "systemic_admin_problem": "行政机关普遍性问题", "public_interest_lead": "公益诉讼线索",
    "criminal_transfer_gap": "行刑衔接（应移送未移送）",
}  # fmt: skip
LEVEL_ZH = {"high": "高", "medium": "中", "low": "低"}
DECISION_ZH = {"accept": "采纳", "reject": "不采纳", "unsure": "待定"}
SIMILAR_POOL = 300  # most recent stored analyses searched for similar cases


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    code: str | None = None
    colour: str | None = None
    label: str | None = None


def signal_name(code: str) -> str:
    found = signal_codes().get(code)
    return found.name_zh if found else code


def colours(codes: list[str]) -> dict[str, str]:
    return {code: PALETTE[i % len(PALETTE)] for i, code in enumerate(dict.fromkeys(codes))}


def segments(text: str, spans: list[dict[str, Any]]) -> tuple[list[Segment], dict[str, str]]:
    """The text cut at evidence spans (overlaps: the earlier span wins), and the colour key."""
    ordered = sorted(
        (s for s in spans if 0 <= s["start"] < s["end"] <= len(text)),
        key=lambda s: (s["start"], -s["end"]),
    )
    key = colours([s["code"] for s in ordered])
    out: list[Segment] = []
    pos = 0
    for span in ordered:
        if span["start"] < pos:
            continue
        if span["start"] > pos:
            out.append(Segment(text[pos : span["start"]]))
        code = span["code"]
        out.append(Segment(text[span["start"] : span["end"]], code, key[code], signal_name(code)))
        pos = span["end"]
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out, key


def evidence_spans(result: dict[str, Any]) -> list[dict[str, Any]]:
    spans = list(result.get("signals") or [])
    for issue in result.get("issues") or []:
        spans.extend(issue.get("signals") or [])
    return spans


def similar_cases(session: Session, row: AnalysisRow, top: int = 5) -> list[dict[str, Any]]:
    """The stored analyses most similar to this one (assist.similar over recent documents)."""
    from assist.similar import run_similar

    pool = session.scalars(
        select(AnalysisRow).where(AnalysisRow.id != row.id)
        .order_by(AnalysisRow.id.desc()).limit(SIMILAR_POOL)
    ).all()  # fmt: skip
    if not pool:
        return []
    by_key = {str(r.id): r for r in pool}
    found = next(run_similar([("q", row.text)], [(k, r.text) for k, r in by_key.items()], top))
    out = []
    for hit in found["results"]:  # type: ignore[attr-defined]
        other = by_key[hit["id"]]
        doc = other.result.get("document") or {}
        number = (doc.get("case_number") or {}).get("normalized")
        out.append({"id": other.id, "doc_id": other.doc_id, "score": hit["score"],
                    "case_number": number, "court": doc.get("court"),
                    "shared": hit["shared"]})  # fmt: skip
    return out
