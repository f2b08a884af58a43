"""The end of a document: its operative part, signature block (a judge's or an agency's dated
落款), appended statutes, and the trailing junk (page numbers, a website's footer) before them."""

from __future__ import annotations

import re

from assist.document import SpanPair
from assist.section_cues import _cue, _cue_starts, _cues, _first, _patterns, _rstrip, _span

_LOWER_COURT = re.compile(r"一审|原审|初审|原判|该院|(?<!最高人民)法院(?!关于)")
_END_DATE = re.compile(
    r"[〇零一二三四五六七八九OoΟοОо0-9]{4}\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月"
    r"\s*[0-9一二三四五六七八九十]{1,3}\s*日\s*$"
)
# The issuer above or before the date: a name ending in an organ's suffix, or set apart by
# blanks; never a sentence (…本院于).
_ISSUER = re.compile(
    r"\s*[^。,，;；:\n]{2,40}?(?:院|局|委员会|政府|厅|所|处|中心|办公室|站|队|会|部)\s*"
    r"|\s*[^。,，;；:\n\s]{2,40}\s+"
)
# Lines an agency prints after its dated signature: 抄送/抄报/附件 lists, contacts, and notes
# in brackets (（市场监督管理部门将依法向社会公示…）, （此件公开发布）, （印章）).
_AFTER_SIGNATURE = re.compile(
    r"[ \t\u3000]*(?:\([^\n]{0,80}\)|(?:抄\s*送|抄\s*报|附\s*件?|联系人|联系电话)\s*[:：][^\n]*)\s*"
)
_OPINION = re.compile(r"(?P<who>本院|法院|一审|原审|该院)(?:经审理|经审查|审查)?认为")
_CLOSING = re.compile(r"此致|特此|通知|建议|责令|履行")
_BOOK_TITLE = re.compile(r"《[^》]*》")
_NAME_TOKEN = re.compile(r"[^\s附《]{1,5}(?: {1,3}[^\s附《](?!\S))*")
_JUNK_LINE = re.compile(
    r"\s*(?:PAGE)?\s*\d{0,4}\s*"
    # a website's footer line after the document: follow-us, share buttons, navigation
    r"|[ ]*(?:关注|分享到|扫一扫|扫码|返回顶部|打印本页|关闭窗口|责任编辑|上一篇|下一篇|版权所有"
    r"|Copyright|[\u4e00-\u9fff]?ICP备)[^\n]{0,40}\s*"
)


def _decision_and_tail(s: str, start: int) -> tuple[int | None, SpanPair | None]:
    """Where the operative part starts, and the signature block.

    The last cue before the signature block wins: a second-instance document quotes the lower
    court's 判决如下 before its own."""
    pats = _patterns()
    found = _cue_starts("decision", s, start)
    if not found:
        found = _cue_starts("decision_alt", s, start)
    reasoning = _cue("reasoning", s, start, len(s))
    tail_from = found[0] if found else (reasoning.start("cue") if reasoning else None)
    tail_m = _first(pats["tail"], s, tail_from, len(s)) if tail_from is not None else None
    tail = (tail_m.start(), _tail_end(s, tail_m.start())) if tail_m else _dated_signature(s, start)
    if tail is not None:
        found = [i for i in found if i < tail[0]]
    else:  # cut-off text: a quoted lower-court operative part must not pass for this one's
        found = [i for i in found if not _lower_court_sentence(s, i)]
    return (found[-1] if found else None), tail


def _dated_signature(s: str, start: int) -> SpanPair | None:
    """An agency's 落款 without a judge: the text ends with a date, after the issuer's name
    (处罚决定书, 检察建议书, 通知书); a cut-off sentence ending in a date does not count."""
    end = _signature_end(s, start)
    m = _END_DATE.search(s, max(start, end - 200), end)
    if m is None:
        return None
    lo = max(start, s.rfind("。", start, m.start()) + 1)
    before = s[lo : m.start()]
    if not before.strip():
        # A date alone: in Chinese numerals, or set apart after a closing sentence (责令…履行…).
        chinese = not s[m.start()].isdigit()
        previous = s.rfind("。", max(start, lo - 300), max(start, lo - 1)) + 1
        closing = before != "" and _CLOSING.search(s, max(start, previous), lo) is not None
        return _span(s, m.start(), m.end()) if chinese or closing else None
    issuer_start = lo + before.rstrip().rfind("\n") + 1
    issuer = s[issuer_start : m.start()]
    if _ISSUER.fullmatch(issuer):
        return _span(s, issuer_start, m.end())
    return _span(s, m.start(), m.end()) if before[-1].isspace() and "\n" in before else None


def _signature_end(s: str, start: int) -> int:
    """Where an agency's dated signature may end: before junk and after-signature lines."""
    end = _trim_junk(s, start)
    while end > start:
        line_start = s.rfind("\n", start, end - 1) + 1
        if line_start <= start or not _AFTER_SIGNATURE.fullmatch(s, line_start, end):
            break
        end = _rstrip(s, start, line_start)
    return end


def _lower_court_sentence(s: str, cue: int) -> bool:
    """The cue belongs to a lower court: its sentence names that court (一审法院…判决如下), or
    the nearest preceding …认为 is not 本院认为."""
    lo = max(0, cue - 500)
    stop = max(s.rfind("。", lo, cue), s.rfind("\n", lo, cue), lo - 1)
    sentence = _BOOK_TITLE.sub("", s[stop + 1 : cue])
    if _LOWER_COURT.search(sentence) is not None:
        return True
    opinions = list(_OPINION.finditer(s, max(0, cue - 3000), cue))
    return bool(opinions) and opinions[-1].group("who") != "本院"


def _tail_end(s: str, start: int) -> int:
    """End of the signature block: the clerk's name, else the date, else the judge's line."""
    pats = _patterns()
    stop = s.find("。", start)
    region_end = min(len(s), start + 400, stop if stop >= 0 else len(s))
    clerks = list(pats["clerk"].finditer(s, start, region_end))
    if clerks:
        i = clerks[-1].end()
        while i < len(s) and s[i] in " :":
            i += 1
        newline = s.find("\n", i, i + 30)
        if newline >= 0:
            return _rstrip(s, i, newline) if s[i:newline].strip() else i
        m = _NAME_TOKEN.match(s, i)
        return m.end() if m else i
    dates = list(pats["tail_date"].finditer(s, start, region_end))
    anchor = dates[-1].end() if dates else start
    newline = s.find("\n", anchor)
    return _rstrip(s, start, newline if newline >= 0 else region_end)


def _appendix(s: str, tail_end: int) -> int | None:
    m = _cues()["appendix"].search(s, tail_end)
    if m is None or len(s[tail_end : m.start()].strip()) > 10:
        return None
    return m.start()


def content_end(s: str) -> int:
    """Where the document ends: before trailing page numbers and a website's footer lines."""
    return _trim_junk(s, 0)


def _trim_junk(s: str, start: int) -> int:
    """Drop trailing page-number lines (``PAGE 7``, ``1``) left by word processors, and a
    website's footer lines (关注公众号, 分享到…)."""
    end = len(s)
    while end > start:
        line_start = s.rfind("\n", start, end - 1) + 1
        if line_start <= start or not _JUNK_LINE.fullmatch(s, line_start, end):
            break
        end = line_start
    return _rstrip(s, start, end)
