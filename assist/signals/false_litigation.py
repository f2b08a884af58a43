"""§2.1 false_litigation (虚假诉讼风险): per-document signals.

- ``default_judgment``: the defendant did not appear (经本院合法传唤，无正当理由拒不到庭 / 缺席判决 /
  被告某未到庭参加诉讼) — the subject must be a defendant (or unnamed), never the plaintiff, a third
  party or a witness; the statute's wording (…拒不到庭的，可以缺席判决) does not count.
- ``service_by_publication``: 公告送达 / 公告传唤 / 公告期满 (not a public-interest suit's notice).
- ``no_defense``: 未作答辩 / 未提交答辩状, or an admission of the claim (对原告诉称事实无异议, 借款属实,
  当庭自认) that is not followed by a defence (…无异议，但已还过一万元). Civil documents only.
- ``mediation``: a 调解书, or 经本院主持调解…达成协议 / 当事人自愿达成如下协议 (not 调解未果).
- ``withdrawal``: the operative part allows the suit's withdrawal (准许原告撤回起诉, 按撤诉处理);
  a withdrawn appeal, application or single claim is not a withdrawal of the suit.
- ``cash_delivery``: the loan said to be handed over in cash; ``iou_only``: only an IOU, no transfer
  record; ``high_interest`` (``assist/signals/lending.py``): the agreed rate above the cap at the
  filing date (24 % before 2020-08-20, 4 × the 1-year LPR from then on).
- ``related_parties``: a relation (夫妻, 兄弟, 朋友, 同事 …, one legal representative) between the
  two sides; two co-defendant spouses are not related *parties* in this sense.
- ``fast_resolution``: filed to decided within ``fast_days`` (default 7) days, civil cases only.
- ``defense_alleges_false``: 虚假诉讼 / 恶意串通 / 捏造 / 伪造证据 / 套路贷; the section tells a party's
  allegation (claims, defense) from the court's words (findings, reasoning); a negated court
  statement (不能证明该案为虚假诉讼), a party's denial (不存在恶意串通, 并非虚构事实), a statute
  restated by the court (…捏造、歪曲事实的，应当承担民事责任) and the court's standard warning do
  not count; nor, in a 名誉权 / 人格权 case, 捏造 / 虚构事实 that tell the tort itself.
- ``third_party_objection``: 案外人执行异议 / 第三人撤销之诉 / 异议人（案外人）, or 案外人 as a label
  in the party block; never the appeal-rights notice (如不服本裁定，可以…提起执行异议之诉).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from assist.analysis import Signal
from assist.signals.common import (
    Ctx,
    clause_bounds,
    cues,
    in_quote,
    mentions,
    scan,
    sentence_bounds,
    signal,
    subject_side,
    vetoed,
)
from assist.signals.lending import high_interest, loan_case
from assist.signals.lending import lpr_at as lpr_at  # re-exported: the cap's tests import it here
from assist.signals.lending import rate_cap as rate_cap

FAST_DAYS = 7
_HEADING = re.compile(r"调\s*解\s*书")
_HEAD_REACH = 400  # without a found header, a heading stands in the first characters
_AND = "与和跟及"
_NEAR = 3  # 被告X系原告之兄: the subject ends right before 系
_NAMES_REACH = 10  # 被告张某、施某系…: names listed after the last role word
_SPEAKER = re.compile(
    r"[^,。;与和跟及\s]{0,6}?(?:也|均|亦|一直)?(?:主张|称|认为|诉称|辩称|陈述|表示|知道|知晓|明知|确认|认可|提出)"
)
_PARTY_LABEL = re.compile(r"被告|被上诉人|被申请人|原告|上诉人|申请人|第三人")
_COURT_SECTIONS = frozenset({"findings", "reasoning", "decision"})
_GOES_ON = re.compile(r"继续(?:审理|进行诉讼)|其余被告|其他被告")
_REPAYMENT = re.compile(r"还款|归还|偿还|还本|付息|利息")  # a repayment or interest, not the loan


def find(ctx: Ctx, *, fast_days: int = FAST_DAYS) -> Iterator[Signal]:
    if ctx.administrative:  # an agency absent or served by publication is no civil suit's sign
        yield from high_interest(ctx)
        return
    yield from default_judgment(ctx)
    yield from service_by_publication(ctx)
    yield from mediation(ctx)
    yield from withdrawal(ctx)
    yield from third_party_objection(ctx)
    yield from defense_alleges_false(ctx)
    if ctx.criminal:
        return
    yield from high_interest(ctx)
    yield from no_defense(ctx)
    yield from cash_delivery(ctx)
    yield from iou_only(ctx)
    yield from related_parties(ctx)
    yield from fast_resolution(ctx, fast_days)


def default_judgment(ctx: Ctx) -> Iterator[Signal]:
    code = "default_judgment"
    for m, section in scan(ctx, code, "cue"):
        side = _party_line_side(ctx, m.start()) if section == "parties" else None
        if section != "parties":
            side = subject_side(ctx, m.start())
        if side in (None, "D"):
            yield signal(ctx, code, m.start(), m.end(), section)
    if ctx.criminal:
        return
    for m, section in scan(ctx, code, "weak"):
        side = subject_side(ctx, m.start())
        if side != "D" and not (side is None and section == "defense"):
            continue  # 原告/证人未到庭; an unnamed subject only in the defendant's paragraph
        if not vetoed(ctx, code, "weak", *m.span()):
            yield signal(ctx, code, m.start(), m.end(), section)


def _party_line_side(ctx: Ctx, pos: int) -> str | None:
    """The role label governing a note such as （缺席） in the party block."""
    window = ctx.t.norm[max(0, pos - 80) : pos]
    labels = _PARTY_LABEL.findall(window)
    if not labels:
        return None
    return "D" if labels[-1].startswith("被") else "P"


def service_by_publication(ctx: Ctx) -> Iterator[Signal]:
    code = "service_by_publication"
    for m, section in scan(ctx, code):
        if not vetoed(ctx, code, "cue", *m.span()):
            yield signal(ctx, code, m.start(), m.end(), section)


def no_defense(ctx: Ctx) -> Iterator[Signal]:
    code = "no_defense"
    for m, section in scan(ctx, code, "cue"):
        if subject_side(ctx, m.start()) in (None, "D") and not vetoed(ctx, code, "cue", *m.span()):
            yield signal(ctx, code, m.start(), m.end(), section)
    for m, section in scan(ctx, code, "admit"):
        side = subject_side(ctx, m.start(), speaker=True)
        if side != "D" and not (side is None and section == "defense"):
            continue
        if not vetoed(ctx, code, "admit", *m.span()):
            yield signal(ctx, code, m.start(), m.end(), section)


def mediation(ctx: Ctx) -> Iterator[Signal]:
    code = "mediation"
    if ctx.criminal:
        return  # 刑事附带民事 settlements do not close the case
    head_end = ctx.doc.sections.header[1] if ctx.doc.sections.header else _HEAD_REACH
    if ctx.doc.doc_kind == "mediation":
        span = ctx.doc.field_spans.get("title")
        if span is not None and span[0] > head_end:
            span = None  # a 调解书 cited in the text, not this document's heading
        if span is None:
            head = _HEADING.search(ctx.t.norm, 0, min(len(ctx.t.norm), head_end))
            span = head.span() if head else None
        if span is not None:
            yield signal(ctx, code, *span)
    for m, section in scan(ctx, code):
        if not vetoed(ctx, code, "cue", *m.span()):
            yield signal(ctx, code, m.start(), m.end(), section)


def withdrawal(ctx: Ctx) -> Iterator[Signal]:
    for m, section in scan(ctx, "withdrawal"):
        if "对" in m.group() and _GOES_ON.search(ctx.t.norm):
            continue  # 准许原告撤回对被告乙的起诉 and 对被告甲继续审理: the suit goes on
        yield signal(ctx, "withdrawal", m.start(), m.end(), section)


def cash_delivery(ctx: Ctx) -> Iterator[Signal]:
    code = "cash_delivery"
    if not loan_case(ctx):
        return  # cash paid for goods or a house is not a loan handed over in cash
    for m, section in scan(ctx, code):
        if not vetoed(ctx, code, "cue", *m.span()):
            yield signal(ctx, code, m.start(), m.end(), section)


def iou_only(ctx: Ctx) -> Iterator[Signal]:
    """Said outright (仅有借条, 未提供转账凭证), or shown: a loan case whose evidence is an IOU
    while the text mentions no transfer of any kind (span = the first IOU offered in evidence)."""
    code = "iou_only"
    norm = ctx.t.norm
    said = False
    for m, section in scan(ctx, code):
        if section in _COURT_SECTIONS and in_quote(norm, m.start()):
            continue  # 《民间借贷规定》“原告仅依据借据…” quoted
        if vetoed(ctx, code, "cue", *m.span()):
            continue  # the same rule recited without quotes (…等债权凭证提起民间借贷诉讼)
        said = True
        yield signal(ctx, code, m.start(), m.end(), section)
    if said or _loan_transfer(ctx) or not loan_case(ctx):
        return
    for m, section in scan(ctx, code, "evidence"):
        yield signal(ctx, code, m.start(), m.end(), section)
        return


def _loan_transfer(ctx: Ctx) -> bool:
    """A transfer anywhere that is not a repayment: interest paid by WeChat does not prove the
    loan was handed over, so it does not rule the IOU-only reading out."""
    norm = ctx.t.norm
    for m, _ in scan(ctx, "iou_only", "transfer"):
        lo, hi = clause_bounds(norm, m.start(), m.end())
        if not _REPAYMENT.search(norm, lo, hi):
            return True
    return False


def related_parties(ctx: Ctx) -> Iterator[Signal]:
    code = "related_parties"
    norm = ctx.t.norm
    if ctx.doc.cause and any(c.pattern.search(ctx.doc.cause) for c in cues(code, "skip_cause")):
        return
    for m, section in scan(ctx, code):
        lo, _ = clause_bounds(norm, m.start(), m.end())
        if not _across_sides(ctx, lo, m.start(), m.end()):
            continue
        if not vetoed(ctx, code, "cue", *m.span()) and not vetoed(
            ctx, "_negation", "cue", *m.span()
        ):
            yield signal(ctx, code, lo, m.end(), section)


def _across_sides(ctx: Ctx, lo: int, start: int, end: int) -> bool:
    """Whether the relation links the two sides: 原、被告系…; X与Y系… with X's subject and Y's
    first mention on opposite sides; X系Y之兄 with X's mention right before 系; else the clause's
    first and last mentions. A speaker earlier in the sentence (原告某诉称，其与被告…) stands
    for 其 when nobody else is named before 与."""
    norm = ctx.t.norm
    found = mentions(ctx, lo, end)
    if any(side == "PD" for _, _, side in found):
        return True
    s_lo, _ = sentence_bounds(norm, start, end)
    speakers = [side for a, b, side in mentions(ctx, s_lo, start) if _SPEAKER.match(norm, b, start)]
    named = [(a, b, side) for a, b, side in found if not _SPEAKER.match(norm, b, start)]
    split = max(norm.rfind(ch, lo, start) for ch in _AND)
    if split >= 0:
        left = [side for a, _, side in named if a < split] or speakers[:1]
        right = [side for a, _, side in named if a > split]
        pair = (left[0] if left else None, right[0] if right else None)
    else:
        before = [(b, side) for a, b, side in named if a < start]
        right = [side for a, _, side in named if a >= start]
        if right:
            near = before and start - before[-1][0] <= _NEAR
            pair = (before[-1][1] if near else None, right[0])
        elif before and start - before[-1][0] <= _NAMES_REACH:  # 原告某与被告甲、乙系朋友关系
            pair = (before[0][1], before[-1][1])
        else:
            pair = (None, None)
    return set(pair) == {"P", "D"}


def defense_alleges_false(ctx: Ctx) -> Iterator[Signal]:
    code = "defense_alleges_false"
    norm = ctx.t.norm
    roles = ("cue_any",) if ctx.criminal else ("cue", "weak", "cue_any")
    tort = _personality_tort(ctx)
    for role in roles:
        for m, section in scan(ctx, code, role):
            if vetoed(ctx, code, role, *m.span()):
                continue
            if tort and any(c.pattern.fullmatch(m.group()) for c in cues(code, "tort_word")):
                continue  # 名誉权: 捏造事实 is the defamation sued on, not a fabricated suit
            if section in _COURT_SECTIONS:
                if (
                    in_quote(norm, m.start())
                    or vetoed(ctx, "_negation", "cue", *m.span())
                    or (ctx.civil and vetoed(ctx, code, "court", *m.span()))
                ):
                    continue  # a quoted or restated statute, or the court saying it is not so
            elif vetoed(ctx, code, "denial", *m.span()):
                continue  # 毕某甲述称…不存在恶意串通: a denial, not an allegation
            yield signal(ctx, code, m.start(), m.end(), section)


def _personality_tort(ctx: Ctx) -> bool:
    """A 名誉权 / 人格权 / 商业诋毁 cause: fabricated facts are the tort sued on."""
    cause = ctx.doc.cause or ""
    return bool(cause) and any(
        c.pattern.search(cause) for c in cues("defense_alleges_false", "tort_cause")
    )


def third_party_objection(ctx: Ctx) -> Iterator[Signal]:
    code = "third_party_objection"
    for m, section in scan(ctx, code):
        if not vetoed(ctx, code, "cue", *m.span()):  # 如不服本裁定，可以…提起执行异议之诉
            yield signal(ctx, code, m.start(), m.end(), section)


def fast_resolution(ctx: Ctx, days: int = FAST_DAYS) -> Iterator[Signal]:
    dates = ctx.doc.dates
    span = ctx.doc.field_spans.get("dates.filed")
    if dates.filed is None or dates.decided is None or span is None:
        return
    try:
        elapsed = (date.fromisoformat(dates.decided) - date.fromisoformat(dates.filed)).days
    except ValueError:
        return
    if 0 <= elapsed <= days:
        yield signal(ctx, "fast_resolution", *span)
