"""Short court documents in real layouts, parsed into Analysis objects for archive tests.

Each builder fills a template written after real documents (民间借贷 first-instance judgment,
criminal judgment with 罚金, 终结本次执行程序 ruling, 执行结案通知, 减刑 ruling, 行政判决),
runs the real parser and per-document signals, and attaches the execution outcome the way the
pipeline will. Names are invented; no ID or phone numbers.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from assist.analysis import Analysis
from assist.extract.execution import pick_execution
from assist.pipeline import parse_document
from assist.signals import find_signals
from assist.text.normalize import make_text

_CN = "〇一二三四五六七八九"


def cn_date(iso: str) -> str:
    """2021-04-15 → 二〇二一年四月十五日 (the 落款 form)."""
    d = date.fromisoformat(iso)
    year = "".join(_CN[int(c)] for c in str(d.year))
    return f"{year}年{_cn_int(d.month)}月{_cn_int(d.day)}日"


def _cn_int(n: int) -> str:
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


def analyse(doc_id: str, raw: str) -> Analysis:
    t = make_text(raw)
    doc = parse_document(raw)
    doc = replace(doc, execution=pick_execution(t, doc))
    return Analysis(
        schema_version="1", id=doc_id, document=doc, domain=None, issues=None,
        recommendation=None, model=None, timing_ms=0.0, signals=find_signals(t, doc),
    )  # fmt: skip


def loan_suit(
    doc_id: str, number: str, plaintiff: str, defendant: str, filed: str, decided: str,
    *, court: str = "浙江省杭州市西湖区人民法院", agent: str | None = None,
    firm: str | None = None, cause: str = "民间借贷纠纷",
) -> tuple[str, str]:  # fmt: skip
    agent_line = f"委托诉讼代理人：{agent}，{firm}律师。\n" if agent else ""
    f = date.fromisoformat(filed)
    raw = (
        f"{court}\n民 事 判 决 书\n{number}\n"
        f"原告：{plaintiff}，男，1970年1月1日出生，汉族，住杭州市西湖区。\n{agent_line}"
        f"被告：{defendant}，男，1980年2月2日出生，汉族，住杭州市拱墅区。\n"
        f"原告{plaintiff}与被告{defendant}{cause}一案，本院于{f.year}年{f.month}月{f.day}日立案后，"
        "依法适用简易程序，公开开庭进行了审理。本案现已审理终结。\n"
        f"原告{plaintiff}向本院提出诉讼请求：判令被告归还借款本金50000元。\n"
        "本院认为，合法的借贷关系受法律保护。依照《中华人民共和国民法典》第六百七十五条之规定，判决如下：\n"
        f"被告{defendant}于本判决生效之日起十日内归还原告{plaintiff}借款本金50000元。\n"
        "如不服本判决，可在判决书送达之日起十五日内，向本院递交上诉状。\n"
        f"审判员　张华\n{cn_date(decided)}\n书记员　刘芳\n"
    )
    return doc_id, raw


def loan_appeal(
    doc_id: str, number: str, first_number: str, plaintiff: str, defendant: str, decided: str
) -> tuple[str, str]:
    raw = (
        f"浙江省杭州市中级人民法院\n民 事 判 决 书\n{number}\n"
        f"上诉人（原审被告）：{defendant}，男，1980年2月2日出生，汉族，住杭州市拱墅区。\n"
        f"被上诉人（原审原告）：{plaintiff}，男，1970年1月1日出生，汉族，住杭州市西湖区。\n"
        f"上诉人{defendant}因与被上诉人{plaintiff}民间借贷纠纷一案，不服浙江省杭州市西湖区人民法院"
        f"{first_number}民事判决，向本院提起上诉。本院依法组成合议庭进行了审理。\n"
        "本院认为，一审判决认定事实清楚，适用法律正确。依照《中华人民共和国民事诉讼法》第一百七十七条"
        "第一款第一项之规定，判决如下：\n驳回上诉，维持原判。\n本判决为终审判决。\n"
        f"审判长　王刚\n{cn_date(decided)}\n书记员　李娜\n"
    )
    return doc_id, raw


def criminal_judgment(
    doc_id: str, number: str, fines: list[tuple[str, str]], decided: str,
    *, court: str = "浙江省绍兴市越城区人民法院",
) -> tuple[str, str]:  # fmt: skip
    """fines: (person, 罚金 as written, e.g. 人民币五千元)."""
    people = "".join(f"被告人{p}，男，1985年5月5日出生，汉族，住绍兴市越城区。\n" for p, _ in fines)
    names = "、".join(p for p, _ in fines)
    items = "".join(
        f"{'一二三四五'[i]}、被告人{p}犯盗窃罪，判处有期徒刑一年，并处罚金{fine}。\n"
        for i, (p, fine) in enumerate(fines)
    )
    raw = (
        f"{court}\n刑 事 判 决 书\n{number}\n公诉机关绍兴市越城区人民检察院。\n{people}"
        f"绍兴市越城区人民检察院以越检刑诉（2020）300号起诉书指控被告人{names}犯盗窃罪，向本院提起公诉。\n"
        f"本院认为，被告人{names}以非法占有为目的，秘密窃取他人财物，数额较大，其行为均已构成盗窃罪。"
        "依照《中华人民共和国刑法》第二百六十四条之规定，判决如下：\n"
        f"{items}如不服本判决，可在接到判决书的第二日起十日内提出上诉。\n"
        f"审判员　周明\n{cn_date(decided)}\n书记员　吴丽\n"
    )
    return doc_id, raw


def execution_ruling(
    doc_id: str, number: str, executed_number: str, person: str, decided: str, account: str,
    *, terminated: bool = True, what: str = "刑事判决书罚金",
) -> tuple[str, str]:  # fmt: skip
    """account: the sentence stating the sums (本案已执行到位人民币1000元，尚有4000元未执行到位。)."""
    operative = "终结本次执行程序。\n申请执行人发现被执行人有可供执行财产的，可以再次申请执行。\n"
    if not terminated:
        operative = "冻结、划拨被执行人在金融机构的存款。\n"
    raw = (
        f"浙江省绍兴市越城区人民法院\n执 行 裁 定 书\n{number}\n"
        "申请执行人：绍兴市越城区人民法院刑事审判庭。\n"
        f"被执行人：{person}，男，1985年5月5日出生，汉族，住绍兴市越城区。\n"
        f"本院在执行{executed_number}{what}一案中，本院依法向被执行人送达了执行通知书，经网络查控，"
        f"被执行人名下无其他可供执行的财产。{account}"
        "依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条之规定，裁定如下：\n"
        f"{operative}本裁定送达后即发生法律效力。\n审判员　钱进\n{cn_date(decided)}\n书记员　郑红\n"
    )
    return doc_id, raw


def commutation_ruling(
    doc_id: str, number: str, judgment_number: str, person: str, decided: str, property_line: str
) -> tuple[str, str]:
    raw = (
        f"浙江省绍兴市中级人民法院\n刑 事 裁 定 书\n{number}\n"
        f"罪犯{person}，男，1988年8月8日出生，汉族，现在浙江省第一监狱服刑。\n"
        f"浙江省绍兴市越城区人民法院于2020年6月10日作出{judgment_number}刑事判决，以被告人{person}"
        "犯盗窃罪，判处有期徒刑一年，并处罚金人民币三千元。\n"
        "执行机关浙江省第一监狱于2021年1月5日提出减刑建议，报送本院审理。\n"
        f"经审理查明，罪犯{person}在服刑期间，认罪悔罪，遵守监规。{property_line}\n"
        f"本院认为，罪犯{person}确有悔改表现，依照《中华人民共和国刑法》第七十八条之规定，裁定如下：\n"
        f"对罪犯{person}减去有期徒刑一个月。\n本裁定送达后即发生法律效力。\n"
        f"审判长　冯刚\n{cn_date(decided)}\n书记员　陈静\n"
    )
    return doc_id, raw


def admin_judgment(
    doc_id: str, number: str, agency: str, decided: str, *, finding: str, plaintiff: str
) -> tuple[str, str]:
    """finding: the court's reasoning sentence (the defect, or none)."""
    raw = (
        f"浙江省杭州市西湖区人民法院\n行 政 判 决 书\n{number}\n"
        f"原告：{plaintiff}，住所地杭州市西湖区。\n被告：{agency}，住所地杭州市西湖区。\n"
        f"原告{plaintiff}不服被告{agency}作出的行政处罚决定，向本院提起行政诉讼。\n"
        f"本院认为，{finding}依照《中华人民共和国行政诉讼法》第七十条之规定，判决如下：\n"
        f"撤销被告{agency}作出的行政处罚决定。\n"
        f"审判员　何平\n{cn_date(decided)}\n书记员　林琳\n"
    )
    return doc_id, raw
