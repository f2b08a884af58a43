"""The footer piece of assist.signals.common: what follows the document's end (a website's
footer lines, page numbers) is no section, no cue scans it and ``first`` stops before it.

Documents are the signal frames (tests/signals/signal_helpers.py, from page-01) with the site
footer that test_layouts.py puts under a web page (关注公众号, 分享到：微信 微博).
"""

from __future__ import annotations

import pytest

from assist.document import Document
from assist.parse import content_end
from assist.pipeline import parse_text
from assist.signals.common import BODY, FOOTER, first, make_ctx, make_layout
from assist.text.normalize import make_text
from tests.signals.signal_helpers import CIVIL_HEAD, TAIL, codes, texts

# page-01: an IOU is the only evidence offered; no transfer is mentioned anywhere
_IOU = "原告何锴为证明自己的主张成立,向本院提供了借款凭据一份,证明被告陈晓春于2014年9月14日向原告借款8000元。"
_LOAN = (
    CIVIL_HEAD
    + _IOU
    + "\n判决如下：\n被告陈晓春于本判决生效之日起十日内归还原告何锴借款8000元。"
    + TAIL
)
_FOOTER = "\n关注公众号\n分享到：微信 微博\n"


def _doc(text: str) -> Document:
    return parse_text(make_text(text))


def test_make_layout_footer_piece_after_the_end() -> None:
    text = _LOAN + _FOOTER
    end = content_end(make_text(text).norm)
    assert end == len(_LOAN.rstrip())
    layout = make_layout(_doc(text), len(text), end)
    assert layout.names[-1] == FOOTER and layout.span_of(FOOTER) == (end, len(text))
    assert layout.section_at(end - 1) == "tail" and layout.section_at(end) == FOOTER


@pytest.mark.parametrize("end", [None, "length"])
def test_make_layout_no_footer_without_an_earlier_end(end: str | None) -> None:
    length = len(_LOAN)
    layout = make_layout(_doc(_LOAN), length, length if end == "length" else None)
    assert FOOTER not in layout.names and layout.span_of(FOOTER) is None


def test_make_layout_footer_of_a_text_without_sections() -> None:
    text = "你好" + _FOOTER
    layout = make_layout(_doc(text), len(text), 2)
    assert layout.names == (BODY, FOOTER) and layout.starts == (0, 2)


def test_make_ctx_first_stops_at_the_footer() -> None:
    in_footer = make_ctx(make_text(_LOAN + _FOOTER), _doc(_LOAN + _FOOTER))
    assert not first(in_footer, "iou_only", "transfer")
    # an explicit end still reaches into the footer
    assert first(in_footer, "iou_only", "transfer", 0, len(in_footer.t.norm))
    body = _LOAN.replace(TAIL, "原告通过微信向被告转账8000元。" + TAIL)
    in_body = make_ctx(make_text(body + _FOOTER), _doc(body + _FOOTER))
    assert first(in_body, "iou_only", "transfer")


@pytest.mark.parametrize(
    "footer",
    [_FOOTER, "\n分享到：微信 微博\n浙ICP备05023036号\n", "\n扫一扫 用微信关注\n3\n"],
    ids=["share", "icp-line", "scan-and-page"],
)
def test_signals_wechat_in_a_site_footer_is_no_transfer(footer: str) -> None:
    assert texts(_LOAN + footer, "iou_only") == ["提供了借款凭据"]


def test_signals_wechat_in_the_body_is_transfer_evidence() -> None:
    body = _LOAN.replace(TAIL, "原告通过微信向被告转账8000元。" + TAIL)
    assert "iou_only" not in codes(body)
    assert "iou_only" not in codes(body + _FOOTER)
