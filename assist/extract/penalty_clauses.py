"""How the clause around a sum in a criminal operative part reads: where it starts (the comma
of 56,000 starts none), the penalty keywords it holds (none inside a crime name), and whether
the sum is a note, already paid, a total, money used for the crime, or a further victim of the
clause before.

A keyword such as 犯罪所得 or 追缴 also occurs in crime names (掩饰、隐瞒犯罪所得、犯罪所得收益罪,
逃避追缴欠税罪); there it names the offence and orders nothing. Sums that only comment on an
ordered one are never added to it: a parenthesis right after a sum (¥ figure, 已退赔的…,
扣押在案的…, 其中…), the parts after 其中, and sums already paid (已退赔/已缴纳 …).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

KEYWORD_RE = re.compile(
    r"(?P<confiscation_all>没收(?:其|被告人[^，,。；;]{0,8}?)?(?:个人)?全部(?:个人)?财产)"
    r"|(?P<confiscation_part>没收(?:其|被告人[^，,。；;]{0,8}?)?(?:个人)?(?:部分)?财产)"
    r"|(?P<fine>罚金)"
    r"|(?P<restitution>退赔|退赃|退还被害)"
    r"|(?P<recovery>追缴|退缴|违法所得|非法所得|犯罪所得|赃款|没收|上缴国库)"
    r"|(?P<block>赔偿|补偿|支付|给付|受理费|诉讼费|保证金|价值)"
)
# The rest of a crime name after a keyword: name characters (no person, no 犯 but that of
# 犯罪所得) up to the closing 罪 (not 罪所得 or 罪行, which are no name's end).
_CRIME_REST_RE = re.compile(
    r"(?:犯罪所得|[^\s,，。；;:：()（）的被其犯人某0-9])*?罪(?!所得|行|犯|嫌疑)"
)
_SENTENCE_STOP = "。；;\n"
_SUM_END_RE = re.compile(r"[元圆][整正]?\s*$")
_PARTS_RE = re.compile(r"其中")
_PAID_RE = re.compile(
    r"已(?:经|被)?(?:全部|部分)?(?:退赔|退赃|退还|返还|赔偿|缴纳|交纳|预缴|缴|支付|发还|履行)"
)
_TOTAL_RE = re.compile(r"(?:共计|合计|总计|总共|累计|总额|共)[为:：]?(?:人民币)?\s*$")
# A clause that goes on with the victims of the clause before (退赔被害人甲五万元，被害人乙
# 三万元) and so has no keyword of its own.
_CONTINUES_RE = re.compile(r"[及和向]?(?:被害人|被害单位)")
# Money used for the crime (赌资: 刑法第六十四条 供犯罪所用的本人财物) is forfeited like a tool,
# not recovered as proceeds (违法所得) — unless proceeds are named too (违法所得及赌资).
_INSTRUMENT_RE = re.compile(r"赌资|赌款|作案资金|供犯罪所用|犯罪工具|作案工具")
_PROCEEDS_RE = re.compile(r"所得|赃款|赃物|退缴|退赃")
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")  # 56,000: no clause end
_CLAUSE_END = "，,。；;:："
_WRAP_RE = re.compile(
    r"[\u4e00-\u9fff0-9][ \t]*\n[ \t]*(?![一二三四五六七八九十]+、|\(|（|[0-9]+[、.])\S"
)
REACH = 300  # chars searched back for a clause or sentence start


def penalty_keywords(norm: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The penalty keywords in ``norm[start:end]`` that are not part of a crime name."""
    for key in KEYWORD_RE.finditer(norm, start, end):
        if not _CRIME_REST_RE.match(norm, key.end(), min(len(norm), key.end() + 12)):
            yield key


def is_note(norm: str, pos: int, floor: int) -> bool:
    """Whether the sum at ``pos`` only comments on another: inside a parenthesis opened right
    after a sum, or after 其中 following a sum, in the same sentence."""
    lo = _sentence_start(norm, pos, floor)
    opened = max(norm.rfind("(", lo, pos), norm.rfind("（", lo, pos))
    closed = max(norm.rfind(")", lo, pos), norm.rfind("）", lo, pos))
    if opened > closed and _SUM_END_RE.search(norm, lo, opened):
        return True
    parts = [m.start() for m in _PARTS_RE.finditer(norm, lo, pos)]
    return bool(parts) and "元" in norm[lo : parts[-1]]


def already_paid(norm: str, lo: int, pos: int) -> bool:
    """Whether the clause before the sum says it was paid already (已退赔的人民币5万元)."""
    return bool(_PAID_RE.search(norm, lo, pos))


def is_total(norm: str, lo: int, pos: int) -> bool:
    """Whether the sum is introduced as the total of the ones before it (共计, 合计 …)."""
    return bool(_TOTAL_RE.search(norm, lo, pos))


def continues(norm: str, lo: int, pos: int) -> bool:
    """Whether the clause from ``lo`` to the sum at ``pos`` only names a further victim."""
    if not _CONTINUES_RE.match(norm, lo) or already_paid(norm, lo, pos):
        return False
    return next(KEYWORD_RE.finditer(norm, lo, pos), None) is None


def instrument_only(norm: str, lo: int, pos: int) -> bool:
    """Whether the money forfeited at ``pos`` is named as an instrument of the crime only."""
    return bool(_INSTRUMENT_RE.search(norm, lo, pos)) and not _PROCEEDS_RE.search(norm, lo, pos)


def clause_start(norm: str, pos: int, floor: int) -> int:
    """Start of the clause holding ``pos``. A newline ends a clause unless it is a hard wrap
    inside a line (罚金人民币十二⏎万元); the comma of 56,000 ends none."""
    floor = max(floor, pos - REACH)
    newline = norm.rfind("\n", floor, pos)
    while newline > floor and _WRAP_RE.match(norm, newline - 1):
        newline = norm.rfind("\n", floor, newline)
    ends = [floor, newline + 1]
    for ch in _CLAUSE_END:
        at = norm.rfind(ch, floor, pos)
        while at > floor and ch == "," and _THOUSANDS_RE.match(norm, at):
            at = norm.rfind(ch, floor, at)
        ends.append(at + 1)
    return max(ends)


def _sentence_start(norm: str, pos: int, floor: int) -> int:
    return max([floor] + [norm.rfind(ch, floor, pos) + 1 for ch in _SENTENCE_STOP])
