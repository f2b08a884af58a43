"""``assist.service.server``: TCP_NODELAY on connections accepted from a protocol-0 listener
(what uvicorn binds with several workers), so keep-alive calls have no 40 ms Nagle floor."""

from __future__ import annotations

import importlib
import socket
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn

from assist.service import fast_http, server

PROTOCOLS = [server.NoDelayH11Protocol, fast_http.NoDelayHttpToolsProtocol]


def listener() -> socket.socket:
    """A listening socket made the way uvicorn makes it for several workers (protocol 0)."""
    sock = socket.socket(family=socket.AF_INET)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock


def nodelay(sock: socket.socket) -> int:
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def test_server_set_nodelay_on_accepted_protocol0_socket() -> None:
    with listener() as lst, socket.create_connection(lst.getsockname()):
        accepted, _ = lst.accept()
        with accepted:
            assert accepted.proto == 0 and nodelay(accepted) == 0  # asyncio would skip it
            server.set_nodelay(accepted)
            assert nodelay(accepted) == 1


def test_server_set_nodelay_leaves_other_sockets() -> None:
    a, b = socket.socketpair()
    with a, b:
        server.set_nodelay(a)  # a Unix socket: no TCP option to set, no error
    server.set_nodelay(None)


def test_server_run_uses_the_nodelay_protocol(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    server.run("127.0.0.1", 8123, 3)
    assert seen["app"] == server.APP and seen["factory"] is True
    assert seen["workers"] == 3 and seen["http"] == server.protocol()
    assert seen["access_log"] is False and seen["proxy_headers"] is False
    module, name = server.protocol().split(":")
    # httptools is a dependency of the package: the C parser is the one served
    assert getattr(importlib.import_module(module), name) is fast_http.NoDelayHttpToolsProtocol


def test_server_falls_back_to_h11_without_httptools(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "httptools", None)  # import fails as if not installed
    module, name = server.protocol().split(":")
    assert getattr(importlib.import_module(module), name) is server.NoDelayH11Protocol


async def hello(scope: dict[str, Any], receive: Any, send: Any) -> None:
    assert scope["type"] == "http"
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


@pytest.fixture(params=PROTOCOLS, ids=["h11", "httptools"])
def served(request: pytest.FixtureRequest) -> Iterator[str]:
    """``hello`` served by uvicorn with a no-delay protocol on a protocol-0 listener."""
    sock = listener()
    config = uvicorn.Config(hello, http=request.param, lifespan="off", log_config=None)
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    host, port = sock.getsockname()
    deadline = time.monotonic() + 10
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.01)
    try:
        yield f"http://{host}:{port}/"
    finally:
        srv.should_exit = True
        thread.join(10)
        sock.close()


def test_server_protocol_sets_nodelay_on_each_served_connection(
    served: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []

    def record(sock: Any) -> None:
        original(sock)
        seen.append(nodelay(sock))

    original = server.set_nodelay
    monkeypatch.setattr(server, "set_nodelay", record)
    with httpx.Client() as client:  # one keep-alive connection, several requests
        assert [client.get(served).text for _ in range(3)] == ["ok"] * 3
    assert seen == [1]  # set once, on the one connection (no timing: the 40 ms floor is benched)
