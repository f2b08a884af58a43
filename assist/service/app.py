"""``create_app(settings)``: the FastAPI application of the service.

Every /v1 route needs a bearer token; each /v1 call is written to the audit log (user, method,
path, status, duration, ids — never document text) and every call to the JSON request log.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

from assist import SCHEMA_VERSION, __version__
from assist.service.errors import install_handlers
from assist.service.limits import BodyLimit
from assist.service.observe import Observe
from assist.service.routes import admin, analyze, leads, ops, pages, screen
from assist.service.settings import Settings
from assist.service.state import ServiceState

log = logging.getLogger("assist.service")


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
    app.add_middleware(Observe, state=state)
    app.add_middleware(BodyLimit, limit=state.settings.max_body_bytes)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def create_app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` (each worker reads the same ASSIST_* environment)."""
    from assist.service.logging import setup_logging

    setup_logging()
    return create_app(Settings())


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
