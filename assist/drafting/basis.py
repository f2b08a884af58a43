"""Quote the rules' (law, article) references from the statute store, version by date.

The version quoted is the one in force on the document's date. When that date predates every
version the store holds (a 2011 judgment, a 刑法 held only as amended in 2023), the latest
version is quoted and marked ``fallback`` so the draft can say so; a date in a gap after a
version ended with no successor in the store quotes nothing (a repealed text is never cited).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from assist.analysis import LegalBasis
from assist.drafting.rules import BasisRef
from assist.law.store import LawVersion, StatuteStore, article_label


@dataclass(frozen=True, slots=True)
class Quoted:
    """A reference resolved against the store: what the draft cites and quotes."""

    basis: LegalBasis
    cite: str  # 《中华人民共和国民事诉讼法》第二百一十九条第二款
    version: LawVersion
    fallback: bool  # the latest version quoted because the document predates the store's
    purpose: str


@dataclass(frozen=True, slots=True)
class Skipped:
    """A reference that could not be quoted, and why (for the drafting notes)."""

    law: str
    article: str
    reason: str


def cite_name(law: str) -> str:
    """《…》 around a law name; a title inside it takes 〈〉 (《最高人民法院关于适用〈…〉的解释》),
    brackets are full-width (《人民检察院刑事诉讼规则（试行）》)."""
    name = law.replace("《", "〈").replace("》", "〉").replace("(", "（").replace(")", "）")
    return "《" + name + "》"


def pick_version(store: StatuteStore, law: str, on: date | None) -> tuple[LawVersion | None, bool]:
    """The version to quote on ``on`` and whether it is the predates-the-store fallback."""
    versions = store.versions(law)
    if not versions:
        return None, False
    if on is None:
        return versions[-1], False
    if on < versions[0].effective_from:
        return versions[-1], True
    in_force = [v for v in versions if v.in_force(on)]
    return (in_force[-1] if in_force else None), False


def quote(ref: BasisRef, store: StatuteStore, on: date | None) -> Quoted | Skipped:
    """Resolve one reference; the quoted text is verbatim from the store and on topic."""
    version, fallback = pick_version(store, ref.law, on)
    number = ref.article
    if version is None:
        return Skipped(ref.law, article_label(number), "文书日期所在期间无有效文本")
    number = ref.by_version.get(version.version, ref.article)
    art = store.get(ref.law, number, on=version.effective_from)
    if art is None or art.version != version.version:
        return Skipped(ref.law, article_label(number), f"法规库{version.version}年版无此条")
    text = art.text
    if ref.line is not None:
        lines = art.text.split("\n")
        text = lines[ref.line - 1] if ref.line <= len(lines) else ""
    if ref.must_contain not in text:
        return Skipped(art.law, art.article, f"条文内容与“{ref.must_contain}”不符，未予引用")
    basis = LegalBasis(law=art.law, article=art.article, text=text, version=art.version)
    cite = cite_name(art.law) + art.article + (ref.cite if ref.line is not None else "")
    return Quoted(basis, cite, version, fallback, ref.purpose)


def quote_all(
    refs: Iterable[BasisRef], store: StatuteStore, on: date | None
) -> tuple[list[Quoted], list[Skipped]]:
    quoted: list[Quoted] = []
    skipped: list[Skipped] = []
    seen: set[tuple[str, str, str]] = set()
    for ref in refs:
        got = quote(ref, store, on)
        if isinstance(got, Skipped):
            skipped.append(got)
            continue
        key = (got.basis.law, got.basis.article, got.basis.text)
        if key not in seen:  # the same provision listed twice is quoted once
            seen.add(key)
            quoted.append(got)
    return quoted, skipped
