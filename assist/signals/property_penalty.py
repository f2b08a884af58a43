"""§2.2 unenforced_property_penalty (财产刑执行风险): per-document signals.

- ``fine_imposed`` / ``confiscation_imposed`` / ``recovery_ordered``: one per penalty that the
  operative part of THIS criminal judgment or ruling imposes (``Document.penalties``: 罚金 → fine;
  没收个人全部/部分财产 → confiscation; 追缴违法所得 / 退赔 / 退赃 → recovery), span = the penalty's
  span. Two defendants with their own fines give two signals. Execution rulings (执 …) and
  减刑/假释 rulings (刑更, 刑执) impose nothing: a fine they recite is an earlier judgment's.
- ``commutation_unpaid``: a 减刑/假释 ruling stating that the 财产性判项 (罚金, 附带民事赔偿, 退赔 …)
  is unpaid or only partly paid (尚未缴纳, 未履行, 确有履行能力而不履行), or showing it: the fine
  paid in prison (缴纳罚金人民币二千元) is less than the fine recited from the judgment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from assist.analysis import Signal
from assist.document import PenaltyKind
from assist.signals.common import Ctx, scan, signal

_CODE_OF_KIND: dict[PenaltyKind, str] = {
    "fine": "fine_imposed",
    "confiscation_all": "confiscation_imposed",
    "confiscation_part": "confiscation_imposed",
    "recovery": "recovery_ordered",
    "restitution": "recovery_ordered",
}
_COMMUTATION_CODES = frozenset({"刑更", "刑执"})
_COMMUTATION_WORDS = re.compile(r"减\s*刑|假\s*释|减去|减为")
_WINDOW = 16  # characters before an amount that tell what it is
_IMPOSED = re.compile(r"(?:并处|判处|单处)罚金(?:人民币)?$")
_PAID = re.compile(r"(?:缴纳|交纳|缴付|履行)(?:了)?(?:部分)?罚金(?:人民币)?[ ]?$")
_IN_FULL = re.compile(r"全部|缴清|全额|履行完毕")


def find(ctx: Ctx) -> Iterator[Signal]:
    commutation = _is_commutation(ctx)
    if ctx.criminal and not commutation:
        for penalty in ctx.doc.penalties:
            yield signal(ctx, _CODE_OF_KIND[penalty.kind], penalty.start, penalty.end)
    if commutation:
        found = False
        for m, section in scan(ctx, "commutation_unpaid"):
            found = True
            yield signal(ctx, "commutation_unpaid", m.start(), m.end(), section)
        if not found:
            yield from _fine_partly_paid(ctx)


def _fine_partly_paid(ctx: Ctx) -> Iterator[Signal]:
    """缴纳罚金人民币二千元 against 并处罚金人民币十万元 recited from the judgment: paid in part,
    though no word says so (span = the payment clause)."""
    norm = ctx.t.norm
    imposed = paid = Decimal(0)
    clause: tuple[int, int] | None = None
    for amount in ctx.doc.amounts:
        if amount.kind != "fine":
            continue
        before = norm[max(0, amount.start - _WINDOW) : amount.start]
        if (m := _PAID.search(before)) is not None and not _IN_FULL.search(before):
            paid += amount.value
            start = amount.start - len(before) + m.start()
            clause = clause or (start, amount.end)
        elif _IMPOSED.search(before):
            imposed += amount.value
    if clause is not None and paid < imposed:
        yield signal(ctx, "commutation_unpaid", *clause)


def _is_commutation(ctx: Ctx) -> bool:
    """A 减刑/假释 ruling: by its type code, else by the wording of its heading or operative part."""
    number = ctx.doc.case_number
    if number is not None and number.type_code in _COMMUTATION_CODES:
        return True
    if not ctx.criminal or ctx.doc.doc_kind != "ruling":
        return False
    norm, sections = ctx.t.norm, ctx.doc.sections
    for span in (sections.header, sections.decision):
        if span is not None and _COMMUTATION_WORDS.search(norm, *span):
            return True
    return False
