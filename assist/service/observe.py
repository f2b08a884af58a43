"""``Observe``: the ASGI middleware that times, counts, logs and audits every HTTP request.

A plain ASGI middleware rather than ``@app.middleware("http")``: Starlette's BaseHTTPMiddleware
runs the app in a task behind memory streams (measured: 1-1.5 ms of an 8 ms POST /v1/analyze on
a 2-CPU machine). A route that writes its own audit row inside its transaction (``audit_row``,
then ``mark_audited`` once committed) spares a second transaction and thread hand-off; every
other audited call gets its row here after the answer is made, crashes (500) included.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assist.service.errors import error_response
from assist.service.logging import mask
from assist.service.state import ServiceState
from assist.service.store import AuditRow

log = logging.getLogger("assist.service")
_BODY_METHODS = {"POST", "PUT", "PATCH"}
_AUDITED = ("/v1", "/ui/")
_UNAUDITED = "/ui/static"
_BEGAN, _AUDITED_KEY = "observe_began", "observe_audited"


@dataclass(frozen=True, slots=True)
class Call:
    """What the log line and the audit row say about one request."""

    method: str
    path: str
    query: str
    status: int
    ms: float
    user: str | None
    detail: str


def elapsed_ms(request: Request) -> float:
    """Milliseconds since ``Observe`` saw the request (0 outside it, e.g. in unit tests)."""
    began = request.scope.get("state", {}).get(_BEGAN)
    return round((time.perf_counter() - began) * 1000, 2) if began else 0.0


def audit_row(request: Request, status: int, detail: str) -> AuditRow:
    """The audit row of a request answered with ``status``, for a route's own transaction;
    its ``ms`` is the time so far (the commit and the sending of the answer are not in it)."""
    user = getattr(request.state, "user", None)
    call = Call(request.method, request.url.path, request.url.query, status,
                elapsed_ms(request), user, detail)  # fmt: skip
    return _row(call)


def mark_audited(request: Request) -> None:
    """Tell ``Observe`` that this request's audit row is committed already."""
    request.scope.setdefault("state", {})[_AUDITED_KEY] = True


def _row(call: Call) -> AuditRow:
    return AuditRow(
        user=call.user, method=call.method, path=mask(call.path)[:1000],
        query=mask(call.query)[:1000], status=call.status, ms=call.ms,
        detail=mask(call.detail)[:1000],
    )  # fmt: skip


class Observe:
    """Refuse bodies declared over the limit; time, count, log and audit every request."""

    def __init__(self, app: ASGIApp, state: ServiceState) -> None:
        self.app, self.state = app, state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        began = scope.setdefault("state", {})[_BEGAN] = time.perf_counter()
        status = 500  # what the client gets if the app raises before answering

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            if self._too_large(request):
                await self._refuse(request, scope, receive, send_status)
            else:
                await self.app(scope, receive, send_status)
        finally:
            ms = round((time.perf_counter() - began) * 1000, 2)
            await self._record(request, status, ms)

    def _too_large(self, request: Request) -> bool:
        length = request.headers.get("content-length")
        limit = self.state.settings.max_body_bytes
        return bool(
            request.method in _BODY_METHODS and length and length.isdigit() and int(length) > limit
        )

    async def _refuse(self, request: Request, scope: Scope, receive: Receive, send: Send) -> None:
        length, limit = int(request.headers["content-length"]), self.state.settings.max_body_bytes
        response = error_response(
            413, "request_too_large",
            f"the body is {length:,} bytes; the limit is {limit:,} (ASSIST_MAX_BODY_BYTES)",
        )  # fmt: skip
        await response(scope, receive, send)

    async def _record(self, request: Request, status: int, ms: float) -> None:
        route = getattr(request.scope.get("route"), "path", "unmatched")
        metrics = self.state.metrics
        metrics.requests.labels(request.method, route, str(status)).inc()
        metrics.latency.labels(route).observe(ms / 1000)
        state = request.scope.get("state", {})
        call = Call(request.method, request.url.path, request.url.query, status, ms,
                    state.get("user"), str(state.get("detail", "")))  # fmt: skip
        log.info("request", extra={"user": call.user, "method": call.method, "path": call.path,
                                   "status": status, "ms": ms})  # fmt: skip
        if _is_audited(call.path) and not state.get(_AUDITED_KEY):
            # off the event loop: a SQLite write may wait on a lock held by a request thread
            await run_in_threadpool(self._audit, call)

    def _audit(self, call: Call) -> None:
        try:
            with self.state.store.session() as s:
                s.add(_row(call))
        except Exception:  # the audit must never turn an answered call into an error
            log.exception("could not write the audit log")


def _is_audited(path: str) -> bool:
    return path.startswith(_AUDITED) and not path.startswith(_UNAUDITED)
