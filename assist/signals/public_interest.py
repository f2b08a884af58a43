"""§2.4 public_interest_lead (公益诉讼线索): a criminal or administrative document that shows damage
to the public interest, possibly without a remedy.

- ``ecological_damage``: an ecological crime charged or found (污染环境罪, 非法采矿罪, 滥伐林木罪,
  盗伐林木罪, 非法捕捞水产品罪, 非法占用农用地罪, 非法狩猎罪 …), one signal per charge; without a
  charge, the damage told in the facts (滥伐…蓄积…立方米, 非法开采, 倾倒…废液, 电鱼 …), in civil
  documents too unless the suit is itself a public-interest or 生态环境损害赔偿 suit.
- ``no_restoration_order``: a judgment for such a crime whose operative part orders no remedy
  (生态修复, 补植复绿, 增殖放流, 赔偿…损失, 公益…) and whose text does not say the damage was already
  made good (已补植, 已缴纳生态修复费用); span = the operative part's first line.
- ``food_drug_harm``: 生产、销售有毒、有害食品罪 / 不符合安全标准的食品 / 假药 / 劣药 (the charge in
  criminal documents; the facts in criminal, administrative and penalty documents).
- ``personal_info_breach``: 侵犯公民个人信息罪 (penalty documents: the facts).
- ``heritage_damage``: 盗掘古文化遗址、古墓葬罪, 故意损毁文物罪 …, or 文物 damaged / dug up.
- ``minor_victim``: the victim is a minor (被害人…未成年 / 不满十四周岁 / 13岁, 猥亵儿童罪).
Civil documents give none of the others (a civil suit is already a remedy).
One signal per distinct wording: a judgment repeats its charge many times.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assist.analysis import Signal
from assist.extract.public_suit import public_interest_suit
from assist.signals.common import Ctx, first, scan, signal, vetoed

_PREFERRED = (
    "decision",
    "reasoning",
    "findings",
    "history",
    "claims",
    "defense",
    "body",
    "parties",
)
_ITEM_START = re.compile(r"[^:\n]{0,12}?如\s*下\s*:?\s*|\s*")
_LINE_END = re.compile(r"[。;\n]")
_ADULT = 18
_DAMAGE_SUIT = re.compile(r"生态环境损害赔偿")
_HEAD = 600  # the title and the party block name the kind of suit
_CN_AGE = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"十": 10}


def find(ctx: Ctx) -> Iterator[Signal]:
    penalty = ctx.doc.doc_kind == "penalty_decision"
    if ctx.civil and not penalty:
        if not _public_interest_suit(ctx):  # a private pollution tort: the public loss is a lead
            yield from _distinct(ctx, "ecological_damage", ("fact",))
        return
    charges = list(_distinct(ctx, "ecological_damage", ("charge",))) if ctx.criminal else []
    yield from charges or _distinct(ctx, "ecological_damage", ("fact",))
    if ctx.criminal:
        if charges:
            yield from no_restoration_order(ctx, charges[0])
        yield from _distinct(ctx, "minor_victim", ("cue",))
        yield from (
            s
            for s in _distinct(ctx, "minor_victim", ("note",))
            if not vetoed(ctx, "minor_victim", "note", s.start, s.end)
        )
        yield from _minor_by_age(ctx)
    roles = ("charge", "fact") if ctx.criminal else ("fact",)
    yield from _distinct(ctx, "food_drug_harm", roles)
    yield from _distinct(ctx, "heritage_damage", roles)
    yield from _distinct(ctx, "personal_info_breach", ("charge",) if ctx.criminal else ("fact",))


def _public_interest_suit(ctx: Ctx) -> bool:
    """A suit a procuratorate, a qualified organisation or the government (生态环境损害赔偿)
    brings for the public: already the remedy."""
    if public_interest_suit(ctx.doc, ctx.t.norm):
        return True
    if any(p.kind == "procuratorate" for p in ctx.doc.parties):
        return True
    return _DAMAGE_SUIT.search(ctx.t.norm, 0, _HEAD) is not None


def _distinct(ctx: Ctx, code: str, roles: tuple[str, ...]) -> Iterator[Signal]:
    """One signal per distinct matched wording, at its occurrence in the most telling section."""
    best: dict[str, tuple[int, int, int, str]] = {}
    for role in roles:
        for m, section in scan(ctx, code, role):
            if role == "charge" and vetoed(ctx, "_prior", "charge", *m.span()):
                continue  # a prior conviction named in the facts or the party block
            rank = _PREFERRED.index(section) if section in _PREFERRED else len(_PREFERRED)
            key = m.group()
            if key not in best or (rank, m.start()) < best[key][:2]:
                best[key] = (rank, m.start(), m.end(), section)
    for _, start, end, section in sorted(best.values(), key=lambda v: v[1]):
        yield signal(ctx, code, start, end, section)


def no_restoration_order(ctx: Ctx, charge: Signal) -> Iterator[Signal]:
    decision = ctx.doc.sections.decision
    if ctx.doc.doc_kind != "judgment" or decision is None:
        return
    if first(ctx, "no_restoration_order", "remedy", *decision):
        return
    if first(ctx, "no_restoration_order", "remedy_done", 0, decision[0]):
        return
    norm = ctx.t.norm
    lead = _ITEM_START.match(norm, decision[0], decision[1])
    start = lead.end() if lead else decision[0]
    stop = _LINE_END.search(norm, start, decision[1])
    end = stop.start() if stop else decision[1]
    if end <= start:
        start, end = charge.start, charge.end
    yield signal(ctx, "no_restoration_order", start, end, "decision")


def _minor_by_age(ctx: Ctx) -> Iterator[Signal]:
    for role in ("age", "age_note"):
        for m, section in scan(ctx, "minor_victim", role):
            if _age(m.group("age")) < _ADULT and not vetoed(ctx, "minor_victim", role, *m.span()):
                yield signal(ctx, "minor_victim", m.start(), m.end(), section)


def _age(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + _CN_AGE.get(text[1:], 0)
    return _CN_AGE.get(text, 99)
