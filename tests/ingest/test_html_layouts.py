"""Judgments saved as HTML: the 36 real dev documents, rendered the way 中国裁判文书网, court
sites and word processors save them, must read back (``read_bytes(..., "x.html")``) into text
that parses like the plain text: same case number, court, parties, statutes, signals …"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import cache
from typing import Any

import pytest

from assist.ingest.formats import read_bytes
from tests.conftest import _dev_documents
from tests.ingest.test_reflow import _diff, summary

DOCS = _dev_documents()
Render = Callable[[str], bytes]

_CJO_STYLE = (
    "TEXT-ALIGN: justify; LINE-HEIGHT: 25pt; TEXT-INDENT: 30pt; MARGIN: 0.5pt 0cm; "
    "FONT-FAMILY: 仿宋; FONT-SIZE: 16pt;"
)
_CENTER = (
    "TEXT-ALIGN: center; LINE-HEIGHT: 25pt; MARGIN: 0.5pt 0cm; FONT-FAMILY: 宋体; FONT-SIZE: 22pt;"
)
_RIGHT = (
    "TEXT-ALIGN: right; LINE-HEIGHT: 25pt; MARGIN: 0.5pt 0cm; FONT-FAMILY: 仿宋; FONT-SIZE: 16pt;"
)


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _entities(line: str) -> str:
    """Escaped, with every blank as the entity a page must use to keep it visible."""
    return html.escape(line, quote=False).replace(" ", "&nbsp;").replace("\u3000", "&#12288;")


def cjo_divs(text: str) -> bytes:
    """中国裁判文书网: one styled <div> a paragraph, court and title centred, the number right."""
    out = ["<div id='DivContent'>"]
    for i, line in enumerate(_lines(text)):
        style = _CENTER if i < 2 else _RIGHT if i == 2 else _CJO_STYLE
        out.append(f"<div style='{style}'>{_entities(line)}</div>")
    return ("\n".join(out) + "\n</div>").encode()


def p_with_br(text: str) -> bytes:
    """A hand-made page: a few <p>s, lines inside one broken by <br>, blanks as typed."""
    lines = [html.escape(line, quote=False) for line in _lines(text)]
    groups = ["<br>\n".join(lines[i : i + 4]) for i in range(0, len(lines), 4)]
    return "".join(f"<p>\n{g}\n</p>\n" for g in groups).encode()


def _split_spans(line: str, width: int = 7) -> str:
    parts = [_entities(line[i : i + width]) for i in range(0, len(line), width)]
    return "".join(
        f'<span\nstyle="font-family:仿宋;mso-ascii-font-family:宋体">{p}</span>' for p in parts
    )


def spans(text: str) -> bytes:
    """Word's "save as web page": every few characters a <span>, mid-word, some in <b>/<font>."""
    out = []
    for line in _lines(text):
        body = _split_spans(line)
        body = body.replace("<span", "<font color=black><span", 1).replace(
            "</span>", "</span></font>", 1
        )
        out.append(f'<p class=MsoNormal style="text-indent:32.0pt">{body}<o:p></o:p></p>')
    return "\n".join(out).encode()


def word_wrapped(text: str, width: int = 30) -> bytes:
    """An editor's source wraps long paragraphs mid-sentence (never inside a run of Latin
    letters or digits, no break opportunity there); a browser joins the CJK lines again."""
    out = []
    for line in _lines(text):
        # atoms: an entity, a run of ASCII letters/digits, or one other character
        atoms = re.findall(r"&[#\w]+;|[A-Za-z0-9.]+|.", _entities(line))
        chunks, size = [""], 0
        for atom in atoms:
            if size >= width:
                chunks.append("")
                size = 0
            chunks[-1] += atom
            size += len(atom)
        out.append("<p class=MsoNormal>" + "\n    ".join(chunks) + "</p>")
    return "\n".join(out).encode()


def invisible(text: str) -> bytes:
    """Zero-width spaces and soft hyphens a site sprinkles in (copy protection, hyphenation)."""
    marked = re.sub(r"(?<=告)|(?<=[号院])(?=\S)", "\u200b", text).replace("判决", "判\u00ad决")
    return cjo_divs(marked)


_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{title} - 中国裁判文书网</title>
<link rel="stylesheet" href="/css/main.css" />
<style type="text/css">
  .content div {{ font-family: 仿宋; }} /* 原告 被告 */
</style>
<script type="text/javascript">
  var caseInfo = {{"案号": "（2018）京01民终1号", "法院": "北京市第一中级人民法院"}};
  if (a < b && c > d) {{ document.write("<div>被告人张三</div>"); }}
</script>
</head>"""
_NAV = """<body><div id="header"><div class="nav"><a href="/">首页</a> &gt;
<a href="/list">裁判文书</a> &gt; 正文</div></div>
<div class="toolbar"><a href="#">分享</a> | <a href="#">打印</a> | <a href="#">关闭</a></div>"""
_FOOTER = """<div class="footer"><a href="#">分享</a>&nbsp;&nbsp;<a href="#">打印</a>
&nbsp;&nbsp;<a href="javascript:window.close()">关闭</a></div>
<script>window.onload = function () { init("原告李四"); };</script>
</body></html>"""


def full_page(text: str) -> bytes:
    """A whole saved page in GB2312: head, title, style, script, navigation and a footer."""
    heading = re.search(r"[民刑行执][事政行]?(?:判决|裁定|调解)书", text)
    title = html.escape(heading.group() if heading else text[:20])
    body = cjo_divs(text).decode()
    page = f'{_HEAD.format(title=title)}\n{_NAV}\n<div class="content">{body}</div>\n{_FOOTER}'
    return page.encode("gb18030")


def one_table(text: str) -> bytes:
    """An old court site: the judgment in a layout table, one row a paragraph, the signature
    block as title | name cells."""
    rows = []
    for line in _lines(text):
        sign = re.fullmatch(r"\s*((?:[审判长员书记代理人民陪]\s*){2,7})\s+(\S.*)", line)
        if sign:
            cells = (
                f"<td>{_entities(sign.group(1).strip())}</td><td>{_entities(sign.group(2))}</td>"
            )
        else:
            cells = f'<td colspan="2">{_entities(line)}</td>'
        rows.append(f"  <tr>\n    {cells}\n  </tr>")
    table = '<table width="100%" border="0" cellpadding="0">\n<tbody>\n{}\n</tbody>\n</table>'
    return table.format("\n".join(rows)).encode()


SHAPES: dict[str, Render] = {
    "cjo_divs": cjo_divs,
    "p_with_br": p_with_br,
    "spans": spans,
    "full_page": full_page,
    "one_table": one_table,
    "word_wrapped": word_wrapped,
    "invisible": invisible,
}


@cache
def _want(doc_id: str) -> dict[str, Any]:
    return summary(DOCS[doc_id])


def read_html(doc_id: str, shape: str) -> str:
    return read_bytes(SHAPES[shape](DOCS[doc_id]), "x.html").text


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("doc_id", list(DOCS))
def test_html_parses_like_plain_text(doc_id: str, shape: str) -> None:
    text = read_html(doc_id, shape)
    diff = _diff(_want(doc_id), summary(text))
    assert not diff, f"plain → {shape}: {diff}"


def test_html_full_page_drops_head_script_and_chrome() -> None:
    text = read_html("fd-006", "full_page")
    assert "caseInfo" not in text and "font-family" not in text
    assert "中国裁判文书网" not in text  # the <title> goes to meta, not the text
    assert not {"首页", "分享", "打印", "关闭"} & set(re.split(r"\W+", text))
    assert text.split("\n")[:3] == ["临夏市人民法院", "执行裁定书", "（2017）甘2901执162号"]


def test_html_spans_join_without_blanks() -> None:
    text = read_html("fd-006", "spans")
    assert text.split("\n")[3].startswith("申请执行人胡加党，男，汉族，1974年11月28日出生")


@pytest.mark.parametrize(
    ("page", "want"),
    [
        ("<p>原告何\n   锴，男。</p>", "原告何锴，男。"),  # a source wrap between CJK: no blank
        ("<p>第\n21号 of\n the</p>", "第 21号 of the"),  # next to Latin or digits: one blank
        ("<p>审<span>判</span><b>长</b>&nbsp;张<font>三</font></p>", "审判长\xa0张三"),
        ("<pre>审  判  员\n  康海龙</pre>", "审  判  员\n康海龙"),  # inner blanks kept
        ("<table><tr><td>审判员\n</td>\n<td> 康海龙</td></tr></table>", "审判员\t康海龙"),
        ('<div class="nav"><div>首页</div>&gt; 文书</div><div id="printArea">正文</div>', "正文"),
        ('<ul class="share-bar"><li>微信</li></ul><p>正\u200b文\u00ad</p>', "正文"),
    ],
)
def test_html_text_blocks_and_blanks(page: str, want: str) -> None:
    assert read_bytes(page.encode(), "x.html").text == want
