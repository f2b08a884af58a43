"""What the routes call: analyse and store, list and review leads, draft the Word file.

Route handlers stay thin; everything here takes a ``Session`` and plain values.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assist.analysis import Analysis, Level
from assist.analyze import Analyzer
from assist.archive.leads import Lead
from assist.archive.run import LEVEL_ORDER, document_leads
from assist.draft import draft_recommendation
from assist.schemas import from_dict, to_dict
from assist.service.errors import ServiceError
from assist.service.store import AnalysisRow, LeadRow, ReviewRow

Decision = Literal["accept", "reject", "unsure"]


def analyze_document(analyzer: Analyzer, text: str, doc_id: str | None) -> Analysis:
    """The Analyzer's answer (the drafted 检察建议 included; None below medium)."""
    return analyzer.analyze(text, doc_id)


def store_analysis(
    session: Session, analysis: Analysis, text: str, *, user: str | None,
    job_id: str | None = None, min_level: Level = "medium",
) -> tuple[dict[str, Any], list[str]]:  # fmt: skip
    """Save the analysis and its document-level leads; returns (the JSON, the lead ids)."""
    data = to_dict(analysis)
    row = AnalysisRow(doc_id=analysis.id, job_id=job_id, text=text, result=data, created_by=user)
    session.add(row)
    session.flush()
    leads = list(document_leads(analysis, min_level))
    save_leads(session, leads, job_id=job_id, analysis_id=row.id)
    return data, [lead.lead_id for lead in leads]


def save_leads(
    session: Session, leads: Iterable[Lead | dict[str, Any]], *, job_id: str | None,
    analysis_id: int | None = None,
) -> int:  # fmt: skip
    """Insert or refresh leads by their stable id (reviews stay attached across reruns)."""
    count = 0
    for lead in leads:
        data = lead.to_dict() if isinstance(lead, Lead) else dict(lead)
        data.pop("rank", None)
        docs = data.get("documents") or []
        courts = ";".join(dict.fromkeys(d["court"] for d in docs if d.get("court")))
        dates = [d["decided"] for d in docs if d.get("decided")]
        row = session.get(LeadRow, data["lead_id"]) or LeadRow(lead_id=data["lead_id"])
        row.type, row.code, row.level = data["type"], data["code"], data["level"]
        row.score, row.key, row.rationale = float(data["score"]), data["key"], data["rationale"]
        row.courts, row.decided, row.data = courts[:2000], max(dates, default=None), data
        row.job_id, row.analysis_id = job_id, analysis_id
        session.add(row)
        count += 1
    session.flush()
    return count


def lead_view(row: LeadRow, review: ReviewRow | None) -> dict[str, Any]:
    return {
        **row.data,
        "job_id": row.job_id,
        "analysis_id": row.analysis_id,
        "review": review_view(review) if review else None,
    }


def review_view(r: ReviewRow) -> dict[str, Any]:
    return {
        "id": r.id, "lead_id": r.lead_id, "decision": r.decision, "note": r.note,
        "reviewer": r.reviewer, "created_at": r.created_at.isoformat() + "Z",
    }  # fmt: skip


def _latest_reviews(session: Session, lead_ids: list[str]) -> dict[str, ReviewRow]:
    if not lead_ids:
        return {}
    rows = session.scalars(
        select(ReviewRow).where(ReviewRow.lead_id.in_(lead_ids)).order_by(ReviewRow.id)
    ).all()
    return {r.lead_id: r for r in rows}  # later reviews overwrite earlier ones


def list_leads(
    session: Session, *, type: str | None = None, level: Level | None = None,
    min_level: Level | None = None, court: str | None = None, date_from: str | None = None,
    date_to: str | None = None, job_id: str | None = None, limit: int = 50, offset: int = 0,
) -> dict[str, Any]:  # fmt: skip
    """A page of leads, best score first, with each lead's latest review and the total count."""
    query = select(LeadRow)
    if type:
        query = query.where(LeadRow.type == type)
    if level:
        query = query.where(LeadRow.level == level)
    if min_level:
        allowed = [lv for lv, rank in LEVEL_ORDER.items() if rank >= LEVEL_ORDER[min_level]]
        query = query.where(LeadRow.level.in_(allowed))
    if court:
        query = query.where(LeadRow.courts.contains(court))
    if date_from:
        query = query.where(LeadRow.decided >= date_from)
    if date_to:
        query = query.where(LeadRow.decided <= date_to)
    if job_id:
        query = query.where(LeadRow.job_id == job_id)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(LeadRow.score.desc(), LeadRow.lead_id).limit(limit).offset(offset)
    ).all()
    reviews = _latest_reviews(session, [r.lead_id for r in rows])
    items = [lead_view(r, reviews.get(r.lead_id)) for r in rows]
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def get_lead(session: Session, lead_id: str) -> LeadRow:
    row = session.get(LeadRow, lead_id)
    if row is None:
        raise ServiceError(
            "lead_not_found", f"no lead {lead_id!r}; list them with GET /v1/leads", 404
        )
    return row


def add_review(
    session: Session, lead_id: str, decision: Decision, note: str, reviewer: str
) -> dict[str, Any]:
    get_lead(session, lead_id)
    row = ReviewRow(lead_id=lead_id, decision=decision, note=note, reviewer=reviewer)
    session.add(row)
    session.flush()
    return review_view(row)


def _source_analysis(session: Session, lead: LeadRow) -> Analysis | None:
    """The analysed document a lead's draft is written from: its own, else its documents'."""
    rows: list[AnalysisRow] = []
    if lead.analysis_id is not None:
        own = session.get(AnalysisRow, lead.analysis_id)
        rows = [own] if own else []
    if not rows:
        doc_ids = [d["doc_id"] for d in lead.data.get("documents") or []]
        query = select(AnalysisRow).where(AnalysisRow.doc_id.in_(doc_ids))
        if lead.job_id:
            query = query.where(AnalysisRow.job_id == lead.job_id)
        rows = list(session.scalars(query.order_by(AnalysisRow.id.desc())).all())
    for row in rows:
        analysis = from_dict(row.result)
        if any(i.type == lead.type for i in analysis.issues or ()):
            if analysis.recommendation is None:
                rec = draft_recommendation(analysis, row.text)
                analysis = dataclasses.replace(analysis, recommendation=rec)
            return analysis
    return None


def recommendation_docx_for(session: Session, lead_id: str) -> tuple[bytes, str]:
    """The Word file of the drafted 检察建议书 for a lead, and a file name for it."""
    lead = get_lead(session, lead_id)
    try:
        from assist.export.docx import recommendation_docx
    except ImportError as exc:  # the export module ships separately
        raise ServiceError(
            "docx_unavailable", "Word export is not installed in this build", 501
        ) from exc
    found = _source_analysis(session, lead)
    rec = found.recommendation if found else None
    if found is None or rec is None:
        raise ServiceError(
            "no_recommendation",
            "this lead's documents raise no issue at medium or above, so there is no draft; "
            "review the lead instead",
            409,
        )
    data = recommendation_docx(rec, doc_meta=found.document)
    return data, f"recommendation-{lead_id}.docx"
