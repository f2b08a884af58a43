"""Generated administrative documents: a judgment for or against an agency (with a stated
defect when against it), a 非诉执行审查 ruling, the agency's own 行政处罚决定书, a 检察建议书
and a 通知书."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from assist.synth.draft import Draft
from assist.synth.pools import ar_date, cn_date, random_date

ADMIN_LITIGATION = "中华人民共和国行政诉讼法"

# defect signal code → the court's finding in a judgment against the agency (TAXONOMY §2.3 wording)
DEFECTS = {
    "procedure_violation": "被告在作出处罚决定前未告知原告陈述、申辩的权利，违反法定程序",
    "insufficient_evidence": "被告认定原告违法的主要证据不足，事实不清",
    "wrong_law": "被告作出处罚决定适用法律、法规错误",
    "ultra_vires": "被告作出该决定超越职权",
    "clearly_improper": "被告作出的处罚决定明显不当",
}
# defect code → why a 非诉执行 application is refused (不准予执行)
REFUSALS = {
    "premature_enforcement": "申请执行人未依法催告即申请强制执行，不符合法律规定",
    "procedure_violation": "申请执行人作出处罚决定前未告知被执行人陈述、申辩的权利，严重违反法定程序",
    "insufficient_evidence": "被申请执行的行政处罚决定认定事实的主要证据不足",
    "ultra_vires": "申请执行人作出该决定明显超越职权",
}
_HEAD_TITLE = (("街道办事处", "主任"), ("委员会", "主任"), ("乡人民政府", "乡长"),
               ("镇人民政府", "镇长"), ("县人民政府", "县长"), ("区人民政府", "区长"),
               ("人民政府", "市长"))  # fmt: skip


def _agency_details(d: Draft, agency: str) -> str:
    title = next((t for suffix, t in _HEAD_TITLE if agency.endswith(suffix)), "局长")
    return f"住所地{d.place.county}。{d.layout.newline}法定代表人{d.names.person()}，{title}。"


def _when(d: Draft, year: int, when: tuple[date, date] | None) -> tuple[date, date]:
    if when is not None:
        return when
    filed = random_date(d.rng, date(year, 1, 5), date(year, 8, 30))
    return filed, filed + timedelta(days=d.rng.randint(25, 100))


def admin_judgment(
    d: Draft,
    year: int,
    defect: str | None,
    *,
    agency: str | None = None,
    when: tuple[date, date] | None = None,
) -> None:
    """行政判决书 on a 行政处罚: against the agency for ``defect``, for it when ``defect`` is None."""
    agency = agency or d.names.agency(d.place)
    d.names.used.add(agency)
    is_org = d.rng.random() < 0.5
    plaintiff = d.names.party_company(d.place) if is_org else d.names.party()
    filed, decided = _when(d, year, when)
    hearing = filed + timedelta(days=d.rng.randint(1, max(1, (decided - filed).days - 5)))
    d.header("行政判决书", d.case_number(filed.year, "行初"))
    d.party("原告", "plaintiff", plaintiff, "organization" if is_org else "person",
            d.org_details() if is_org else d.person_details(plaintiff))  # fmt: skip
    d.party("被告", "defendant", agency, "agency", _agency_details(d, agency))
    amount = Decimal(d.rng.randrange(2000, 200_000, 1000))
    d.labels.update({"cause": "行政处罚", "procedure": "ordinary", "doc_kind": "judgment"})
    d.labels["dates"].update({"filed": filed.isoformat(), "hearing": hearing.isoformat()})
    claim = "请求予以撤销"
    if defect is None and d.rng.random() < 0.5:  # alleged by the plaintiff, rejected by the court
        claim = "被告作出处罚前未告知其陈述、申辩的权利，程序违法，请求予以撤销"
    d.paragraphs += [
        f"原告{plaintiff}不服被告{agency}行政处罚一案，于{ar_date(filed)}向本院提起行政诉讼。本院依法组成合议庭，"
        f"于{ar_date(hearing)}公开开庭审理了本案。本案现已审理终结。",
        f"原告诉称，被告对原告作出罚款{amount}元的行政处罚决定，{claim}。",
        "被告辩称，被诉行政处罚决定认定事实清楚，程序合法，请求驳回原告的诉讼请求。",
        f"经审理查明，被告于{filed.year - 1}年对原告作出罚款{amount}元的行政处罚决定。",
    ]
    if defect is None:
        law = d.cite(ADMIN_LITIGATION, [69])
        d.paragraphs += [
            "本院认为，被告作出的行政处罚决定认定事实清楚，证据确凿，适用法律、法规正确，符合法定程序。"
            f"原告的诉讼请求缺乏事实和法律依据，本院不予支持。依照{law}之规定，判决如下：",
            f"驳回原告{plaintiff}的诉讼请求。",
            "案件受理费50元，由原告负担。",
        ]
    else:
        law = d.cite(ADMIN_LITIGATION, [70])
        d.paragraphs += [
            f"本院认为，{DEFECTS[defect]}。依照{law}之规定，判决如下：",
            f"撤销被告{agency}作出的行政处罚决定。",
            "案件受理费50元，由被告负担。",
        ]
        d.signal("agency_lost")
        d.signal(defect)
    d.tail(decided, judges=3)


def non_litigation_review(
    d: Draft,
    year: int,
    *,
    granted: bool,
    agency: str | None = None,
    defect: str = "premature_enforcement",
    when: tuple[date, date] | None = None,
) -> None:
    """非诉执行审查 ruling: 准予 or 不准予强制执行 (for ``defect``, a key of ``REFUSALS``)."""
    agency = agency or d.names.agency(d.place)
    d.names.used.add(agency)
    respondent = d.names.party()
    if when is None:
        decided = random_date(d.rng, date(year, 2, 1), date(year, 12, 20))
        applied = decided - timedelta(days=20)
    else:
        applied, decided = when
    d.header("行政裁定书", d.case_number(applied.year, "行审"))
    d.party("申请执行人", "enforcement_applicant", agency, "agency", _agency_details(d, agency))
    d.party(
        "被执行人", "enforcement_respondent", respondent, "person", d.person_details(respondent)
    )
    amount = Decimal(d.rng.randrange(1000, 50_000, 500))
    d.labels.update({"cause": None, "doc_kind": "ruling", "procedure": "ordinary"})  # no 案由 named
    d.labels["dates"]["filed"] = applied.isoformat()
    verdict = "准予强制执行" if granted else "不准予强制执行"
    reason = "该行政处罚决定认定事实清楚，程序合法" if granted else REFUSALS[defect]
    d.paragraphs += [
        f"申请执行人{agency}于{ar_date(applied)}向本院申请强制执行其作出的罚款{amount}元的行政处罚决定。"
        "本院依法组成合议庭进行了审查。",
        f"本院经审查认为，{reason}。裁定如下：",
        f"对申请执行人{agency}作出的行政处罚决定{verdict}。",
    ]
    if not granted:
        d.signal("agency_lost")
        d.signal(defect)
    d.tail(decided, judges=3)


def penalty_decision(
    d: Draft, year: int, *, agency: str | None = None, on: date | None = None
) -> None:
    agency = agency or d.names.agency(d.place)
    party = d.names.party_company(d.place)
    d.labels.update({"court": agency, "title": "行政处罚决定书", "doc_kind": "penalty_decision"})
    decided = on or random_date(d.rng, date(year, 1, 10), date(year, 12, 20))
    number = d.instrument_number(f"{d.place.county[0]}市监处罚", decided.year)
    d.paragraphs += [agency, d.layout.heading("行政处罚决定书"), number]
    d.party("当事人", "other", party, "organization", d.org_details())
    amount = Decimal(d.rng.randrange(5000, 300_000, 1000))
    d.paragraphs += [
        f"经查，当事人销售不符合安全标准的食品，违法所得{d.rng.randint(2, 90) * 1000}元。",
        f"依据《中华人民共和国食品安全法》第一百二十四条的规定，决定如下：罚款人民币{amount}元。",
        "如不服本处罚决定，可在收到本决定书之日起六十日内申请行政复议，或者六个月内提起行政诉讼。",
        agency,
        ar_date(decided),
    ]
    d.labels["statutes"].append({"law": "中华人民共和国食品安全法", "article_no": 124})
    d.labels["dates"]["decided"] = decided.isoformat()
    d.labels["signals_exhaustive"] = False  # 以罚代刑 cues (违法所得 ≥ 5万) are not labelled


def recommendation(
    d: Draft, year: int, *, agency: str | None = None, on: date | None = None
) -> None:
    issuer = d.place.procuratorate
    agency = agency or d.names.agency(d.place)
    d.labels.update({"court": issuer, "title": "检察建议书", "doc_kind": "recommendation"})
    decided = on or random_date(d.rng, date(year, 1, 10), date(year, 12, 20))
    number = d.instrument_number(f"{d.place.county[0]}检行建", decided.year)
    d.paragraphs += [
        issuer, d.layout.heading("检察建议书"), number,
        f"{agency}：",
        "本院在履行法律监督职责中发现，你局在行政处罚案件中多次存在未告知当事人陈述、申辩权利的情形。",
        "根据《人民检察院检察建议工作规定》第十一条的规定，提出如下检察建议：规范行政处罚程序。",
        "请你局在收到本检察建议书之日起两个月内将落实情况书面回复本院。",
        issuer,
        ar_date(decided),
    ]  # fmt: skip
    d.labels["statutes"].append({"law": "人民检察院检察建议工作规定", "article_no": 11})
    d.labels["dates"]["decided"] = decided.isoformat()
    d.labels["signals_exhaustive"] = False  # its 未告知…陈述、申辩权利 is not a court's finding


def notice(d: Draft, year: int, *, on: date | None = None) -> None:
    applicant, respondent = d.names.party(), d.names.party()
    decided = on or random_date(d.rng, date(year, 1, 10), date(year, 12, 20))
    number = d.case_number(decided.year, "执")
    d.header("执行通知书", number)
    d.labels.update({"doc_kind": "notice", "cause": "民间借贷纠纷"})
    d.paragraphs += [
        f"{respondent}：",
        f"申请执行人{applicant}与你民间借贷纠纷一案，申请执行人向本院申请强制执行，本院已立案执行。",
        "责令你自收到本通知之日起履行生效法律文书确定的义务。",
        cn_date(decided),
    ]
    d.labels["dates"]["decided"] = decided.isoformat()
