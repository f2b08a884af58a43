"""Which domains a document's own kind leaves open (TAXONOMY §1), applied to a router's output.

A 民事判决书 is a civil or a public-interest matter, never a criminal one, whatever its words
resemble: the router's character n-grams can be fooled by a short ruling (准许撤回上诉 routed to
criminal when the case number was not read). The kind comes from the case number's type code
and the title's 民事/刑事/行政; when the two disagree, or a procuratorate is a party in another
role, nothing is ruled out. Public interest is always left open: 公益诉讼 cases are civil,
criminal (附带民事公益诉讼) or administrative by number. A document that is itself a public-interest
suit (title, cause, a 公益诉讼起诉人 now or in the first instance, 公益诉讼一案 in its head) or a
公益诉讼 诉前检察建议 (检行公建) is public interest: TAXONOMY §1 puts them there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from assist.document import Document
from assist.extract.public_suit import public_interest_suit

_TITLE_KIND = re.compile(r"(刑事|民事|行政)[^刑民行]{0,12}?(?:判决书|裁定书|调解书)$")
_KIND_DOMAINS: dict[str, frozenset[str]] = {
    "civil": frozenset({"civil", "public_interest"}),
    "criminal": frozenset({"criminal", "public_interest"}),
    "administrative": frozenset({"administrative", "public_interest"}),
}
_TITLE_CASE_TYPE = {"民事": "civil", "刑事": "criminal", "行政": "administrative"}
# An agency's penalty decision: administrative, or criminal when the facts pass a crime's
# threshold (以罚代刑, criminal/case_filing).
_PENALTY = frozenset({"administrative", "criminal", "public_interest"})
_PUBLIC = frozenset({"public_interest"})


def _title_case_type(title: str | None) -> str | None:
    if not title or "附带民事" in title:  # 刑事附带民事: criminal by number, both words in title
        return "criminal" if title and "刑事附带民事" in title else None
    m = _TITLE_KIND.search(title)
    return _TITLE_CASE_TYPE[m.group(1)] if m else None


def _procuratorate_party(doc: Document) -> bool:
    return any(p.kind == "procuratorate" and p.role != "prosecutor" for p in doc.parties)


def allowed_domains(doc: Document, norm: str = "") -> frozenset[str] | None:
    """The domains ``doc`` (``norm``: its normalised text) can belong to, or None when its
    kind rules nothing out. A public-interest suit or 检察建议 is public interest (TAXONOMY §1)."""
    if public_interest_suit(doc, norm):
        return _PUBLIC
    if doc.doc_kind == "penalty_decision":
        return _PENALTY
    if _procuratorate_party(doc):
        return None
    number = doc.case_number.case_type if doc.case_number else None
    title = _title_case_type(doc.title)
    known = {k for k in (number, title) if k in _KIND_DOMAINS}
    if len(known) != 1:  # unknown, or the number and the title disagree
        return None
    return _KIND_DOMAINS[known.pop()]


def restrict(
    classes: Sequence[str], proba: NDArray[np.float64], allowed: frozenset[str] | None
) -> NDArray[np.float64]:
    """``proba`` with the classes outside ``allowed`` set to 0 and the rest renormalised;
    unchanged when nothing is ruled out or the allowed classes have no mass at all."""
    if allowed is None:
        return proba
    keep = np.array([c.partition("/")[0] in allowed for c in classes])
    mass = float(proba[keep].sum())
    if keep.all() or mass <= 0.0:
        return proba
    return np.where(keep, proba, 0.0) / mass
