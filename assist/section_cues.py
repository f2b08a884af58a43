"""The section cues of ``assist/data/section_cues.tsv`` compiled, and the searches ``parse``
and ``section_tail`` share (sentence-start cues, prefilters by needle)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from assist.document import SpanPair

# Sections whose cues only count at a sentence start (text start, after 。 or a newline).
_BOUNDED = frozenset(
    {"history", "claims", "claims_next", "defense", "findings", "findings_weak", "reasoning"}
)
_BOUNDARY = r"(?:(?<=[。\n!?])|^)[ ]*"
_CASE_NO = (
    r"\(\s*(?:(?:19|20)\d{2}|[一二][〇零O0一二三四五六七八九]{3})\s*\)"
    # a bracketed part inside the number: (2014)沪一中民二(民)终字第2031号
    r"(?:[^\n()。,，:;；]|\([\u4e00-\u9fff]{1,2}\)(?=[\u4e00-\u9fff])){1,30}?\d+\s*号"
    r"(?:之[一二三四五六七八九十]+)?"
)
_COURT = r"[\u4e00-\u9fff]{0,30}?(?:人民法院|法院|人民检察院)"
# A tail date: a year in any numeral script (〇 may be O, 0, Greek Ο, Cyrillic О), even when
# the day is left blank (二○○八年九月   日).
_TAIL_DATE = r"[〇零一二三四五六七八九OoΟοОо0-9]{4}\s*年"
_MID_STOP = re.compile(r"[!?]")  # sentence ends that sentence-start cues may run across
# The end of a header candidate (see ``_patterns()["header"]``): its last character before
# the blanks and the party label is 书, 号, the ) of (稿) or the numeral of 号之一.
_HEADER_END_CHARS = "书号)一二三四五六七八九"


@cache
def _cue_sources() -> dict[str, str]:
    """Section → one alternation of its cue regexes, from the data file."""
    data = resources.files("assist.data").joinpath("section_cues.tsv").read_text(encoding="utf-8")
    groups: dict[str, list[str]] = {}
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        section, _, cue = line.partition("\t")
        groups.setdefault(section.strip(), []).append(cue.strip())
    return {name: "|".join(f"(?:{cue})" for cue in cues) for name, cues in groups.items()}


@cache
def _shortcuts() -> tuple[dict[str, tuple[tuple[str, ...], ...]], dict[str, str]]:
    """(section → needle tuples, section → lead class) from ``section_cue_shortcuts.tsv``."""
    path = resources.files("assist.data").joinpath("section_cue_shortcuts.tsv")
    needles: dict[str, tuple[tuple[str, ...], ...]] = {}
    leads: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            section, kind, value = line.split("\t")
            if kind == "lead":
                leads[section] = value
            else:
                needles[section] = (*needles.get(section, ()), tuple(value.split("|")))
    return needles, leads


def needles() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Section → literal tuples (one of each in every match of its cue); see the data file."""
    return _shortcuts()[0]


def leads() -> dict[str, str]:
    """Section → the character class every match of its cue starts with."""
    return _shortcuts()[1]


@cache
def _cues() -> dict[str, re.Pattern[str]]:
    compiled: dict[str, re.Pattern[str]] = {}
    for name, body in _cue_sources().items():
        lead = f"(?=[{leads()[name]}])" if name in leads() else ""
        prefix = _BOUNDARY if name in _BOUNDED else lead
        compiled[name] = re.compile(f"{prefix}(?P<cue>{body})")
    return compiled


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Composite patterns built from the cue lists (header candidates, header parts, tail)."""
    src = _cue_sources()
    heading, party, judge, clerk = src["heading"], src["party"], src["judge"], src["clerk"]
    return {
        # The document's own number (or a bare heading) directly followed by the party block.
        "header": re.compile(
            rf"(?=[({leads()['heading']}])"  # a case number's ( or a heading's first character
            rf"(?:(?:{_CASE_NO})(?:\s*(?:{heading})(?:\(稿\))?)?[\s:]*(?=(?:{party}))"
            rf"|(?:{heading})(?:\(稿\))?[\s:]*(?=(?:{party})))"
        ),
        "header_end": re.compile(rf"[{_HEADER_END_CHARS}][\s:]*(?:{party})"),
        "head_part": re.compile(rf"{_COURT}|(?:{heading})"),
        "case_no": re.compile(_CASE_NO),
        "party_start": re.compile(rf"\s*(?:{party})"),
        # A line about the parties, not an entry: a label and a name glued to a linking word and
        # another party's label (上诉人林某某以被上诉人池某犯诽谤罪，向…法院提起自诉；).
        "party_history": re.compile(
            rf"{_BOUNDARY}(?:{party})[^\s,，。:;；()、]{{2,20}}?(?:以|诉|与|和|同|因与)(?:{party})"
        ),
        # The blank where a line of the party block ended, in a text joined into one line.
        "joined_party": re.compile(rf"(?<=[\u4e00-\u9fff])(?<![与和及诉]) +(?=(?:{party}))"),
        # No blank at all: an address (住…县) running straight into the next party label.
        "glued_party": re.compile(
            rf"住[^。,，;；:：\s]{{1,30}}?[省市县区镇乡村组号路街](?=(?:{party}))"
        ),
        # A judge's title and name, then (without a full stop) the date or the clerk.
        "tail": re.compile(
            rf"(?:{judge})[\s:]*[^\s\d。,，:;]{{1,10}}?(?=\s|(?:{judge})|(?:{clerk})|{_TAIL_DATE})"
            rf"(?=[^。]{{0,300}}?(?:(?:{clerk})|{_TAIL_DATE}))"
        ),
        "clerk": re.compile(clerk),
        "tail_date": re.compile(_TAIL_DATE),
    }


def _skip_ws(s: str, i: int, end: int | None = None) -> int:
    end = len(s) if end is None else end
    while i < end and s[i].isspace():
        i += 1
    return i


def _rstrip(s: str, start: int, end: int) -> int:
    while end > start and s[end - 1].isspace():
        end -= 1
    return end


def _span(s: str, start: int | None, end: int | None) -> SpanPair | None:
    if start is None or end is None:
        return None
    start = _skip_ws(s, start, end)
    end = _rstrip(s, start, end)
    return (start, end) if start < end else None


def _first(pattern: re.Pattern[str], s: str, start: int, end: int) -> re.Match[str] | None:
    return pattern.search(s, start, end) if start < end else None


def _has(s: str, start: int, end: int, name: str, skip: int = 0) -> bool:
    """Whether s[start:end] holds the literals that every match of cue group ``name`` holds
    (the needle tuples after the first ``skip``)."""
    return all(
        any(s.find(n, start, end) >= 0 for n in group) for group in needles().get(name, ())[skip:]
    )


def _cue_starts(name: str, s: str, start: int) -> list[int]:
    """Where every match of cue group ``name`` from ``start`` on begins."""
    if not _has(s, start, len(s), name):
        return []
    return [m.start("cue") for m in _cues()[name].finditer(s, start)]


@lru_cache(maxsize=64)  # the header, the history and the body ask the same questions
def _cue(name: str, s: str, start: int, end: int) -> re.Match[str] | None:
    """The first match of cue group ``name`` inside s[start:end]."""
    if start >= end:
        return None
    if name in _BOUNDED and name in needles():
        return _sentence_cue(name, s, start, end)
    if not _has(s, start, end, name):
        return None
    return _cues()[name].search(s, start, end)


def _sentence_cue(name: str, s: str, start: int, end: int) -> re.Match[str] | None:
    """``_cue`` for a cue bound to a sentence start, tried only where it can start.

    Such a cue never crosses 。 or a newline before its first needle, so a match starts at a
    sentence start (text start, after 。 ! ? or a newline) in a sentence that holds a needle
    at or after it. Those starts are tried in text order: the first match is the one a scan
    of the whole span would find, at a fraction of the cost."""
    if not _has(s, start, end, name, skip=1):
        return None
    pattern = _cues()[name]
    tried = start  # no match starts in s[start:tried]
    # The next occurrence of each needle at or after ``tried`` (-1: none left).
    ahead = {n: s.find(n, start, end) for n in needles()[name][0]}
    while hits := [at for at in ahead.values() if at >= 0]:
        at = min(hits)
        lo = max(tried, s.rfind("。", tried, at) + 1, s.rfind("\n", tried, at) + 1)
        starts = [i.end() for i in _MID_STOP.finditer(s, lo, at)]
        if lo == 0 or s[lo - 1] in "。\n!?":
            starts.insert(0, lo)
        for pos in starts:
            m = pattern.match(s, pos, end)
            if m is not None:
                return m
        tried = at + 1
        ahead = {n: s.find(n, tried, end) if 0 <= i < tried else i for n, i in ahead.items()}
    return None


def _cue_start(m: re.Match[str] | None) -> int | None:
    return m.start("cue") if m is not None else None
