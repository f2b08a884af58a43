"""report.html: self-contained (no script, no network address), Chinese, charts as inline SVG,
top leads with the evidence marked; rendered in headless Chromium and checked by screenshot."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from assist.archive.config import default_config
from assist.archive.engines import LocalEngine
from assist.archive.report import bar_chart, highlight
from assist.archive.screen import ScreenOptions, screen
from assist.ingest.inputs import iter_inputs
from tests.archive.screen_factory import texts, write_jsonl

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("report")
    inputs = write_jsonl(base / "documents.jsonl", 300, seed=6)
    source = dict(texts(300, seed=6))
    engine = LocalEngine(0)
    screen(iter_inputs([str(inputs)]), base / "out", engine=engine, config=default_config(),
           options=ScreenOptions(batch_size=100), progress=False,
           texts_for=lambda ids: {i: source[i] for i in ids if i in source})  # fmt: skip
    return base / "out" / "report.html"


def test_report_highlight_marks_the_span_in_context() -> None:
    text = "经审理查明，被告人张某某于2019年<b>贩卖毒品</b>，判处罚金人民币五千元。"
    start = text.index("判处罚金")
    html = highlight(text, start, start + 10, context=6)
    assert "<mark>判处罚金人民币五千元</mark>" in html and "&lt;/b&gt;" in html
    assert html.startswith("…")


def test_report_bar_chart_is_svg_with_escaped_labels() -> None:
    svg = bar_chart("线索类型", [("虚假诉讼风险", 3), ("<x>", 1)])
    assert svg.startswith("<svg") and svg.count("<rect") == 2 and "&lt;x&gt;" in svg
    assert "（无）" in bar_chart("空", [])


def test_report_is_self_contained_and_chinese(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert "<script" not in html and not re.search(r"(src|href)=\"https?:", html)
    assert html.count("<svg") == 5 and "<mark>" in html
    for heading in ("批量筛查报告", "频繁起诉的原告", "反复出现问题的行政机关", "重点线索"):
        assert heading in html
    assert "虚假诉讼风险" in html


@pytest.mark.browser
def test_report_renders_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    shot = tmp_path / "report.png"
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(report.as_uri())
            assert page.title() == "批量筛查报告"
            assert page.locator("svg.chart").count() == 5
            box = page.locator("svg.chart").first.bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 40
            assert page.locator("mark").count() > 0
            assert "法律监督线索批量筛查报告" in page.locator("h1").inner_text()
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert all(url.startswith("file:") for url in requests)  # nothing from the network
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    _assert_not_blank(shot)


def _assert_not_blank(shot: Path) -> None:
    """The screenshot has drawn content: the bar colour and dark text pixels, not one colour."""
    import struct
    import zlib

    data = shot.read_bytes()
    width, height = struct.unpack(">II", data[16:24])
    assert width >= 1000 and height > 900
    chunks, pos = [], 8
    while pos < len(data):
        length = struct.unpack(">I", data[pos : pos + 4])[0]
        kind = data[pos + 4 : pos + 8]
        if kind == b"IDAT":
            chunks.append(data[pos + 8 : pos + 8 + length])
        pos += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    assert len(set(raw[: 1 << 20])) > 50  # many distinct byte values: text, bars, background
