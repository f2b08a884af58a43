"""HTML left in a document's text: blanked in the normalised view, offsets kept.

Unit rules of ``assist.text.markup`` and a metamorphic check on the 36 real dev documents:
the same judgment wrapped in ``<p>`` paragraphs, joined with ``<br/>`` or indented with
``&nbsp;``/``&emsp;`` must parse as the plain text does, every offset into the text as given.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assist.pipeline import parse_document
from assist.text.markup import blank_markup
from assist.text.normalize import make_text, normalize
from tests.test_layouts import DOCS, _analyzer, evidence_errors, summary


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<p>原告</p><p>被告</p>", "  \n原告      \n被告   \n"),  # one break per run of tags
        ("审判员</p>\n<p>张三", "审判员    \n   张三"),  # a break already there: none added
        ('<div class="c">法院</div><br/>民事', "              \n法院          \n民事"),
        ("&nbsp;&nbsp;安徽省&emsp;刑事", "            安徽省      刑事"),
        ("&ldquo;借款&rdquo;", "“      借款”      "),  # a character entity keeps its character
        ("P&amp;G公司", "P&    G公司"),
        ("&#12288;&#x3000;号", "                号"),  # numeric blanks
        ("<span>原告</span>", "      原告       "),  # inline tags: blanks, no break
    ],
)
def test_blank_markup_rules(raw: str, expected: str) -> None:
    assert blank_markup(raw) == expected
    assert len(blank_markup(raw)) == len(raw)


def test_comments_scripts_and_styles_are_blanked_whole() -> None:
    raw = '<p>原告</p><!-- 被告 <p> -->张三<script>var a = "<p>";</script>。<STYLE>p{}</STYLE>'
    out = blank_markup(raw)
    assert len(out) == len(raw)
    assert out.split() == ["原告", "张三", "。"]


def test_unclosed_openers_stay_linear() -> None:
    raw = "<script>判决" * 20000 + "<!--裁定" * 20000
    assert blank_markup(raw) == raw  # no closer: nothing hidden, and no quadratic rescans


@pytest.mark.parametrize(
    "raw",
    [
        "<<民法典>>第五条",  # not a tag name
        "依照<第五条>规定",
        "A<B且C>D",  # no known tag name right after <
        "&foo;与&bar",  # no known entity
        "原告&被告",
    ],
)
def test_blank_markup_leaves_text_that_is_no_markup(raw: str) -> None:
    assert blank_markup(raw) == raw


def test_normalize_blanks_markup_once_and_for_all() -> None:
    for raw in ("a&#65288;b", "＆ｎｂｓｐ；原告", "<p>x</p>", "&#65308;p>"):
        once = normalize(raw)
        assert len(once) == len(raw) and normalize(once) == once
    assert normalize("a&#65288;b") == "a(       b"  # the entity's character normalised too
    assert normalize("＆ｎｂｓｐ；原告") == "      原告"


def test_entities_in_a_judgment_page_are_blanks() -> None:
    raw = (
        "&nbsp;&nbsp;&nbsp;&nbsp;安徽省池州市贵池区人民法院&nbsp;刑事附带民事判决书&nbsp;"
        "（2022）皖1702刑初87号&nbsp;&nbsp;&nbsp;&nbsp;公诉机关安徽省池州市贵池区人民检察院。"
        "&nbsp;&nbsp;&nbsp;&nbsp;被告人程某某，男，1969年8月4日出生。"
    )
    d = parse_document(raw)
    assert (d.doc_kind, d.title, d.court) == ("judgment", "刑事附带民事判决书", "安徽省池州市贵池区人民法院")  # fmt: skip
    assert d.case_number is not None and d.case_number.normalized == "(2022)皖1702刑初87号"
    assert raw[d.case_number.start : d.case_number.end] == "（2022）皖1702刑初87号"
    assert [p.name for p in d.parties] == ["安徽省池州市贵池区人民检察院", "程某某"]


def test_paragraph_tags_in_a_jsonl_text_field() -> None:
    raw = (
        "<p>点击上方蓝字 关注我们</p><p>四川省成都市武侯区人民法院</p><p>民事判决书</p>"
        "<p>（2023）川0107民初27654号</p><p>原告：冯某，男，1990年8月12日出生。</p>"
        "<p>被告：邓某某，男，1992年4月3日出生。</p>"
        "<p>原告冯某与被告邓某某民间借贷纠纷一案，本院于2023年11月20日立案后。</p>"
    )
    d = parse_document(raw)
    assert (d.title, d.court, d.cause) == (
        "民事判决书",
        "四川省成都市武侯区人民法院",
        "民间借贷纠纷",
    )
    assert sorted((p.name, p.role) for p in d.parties) == [
        ("冯某", "plaintiff"),
        ("邓某某", "defendant"),
    ]
    for p in d.parties:
        assert raw[p.start : p.end] == p.name
    lines = [x.strip() for x in make_text(raw).norm.split("\n") if x.strip()]
    assert lines[1:3] == ["四川省成都市武侯区人民法院", "民事判决书"]  # one line a paragraph
    assert len(lines) == 7


_VARIANTS: dict[str, Callable[[str], str]] = {
    "html_p": lambda t: "".join(f"<p>{line}</p>" for line in t.split("\n")),
    "html_p_attrs": lambda t: "\n".join(f'<p style="indent">{x}</p>' for x in t.split("\n")),
    "html_br": lambda t: '<div class="content">' + "<br/>".join(t.split("\n")) + "</div>",
    "nbsp_indent": lambda t: "\n".join("&nbsp;&nbsp;&nbsp;&nbsp;" + x for x in t.split("\n")),
    "emsp_one_line": lambda t: "".join("&emsp;&emsp;" + x for x in t.split("\n")),
}


@pytest.mark.parametrize("variant", list(_VARIANTS))
@pytest.mark.parametrize("doc_id", list(DOCS))
def test_real_documents_in_html_parse_alike(doc_id: str, variant: str) -> None:
    base = _analyzer().analyze(DOCS[doc_id], doc_id)
    text = _VARIANTS[variant](DOCS[doc_id])
    got = _analyzer().analyze(text, doc_id)
    want, have = summary(base), summary(got)
    assert {k: (want[k], have[k]) for k in want if want[k] != have[k]} == {}
    assert not evidence_errors(text, got)
