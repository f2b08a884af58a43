"""Dates: every full date in the text, and the case's filed / hearing / decided dates.

Formats: ``2015年6月24日``, ``二〇一五年十月二十八日`` (with 〇 written as O, 0, Greek Ο or
Cyrillic О), stray spaces (``2011年8月31 日``, ``九月 三 日``), ``2011年11月7`` directly followed
by a verb (a missing 日), ``2015-06-24``, ``同年6月21日`` (the year of the date before) and
``同日`` / ``当日`` / ``次日`` / ``翌日`` (the date before, or the day after it, when that date is at
most a few sentences back; never ``生效之次日``, which counts from an event).
Kinds: ``filed`` (立案/受理/起诉/提起公诉/申请执行/移送执行 … in the procedural history, or a
date opening a sentence whose verb files: ``2023年2月20日，申请执行人…向本院申请恢复执行``; never
a filing under another case's number: ``立案执行，案号为（2022）…执6060号`` in a 执恢 ruling; a
减刑 proposal's date only when the court states no 立案 date of its own), ``hearing`` (开庭, or
于同日进行了审理), ``decided`` (the date in the signature block), else ``other``.
Impossible calendar dates (``1951年13月29日``, ``2015年2月30日``) are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import NamedTuple

from assist.document import DateKind, DateMention, Dates, Sections, SpanPair
from assist.parse import find_sections
from assist.text.normalize import Text
from assist.text.numerals import parse_int

# Zero in year numerals: 〇, 零, Latin O/o, Greek Ο/ο, Cyrillic О/о, Arabic 0.
_ZEROS = "〇零OoΟοОо0"
_YEAR_CN = f"[一二][{_ZEROS}九][{_ZEROS}一二三四五六七八九]{{2}}"
_MONTH = r"1[0-2](?![0-9])|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY = (
    r"3[01]|[12][0-9]|0?[1-9]"
    r"|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
)
_SP = "[ ]{0,3}"
# (?=[12一二同次翌当]): every date starts with a year's first digit, 同年 or a relative day;
# checking that first makes the scan about twice as fast.
_DATE = re.compile(
    rf"(?=[12一二同次翌当])(?:(?<![之的])(?P<rel>同日|当日|当天|次日|翌日)(?![期内])|(?P<y>(?<![0-9])(?:19|20)[0-9]{{2}}|{_YEAR_CN}){_SP}年{_SP}(?P<m>{_MONTH}){_SP}月{_SP}"
    rf"(?P<d>{_DAY})(?:{_SP}[日号]|(?<=[0-9])(?![0-9])(?=[向在至起被于经]))"
    rf"|同年{_SP}(?P<sm>{_MONTH}){_SP}月{_SP}(?P<sd>{_DAY}){_SP}[日号]"
    rf"|(?<![0-9./-])(?P<iy>(?:19|20)[0-9]{{2}})(?P<sep>[-/])(?P<im>1[0-2]|0?[1-9])(?P=sep)"
    rf"(?P<id>3[01]|[12][0-9]|0?[1-9])(?![0-9./-]))"
)
_DIGIT = {ch: "0" for ch in _ZEROS} | {
    ch: str(i) for i, ch in enumerate("一二三四五六七八九", start=1)
}  # fmt: skip

# What follows a filing date in the same clause: 立案 / 受理 / 向本院起诉 / 提起公诉 …
_FILED = re.compile(
    r"[^,，。;；]{0,20}?(?:立案|受理|向本院(?:提起|提出|起诉|申请|递交)|提起(?:公诉|诉讼|行政诉讼|自诉)"
    r"|起诉|申请(?:强制)?执行|提出减刑建议|提出假释建议|提请(?:减刑|假释)|移送本院|移送执行)"
)
_NOT_FILED = re.compile(r"撤诉|撤回|保全|复议|上诉|送达|公告|公示|管辖")
# A date opening its sentence governs it: 2023年2月20日，申请执行人…向本院申请恢复执行….
_SENTENCE_FILED = re.compile(
    r"向本院(?:赔偿委员会)?(?:提起|提出|申请|起诉|递交)|本院(?:于同日)?(?:立案|受理)|申请恢复执行"
    r"|提起(?:公诉|诉讼|行政诉讼|自诉)"
)
# A proposal (执行机关…提出减刑建议) is the filing only when the court states no 立案 date of its own.
_PROPOSAL = re.compile(r"[^,，。;；]{0,20}?(?:提出(?:减刑|假释)建议|提请(?:减刑|假释))")
_CASE_REF = re.compile(r"\(\s*(?:19|20)\d{2}\s*\)[^()。,;\n]{1,30}?号")
# The number a filing is given: 案号为（2022）陕0113执6060号 / 以（2022）京0105执8899号立案.
_FILED_AS = re.compile(rf"(?:案号|以)(?:为|是)?:? ?(?P<ref>{_CASE_REF.pattern})")
_SENTENCE_REACH = 80  # chars after a date read for its sentence's verb or case number
_HEARING = re.compile(r"开庭(?!传票|通知)")
# 于同日进行了审理 / 于…公开审理了本案: a hearing on that date even without the word 开庭
_HEARD = re.compile(r"[^,，。;；]{0,6}?(?:进行了?|公开|不公开|开始)审理(?!终结)")
_OTHER_COURT = re.compile(r"该院|法院|一审|原审")
_CLAUSE_END = re.compile(r"[,，。;；]")
_CASE_YEAR = re.compile(r"\(\s*((?:19|20)\d{2})\s*\)")
_NEXT_DAY = ("次日", "翌日")
_RELATIVE_REACH = 150  # chars back to the date a 同日/次日 refers to


def find_dates(t: Text, sections: Sections | None = None) -> Iterator[DateMention]:
    """Every full date in ``t``, in text order, with its kind."""
    yield from _dates(t, find_sections(t) if sections is None else sections)


@lru_cache(maxsize=8)  # pick_dates and the date mentions read the same text
def _dates(t: Text, sections: Sections) -> tuple[DateMention, ...]:
    return tuple(_mentions(t, sections))


def _mentions(t: Text, sections: Sections) -> Iterator[DateMention]:
    s = t.norm
    matches = list(_DATE.finditer(s))
    starts = [m.start() for m in matches] + [len(s)]
    own = _own_case(s, sections.header)
    last: tuple[dt.date, int] | None = None  # the last full date and where it ends
    for i, m in enumerate(matches):
        year = last[0].year if last else None
        value = _relative(m, last) if m.group("rel") else _value(m, year)
        if value is None:
            continue
        last = value, m.end()
        kind = _kind(s, m, starts[i + 1], value, sections, own)
        yield DateMention(kind, value.isoformat(), t.raw[m.start() : m.end()], m.start(), m.end())


def pick_dates(t: Text, sections: Sections | None = None) -> tuple[Dates, dict[str, SpanPair]]:
    """The filed, hearing and decided dates (ISO) and their spans; first mention of each kind
    (a 减刑/假释 proposal's date only when no later filing date is the court's own 立案)."""
    chosen: dict[str, DateMention] = {}
    proposal: DateMention | None = None
    for mention in find_dates(t, sections):
        if mention.kind == "filed" and _PROPOSAL.match(t.norm, mention.end):
            proposal = proposal or mention
        elif mention.kind != "other" and mention.kind not in chosen:
            chosen[mention.kind] = mention
    if proposal is not None and ("filed" not in chosen or chosen["filed"].start < proposal.start):
        chosen["filed"] = proposal
    iso = {k: v.value for k, v in chosen.items()}
    dates = Dates(filed=iso.get("filed"), hearing=iso.get("hearing"), decided=iso.get("decided"))
    return dates, {k: (v.start, v.end) for k, v in chosen.items()}


def _value(m: re.Match[str], last_year: int | None) -> dt.date | None:
    if m.group("y"):
        year: int | None = _year(m.group("y"))
        month, day = _small(m.group("m")), _small(m.group("d"))
    elif m.group("sm"):
        year, month, day = last_year, _small(m.group("sm")), _small(m.group("sd"))
    else:
        year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    if year is None or month is None or day is None or not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _relative(m: re.Match[str], last: tuple[dt.date, int] | None) -> dt.date | None:
    """同日/当日 → the date just before; 次日/翌日 → the day after it."""
    if last is None or m.start() - last[1] > _RELATIVE_REACH:
        return None
    return last[0] + dt.timedelta(days=1) if m.group("rel") in _NEXT_DAY else last[0]


@cache
def _small(token: str) -> int | None:
    """A month or day as matched (06, 十二, 二十一): few distinct tokens, so cached."""
    return parse_int(token)


def _year(token: str) -> int | None:
    if token.isdigit() and token.isascii():
        return int(token)
    digits = "".join(_DIGIT.get(ch, "") for ch in token)
    return int(digits) if len(digits) == 4 else None


class _Own(NamedTuple):
    """The document's own case: its year and number (up to 号, blanks removed)."""

    year: int | None
    number: str | None


def _own_case(s: str, header: SpanPair | None) -> _Own:
    year = _CASE_YEAR.search(s, *header) if header else None
    number = _CASE_REF.search(s, *header) if header else None
    return _Own(
        int(year.group(1)) if year else None,
        number.group().replace(" ", "") if number else None,
    )


def _names_other_case(s: str, pos: int, own: _Own) -> bool:
    """本院于2022年9月5日立案执行，案号为（2022）陕0113执6060号: another case's filing."""
    if own.number is None:
        return False
    end = s.find("。", pos, pos + _SENTENCE_REACH)
    refs = _FILED_AS.finditer(s, pos, end if end >= 0 else min(len(s), pos + _SENTENCE_REACH))
    return any(ref.group("ref").replace(" ", "") != own.number for ref in refs)


def _opens_filing_sentence(s: str, m: re.Match[str]) -> bool:
    """2023年2月20日，申请执行人…向本院申请恢复执行: a date at a sentence start, then a comma,
    and a filing verb later in the sentence before any other date."""
    before = s[max(0, m.start() - 3) : m.start()].rstrip(" ")
    if (before and before[-1] not in "。\n") or s[m.end() : m.end() + 1] not in (",", "，"):
        return False
    end = s.find("。", m.end(), m.end() + _SENTENCE_REACH)
    sentence = s[m.end() : end if end >= 0 else m.end() + _SENTENCE_REACH]
    cue = _SENTENCE_FILED.search(sentence)
    if cue is None or _DATE.search(sentence, 0, cue.start()):
        return False
    told = sentence[: cue.end()]
    return not _NOT_FILED.search(told) and _OTHER_COURT.search(told) is None


def _inside(pos: int, span: SpanPair | None) -> bool:
    return span is not None and span[0] <= pos < span[1]


def _kind(
    s: str, m: re.Match[str], next_start: int, value: dt.date, sec: Sections, own: _Own
) -> DateKind:
    if _inside(m.start(), sec.tail):
        return "decided"
    if not _inside(m.start(), sec.history):
        return "other"
    if own.year is not None and value.year < own.year - 1:
        return "other"  # an earlier proceeding retold in the history
    clause_end = _CLAUSE_END.search(s, m.end())
    after = s[m.end() : clause_end.start() if clause_end else len(s)]
    lo = max(0, m.start() - 30)
    stop = max(s.rfind(ch, lo, m.start()) for ch in ",，。;；")
    before = s[max(stop + 1, lo) : m.start()]
    if _other_court(before, after):
        return "other"
    if (_FILED.match(s, m.end()) and not _NOT_FILED.search(after)) or _opens_filing_sentence(s, m):
        return "other" if _names_other_case(s, m.end(), own) else "filed"
    sentence_end = s.find("。", m.end(), m.end() + 200)
    window = s[m.end() : min(next_start, m.end() + 200 if sentence_end < 0 else sentence_end)]
    if (_HEARING.search(window) and not _FILED.match(s, m.end())) or _HEARD.match(s, m.end()):
        return "hearing"
    return "other"


def _other_court(before: str, after: str) -> bool:
    """该院于… / 在X人民法院立案 — unless the clause brings the case to 本院."""
    if "本院" in before or "本院" in after:
        return False
    return _OTHER_COURT.search(before) is not None or _OTHER_COURT.search(after) is not None
