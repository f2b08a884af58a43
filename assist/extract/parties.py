"""Parties of a court document: name, litigation role, kind and agents, from the party block.

The party block lies between the heading/case number and the first narrative sentence
(``原告X与被告Y…纠纷一案``, ``X人民检察院以…起诉书指控``, ``本院在执行…``). Each entry starts with
a label at a boundary (line start, after 。 or ；, or glued right after the previous name in
texts without punctuation) and its name runs to the first ，。,()、: or the next label. Roles
come from ``assist/data/party_roles.tsv`` (CONTRACT.md role table), kinds from
``assist/data/org_suffixes.tsv``. Agents (委托代理人, 辩护人 …) attach to the party before them;
法定代表人/负责人 and the like are skipped. Names are never taken from the narrative.
Label forms live in :mod:`assist.extract.party_labels`, block location in
:mod:`assist.extract.party_block`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from assist.document import Agent, Party, PartyKind, Role
from assist.extract.agents import agent_targets, make_agent
from assist.extract.party_block import HEADING, HEADING_END, locate_party_block, narrative_start
from assist.extract.party_labels import base_label, label_re, next_label
from assist.extract.party_roles import org_marked, org_shaped, party_kind, prior_role, role_table
from assist.text.normalize import Text

__all__ = ["find_parties", "locate_party_block"]
# tests/speed checks these prefilters under their old names.
_HEADING, _HEADING_END, _label_re = HEADING, HEADING_END, label_re

_COUNTS = {
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
# A blank only between Latin letters: 原告:DAVID LEE,男,….
_NAME = re.compile(r"(?:[^\s,，。:;；、()\[\]【】<>《》\"“”]|(?<=[A-Za-z.]) (?=[A-Za-z])){1,60}")
_NAME_STOP = re.compile(
    r"公民身份|身份证|统一社会|组织机构代码|住所|住址|现住|户籍|\d{4}年|出生|生于"
)
_NOT_A_NAME = re.compile(r"^(?:基本情况|情况同|同上|同前|身份|详见|不详|系)")
_TRAILING_SEX = re.compile(r"[男女]$")
_AFTER_SEX = re.compile(r",(?:[^,。]{0,5}族|\d{4}年)")
# A bracket inside an organisation's name: 广东国晖(中山)律师事务所, 某某(中国)有限公司.
_NAME_PAREN = re.compile(r"\(([^()\n,，。:;]{1,12})\)")
_PAREN_NOT_NAME = re.compile(
    r"^(?:以下|下称|简称|曾用名|又名|原名|现名|别名|系|原审|一审|二审|反诉|本诉)"
)

_PARTICLES = frozenset("的与及")  # never a surname (和, 向 are) nor a name's start
# Function words that also open place and organisation names (无锡, 无为, 无棣, 在线, 对外): a
# name only with an organisation's mark (无锡某某有限公司), not a clause (无正当理由, 无业).
_FUNCTION_STARTS = frozenset("无在对")
_PERSON_MAX = 20  # longer: an organisation's (公司, 委员会 …) or a transliterated name (·)
# An agency's decision addressed to its party, whose identity lines follow instead of a 当事人
# label (淄博某某化工有限公司：\n统一社会信用代码：…).
_ADDRESSEE = re.compile(
    r"\n[ ]*(?P<name>[^\s:,，。;；()]{2,40}):[ ]*\n[ ]*"
    r"(?:统一社会信用代码|法定代表人|负责人|经营者|公民身份|身份证|住所|住址|地址|经营场所)"
)
_ADDRESSEE_SCAN = 300


@dataclass(slots=True)
class _Draft:
    name: str
    role: Role
    kind: PartyKind
    start: int
    end: int
    prior: Role | None
    label: str
    base: str
    agents: list[Agent] = field(default_factory=list)


# ---------------------------------------------------------------- party block parsing


def _scan_name(norm: str, pos: int, hi: int) -> tuple[int, int, int]:
    """(start, end, glued) of the name at ``pos``; ``glued`` is where a label cut it, else -1."""
    while pos < hi and norm[pos] in " :":
        pos += 1
    start = end = pos
    glued = -1
    while True:
        match = _NAME.match(norm, end, hi)
        if match is None:
            break
        chunk_end = match.end()
        label = label_re().search(norm, match.start() + (1 if end == start else 0), chunk_end)
        stop = _NAME_STOP.search(norm, match.start(), chunk_end)
        if stop is not None and stop.start() > start:
            chunk_end = min(chunk_end, stop.start())
        if label is not None and label.start() < chunk_end:
            chunk_end, glued = label.start(), label.start()
        end = chunk_end
        paren = _NAME_PAREN.match(norm, end, hi)
        if glued >= 0 or paren is None or _PAREN_NOT_NAME.match(paren.group(1)):
            break
        follow = _NAME.match(norm, paren.end(), hi)
        if follow is None or label_re().match(norm, paren.end(), hi):
            break
        end = paren.end()
    if (
        end - start >= 4
        and _TRAILING_SEX.search(norm, end - 1, end)
        and _AFTER_SEX.match(norm, end, min(hi, end + 12))
    ):
        end -= 1
    return start, end, glued


def _names(norm: str, pos: int, hi: int) -> tuple[list[tuple[int, int]], int, int]:
    """Names joined by 、 after a label: (spans, end, glued-label position or -1)."""
    spans: list[tuple[int, int]] = []
    while True:
        start, end, glued = _scan_name(norm, pos, hi)
        name = norm[start:end]
        if end > start and not _not_a_name(name):
            spans.append((start, end))
        if glued >= 0 or end >= hi or norm[end] != "、" or label_re().match(norm, end + 1, hi):
            return spans, end, glued
        pos = end + 1


def _not_a_name(name: str) -> bool:
    """情况同上, 系…, 无 (an empty field) and clauses opening with a function word."""
    if _NOT_A_NAME.match(name):
        return True
    return name[0] in _FUNCTION_STARTS and not org_marked(name)


def _details_end(norm: str, pos: int, hi: int, lo: int) -> int:
    """Where the description after an agent's name ends: 。, a newline or the next label."""
    end = hi
    for stop in ("。", "\n"):
        at = norm.find(stop, pos, end)
        if at >= 0:
            end = at
    label = next_label(norm, pos, end, lo)
    return label.start() if label is not None else end


def _count(value: str | None) -> int | None:
    if not value:
        return None
    return int(value) if value.isdigit() else _COUNTS.get(value)


def _parse_block(t: Text, lo: int, hi: int) -> list[_Draft]:
    norm = t.norm
    table = role_table()
    drafts: list[_Draft] = []
    known_agents: dict[str, Agent] = {}
    pos, forced = lo, -1
    while (label := next_label(norm, pos, hi, lo, forced)) is not None:
        spans, pos, forced = _names(norm, label.end(), hi)
        if label.group("other") is not None:
            continue
        if label.group("agent") is not None:
            group = label.group("group")
            targets = agent_targets(
                [d.role for d in drafts],
                table[base_label(group)][0] if group else None,
                _count(label.group("count")),
                label.group("shared") is not None or label.group(0).startswith(("以上", "上列")),
            )
            details = norm[pos : _details_end(norm, pos, hi, lo)]
            for start, end in spans:
                agent = make_agent(norm[start:end], details, start, end, known_agents)
                for index in targets:
                    if all(a.name != agent.name for a in drafts[index].agents):
                        drafts[index].agents.append(agent)
            continue
        base = base_label(label.group("party"))
        role, _ = table[base]
        prior = prior_role(label.group("paren"))
        raw_label = t.raw[label.start() : label.end()]
        for start, end in spans:
            name = norm[start:end]
            if not _plausible_name(name):
                continue
            drafts.append(_Draft(name, role, party_kind(name), start, end, prior, raw_label, base))
    return drafts


def _plausible_name(name: str) -> bool:
    """A name, not a clause a label ran into (被告人袁某在担任…期间 in a facts excerpt): at least
    two characters, not opening with a particle, and short unless shaped like an organisation's."""
    if len(name) < 2 or name[0] in _PARTICLES:
        return False
    return len(name) <= _PERSON_MAX or "·" in name or org_shaped(name)


def _finish(drafts: list[_Draft]) -> Iterator[Party]:
    # 被申请人 answers a 再审申请人 in retrial review (CONTRACT.md role table).
    retrial = any(d.role == "retrial_applicant" for d in drafts)
    merged: dict[tuple[str, Role], _Draft] = {}
    for draft in drafts:
        if retrial and draft.base == "被申请人":
            draft.role = "retrial_respondent"
        key = (draft.name, draft.role)
        if key not in merged:
            merged[key] = draft
            continue
        kept = merged[key]
        kept.agents.extend(a for a in draft.agents if all(b.name != a.name for b in kept.agents))
    for d in merged.values():
        yield Party(
            name=d.name,
            role=d.role,
            kind=d.kind,
            start=d.start,
            end=d.end,
            prior_role=d.prior,
            role_label=d.label,
            agents=tuple(d.agents),
        )


def find_parties(t: Text, region: tuple[int, int] | None = None) -> Iterator[Party]:
    """Every party of this proceeding in the party block, in order, with its agents.

    ``region`` is the party block when the caller knows it; otherwise it is located with
    :func:`locate_party_block`. ``t.raw[p.start:p.end]`` is the name as written.
    """
    block = region if region is not None else locate_party_block(t)
    if block is None:
        return
    lo, hi = max(0, block[0]), min(len(t.norm), block[1])
    if region is not None and lo < hi:
        # A caller's block (the sections) may run into a narrative line that opens with a
        # label (上诉人林某某以被上诉人池某犯诽谤罪，…提起自诉；).
        stop = narrative_start(t.norm, lo, hi)
        hi = hi if stop is None else stop
    if lo < hi:
        yield from _finish(_parse_block(t, lo, hi) or _addressee(t, lo, hi))


def _addressee(t: Text, lo: int, hi: int) -> list[_Draft]:
    """The party a decision is addressed to, when the block has no party label."""
    match = _ADDRESSEE.search(t.norm, max(0, lo - 1), min(hi, lo + _ADDRESSEE_SCAN))
    if match is None or not _plausible_name(name := match.group("name")):
        return []
    start, end = match.span("name")
    return [_Draft(name, "other", party_kind(name), start, end, None, "", "")]
