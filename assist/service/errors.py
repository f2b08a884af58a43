"""One JSON error shape everywhere: ``{"error": {"code", "message", "source", "details"}}``.

Codes are stable (clients switch on them); messages say what to do.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assist.errors import AssistError

log = logging.getLogger("assist.service")

HTTP_CODES = {
    400: ("bad_request", "the request is malformed"),
    401: ("unauthorized", "send a token: Authorization: Bearer <token> (assist tokens create)"),
    403: ("forbidden", "this token's role may not do that"),
    404: ("not_found", "no such resource; check the path (see /openapi.json)"),
    405: ("method_not_allowed", "this path does not take that method (see /openapi.json)"),
    413: ("request_too_large", "the request body is over the limit (ASSIST_MAX_BODY_BYTES)"),
    415: ("unsupported_media_type", "send the content type the route documents"),
    503: ("not_ready", "the analyzer is still loading; retry when GET /readyz says ready"),
}


class ServiceError(Exception):
    """An error of the service itself (not of the input document)."""

    def __init__(
        self,
        code: str,
        message: str,
        status: int = 400,
        details: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(message)
        self.code, self.message, self.status, self.details = code, message, status, details


def error_body(
    code: str, message: str, source: str | None = None, details: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "source": source, "details": details or []}}


def error_response(
    status: int, code: str, message: str, source: str | None = None,
    details: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None,
) -> JSONResponse:  # fmt: skip
    return JSONResponse(error_body(code, message, source, details), status, headers=headers)


def _where(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(p) for p in loc)


def validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Each problem as {field, problem, fix}: where it is, what is wrong, what is accepted."""
    out = []
    for err in exc.errors():
        ctx = err.get("ctx") or {}
        kind = err.get("type", "")
        fix = f"use one of: {ctx['expected']}" if "expected" in ctx else _FIXES.get(kind, "")
        where = _where(err.get("loc", ()))
        out.append({"field": where, "problem": kind, "fix": fix or err.get("msg", "")})
    return out


_FIXES = {
    "missing": "add this field",
    "extra_forbidden": "remove this field (see the request schema in /openapi.json)",
    "string_too_short": "send a non-empty value",
    "string_too_long": "shorten it",
    "json_invalid": "send valid JSON (UTF-8) with Content-Type: application/json",
    "model_attributes_type": "send a JSON object",
    "dict_type": "send a JSON object",
    "string_type": "send a string",
    "int_parsing": "send an integer",
    "date_from_datetime_parsing": "send a date as YYYY-MM-DD",
}


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(AssistError)
    async def _assist(_: Request, exc: AssistError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.source)

    @app.exception_handler(ServiceError)
    async def _service(_: Request, exc: ServiceError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(exc.status, exc.code, exc.message, None, exc.details, headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = validation_details(exc)
        fields = ", ".join(d["field"] for d in details) or "the request"
        return error_response(422, "invalid_request", f"fix {fields}: see details", None, details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = HTTP_CODES.get(exc.status_code, ("http_error", str(exc.detail)))
        headers = dict(exc.headers) if exc.headers else None
        return error_response(exc.status_code, code, message, headers=headers)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(
            500,
            "internal_error",
            "the service failed; the error is logged — report it with the time",
        )
