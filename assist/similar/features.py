"""What makes two 民间借贷 cases alike: char n-grams of the text and the case's legal elements.

Elements are the facts a lawyer compares (the CAIL2019-SCM annotation hinges on them, arXiv:
1911.08962): who lent to whom (person or company), the security (保证人, 抵押, 质押), the evidence
(借条, 欠条, 借款合同), how the money was handed over (现金, 转账, 微信), the agreed interest (none,
its band, above the legal cap), repayment, the term, the purpose, spouses' joint debt, and how
the defendant answered (absent, no defence). Cue phrases are data
(``assist/data/similar_elements.tsv``); bands come from the project's extractors (amounts,
rates, parties) and signals (default judgment, no defence, related parties, high interest).

Each element is a ``Fact`` with a code (the token compared between cases), the Chinese phrase
shown when two cases share it, and its evidence span (``start == end == 0`` for a fact derived
from the whole document, such as an amount band).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from operator import add

from assist.document import Document
from assist.pipeline import parse_text
from assist.signals import find_signals
from assist.text.normalize import Text, make_text

_GAP_RE = re.compile(r"[^0-9A-Za-z\u3400-\u9fff]+")
_DIGITS_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_MASKED_NAME_RE = re.compile(r"[\u4e00-\u9fff]某[0-9]*")
_NEGATION_RE = re.compile(r"(?:未|没有|没|无|不|并未|并非|否认|从未|尚未)[^,;:。\n]{0,3}$")
_CLAUSE_MARKS = ",;:。\n"
_YEAR_RE = re.compile(r"(?<![0-9])(19[89][0-9]|20[0-4][0-9])年")
_DEFENSE_RE = re.compile(r"辩称|答辩称|辩解")

# Derived elements: the phrase shown when both cases have them.
_SIGNAL_FACTS = {
    "default_judgment": "被告均未到庭",
    "no_defense": "被告均未答辩或认可借款",
    "related_parties": "双方均为亲友熟人",
    "service_by_publication": "均为公告送达",
    "high_interest": "均约定超过法定上限的利率",
    "iou_only": "均仅有借条无转账凭证",
}
# Annual rate bands (%, upper bound inclusive) and cumulative thresholds.
_RATE_BANDS = (
    (Decimal(12), "rate:le12", "均约定年利率12%以内"),
    (Decimal(24), "rate:12-24", "均约定月利率1%至2%"),
    (Decimal(36), "rate:24-36", "均约定月利率2%至3%"),
    (Decimal(10**6), "rate:gt36", "均约定月利率3%以上"),
)
_RATE_OVER = ((Decimal(24), "rate:over24", "均约定月利率2%以上"),)
# Principal bands (yuan, upper bound exclusive).
_AMOUNT_BANDS = (
    (Decimal(10_000), "amount:lt1w", "借款金额均不足1万元"),
    (Decimal(50_000), "amount:1-5w", "借款金额均在1万至5万元"),
    (Decimal(100_000), "amount:5-10w", "借款金额均在5万至10万元"),
    (Decimal(500_000), "amount:10-50w", "借款金额均在10万至50万元"),
    (Decimal(1_000_000), "amount:50-100w", "借款金额均在50万至100万元"),
    (Decimal(10**15), "amount:ge100w", "借款金额均在100万元以上"),
)
_YEAR_BANDS = (
    (2012, "year:le2012", "借款均发生于2012年以前"),
    (2014, "year:2013-14", "借款均发生于2013至2014年"),
    (2016, "year:2015-16", "借款均发生于2015至2016年"),
    (9999, "year:ge2017", "借款均发生于2017年以后"),
)


@dataclass(frozen=True, slots=True)
class Fact:
    code: str  # the token compared between cases: guarantor, rate:24-36, amount:10-50w …
    label: str  # shown when two cases share it: 均有第三人保证担保
    start: int  # evidence span in the text; 0, 0 for a fact of the whole document
    end: int


@dataclass(frozen=True, slots=True)
class CaseFeatures:
    terms: Counter[str]  # char n-gram counts of the masked text
    length: int  # number of n-grams (for BM25 length normalisation)
    facts: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class _Cue:
    code: str
    plain: bool
    pattern: re.Pattern[str]
    veto: re.Pattern[str] | None  # searched in the clause before a match
    veto_after: re.Pattern[str] | None  # matched at a match's end


@cache
def _cues() -> tuple[_Cue, ...]:
    text = resources.files("assist.data").joinpath("similar_elements.tsv").read_text("utf-8")
    rows: dict[tuple[str, str], list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            code, role, regex = line.split("\t")[:3]
            rows.setdefault((code, role), []).append(regex)

    def join(regexes: list[str] | None) -> re.Pattern[str] | None:
        return re.compile("|".join(f"(?:{r})" for r in regexes)) if regexes else None

    return tuple(
        _Cue(
            code,
            role == "plain",
            re.compile("|".join(f"(?:{r})" for r in regexes)),
            join(rows.get((code, "veto"))),
            join(rows.get((code, "veto_after"))),
        )
        for (code, role), regexes in rows.items()
        if role in ("cue", "plain")
    )


@cache
def element_labels() -> dict[str, str]:
    """Every element code with its shared-fact phrase (table rows and derived elements)."""
    text = resources.files("assist.data").joinpath("similar_elements.tsv").read_text("utf-8")
    labels: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            if cols[1] in ("cue", "plain") and len(cols) > 3:
                labels.setdefault(cols[0], cols[3])
    labels.update(_SIGNAL_FACTS)
    for bands in (_RATE_BANDS, _RATE_OVER, _AMOUNT_BANDS, _YEAR_BANDS):
        labels.update({code: label for _, code, label in bands})
    labels.update(_PARTY_FACTS)
    return labels


_PARTY_FACTS = {
    "lender_org": "出借人均为单位",
    "borrower_org": "借款人均为公司或单位",
    "multi_defendants": "均有多名被告",
    "defense_contested": "被告均提出抗辩",
}


def case_features(raw: str, ngram: int = 2) -> CaseFeatures:
    """The n-gram counts and legal elements of one case text."""
    t = make_text(raw)
    doc = parse_text(t)
    masked = mask_names(t.norm, doc)
    terms, length = char_ngrams(masked, ngram)
    return CaseFeatures(terms, length, tuple(find_facts(t, doc)))


def mask_names(norm: str, doc: Document) -> str:
    """The text with party names (and pseudonyms such as 李某1) blanked: names are not facts."""
    names = {p.name for p in doc.parties if len(p.name) >= 2}
    for name in sorted(names, key=len, reverse=True):
        norm = norm.replace(name, " ")
    return _MASKED_NAME_RE.sub(" ", norm)


def char_ngrams(norm: str, n: int = 2) -> tuple[Counter[str], int]:
    """Counts of char 1..n-grams inside runs of CJK, Latin and digits (digits folded to 0,
    since amounts and dates are compared as elements, not as strings)."""
    text = _GAP_RE.sub(" ", _DIGITS_RE.sub("0", norm))
    counts: Counter[str] = Counter(text)
    grams: list[str] | str = text
    for k in range(1, max(1, n)):
        grams = list(map(add, grams[:-1], text[k:]))
        counts.update(grams)
    for gram in [g for g in counts if " " in g]:
        del counts[gram]  # n-grams across a gap (punctuation, blanks) are noise
    return counts, sum(counts.values())


def find_facts(t: Text, doc: Document) -> Iterator[Fact]:
    """Every legal element of the case, once per code, at its first evidence."""
    labels = element_labels()
    seen: set[str] = set()
    for fact in _all_facts(t, doc):
        if fact.code not in seen:
            seen.add(fact.code)
            yield Fact(fact.code, labels.get(fact.code, fact.code), fact.start, fact.end)


def _all_facts(t: Text, doc: Document) -> Iterator[Fact]:
    yield from _cue_facts(t)
    signals = find_signals(t, doc)
    for s in signals:
        if s.code in _SIGNAL_FACTS:
            yield Fact(s.code, "", s.start, s.end)
        if s.code == "cash_delivery":
            yield Fact("cash", "", s.start, s.end)
    yield from _party_facts(t, doc, {s.code for s in signals})
    yield from _rate_facts(doc)
    yield from _amount_facts(doc)
    yield from _year_facts(t, doc)


def _cue_facts(t: Text) -> Iterator[Fact]:
    norm = t.norm
    for cue in _cues():
        for m in cue.pattern.finditer(norm):
            if cue.plain or not _vetoed(norm, m.start(), m.end(), cue):
                yield Fact(cue.code, "", m.start(), m.end())
                break


def _vetoed(norm: str, start: int, end: int, cue: _Cue) -> bool:
    """A negation just before the match, or one of the cue's vetoes in its clause."""
    lo = max(norm.rfind(ch, max(0, start - 40), start) for ch in _CLAUSE_MARKS) + 1
    before = norm[max(lo, start - 40) : start]
    if _NEGATION_RE.search(before[-8:]):
        return True
    if cue.veto is not None and cue.veto.search(before):
        return True
    return cue.veto_after is not None and cue.veto_after.match(norm, end) is not None


def _party_facts(t: Text, doc: Document, signals: set[str]) -> Iterator[Fact]:
    plaintiffs = [p for p in doc.parties if p.role in ("plaintiff", "appellant")]
    defendants = [p for p in doc.parties if p.role in ("defendant", "appellee")]
    for p in plaintiffs:
        if p.kind != "person":
            yield Fact("lender_org", "", p.start, p.end)
    for p in defendants:
        if p.kind != "person":
            yield Fact("borrower_org", "", p.start, p.end)
    if len(defendants) >= 2:
        yield Fact("multi_defendants", "", defendants[1].start, defendants[1].end)
    if "no_defense" not in signals and "default_judgment" not in signals:
        m = _DEFENSE_RE.search(t.norm)
        if m is not None:
            yield Fact("defense_contested", "", m.start(), m.end())


def _rate_facts(doc: Document) -> Iterator[Fact]:
    rate = doc.interest_rate
    if rate is None:
        return
    for upper, code, _ in _RATE_BANDS:
        if rate.annual_percent <= upper:
            yield Fact(code, "", rate.start, rate.end)
            break
    for lower, code, _ in _RATE_OVER:
        if rate.annual_percent > lower:
            yield Fact(code, "", rate.start, rate.end)


def _amount_facts(doc: Document) -> Iterator[Fact]:
    principal = [a for a in doc.amounts if a.kind == "principal"]
    if not principal:
        return
    top = max(principal, key=lambda a: a.value)
    for upper, code, _ in _AMOUNT_BANDS:
        if top.value < upper:
            yield Fact(code, "", top.start, top.end)
            return


def _year_facts(t: Text, doc: Document) -> Iterator[Fact]:
    """The year of the first loan: the first year written after the party block (birth years
    sit in the party block)."""
    start = doc.sections.parties[1] if doc.sections.parties else 0
    m = _YEAR_RE.search(t.norm, start)
    if m is None:
        return
    year = int(m.group(1))
    for upper, code, _ in _YEAR_BANDS:
        if year <= upper:
            yield Fact(code, "", m.start(1), m.end())
            return
