"""What a draft says about the document: its date, number, parties, money, evidence, addressee.

Everything here is taken from the parsed document and the signals' evidence spans; nothing is
invented. Where the document cannot tell (whom to address a 诉前检察建议 to, which
procuratorate is 同级), the value is inferred and marked so the draft's notes say so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache

from assist.analysis import Issue
from assist.data import tsv_rows
from assist.detect.base import signal_codes
from assist.document import Document
from assist.extract.court import find_courts
from assist.text.normalize import make_text

PLACEHOLDER_COURT = "××人民法院"
PLACEHOLDER_AGENCY = "××（负有监督管理职责的行政机关）"
PLACEHOLDER_PROCURATORATE = "××人民检察院"
MAX_QUOTES = 3  # evidence quotes per signal code

_KIND = re.compile(
    r"(?:行政处罚|刑事附带民事|民事|刑事|行政|执行)?"
    r"(?:判决书|裁定书|调解书|决定书|起诉书|通知书|建议书)$"
)
_KIND_BY_DOC = {
    "judgment": "判决书", "ruling": "裁定书", "mediation": "调解书", "decision": "决定书",
    "penalty_decision": "行政处罚决定书", "indictment": "起诉书",
    "recommendation": "检察建议书", "notice": "通知书", "other": "法律文书",
}  # fmt: skip
_PENALTY_ZH = {
    "fine": "罚金", "confiscation_all": "没收个人全部财产", "confiscation_part": "没收个人部分财产",
    "recovery": "追缴违法所得", "restitution": "责令退赔",
}  # fmt: skip
_UNIT = r"(?!场|政|民|辖|监|管)"  # 市场监督管理局, 城市管理局: not an administrative unit
_REGION = re.compile(
    r"^(?:[^省市县区旗州盟\s]{1,7}?(?:省|自治区))?"
    rf"(?:[^省市县区旗州盟\s]{{1,7}}?(?:自治州|市|州|盟|地区){_UNIT})?"
    rf"(?:[^省市县区旗州盟\s]{{1,7}}?(?:自治县|县|区|旗|市){_UNIT})?"
)
_SPECIAL_COURT = re.compile(r"(?:海事|知识产权|金融|互联网|军事|法院)$")
_ORGAN = re.compile(
    r"(?:刑罚执行机关|执行机关|现在|现押于|羁押于)"
    r"([^\s,，。;；:：()（）]{2,30}?(?:监狱|看守所|未成年犯管教所|社区矫正机构))"
)
_AGENCY_ROLES = ("defendant", "enforcement_applicant", "applicant", "respondent", "appellee")


def cn_date(iso: str | date | None) -> str:
    """2016-11-07 → 2016年11月7日 (the register of current procuratorial documents)."""
    if iso is None:
        return ""
    d = iso if isinstance(iso, date) else date.fromisoformat(iso)
    return f"{d.year}年{d.month}月{d.day}日"


def yuan(value: Decimal) -> str:
    """Decimal yuan as written in a 检察建议书: 6000元, 1875000元, 1234.5元."""
    if value == value.to_integral_value():
        return f"{int(value)}元"
    return f"{value.normalize():f}元"


def period_zh(days: int) -> str:
    """60 → 两个月, 90 → 三个月, 15 → 十五日 (第十九条 counts in months)."""
    if days % 30 == 0:
        months = days // 30
        return ("两" if months == 2 else _small_cn(months)) + "个月"
    return _small_cn(days) + "日"


def _small_cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    if n < 100:
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    return str(n)


def document_date(doc: Document) -> tuple[date | None, str]:
    """The date that picks the statute version, and where it came from."""
    for kind, iso in (
        ("decided", doc.dates.decided),
        ("filed", doc.dates.filed),
        ("hearing", doc.dates.hearing),
    ):
        if iso:
            return date.fromisoformat(iso), kind
    mentioned = sorted(m.value for m in doc.date_mentions)
    if mentioned:
        return date.fromisoformat(mentioned[-1]), "mentioned"
    if doc.case_number is not None and doc.case_number.year:
        return date(doc.case_number.year, 12, 31), "case_year"
    return None, "none"


def case_number(doc: Document) -> str:
    """The document's number in formal form: full-width brackets, 〔〕 kept where written."""
    if doc.case_number is None:
        return ""
    number = doc.case_number.normalized.replace("(", "（").replace(")", "）")
    if "〔" in doc.case_number.raw:
        number = number.replace("（", "〔").replace("）", "〕")
    return number


def kind_name(doc: Document) -> str:
    """民事调解书, 刑事裁定书, 行政处罚决定书 …: the short kind after the case number."""
    m = _KIND.search(doc.title or "")
    return m.group(0) if m else _KIND_BY_DOC[doc.doc_kind]


@cache
def _role_labels() -> dict[str, str]:
    """role -> the first label that names it in assist/data/party_roles.tsv."""
    out: dict[str, str] = {}
    for label, role, *_ in tsv_rows("party_roles.tsv"):
        out.setdefault(role, label)
    return out


def party_names(doc: Document) -> list[str]:
    """原告焦某1, 被告邓某1 …: each party with its label as written (or the role's label)."""
    out = []
    for p in doc.parties:
        label = p.role_label or _role_labels().get(p.role, "当事人")
        out.append(f"{label}{p.name}")
    return out


_SIDE_A = ("plaintiff", "appellant", "retrial_applicant", "applicant", "enforcement_applicant",
           "objector", "public_interest_plaintiff")  # fmt: skip


def case_desc(doc: Document) -> str:
    """原告焦某1与被告邓某1民间借贷纠纷一案; 被告人王某盗窃罪一案; 罪犯苏某某刑罚变更执行一案."""
    names = party_names(doc)
    parties = [(p, n) for p, n in zip(doc.parties, names, strict=True) if p.role != "prosecutor"]
    code = doc.case_number.type_code if doc.case_number else None
    if code in ("刑更", "刑执"):
        return "、".join(n for _, n in parties) + "刑罚变更执行一案"
    side_a = [n for p, n in parties if p.role in _SIDE_A]
    side_b = [n for p, n in parties if p.role not in _SIDE_A]
    who = (
        "、".join(side_a) + "与" + "、".join(side_b)
        if side_a and side_b
        else "、".join(n for _, n in parties)
    )
    cause = doc.cause or ""
    if doc.doc_kind == "penalty_decision":
        return f"对{who}行政处罚一案" if who else "行政处罚一案"
    return f"{who}{cause}一案" if who or cause else "该案"


def penalty_lines(doc: Document) -> list[str]:
    out = []
    for p in doc.penalties:
        person = f"被告人{p.person}" if p.person else "被告人"
        amount = f"人民币{yuan(p.amount)}" if p.amount is not None else ""
        out.append(f"{person}{_PENALTY_ZH[p.kind]}{amount}")
    return out


def amount_quotes(doc: Document, limit: int = 3) -> list[str]:
    """The money as written, principal first, largest first, without repeats; court fees and
    (when the penalties are listed on their own) the penalty amounts left out."""
    skip = {"fee", *(("fine", "confiscation") if doc.penalties else ())}
    kept = [a for a in doc.amounts if a.kind not in skip]
    ranked = sorted(kept, key=lambda a: (a.kind != "principal", -a.value))
    out: list[str] = []
    seen: set[Decimal] = set()
    for a in ranked:
        raw = re.sub(r"\s+", "", a.raw)
        if raw and a.value not in seen:
            seen.add(a.value)
            out.append(raw)
        if len(out) == limit:
            break
    return out


@dataclass(frozen=True, slots=True)
class Evidence:
    code: str
    name_zh: str
    quotes: tuple[str, ...]


def evidence(issue: Issue) -> list[Evidence]:
    """The issue's signals grouped by code, in order, each with its evidence words."""
    names = signal_codes()
    grouped: dict[str, list[str]] = {}
    for s in issue.signals:
        text = re.sub(r"\s+", "", s.text)
        quotes = grouped.setdefault(s.code, [])
        if text and text not in quotes and len(quotes) < MAX_QUOTES:
            quotes.append(text)
    return [
        Evidence(code, names[code].name_zh if code in names else code, tuple(q))
        for code, q in grouped.items()
    ]


# -- addressee and issuing procuratorate ----------------------------------------------------


def is_court(name: str | None) -> bool:
    return bool(name) and ("法院" in (name or "") or name == "最高人民法院")


def region_of(name: str | None) -> str:
    """The administrative region a court or agency belongs to: 广东省珠海市香洲区."""
    if not name:
        return ""
    if is_court(name):
        base = name.removeprefix("中华人民共和国")
        base = re.sub(r"(?:(?:中级|高级)?人民法院|法院)$", "", base)
        return "" if base in ("", "最高") or _SPECIAL_COURT.search(base) else base
    m = _REGION.match(name)
    return m.group(0) if m else ""


def procuratorate_for(court_or_agency: str | None) -> str | None:
    """The 同级 procuratorate: 辽宁省大连市中级人民法院 → 辽宁省大连市人民检察院."""
    if not court_or_agency:
        return None
    if court_or_agency.removeprefix("中华人民共和国") == "最高人民法院":
        return "最高人民检察院"
    region = region_of(court_or_agency)
    return f"{region}人民检察院" if region else None


def original_court(doc: Document, text: str) -> str | None:
    """The court named just before the original / prior judgment a document cites."""
    cited = [c for c in doc.cited_cases if c.relation in ("original_judgment", "prior_instance")]
    if not cited:
        return None
    courts = list(find_courts(make_text(text)))
    for c in cited:
        before = [name for name, _s, e in courts if c.start - 80 <= e <= c.start]
        if before:
            return before[-1]
    return None


def execution_organ(text: str) -> str | None:
    m = _ORGAN.search(make_text(text).norm)
    return m.group(1) if m else None


def agency_party(doc: Document) -> str | None:
    for p in doc.parties:
        if p.kind == "agency" and p.role in _AGENCY_ROLES:
            return p.name
    if doc.court and not is_court(doc.court) and doc.doc_kind in ("penalty_decision", "decision"):
        return doc.court  # the issuing agency of its own decision
    return None


@dataclass(frozen=True, slots=True)
class Addressee:
    name: str
    inferred: bool  # not named in the document as such: the draft's notes say so


def addressee(
    rule: str, doc: Document, text: str, codes: Sequence[str], agency_by_signal: dict[str, str]
) -> Addressee:
    court = doc.court if is_court(doc.court) else None
    if rule == "deciding_court":
        return Addressee(court, False) if court else Addressee(PLACEHOLDER_COURT, True)
    if rule == "executing_court":
        first = doc.case_number is not None and doc.case_number.stage in (
            "first_instance",
            "execution",
        )
        named = court if first else original_court(doc, text)
        if named:
            return Addressee(named, False)
        return Addressee(court, True) if court else Addressee(PLACEHOLDER_COURT, True)
    if rule == "execution_organ":
        organ = execution_organ(text)
        return Addressee(organ, False) if organ else Addressee("××监狱（刑罚执行机关）", True)
    agency = agency_party(doc)
    if agency:
        return Addressee(agency, False)
    if rule == "supervising_agency":
        kind = next((agency_by_signal[c] for c in codes if c in agency_by_signal), None)
        region = region_of(doc.court)
        if kind and region:
            return Addressee(region + kind, True)
    return Addressee(PLACEHOLDER_AGENCY, True)
