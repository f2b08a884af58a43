"""A body-size limit that also holds for chunked requests (no Content-Length to check first).

A request without Content-Length is read into memory up to the limit before the app sees it:
over the limit it is answered 413 at once; otherwise its body is replayed to the app.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assist.service.errors import error_response


class BodyLimit:
    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = dict(scope.get("headers") or ())
        if scope["type"] != "http" or b"content-length" in headers:
            await self.app(scope, receive, send)  # a declared length is checked by the app
            return
        chunks: list[bytes] = []
        size, more = 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > self.limit:
                response = error_response(
                    413, "request_too_large",
                    f"the body is over the limit of {self.limit:,} bytes (ASSIST_MAX_BODY_BYTES)",
                )  # fmt: skip
                await response(scope, receive, send)
                return
        body, sent = b"".join(chunks), False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)
