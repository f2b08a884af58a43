"""``run``: serve the app with uvicorn (one process or several) with TCP_NODELAY on every connection.

Why the option is set here: with ``workers > 1`` uvicorn binds the listening socket itself as
``socket.socket(AF_INET)``, protocol number 0, and the sockets accepted from it report protocol 0
too; asyncio sets TCP_NODELAY only when ``sock.proto == IPPROTO_TCP``, so those connections keep
Nagle's algorithm. uvicorn writes a response's head and body in two ``send`` calls, and with Nagle
the body waits for the client's delayed ACK of the head: a 40 ms floor on every keep-alive request
(Linux). A single worker binds through ``loop.create_server`` (protocol 6) and never had it.

The HTTP parser is httptools (C) when installed, as it is with the package's dependencies; h11
(pure Python) is the fallback.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

APP = "assist.service.app:create_app_from_env"


def set_nodelay(sock: Any) -> None:
    """Turn Nagle's algorithm off on a TCP socket (other sockets are left as they are)."""
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class NoDelayH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, with TCP_NODELAY set on each accepted connection."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        set_nodelay(transport.get_extra_info("socket"))
        super().connection_made(transport)


def protocol() -> str:
    """The protocol class by import path (workers are spawned, not forked): httptools if present."""
    try:
        import httptools  # noqa: F401
    except ImportError:
        return "assist.service.server:NoDelayH11Protocol"
    return "assist.service.fast_http:NoDelayHttpToolsProtocol"


def run(host: str, port: int, workers: int) -> None:
    """Serve until stopped; each worker builds the app from the ASSIST_* environment."""
    import uvicorn

    uvicorn.run(
        APP, factory=True, host=host, port=port, workers=workers, http=protocol(),
        log_config=None, access_log=False,  # Observe logs every request as JSON
        timeout_graceful_shutdown=30, proxy_headers=False,
    )  # fmt: skip
