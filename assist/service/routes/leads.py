"""GET /v1/leads, POST /v1/leads/{id}/review, GET /v1/leads/{id}/recommendation.docx."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from assist.analysis import Level
from assist.service import core
from assist.service.deps import PrincipalDep, SessionDep, StateDep
from assist.service.errors import ServiceError
from assist.service.models import LeadPage, Review, ReviewRequest, errors

router = APIRouter(prefix="/v1/leads", tags=["leads"])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@router.get("", response_model=LeadPage, responses=errors(401, 422))
def list_leads(
    session: SessionDep, state: StateDep, _who: PrincipalDep,
    type: Annotated[str | None, Query(max_length=60, description="issue type")] = None,
    level: Annotated[Level | None, Query(description="exactly this level")] = None,
    min_level: Annotated[Level | None, Query(description="this level or higher")] = None,
    court: Annotated[str | None, Query(max_length=100, description="part of a court name")] = None,
    date_from: Annotated[date | None, Query(description="decided on or after (YYYY-MM-DD)")] = None,
    date_to: Annotated[date | None, Query(description="decided on or before (YYYY-MM-DD)")] = None,
    job_id: Annotated[str | None, Query(max_length=32)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> LeadPage:  # fmt: skip
    """Leads, best score first, filtered; each with its latest review."""
    if limit > state.settings.page_size_max:
        raise ServiceError(
            "page_too_large", f"limit may be at most {state.settings.page_size_max}", 422
        )
    page = core.list_leads(
        session, type=type, level=level, min_level=min_level, court=court,
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None, job_id=job_id, limit=limit, offset=offset,
    )  # fmt: skip
    return LeadPage(**page)


@router.post(
    "/{lead_id}/review", status_code=status.HTTP_201_CREATED, response_model=Review,
    responses=errors(401, 404, 422),
)  # fmt: skip
def review(
    lead_id: str, body: ReviewRequest, session: SessionDep, state: StateDep, who: PrincipalDep
) -> Review:
    """Record a reviewer's decision on a lead (kept as a label for retraining)."""
    out = core.add_review(session, lead_id, body.decision, body.note, who.name)
    state.metrics.reviews.labels(body.decision).inc()
    return Review(**out)


@router.get(
    "/{lead_id}/recommendation.docx",
    response_class=Response,
    responses={200: {"content": {DOCX: {}}}, **errors(401, 404, 409, 501)},
)
def recommendation_docx(lead_id: str, session: SessionDep, _who: PrincipalDep) -> Response:
    """The drafted 检察建议书 for a lead as a Word file (a draft: verify before issuing)."""
    data, filename = core.recommendation_docx_for(session, lead_id)
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(data, media_type=DOCX, headers=headers)
