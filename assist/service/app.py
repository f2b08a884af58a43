"""``create_app(settings)``: the FastAPI application of the service.

Every /v1 route needs a bearer token; each /v1 call is written to the audit log (user, method,
path, status, duration, ids — never document text) and every call to the JSON request log.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from assist import SCHEMA_VERSION, __version__
from assist.service.errors import error_response, install_handlers
from assist.service.limits import BodyLimit
from assist.service.logging import mask
from assist.service.routes import admin, analyze, leads, ops, pages, screen
from assist.service.settings import Settings
from assist.service.state import ServiceState
from assist.service.store import AuditRow

log = logging.getLogger("assist.service")
_BODY_METHODS = {"POST", "PUT", "PATCH"}
_AUDITED = ("/v1", "/ui/")


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the store is migrated and the analyzer starts loading on start-up."""
    state = ServiceState(settings or Settings())

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        state.start()
        log.info("service started", extra={"path": state.settings.db_url.split("://")[0]})
        try:
            yield
        finally:
            state.stop()
            log.info("service stopped")

    app = FastAPI(
        title="case-assist",
        version=__version__,
        summary="检察法律监督智能辅助: analysis, leads and reviews over HTTP",
        lifespan=lifespan,
    )
    app.state.service = state
    install_handlers(app)
    for router in (ops.router, analyze.router, screen.router, leads.router, admin.router):
        app.include_router(router)
    app.include_router(pages.router)
    static = Path(__file__).resolve().parent / "static"
    app.mount("/ui/static", StaticFiles(directory=static), name="static")
    app.add_api_route("/", lambda: RedirectResponse("/ui/"), include_in_schema=False)
    if state.settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=state.settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.middleware("http")(_observe(state))
    app.add_middleware(BodyLimit, limit=state.settings.max_body_bytes)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def create_app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` (each worker reads the same ASSIST_* environment)."""
    from assist.service.logging import setup_logging

    setup_logging()
    return create_app(Settings())


Handler = Callable[[Request], Awaitable[Response]]


def _observe(state: ServiceState) -> Callable[[Request, Handler], Awaitable[Response]]:
    """Refuse oversized bodies early; time, count, log and audit every request."""

    async def middleware(request: Request, call_next: Handler) -> Response:
        began = time.perf_counter()
        length = request.headers.get("content-length")
        limit = state.settings.max_body_bytes
        if request.method in _BODY_METHODS and length and length.isdigit() and int(length) > limit:
            response: Response = error_response(
                413, "request_too_large",
                f"the body is {int(length):,} bytes; the limit is {limit:,} (ASSIST_MAX_BODY_BYTES)",
            )  # fmt: skip
        else:
            response = await call_next(request)
        ms = round((time.perf_counter() - began) * 1000, 2)
        route = getattr(request.scope.get("route"), "path", "unmatched")
        state.metrics.requests.labels(request.method, route, str(response.status_code)).inc()
        state.metrics.latency.labels(route).observe(ms / 1000)
        user = getattr(request.state, "user", None)
        extra = {"user": user, "method": request.method, "path": request.url.path,
                 "status": response.status_code, "ms": ms}  # fmt: skip
        log.info("request", extra=extra)
        path = request.url.path
        if path.startswith(_AUDITED) and not path.startswith("/ui/static"):
            # off the event loop: a SQLite write may wait on a lock held by a request thread
            await run_in_threadpool(_audit, state, request, response.status_code, ms, user)
        return response

    return middleware


def _audit(state: ServiceState, request: Request, status: int, ms: float, user: str | None) -> None:
    detail = str(getattr(request.state, "detail", ""))
    row = AuditRow(
        user=user, method=request.method, path=mask(request.url.path)[:1000],
        query=mask(request.url.query)[:1000], status=status, ms=ms, detail=mask(detail)[:1000],
    )  # fmt: skip
    try:
        with state.store.session() as s:
            s.add(row)
    except Exception:  # the audit must never turn an answered call into an error
        log.exception("could not write the audit log")


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document, with the contract's analysis schema under components."""
    if app.openapi_schema:
        return app.openapi_schema
    from assist.schemas import json_schema

    doc = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
    analysis = _rebase(json_schema())
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    schemas.update(analysis.pop("$defs", {}))
    schemas["Analysis"] = analysis
    doc["info"]["x-schema-version"] = SCHEMA_VERSION
    app.openapi_schema = doc
    return doc


def _rebase(node: Any) -> Any:
    """JSON Schema ``#/$defs/X`` references → OpenAPI ``#/components/schemas/X``."""
    if isinstance(node, dict):
        return {
            k: (v.replace("#/$defs/", "#/components/schemas/") if k == "$ref" else _rebase(v))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rebase(v) for v in node]
    return node
