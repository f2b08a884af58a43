"""Parties of a court document: name, litigation role, kind and agents, from the party block.

The party block lies between the heading/case number and the first narrative sentence
(``原告X与被告Y…纠纷一案``, ``X人民检察院以…起诉书指控``, ``本院在执行…``). Each entry starts with
a label at a boundary (line start, after 。 or ；, or glued right after the previous name in
texts without punctuation) and its name runs to the first ，。,()、: or the next label. Roles
come from ``assist/data/party_roles.tsv`` (CONTRACT.md role table), kinds from
``assist/data/org_suffixes.tsv``. Agents (委托代理人, 辩护人 …) attach to the party before them;
法定代表人/负责人 and the like are skipped. Names are never taken from the narrative.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from assist.document import Agent, Party, PartyKind, Role
from assist.extract.agents import agent_targets, make_agent
from assist.extract.party_roles import org_shaped, party_kind, prior_role, role_table
from assist.text.normalize import Text

_AGENT_WORDS = (
    "委托诉讼代理人|委托代理人|诉讼代理人|特别授权代理人|指定辩护人|指派辩护人|辩护人|代理人"
)
# Listed in the block but neither parties nor agents (representatives, guardians, administrators).
_OTHER_WORDS = (
    "法定代表人|法定代理人|主要负责人|负责人|经营者|投资人|诉讼代表人|执行事务合伙人|"
    "破产管理人|管理人|监护人|法人代表|翻译人员|首席代表|出庭负责人|行政机关负责人"
)
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
# A label counts when it opens an entry: after these characters (or the block start); 号 ends
# a document number glued to the first entry (…起诉书X检刑诉(2018)184号被告人李某).
_OPENERS = frozenset("\n。;；) ×*X号")
_COMMA_ENTRY = re.compile(
    r"[^,，。:;、()\n]{1,30}?,(?:男|女|\d{4}年|[^,，。]{0,4}族|住|身份|公民|出生|生于|现住|户籍|曾用名|又名)"
)

_NAME = re.compile(r"[^\s,，。:;；、()\[\]【】<>《》\"“”]{1,60}")
_NAME_STOP = re.compile(
    r"公民身份|身份证|统一社会|组织机构代码|住所|住址|现住|户籍|\d{4}年|出生|生于"
)
_NOT_A_NAME = re.compile(r"^(?:基本情况|情况同|同上|同前|身份|详见|不详|系|无)")
_TRAILING_SEX = re.compile(r"[男女]$")
_AFTER_SEX = re.compile(r",(?:[^,。]{0,5}族|\d{4}年)")
# A bracket inside an organisation's name: 广东国晖(中山)律师事务所, 某某(中国)有限公司.
_NAME_PAREN = re.compile(r"\(([^()\n,，。:;]{1,12})\)")
_PAREN_NOT_NAME = re.compile(
    r"^(?:以下|下称|简称|曾用名|又名|原名|现名|别名|系|原审|一审|二审|反诉|本诉)"
)

# Block location.
_CASE_NO = re.compile(
    r"\(\s*(?:[12]\d{3}|[〇零一二三四五六七八九O]{4})\s*\)[^\n()，,。:;；]{1,40}?号"
)
_CASE_NO_AFTER = frozenset("\n书:•·>》")
# A heading stands on its own: 民 事 判 决 书 / 起诉书, not 客户通知书 inside a sentence.
_HEADING = re.compile(
    r"(?:^|(?<=[\n 院]))[^\n。,，、]{0,10}?"
    r"(?:判\s*决|裁\s*定|调\s*解|决\s*定|起\s*诉|建\s*议|通\s*知)\s*书(?=\s|\(|$)"
)
# How every _HEADING match ends (the kind word's last character, 书, the lookahead): texts
# without it skip the slow _HEADING scan.
_HEADING_END = re.compile(r"[决定解诉议知]\s*书(?=\s|\(|$)")
_SENTENCE = re.compile(r"[^。\n]+")
_GAP = re.compile(r" +")
_NARRATIVE_START = re.compile(r"(?:本院|在本院|本案|经审理|经审查|经查|审理查明|综上)")
_NARRATIVE_ANY = re.compile(
    r"指控|诉称|辩称|述称|纠纷一?案|不服|本院(?:于\d|受理|立案)|判令|起诉[,:要称]"
    r"|提出[^。,]{0,4}诉讼请求"
    r"|向本院(?:提起|提出|申请|起诉|递交|请求|诉请|呈报|报请|移送)"
    r"|(?:提出|提请|报请|建议)[^。]{0,12}?(?:减刑|假释)"
)
# 辽宁省大连市中级人民法院于…作出 / X人民检察院以…指控 — but not 被X人民法院以…判处 in a record.
_AUTHORITY_START = re.compile(
    r"(?![^,，]*?(?:[被因曾]|经(?!济)))[^,，]{2,40}?(?:人民法院|检察院)(?:于|审理|作出|以|指控|认定)"
)
# "罪犯X因犯…罪，经…" / "上诉人X不服…": a label and a name glued to a narrative verb.
_NAME_THEN_NARRATIVE = re.compile(
    r"[^,，。]{0,12}?(?:罪犯|被告人|上诉人|原告|申请人|申请执行人|再审申请人|申诉人)"
    r"[^,，。]{1,20}?(?:因(?:犯|涉嫌|与|不服)|于\d|犯[^,，。]{1,20}罪|不服|向本院|经[^,，。]{0,12}人民法院)"
)
# A sentence of a personal record (因涉嫌…一案于…被刑事拘留) is not a narrative opening.
_RECORD_START = re.compile(r"(?:因|于|曾|同年|次日|现|\d|[一二][〇零])")
# Where a headerless party block may open: a line start, or right after a document number
# glued before the first entry (…起诉书某检刑诉(2018)184号被告人李某).
_PARTICLES = frozenset("的与及在对")  # never a surname (和, 向 are)
_PERSON_MAX = 20  # longer: an organisation's (公司, 委员会 …) or a transliterated name (·)
_LINE_START = re.compile(r"(?m)(?:^|(?<=号))[ ]*")
_HEAD_SCAN = 5000
_BLOCK_MAX = 6000


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


@cache
def _label_re() -> re.Pattern[str]:
    labels = sorted(role_table(), key=len, reverse=True)
    # 第三人 must not fire inside 第三人民医院.
    party = "|".join("第三人(?!民)" if x == "第三人" else re.escape(x) for x in labels)
    # Every match starts with one of these characters; checking it first spares the regex
    # engine the three alternations at every other position (3× faster scans).
    words = [*labels, *_AGENT_WORDS.split("|"), *_OTHER_WORDS.split("|")]
    firsts = {w[0] for w in words} | set("以上前共二两三四五六七八九十名均的")
    lead = "".join(re.escape(ch) for ch in sorted(firsts))
    return re.compile(
        rf"(?=[\d{lead}])"
        rf"(?:(?P<agent>(?:以上|上列|上述|前述)?(?P<count>[二两三四五六七八九十]|\d{{1,2}})?名?"
        rf"(?P<group>{party})?均?的?(?P<shared>共同)?的?(?:{_AGENT_WORDS}))"
        rf"|(?P<other>{_OTHER_WORDS})|(?P<party>{party}))"
        r"(?: ?\((?P<paren>[^()\n]{1,30})\))?"
    )


# ---------------------------------------------------------------- block location


def _case_number_heads(norm: str) -> list[re.Match[str]]:
    """Case numbers that stand as the document's header (not cited inside a sentence)."""
    heads = []
    for match in _CASE_NO.finditer(norm, 0, min(len(norm), _HEAD_SCAN)):
        before = norm[: match.start()].rstrip(" ")
        if not before or before[-1] in _CASE_NO_AFTER:
            heads.append(match)
    return heads


def _is_narrative(sentence: str) -> bool:
    if _NARRATIVE_START.match(sentence) or _NARRATIVE_ANY.search(sentence):
        return True
    if _AUTHORITY_START.match(sentence):
        return True
    if _NAME_THEN_NARRATIVE.match(sentence):
        return True
    at = sentence.find("一案")
    if at < 0 or _RECORD_START.match(sentence):
        return False
    # A party entry has commas before any 一案 in its record; a narrative opening has none.
    return "," not in sentence[:at] or _label_re().match(sentence) is None


def _narrative_start(norm: str, start: int, end: int) -> int | None:
    for match in _SENTENCE.finditer(norm, start, end):
        text = match.group()
        body = text.lstrip()
        if body and _is_narrative(body):
            return _after_last_entry(norm, match.start() + len(text) - len(body), match.end())
    return None


def _after_last_entry(norm: str, start: int, end: int) -> int:
    """Where a narrative sentence really starts when a party entry runs into it after a blank
    instead of 。 (…住某某县 原告张三与被告李四…纠纷一案)."""
    for gap in _GAP.finditer(norm, start, end):
        tail = norm[gap.end() : end]
        if _label_re().match(tail) and _is_narrative(tail):
            if not _is_narrative(norm[start : gap.start()]):
                return gap.end()
            break
    return start


def _opens_with_entry(norm: str, opening: int | None) -> bool:
    """Without a heading or case number, a party block opens with a label at a line start
    (原告李某。委托代理人…); a label in mid-sentence is narrative."""
    end = min(len(norm), _BLOCK_MAX if opening is None else opening)
    for line in _LINE_START.finditer(norm, 0, end):
        if line.end() < end and _label_re().match(norm, line.end()) is not None:
            return True
    return False


def locate_party_block(t: Text) -> tuple[int, int] | None:
    """Offsets of the party block: after the heading/case number, before the narrative."""
    norm = t.norm
    heads = _case_number_heads(norm)
    opening = _narrative_start(norm, 0, min(len(norm), _BLOCK_MAX))
    # A case number after the narrative is cited, not a header — unless the "narrative" was a
    # title line with no party label before it.
    if (
        opening is not None
        and heads
        and heads[0].end() > opening
        and _next_label(norm, 0, opening, 0, -1) is not None
    ):
        heads = []
    if heads:
        first = heads[0].end()
    else:
        end = min(len(norm), 1500)
        heading = _HEADING.search(norm, 0, end) if _HEADING_END.search(norm, 0, end) else None
        if heading is None and not _opens_with_entry(norm, opening):
            return None  # an excerpt of narrative (facts, a query): labels there are not entries
        first = heading.end() if heading else 0
    limit = min(len(norm), first + _BLOCK_MAX)
    stop = opening if first == 0 else _narrative_start(norm, first, limit)
    if stop is None:
        stop = min(len(norm), first + _BLOCK_MAX // 2)
    # Web pages repeat the header: the block follows the last header before the narrative.
    start = max([m.end() for m in heads if m.end() <= stop] or [first])
    return (start, stop) if start < stop else None


# ---------------------------------------------------------------- party block parsing


def _opens_entry(norm: str, match: re.Match[str], lo: int) -> bool:
    at = match.start()
    if at <= lo or norm[at - 1] in _OPENERS:
        return True
    # After a comma: an agent label (…住XX，委托代理人：Y), an explicit "label:", or a label whose
    # name is followed by a personal record (…住东莞市，被告黎某1，男，…).
    record = match.group("party") is not None and _COMMA_ENTRY.match(norm, match.end()) is not None
    if norm[at - 1].isdigit():  # glued after an address: …3-3-402第三人赵士文,女,…
        return record
    if norm[at - 1] in ",，":
        return (
            match.group("agent") is not None or norm[match.end() : match.end() + 1] == ":" or record
        )
    return False


def _next_label(norm: str, pos: int, hi: int, lo: int, forced: int) -> re.Match[str] | None:
    pattern = _label_re()
    while pos < hi:
        match = pattern.search(norm, pos, hi)
        if match is None:
            return None
        if match.start() == forced or _opens_entry(norm, match, lo):
            return match
        pos = match.end()
    return None


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
        label = _label_re().search(norm, match.start() + (1 if end == start else 0), chunk_end)
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
        if follow is None or _label_re().match(norm, paren.end(), hi):
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
        if end > start and not _NOT_A_NAME.match(name):
            spans.append((start, end))
        if glued >= 0 or end >= hi or norm[end] != "、" or _label_re().match(norm, end + 1, hi):
            return spans, end, glued
        pos = end + 1


def _details_end(norm: str, pos: int, hi: int, lo: int) -> int:
    """Where the description after an agent's name ends: 。, a newline or the next label."""
    end = hi
    for stop in ("。", "\n"):
        at = norm.find(stop, pos, end)
        if at >= 0:
            end = at
    label = _next_label(norm, pos, end, lo, -1)
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
    while (label := _next_label(norm, pos, hi, lo, forced)) is not None:
        spans, pos, forced = _names(norm, label.end(), hi)
        if label.group("other") is not None:
            continue
        if label.group("agent") is not None:
            group = label.group("group")
            targets = agent_targets(
                [d.role for d in drafts],
                table[group][0] if group else None,
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
        base = label.group("party")
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
    if lo < hi:
        yield from _finish(_parse_block(t, lo, hi))
