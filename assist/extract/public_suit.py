"""Whether a document is itself a public-interest matter (公益诉讼 or its 诉前检察建议).

Read by routing (such a document is public interest, TAXONOMY §1) and by the public-interest
signals (the suit is already the remedy, so the damage it tells is no new lead).
"""

from __future__ import annotations

import re

from assist.document import Document

# 公益诉讼一案 / 公益诉讼起诉人 in the head; 检察建议 numbers 检(民|行|刑)?公建 (公益诉讼 诉前建议).
_PUBLIC_SUIT = re.compile(r"公益诉讼(?:[ ]?一[ ]?案|起诉人)|检[民行刑]?公建")
_HEAD = 800  # title, party block and the start of the history


def public_interest_suit(doc: Document, norm: str) -> bool:
    """True when the title, the cause or a party's role (now or in the first instance) says
    公益诉讼, or the head of ``norm`` (the normalised text) names such a suit or a 诉前建议."""
    if any("公益诉讼" in (x or "") for x in (doc.title, doc.cause)):
        return True
    roles = {r for p in doc.parties for r in (p.role, p.prior_role)}
    if "public_interest_plaintiff" in roles:
        return True
    return _PUBLIC_SUIT.search(norm, 0, _HEAD) is not None
