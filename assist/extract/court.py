"""Court names (人民法院 family, 人民法庭, 人民检察院) and the issuing court of a document.

A name is found as the run of CJK characters ending in a court suffix; where the run starts
is decided afterwards, because the words before a name are glued to it in Chinese
(经辽宁省高级人民法院以…, …一审民事判决书江西省浮梁县人民法院): the run is cut at the last
province name, else after the last function word whose remainder still reads as a place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assist.extract.case_number import header_end, number_at
from assist.extract.furniture import sidebar_line
from assist.extract.title import find_title
from assist.text.normalize import Text

_CJK = "\u4e00-\u9fff"
_HAS_CJK = re.compile(f"[{_CJK}]")
_BRANCH = (
    r"(?:第[一二三四五六七八九十]+分院|生产建设兵团分院"
    r"|[\u4e00-\u9fff]{2,8}?(?:自治州|地区)分院)?"
)
_SUFFIX = (
    rf"人民法院{_BRANCH}|人民法庭|人民检察院{_BRANCH}|检察分院"
    r"|(?:铁路运输|海事|知识产权|金融|互联网|军事|林区|农垦)(?:中级)?法院"
    r"|铁路运输检察院|军事检察院|(?:中级|高级)法院"
)
# A name is the run of up to 30 CJK characters before a suffix (``[CJK]{0,30}?(?:suffix)``);
# it is found from the suffix, which is rare, rather than tried at every CJK character (the
# lookahead on the suffixes' first characters makes that scan faster still).
_SUFFIX_RE = re.compile(f"(?=[人检铁海知金互军林农中高])(?:{_SUFFIX})")
_RUN_MAX = 30
# A header line written with letter spacing: 临 夏 市 人 民 法 院.
_SPACED = re.compile(rf"(?m)^ *((?:[{_CJK}] +){{3,30}}(?:人 +民 +法 +院|人 +民 +检 +察 +院)) *$")
_PROVINCE = re.compile(
    r"中华人民共和国(?=最高|军事)|北京市|天津市|上海市|重庆市|河北省|山西省|辽宁省|吉林省|黑龙江省"
    r"|江苏省|浙江省|安徽省|福建省|江西省|山东省|河南省|湖北省|湖南省|广东省|海南省|四川省"
    r"|贵州省|云南省|陕西省|甘肃省|青海省|台湾省|内蒙古自治区|广西壮族自治区|西藏自治区"
    r"|宁夏回族自治区|新疆维吾尔自治区|新疆生产建设兵团|香港特别行政区|澳门特别行政区"
)
# Words that stand before a court name but are not part of it; cut after the last one.
# (网: 来源:中国裁判文书网; 机关/公司/局: 公诉机关成都市…, a company or agency before the court.)
_BREAK = re.compile(
    r"报请|移送|提起|诉至|本院|该院|原审|一审|二审|机关|公司|单位|政府|局|网"
    r"|[经由向被以在于与及至将对从为据系即是到请报交送给因依按后并或等均已又再现其书号份的了"
    r"审判决裁诉移指作出日月年院]"
)
_PROTECTED = ("经济", "经开", "于都", "于洪", "于田", "向阳", "定西", "定陶")
_ADMIN = re.compile(r"[省市县区州盟旗]")
_LEVEL = re.compile(r"^(?:最高|高级|中级|第[一二三四五六七八九十]+中级)")
_LEVEL_END = re.compile(r"(?:高级|中级|第[一二三四五六七八九十]+中级)$")
# A place part ending in a function word or 地 (履行地, 所在地) is a generic reference.
_DANGLING = re.compile(r"(?:[被向或者也未的地和与及在由从对给]|机关)$")
_GENERIC = re.compile(
    r"^(?:基层|上级|下级|其他|各级|地方|专门|当地|辖区"
    r"|有管辖权的|所在地|住所地|受诉)"
)
# Issuers of agency documents (行政处罚决定书 …): the name right before the heading.
_AGENCY = re.compile(
    rf"[{_CJK}]{{2,30}}?(?:局|委员会|人民政府|政府|厅|办公室|管理处|中心|署|分局|支队|大队|所)$"
)


def _plausible(name: str) -> bool:
    """Whether a cut leaves a place-like start (two characters before the first 市/县/区 …)."""
    place = re.split(_SUFFIX, name)[0]
    if not place:
        return False
    if place.startswith("最高"):
        return True
    admin = _ADMIN.search(place)
    head = place[: admin.start()] if admin else place
    return len(head) >= 2 and _LEVEL.match(head) is None


def _start_of(run: str, suffix: int) -> int:
    """Offset inside ``run`` where the court name begins (``suffix``: where 人民法院 … starts)."""
    provinces = list(_PROVINCE.finditer(run, 0, suffix))
    if provinces:
        return provinces[-1].start()
    best = 0
    for m in _BREAK.finditer(run, 0, suffix):
        if any(run.startswith(p, m.start()) for p in _PROTECTED):
            continue
        if m.end() < len(run) and _plausible(run[m.end() :]):
            best = m.end()
    return best


def _valid(name: str) -> bool:
    """A named court, not a generic reference (原审法院, 向中级人民法院, 基层人民法院)."""
    place = re.split(_SUFFIX, name)[0]
    if place == "最高" or name.startswith("中华人民共和国最高"):
        return True
    place = _LEVEL_END.sub("", place)
    return not (len(place) < 2 or _GENERIC.match(place) or _DANGLING.search(place))


def _runs(s: str) -> Iterator[tuple[int, int, int]]:
    """(run start, suffix start, end) of every ``[CJK]{0,30}?(?:suffix)`` match, in order.

    The leftmost match ends with the first suffix at or after the scan position and starts
    where the CJK run before that suffix starts (at most 30 characters back)."""
    pos = 0
    while (m := _SUFFIX_RE.search(s, pos)) is not None:
        start = floor = m.start()
        floor = max(pos, floor - _RUN_MAX)
        while start > floor and "\u4e00" <= s[start - 1] <= "\u9fff":
            start -= 1
        yield start, m.start(), m.end()
        pos = m.end()


def find_courts(t: Text) -> Iterator[tuple[str, int, int]]:
    """Every court / 人民法庭 / 检察院 name: (normalised name, start, end)."""
    s = t.norm
    for run_start, suffix, end in _runs(s):
        start = run_start + _start_of(s[run_start:end], suffix - run_start)
        if _valid(s[start:end]):
            yield s[start:end], start, end


def _spaced_court(t: Text, end: int) -> tuple[str, int, int] | None:
    m = _SPACED.search(t.norm, 0, end)
    if m is None:
        return None
    return m.group(1).replace(" ", ""), m.start(1), m.end(1)


def _agency_before(t: Text, heading_start: int) -> tuple[str, int, int] | None:
    """The issuing agency written on the line(s) right before a heading."""
    text = t.norm[:heading_start].rstrip(" \n")
    line_start = max(text.rfind("\n") + 1, 0)
    m = _AGENCY.search(text, line_start)
    if m is None:
        return None
    provinces = list(_PROVINCE.finditer(m.group()))
    start = m.start() + (provinces[-1].start() if provinces else 0)
    return t.norm[start : m.end()], start, m.end()


def pick_court(t: Text) -> tuple[str, int, int] | None:
    """The issuing court (or procuratorate / agency) named in the document's header.

    The nearest court name before the heading (民事判决书 …) wins; without a heading, the
    first court in the header zone. Agency documents (行政处罚决定书) give the agency.
    """
    title = find_title(t)
    end = max(header_end(t), title.heading_end if title is not None else 0)
    courts = []
    for court in find_courts(t):
        if court[1] >= end:
            break
        if not sidebar_line(t, court[1]):  # 相关案例: 某某县人民检察院诉…判决书
            courts.append(court)
    if title is not None:
        before = [c for c in courts if c[2] <= title.heading_start]
        if before:
            return before[-1]
        spaced = _spaced_court(t, title.heading_start)
        if spaced is not None:
            return spaced
        if title.doc_kind in ("penalty_decision", "decision", "notice"):
            agency = _agency_before(t, title.heading_start)
            if agency is not None:
                return agency
    for court in courts:  # no heading: only a court standing on its own header line
        if _on_header_line(t, court[1], court[2]):
            return court
    return _spaced_court(t, end)


def _on_header_line(t: Text, start: int, end: int) -> bool:
    """Nothing but debris before the name on its line, a break or a case number after it."""
    line_start = t.norm.rfind("\n", 0, start) + 1
    if _HAS_CJK.search(t.norm, line_start, start):
        return False
    return end == len(t.norm) or t.norm[end] in "\n " or number_at(t, end)
