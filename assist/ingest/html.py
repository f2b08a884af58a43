"""An HTML page's visible text, laid out as a browser shows it: one line a block.

Block elements break lines, inline ones (``<span>``, ``<font>``, ``<b>``) do not; blanks inside
a block collapse to one, and a source line break between two CJK characters disappears (CSS Text
§4.1.3: Word and editors wrap the source mid-sentence). Scripts, styles, the head and a site's
chrome (navigation, toolbars, footers) are dropped; the ``<title>`` is returned apart.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from assist.ingest.decode import INVISIBLE

_SKIP_TAG_NAMES = "script style noscript template nav aside footer iframe svg canvas select button"
_BLOCK_TAG_NAMES = """address article blockquote br caption center dd div dl dt fieldset figcaption
figure form h1 h2 h3 h4 h5 h6 header hr li main ol p pre section table tbody tfoot thead tr ul"""
_SKIP_TAGS = frozenset(_SKIP_TAG_NAMES.split())
_BLOCK_TAGS = frozenset(_BLOCK_TAG_NAMES.split())
_CELL_TAGS = frozenset(("td", "th"))
# class/id words of a site's chrome around the judgment (分享 打印 关闭, 首页 > 文书); whole
# words only, so id="printArea" or class="navigator" still show.
_CHROME_NAMES = "nav navbar navigation menu breadcrumb breadcrumbs crumbs footer toolbar share"
_CHROME = frozenset(_CHROME_NAMES.split())
_WORDS = re.compile(r"[a-z]+")
_CELL = "\x1f"  # stands for a cell boundary until blanks are collapsed
_SPACES = re.compile(r"[ \t\n\r\f]+")
_WIDE = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"  # CJK, kana, fullwidth punctuation and forms
_CJK_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t\r\f]*\n[ \t\n\r\f]*(?=[{_WIDE}])")


def _collapse(run: str) -> str:
    """Blanks in one block as a browser shows them."""
    run = _SPACES.sub(" ", _CJK_BREAK.sub("", run.translate(INVISIBLE)))
    return re.sub(f" ?{_CELL} ?", "\t", run)


def _is_chrome(attrs: list[tuple[str, str | None]]) -> bool:
    words = (_WORDS.findall((v or "").lower()) for k, v in attrs if k in ("class", "id"))
    return any(w in _CHROME for ws in words for w in ws)


class _HtmlText(HTMLParser):
    """Collects visible text: clutter skipped, each block's inline run collapsed, then a line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.title: list[str] = []
        self._run: list[str] = []
        self._skip: str | None = None  # the element being skipped, nested to ``_depth``
        self._depth = 0
        self._pre = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip is not None:
            self._depth += tag == self._skip
        elif tag in _SKIP_TAGS or (tag in ("div", "ul", "table", "section") and _is_chrome(attrs)):
            self._skip, self._depth = tag, 1
        elif tag == "title":
            self._in_title = True
        elif tag in _BLOCK_TAGS:
            self._flush()
            self._pre += tag == "pre"

    def handle_endtag(self, tag: str) -> None:
        if self._skip is not None:
            self._depth -= tag == self._skip
            if self._depth <= 0:
                self._skip = None
        elif tag == "title":
            self._in_title = False
        elif tag in _BLOCK_TAGS:
            self._flush()
            self._pre = max(0, self._pre - (tag == "pre"))
        elif tag in _CELL_TAGS:
            self._run.append(_CELL)

    def handle_data(self, data: str) -> None:
        if self._skip is not None:
            return
        (self.title if self._in_title else self._run).append(data)

    def _flush(self) -> None:
        """End the current block: its text, collapsed unless preformatted, becomes lines."""
        run = "".join(self._run)
        self._run = []
        text = run.replace(_CELL, "\t").translate(INVISIBLE) if self._pre else _collapse(run)
        self.lines.extend(text.split("\n"))

    def text(self) -> str:
        self._flush()
        lines = (line.strip(" \t") for line in self.lines)
        return "\n".join(line for line in lines if line)


def html_text(page: str) -> tuple[str, str]:
    """The visible text of ``page`` (lines joined by ``\\n``) and its ``<title>``, both stripped."""
    parser = _HtmlText()
    parser.feed(page)
    parser.close()
    title = _SPACES.sub(" ", "".join(parser.title).translate(INVISIBLE)).strip()
    return parser.text(), title
