"""Property penalties that the operative part (判决如下 …) of THIS document imposes.

One entry per person and kind: 并处罚金人民币二千元 → fine; 没收个人全部财产 → confiscation_all
(amount None); 没收个人财产人民币五万元 → confiscation_part; 追缴违法所得 / 扣押在案的赃款予以没收
→ recovery; 责令退赔被害人损失 → restitution. Confiscating contraband, tools or money used for
the crime (毒品, 作案工具, 赌资: 刑法第六十四条 供犯罪所用的本人财物) is not a property penalty
and is skipped. Each penalty goes to the person named last before it (被告人X犯…罪，…并处罚金…);
a list of names gets one fine each, but a joint 追缴/退赔 of several people (共同退赔, 二被告人
共同退赔) has person None; n people and n sums after 分别 or in a bare list (违法所得人民币五千元、
三千元) are paired in turn, across kinds too (并分别处没收个人财产…、罚金…).
Where one person has several fines (数罪并罚), the 决定执行 total wins and a kind the 决定执行
clause leaves out was absorbed; without it the fines are added up, but never a note on a sum
(a parenthesis after it, 其中…, 已退赔的…), and a 共计 total replaces the parts before it. A
退赔 list goes on after a comma (…人民币五万元，被害人赵某人民币三万元). Keywords inside a crime
name (掩饰、隐瞒犯罪所得罪) order nothing (see :mod:`assist.extract.penalty_clauses`).

Property penalties are the 财产刑 of a criminal judgment: an administrative 罚款 (行政处罚决定书)
or a civil 返还 is not one (find_amounts still reports those sums). Only the operative part
counts: items that 维持/撤销/驳回/准许 restate another judgment, fines cited from a prior
judgment (原判, 前罪) and everything in 减刑/假释 rulings impose nothing new.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from assist.document import Penalty, PenaltyKind
from assist.extract.amounts import find_amounts
from assist.extract.penalty_clauses import (
    REACH,
    already_paid,
    clause_start,
    continues,
    instrument_only,
    is_note,
    is_total,
    penalty_keywords,
)
from assist.text.normalize import Text

_DECISION_RE = re.compile(
    r"(?:(?:判 *决|裁 *定|决 *定) *如 *下|作出如下(?:判决|裁定)|(?:判决|裁定|决定)(?= *[:：]))"
    r" *[:：]?[ \n]*"
)
_TAIL_RE = re.compile(
    r"审 *判 *长|审 *判 *员|代 *理 *审 *判 *员|人 *民 *陪 *审 *员|陪 *审 *员|书 *记 *员"
    r"|执 *行 *员|\n *附[:：]|\n *附(?:相关|本|法律|录)|附相关法|附本判决|附本裁定"
    r"|(?<=[\n ])[二〇Ο0O][〇Ο0O一二三四五六七八九零]{3} *年[一二三四五六七八九十]{1,2} *月"
    r"[一二三四五六七八九十]{1,3} *日(?=\s|$)"  # the signed date, not 刑期自二〇一四年…起
)
_CRIMINAL_RE = re.compile(r"被告人|罪犯|被告单位|犯[^，,。；;]{1,15}罪")
_QUOTED_RE = re.compile(r"(?:原审|一审|原判|该院|原裁定)[^，,。；;]{0,10}$")
_COMMUTATION_RE = re.compile(r"减去|减为|予以假释|不予减刑|不予假释")
_ITEM_MARK = r"(?:[一二三四五六七八九十]+、|\(?[一二三四五六七八九十0-9]+[)、.]| )"
_SKIP_ITEM_RE = re.compile(rf"{_ITEM_MARK}*(?:维持|撤销|驳回|准许|准予)")
_SENTENCE_RE = re.compile(r"[^。；;\n]+")
_ROLE = r"(?:原审被告人|被告人|上诉人|罪犯|被执行人)(?:\([^)]{0,8}\))?"
# 追缴被告人张某某盗窃所得…: the name ends before the crime whose proceeds are recovered.
_GAIN = (
    r"(?:盗窃|诈骗|贪污|受贿|索贿|挪用|侵占|抢劫|抢夺|敲诈勒索|贩毒|贩卖毒品|赌博|走私|犯罪)?所得"
)
# A word that follows the role label where no name is written (被告人共同退赔, 被告人退缴的…).
_NOT_NAME = r"(?!共同|连带|分别|均|各|退|违法|非法|赃|予以|已|[在于自]本判决)"
_NAME = (
    rf"{_NOT_NAME}[^\s，,、。；;:：()犯的]{{1,8}}?"
    r"(?=犯|的|、|[，,。；;:：()\s]|退|违法|共同|连带|各|分别|人民币|赃|非法|判|单处|并处|应"
    rf"|予以|缴纳|已|个人|全部|{_GAIN}|$)"
)
_PERSON_RE = re.compile(rf"{_ROLE}(?P<names>{_NAME}(?:、{_NAME})*)")
# 二被告人 / 上述被告人 / 各被告人: every accused, without their names.
_GROUP_RE = re.compile(r"(?:[二两三四五六七八九十]+名?|上述|上列|以上|各|全体)被告人")
_UNIT_RE = re.compile(
    r"(?:原审被告单位|被告单位)(?P<names>[^\s，,、。；;:：()]{2,40}?)(?=犯|的|[，,。；;:：()])"
)
_AFTER_RE = re.compile(
    r"[^。；;]{0,12}?(?:(?P<recovery>追缴|没收|上缴国库|发还)|(?P<restitution>退赔))"
)
_KINDS: dict[str, PenaltyKind] = {
    "confiscation_all": "confiscation_all",
    "confiscation_part": "confiscation_part",
    "fine": "fine",
    "restitution": "restitution",
    "recovery": "recovery",
}  # regex group → kind; the group "block" (赔偿, 支付 …) maps to nothing
_ITEM_RE = re.compile(r"(?<=[。；;\n :：])[一二三四五六七八九十]+、")
_PRIOR_RE = re.compile(r"原判|原审|前罪|尚未执行|已执行")
_COMBINED_RE = re.compile(r"决定执行|合并执行|数罪并罚")
_EACH_RE = re.compile(r"各|分别")
_LISTED_RE = re.compile(r"\s*[、和及]\s*(?:人民币|¥|￥)?\s*")  # 人民币五千元、三千元
_RESPECTIVELY_RE = re.compile(r"分别")
_PREFIX_RE = re.compile(r"(?:并处|单处|判处|处)\s*\Z")
_MONEY_WORDS_RE = re.compile(r"违法所得|非法所得|犯罪所得|赃款|追缴|退缴|退赔|退赃")
_PERSONAL = ("fine", "confiscation_all", "confiscation_part")


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Sum:
    """One sum the operative part imposes, before it is given to people."""

    kind: PenaltyKind
    value: Decimal
    first: int  # the keyword (并处罚金…) that starts the evidence
    start: int  # the sum itself
    end: int
    total: bool  # 共计/合计: the total of the sums before it


@dataclass(frozen=True, slots=True)
class _Hit:
    kind: PenaltyKind
    person: str | None
    amount: Decimal | None
    start: int
    end: int
    combined: bool = False


def locate_decision(t: Text) -> tuple[int, int] | None:
    """The operative part: from after the last 判决如下/裁定如下/判决： to the signatures,
    the date or the appendix; None when the text has no such phrase."""
    matches = list(_DECISION_RE.finditer(t.norm))
    if not matches or _QUOTED_RE.search(
        t.norm, max(0, matches[-1].start() - 14), matches[-1].start()
    ):
        return None  # none, or the last one quotes the lower court (原审法院据此判决：)
    tail = _TAIL_RE.search(t.norm, matches[-1].end())
    return matches[-1].end(), tail.start() if tail else len(t.norm)


def find_penalties(
    t: Text, decision: tuple[int, int] | None = None, accused: Sequence[str] = ()
) -> Iterator[Penalty]:
    """Penalties imposed by the operative part (``decision``, else :func:`locate_decision`).

    ``accused`` (names from the party block) resolves short or masked references."""
    span = decision or locate_decision(t)
    if span is None:
        return
    start, end = span
    tail = _TAIL_RE.search(t.norm, start, end)
    end = tail.start() if tail else end
    if _COMMUTATION_RE.search(t.norm, start, end) or not _CRIMINAL_RE.search(t.norm, start, end):
        return  # 减刑/假释 impose nothing; civil 返还 and administrative 罚款 are no 财产刑
    ctx = _Context(t, start, end, accused)
    hits = [*ctx.amount_hits(), *ctx.bare_hits()]
    yield from _merge(hits)


class _Context:
    """The operative part of one document, its skipped items, items and person mentions."""

    def __init__(self, t: Text, start: int, end: int, accused: Sequence[str]) -> None:
        self.t, self.norm, self.start, self.end = t, t.norm, start, end
        self.skips = [
            (m.start(), m.end())
            for m in _SENTENCE_RE.finditer(self.norm, start, end)
            if _SKIP_ITEM_RE.match(self.norm, m.start(), m.end())
        ]
        self.items = [start] + [m.start() for m in _ITEM_RE.finditer(self.norm, start, end)]
        self.mentions = [
            m for m in _mentions(self.norm, start, end, accused) if not self._skipped(m.start)
        ]
        self.everyone = tuple(dict.fromkeys(n for m in self.mentions for n in m.names))

    def _sentence(self, pos: int) -> int:
        return max(self.start, _sentence_start(self.norm, pos))

    def _skipped(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.skips)

    def amount_hits(self) -> Iterator[_Hit]:
        """Quantified penalties: the kind from the keyword in the amount's clause."""
        sentences: dict[int, list[_Sum]] = {}
        for q in self._quantified():
            sentences.setdefault(self._sentence(q.start), []).append(q)
        for lo, sums in sentences.items():
            for q, slot in self._slots(lo, sums):
                yield from self._for_people(q.kind, q.value, q.first, q.end, slot)

    def _slots(self, lo: int, sums: list[_Sum]) -> Iterator[tuple[_Sum, tuple[int, int] | None]]:
        """The sums of one sentence, each with its place (i, n) in a list that goes to n listed
        people in turn: sums of one kind after 分别 or written as a bare list (五千元、三千元), or
        of several kinds after a 分别 in their own clause (并分别处没收个人财产五万元、罚金二万元)."""
        kinds: dict[PenaltyKind, list[_Sum]] = {}
        for q in sums:
            kinds.setdefault(q.kind, []).append(q)
        groups = [_after_last_total(group) for group in kinds.values()]
        flat = sorted((q for group in groups for q in group), key=lambda q: q.start)
        own_clause = clause_start(self.norm, flat[0].first, lo)
        mixed = len(flat) > 1 and bool(
            _RESPECTIVELY_RE.search(self.norm, own_clause, flat[0].start)
        )
        for group in groups:
            listed = len(group) > 1 and (
                bool(_RESPECTIVELY_RE.search(self.norm, lo, group[0].start)) or self._bare(group)
            )
            for i, q in enumerate(group):
                if listed:
                    yield q, (i, len(group))
                else:
                    yield q, ((flat.index(q), len(flat)) if mixed else None)

    def _bare(self, group: list[_Sum]) -> bool:
        """Whether the sums follow one another with only 、 between them."""
        return all(_LISTED_RE.fullmatch(self.norm, a.end, b.start) for a, b in pairwise(group))

    def _quantified(self) -> Iterator[_Sum]:
        norm = self.norm
        previous: tuple[int, PenaltyKind | None] = (-1, None)  # sentence, kind of the last sum
        for amount in find_amounts(self.t, self.start, self.end):
            if self._skipped(amount.start) or is_note(norm, amount.start, self.start):
                continue
            lo = clause_start(norm, amount.start, self.start)
            sentence = self._sentence(amount.start)
            kind, first = self._kind(amount.start, amount.end, lo)
            if (
                kind is None
                and previous == (sentence, "restitution")
                and continues(norm, lo, amount.start)
            ):
                kind, first = "restitution", lo  # …人民币五万元，被害人赵某人民币三万元
            previous = (sentence, kind)
            if kind is None or _PRIOR_RE.search(norm, lo, amount.start):
                continue
            if kind != "recovery" and already_paid(norm, lo, amount.start):
                continue  # 已退赔的5万元: paid before, not ordered; 已退缴的…予以没收 is recovery
            if kind == "recovery" and instrument_only(norm, lo, amount.start):
                continue  # 扣押在案的赌资…予以没收: an instrument of the crime, not its proceeds
            prefix = _PREFIX_RE.search(norm, max(self.start, first - 4), first)
            first = prefix.start() if prefix else first
            total = is_total(norm, lo, amount.start)
            yield _Sum(kind, amount.value, first, amount.start, amount.end, total)

    def _kind(self, start: int, end: int, lo: int) -> tuple[PenaltyKind | None, int]:
        """The kind of the sum at ``start:end`` and where its evidence starts: from the last
        keyword of its clause, else from 予以没收/追缴/退赔 right after it."""
        norm = self.norm
        keywords = list(penalty_keywords(norm, lo, start))
        if not keywords:
            after = _AFTER_RE.match(norm, end, self.end)
            return (_KINDS.get(after.lastgroup or "") if after else None), start
        kind, first = _KINDS.get(keywords[-1].lastgroup or ""), keywords[-1].start()
        for key in reversed(keywords[:-1]):  # 追缴…违法所得…元: start at 追缴
            if _KINDS.get(key.lastgroup or "") != kind or "元" in norm[key.end() : first]:
                break
            first = key.start()
        return kind, first

    def bare_hits(self) -> Iterator[_Hit]:
        """Penalties without a sum (没收个人全部财产, 继续追缴违法所得), one per sentence and
        kind, unless the sentence already holds a quantified one of that kind."""
        norm = self.norm
        quantified = {(h.kind, self._sentence(h.start)) for h in self.amount_hits()}
        for sentence in _SENTENCE_RE.finditer(norm, self.start, self.end):
            if self._skipped(sentence.start()):
                continue
            seen: set[PenaltyKind] = set()
            keys = list(penalty_keywords(norm, sentence.start(), sentence.end()))
            money = any(_MONEY_WORDS_RE.fullmatch(key.group()) for key in keys)
            for key in keys:
                kind = _KINDS.get(key.lastgroup or "")
                if kind in (None, "fine") or kind in seen:
                    continue
                if kind == "recovery" and not money:
                    continue  # 没收毒品/作案工具: contraband, not a property penalty
                seen.add(kind)
                if (kind, self._sentence(key.start())) not in quantified:
                    yield from self._for_people(kind, None, key.start(), key.end())

    def _for_people(
        self,
        kind: PenaltyKind,
        amount: Decimal | None,
        start: int,
        end: int,
        slot: tuple[int, int] | None = None,
    ) -> Iterator[_Hit]:
        """``slot`` (i, n): the i-th of n listed sums, for the i-th of n people."""
        item = max(i for i in self.items if i <= start)
        before = [m for m in self.mentions if item <= m.start and m.end <= end]
        if before:
            mention = before[-1]
        elif len(self.everyone) == 1:
            mention = _Mention(start, start, tuple(self.everyone))
        else:
            yield _Hit(kind, None, amount, start, end)
            return
        combined = bool(_COMBINED_RE.search(self.norm, mention.end, start))
        names = mention.names or tuple(self.everyone)  # 二被告人: all of them
        if slot is not None and len(names) == slot[1] > 1:
            names = (names[slot[0]],)
        elif len(names) != 1 and kind not in _PERSONAL:
            lo = _sentence_start(self.norm, start)
            lo = lo if mention.names else max(lo, mention.end)  # not the 各 of 各被告人
            if not names or not _EACH_RE.search(self.norm, lo, end):
                yield _Hit(kind, None, amount, start, end, combined)  # a joint 追缴/退赔
                return
        for name in names:
            yield _Hit(kind, name, amount, start, end, combined)


def _mentions(norm: str, start: int, end: int, accused: Sequence[str]) -> list[_Mention]:
    found = [
        _Mention(m.start(), m.end(), tuple(_resolve(n, accused) for n in m["names"].split("、")))
        for pattern in (_PERSON_RE, _UNIT_RE)
        for m in pattern.finditer(norm, start, end)
    ]
    for name in sorted(set(accused), key=len, reverse=True):
        for i in _occurrences(norm, name, start, end):
            victim = norm[max(0, i - 3) : i] in ("被害人", "害单位")
            if not victim and not any(f.start <= i < f.end for f in found):
                found.append(_Mention(i, i + len(name), (name,)))
    for m in _GROUP_RE.finditer(norm, start, end):  # no names: every accused named elsewhere
        if not any(f.start < m.end() and m.start() < f.end for f in found):
            found.append(_Mention(m.start(), m.end(), ()))
    return sorted(found, key=lambda m: m.start)


def _occurrences(norm: str, name: str, start: int, end: int) -> Iterator[int]:
    i = norm.find(name, start, end) if name else -1
    while i >= 0:
        yield i
        i = norm.find(name, i + len(name), end)


def _resolve(name: str, accused: Sequence[str]) -> str:
    """A short or partial reference (张某 for 张某某, 某公司 for 某某有限公司) → the full name."""
    if not accused or name in accused:
        return name
    matches = [a for a in accused if a.startswith(name) or name in a]
    return matches[0] if len(matches) == 1 else name


def _sentence_start(norm: str, pos: int) -> int:
    floor = max(0, pos - REACH)
    return max([floor] + [norm.rfind(ch, floor, pos) + 1 for ch in "。；;\n"])


def _merge(hits: list[_Hit]) -> Iterator[Penalty]:
    """One penalty per person and kind: the 决定执行 total, else the sum. Where a person's
    决定执行 clause imposes property penalties, a kind it leaves out was absorbed (没收个人全部
    财产 absorbs the fines of the other crimes: 最高人民法院关于适用财产刑若干问题的规定 第三条)."""
    groups: dict[tuple[str | None, PenaltyKind], list[_Hit]] = {}
    for hit in sorted(hits, key=lambda h: h.start):
        groups.setdefault((hit.person, hit.kind), []).append(hit)
    decided = {h.person for h in hits if h.combined and h.kind in _PERSONAL and h.person}
    merged: list[Penalty] = []
    for (person, kind), group in groups.items():
        combined = [h for h in group if h.combined]
        if combined:
            last = ([h for h in combined if h.amount is not None] or combined)[-1]
            merged.append(Penalty(kind, person, last.amount, last.start, last.end))
            continue
        if person in decided and kind in _PERSONAL:
            continue
        group = [h for i, h in enumerate(group) if not (i and _repeats(group[i - 1], h))]
        amounts = [h.amount for h in group if h.amount is not None]
        total = sum(amounts, Decimal(0)) if amounts else None
        merged.append(Penalty(kind, person, total, group[0].start, group[-1].end))
    yield from sorted(merged, key=lambda p: p.start)


def _after_last_total(group: list[_Sum]) -> list[_Sum]:
    """退赔A 1000元、B 2000元，共计3000元: a total replaces the parts listed before it."""
    totals = [i for i, q in enumerate(group) if q.total and i]
    return group[totals[-1] :] if totals else group


def _repeats(earlier: _Hit, later: _Hit) -> bool:
    """并处罚金人民币二千元（罚金人民币二千元已缴纳）: the same sum restated right after."""
    return earlier.amount == later.amount and 0 <= later.start - earlier.end <= 12
