"""Penalties: crime names that hold a keyword, notes on a sum, totals, 分别 lists, hard wraps."""

from __future__ import annotations

import pytest

from assist.extract.penalties import find_penalties
from assist.text.normalize import make_text

Row = tuple[str | None, str, str | None]


def _rows(text: str) -> list[Row]:
    return [
        (p.person, p.kind, None if p.amount is None else str(p.amount))
        for p in find_penalties(make_text(text))
    ]


@pytest.mark.parametrize(
    "crime",
    ["掩饰、隐瞒犯罪所得罪", "掩饰、隐瞒犯罪所得、犯罪所得收益罪", "逃避追缴欠税罪"],
)
def test_a_keyword_inside_a_crime_name_orders_nothing(crime: str) -> None:
    text = (
        f"判决如下：一、被告人蔡某某犯{crime}，判处拘役四个月，缓刑六个月，并处罚金人民币壹仟伍佰元。"
        "（缓刑考验期限，从判决确定之日起计算。）"
    )
    assert _rows(text) == [("蔡某某", "fine", "1500.00")]


def test_a_crime_name_does_not_stretch_the_real_recovery() -> None:
    raw = (
        "判决如下：一、被告人蔡某某犯掩饰、隐瞒犯罪所得罪，判处拘役四个月，并处罚金人民币壹仟伍佰元。"
        "二、被告人蔡某某的违法所得¥1,200元予以追缴，上缴国库。"
    )
    penalties = list(find_penalties(make_text(raw)))
    recovery = [p for p in penalties if p.kind == "recovery"]
    assert [(p.person, str(p.amount)) for p in recovery] == [("蔡某某", "1200.00")]
    assert raw[recovery[0].start : recovery[0].end] == "违法所得¥1,200元"


def test_recovery_of_crime_proceeds_still_counts() -> None:
    text = "判决如下：被告人甲犯盗窃罪，判处有期徒刑一年；追缴被告人甲的犯罪所得人民币3000元。"
    assert ("甲", "recovery", "3000.00") in _rows(text)


@pytest.mark.parametrize(
    "note",
    [
        "（已退赔的人民币50,000元发还相关被害人）",
        "（其中已退赔人民币50,000元）",
        "（扣押在案的人民币50,000元发还被害人）",
        "（¥1,276,500元）",
    ],
)
def test_a_note_on_an_ordered_sum_is_not_added(note: str) -> None:
    text = (
        "判决如下：一、被告人王某某犯诈骗罪，判处有期徒刑十年，并处罚金人民币十五万元；"
        "二、被告人陈某犯诈骗罪，判处有期徒刑七年，并处罚金人民币八万元；"
        f"三、责令被告人王某某、陈某共同退赔被害人张某等十七人经济损失人民币1,276,500元{note}。"
    )
    assert (None, "restitution", "1276500.00") in _rows(text)


def test_already_paid_restitution_outside_a_parenthesis_is_not_ordered() -> None:
    text = (
        "判决如下：被告人李某某犯诈骗罪，判处有期徒刑一年，并处罚金人民币五千元；责令被告人李某某"
        "退赔被害人经济损失人民币800元，已退赔的人民币300元发还被害人。"
    )
    assert _rows(text) == [("李某某", "fine", "5000.00"), ("李某某", "restitution", "800.00")]


def test_recovery_of_what_was_handed_over_counts() -> None:
    text = (
        "判决如下：一、被告人刘某甲犯帮助信息网络犯罪活动罪，判处有期徒刑八个月，并处罚金人民币五千元。"
        "二、被告人刘某甲已退缴的违法所得人民币6,000元，予以没收，上缴国库。"
    )
    assert _rows(text) == [("刘某甲", "fine", "5000.00"), ("刘某甲", "recovery", "6000.00")]


def test_parts_after_qizhong_are_not_added() -> None:
    text = (
        "判决如下：被告人甲犯诈骗罪，判处有期徒刑三年，并处罚金人民币一万元；责令被告人甲退赔被害人"
        "经济损失共计人民币10万元，其中退赔被害人乙6万元，退赔被害人丙4万元。"
    )
    assert ("甲", "restitution", "100000.00") in _rows(text)
    assert len([r for r in _rows(text) if r[1] == "restitution"]) == 1


def test_a_total_replaces_the_parts_before_it() -> None:
    text = (
        "判决如下：被告人甲犯诈骗罪，判处有期徒刑三年；责令被告人甲退赔被害人乙人民币6万元、"
        "被害人丙人民币4万元，共计人民币10万元。"
    )
    assert _rows(text) == [("甲", "restitution", "100000.00")]


def test_respectively_gives_each_listed_sum_to_each_listed_person() -> None:
    text = (
        "判决如下：被告人王某某、李某某犯盗窃罪，分别判处有期徒刑一年、十个月，并处罚金人民币二千元、"
        "一千元。"
    )
    assert _rows(text) == [("王某某", "fine", "2000.00"), ("李某某", "fine", "1000.00")]


def test_each_still_gives_the_same_sum_to_everyone() -> None:
    text = "判决如下：被告人王某某、李某某犯盗窃罪，分别判处有期徒刑一年，并处罚金人民币各二千元。"
    assert _rows(text) == [("王某某", "fine", "2000.00"), ("李某某", "fine", "2000.00")]


def test_a_hard_wrapped_operative_part() -> None:
    raw = (
        "判决如下：\n一、被告人石某某犯开设赌场罪，判处有期徒刑五年，并处罚金人民币十二\n万元。\n"
        "二、被告人钟某犯开设赌场罪，判处有期徒刑一年，缓刑一年六个月，并处\n罚金人民币二万元。\n"
        "三、追缴被告人石某某违法所得人民币十二万三千元、被告人钟某违法所得\n人民币一万五千元，"
        "上缴国库。\n"
    )
    assert _rows(raw) == [
        ("石某某", "fine", "120000.00"),
        ("钟某", "fine", "20000.00"),
        ("石某某", "recovery", "123000.00"),
        ("钟某", "recovery", "15000.00"),
    ]
    evidence = [raw[p.start : p.end] for p in find_penalties(make_text(raw))]
    assert evidence[1] == "并处\n罚金人民币二万元"
    assert evidence[3] == "违法所得\n人民币一万五千元"
