"""Sections of a court document, found by cue phrases rather than by line structure.

A document runs header (court, heading, case number) → party block → procedural history →
claims → defence → findings → reasoning → operative part → signature block (tail) →
appended statutes. Texts arrive with or without newlines, with spaced headings, site clutter
or cut short, so every boundary is a cue phrase at a sentence start (``assist/data/
section_cues.tsv``); a section whose cue is not in the text is ``None``. Sections are in text
order and never overlap; a section ends where the next found one begins.
"""

from __future__ import annotations

import itertools
import re
from functools import cache, lru_cache
from importlib import resources

from assist.document import Sections, SpanPair
from assist.text.normalize import Text

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
_STRONG_HISTORY = re.compile(r"一案|提起公诉|起诉书指控|立案|受理|作出")
_END_OF_HISTORY = re.compile(r"审(?:理|查)终结[。.]?")
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
_STANDALONE_AFTER = re.compile(r"\s|\(|$")
_JUNK_LINE = re.compile(
    r"\s*(?:PAGE)?\s*\d{0,4}\s*"
    # a website's footer line after the document: follow-us, share buttons, navigation
    r"|[ ]*(?:关注|分享到|扫一扫|扫码|返回顶部|打印本页|关闭窗口|责任编辑|上一篇|下一篇|版权所有"
    r"|Copyright|[\u4e00-\u9fff]?ICP备)[^\n]{0,40}\s*"
)
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


def find_sections(t: Text) -> Sections:
    """Locate the sections of ``t`` (offsets into ``t.raw``); absent sections are ``None``."""
    return _find_sections(t.norm)


@lru_cache(maxsize=16)
def _find_sections(s: str) -> Sections:
    header, body_start = _header(s)
    hist = _cue("history", s, body_start, len(s))
    if hist is not None and not _opens_history(s, hist, body_start):
        hist = None
    hist_start = _history_start(s, hist) if hist else None
    party_start = _party_start(s, body_start)
    if party_start is not None and hist_start is not None:
        told = _party_history(s, party_start, hist_start)
        hist_start = told if told is not None else hist_start
    parties_end = hist_start
    if party_start is not None and hist_start is not None and hist_start <= party_start:
        party_start = None
    pos = hist.end("cue") if hist else (party_start if party_start is not None else body_start)

    decision, tail = _decision_and_tail(s, pos)
    limit = decision if decision is not None else (tail[0] if tail else len(s))
    end_hist = _history_end(s, pos, limit) if hist else None
    if end_hist is not None:
        pos = end_hist.end()
    body = _body(s, pos, limit)
    appendix = _appendix(s, tail[1]) if tail else None

    starts = {**body, "decision": decision, "tail": tail[0] if tail else None, "appendix": appendix}
    spans = _chain(s, starts, tail)
    first_after_hist = min((v for v in starts.values() if v is not None), default=len(s))
    if parties_end is None:
        parties_end = first_after_hist
    history: SpanPair | None = None
    if hist_start is not None:
        hist_end = min(end_hist.end(), first_after_hist) if end_hist else first_after_hist
        history = _span(s, hist_start, hist_end)
    return Sections(
        header=header,
        parties=_span(s, party_start, parties_end),
        history=history,
        claims=spans.get("claims"),
        defense=spans.get("defense"),
        findings=spans.get("findings"),
        reasoning=spans.get("reasoning"),
        decision=spans.get("decision"),
        tail=spans.get("tail"),
        appendix=spans.get("appendix"),
    )


def _chain(
    s: str, starts: dict[str, int | None], tail: SpanPair | None
) -> dict[str, SpanPair | None]:
    """Spans from section starts: each runs to the next start; the tail and the appendix end
    where they end."""
    found = sorted((v, k) for k, v in starts.items() if v is not None)
    spans: dict[str, SpanPair | None] = {}
    for i, (start, name) in enumerate(found):
        end = found[i + 1][0] if i + 1 < len(found) else len(s)
        if name == "tail" and tail is not None:
            end = tail[1]
        elif name == "appendix" or i + 1 == len(found):
            end = _trim_junk(s, start)
        spans[name] = _span(s, start, end)
    return spans


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


def _opens_history(s: str, hist: re.Match[str], body_start: int) -> bool:
    """False for 原告X向本院提出诉讼请求 (claims of an excerpt without history) and for a
    history-like sentence that comes after the claims or defence have begun."""
    cues = _cues()
    if cues["claims"].match(s, hist.start()) and not _STRONG_HISTORY.search(hist.group("cue")):
        return False
    for name in ("claims", "defense", "findings", "reasoning"):
        if _cue(name, s, body_start, hist.start("cue")) is not None:
            return False
    return True


def _history_start(s: str, hist: re.Match[str]) -> int:
    """Where the history begins. In a text joined into one line, a party line without a full
    stop runs into it (被执行人周殿云,住通化县 申请执行人…于…向本院申请): then it begins at
    the last party label set off by a blank inside the cue, or, with no blank, at the last one
    glued to an address (住通化县申请执行人…)."""
    start = hist.start("cue")
    pats = _patterns()
    if not pats["party_start"].match(s, start):
        return start
    joins = list(pats["joined_party"].finditer(s, start, hist.end("cue")))
    if not joins:
        joins = list(pats["glued_party"].finditer(s, start, hist.end("cue")))
    return joins[-1].end() if joins else start


def _history_end(s: str, pos: int, limit: int) -> re.Match[str] | None:
    """``本案现已审理终结。`` closing the history, when it comes before the reasoning."""
    end = _first(_END_OF_HISTORY, s, pos, limit)
    reasoning = _cue("reasoning", s, pos, limit)
    if end is None or (reasoning is not None and reasoning.start("cue") < end.end()):
        return None
    return end


def _header(s: str) -> tuple[SpanPair | None, int]:
    """The header span and where the body (party block) starts."""
    pats = _patterns()
    found = pats["header"].finditer(s) if pats["header_end"].search(s) else iter(())
    chosen = next(found, None)
    if chosen is None:
        return _header_fallback(s)
    cands = [chosen]
    hist = _cue("history", s, chosen.end(), len(s))
    if hist is not None:  # site clutter may repeat the header: take the last one before the history
        stop = hist.start("cue")
        cands += itertools.takewhile(lambda c: c.start() < stop, found)
        chosen = [c for c in cands if c.end() <= stop][-1]
    lo = max(0, chosen.start() - 300)
    for prev in cands:
        if prev.end() <= chosen.start():
            lo = max(lo, prev.end())
    start = _header_start(s, lo, chosen.start())
    end = _rstrip(s, start, chosen.end())
    while end > start and s[end - 1] == ":":
        end -= 1
    span = _span(s, start, end)
    return span, chosen.end()


def _header_start(s: str, lo: int, hi: int) -> int:
    """Where the header lines before ``hi`` begin: the line of the first court name or heading
    after the last full stop, with a ``中华人民共和国`` line above it."""
    lo = max(lo, s.rfind("。", lo, hi) + 1)
    part = _patterns()["head_part"].search(s, lo, hi)
    if part is None:
        return hi
    start = max(lo, s.rfind("\n", lo, part.start()) + 1)
    above_end = start - 1
    while above_end > lo and s[above_end - 1].isspace():
        above_end -= 1
    above = max(lo, s.rfind("\n", lo, above_end) + 1)
    if above < start and s[above:above_end].strip() == "中华人民共和国":
        start = above
    return start


def _header_fallback(s: str) -> tuple[SpanPair | None, int]:
    """A header without a case number: a heading standing on its own near the top."""
    heading = _cue("heading", s, 0, min(len(s), 400))
    if heading is None or not _STANDALONE_AFTER.match(s, heading.end()):
        return None, 0
    line_start = s.rfind("\n", 0, heading.start()) + 1
    before = s[line_start : heading.start()].strip()
    if before and not re.fullmatch(_COURT, before):
        return None, 0
    start = _header_start(s, max(0, line_start - 200), heading.start())
    end = heading.end()
    number = _patterns()["case_no"].match(s, _skip_ws(s, end))
    if number is not None:
        end = number.end()
    return _span(s, start, end), end


def _party_history(s: str, party_start: int, end: int) -> int | None:
    """A history line that the history cues miss inside the party block, opening with a
    party's label (上诉人X以被上诉人Y…向某某人民法院提起自诉)."""
    hit = _patterns()["party_history"].search(s, party_start + 1, end)
    return hit.end(0) - len(hit.group(0).lstrip(" ")) if hit is not None else None


def _party_start(s: str, body_start: int) -> int | None:
    m = _patterns()["party_start"].match(s, body_start)
    return _skip_ws(s, body_start) if m is not None else None


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


def _body(s: str, pos: int, limit: int) -> dict[str, int | None]:
    """Claims, defence, findings and reasoning between the history and the operative part."""
    reasoning0 = _cue_start(_cue("reasoning", s, pos, limit))
    strong = _cue_start(_cue("findings", s, pos, limit))
    weak_end = limit if reasoning0 is None else reasoning0
    weak = _cue_start(_cue("findings_weak", s, pos, weak_end))
    findings = min((i for i in (strong, weak) if i is not None), default=None)
    after = pos if findings is None else findings
    reasoning = _cue_start(_cue("reasoning", s, after, limit))
    stop = min((i for i in (findings, reasoning) if i is not None), default=limit)
    claims = _cue_start(_cue("claims", s, pos, stop))
    if claims is None:  # cues that only open the sentence right after the history
        claims = _cue_start(_cue("claims_next", s, pos, stop))
        if claims is not None and s[pos:claims].strip(" \n。"):
            claims = None
    defense = _cue_start(_cue("defense", s, pos if claims is None else claims + 1, stop))
    return {"claims": claims, "defense": defense, "findings": findings, "reasoning": reasoning}
