"""POST /v1/analyze (JSON text) and /v1/analyze/file (an uploaded document)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, Response, UploadFile
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from assist.analyze import Analyzer
from assist.errors import AssistError
from assist.ingest.formats import read_bytes
from assist.service.core import analyze_document, store_analysis
from assist.service.deps import AnalyzerDep, PrincipalDep, StateDep
from assist.service.errors import ServiceError
from assist.service.models import AnalyzeRequest, errors
from assist.service.observe import audit_row, mark_audited
from assist.service.state import ServiceState

router = APIRouter(prefix="/v1", tags=["analysis"])
ERRORS = errors(401, 413, 415, 422, 503)
ANSWER: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "the contract's analysis (schema version 1) plus `lead_ids`",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Analysis"}}},
    }
}


async def read_upload(upload: UploadFile, limit: int) -> bytes:
    """The upload's bytes, refusing more than ``limit`` without reading it all."""
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise ServiceError(
            "input_too_large",
            f"the file is over the limit of {limit:,} bytes (ASSIST_MAX_BODY_BYTES)",
            413,
        )
    return data


def _analyze(
    request: Request, state: ServiceState, analyzer: Analyzer, user: str, text: str,
    doc_id: str | None,
) -> Response:  # fmt: skip
    """Analyse, then store the analysis, its leads and the audit row in one transaction."""
    try:
        analysis = analyze_document(analyzer, text, doc_id)
    except AssistError:
        state.metrics.analyses.labels("refused").inc()
        raise
    with state.store.session() as session:
        data, lead_ids = store_analysis(session, analysis, text, user=user)
        request.state.detail = detail = f"doc={analysis.id} chars={len(text)} leads={len(lead_ids)}"
        body = json.dumps({**data, "lead_ids": lead_ids}, ensure_ascii=False).encode("utf-8")
        session.add(audit_row(request, 200, detail))
    mark_audited(request)
    state.metrics.analyses.labels("ok").inc()
    state.metrics.analysis_chars.inc(len(text))
    return Response(body, media_type="application/json")


@router.post("/analyze", response_class=JSONResponse, responses={**ANSWER, **ERRORS})
def analyze(
    body: AnalyzeRequest, request: Request, state: StateDep, analyzer: AnalyzerDep,
    who: PrincipalDep,
) -> Response:  # fmt: skip
    """The contract's analysis of one text (plus `lead_ids` of the leads stored for it)."""
    return _analyze(request, state, analyzer, who.name, body.text, body.id)


@router.post("/analyze/file", response_class=JSONResponse, responses={**ANSWER, **ERRORS})
async def analyze_file(
    request: Request, state: StateDep, analyzer: AnalyzerDep, who: PrincipalDep,
    file: Annotated[UploadFile, File(description=".txt, .docx, .html or .pdf (text layer)")],
    id: Annotated[str | None, Form(min_length=1, max_length=200)] = None,
) -> Response:  # fmt: skip
    """The analysis of an uploaded document; the format comes from the file name's suffix."""
    limit = state.settings.max_body_bytes
    data = await read_upload(file, limit)
    name = file.filename or "upload"
    doc = read_bytes(data, name, max_bytes=limit, doc_id=id)
    return await run_in_threadpool(_analyze, request, state, analyzer, who.name, doc.text, doc.id)
