"""Generated criminal documents around real CAIL2018 facts: judgment with property penalties,
the execution documents of its 罚金 (执行完毕, partial, 终结本次执行程序), the 减刑 ruling citing
it, and the procuratorate's 起诉书."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from assist.synth.draft import Draft
from assist.synth.pools import ar_date, cn_date, cn_small, random_date

CRIMINAL_LAW = "中华人民共和国刑法"
CRIMINAL_PROCEDURE = "中华人民共和国刑事诉讼法"
CPL_INTERPRETATION = "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释"


@dataclass(frozen=True, slots=True)
class Accused:
    """A defendant fixed in advance (archives): name, 罚金 (None: none) and prison term."""

    name: str
    fine: Decimal | None
    months: int


@dataclass(frozen=True, slots=True)
class Judgment:
    """The criminal judgment an execution or 减刑 document cites: what it says about one person."""

    normalized: str
    decided: date
    crime: str
    person: str
    fine: Decimal
    months: int


def term_text(months: int) -> str:
    years, rest = divmod(months, 12)
    if years and rest:
        return f"有期徒刑{cn_small(years)}年{cn_small(rest)}个月"
    return f"有期徒刑{cn_small(years)}年" if years else f"有期徒刑{cn_small(max(rest, 1))}个月"


def crime_name(row: dict[str, Any]) -> str:
    """CAIL2018 writes alternatives in brackets ([制造、贩卖、传播]淫秽物品): drop the brackets."""
    return str(row["accusation"][0]).replace("[", "").replace("]", "") + "罪"


def _fine(row: dict[str, Any]) -> Decimal | None:
    money = row.get("punish_of_money") or 0
    return Decimal(money).quantize(Decimal("0.01")) if money else None


@cache
def _name_pattern(name: str) -> re.Pattern[str]:
    """The criminal's name, not inside a longer masked name (张X in 张XX)."""
    return re.compile(re.escape(name) + r"(?![0-9X×x某*＊])")


def _defendant(d: Draft, name: str, arrested: date) -> None:
    c = d.comma()
    d.party("被告人", "accused", name, "person",
            f"{d.person_details(name)[:-1]}{c}因本案于{ar_date(arrested)}被刑事拘留。")  # fmt: skip
    lawyer = d.names.party()
    firm = d.names.firm(d.place)
    d.paragraphs.append(f"辩护人{lawyer}{c}{firm}律师。")
    d.labels["parties"][-1]["agents"].append({"name": lawyer, "kind": "lawyer", "firm": firm})


def criminal_judgment(
    d: Draft,
    row: dict[str, Any],
    year: int,
    *,
    accused: tuple[Accused, ...] | None = None,
    when: tuple[date, date] | None = None,
    extra_property: bool = False,
) -> None:
    """刑事判决书 around a real fact; ``accused`` renames its criminal (and may add a second);
    ``extra_property`` adds a confiscation or a recovery/restitution order (labelled)."""
    old = row["criminals"][0]
    if accused is None:
        accused = (Accused(old, _fine(row), max(1, int(row.get("imprisonment") or 6))),)
    fact = d.excerpt(_name_pattern(old).sub(accused[0].name, row["fact"]))
    crime = crime_name(row)
    if when is None:
        filed = random_date(d.rng, date(year, 1, 5), date(year, 10, 30))
        decided = filed + timedelta(days=d.rng.randint(10, 60))
    else:
        filed, decided = when
    names = "、".join(a.name for a in accused)
    d.header("刑事判决书", d.case_number(filed.year, "刑初"))
    d.paragraphs.append(f"公诉机关{d.place.procuratorate}。")
    d.labels["parties"].append(
        {"name": d.place.procuratorate, "role": "prosecutor", "kind": "procuratorate",
         "prior_role": None, "agents": []}
    )  # fmt: skip
    for a in accused:
        d.names.used.add(a.name)
        _defendant(d, a.name, filed - timedelta(days=d.rng.randint(20, 90)))
    simple = len(accused) == 1 and d.rng.random() < 0.5
    d.labels.update(
        {"cause": crime, "procedure": "simple" if simple else "ordinary", "doc_kind": "judgment",
         "signals_exhaustive": False}
    )  # fmt: skip
    d.labels["dates"]["filed"] = filed.isoformat()
    how = "依法适用简易程序，实行独任审判" if simple else "依法组成合议庭"
    d.paragraphs.append(
        f"{d.place.procuratorate}指控被告人{names}犯{crime}，于{ar_date(filed)}向本院提起公诉。"
        f"本院受理后，{how}，公开开庭审理了本案。本案现已审理终结。"
    )
    d.paragraphs.append(fact)
    for a in accused[1:]:
        d.paragraphs.append(
            f"另查明，被告人{a.name}明知被告人{accused[0].name}实施上述行为，仍积极参与，系从犯。"
        )
    fined = [a for a in accused if a.fine is not None]
    articles = sorted(
        {int(a) for a in row.get("relevant_articles") or []} | ({52, 53} if fined else set())
    )
    law = d.cite(CRIMINAL_LAW, articles)
    d.paragraphs.append(f"本院认为，被告人{names}的行为已构成{crime}。依照{law}之规定，判决如下：")
    for i, a in enumerate(accused):
        sentence = f"被告人{a.name}犯{crime}，判处{term_text(a.months)}"
        if a.fine is not None:
            sentence += f"，并处罚金人民币{a.fine:.0f}元"
            d.labels["penalties"].append(
                {"person": a.name, "kind": "fine", "amount": f"{a.fine:.2f}"}
            )
            d.signal("fine_imposed")
        if extra_property and i == 0:
            sentence += _confiscation(d, a.name)
        prefix = f"{cn_small(i + 1)}、" if len(accused) > 1 else ""
        d.paragraphs.append(prefix + sentence + "。")
    if extra_property:
        d.paragraphs.append(_recovery(d, accused[0].name, len(accused) + 1))
    if fined:
        d.paragraphs.append("（罚金于本判决生效后十日内缴纳。）")
    d.paragraphs.append(
        f"如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向{d.place.intermediate_court}提出上诉。"
    )
    d.tail(decided, judges=1 if simple else 3)


def _confiscation(d: Draft, person: str) -> str:
    """，并处没收个人（全部）财产…: a confiscation in the operative part, labelled."""
    if d.rng.random() < 0.3:
        d.labels["penalties"].append({"person": person, "kind": "confiscation_all", "amount": None})
        d.signal("confiscation_imposed")
        return "，并处没收个人全部财产"
    amount = Decimal(d.rng.randrange(5_000, 200_000, 1000))
    d.labels["penalties"].append(
        {"person": person, "kind": "confiscation_part", "amount": f"{amount:.2f}"}
    )
    d.signal("confiscation_imposed")
    return f"，并处没收个人财产人民币{amount}元"


def _recovery(d: Draft, person: str, item: int) -> str:
    """追缴违法所得 / 责令退赔: a separate item of the operative part, labelled."""
    amount = Decimal(d.rng.randrange(2_000, 90_000, 500))
    d.signal("recovery_ordered")
    if d.rng.random() < 0.5:
        d.labels["penalties"].append(
            {"person": person, "kind": "recovery", "amount": f"{amount:.2f}"}
        )
        return f"{cn_small(item)}、追缴被告人{person}的违法所得人民币{amount}元，予以没收。"
    d.labels["penalties"].append(
        {"person": person, "kind": "restitution", "amount": f"{amount:.2f}"}
    )
    return f"{cn_small(item)}、责令被告人{person}退赔被害人经济损失人民币{amount}元。"


def _procedure_article(decided: date) -> int:
    """罚金 强制缴纳: 刑事诉讼法 第二百六十条 (2012), 第二百七十一条 (2018-10-26 on)."""
    return 271 if decided >= date(2018, 10, 26) else 260


def property_execution(
    d: Draft, judgment: Judgment, *, outcome: str, executed: Decimal, when: tuple[date, date]
) -> None:
    """The execution of one person's 罚金: ``outcome`` full (结案通知书, 执行完毕), partial
    (扣划 ruling stating 执行到位X元) or terminated (终结本次执行程序 with 尚欠X元未执行)."""
    filed, decided = when
    j, fine = judgment, judgment.fine
    notice = outcome == "full"
    heading = "结案通知书" if notice else "执行裁定书"
    d.header(heading, d.case_number(filed.year, "执"))
    d.names.used.add(j.person)
    d.party("被执行人", "enforcement_respondent", j.person, "person", d.person_details(j.person))
    cited = d.cited_number(j.decided.year, "刑初", "executed_judgment", normalized=j.normalized)
    transfer = j.decided + timedelta(days=d.rng.randint(15, max(16, (filed - j.decided).days - 1)))
    d.labels.update({"cause": j.crime, "doc_kind": "notice" if notice else "ruling",
                     "signals_exhaustive": False})  # the crime named may be a §2.4 charge  # fmt: skip
    d.labels["dates"]["filed"] = filed.isoformat()
    d.paragraphs.append(
        f"本院于{ar_date(j.decided)}作出的{cited}刑事判决已发生法律效力，该判决以被告人{j.person}犯{j.crime}，"
        f"判处{term_text(j.months)}，并处罚金人民币{fine:.0f}元。因被执行人未自动履行，本院刑事审判庭于"
        f"{ar_date(transfer)}移送执行，本院于{ar_date(filed)}立案执行，执行依据为{d.court}{cited}刑事判决。"
    )
    if outcome == "full":
        d.paragraphs += [
            f"本案执行标的为罚金人民币{fine:.0f}元，已执行到位人民币{fine:.0f}元，本案执行完毕。",
            "特此通知。",
            cn_date(decided),
        ]
        d.labels["dates"]["decided"] = decided.isoformat()
        d.execution(False, fine, 0)
        return
    if outcome == "partial":
        law = d.cite(CRIMINAL_PROCEDURE, [_procedure_article(decided)])
        d.paragraphs += [
            f"本院在执行中查明被执行人{j.person}在银行有存款，已扣划其存款，执行到位罚金人民币{executed:.0f}元。",
            f"依照{law}的规定，裁定如下：",
            f"扣划被执行人{j.person}银行存款人民币{executed:.0f}元，上缴国库。",
            "本裁定立即执行。",
        ]
        d.execution(False, executed, None)
    else:
        got = f"已执行到位人民币{executed:.0f}元" if executed else "未执行到位任何款项"
        law = d.cite(CPL_INTERPRETATION, [519 if decided.year < 2022 else 517],
                     short="最高人民法院关于适用<中华人民共和国民事诉讼法>的解释")  # fmt: skip
        d.paragraphs += [
            f"本案执行标的为罚金人民币{fine:.0f}元，{got}，尚欠{fine - executed:.0f}元未执行。"
            "经查询被执行人名下的银行存款、车辆、不动产等财产，被执行人暂无可供执行的财产。",
            f"依照{law}的规定，裁定如下：",
            "终结本次执行程序。",
            "本裁定送达后即发生法律效力。",
        ]
        d.execution(True, executed or None, fine - executed)
    d.tail(decided)


def commutation_ruling(
    d: Draft,
    row: dict[str, Any],
    year: int,
    *,
    paid: bool,
    original: Judgment | None = None,
    when: tuple[date, date] | None = None,
) -> None:
    """减刑 ruling: cites the original judgment (with its fine); imposes no property penalty.
    Without ``original`` it cites a judgment of this place's basic court a few years before."""
    d.level = "intermediate"
    if when is None:
        decided = random_date(d.rng, date(year, 3, 1), date(year, 12, 20))
        proposed = decided - timedelta(days=40)
    else:
        proposed, decided = when
    if original is None:
        name, crime = row["criminals"][0], crime_name(row)
        fine, months = _fine(row) or Decimal("5000.00"), 12 * d.rng.randint(3, 10)
        original_date = date(year - d.rng.randint(2, 5), d.rng.randint(1, 12), d.rng.randint(1, 28))
        cited = d.cited_number(original_date.year, "刑初", "original_judgment")
    else:  # the judgment is fixed: in the archive, or outside it with a number of its own
        name, crime, fine, months = original.person, original.crime, original.fine, original.months
        original_date = original.decided
        cited = d.cited_number(
            original_date.year, "刑初", "original_judgment", normalized=original.normalized
        )
    d.names.used.add(name)
    d.header("刑事裁定书", d.case_number(proposed.year, "刑更"))
    prison = f"{d.place.province}{d.place.city.removesuffix('市')}监狱"
    d.party("罪犯", "convict", name, "person", f"{d.person_details(name)[:-1]}，现在{prison}服刑。")
    d.labels.update({"cause": crime, "doc_kind": "ruling", "signals_exhaustive": False})
    state = "已全部履行" if paid else "尚未履行"
    d.execution(False, fine if paid else None, 0 if paid else fine)
    if not paid:
        d.signal("commutation_unpaid")
    law = d.cite(CRIMINAL_LAW, [78, 79])
    d.labels["procedure"] = "ordinary"  # 组成合议庭
    d.labels["dates"]["filed"] = proposed.isoformat()  # the proposal reaching the court opens it
    d.paragraphs += [
        f"{d.place.basic_court}于{ar_date(original_date)}作出{cited}刑事判决，"
        f"以被告人{name}犯{crime}，判处{term_text(months)}，并处罚金人民币{fine:.0f}元。判决发生法律效力后交付执行。",
        f"执行机关{prison}于{ar_date(proposed)}提出减刑建议，报送本院审理。本院依法组成合议庭进行了审理。",
        f"经审理查明，罪犯{name}在服刑期间，确有悔改表现。原判财产性判项罚金人民币{fine:.0f}元{state}。",
        f"本院认为，罪犯{name}确有悔改表现，符合减刑条件。依照{law}之规定，裁定如下：",
        f"对罪犯{name}减去有期徒刑{cn_small(d.rng.randint(3, 11))}个月。",
        "本裁定送达后即发生法律效力。",
    ]
    d.tail(decided, judges=3)


def indictment(
    d: Draft, row: dict[str, Any], year: int, *, accused: str | None = None, on: date | None = None
) -> None:
    """起诉书: issued by the procuratorate; its 文号 is not a court case number."""
    old = row["criminals"][0]
    name = accused or old
    crime = crime_name(row)
    issuer = d.place.procuratorate
    decided = on or random_date(d.rng, date(year, 1, 10), date(year, 12, 20))
    d.labels.update({"court": issuer, "title": "起诉书", "doc_kind": "indictment", "cause": crime,
                     "signals_exhaustive": False})  # fmt: skip
    d.labels["unlabelled"].append("procedure")  # the court's, in the facts recited, is not its own
    number = d.instrument_number(f"{d.place.county[0]}检刑诉", decided.year)
    d.paragraphs += [issuer, d.layout.heading("起诉书"), number]
    d.party("被告人", "accused", name, "person", d.person_details(name))
    law = d.cite(CRIMINAL_LAW, sorted({int(a) for a in row.get("relevant_articles") or []}))
    d.paragraphs += [
        f"本案由{d.place.county}公安局侦查终结，以被告人{name}涉嫌{crime}，移送本院审查起诉。",
        "经依法审查查明：",
        d.excerpt(_name_pattern(old).sub(name, row["fact"])),
        f"本院认为，被告人{name}的行为触犯了{law}，犯罪事实清楚，证据确实、充分，应当以{crime}追究其刑事责任。"
        f"根据《中华人民共和国刑事诉讼法》第一百七十六条的规定，提起公诉，请依法判处。",
        "此致",
        d.place.basic_court,
        "检察员  " + d.names.person(),
    ]
    d.labels["statutes"].append({"law": CRIMINAL_PROCEDURE, "article_no": 176})
    d.paragraphs.append(f"{decided.year}年{decided.month}月{decided.day}日")
    d.labels["dates"]["decided"] = decided.isoformat()
