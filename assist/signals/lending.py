"""§2.1 ``high_interest`` (the agreed rate above the private-lending cap) and what it needs:
the cap at a date (24 % before 2020-08-20, 4 × the 1-year LPR of ``assist/data/lpr.tsv`` from then
on) and whether a case is a private loan at all.

The 民间借贷 cap binds private lenders only: not banks and other licensed lenders (a 金融借款 or
信用卡 cause, or a bank among the parties of a 借款合同纠纷), and not the daily late charges of a
lease, a sale or a property-service contract (每日千分之三的滞纳金 of 物业费 is no loan's
interest) — a daily charge counts in a loan case only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from assist.analysis import Signal
from assist.data import tsv_rows
from assist.extract.rates import find_interest_rates
from assist.signals.common import Ctx, cues, first, scan, sentence_bounds, signal, vetoed
from assist.text.numerals import parse_number

_CODE = "high_interest"
_NEW_CAP_FROM = "2020-08-20"  # 民间借贷规定 (2020 revision): 4 × 1-year LPR from this date
_OLD_CAP = Decimal(24)
_DAYS = 365
_NOT_STATED = frozenset({"decision", "tail", "appendix", "header", "parties"})


def loan_case(ctx: Ctx) -> bool:
    """The cause says 借 (民间借贷, 借款合同), or the text speaks of a loan somewhere."""
    return "借" in (ctx.doc.cause or "") or first(ctx, "cash_delivery", "loan")


def high_interest(ctx: Ctx) -> Iterator[Signal]:
    """The agreed rate (``Document.interest_rate``), any other rate the text states outside the
    operative part that is not a legal cap or a bank benchmark, and daily overdue charges
    (每日千分之五的违约金) of a loan, each above the cap at the filing date. Not for licensed
    lenders (outside the 民间借贷 rules), nor an agency's 加处罚款 / 滞纳金 on a fine or tax."""
    if _licensed_lender(ctx):
        return
    cap = rate_cap(ctx.doc.dates.filed or ctx.doc.dates.decided)
    picked = ctx.doc.interest_rate
    if (
        picked is not None
        and picked.annual_percent > cap
        and not vetoed(ctx, _CODE, "picked", picked.start, picked.end)
    ):
        yield signal(ctx, _CODE, picked.start, picked.end)
    for rate in find_interest_rates(ctx.t):
        section = ctx.layout.section_at(rate.start)
        if (
            rate.annual_percent > cap
            and section not in _NOT_STATED
            and not vetoed(ctx, _CODE, "cue", rate.start, rate.end)
        ):
            yield signal(ctx, _CODE, rate.start, rate.end, section)
    if ctx.administrative:
        return  # an agency's surcharge or an administrative agreement's 违约金 is no loan's
    yield from _daily_charges(ctx, cap)


def _daily_charges(ctx: Ctx, cap: Decimal) -> Iterator[Signal]:
    """每日千分之五的违约金 above the cap: in a loan cause, or where the charge's sentence speaks
    of a loan (a guarantee or an assigned debt); a text without a cause, where it speaks of a
    loan anywhere."""
    cause = ctx.doc.cause
    whole = "借" in (cause or "") or (cause is None and loan_case(ctx))
    for m, section in scan(ctx, _CODE, "penalty"):
        daily = _daily_percent(m)
        if daily is None or daily * _DAYS <= cap or vetoed(ctx, _CODE, "penalty", *m.span()):
            continue
        if whole or _loan_sentence(ctx, m.start(), m.end()):
            yield signal(ctx, _CODE, m.start(), m.end(), section)


def _loan_sentence(ctx: Ctx, start: int, end: int) -> bool:
    lo, hi = sentence_bounds(ctx.t.norm, start, end)
    return any(c.pattern.search(ctx.t.norm, lo, hi) for c in cues("cash_delivery", "loan"))


def _licensed_lender(ctx: Ctx) -> bool:
    """A 金融借款 / 信用卡 cause, or a bank or other licensed lender among the parties of a
    cause that is not 民间借贷 (借款合同纠纷 brought by a 支行)."""
    cause = ctx.doc.cause or ""
    if cause and any(c.pattern.search(cause) for c in cues(_CODE, "skip_cause")):
        return True
    if "民间借贷" in cause:
        return False
    lenders = cues(_CODE, "lender")
    return any(
        side in ("P", "D") and any(c.pattern.search(name) for c in lenders)
        for name, side in ctx.names
    )


def _daily_percent(m: re.Match[str]) -> Decimal | None:
    per_mille = m.group("pm") or m.group("pmn")
    value = parse_number(per_mille or m.group("pct") or m.group("pctcn") or "")
    if value is None:
        return None
    return value / 10 if per_mille else value


def rate_cap(reference: str | None) -> Decimal:
    """The annual cap (percent) on agreed private-lending interest at ``reference`` (ISO date).

    Before 2020-08-20 the protected rate was 24 % (2015 民间借贷规定 第二十六条; 24–36 % was
    unenforceable but payable, above 36 % void); from 2020-08-20 it is four times the 1-year LPR.
    Without a known date the 24 % cap is used: most reported loans predate the change."""
    if reference is None or reference < _NEW_CAP_FROM:
        return _OLD_CAP
    return 4 * lpr_at(reference)


def lpr_at(day: str) -> Decimal:
    """The 1-year LPR in force on ``day``: the month's rate from its 20th, else the month before;
    a date after the table's last month takes the last known rate."""
    table = _lpr_table()
    month = day[:7]
    if day[8:10] < "20":
        month = _previous_month(month)
    months = sorted(table)
    if month < months[0]:
        return table[months[0]]
    if month in table:
        return table[month]
    return table[max(m for m in months if m <= month)]


@cache
def _lpr_table() -> dict[str, Decimal]:
    table: dict[str, Decimal] = {}
    for month, value, *_ in tsv_rows("lpr.tsv"):
        table[month] = Decimal(value)
    return table


def _previous_month(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    return f"{year - 1:04d}-12" if mon == 1 else f"{year:04d}-{mon - 1:02d}"
