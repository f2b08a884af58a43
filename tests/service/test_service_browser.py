"""The case-screen page in headless Chromium: sign in, paste a ruling, see the highlighted
evidence, review the lead, filter the lead list."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from service_helpers import generated, make_settings, token_for

from assist.service.app import create_app

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, FastAPI]]:
    app = create_app(make_settings(tmp_path_factory.mktemp("browser")))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/readyz").status_code == 200:
                break
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    yield url, app
    server.should_exit = True
    thread.join(10)


def test_browser_screen_review_and_list(live: tuple[str, FastAPI]) -> None:
    url, app = live
    token = token_for(app, "browser", "reviewer")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        page = browser.new_page()
        page.goto(f"{url}/ui/")
        assert page.url.endswith("/ui/login")
        page.fill("input[name=token]", token)
        page.click("button[type=submit]")
        page.fill("#text", generated("commutation_ruling", 2))
        page.click("#screen-form button[type=submit]")
        page.wait_for_selector("mark.ev")
        assert page.locator("mark.ev[data-code=commutation_unpaid]").count() >= 1
        assert "财产刑执行" in page.inner_text("main")
        assert page.locator("#docx").count() == 1
        page.check("form.review input[value=unsure]")
        page.fill("form.review input[name=note]", "需调取执行卷宗")
        page.click("form.review button[type=submit]")
        page.wait_for_selector(".reviewed")
        assert "待定" in page.inner_text(".reviewed")
        page.goto(f"{url}/ui/leads")
        page.select_option("select[name=level]", "high")
        page.click("form.filters button[type=submit]")
        assert page.locator("tr.lead").count() == 1
        assert "待定" in page.inner_text("tr.lead")
        browser.close()
