"""Where the party block of a document lies: after the heading/case number, before the first
narrative sentence (``原告X与被告Y…纠纷一案``, ``X人民检察院以…起诉书指控``, ``本院在执行…``,
``当事人涉嫌…一案，本局于…立案调查``).

Texts joined into one line (web copies, agencies' pages) run an entry straight into the
narrative after a blank or an ID number; the narrative then starts at the label that opens it.
"""

from __future__ import annotations

import re
from functools import cache

from assist.extract.party_labels import label_re, next_label
from assist.extract.party_roles import role_table
from assist.text.normalize import Text

_CASE_NO = re.compile(
    r"\(\s*(?:[12]\d{3}|[〇零一二三四五六七八九O]{4})\s*\)[^\n()，,。:;；]{1,40}?号"
)
_CASE_NO_AFTER = frozenset("\n书:•·>》")
# A heading stands on its own: 民 事 判 决 书 / 起诉书, not 客户通知书 inside a sentence.
HEADING = re.compile(
    r"(?:^|(?<=[\n 院]))[^\n。,，、]{0,10}?"
    r"(?:判\s*决|裁\s*定|调\s*解|决\s*定|起\s*诉|建\s*议|通\s*知)\s*书(?=\s|\(|$)"
)
# How every HEADING match ends (the kind word's last character, 书, the lookahead): texts
# without it skip the slow HEADING scan.
HEADING_END = re.compile(r"[决定解诉议知]\s*书(?=\s|\(|$)")
_SENTENCE = re.compile(r"[^。\n]+")
_GAP = re.compile(r" +")
_NARRATIVE_START = re.compile(r"(?:本院|在本院|本案|经审理|经审查|经查|审理查明|综上)")
_NARRATIVE_ANY = re.compile(
    r"指控|诉称|辩称|述称|纠纷一?案|不服|本院(?:于\d|受理|立案)|判令|起诉[,:要称]"
    r"|提出[^。,]{0,4}诉讼请求"
    r"|向本院(?:提起|提出|申请|起诉|递交|请求|诉请|呈报|报请|移送)"
    r"|(?:提出|提请|报请|建议)[^。]{0,12}?(?:减刑|假释)"
    r"|为由[^。,]{0,8}?(?:申请|提起|请求)|申请国家赔偿"  # 赔偿请求人X以…错误逮捕为由申请国家赔偿
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
# What a label that opens a new sentence inside an entry's line follows when the line break was
# lost: a blank, an ID number's end, a bracket or a document number (…1234当事人涉嫌…一案).
_JOINED_BEFORE = re.compile(r"[ *×Xx)号0-9](?=[^ *×Xx)号0-9])")
# Where a headerless party block may open: a line start, or right after a document number
# glued before the first entry (…起诉书某检刑诉(2018)184号被告人李某).
_LINE_START = re.compile(r"(?m)(?:^|(?<=号))[ ]*")
_HEAD_SCAN = 5000
_BLOCK_MAX = 6000


@cache
def _label_then_party() -> re.Pattern[str]:
    """上诉人林某某以被上诉人池某… / 原告X诉被告Y…: a label, a name, then a linking word and
    another party's label — a sentence about the parties, not an entry."""
    party = "|".join(re.escape(x) for x in sorted(role_table(), key=len, reverse=True))
    return re.compile(
        rf"[^,，。()]{{0,12}}?(?:{party})[^,，。:;()、]{{2,20}}?(?:以|诉|与|和|同)(?:{party})"
    )


def _case_number_heads(norm: str) -> list[re.Match[str]]:
    """Case numbers that stand as the document's header (not cited inside a sentence)."""
    heads = []
    for match in _CASE_NO.finditer(norm, 0, min(len(norm), _HEAD_SCAN)):
        before = norm[: match.start()].rstrip(" ")
        if not before or before[-1] in _CASE_NO_AFTER:
            heads.append(match)
    return heads


def is_narrative(sentence: str) -> bool:
    """Whether a sentence (from its start) tells the case rather than lists a party."""
    if _NARRATIVE_START.match(sentence) or _NARRATIVE_ANY.search(sentence):
        return True
    if _AUTHORITY_START.match(sentence):
        return True
    if _NAME_THEN_NARRATIVE.match(sentence) or _label_then_party().match(sentence):
        return True
    at = sentence.find("一案")
    if at < 0 or _RECORD_START.match(sentence):
        return False
    label = label_re().match(sentence)
    if label is None:
        return True
    # A party entry has a colon after its label or commas before any 一案 in its record; a
    # narrative opening has neither.
    return "," not in sentence[:at] and not sentence.startswith(":", label.end())


def narrative_start(norm: str, start: int, end: int) -> int | None:
    """Where the first narrative sentence in norm[start:end] begins, if any."""
    for match in _SENTENCE.finditer(norm, start, end):
        text = match.group()
        body = text.lstrip()
        if not body:
            continue
        at = match.start() + len(text) - len(body)
        joined = _joined_narrative(norm, at, match.end())
        if not is_narrative(body):
            if joined is not None:
                return joined
            continue
        # An entry ran into the narrative (…住某某县 原告张三与被告李四…纠纷一案).
        if joined is not None and not is_narrative(norm[at:joined]):
            return joined
        return at
    return None


def _joined_narrative(norm: str, start: int, end: int) -> int | None:
    """A label inside the sentence at ``start``, after a blank or the end of an ID number, that
    opens a narrative: where a line break was lost (当事人:马某某 身份证号码:…1234
    当事人涉嫌销售不合格产品一案,本局于…立案调查)."""
    for before in _JOINED_BEFORE.finditer(norm, start, end - 1):
        at = before.end()
        if label_re().match(norm, at, end) and is_narrative(norm[at:end]):
            return at
    return None


def _opens_with_entry(norm: str, opening: int | None) -> bool:
    """Without a heading or case number, a party block opens with a label at a line start
    (原告李某。委托代理人…); a label in mid-sentence is narrative."""
    end = min(len(norm), _BLOCK_MAX if opening is None else opening)
    for line in _LINE_START.finditer(norm, 0, end):
        if line.end() < end and label_re().match(norm, line.end()) is not None:
            return True
    return False


def locate_party_block(t: Text) -> tuple[int, int] | None:
    """Offsets of the party block: after the heading/case number, before the narrative."""
    norm = t.norm
    heads = _case_number_heads(norm)
    opening = narrative_start(norm, 0, min(len(norm), _BLOCK_MAX))
    # A case number after the narrative is cited, not a header — unless the "narrative" was a
    # title line with no party label before it.
    if (
        opening is not None
        and heads
        and heads[0].end() > opening
        and next_label(norm, 0, opening, 0) is not None
    ):
        heads = []
    if heads:
        first = heads[0].end()
    else:
        end = min(len(norm), 1500)
        heading = HEADING.search(norm, 0, end) if HEADING_END.search(norm, 0, end) else None
        if heading is None and not _opens_with_entry(norm, opening):
            return None  # an excerpt of narrative (facts, a query): labels there are not entries
        first = heading.end() if heading else 0
    limit = min(len(norm), first + _BLOCK_MAX)
    stop = opening if first == 0 else narrative_start(norm, first, limit)
    if stop is None:
        stop = min(len(norm), first + _BLOCK_MAX // 2)
    # Web pages repeat the header: the block follows the last header before the narrative.
    start = max([m.end() for m in heads if m.end() <= stop] or [first])
    return (start, stop) if start < stop else None
