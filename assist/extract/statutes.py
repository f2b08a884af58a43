"""Cited statute articles: 《中华人民共和国刑法》第一百三十三条之一第一款、第六十七条 → entries.

A citation is a law name followed by a chain of article references. Law names are found
in 《》 (inner titles in 〈〉, <>, ﹤﹥ or 《》), after the issuing court (最高人民法院《关于…》),
or bare (最高人民法院关于…规定, 中华人民共和国X法, a known short name such as 民事诉讼法,
同法/该法) when an article follows at once. The chain goes on over 、 , ; 和 及 至 and
over a quoted article text; a bare 第二款 / (三)项 continues the previous article. In an
appendix (附相关法条, 本案引用的法律条文, or a law title alone on a line after the
decision) an article at the start of a line or sentence takes the law of the last title
heading there. A 第X条 without a law name (contract terms) is never a citation. Matching
is on ``t.norm``; spans are the article reference as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from assist.document import Statute
from assist.extract.furniture import in_document
from assist.extract.law_names import alias_before, aliases, clean_law_name, known_laws
from assist.extract.law_names import normalize_law_name as normalize_law_name
from assist.text.normalize import Text
from assist.text.numerals import parse_int

__all__ = ["find_statutes", "known_laws", "normalize_law_name"]

_NUM = r"[0-9零〇一二三四五六七八九十百千]+"
_SUF = r"[一二三四五六七八九十]+"
_OPEN, _CLOSE = "《<〈﹤", "》>〉﹥"
_INNER = rf"[{_OPEN}][^《》<>〈〉﹤﹥\n]{{1,40}}[{_CLOSE}]"
_BODY = rf"(?:[^《》<>〈〉﹤﹥\n]|{_INNER}){{2,80}}"
_ISSUER = r"(?:最高人民(?:法院|检察院)|最高法院)(?:[、和与]最高人民(?:法院|检察院))?"
# Law names in brackets, optionally preceded by the issuing court (最高人民法院《关于…》).
# (?=[最《]): a match starts with the issuer or the bracket; checking that first is faster.
_BRACKETED = re.compile(rf"(?=[最《])(?P<pfx>{_ISSUER}[ ]*)?《(?P<body>{_BODY})》")
_ART_AHEAD = rf"(?=[ ]*第[ ]*{_NUM}[ ]*条)"
_BARE_CHAR = r"[^。;,:\n《》<>〈〉﹤﹥ 第]"
_SPC_BARE = re.compile(
    rf"{_ISSUER}关于(?:{_BARE_CHAR}|{_INNER}){{2,60}}?"
    rf"(?:规定|解释|意见|批复|决定|办法|通知|纪要|答复)(?:\({_SUF}\)|\(试行\))?{_ART_AHEAD}"
)
_PRC_BARE = re.compile(
    rf"中华人民共和国(?:(?!第)[\u4e00-\u9fff]){{1,20}}?(?:法典|法|通则|总则|条例){_ART_AHEAD}"
)
_ANCHOR = re.compile(rf"第[ ]*{_NUM}[ ]*条")
_SAME = ("同法", "该法")
_LAWLIKE = re.compile(
    r"(?:法|法典|通则|总则|条例|规定|解释|意见|批复|决定|办法|规则|细则|通知|纪要|答复|修正案"
    r"|条约|公约)(?:\([^()]{1,12}\))?$"
)
_GAP = re.compile(
    r"[ ]*(?:\((?:\d{4}年[^()]{0,8}|[^()]{0,8}(?:修正|修订|修改)"
    r"|(?:以下|下)?简?称[^()]{1,30})\)[ ]*)?"  # (2013年修正), (以下简称《民间借贷规定》)
)
# Law names in other brackets, as web sources write them: 【】, 〈〉, <<>>, ﹤﹥, [] (also a
# title alone on an appendix line), and — only for an official or known name — () (from 〔〕)
# and “”. An article must follow at once, so 〔2014〕 years and 【第九条】 never count.
_ALT_PLAIN = r"[^《》<>〈〉﹤﹥【】\[\]()“”\"\n。;,:]"
_ALT_BODY = rf"(?:{_ALT_PLAIN}|{_INNER}|\([^()\n]{{1,12}}\)){{2,60}}"
_ALT = re.compile(
    rf"(?=[最【〈<﹤\[(“\"])(?P<pfx>{_ISSUER}[ ]*)?(?:"
    rf"(?P<open>【|〈〈?|<<?|﹤﹤?|\[)(?P<body>{_ALT_BODY})(?:】|〉〉?|>>?|﹥﹥?|\])"
    rf"|(?P<sopen>[(“\"])(?P<sbody>(?:{_ALT_PLAIN}|{_INNER}){{2,40}})[)”\"])"
)
_PAIRS = {"【": "】", "〈": "〉", "<": ">", "﹤": "﹥", "[": "]", "(": ")", "“": "”", '"': '"'}
_ART_AFTER = re.compile(rf"{_GAP.pattern}第[ ]*{_NUM}[ ]*条")
_LINE_END = re.compile(r"[ ]*:?[ ]*(?:\n|$)")
_INTERP = re.compile(rf"[ ]*(?:司法)?解释\(({_SUF})\)")

# Chain tokens, matched at a position.
_ART = re.compile(rf"第[ ]*(?P<n>{_NUM})[ ]*条(?:[ ]*之[ ]*(?P<sx>{_SUF})(?:条(?![文件款]))?)?")
_PARA = re.compile(rf"[ ]*第?[ ]*(?P<n>{_NUM})[ ]*款")
_ITEM_NUM = rf"第?[ ]*\(?[ ]*{_NUM}[ ]*\)?"
_ITEMS = re.compile(rf"[ ]*{_ITEM_NUM}(?:[ ]*[、,][ ]*{_ITEM_NUM})*[ ]*项")
# 第一百九十六条规定:“…”第八条第二款规定:“…” — the next quoted article of the same law.
_QUOTE_CONT = re.compile(
    r"[ ]*(?:之|的)?规定[ ]*:?[ ]*[“\"][^”\"\n]{0,500}[”\"][ ]*[。;,]?[ ]*"
    r"(?=第[^“”\"\n]{1,20}?规定)"
)
# A hard-wrapped text (fixed-width lines) may break the line next to the separator.
_SEP = re.compile(
    r"(?:[ ]*[“\"][^”\"\n]{0,500}[”\"](?:[ ]*(?:之|的)?规定)?)?"
    r"[ ]*\n?[ ]*(?:、|,|;|以及|和|及|与|或者|或|至|到)[ ]*\n?[ ]*"
)

# 《X法》第三十五条规定,…。第四十四条规定,… — the next sentence quotes another article of X.
_NEXT_RULE = re.compile(
    rf"[ ]*(?:之|的)?规定[ ]*[,:][^。\n《》]{{1,300}}?。[ ]*"
    rf"(?=第[ ]*{_NUM}[ ]*条[^。\n,:]{{0,12}}?规定[ ]*[,:])"
)

# Appendix of quoted articles after the decision.
_DECISION = re.compile(r"(?=[判裁决达])(?:(?:判决|裁定|决定)如下|达成(?:如下)?(?:调解)?协议)")
_APPX_HEAD = re.compile(
    r"(?:^|(?<=[\s。]))(?:附[ ]*:?[^\n。,]{0,24}?(?:法律条文|法律规定|法条|条文|法律依据)"
    r"|本案(?:所)?(?:引用|适用|援引|依据)的[^\n。,]{0,12}?(?:法律|法条|条文|规定)"
    r"|(?:相关|所引|引用的)法律条文)",
    re.M,
)
_LAW_LINE = re.compile(
    rf"(?m)^[ ]*(?:\d{{1,2}}[、.][ ]*)?(?:《{_BODY}》|【{_ALT_BODY}】)[ ]*(?:条文)?[ ]*:?[ ]*$"
)
_HEAD_ART = re.compile(rf"(?m)(?:^|(?<=[。;:]))[ ]*(?:\d{{1,2}}[、.][ ]*)?(?=第[ ]*{_NUM}[ ]*条)")
_HEAD_PREFIX = re.compile(r"[ \d、.()一二三四五六七八九十]*")


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    law: str | None  # None: not a law (a contract title) or 同法 with nothing before it
    raw_law: str
    same: bool = False  # 同法 / 该法: the previous law


def _bracketed(t: Text) -> Iterator[_Mention]:
    s = t.norm
    for m in _BRACKETED.finditer(s):
        body, pfx = m.group("body"), m.group("pfx")
        end = m.end()
        interp = _INTERP.match(s, end)
        if interp:  # 《中华人民共和国合同法》解释(二) → the SPC interpretation
            inner = normalize_law_name(body)
            law = f"最高人民法院关于适用《{inner}》若干问题的解释({interp.group(1)})"
            yield _Mention(m.start(), interp.end(), law, t.raw[m.start() : interp.end()])
            continue
        cleaned = clean_law_name(body)
        official = re.match(r"最高人民|中华人民共和国", cleaned)
        if not (_LAWLIKE.search(cleaned) or official or cleaned in aliases()):
            yield _Mention(m.start("body") - 1, end, None, t.raw[m.start() : end])
            continue
        name = body
        if pfx and cleaned.startswith("关于"):
            name = pfx.strip().replace("最高法院", "最高人民法院") + body
        start = m.start() if pfx and cleaned.startswith("关于") else m.start("body") - 1
        yield _Mention(start, end, normalize_law_name(name), t.raw[start:end])


def _alt_bracketed(t: Text) -> Iterator[_Mention]:
    """Law names in 【】, 〈〉, <<>>, ﹤﹥, [], () or “” (see ``_ALT``)."""
    s = t.norm
    for m in _ALT.finditer(s):
        strict = m.group("sopen") is not None
        open_, body = (m["sopen"], m["sbody"]) if strict else (m["open"], m["body"])
        if s[m.end() - 1] != _PAIRS[open_[0]]:
            continue
        cleaned = clean_law_name(body)
        official = re.match(r"最高人民|中华人民共和国", cleaned) is not None
        known = cleaned in aliases() or cleaned in known_laws()
        if not (known or ((official or not strict) and _LAWLIKE.search(cleaned))):
            continue
        if not (_ART_AFTER.match(s, m.end()) or (not strict and _LINE_END.match(s, m.end()))):
            continue
        pfx = m["pfx"] if m["pfx"] and cleaned.startswith("关于") else None
        start = m.start() if pfx else m.start("sopen" if strict else "open")
        name = pfx.strip().replace("最高法院", "最高人民法院") + body if pfx else body
        yield _Mention(start, m.end(), normalize_law_name(name), t.raw[start : m.end()])


def _bare_before(t: Text, p: int) -> _Mention | None:
    """A law name without brackets ending right before the article at ``p``."""
    s = t.norm
    end = p
    while end > 0 and s[end - 1] == " ":
        end -= 1
    window_start = max(0, end - 90)
    for rx in (_SPC_BARE, _PRC_BARE):
        for m in rx.finditer(s, window_start, min(len(s), p + 30)):
            if m.end() == end:
                return _Mention(
                    m.start(), end, normalize_law_name(m.group()), t.raw[m.start() : end]
                )
    alias = alias_before().search(s, max(0, end - 16), end)  # the longest alias
    if alias is not None:
        return _Mention(alias.start(), end, aliases()[alias.group()], t.raw[alias.start() : end])
    if s[max(0, end - 2) : end] in _SAME:
        return _Mention(end - 2, end, None, t.raw[end - 2 : end], same=True)
    return None


def _mentions(t: Text) -> list[_Mention]:
    found = list(_bracketed(t))
    for alt in _alt_bracketed(t):  # it may hold a 《title》: 【…适用《民事诉讼法》的解释】
        inside = [m for m in found if alt.start <= m.start and m.end <= alt.end]
        if not any(m.start < alt.end and alt.start < m.end for m in found if m not in inside):
            found = [m for m in found if m not in inside] + [alt]
    for a in _ANCHOR.finditer(t.norm):
        bare = _bare_before(t, a.start())
        if bare is None:
            continue
        # A bare SPC title swallows the 《law》 it names; partial overlaps are not names.
        inside = [m for m in found if bare.start <= m.start and m.end <= bare.end]
        if any(m.start < bare.end and bare.start < m.end for m in found if m not in inside):
            continue
        found = [m for m in found if m not in inside] + [bare]
    found.sort(key=lambda m: m.start)
    return found


@dataclass(slots=True)
class _Ref:
    start: int
    end: int
    no: int
    article: str
    paragraph: int | None = None
    item: int | None = None


@lru_cache(maxsize=4096)  # article numbers recur
def _int(token: str) -> int | None:
    return parse_int(token)


@lru_cache(maxsize=4096)
def _cn(n: int) -> str:
    """Article number in Chinese numerals as statutes write it (105 → 一百零五)."""
    digits = "零一二三四五六七八九"
    units = ((1000, "千"), (100, "百"), (10, "十"))
    out, zero, started = "", False, False
    for value, unit in units:
        d = n // value % 10
        if d:
            if zero:
                out += "零"
            out += ("" if (value == 10 and d == 1 and not started) else digits[d]) + unit
            started, zero = True, False
        elif started:
            zero = True
    if n % 10:
        out += ("零" if zero else "") + digits[n % 10]
    return out or "零"


def _article(m: re.Match[str]) -> tuple[int, str] | None:
    no = _int(m.group("n"))
    if no is None or no <= 0 or no > 9999:
        return None
    sx = m.group("sx")
    return no, f"第{_cn(no)}条" + (f"之{sx}" if sx else "")


def _items(m: re.Match[str]) -> list[int]:
    return [v for v in (_int(x) for x in re.findall(_NUM, m.group())) if v]


def _chain(s: str, pos: int) -> tuple[list[_Ref], int]:
    """Article references starting at ``pos``; returns them and where the chain ended."""
    refs: list[_Ref] = []
    cur: _Ref | None = None
    p, first = pos, True
    while True:
        q = p
        if not first:
            sep = _SEP.match(s, p) or _QUOTE_CONT.match(s, p)
            if not sep:
                break
            q = sep.end()
        art = _ART.match(s, q)
        if art and (parsed := _article(art)):
            cur = _Ref(art.start(), art.end(), parsed[0], parsed[1])
            p = _details(s, cur, art.end(), refs)
        # A bare 第二款 / 第六项 continues the article: its span starts at the article, so the
        # evidence names the article it belongs to (第二百条第二项、第六项).
        elif cur is not None and (para := _PARA.match(s, q)):
            cur = _Ref(cur.start, para.end(), cur.no, cur.article, _int(para.group("n")))
            p = _details(s, cur, para.end(), refs, with_para=False)
        elif cur is not None and (items := _ITEMS.match(s, q)):
            for item in _items(items):
                refs.append(_Ref(cur.start, items.end(), cur.no, cur.article, cur.paragraph, item))
            p = items.end()
        else:
            break
        first = False
    return refs, p


def _details(s: str, ref: _Ref, p: int, refs: list[_Ref], with_para: bool = True) -> int:
    """Attach 款/项 written right after an article (or a bare 款) and record the reference."""
    para = _PARA.match(s, p) if with_para else None
    if para:
        ref.paragraph, ref.end, p = _int(para.group("n")), para.end(), para.end()
    items = _ITEMS.match(s, p)
    if items and (values := _items(items)):
        ref.end = items.end()
        for item in values:
            refs.append(_Ref(ref.start, ref.end, ref.no, ref.article, ref.paragraph, item))
        return items.end()
    refs.append(ref)
    return p


def _appendix_start(s: str) -> int | None:
    decision = _DECISION.search(s)
    if not decision:
        return None
    starts = [m.start() for m in (_APPX_HEAD.search(s, decision.end()),) if m]
    starts += [m.start() for m in (_LAW_LINE.search(s, decision.end()),) if m]
    return min(starts) if starts else None


def _is_heading(s: str, m: _Mention, appendix: int) -> bool:
    """A law title heading the appendix articles (not a law quoted inside an article's text)."""
    if m.start - appendix < 40 and "\n" not in s[appendix : m.start]:
        return True
    left = max(s.rfind(ch, 0, m.start) for ch in "\n。;:")
    return _HEAD_PREFIX.fullmatch(s, left + 1, m.start) is not None


def _next_rule(s: str, stop: int) -> int | None:
    """Where the next sentence's 第N条规定 starts, when nothing in between names an article."""
    m = _NEXT_RULE.match(s, stop)
    if m is None or _ANCHOR.search(s, stop, m.end()):
        return None
    return m.end()


def find_statutes(t: Text) -> Iterator[Statute]:
    """Every cited article, in text order; ``t.raw[start:end]`` is the reference as written.

    Only the document's own text counts: a site's 相关法条 list above the header or a lawyer's
    comment after the document cites nothing."""
    s = t.norm
    out: list[tuple[_Ref, str, str]] = []
    taken: list[tuple[int, int]] = []
    last: _Mention | None = None
    mentions = _mentions(t)
    for m in mentions:
        if m.same:
            m = _Mention(m.start, m.end, last.law if last else None, m.raw_law)
        if m.law is None:
            continue
        last = m
        gap = _GAP.match(s, m.end)
        refs, stop = _chain(s, gap.end() if gap else m.end)
        while refs and (nxt := _next_rule(s, stop)) is not None:
            more, stop = _chain(s, nxt)
            refs += more
        out += [(r, m.law, m.raw_law) for r in refs]
        if refs:
            taken.append((refs[0].start, stop))
    appendix = _appendix_start(s)
    if appendix is not None:
        out += _appendix_refs(s, appendix, mentions, taken, out)
    out.sort(key=lambda x: (x[0].start, x[0].end))
    for ref, law, raw_law in out:
        if not in_document(t, ref.start):
            continue
        yield Statute(
            law=law,
            article=ref.article,
            article_no=ref.no,
            start=ref.start,
            end=ref.end,
            paragraph=ref.paragraph,
            item=ref.item,
            raw_law=raw_law,
        )


def _appendix_refs(
    s: str,
    appendix: int,
    mentions: list[_Mention],
    taken: list[tuple[int, int]],
    body: list[tuple[_Ref, str, str]],
) -> list[tuple[_Ref, str, str]]:
    """Articles heading lines of an appendix, under the last law title heading there."""
    heads = [m for m in mentions if m.law and m.end > appendix and _is_heading(s, m, appendix)]
    cited = {(law, r.no): raw for r, law, raw in body if r.start < appendix}
    found: list[tuple[_Ref, str, str]] = []
    for h in _HEAD_ART.finditer(s, appendix):
        p = h.end()
        if any(a <= p < b for a, b in taken):
            continue
        head = next((m for m in reversed(heads) if m.end <= p), None)
        if head is None or head.law is None:
            continue
        refs, stop = _chain(s, p)
        taken.append((p, stop))
        for r in refs:
            found.append((r, *_consistent_law(head.law, head.raw_law, r.no, cited)))
    return found


def _consistent_law(
    law: str, raw_law: str, no: int, cited: dict[tuple[str, int], str]
) -> tuple[str, str]:
    """An appendix quotes the articles the body cited: prefer the law the body cited it under."""
    if not cited or (law, no) in cited:
        return law, raw_law
    others = [(other, raw) for (other, n), raw in cited.items() if n == no]
    return others[0] if len(others) == 1 else (law, raw_law)
