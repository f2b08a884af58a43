"""§2.2 unenforced_property_penalty (财产刑执行风险): per-document signals.

- ``fine_imposed`` / ``confiscation_imposed`` / ``recovery_ordered``: one per penalty that the
  operative part of THIS criminal judgment or ruling imposes (``Document.penalties``: 罚金 → fine;
  没收个人全部/部分财产 → confiscation; 追缴违法所得 / 退赔 / 退赃 → recovery), span = the penalty's
  span. Two defendants with their own fines give two signals. Execution rulings (执 …) and
  减刑/假释 rulings (刑更, 刑执) impose nothing: a fine they recite is an earlier judgment's.
- ``commutation_unpaid``: a 减刑/假释 ruling stating that the 财产性判项 (罚金, 附带民事赔偿, 退赔 …)
  is unpaid or only partly paid (尚未缴纳, 未履行, 确有履行能力而不履行).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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


def find(ctx: Ctx) -> Iterator[Signal]:
    commutation = _is_commutation(ctx)
    if ctx.criminal and not commutation:
        for penalty in ctx.doc.penalties:
            yield signal(ctx, _CODE_OF_KIND[penalty.kind], penalty.start, penalty.end)
    if commutation:
        for m, section in scan(ctx, "commutation_unpaid"):
            yield signal(ctx, "commutation_unpaid", m.start(), m.end(), section)


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
