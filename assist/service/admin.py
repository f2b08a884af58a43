"""What the ``assist tokens`` / ``assist reviews`` / ``assist serve --demo`` commands call."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import select

from assist.service.auth import create_token, revoke_token
from assist.service.migrations import migrate
from assist.service.settings import Settings
from assist.service.store import AnalysisRow, LeadRow, ReviewRow, Store, User

LOCAL_TOKEN_NAME = "local"


def open_store(settings: Settings) -> Store:
    """The store of these settings, migrated to the current schema."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    store = Store(settings.db_url)
    migrate(store.engine)
    return store


def local_token(settings: Settings) -> str:
    """A fresh admin token named ``local`` for a development machine (replaces the old one)."""
    if settings.environment != "development":
        raise RuntimeError("a local token is for development only (ASSIST_ENVIRONMENT)")
    store = open_store(settings)
    with store.session() as s:
        if s.scalar(select(User).where(User.name == LOCAL_TOKEN_NAME)) is not None:
            revoke_token(s, LOCAL_TOKEN_NAME)
            s.flush()
        token = create_token(s, LOCAL_TOKEN_NAME, "admin", settings.pepper)
    store.dispose()
    return token


def review_label(review: ReviewRow, lead: LeadRow, docs: dict[str, AnalysisRow]) -> dict[str, Any]:
    """One review as a training label: the lead, its evidence and documents' ids, the decision.

    ``doc_id`` and ``text`` are those of the lead's own analysis (null for a cross-case lead), so
    ``assist labels from-reviews`` can turn the review into a document label.
    """
    data = lead.data
    analysis = docs.get(str(lead.analysis_id)) if lead.analysis_id is not None else None
    return {
        "review_id": review.id,
        "lead_id": lead.lead_id,
        "type": lead.type,
        "code": lead.code,
        "level": lead.level,
        "score": lead.score,
        "decision": review.decision,
        "note": review.note,
        "reviewer": review.reviewer,
        "reviewed_at": review.created_at.isoformat() + "Z",
        "documents": [d["doc_id"] for d in data.get("documents") or []],
        "evidence": data.get("evidence") or [],
        "analysis_id": lead.analysis_id,
        "signals": [s["code"] for s in (analysis.result.get("signals") or [])] if analysis else [],
        "doc_id": analysis.doc_id if analysis else None,
        "text": analysis.text if analysis else None,
    }


def export_reviews(settings: Settings, out: Path) -> int:
    """Write every review as one JSON line (oldest first) to ``out``; returns the count."""
    store = open_store(settings)
    count = 0
    tmp = out.with_name(out.name + ".part")
    with store.session() as s, tmp.open("w", encoding="utf-8") as fh:
        rows = s.execute(
            select(ReviewRow, LeadRow).join(LeadRow, ReviewRow.lead_id == LeadRow.lead_id)
            .order_by(ReviewRow.id)
        ).all()  # fmt: skip
        ids = {lead.analysis_id for _, lead in rows if lead.analysis_id is not None}
        found = s.scalars(select(AnalysisRow).where(AnalysisRow.id.in_(ids))).all() if ids else []
        docs = {str(a.id): a for a in found}
        for review, lead in rows:
            fh.write(json.dumps(review_label(review, lead, docs), ensure_ascii=False) + "\n")
            count += 1
    os.replace(tmp, out)
    store.dispose()
    return count
