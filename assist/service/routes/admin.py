"""GET /v1/audit: the audit log (admin only)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import select

from assist.service.deps import AdminDep, SessionDep
from assist.service.models import errors
from assist.service.store import AuditRow

router = APIRouter(prefix="/v1", tags=["admin"])


@router.get("/audit", responses=errors(401, 403, 422))
def audit(
    session: SessionDep, _admin: AdminDep,
    user: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[dict[str, Any]]:  # fmt: skip
    """Who called what and when, newest first (no document text is ever recorded)."""
    query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
    if user:
        query = query.where(AuditRow.user == user)
    return [
        {"at": r.at.isoformat() + "Z", "user": r.user, "method": r.method, "path": r.path,
         "query": r.query, "status": r.status, "ms": r.ms, "detail": r.detail}
        for r in session.scalars(query)
    ]  # fmt: skip
