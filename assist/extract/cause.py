"""The cause of action (案由): 民间借贷纠纷, 危险驾驶罪, 运输行政处罚 …

Mentions come from the title line (…纠纷一审民事判决书, …诈骗案一审刑事判决书), from
``X纠纷一案`` in the narrative, from charges (指控被告人X犯Y罪; in 减刑 rulings the original
judgment's 以罪犯X犯Y罪), and from administrative acts that are the subject of the case
(不服…行政处罚, …土地行政处罚一案), kept with the field written before the act (运输, 土地).
Each phrase is normalised to the longest catalogue entry it ends with (``借款合同纠纷`` stays
借款合同纠纷, never 合同纠纷); a charge or a ``…纠纷一案`` phrase not in the catalogue is kept
as written. The cause of this proceeding is the first mention of the best rank: title and
``一案``/指控 phrases first, plain mentions next, prior convictions (因犯X罪被判处) last;
an administrative act merely named (申请强制执行…行政处罚决定书) is context, not a cause.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from assist.data import tsv_rows
from assist.extract.furniture import doc_end, doc_start, in_document
from assist.extract.title import find_title
from assist.text.normalize import Text, normalize

STATED, MENTIONED, WEAK, CONTEXT = 0, 1, 2, 3  # CONTEXT: never this proceeding's cause
_STOP = ',.。:;()《》“”"\n'
_TITLE_END = re.compile(
    r"(?:一案)?(?:民事|刑事|行政|执行|赔偿)?"
    r"(?:一审|二审|再审|终审|重审|执行|审查|审判监督|再审审查与审判监督|非诉执行审查)?"
    r"(?:民事|刑事|行政|执行|赔偿)?(?:附带民事)?(?:判决书|裁定书|调解书)"
)
# A title line: no digits or brackets (case numbers), the heading word ends the line or is
# followed by a blank (page-style headers glue the court name after a space). It starts a line
# or follows a blank (a page joined into one line keeps a blank where each line ended).
_TITLE = re.compile(
    rf"(?<!\S)[ ]*(?P<c>[^\s\d\[\]{_STOP}]{{2,80}}?)(?={_TITLE_END.pattern}(?:\s|$))"
)
# 环境污染责任纠纷民事公益诉讼一案: the dispute is stated, the suit's form follows it.
_DISPUTE = re.compile(
    r"(?:纠纷|争议|之诉|公益诉讼)(?P<case>(?:(?:民事|行政)?公益诉讼)?[ ]?一?[ ]?案)?"
)
_ONE_CASE = re.compile(r"[ ]?一[ ]?案")
_DUTY = re.compile(r"不(?:依法)?(?:全面)?履行[^\s,，。;；、:]{0,14}?职责(?=[ ]?一[ ]?案)")
_APPLIED = re.compile(r"向本院(?:提出|提起)?(?P<c>申请)")  # 向本院申请支付令 (非讼: no 一案)
# A charge's characters: no 罪 or 犯 but that of the word 犯罪 (掩饰、隐瞒犯罪所得罪,
# 帮助信息网络犯罪活动罪), which never starts a charge.
_CHARGE_CHAR = rf"(?:犯罪|(?![罪犯])[^\s{_STOP}])"
_CHARGE_START = r"(?![、]|犯罪)"
# 犯 of 罪犯/再犯/主犯 … is not "commits"; a charge never starts with 、. (The lookbehinds
# follow the first character so that the scan can jump from 犯 to 犯.)
_CHARGE = re.compile(
    rf"犯(?<![罪再主从累初偶惯要案嫌]犯)[有了]?(?P<c>{_CHARGE_START}{_CHARGE_CHAR}{{2,30}})罪"
)
_PLAIN_CHARGE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff、]+")
_CHARGE_OTHER = re.compile(
    rf"构(?<!不构)成了?(?P<c>{_CHARGE_START}{_CHARGE_CHAR}{{2,20}})罪"
    rf"|涉嫌(?P<s>{_CHARGE_START}{_CHARGE_CHAR}{{2,20}})罪"
)
_LABEL = re.compile(r"案 *由(?: *:|】|\]) *(?P<c>[^\s,。;]{2,30})")
# Role labels and the 与/诉 between parties: the cause follows the last party name.
_ROLE = re.compile(
    r"被告人?|被申请(?:执行)?人|被上诉人|被执行人|第三人|被申诉人|原告|申请人|上诉人|与|诉"
)
_ORG = re.compile(
    r".*(?:公司|银行|支行|分行|合作社|委员会|政府|局|厂|医院|学校|中心|办事处|等\d+人|等[一二三四五六七八九十]+人)"
)
_MASKED = re.compile(r"[\u4e00-\u9fff]?(?:某+|\*+|×+)")
_ADMIN_TRAIL = re.compile(r"(?:决定书|决定|行为)$")
_AREA_RUN = re.compile(r"[\u4e00-\u9fff]+$")
# What ends a party name or a clause right before the field of administration.
_AREA_CUT = re.compile(
    r".*(?:不服|被告|原告|第三人|因|公司|局|所|府|会|院|厂|社|站|队|处|中心|委|的|对|诉|与|作出|有关)"
)
# 运输 / 土地 / 道路交通管理 行政处罚: the field is at most six characters, and is looked for
# in the eight before the act (a party's name ending in 局/队/府 … cuts it off).
_AREA_REACH, _AREA_MAX = 8, 6


class CauseMention(NamedTuple):
    cause: str  # the catalogue entry, else the phrase as written (normalised form)
    start: int  # span of the phrase in the text as received
    end: int
    source: str  # title | case | charge | original | admin | label | mention | prior
    rank: int  # STATED (this proceeding's), MENTIONED, WEAK (a prior conviction), CONTEXT


@cache
def _catalogue() -> dict[str, str]:
    """cause → domain, names normalised (lazily read from the package data)."""
    table: dict[str, str] = {}
    for name, domain, *_ in tsv_rows("causes.tsv"):
        table.setdefault(normalize(name), domain)
    return table


@cache
def _admin_re() -> re.Pattern[str]:
    names = sorted((n for n, d in _catalogue().items() if d == "administrative"), key=len)
    return re.compile("|".join(re.escape(n) for n in reversed(names)))


def _longest_suffix(s: str, lo: int, hi: int, domain: str | None = None) -> int | None:
    """Start of the longest catalogue entry that ends at ``hi`` and starts at or after ``lo``."""
    cat = _catalogue()
    for i in range(max(lo, hi - 40), hi - 1):
        found = cat.get(s[i:hi])
        if found is not None and (domain is None or found == domain):
            return i
    return None


def _phrase_start(s: str, end: int, limit: int = 60) -> int:
    """Where the phrase ending at ``end`` starts: after the last punctuation within ``limit``."""
    lo = max(0, end - limit)
    cut = max(s.rfind(ch, lo, end) for ch in _STOP)
    return max(lo, cut + 1)


def _as_written(s: str, lo: int, hi: int) -> int | None:
    """Start of a cause phrase not in the catalogue: drop the parties written before it."""
    roles = list(_ROLE.finditer(s, lo, hi))
    if roles:
        lo = roles[-1].end()
    lo = max(lo, s.rfind("、", lo, hi) + 1, s.rfind(" ", lo, hi) + 1)
    org = _ORG.match(s, lo, hi)
    if org:
        lo = org.end()
    elif roles:
        masked = _MASKED.match(s, lo, hi)
        lo = masked.end() if masked else lo + (3 if hi - lo > 7 else 2)
    return lo if hi - lo >= 4 else None


def _title(t: Text) -> Iterator[CauseMention]:
    s = t.norm
    head = min(len(s), 400)
    for m in _TITLE.finditer(s, 0, head):
        end, lo = m.end(), m.start("c")
        if s.startswith("一案", end - 2):
            end -= 2
        if s[end - 1] == "案":  # 诈骗案一审刑事判决书 → 诈骗罪
            i = _longest_suffix(s[: end - 1] + "罪", lo, end, "criminal")
            if i is not None:
                yield CauseMention(s[i : end - 1] + "罪", i, end - 1, "title", STATED)
            continue
        i = _longest_suffix(s, lo, end)
        trail = _ADMIN_TRAIL.search(s, lo, end) if i is None else None
        if trail:  # …行政处罚决定一审行政判决书
            end = trail.start()
            i = _longest_suffix(s, lo, end)
        if i is not None:
            if _catalogue()[s[i:end]] == "administrative":
                i = _admin_area(s, i)
            yield CauseMention(s[i:end], i, end, "title", STATED)


def _disputes(t: Text) -> Iterator[CauseMention]:
    s = t.norm
    for m in _DISPUTE.finditer(s):
        end = m.start("case") if m.group("case") else m.end()
        lo = _phrase_start(s, end)
        stated = bool(m.group("case")) or "案由" in s[max(0, lo - 4) : lo + 2]
        i = _longest_suffix(s, lo, end)
        if i is None and stated and m.group().startswith(("纠纷", "争议")):
            i = _as_written(s, lo, end)
        if i is not None:
            yield CauseMention(s[i:end], i, end, "case", STATED if stated else MENTIONED)


def _named_cases(t: Text) -> Iterator[CauseMention]:
    """``X一案`` where X ends with a catalogue entry that is not a dispute (申请支付令一案,
    申请司法确认调解协议一案), or 向本院申请X with X a civil entry: this proceeding's cause.
    Administrative acts go through ``_admin``."""
    s = t.norm
    cat = _catalogue()
    for m in _ONE_CASE.finditer(s):
        end = m.start()
        i = _longest_suffix(s, _phrase_start(s, end), end)
        if i is not None and cat[s[i:end]] != "administrative":
            yield CauseMention(s[i:end], i, end, "case", STATED)
    for m in _APPLIED.finditer(s):
        lo = m.start("c")
        for end in range(min(len(s), lo + 30), lo + 3, -1):  # the longest entry first
            if cat.get(s[lo:end]) == "civil":
                # mentioned only: a 财产保全 applied for inside a suit is not the suit's cause
                yield CauseMention(s[lo:end], lo, end, "mention", MENTIONED)
                break


def _charge_rank(s: str, start: int) -> tuple[str, int]:
    """指控…犯X罪 and 判决,以…犯X罪 state the charge; 因犯X罪被判处 is a prior conviction."""
    pre = s[max(0, start - 60) : start]
    pre = pre[pre.rfind("。") + 1 :]
    if "指控" in pre:
        return "charge", STATED
    if re.search(r"判决,?以[^,。;]{0,20}$", pre):
        return "original", STATED
    if pre.endswith("涉嫌"):
        return "mention", MENTIONED
    if re.search(r"(?:曾|因|曾因|又因)$", pre) or re.match(
        r"[^,。;]{0,30}?被[^,。;]{0,30}?判处", s[start : start + 60]
    ):
        return "prior", WEAK
    return "mention", MENTIONED


def _charge(s: str, lo: int, hi: int, stated: bool) -> tuple[str, int] | None:
    """The charge X罪 for ``s[lo:hi]`` == X: catalogue entry it ends with, else as written
    (贩卖毒品罪 is a charge the list only has as 走私、贩卖、运输、制造毒品罪)."""
    i = _longest_suffix(s[:hi] + "罪", lo, hi + 1, "criminal")
    if i is not None:
        return s[i:hi] + "罪", i
    x = s[lo:hi]
    plain = _PLAIN_CHARGE.fullmatch(x) and not re.search(r"的|什么|某", x)
    return (x + "罪", lo) if plain and hi - lo <= (20 if stated else 10) else None


def _charges(t: Text) -> Iterator[CauseMention]:
    s = t.norm
    for m in _CHARGE.finditer(s):
        source, rank = _charge_rank(s, m.start())
        found = _charge(s, m.start("c"), m.end("c"), rank == STATED)
        if found:
            yield CauseMention(found[0], found[1], m.end(), source, rank)
    for m in _CHARGE_OTHER.finditer(s):
        group = "c" if m.group("c") else "s"
        found = _charge(s, m.start(group), m.end(group), False)
        if found:
            yield CauseMention(found[0], found[1], m.end(), "mention", MENTIONED)


def _admin_area(s: str, i: int) -> int:
    """Start of the field of administration written before the act (运输 in 运输行政处罚);
    only a generic act (行政处罚, 行政许可 …) takes one, not a subject such as 工伤认定."""
    if not s.startswith("行政", i):
        return i
    run = _AREA_RUN.search(s, max(0, i - _AREA_REACH), i)
    if run is None:
        return i
    cut = _AREA_CUT.match(s, run.start(), i)
    lo = cut.end() if cut else run.start()
    return lo if 2 <= i - lo <= _AREA_MAX else i


def _admin(t: Text) -> Iterator[CauseMention]:
    """不服…行政处罚 / …土地行政处罚一案 state the cause; other mentions are context."""
    s = t.norm
    for m in _admin_re().finditer(s):
        pre = s[max(0, m.start() - 40) : m.start()]
        pre = pre[max(pre.rfind("。"), pre.rfind(";")) + 1 :]
        # 如不服本决定…申请行政复议 is the notice of remedies, not a cause.
        appeal = "不服" in pre and not re.search(r"不服本|(?:申请|提起)$", pre)
        if "一案" in s[m.end() : m.end() + 8] or appeal:
            lo = _admin_area(s, m.start())
            yield CauseMention(s[lo : m.end()], lo, m.end(), "admin", STATED)
        else:
            yield CauseMention(m.group(), m.start(), m.end(), "admin", CONTEXT)
    for m in _DUTY.finditer(s):  # a 履职 suit names the duty: 不履行林业行政监管法定职责一案
        yield CauseMention(m.group(), m.start(), m.end(), "admin", STATED)


def _labels(t: Text) -> Iterator[CauseMention]:
    s = t.norm
    for m in _LABEL.finditer(s):
        end = m.end("c")
        i = _longest_suffix(s, m.start("c"), end)
        if i is not None:
            yield CauseMention(s[i:end], i, end, "label", STATED)


def find_causes(t: Text) -> Iterator[CauseMention]:
    """Every cause mention in text order (one per span, the best rank kept)."""
    best: dict[tuple[int, int], CauseMention] = {}
    for finder in (_title, _labels, _disputes, _named_cases, _charges, _admin):
        for m in finder(t):
            key = (m.start, m.end)
            if key not in best or m.rank < best[key].rank:
                best[key] = m
    yield from sorted(best.values(), key=lambda m: (m.start, m.end))


def _own(t: Text, mentions: list[CauseMention]) -> list[CauseMention]:
    """The mentions in the document's own text: its title line and what follows its header
    block. A site's metadata 案由 counts only when the document states none; breadcrumbs and
    sidebar titles above the header never do."""
    if doc_start(t) == 0 and doc_end(t) == len(t.norm):
        return mentions
    title = find_title(t)
    span = (title.title_start, title.title_end) if title is not None else (0, 0)
    own = [m for m in mentions if in_document(t, m.start) or span[0] <= m.start < m.end <= span[1]]
    return own or [m for m in mentions if m.source == "label"]


def find_cause(t: Text) -> tuple[str, int, int] | None:
    """The cause of this proceeding: ``(cause, start, end)``, or None if the text shows none."""
    mentions = _own(t, [m for m in find_causes(t) if m.rank < CONTEXT])
    if not mentions:
        return None
    top = min(mentions, key=lambda m: (m.rank, m.start))
    return top.cause, top.start, top.end
