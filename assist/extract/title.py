"""The heading (民事判决书, 刑 事 裁 定 書 …), the document kind, and the full title line.

The heading is the kind phrase that stands alone in the header: at the start of a line (site
debris such as ``p t ” >`` aside), right after the issuing court's name (glued pages:
``浙江省新昌县人民法院民 事 判 决 书(2015)…``), or right before the case number / party block.
A phrase that ends a longer line before the heading (``…纠纷一审民事判决书``) is the title line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assist.document import DocKind
from assist.extract.case_number import header_end, header_start, number_at, party_label_at
from assist.extract.furniture import sidebar_line, site_label_end
from assist.text.normalize import Text


def _spaced(word: str) -> str:
    return " *".join(word)


_PREFIXES = (
    "刑事附带民事公益诉讼", "刑事附带民事", "附带民事", "民事公益诉讼", "行政公益诉讼", "行政处罚",
    "行政赔偿", "国家赔偿", "司法救助", "纠正违法", "不起诉", "不批准逮捕", "民事", "刑事", "行政",
    "执行结案", "结案", "应诉", "受理案件", "举证", "缴纳诉讼费用", "执行", "赔偿", "减刑", "假释",
    "人身安全",
)  # fmt: skip
# 支付令 and 人身安全保护令 are court orders the contract has no kind for: "other", titled.
_KINDS = (
    "检察建议书",
    "判决书",
    "裁定书",
    "调解书",
    "决定书",
    "起诉书",
    "通知书",
    "支付令",
    "保护令",
)
_HEADING_LEAD = "".join(sorted({w[0] for w in (*_PREFIXES, *_KINDS)}))  # checked first: faster
_HEADING = re.compile(
    f"(?=[{_HEADING_LEAD}])(?P<prefix>(?:{'|'.join(_spaced(p) for p in _PREFIXES)}) *)?"
    f"(?P<kind>{'|'.join(_spaced(k) for k in _KINDS)})(?P<draft> *\\( *稿 *\\))?"
)
_KIND_OF: dict[str, DocKind] = {
    "判决书": "judgment", "裁定书": "ruling", "调解书": "mediation", "决定书": "decision",
    "起诉书": "indictment", "检察建议书": "recommendation", "通知书": "notice",
    "支付令": "other", "保护令": "other",
}  # fmt: skip
_ISSUER_END = re.compile(r"(?:法院|法庭|检察院|检察分院|局|委员会|政府|厅|办公室|中心|署|队|所)$")
_CASE_WORDS = re.compile(r"与|诉|纠纷|案|[一二]审|再审|罪|申请|、|等")
_LAST_RUN = re.compile(r"[\u4e00-\u9fff]*$")
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]+")
# Where site debris before a title ends: a > or |, two blanks, or one blank between Chinese
# characters (a title never holds one; a page joined into one line puts one between lines).
_SEGMENT_BREAK = re.compile(r".*(?:[>|]|  |(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff]))")
# A title is one phrase: a line with sentence punctuation before the heading is prose
# (编者按:…现将二审判决书全文刊发).
_PROSE = re.compile(r"[,;。!?:]")
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])")
_HEADING_CAP = 1500
_OPERATIVE = re.compile(
    r"(?P<j>判决如下)|(?P<r>裁定如下)"
    r"|(?P<m>(?:经本院主持调解|本案审理过程中|诉讼过程中)[^。\n]{0,30}?(?:自愿)?达成(?:如下|以下)?(?:调解)?协议)"
)
# A mediation recounted in the facts (于2012年…经本院主持调解…, …号民事调解书) is an earlier case.
_EARLIER = re.compile(r"\d{4}年|年\d{1,2}月|号|调解书")
_MID_SENTENCE = frozenset(',;:、“"《<(号的')
_OPERATIVE_KIND: dict[str, DocKind] = {"j": "judgment", "r": "ruling", "m": "mediation"}


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """The heading and the title: ``title`` is normalised, spaces and （稿） removed."""

    title: str
    doc_kind: DocKind
    heading_start: int
    heading_end: int
    title_start: int
    title_end: int


def _kind(m: re.Match[str]) -> DocKind:
    kind = _KIND_OF[m["kind"].replace(" ", "")]
    prefix = (m["prefix"] or "").replace(" ", "")
    if kind == "decision" and prefix == "行政处罚":
        return "penalty_decision"
    return kind


def _line_before(t: Text, pos: int) -> str:
    return t.norm[t.norm.rfind("\n", 0, pos) + 1 : pos]


def _is_issuer(run: str) -> bool:
    return _ISSUER_END.search(run) is not None and _CASE_WORDS.search(run) is None


def _stands_alone(t: Text, m: re.Match[str]) -> bool:
    """Heading test: nothing but debris or an issuer's name right before it, or the case
    number / party block right after it."""
    before = _line_before(t, m.start()).rstrip(" ")
    if before[-1:] in _MID_SENTENCE:
        return False  # …离婚,调解书中… / 作出…号民事调解书: a document named mid-sentence
    run = _LAST_RUN.search(before)
    if run is None or not run.group() or _is_issuer(run.group()):
        return True
    rest = t.norm[m.end() : m.end() + 60]
    nxt = m.end() + len(rest) - len(rest.lstrip(" \n"))
    return nxt >= len(t.norm) or number_at(t, nxt) or party_label_at(t, nxt)


def _title_line(t: Text, heading: re.Match[str], earlier: list[re.Match[str]]) -> tuple[int, int]:
    """Span of the full title when the text has one, else of the heading's kind phrase."""
    kind_end = heading.end("kind")
    candidates = [*earlier, heading]
    for m in reversed(candidates):
        line_start = t.norm.rfind("\n", 0, m.start()) + 1
        line = t.norm[line_start : m.start()]
        cut = _SEGMENT_BREAK.match(line)
        lo = line_start + (cut.end() if cut else 0)
        lo = site_label_end(t.norm, lo, m.start())  # 标题:许某某盗窃二审刑事裁定书
        start = m.start() - len(t.norm[lo : m.start()].lstrip(" •·-*#"))
        text = _NOT_CJK.sub("", t.norm[start : m.start()])
        run = _LAST_RUN.search(t.norm[start : m.start()].rstrip(" "))
        # A title names the case (甲与乙…纠纷一审); an issuer right before the phrase is no title.
        if (
            len(text) >= 4
            and _CASE_WORDS.search(text)
            and not (run and _is_issuer(run.group()))
            and not _PROSE.search(t.norm, start, m.start())
        ):
            return start, m.end("kind")
    return heading.start(), kind_end


def _above(t: Text, lo: int) -> list[re.Match[str]]:
    """Headings above the header block that may end the page's title line (not a sidebar's)."""
    return [m for m in _HEADING.finditer(t.norm, 0, lo) if not sidebar_line(t, m.start())]


def _find_heading(
    t: Text, lo: int, limit: int, block: int = 0
) -> tuple[re.Match[str] | None, list[re.Match[str]]]:
    """The first heading standing alone in t.norm[lo:limit] and the headings seen before it;
    headings on sidebar lines above the header block (at ``block``) are skipped."""
    seen: list[re.Match[str]] = []
    for m in _HEADING.finditer(t.norm, lo, limit + 20):
        if m.start() >= limit:
            break
        if m.start() < block and sidebar_line(t, m.start()):
            continue
        if _stands_alone(t, m):
            return m, seen
        seen.append(m)
    return None, seen


@lru_cache(maxsize=8)  # the court and the pipeline ask for the same text's title
def find_title(t: Text) -> TitleMatch | None:
    """The document's heading and title, or None when the text shows no heading.

    The heading is looked for in the header block (below site furniture), else from the top;
    the title line may stand above the block, but never in a sidebar list of other cases."""
    lo = header_start(t)
    limit = min(max(header_end(t), 1), lo + _HEADING_CAP, len(t.norm))
    chosen, seen = _find_heading(t, lo, limit)
    if chosen is None and lo > 0:
        chosen, seen = _find_heading(t, 0, limit, lo)
    elif lo > 0:
        seen = _above(t, lo) + seen
    if chosen is None:  # no heading: a title line alone (…纠纷一审民事判决书 + line break)
        lines = [m for m in seen if t.norm[m.end() : m.end() + 40].lstrip(" ")[:1] in ("\n", "")]
        if not lines:
            return None
        chosen, seen = lines[0], []
    start, end = _title_line(t, chosen, seen)
    title = _CJK_SPACE.sub("", t.norm[start:end]).strip()
    return TitleMatch(
        title=title, doc_kind=_kind(chosen), heading_start=chosen.start(),
        heading_end=chosen.end(), title_start=start, title_end=end,
    )  # fmt: skip


def doc_kind_of(t: Text) -> DocKind:
    """The document kind: from the heading, else from the operative formula, else other."""
    title = find_title(t)
    if title is not None:
        return title.doc_kind
    kind: DocKind = "other"
    if "如下" not in t.norm and "协议" not in t.norm:  # in every operative formula
        return kind
    for m in _OPERATIVE.finditer(t.norm):
        if m.lastgroup == "m" and _EARLIER.search(
            t.norm, _sentence_start(t.norm, m.start()), m.end()
        ):
            continue
        if m.lastgroup != "m" or kind in ("other", "mediation"):
            kind = _OPERATIVE_KIND[m.lastgroup or "m"]
    return kind


def _sentence_start(norm: str, pos: int) -> int:
    return max(norm.rfind("。", 0, pos), norm.rfind("\n", 0, pos)) + 1
