"""Liveness, readiness and metrics: no token needed (no data is exposed)."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

from assist import __version__
from assist.service.deps import StateDep
from assist.service.metrics import CONTENT_TYPE
from assist.service.models import Health, Ready

router = APIRouter(tags=["operations"])


@router.get("/healthz", response_model=Health)
def healthz() -> Health:
    """The process is up (it may still be loading the analyzer)."""
    return Health(status="ok", version=__version__)


@router.get("/readyz", response_model=Ready, responses={503: {"model": Ready}})
def readyz(state: StateDep) -> Response:
    """Ready once the analyzer is loaded; 503 until then (or if loading failed)."""
    if state.ready:
        body = Ready(ready=True, seconds_to_ready=state.ready_seconds)
        return JSONResponse(body.model_dump())
    detail = state.load_error or "loading the analyzer"
    return JSONResponse(Ready(ready=False, detail=detail).model_dump(), status_code=503)


@router.get("/metrics", response_class=Response, responses={200: {"content": {"text/plain": {}}}})
def metrics(state: StateDep) -> Response:
    """Prometheus text format (per worker process)."""
    return Response(state.metrics.render(), media_type=CONTENT_TYPE)
