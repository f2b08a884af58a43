"""uvicorn's httptools protocol with TCP_NODELAY (see ``server``); its own module because
importing it needs httptools, which ``server`` only requires when it is installed."""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from assist.service import server


class NoDelayHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, with TCP_NODELAY set on each accepted connection."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        server.set_nodelay(transport.get_extra_info("socket"))
        super().connection_made(transport)
