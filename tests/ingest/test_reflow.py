"""Reflowing a PDF's hard line wraps: the 36 real dev documents, wrapped as a PDF shows them,
must parse like the original; flowed text comes out unchanged; a real PDF reads back whole."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.ingest.formats import read_bytes
from assist.ingest.reflow import (
    display_width,
    full_width,
    is_page_number,
    reflow,
    reflow_pages,
    strip_page_furniture,
)
from assist.pipeline import parse_text
from assist.signals import find_signals
from assist.text.normalize import make_text, normalize
from tests.conftest import _dev_documents

DOCS = _dev_documents()
WIDTH = 38  # display columns: 19 CJK characters, a narrow column; 56 is an A4 page at 14pt


def hard_wrap(text: str, width: int = WIDTH, trailing: str = "") -> str:
    """A PDF's text layer: every paragraph cut into visual lines of at most ``width`` columns,
    each line ending in ``trailing`` (pypdf leaves a blank at some line ends)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for char in paragraph:
            if used + display_width(char) > width and line:
                lines.append(line + trailing)
                line, used = "", 0
            line += char
            used += display_width(char)
        lines.append(line)
    return "\n".join(lines)


def _key(value: str | None) -> str | None:
    return None if value is None else re.sub(r"\s", "", normalize(value))


def summary(text: str) -> dict[str, Any]:
    """The fields a wrap must not change."""
    t = make_text(text)
    d = parse_text(t)
    number = d.case_number
    return {
        "case_number": _key(number.normalized) if number else None,
        "court": _key(d.court),
        "title": _key(d.title),
        "doc_kind": d.doc_kind,
        "cause": _key(d.cause),
        "procedure": d.procedure,
        "decided": d.dates.decided,
        "parties": sorted((_key(p.name) or "", p.role) for p in d.parties),
        "statutes": sorted({(_key(s.law) or "", s.article) for s in d.statutes}),
        "penalties": sorted((p.kind, _key(p.person) or "", str(p.amount)) for p in d.penalties),
        "interest_rate": str(d.interest_rate.annual_percent) if d.interest_rate else None,
        "signals": sorted({s.code for s in find_signals(t, d)}),
    }


def _diff(want: dict[str, Any], have: dict[str, Any]) -> dict[str, Any]:
    return {k: (want[k], have[k]) for k in want if want[k] != have[k]}


def _paginate(text: str, lines_per_page: int = 30) -> list[str]:
    lines = text.split("\n")
    return ["\n".join(lines[i : i + lines_per_page]) for i in range(0, len(lines), lines_per_page)]


def _no_trailing_blanks(text: str) -> str:
    return re.sub(r" +$", "", text, flags=re.MULTILINE)


# --- the 36 dev documents ------------------------------------------------------------------


@pytest.mark.parametrize("doc_id", list(DOCS))
def test_reflow_recovers_hard_wrapped_document(doc_id: str) -> None:
    text = DOCS[doc_id]
    wrapped = hard_wrap(text, trailing=" ")
    assert _diff(summary(text), summary(reflow(wrapped))) == {}


@pytest.mark.parametrize("doc_id", list(DOCS))
def test_reflow_pages_recovers_wide_paginated_document(doc_id: str) -> None:
    """An A4 page's width, 30 lines a page: wraps across page breaks are joined too."""
    text = DOCS[doc_id]
    pages = _paginate(hard_wrap(text, 56))
    assert _diff(summary(text), summary(reflow_pages(pages))) == {}


def test_hard_wrap_breaks_the_parse_without_reflow() -> None:
    """The wrap is a real test: unreflowed, most documents lose fields."""
    broken = [d for d, text in DOCS.items() if summary(hard_wrap(text)) != summary(text)]
    assert len(broken) >= 30


@pytest.mark.parametrize("doc_id", list(DOCS))
def test_reflow_leaves_flowed_document_unchanged(doc_id: str) -> None:
    text = DOCS[doc_id]
    assert reflow(text) == _no_trailing_blanks(text)
    pages = _paginate(text, 10)
    joined = "\n".join(page.strip("\n") for page in pages)  # as pages were joined before reflow
    # fd-026 ends in its source PDF's page numbers (…书记员 韩亚明\n1\n1): those go.
    joined = re.sub(r"(?:\n[0-9])+\Z", "", joined) if doc_id == "fd-026" else joined
    assert reflow_pages(pages) == _no_trailing_blanks(joined)


def _running_header(text: str) -> str:
    """The case number as a page header: its own line of the heading if it has one."""
    head = [line.strip() for line in text.split("\n")[:6]]
    own = [line for line in head if line.endswith("号") and display_width(line) < 40]
    number = parse_text(make_text(text)).case_number
    assert number is not None
    return own[0] if own else number.raw


def _pdf_pages(text: str, header: str) -> list[str]:
    """Wrapped at 56 columns, 30 lines a page, a "第 k 页 共 n 页" footer on every page and
    the running ``header`` on top of pages 2 onwards, as pypdf reads such a PDF."""
    bodies = _paginate(hard_wrap(text, 56))
    n = len(bodies)
    return [
        "\n".join(([header] if k > 1 else []) + [body, f"第 {k} 页 共 {n} 页"])
        for k, body in enumerate(bodies, 1)
    ]


@pytest.mark.parametrize("doc_id", list(DOCS))
def test_reflow_pages_drops_page_numbers_and_running_headers(doc_id: str) -> None:
    """Footers and the header between a sentence's halves go; the sentence joins again."""
    text = DOCS[doc_id]
    header = _running_header(text)
    pages = _pdf_pages(text, header)
    out = reflow_pages(pages)
    assert "页 共" not in out
    assert _diff(summary(text), summary(out)) == {}
    # The header is only where the document has it, never inside a sentence.
    key = re.sub(r"\s", "", header)
    assert re.sub(r"\s", "", out).count(key) == re.sub(r"\s", "", text).count(key)


# --- the rules, one by one -----------------------------------------------------------------

SENTENCE = "原告何锴为与被告陈晓春民间借贷纠纷一案于二〇一五年一月向本院起诉本院依法受理"


def _page(*lines: str) -> str:
    return "\n".join(lines)


def test_full_width_needs_a_cluster_of_long_lines() -> None:
    full = SENTENCE[:19]
    assert full_width([full, full, full, "短行。"]) == 38
    assert full_width([full, full, "短行。"]) is None  # two lines are no layout
    assert full_width(["民事判决书", "（2015）绍新商初字第195号", "审判员 秦妙"] * 3) is None
    paragraphs = [SENTENCE * 4 + "。", SENTENCE * 3 + "。"] * 3
    assert full_width([*paragraphs, "浙江省新昌县人民法院", "民事判决书", "审判员 秦妙"]) is None


def test_reflow_joins_full_lines_and_keeps_paragraph_ends() -> None:
    a, b, c = SENTENCE[:19], SENTENCE[19:38], SENTENCE[38:]
    page = _page(a, b, c + "。", a + "。", b, a, b + "：", c)
    assert reflow(page) == _page(a + b + c + "。", a + "。", b + a + b + "：", c)


def test_reflow_never_joins_into_paragraph_starts() -> None:
    a, b = SENTENCE[:19], SENTENCE[19:38]
    starts = [
        "\u3000\u3000本院认为",
        "被告：陈晓春。",
        "上诉人（原审被告）张三",
        "审 判 长  秦妙",
        "第 1 页 共 2 页",
    ]
    for start in starts:
        page = _page(a, b, a, start)
        assert reflow(page) == _page(a + b + a, start), start


def test_reflow_joins_a_bare_label_mid_sentence_and_a_title_tail() -> None:
    a = SENTENCE[:19]
    bare = reflow(_page(a, a, a, "原告何锴为与", "被告陈晓春一案。"))
    assert bare == _page(a * 3 + "原告何锴为与", "被告陈晓春一案。")
    title = "某某有限公司与某某县人力资源和社会保障局行政裁决一审"
    tail = title[19:] + "行政判决书"
    assert reflow(_page(a, a, title[:19], tail)) == a + a + title + "行政判决书"
    # …but a full line that ends in a heading is a title: the court's name below stays apart.
    assert reflow(_page(a, a, a, title[:9] + "一审民事判决书", "浙江省新昌县人民法院")) == _page(
        a * 3 + title[:9] + "一审民事判决书", "浙江省新昌县人民法院"
    )


def test_reflow_keeps_page_numbers_signatures_and_titles_apart() -> None:
    a = SENTENCE[:19]
    court = "浙江省新昌县人民法院"
    page = _page(a, a, a, "12", a + "。", court, "民事判决书", a, "审判员 秦妙", a, "第 2 页", a)
    want = ["12", a + "。", court, "民事判决书", a, "审判员 秦妙", a, "第 2 页", a]
    assert reflow(page).split("\n")[1:] == want
    assert is_page_number("- 3 -") and is_page_number("第 2 页") and not is_page_number("2015年")


def test_reflow_label_colon_at_line_end_goes_on() -> None:
    a = SENTENCE[:17] + "原告："
    assert reflow(_page(a, a, a, "何锴，男。")) == a * 3 + "何锴，男。"


def test_reflow_continuation_punctuation_always_joins() -> None:
    assert reflow(_page("（2015）绍新商初字第195号民事判决书", "，已发生法律效力。")) == (
        "（2015）绍新商初字第195号民事判决书，已发生法律效力。"
    )


def test_reflow_latin_words_keep_their_blank_and_trailing_blanks_go() -> None:
    a = SENTENCE[:15] + "TIMOTHY "
    assert reflow(_page(a, a, a, "LEE，董事长。  ")) == (a.strip() * 3 + " LEE，董事长。")


def test_reflow_short_page_uses_the_document_width() -> None:
    a, b = SENTENCE[:19], SENTENCE[19:38]
    assert reflow(_page(a, b + "。")) == _page(a, b + "。")  # alone: no layout to go by
    assert reflow_pages([_page(a, a, a + "。"), _page(a, b + "。")]) == (
        a * 3 + "。\n" + a + b + "。"
    )


COURT, NUMBER = "浙江省新昌县人民法院", "（2015）绍新商初字第195号"


def test_reflow_pages_joins_across_footers_of_every_form() -> None:
    a, b, c = SENTENCE[:19], SENTENCE[19:38], "本院依法受理。"
    for k, n in [
        ("第 1 页 共 2 页", "第 2 页 共 2 页"),
        ("- 1 -", "- 2 -"),
        ("1/2", "2/2"),
        ("1", "2"),
    ]:
        pages = [_page(a, a, a, b, "", k), _page(n, c)]  # a page number on top, too
        assert reflow_pages(pages) == a * 3 + b + c, k
    # A page of nothing but its number goes; the other pages lose theirs.
    assert strip_page_furniture([_page(a, "第 1 页"), "第 2 页", _page("- 3 -", c)]) == [a, c]


def test_reflow_pages_keeps_a_bare_number_no_page_numbering_explains() -> None:
    a, c = SENTENCE[:19], "本院依法受理。"
    assert reflow_pages([_page(a, a, a + "。", "2015"), _page(c)]) == _page(a * 3 + "。", "2015", c)


def test_reflow_pages_drops_running_headers_and_footers() -> None:
    a, b, c = SENTENCE[:19], SENTENCE[19:38], "本院依法受理。"
    footer = "本裁判文书库仅供参考"
    pages = [_page(COURT, "民事判决书", NUMBER, a, a, b, footer, "第 1 页")]
    pages += [_page(COURT, NUMBER, a, a, b, footer, "第 2 页"), _page(COURT, NUMBER, c, footer)]
    want = _page(COURT, "民事判决书", NUMBER, a + a + b + a + a + b + c)
    assert reflow_pages(pages) == want
    # Two pages: the header on page 2 repeats the heading, so it is a header still.
    assert reflow_pages([_page(COURT, NUMBER, a, a, b), _page(NUMBER, c)]) == _page(
        COURT, NUMBER, a + a + b + c
    )


def test_reflow_pages_keeps_the_first_line_a_header_repeats() -> None:
    a, b, c = SENTENCE[:19], SENTENCE[19:38], "本院依法受理。"
    pages = [_page(COURT, a, a, b), _page(COURT, a, b), _page(COURT, c)]
    assert reflow_pages(pages) == _page(COURT, a + a + b + a + b + c)


def test_reflow_pages_keeps_a_line_seen_once_and_a_new_documents_heading() -> None:
    a, b, c = SENTENCE[:19], SENTENCE[19:38], "本院依法受理。"
    once = "来源：某某律师事务所整理"
    assert reflow_pages([_page(COURT, a, a, b + "。"), _page(once, c)]) == _page(
        COURT, a + a + b + "。", once, c
    )
    # A second judgment starting on page 2 keeps its court's name above its title.
    second = [_page(COURT, "民事判决书", a, a, b + "。"), _page(COURT, "民事裁定书", c)]
    assert reflow_pages(second) == _page(
        COURT, "民事判决书", a + a + b + "。", COURT, "民事裁定书", c
    )
    # A body line at a page's top equal to one in the heading but as wide as running text stays.
    assert (
        reflow_pages([_page(a, a, a + "。"), _page(a, b + "。")]) == a * 3 + "。\n" + a + b + "。"
    )


# --- properties ----------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("原告被告审判长员书记民事判决本院认为一二三四五十年月日号第条法")
    + list("。，：；、（）()《》0123456789 abcXYZ\u3000\t\n")
)


def _content(text: str) -> str:
    return re.sub(r"[ \n]", "", text)


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=600), st.integers(min_value=10, max_value=60))
def test_reflow_only_removes_newlines_and_trailing_blanks(text: str, width: int) -> None:
    for page in (text, hard_wrap(text, width, trailing=" ")):
        out = reflow(page)
        assert _content(out) == _content(page)
        assert out.count("\n") <= page.count("\n")
        assert not re.search(r" $", out, flags=re.MULTILINE)
        assert out.count(" ") <= _no_trailing_blanks(page).count(" ") + page.count("\n")


def _ink(text: str) -> str:
    return re.sub(r"\s", "", text)


def _subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(c in chars for c in short)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(_ALPHABET, max_size=200), max_size=6))
def test_reflow_pages_never_raises(pages: list[str]) -> None:
    """Only whole lines go, and only where a page number or a repeated line could stand."""
    out = reflow_pages(pages)
    assert _subsequence(_ink(out), _ink("".join(pages)))
    lines = [_ink(x) for page in pages for x in page.split("\n") if x.strip()]
    numbered = any(is_page_number(x) for page in pages for x in page.split("\n"))
    if not numbered and all(_ink("".join(pages)).count(x) == 1 for x in lines):
        assert _content(out) == _content("".join(pages))


_LINES = st.sampled_from(
    [
        *(SENTENCE[:19], SENTENCE[19:38] + "。", "第 1 页 共 2 页", "- 2 -", "12", "3/4", ""),
        *("（2015）绍新商初字第195号", "浙江省新昌县人民法院", "民事判决书", "审判员 秦妙"),
    ]
) | st.text(_ALPHABET, max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_LINES, max_size=8), max_size=5))
def test_reflow_pages_drops_only_page_numbers_and_repeats(pages: list[list[str]]) -> None:
    texts = ["\n".join(page) for page in pages]
    out = _ink(reflow_pages(texts))
    whole = _ink("".join(texts))
    assert _subsequence(out, whole)
    # Lines as the page texts hold them: a generated entry may itself contain line breaks.
    for line in (x for text in texts for x in text.split("\n")):
        if not is_page_number(line) and whole.count(_ink(line)) == 1:
            assert _ink(line) in out, line


# --- a real PDF ----------------------------------------------------------------------------

HISTORY = (
    "原告何锴为与被告陈晓春民间借贷纠纷一案，于2015年1月26日向本院起诉，本院于同日立案受理后，"
    "依法由审判员秦妙独任审判，于2015年2月11日依法公开开庭进行了审理，原告何锴到庭参加诉讼，"
    "被告陈晓春经本院传票传唤无正当理由拒不到庭，本案现已审理终结。"
)
PARTIES = [
    "原告：何锴，男，1980年1月1日出生，汉族，农民，住浙江省新昌县南明街道某某村某某号。",
    "被告：陈晓春，男，1975年5月5日出生，汉族，个体工商户，住浙江省新昌县七星街道某某小区。",
]


def _judgment_pdf() -> bytes:
    """A judgment laid out by reportlab's CJK line breaker: every long paragraph wraps."""
    pytest.importorskip("reportlab")
    from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
    from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # type: ignore[import-untyped]
    from reportlab.platypus import Paragraph, SimpleDocTemplate  # type: ignore[import-untyped]

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=18, wordWrap="CJK")
    centred = ParagraphStyle("centred", parent=body, alignment=1)
    flow = [
        Paragraph("浙江省新昌县人民法院", centred),
        Paragraph("民事判决书", centred),
        Paragraph("（2015）绍新商初字第195号", centred),
        *(Paragraph(line, body) for line in PARTIES),
        Paragraph(HISTORY, body),
        Paragraph("审判员　秦妙", body),
        Paragraph("二〇一五年三月一日", body),
    ]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build(flow)
    return buffer.getvalue()


def test_pdf_wrapped_paragraph_reads_back_as_one_line() -> None:
    from pypdf import PdfReader

    data = _judgment_pdf()
    layer = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert HISTORY not in layer.replace(" ", "")  # the layout did wrap it
    doc = read_bytes(data, "判决书.pdf")
    lines = [line.strip() for line in doc.text.split("\n")]
    assert HISTORY in lines
    assert all(line in lines for line in PARTIES)
    parsed = parse_text(make_text(doc.text))
    assert parsed.case_number is not None
    assert parsed.case_number.normalized == "(2015)绍新商初字第195号"
    assert {(p.name, p.role) for p in parsed.parties} == {
        ("何锴", "plaintiff"),
        ("陈晓春", "defendant"),
    }
