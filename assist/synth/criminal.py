"""Generated criminal documents around real CAIL2018 facts: judgment with property penalties,
减刑 ruling citing the original judgment, and the procuratorate's 起诉书."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from assist.synth.draft import Draft
from assist.synth.pools import ar_date, cn_small, random_date

CRIMINAL_LAW = "中华人民共和国刑法"


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


def _defendant(d: Draft, name: str, arrested: date) -> None:
    c = d.comma()
    d.party("被告人", "accused", name, "person",
            f"{d.person_details()[:-1]}{c}因本案于{ar_date(arrested)}被刑事拘留。")  # fmt: skip
    lawyer = d.names.person()
    firm = d.names.firm(d.place)
    d.paragraphs.append(f"辩护人{lawyer}{c}{firm}律师。")
    d.labels["parties"][-1]["agents"].append({"name": lawyer, "kind": "lawyer", "firm": firm})


def criminal_judgment(d: Draft, row: dict[str, Any], year: int) -> None:
    name = row["criminals"][0]
    crime = crime_name(row)
    fine = _fine(row)
    months = max(1, int(row.get("imprisonment") or 6))
    filed = random_date(d.rng, date(year, 1, 5), date(year, 10, 30))
    decided = filed + timedelta(days=d.rng.randint(10, 60))
    d.header("刑事判决书", d.case_number(year, "刑初"))
    d.paragraphs.append(f"公诉机关{d.place.procuratorate}。")
    d.labels["parties"].append(
        {
            "name": d.place.procuratorate,
            "role": "prosecutor",
            "kind": "procuratorate",
            "prior_role": None,
            "agents": [],
        }
    )
    _defendant(d, name, filed - timedelta(days=d.rng.randint(20, 90)))
    simple = d.rng.random() < 0.5
    d.labels.update(
        {"cause": crime, "procedure": "simple" if simple else "ordinary", "doc_kind": "judgment"}
    )
    d.labels["dates"]["filed"] = filed.isoformat()
    how = "依法适用简易程序，实行独任审判" if simple else "依法组成合议庭"
    d.paragraphs.append(
        f"{d.place.procuratorate}指控被告人{name}犯{crime}，于{ar_date(filed)}向本院提起公诉。"
        f"本院受理后，{how}，公开开庭审理了本案。本案现已审理终结。"
    )
    d.paragraphs.append(row["fact"])
    articles = sorted(
        {int(a) for a in row.get("relevant_articles") or []} | ({52, 53} if fine else set())
    )
    law = d.cite(CRIMINAL_LAW, articles)
    d.paragraphs.append(f"本院认为，被告人{name}的行为已构成{crime}。依照{law}之规定，判决如下：")
    sentence = f"被告人{name}犯{crime}，判处{term_text(months)}"
    if fine is not None:
        sentence += f"，并处罚金人民币{fine:.0f}元"
        d.labels["penalties"].append({"person": name, "kind": "fine", "amount": f"{fine:.2f}"})
    d.paragraphs.append(sentence + "。")
    if fine is not None:
        d.paragraphs.append("（罚金于本判决生效后十日内缴纳。）")
    d.paragraphs.append(
        f"如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向{d.place.intermediate_court}提出上诉。"
    )
    d.tail(decided, judges=1 if simple else 3)


def commutation_ruling(d: Draft, row: dict[str, Any], year: int, *, paid: bool) -> None:
    """减刑 ruling: cites the original judgment (with its fine); imposes no property penalty."""
    name = row["criminals"][0]
    crime = crime_name(row)
    fine = _fine(row) or Decimal("5000.00")
    d.level = "intermediate"
    d.header("刑事裁定书", d.case_number(year, "刑更"))
    prison = f"{d.place.province}{d.place.city.removesuffix('市')}监狱"
    d.party("罪犯", "convict", name, "person", f"{d.person_details()[:-1]}，现在{prison}服刑。")
    original_year = year - d.rng.randint(2, 5)
    original = d.cited_number(original_year, "刑初", "original_judgment")
    d.labels.update({"cause": crime, "doc_kind": "ruling"})
    state = "已全部履行" if paid else "尚未履行"
    law = d.cite(CRIMINAL_LAW, [78, 79])
    decided = random_date(d.rng, date(year, 3, 1), date(year, 12, 20))
    proposed = decided - timedelta(days=40)
    d.labels["procedure"] = "ordinary"  # 组成合议庭
    d.labels["dates"]["filed"] = (
        proposed.isoformat()
    )  # the proposal reaching the court opens the case
    d.paragraphs += [
        f"{d.place.basic_court}于{original_year}年{d.rng.randint(1, 12)}月{d.rng.randint(1, 28)}日作出{original}刑事判决，"
        f"以被告人{name}犯{crime}，判处有期徒刑{cn_small(d.rng.randint(3, 10))}年，并处罚金人民币{fine:.0f}元。判决发生法律效力后交付执行。",
        f"执行机关{prison}于{ar_date(proposed)}提出减刑建议，报送本院审理。本院依法组成合议庭进行了审理。",
        f"经审理查明，罪犯{name}在服刑期间，确有悔改表现。原判财产性判项罚金人民币{fine:.0f}元{state}。",
        f"本院认为，罪犯{name}确有悔改表现，符合减刑条件。依照{law}之规定，裁定如下：",
        f"对罪犯{name}减去有期徒刑{cn_small(d.rng.randint(3, 11))}个月。",
        "本裁定送达后即发生法律效力。",
    ]
    d.tail(decided, judges=3)


def indictment(d: Draft, row: dict[str, Any], year: int) -> None:
    """起诉书: issued by the procuratorate; its 文号 is not a court case number."""
    name = row["criminals"][0]
    crime = crime_name(row)
    issuer = d.place.procuratorate
    d.labels.update({"court": issuer, "title": "起诉书", "doc_kind": "indictment", "cause": crime})
    number = d.instrument_number(f"{d.place.county[0]}检刑诉", year)
    d.paragraphs += [issuer, d.layout.heading("起诉书"), number]
    d.party("被告人", "accused", name, "person", d.person_details())
    decided = random_date(d.rng, date(year, 1, 10), date(year, 12, 20))
    law = d.cite(CRIMINAL_LAW, sorted({int(a) for a in row.get("relevant_articles") or []}))
    d.paragraphs += [
        f"本案由{d.place.county}公安局侦查终结，以被告人{name}涉嫌{crime}，移送本院审查起诉。",
        "经依法审查查明：",
        row["fact"],
        f"本院认为，被告人{name}的行为触犯了{law}，犯罪事实清楚，证据确实、充分，应当以{crime}追究其刑事责任。"
        f"根据《中华人民共和国刑事诉讼法》第一百七十六条的规定，提起公诉，请依法判处。",
        "此致",
        d.place.basic_court,
        "检察员  " + d.names.person(),
    ]
    d.labels["statutes"].append({"law": "中华人民共和国刑事诉讼法", "article_no": 176})
    d.paragraphs.append(f"{decided.year}年{decided.month}月{decided.day}日")
    d.labels["dates"]["decided"] = decided.isoformat()
