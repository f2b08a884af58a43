"""Sections of a court document, found by cue phrases rather than by line structure.

A document runs header (court, heading, case number) → party block → procedural history →
claims → defence → findings → reasoning → operative part → signature block (tail) →
appended statutes. Texts arrive with or without newlines, with spaced headings, site clutter
or cut short, so every boundary is a cue phrase at a sentence start (``assist/data/
section_cues.tsv``); a section whose cue is not in the text is ``None``. Sections are in text
order and never overlap; a section ends where the next found one begins.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assist.document import Sections, SpanPair
from assist.extract.furniture import block_start, header_choice
from assist.section_cues import (  # noqa: F401 (needles, leads, _BOUNDED, _has, _sentence_cue: tests/speed)
    _BOUNDED,
    _COURT,
    _cue,
    _cue_start,
    _cues,
    _first,
    _has,
    _patterns,
    _rstrip,
    _sentence_cue,
    _skip_ws,
    _span,
    leads,
    needles,
)
from assist.section_tail import _appendix, _decision_and_tail, _trim_junk, content_end
from assist.text.normalize import Text

__all__ = ["content_end", "find_sections", "leads", "needles"]

_STRONG_HISTORY = re.compile(r"一案|提起公诉|起诉书指控|立案|受理|作出")
_END_OF_HISTORY = re.compile(r"审(?:理|查)终结[。.]?")
_STANDALONE_AFTER = re.compile(r"\s|\(|$")
# The document's title line right above its header block (…纠纷一审民事判决书).
_TITLE_ABOVE = re.compile(r"[^\n。,:;]*书\s*")


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
    choice = header_choice(s)
    if choice is None:
        return _header_fallback(s)
    chosen, before = choice
    lo = max([max(0, chosen.start() - 300), *(prev.end() for prev in before)])
    start = _header_start(s, lo, chosen.start())
    block = block_start(s, chosen.start())
    if start < block < chosen.start() and not _TITLE_ABOVE.fullmatch(s, start, block):
        start = _header_start(s, max(lo, block), chosen.start())  # site lines above the block
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
