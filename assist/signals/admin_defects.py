"""§2.3 systemic_admin_problem: per-document defect signals of an agency's act.

Only administrative documents (行初/行终/行审/行非执 …, or a 行政 heading), and only the court's own
words: the reasoning and the operative part. A defect that a party alleges (原告诉称/认为…违反法定程序),
a negated one (被告…不存在违反法定程序的情形, 处罚并无明显不当), a question (是否违反法定程序), a
rejected argument (…的主张不能成立) and a quoted statute (“…违反法定程序的，…”) do not count.

- ``agency_lost``: the operative part rules against the agency: 撤销被告作出的…决定, 确认…违法/无效,
  责令被告…履行/重新作出, 裁定不准予执行, 变更…罚款 (not 驳回原告要求撤销…的诉讼请求, not 撤销…判决).
- ``procedure_violation`` (违反法定程序, 未告知陈述、申辩权利, 未举行听证), ``insufficient_evidence``
  (主要证据不足, 事实不清), ``wrong_law`` (适用法律、法规错误), ``ultra_vires`` (超越职权, 滥用职权),
  ``inaction`` (不履行法定职责, 拖延履行), ``premature_enforcement`` (未催告, 诉讼期限届满前申请执行),
  ``clearly_improper`` (明显不当).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assist.analysis import Signal
from assist.signals.common import Ctx, in_quote, scan, signal, vetoed

DEFECT_CODES = (
    "procedure_violation", "insufficient_evidence", "wrong_law", "ultra_vires", "inaction",
    "premature_enforcement", "clearly_improper",
)  # fmt: skip
_COURT_ACT = re.compile(r"判决|裁定|调解书")
_REFUSED = re.compile(r"驳回|要求|请求|诉请|维持")


def find(ctx: Ctx) -> Iterator[Signal]:
    if not ctx.administrative:
        return
    yield from agency_lost(ctx)
    for code in DEFECT_CODES:
        yield from _findings(ctx, code)


def agency_lost(ctx: Ctx) -> Iterator[Signal]:
    norm = ctx.t.norm
    decision = ctx.doc.sections.decision
    for m, section in scan(ctx, "agency_lost"):
        if _COURT_ACT.search(m.group()) and "行政复议" not in m.group():
            continue  # 撤销一审判决 / 撤销…行政裁定: a court's act, not the agency's
        floor = decision[0] if decision else 0
        # The clause start, never before the operative part (a claim's 请求…撤销 must not veto).
        lo = max(floor, max(norm.rfind(ch, floor, m.start()) for ch in "。;\n") + 1)
        if _REFUSED.search(norm, lo, m.start()):
            continue  # 驳回原告要求撤销…的诉讼请求: the agency won
        yield signal(ctx, "agency_lost", m.start(), m.end(), section)


def _findings(ctx: Ctx, code: str) -> Iterator[Signal]:
    norm = ctx.t.norm
    for m, section in scan(ctx, code):
        span = m.span()
        if in_quote(norm, m.start()):
            continue
        if vetoed(ctx, "_negation", "cue", *span) or vetoed(ctx, "_alleged", "cue", *span):
            continue
        if vetoed(ctx, code, "cue", *span):
            continue
        yield signal(ctx, code, m.start(), m.end(), section)
