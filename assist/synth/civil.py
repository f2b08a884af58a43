"""Generated civil documents around real 民间借贷 excerpts: judgment, mediation, withdrawal,
and the execution ruling that closes a case by 终结本次执行程序.

Without a ``cast`` a loan document keeps the excerpt's own party block; with one (archives) the
parties are renamed everywhere in the excerpt and the party block is written afresh, so that
an archive can fix who sues whom and no name repeats by chance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache

from assist.synth.draft import Draft, Party
from assist.synth.excerpts import LoanExcerpt
from assist.synth.pools import ar_date, random_date

CIVIL_PROCEDURE = "中华人民共和国民事诉讼法"
CPL_INTERPRETATION = "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释"
BACKGROUND_MASKED = 0.08  # share of masked names (王某) among an archive's background parties
# The excerpt shows the defendant appearing or defending (未作答辩 / 未到庭 do not count).
_DEFENDED = re.compile(r"辩称|答辩称|答辩意见|(?<![未不拒])到庭参加|(?<![未不拒])出庭|质证")


@dataclass(frozen=True, slots=True)
class LoanCast:
    """Who a 民间借贷 suit is between (archives): the excerpt's parties renamed.

    ``defendants`` fixes the first defendants; the excerpt's other defendants get fresh names.
    ``absent``: the defendant did not appear (缺席); ``publication``: summons by 公告送达."""

    plaintiff: Party
    defendants: tuple[Party, ...] = ()
    absent: bool = False
    publication: bool = False


def random_cast(d: Draft, *, masked: float = BACKGROUND_MASKED) -> LoanCast:
    """An archive's background suit: fresh parties, sometimes absent or served by publication."""
    if d.rng.random() < 0.06:
        plaintiff = Party(d.names.party_company(d.place), "organization")
    else:
        plaintiff = Party(d.names.party(masked))
    absent = d.rng.random() < 0.25
    return LoanCast(plaintiff, absent=absent, publication=absent and d.rng.random() < 0.4)


def _names(ex: LoanExcerpt, role: str) -> list[str]:
    return [p["name"] for p in ex.parties if p["role"] == role]


def _late_interest_article(year: int) -> int:
    """加倍支付迟延履行期间的债务利息: 民事诉讼法 article by version in force."""
    return 253 if year < 2022 else 260 if year < 2024 else 264


def _withdrawal_article(year: int) -> int:
    return 145 if year < 2022 else 148


@cache
def _name_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Old names, longest first; not inside a longer masked name (张X in 张XX, 李某1 in 李某12)."""
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(f"(?:{alts})(?![0-9X×x某*＊])")


def _write_party(d: Draft, label: str, role: str, party: Party, old_agents: int) -> None:
    details = d.org_details() if party.kind != "person" else d.person_details(party.name)
    d.party(label, role, party.name, party.kind, details)
    agents = party.agents
    if agents is None:
        agents = tuple(d.random_agent() for _ in range(old_agents))
    for agent in agents:
        d.labels["parties"][-1]["agents"].append(d.agent(label, agent))


def _recast(d: Draft, ex: LoanExcerpt, cast: LoanCast) -> str:
    """Write a fresh party block for ``cast``; return the excerpt's body with names replaced."""
    mapping: dict[str, str] = {}
    fixed = [cast.plaintiff, *cast.defendants]
    for name in (cast.plaintiff.name, *(p.name for p in cast.defendants)):
        d.names.used.add(name)
    defendant_no = 0
    for old in ex.parties:
        if old["role"] == "plaintiff":
            party = cast.plaintiff
        else:
            defendant_no += 1
            if defendant_no < len(fixed):
                party = fixed[defendant_no]
            else:
                party = Party(d.names.party(BACKGROUND_MASKED))
        label = "原告" if old["role"] == "plaintiff" else "被告"
        _write_party(d, label, old["role"], party, len(old["agents"]))
        mapping[old["name"]] = party.name
        new_agents = d.labels["parties"][-1]["agents"]
        for i, agent in enumerate(old["agents"]):
            mapping[agent["name"]] = new_agents[i]["name"] if i < len(new_agents) else "代理人"
    pattern = _name_pattern(tuple(mapping))
    return pattern.sub(lambda m: mapping[m.group()], ex.body)


def _block(d: Draft, ex: LoanExcerpt, cast: LoanCast | None) -> tuple[list[str], list[str], str]:
    """The party block (the excerpt's own, or recast); (plaintiffs, defendants, body)."""
    if cast is None:
        d.paragraphs.append(ex.party_block)
        d.labels["parties"] = [dict(p) for p in ex.parties]
        body = ex.body
    else:
        body = _recast(d, ex, cast)
    d.labels["signals_exhaustive"] = False  # a real excerpt may carry signals of its own
    body = d.excerpt(body)
    named = d.labels["parties"]
    return (
        [p["name"] for p in named if p["role"] == "plaintiff"],
        [p["name"] for p in named if p["role"] == "defendant"],
        body,
    )


def _dates(d: Draft, year: int, when: tuple[date, date] | None) -> tuple[date, date, date]:
    """(filed, hearing, decided): random in ``year``, or between the fixed filed and decided."""
    if when is not None:
        filed, decided = when
        hearing = filed + timedelta(days=d.rng.randint(1, max(1, (decided - filed).days - 1)))
        return filed, hearing, decided
    filed = random_date(d.rng, date(year, 1, 5), date(year, 9, 30))
    hearing = filed + timedelta(days=d.rng.randint(15, 60))
    decided = hearing + timedelta(days=d.rng.randint(1, 30))
    return filed, hearing, decided


def _opening(d: Draft, plaintiffs: list[str], defendants: list[str], filed: date) -> str:
    d.labels["cause"] = "民间借贷纠纷"
    d.labels["dates"]["filed"] = filed.isoformat()
    return (
        f"原告{'、'.join(plaintiffs)}与被告{'、'.join(defendants)}民间借贷纠纷一案，"
        f"本院于{ar_date(filed)}立案后"
    )


def _absence(d: Draft, cast: LoanCast | None, body: str, defendant: str) -> tuple[str, str]:
    """(service sentence, appearance sentence) of a defendant who did not appear, or ('', '')."""
    if cast is None or not cast.absent or _DEFENDED.search(body):
        return "", ""
    d.signal("default_judgment")
    served = ""
    if cast.publication:
        d.signal("service_by_publication")
        served = (
            f"因被告{defendant}下落不明，本院依法向其公告送达起诉状副本、应诉通知书及开庭传票，"
        )
    absent = f"被告{defendant}经本院合法传唤，无正当理由拒不到庭参加诉讼，本院依法缺席审理。"
    return served, absent


def loan_judgment(
    d: Draft,
    ex: LoanExcerpt,
    year: int,
    *,
    cast: LoanCast | None = None,
    when: tuple[date, date] | None = None,
) -> None:
    filed, hearing, decided = _dates(d, year, when)
    d.header("民事判决书", d.case_number(filed.year, "民初"))
    plaintiffs, defendants, body = _block(d, ex, cast)
    served, absent = _absence(d, cast, body, defendants[0])
    simple = not served and d.rng.random() < 0.6  # no 简易程序 with 公告送达
    d.labels["procedure"] = "simple" if simple else "ordinary"
    d.labels["dates"]["hearing"] = hearing.isoformat()
    how = "依法适用简易程序" if simple else "依法组成合议庭，适用普通程序"
    d.paragraphs.append(
        f"{_opening(d, plaintiffs, defendants, filed)}，{how}，{served}于{ar_date(hearing)}公开开庭进行了审理。"
        f"{absent}本案现已审理终结。"
    )
    d.paragraphs.append(body)
    principal = Decimal(d.rng.randrange(10_000, 500_000, 1000))
    law = (
        d.cite("中华人民共和国合同法", [206, 207])
        if decided.year < 2021
        else d.cite("中华人民共和国民法典", [667, 675])
    )
    d.paragraphs.append(f"本院认为，合法的借贷关系受法律保护。依照{law}的规定，判决如下：")
    late = d.cite(CIVIL_PROCEDURE, [_late_interest_article(decided.year)])
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


def loan_mediation(
    d: Draft,
    ex: LoanExcerpt,
    year: int,
    *,
    cast: LoanCast | None = None,
    when: tuple[date, date] | None = None,
) -> None:
    filed, _, decided = _dates(d, year, when)
    d.header("民事调解书", d.case_number(filed.year, "民初"))
    plaintiffs, defendants, body = _block(d, ex, cast)
    d.paragraphs.append(f"{_opening(d, plaintiffs, defendants, filed)}，依法适用简易程序进行审理。")
    d.labels["procedure"] = "simple"
    d.paragraphs.append(body.split("经审理查明")[0].strip())
    amount = Decimal(d.rng.randrange(10_000, 300_000, 500))
    pay_by = decided + timedelta(days=d.rng.randint(10, 90))
    d.paragraphs += [
        "本案审理过程中，经本院主持调解，双方当事人自愿达成如下协议：",
        f"一、被告{defendants[0]}于{ar_date(pay_by)}前偿还原告{plaintiffs[0]}借款{amount}元；",
        f"二、原告{plaintiffs[0]}放弃其他诉讼请求。",
        "上述协议，不违反法律规定，本院予以确认。",
        "本调解书经双方当事人签收后，即具有法律效力。",
    ]
    d.signal("mediation")
    d.tail(decided)
    d.labels["doc_kind"] = "mediation"


def loan_withdrawal(
    d: Draft,
    ex: LoanExcerpt,
    year: int,
    *,
    cast: LoanCast | None = None,
    when: tuple[date, date] | None = None,
) -> None:
    filed, _, decided = _dates(d, year, when)
    d.header("民事裁定书", d.case_number(filed.year, "民初"))
    plaintiffs, defendants, _ = _block(d, ex, cast)
    asked = max(filed, decided - timedelta(days=d.rng.randint(1, 5)))
    law = d.cite(CIVIL_PROCEDURE, [_withdrawal_article(decided.year)])
    d.paragraphs += [
        f"{_opening(d, plaintiffs, defendants, filed)}，原告{plaintiffs[0]}于{ar_date(asked)}向本院提出撤诉申请。",
        f"本院认为，原告{plaintiffs[0]}的撤诉申请符合法律规定。依照{law}的规定，裁定如下：",
        f"准许原告{plaintiffs[0]}撤回起诉。",
        "案件受理费减半收取，由原告负担。",
    ]
    d.signal("withdrawal")
    d.tail(decided)
    d.labels["doc_kind"] = "ruling"


@dataclass(frozen=True, slots=True)
class CivilExecution:
    """What a civil execution fixes in advance (archives): the parties, the judgment executed
    (its normalised number, or a seq for one outside the archive) and the sums."""

    applicant: Party
    respondent: Party
    basis: str | None = None
    basis_seq: int | None = None
    owed: Decimal | None = None
    executed: Decimal | None = None


def execution_termination(
    d: Draft,
    year: int,
    *,
    basis_year: int,
    basis_type: str,
    cause: str,
    fixed: CivilExecution | None = None,
    when: tuple[date, date] | None = None,
) -> None:
    """终结本次执行程序 ruling; the executed judgment is cited (civil 民初 or criminal 刑初)."""
    applicant = fixed.applicant if fixed else Party(d.names.party(BACKGROUND_MASKED))
    respondent = fixed.respondent if fixed else Party(d.names.party(BACKGROUND_MASKED))
    if when is None:
        decided = random_date(d.rng, date(year, 2, 1), date(year, 12, 20))
        filed = decided - timedelta(days=d.rng.randint(30, 300))
    else:
        filed, decided = when
    d.header("执行裁定书", d.case_number(filed.year, "执"))
    d.party(
        "申请执行人",
        "enforcement_applicant",
        applicant.name,
        "person",
        d.person_details(applicant.name),
    )
    d.party(
        "被执行人",
        "enforcement_respondent",
        respondent.name,
        "person",
        d.person_details(respondent.name),
    )
    basis = d.cited_number(
        basis_year,
        basis_type,
        "executed_judgment",
        seq=fixed.basis_seq if fixed else None,
        normalized=fixed.basis if fixed else None,
    )
    kind = "刑事判决" if basis_type.startswith("刑") else "民事判决"
    d.labels["cause"] = cause
    d.labels["dates"]["filed"] = filed.isoformat()
    owed = (fixed.owed if fixed else None) or Decimal(d.rng.randrange(10_000, 400_000, 100))
    executed = fixed.executed if fixed and fixed.executed is not None else Decimal(0)
    law = d.cite(CPL_INTERPRETATION, [519 if decided.year < 2022 else 517],
                 short="最高人民法院关于适用<中华人民共和国民事诉讼法>的解释")  # fmt: skip
    got = f"已执行到位人民币{executed:.0f}元，" if executed else "未执行到位任何款项，"
    d.execution(True, executed or None, owed - executed)
    d.paragraphs += [
        f"本院在执行申请执行人{applicant.name}与被执行人{respondent.name}{cause}一案中，执行依据为本院作出的{basis}{kind}。"
        f"本院于{ar_date(filed)}立案执行。",
        f"本案执行标的为人民币{owed:.0f}元，{got}尚欠{owed - executed:.0f}元未执行。"
        "经查询被执行人名下的银行存款、车辆、不动产等财产，未发现可供执行的财产。",
        f"依照{law}的规定，裁定如下：",
        "终结本次执行程序。",
        "申请执行人发现被执行人有可供执行财产的，可以再次申请执行。",
        "本裁定送达后即发生法律效力。",
    ]
    d.tail(decided)
    d.labels["doc_kind"] = "ruling"
