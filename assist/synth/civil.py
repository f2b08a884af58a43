"""Generated civil documents around real 民间借贷 excerpts: judgment, mediation, withdrawal,
and the execution ruling that closes a case by 终结本次执行程序."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from assist.synth.draft import Draft
from assist.synth.excerpts import LoanExcerpt
from assist.synth.pools import ar_date, random_date

CIVIL_PROCEDURE = "中华人民共和国民事诉讼法"
CPL_INTERPRETATION = "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释"


def _names(ex: LoanExcerpt, role: str) -> list[str]:
    return [p["name"] for p in ex.parties if p["role"] == role]


def _late_interest_article(year: int) -> int:
    """加倍支付迟延履行期间的债务利息: 民事诉讼法 article by version in force."""
    return 253 if year < 2022 else 260 if year < 2024 else 264


def _withdrawal_article(year: int) -> int:
    return 145 if year < 2022 else 148


def _dates(d: Draft, year: int) -> tuple[date, date, date]:
    filed = random_date(d.rng, date(year, 1, 5), date(year, 9, 30))
    hearing = filed + timedelta(days=d.rng.randint(15, 60))
    decided = hearing + timedelta(days=d.rng.randint(1, 30))
    return filed, hearing, decided


def _opening(d: Draft, ex: LoanExcerpt, filed: date) -> str:
    p, f = "、".join(_names(ex, "plaintiff")), "、".join(_names(ex, "defendant"))
    d.labels["cause"] = "民间借贷纠纷"
    d.labels["dates"]["filed"] = filed.isoformat()
    return f"原告{p}与被告{f}民间借贷纠纷一案，本院于{ar_date(filed)}立案后"


def loan_judgment(d: Draft, ex: LoanExcerpt, year: int) -> None:
    filed, hearing, decided = _dates(d, year)
    plaintiffs, defendants = _names(ex, "plaintiff"), _names(ex, "defendant")
    simple = d.rng.random() < 0.6
    d.header("民事判决书", d.case_number(year, "民初"))
    d.paragraphs.append(ex.party_block)
    d.labels["parties"] = [dict(p) for p in ex.parties]
    d.labels["procedure"] = "simple" if simple else "ordinary"
    d.labels["dates"]["hearing"] = hearing.isoformat()
    how = "依法适用简易程序" if simple else "依法组成合议庭，适用普通程序"
    d.paragraphs.append(
        f"{_opening(d, ex, filed)}，{how}，于{ar_date(hearing)}公开开庭进行了审理。本案现已审理终结。"
    )
    d.paragraphs.append(ex.body)
    principal = Decimal(d.rng.randrange(10_000, 500_000, 1000))
    law = (
        d.cite("中华人民共和国合同法", [206, 207])
        if year < 2021
        else d.cite("中华人民共和国民法典", [667, 675])
    )
    d.paragraphs.append(f"本院认为，合法的借贷关系受法律保护。依照{law}的规定，判决如下：")
    late = d.cite(CIVIL_PROCEDURE, [_late_interest_article(year)])
    fee = (principal * Decimal("0.02")).quantize(Decimal(1))
    d.paragraphs += [
        f"一、被告{'、'.join(defendants)}于本判决生效之日起十日内偿还原告{plaintiffs[0]}借款本金{principal}元；",
        f"二、驳回原告{plaintiffs[0]}的其他诉讼请求。",
        f"如果未按本判决指定的期间履行给付金钱义务，应当依照{late}之规定，加倍支付迟延履行期间的债务利息。",
        f"案件受理费{fee}元，由被告{defendants[0]}负担。",
        f"如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，上诉于{d.place.intermediate_court}。",
    ]
    d.tail(decided, judges=1 if simple else 3)
    d.labels["doc_kind"] = "judgment"


def loan_mediation(d: Draft, ex: LoanExcerpt, year: int) -> None:
    filed, _, decided = _dates(d, year)
    plaintiffs, defendants = _names(ex, "plaintiff"), _names(ex, "defendant")
    d.header("民事调解书", d.case_number(year, "民初"))
    d.paragraphs.append(ex.party_block)
    d.labels["parties"] = [dict(p) for p in ex.parties]
    d.paragraphs.append(f"{_opening(d, ex, filed)}，依法适用简易程序进行审理。")
    d.labels["procedure"] = "simple"
    d.paragraphs.append(ex.body.split("经审理查明")[0].strip())
    amount = Decimal(d.rng.randrange(10_000, 300_000, 500))
    pay_by = decided + timedelta(days=d.rng.randint(10, 90))
    d.paragraphs += [
        "本案审理过程中，经本院主持调解，双方当事人自愿达成如下协议：",
        f"一、被告{defendants[0]}于{ar_date(pay_by)}前偿还原告{plaintiffs[0]}借款{amount}元；",
        f"二、原告{plaintiffs[0]}放弃其他诉讼请求。",
        "上述协议，不违反法律规定，本院予以确认。",
        "本调解书经双方当事人签收后，即具有法律效力。",
    ]
    d.tail(decided)
    d.labels["doc_kind"] = "mediation"


def loan_withdrawal(d: Draft, ex: LoanExcerpt, year: int) -> None:
    filed, _, decided = _dates(d, year)
    plaintiffs = _names(ex, "plaintiff")
    d.header("民事裁定书", d.case_number(year, "民初"))
    d.paragraphs.append(ex.party_block)
    d.labels["parties"] = [dict(p) for p in ex.parties]
    asked = decided - timedelta(days=d.rng.randint(1, 5))
    law = d.cite(CIVIL_PROCEDURE, [_withdrawal_article(year)])
    d.paragraphs += [
        f"{_opening(d, ex, filed)}，原告{plaintiffs[0]}于{ar_date(asked)}向本院提出撤诉申请。",
        f"本院认为，原告{plaintiffs[0]}的撤诉申请符合法律规定。依照{law}的规定，裁定如下：",
        f"准许原告{plaintiffs[0]}撤回起诉。",
        "案件受理费减半收取，由原告负担。",
    ]
    d.tail(decided)
    d.labels["doc_kind"] = "ruling"


def execution_termination(
    d: Draft, year: int, *, basis_year: int, basis_type: str, cause: str
) -> None:
    """终结本次执行程序 ruling; the executed judgment is cited (civil 民初 or criminal 刑初)."""
    applicant, respondent = d.names.person(), d.names.person()
    d.header("执行裁定书", d.case_number(year, "执"))
    d.party("申请执行人", "enforcement_applicant", applicant, "person", d.person_details())
    d.party("被执行人", "enforcement_respondent", respondent, "person", d.person_details())
    basis = d.cited_number(basis_year, basis_type, "executed_judgment")
    kind = "刑事判决" if basis_type.startswith("刑") else "民事判决"
    d.labels["cause"] = cause
    law = d.cite(CPL_INTERPRETATION, [519 if year < 2022 else 517],
                 short="最高人民法院关于适用<中华人民共和国民事诉讼法>的解释")  # fmt: skip
    decided = random_date(d.rng, date(year, 2, 1), date(year, 12, 20))
    d.paragraphs += [
        f"本院在执行申请执行人{applicant}与被执行人{respondent}{cause}一案中，执行依据为本院作出的{basis}{kind}。",
        "经查询被执行人名下的银行存款、车辆、不动产等财产，未发现可供执行的财产。",
        f"依照{law}的规定，裁定如下：",
        "终结本次执行程序。",
        "申请执行人发现被执行人有可供执行财产的，可以再次申请执行。",
        "本裁定送达后即发生法律效力。",
    ]
    d.tail(decided)
    d.labels["doc_kind"] = "ruling"
