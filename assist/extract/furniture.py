"""Web-page furniture around a judgment: where the document's own text begins and ends.

Pages copied from court, law-firm and database sites put lines above the judgment: a
breadcrumb (首页 > 案例库 > 正文), a site title, 发布时间/来源 lines, an editor's note ending in
``。``, a metadata table (案号：… 案由：… 相关法条：…) and sidebar lists of other cases (相关案例,
``·`` bullets, lines "case number + title"). The document itself starts at its header block:
the court name, the heading (民事判决书) and the case number, followed by the party block.

That block is anchored on the header candidate of ``section_cues`` (a case number or heading
directly followed by a party label), chosen as the section parser chooses it; a candidate
whose line is a listing (``(2023)湘07刑更1201号 罪犯王某某减刑刑事裁定书``: number + title) is
skipped. Everything above the block is furniture, except the document's title line
(…纠纷一审民事判决书), which sites print above the court name. Below the document, a page
prints links (上一篇/下一篇), - END -, a lawyer's comment or the mark of an excerpt: the
document ends at the first of them after its party block.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from assist.section_cues import _COURT, _cue, _cue_sources, _patterns
from assist.text.normalize import Text

# A listing line: what follows the "party label" of a candidate is a case title to the line end.
_LISTING_TAIL = re.compile(r"[^,;:。\n]{0,60}?(?:判决|裁定|调解|决定|通知)书 *\n")
# Debris between the lines of a header block: blanks, stray ASCII (p t ” >), no words.
_DEBRIS = r"[^\u4e00-\u9fff。]{0,40}"
# One short line between the heading and the number (来源广州刑事律师某某亲办案件).
_SOURCE_LINE = r"(?:(?<=\n)[^\n。:书]{1,30}\n[^\u4e00-\u9fff。]{0,20})"
# An agency issuing its own decision (上海市闵行区市场监督管理局 above 行政处罚决定书).
_ISSUER = r"[\u4e00-\u9fff]{2,30}?(?:局|委员会|政府|厅|署|支队|大队|派出所)"
_ORGAN = r"(?:赔偿委员会|审判委员会)"
_SPACED_COURT = r"(?:[\u4e00-\u9fff] +){2,30}?(?:人 +民 +法 +院|人 +民 +检 +察 +院)"
_STATE_LINE = re.compile(r"(?:^|(?<=\n)) *中华人民共和国 *\n\s*\Z")
_COURT_SUFFIX = re.compile(r"法院|检察院")
# The most text a page puts above a judgment's header.
_FURNITURE_MAX = 6000
# How far above the number the court and heading of its block may start.
_BLOCK_REACH = 160
# Lines that open a sidebar list of other documents (相关案例, 推荐阅读, 往期推荐 …).
_SIDEBAR_LABEL = re.compile(
    r" *[【\[]?(?:相关|推荐|类似|相似|类案|热门|最新|猜你|延伸|更多|往期|精彩|同类|关联|热点)"
    r"[\u4e00-\u9fff]{0,6}[】\]]? *(?::|(?=\n)|\Z)"
)
_BULLET = re.compile(r" *[·•●○◆◇▪▫■□►▶▸※→»\-*]")
# What a page prints after the document: a line opening with one of these, or a mark of an
# excerpt anywhere.
_AFTERWORD = re.compile(
    r"(?m)^[ \t]*(?:[【\[▍■●◆▲▶]\s*)?"
    r"(?:(?:上|下)一(?:篇|条)\s*[:\s]|-+ *END *-+|\(全文完\)|【完】"
    r"|(?:往期|热门|精彩)(?:推荐|回顾)|(?:推荐|相关|延伸)阅读\s*(?::|$)|相关推荐\s*(?::|$)"
    r"|(?:律师|法官|专家|编者|编辑|案例)(?:点评|评析|说法|手记|点睛|解读|提示)|编后语?\s*(?::|】|$)"
    r"|以上内容来源于|免责声明|联系我们\s*:)"
    r"|\(本文(?:仅)?(?:节选|摘选|摘录|摘编)[^()\n]{0,20}\)|\((?:阅读|查看)全文[^()\n]{0,20}\)"
    r"|【打印(?:本页)?】|【关闭(?:窗口)?】|声明\s*:\s*本站|Copyright ?©"
)
# An entry of a sidebar list: a bullet line, a case number, a law, a title (…判决书), or the
# list's label itself.
_LIST_ENTRY = re.compile(
    r"[ \t]*(?:[·•●○◆◇▪▫■□►▶▸※→»\-*][^\n]*|[^\n]*(?:\(\s*(?:19|20)\d{2}\s*\)[^\n]*号|《)[^\n]*"
    r"|[^\n:;。]{0,80}[书令]|[^\n]*(?:相关|推荐|类似|相似|类案|热门|最新|延伸|更多|往期)[^\n]*)[ \t]*"
)
# A site label before a page's own title (标题：…, 【文书名称】…): the title is what follows it.
_SITE_LABEL = re.compile(
    r" *[【\[]?(?:文章|文书|案件|案例|新闻)?(?:标题|名称|题目)(?:[】\]] *:?|:) *"
)


@lru_cache(maxsize=1)
def _heading() -> re.Pattern[str]:
    """A heading of the cue list, or any short phrase ending in 书/令 (行政赔偿判决书, 支付令)."""
    return re.compile(
        rf"(?:{_cue_sources()['heading']}|(?:[\u4e00-\u9fff] *){{1,10}}?[书令])(?: *\( *稿 *\))?"
    )


@lru_cache(maxsize=2)
def _block_tail(glued: bool) -> re.Pattern[str]:
    """Court, heading and debris ending at the anchor: the block's lines above the number.
    ``glued``: a heading of the cue list glued to the words before it (…一审民 事 判 决 书)."""
    heading = _heading().pattern
    if glued:
        heading = rf"(?:{_cue_sources()['heading']})(?: *\( *稿 *\))?"
        return re.compile(rf"(?P<court>)(?P<heading>{heading}){_DEBRIS}{_SOURCE_LINE}?\Z")
    return re.compile(
        rf"(?:(?P<court>{_COURT}|{_SPACED_COURT}|{_ISSUER})(?:\s*{_ORGAN})?{_DEBRIS})?"
        rf"(?:(?P<heading>{heading}){_DEBRIS}{_SOURCE_LINE}?)?"
        r"[\u4e00-\u9fff]{0,12}\Z"  # an agency's letters before its number (沪市监闵处)
    )


def _is_listing(s: str, m: re.Match[str]) -> bool:
    """A candidate whose line reads "case number + title" (a sidebar entry), not a header."""
    return _LISTING_TAIL.match(s, m.end()) is not None


@lru_cache(maxsize=16)
def header_choice(s: str) -> tuple[re.Match[str], tuple[re.Match[str], ...]] | None:
    """The document's header candidate in ``s`` (normalised text) and the candidates before it.

    The first candidate, or, when a history sentence follows, the last one before it (site
    clutter may repeat the header); listing lines are never candidates."""
    pats = _patterns()
    if pats["header_end"].search(s) is None:
        return None
    found = (m for m in pats["header"].finditer(s) if not _is_listing(s, m))
    chosen = next(found, None)
    if chosen is None:
        return None
    cands = [chosen]
    hist = _cue("history", s, chosen.end(), len(s))
    if hist is not None:
        stop = hist.start("cue")
        cands += itertools.takewhile(lambda c: c.start() < stop, found)
        chosen = [c for c in cands if c.end() <= stop][-1]
    return chosen, tuple(c for c in cands if c.end() <= chosen.start())


def block_start(s: str, anchor: int) -> int:
    """Where the header block ending at ``anchor`` (its number or heading) begins: the court
    name above the heading (with a ``中华人民共和国`` line above it), else the heading, else
    the anchor itself."""
    lo = max(0, anchor - _BLOCK_REACH)
    window = s[lo:anchor]
    best = anchor
    for start in range(len(window)):  # the longest block that runs up to the anchor
        # A name starts where a run of Chinese characters starts; a heading may be glued.
        m = _block_tail(start > 0 and _is_cjk(window[start - 1])).match(window, start)
        if m is not None and (m["court"] or m["heading"]):
            best = lo + (m.start("court") if m["court"] else m.start("heading"))
            break
    state = _STATE_LINE.search(s, max(0, best - 20), best)
    return state.start() if state is not None else best


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@lru_cache(maxsize=1)
def _after_court() -> re.Pattern[str]:
    """What follows a court's name in a header without a known party label after it: the
    heading, then the case number."""
    heading = rf"(?:{_cue_sources()['heading']})"
    return re.compile(rf"{_DEBRIS}{heading}{_DEBRIS}(?P<no>{_patterns()['case_no'].pattern})")


def _court_block(s: str) -> int | None:
    """The number of the first court name + heading + case number block near the top."""
    for m in _COURT_SUFFIX.finditer(s, 0, min(len(s), _FURNITURE_MAX)):
        block = _after_court().match(s, m.end())
        if block is not None:
            return block.start("no")
    return None


@lru_cache(maxsize=16)
def _doc_start(s: str) -> int | None:
    choice = header_choice(s)
    anchor = choice[0].start() if choice is not None else _court_block(s)
    if anchor is None or anchor > _FURNITURE_MAX:
        return None  # a "header" that deep is no page's furniture: trust nothing above it
    return block_start(s, anchor)


def doc_start(t: Text) -> int:
    """Where the document's own header block begins (0 when no header block is found)."""
    start = _doc_start(t.norm)
    return 0 if start is None else start


def doc_end(t: Text) -> int:
    """Where the page's furniture after the document begins (the text's length when none):
    上一篇/下一篇, - END -, 往期推荐, a lawyer's or editor's comment (【律师点评】), the mark of
    an excerpt (（本文仅节选部分内容）, （阅读全文请登录）), print/close buttons, a disclaimer."""
    return _doc_end(t.norm)


@lru_cache(maxsize=16)
def _doc_end(s: str) -> int:
    choice = header_choice(s)
    if choice is None:  # no header block: nothing tells the document from the page
        return len(s)
    m = _AFTERWORD.search(s, choice[0].end())
    return len(s) if m is None else m.start()


def in_document(t: Text, pos: int) -> bool:
    """Whether ``pos`` lies in the document's own text (between the furniture before it and
    after it)."""
    return doc_start(t) <= pos < doc_end(t)


def own_number_text(t: Text) -> str | None:
    """The anchor's case number as written (blanks dropped), when the anchor is a number."""
    choice = header_choice(t.norm)
    if choice is None:
        return None
    m = _patterns()["case_no"].match(t.norm, choice[0].start())
    return None if m is None else m.group().replace(" ", "")


def _line(s: str, pos: int) -> tuple[int, int]:
    start = s.rfind("\n", 0, pos) + 1
    end = s.find("\n", pos)
    return start, len(s) if end < 0 else end


def sidebar_line(t: Text, pos: int) -> bool:
    """Whether the line at ``pos`` (above the header block) lists another document: a bullet
    line, a line or a title followed by a line with another case number, or an entry of a list
    that a sidebar label (相关案例, 推荐阅读 …) opens."""
    s = t.norm
    block = doc_start(t)
    if pos >= block:
        return False
    start, end = _line(s, pos)
    end = min(end, block)  # a text joined into one line: only what stands above the block
    if _SITE_LABEL.match(s, start):
        return False  # 标题：… is the page's own title
    own = own_number_text(t)
    if _BULLET.match(s, start) or _other_number(s, start, end, own):
        return True
    nxt_start = end + 1
    while nxt_start < block and s[nxt_start] in " \n":
        nxt_start += 1
    if nxt_start < block:
        nxt_end = min(_line(s, nxt_start)[1], block)
        number = _patterns()["case_no"].match(s, nxt_start)
        if number is not None and _other_number(s, nxt_start, nxt_end, own):
            return True
    return _under_sidebar_label(s, start)


def _other_number(s: str, start: int, end: int, own: str | None) -> bool:
    """Whether s[start:end] holds a case number other than the document's own."""
    for m in _patterns()["case_no"].finditer(s, start, end):
        if own is None or m.group().replace(" ", "") != own:
            return True
    return False


def _under_sidebar_label(s: str, line_start: int) -> bool:
    """Whether a sidebar label opens the list of entries that this line belongs to; a blank
    line or a line that is no entry (标签：…) ends a list."""
    pos = line_start
    for _ in range(12):
        if _SIDEBAR_LABEL.match(s, pos):
            return True
        if pos == 0:
            return False
        prev = s.rfind("\n", 0, pos - 1) + 1
        if not _LIST_ENTRY.fullmatch(s, prev, pos - 1):
            return False
        pos = prev
    return False


def site_label_end(s: str, start: int, end: int) -> int:
    """Where a page's title begins after a site label (标题：, 【文书名称】) at ``start``."""
    m = _SITE_LABEL.match(s, start, end)
    return m.end() if m is not None else start
