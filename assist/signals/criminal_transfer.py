"""§2.5 criminal_transfer_gap (以罚代刑): an administrative penalty decision (行政处罚决定书) whose
facts meet a criminal threshold while it neither transfers the case to the police nor says it
would (移送公安机关, 涉嫌犯罪, 追究刑事责任). Codes:

- ``sales_over_threshold``: counterfeit or substandard goods (伪劣, 假冒, 不合格, 以假充真, 不符合
  安全标准 …) with a 销售金额 / 货值金额 / 违法所得 / 违法经营额 of at least 50,000 元 — the threshold
  of 生产、销售伪劣产品罪 (刑法 第一百四十条); span = the amount label and its amount.
- ``fake_drug_sold``: 假药 produced or sold (生产、销售、提供假药罪 has no amount threshold,
  刑法 第一百四十一条); span = the first mention.
- ``toxic_food_added``: a non-food toxic substance added to food (非食用物质, 罂粟壳, 瘦肉精 …;
  刑法 第一百四十四条, no amount threshold); span = the first mention.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from assist.analysis import Signal
from assist.signals.common import Ctx, first, scan, signal

SALES_THRESHOLD = Decimal(50_000)
_AMOUNT_REACH = 15  # characters between an amount's label and the amount


def find(ctx: Ctx) -> Iterator[Signal]:
    if ctx.doc.doc_kind != "penalty_decision" or first(ctx, "_transferred", "cue"):
        return
    yield from sales_over_threshold(ctx)
    for code in ("fake_drug_sold", "toxic_food_added"):
        for m, section in scan(ctx, code):
            yield signal(ctx, code, m.start(), m.end(), section)
            break


def sales_over_threshold(ctx: Ctx) -> Iterator[Signal]:
    if not first(ctx, "sales_over_threshold", "context"):
        return
    amounts = ctx.doc.amounts
    for m, section in scan(ctx, "sales_over_threshold", "label"):
        for amount in amounts:
            if m.end() <= amount.start <= m.end() + _AMOUNT_REACH:
                if amount.value >= SALES_THRESHOLD:
                    yield signal(ctx, "sales_over_threshold", m.start(), amount.end, section)
                    return
                break
