"""The trial procedure of this proceeding: simple, ordinary, small claims or fast track.

Read from the procedural history (``依法适用简易程序``, ``依法组成合议庭``, ``由审判员X独任审判``);
a cue whose nearest court is another one (``该院…``, ``原审法院…``) or whose sentence reports an
earlier ruling (``…作出…判决``) does not count.
Priority: a switch (转为普通程序, 小额诉讼程序…转为简易程序: the final procedure) > 小额诉讼 >
速裁 > an explicit 简易程序 / 普通程序 (the last one stated) > 组成合议庭 / 独任审判 > a collegiate
panel (审判长) in the signature block. ``认罪认罚`` alone says nothing about the procedure. None when not stated.
The signature block counts only for a first-instance trial (or a case number not found): 执行,
国家赔偿, 司法救助, 减刑 and appeal panels sign with 审判长 too, but 普通程序 / 简易程序 are
first-instance trial procedures (an explicit 组成合议庭 still gives ordinary, as labelled).
"""

from __future__ import annotations

import re

from assist.document import Procedure, Sections
from assist.extract.case_number import pick_own_case_number
from assist.extract.furniture import doc_end
from assist.parse import find_sections
from assist.text.normalize import Text

# 转为普通程序, 由小额诉讼程序转为简易程序 …: the procedure switched to is the final one.
_SWITCH = re.compile(
    r"(?:转为|转换为|转入|变更为|转)(?:适用)?"
    r"(?:(?P<ordinary>普通程序)|(?P<simple>简易程序)|(?P<small_claims>小额诉讼程序)"
    r"|(?P<fast_track>速裁程序))"
)
_KINDS: dict[str, Procedure] = {
    "ordinary": "ordinary",
    "simple": "simple",
    "small_claims": "small_claims",
    "fast_track": "fast_track",
}
_SMALL = re.compile(r"小额诉讼")
_FAST = re.compile(r"速裁程序")
_EXPLICIT = re.compile(r"(?P<simple>简易程序)|(?P<ordinary>普通程序)")
_PANEL = re.compile(r"(?P<ordinary>组成合议庭|组成了合议庭)|(?P<simple>独任(?:审判|审理))")
_COLLEGIATE = re.compile(r"审\s*判\s*长|人\s*民\s*陪\s*审\s*员")
_NEGATED = re.compile(r"(?:不|不宜|不能|不得|不应|不再|非)(?:适用|按)?$")
_PAST_RULING = re.compile(r"作出[^。]{0,60}?(?:判决|裁定)")
_COURT = re.compile(r"本院|该院|一审法院|原审法院|一审|原审|[\u4e00-\u9fff]{2,20}?人民法院")

Found = tuple[Procedure, int, int]


def find_procedure(t: Text, sections: Sections | None = None) -> Found | None:
    """The procedure this document states for its own proceeding, with the cue's offsets."""
    sections = find_sections(t) if sections is None else sections
    s = t.norm
    if sections.history is not None:
        lo, hi = sections.history
    else:
        lo = 0
        hi = sections.appendix[0] if sections.appendix else len(s)
    # Each tier with the words its every match contains: most texts lack them all, and a
    # substring test is far cheaper than a regex scan.
    tiers: tuple[tuple[re.Pattern[str], Procedure | None, tuple[str, ...]], ...] = (
        (_SWITCH, None, ("转", "变更为")),
        (_SMALL, "small_claims", ("小额诉讼",)),
        (_FAST, "fast_track", ("速裁程序",)),
        (_EXPLICIT, None, ("简易程序", "普通程序")),
        (_PANEL, None, ("合议庭", "独任")),
    )
    end = doc_end(t)  # a cue's sentence stops at the document's end (a page footer is not it)
    for pattern, procedure, words in tiers:
        if all(s.find(word, lo, hi) < 0 for word in words):
            continue
        found = _last(pattern, procedure, s, lo, hi, end)
        if found is not None:
            return found
    return _from_signature(t, sections)


def _last(
    pattern: re.Pattern[str], procedure: Procedure | None, s: str, lo: int, hi: int, limit: int
) -> Found | None:
    """The last cue of ``pattern`` in s[lo:hi] that speaks of this court's proceeding."""
    result: Found | None = None
    for m in pattern.finditer(s, lo, hi):
        if _NEGATED.search(s, max(0, m.start() - 4), m.start()) or not _own_proceeding(s, m, limit):
            continue
        kind: Procedure = procedure or _KINDS[m.lastgroup or "ordinary"]
        result = (kind, m.start(), m.end())
    return result


def _own_proceeding(s: str, m: re.Match[str], limit: int) -> bool:
    """The cue's sentence reports no past ruling, and the last court named before the cue
    (if any) is 本院, not 该院 / 原审法院 / another 人民法院. The sentence stops at ``limit``,
    the document's end: a cut-off page's footer (…作出判决) is not part of it."""
    lo = max(0, m.start() - 300)
    start = max(s.rfind("。", lo, m.start()), s.rfind("\n", lo, m.start()), lo - 1) + 1
    reach = min(limit, m.end() + 300)
    end = s.find("。", m.end(), reach)
    if _PAST_RULING.search(s, start, end if end >= 0 else reach):
        return False
    courts = _COURT.findall(s, start, m.start())
    return not courts or courts[-1] == "本院"


def _from_signature(t: Text, sections: Sections) -> Found | None:
    """A presiding judge or lay assessor in the signature block of a first-instance trial
    means a collegiate panel."""
    if sections.tail is None:
        return None
    m = _COLLEGIATE.search(t.norm, *sections.tail)
    if m is None:
        return None
    number = pick_own_case_number(t)
    if number is not None and number.stage != "first_instance":
        return None
    return "ordinary", m.start(), m.end()
