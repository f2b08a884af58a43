"""Amounts: every sum of money with its exact value, raw text and kind (real sentences)."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assist.extract.amounts import find_amounts, parse_money
from assist.text.normalize import make_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "text"))
from test_numerals import to_chinese


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(str(a.value), a.raw, a.kind) for a in find_amounts(make_text(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # civil operative parts and costs (full_dev)
        (
            "案件受理费50元，减半收取25元，由原告负担。",
            [("50.00", "50元", "fee"), ("25.00", "25元", "fee")],
        ),
        (
            "案件受理费3050元，反诉费1400元，总计4450元，由原告承担2200元，被告承担2250元",
            [
                ("3050.00", "3050元", "fee"),
                ("1400.00", "1400元", "fee"),
                ("4450.00", "4450元", "fee"),
                ("2200.00", "2200元", "fee"),
                ("2250.00", "2250元", "fee"),
            ],
        ),
        ("由原被告均担，各负担563.75元。", [("563.75", "563.75元", "other")]),
        ("总投资大约27万元，", [("270000.00", "27万元", "other")]),
        ("由被告个人筹资20余万元所购置", [("200000.00", "20余万元", "other")]),
        ("被告领取了拆迁补偿安置款项共计15万余元", [("150000.00", "15万余元", "compensation")]),
        (
            "奖励费2542.\n80元（每平方米130元）",
            [("2542.80", "2542.\n80元", "other"), ("130.00", "130元", "other")],
        ),
        ("拟证明收到原告101.3471万元的首付款", [("1013471.00", "101.3471万元", "other")]),
        (
            "自2015年3月起被告赵洁每月给付原告康桂兰生活费600元。",
            [("600.00", "600元", "compensation")],
        ),
        ("赔偿原告车辆损失费141902元", [("141902.00", "141902元", "compensation")]),
        ("被告支出的鉴定费3000元", [("3000.00", "3000元", "fee")]),
        ("注册资本5000万元，", [("50000000.00", "5000万元", "other")]),
        (
            "应急处置费用532860.11元、检测鉴定费用95670元",
            [("532860.11", "532860.11元", "other"), ("95670.00", "95670元", "fee")],
        ),
        # loans (pages_dev, cail2019-scm)
        ("被告陈晓春向原告借款8000元，", [("8000.00", "8000元", "principal")]),
        ("收据今借到任德智现金壹佰万元整（月息2分）", [("1000000.00", "壹佰万元整", "principal")]),
        (
            "今欠到李某1人币柒万元整。（￥70000元）",
            [("70000.00", "柒万元整", "principal"), ("70000.00", "￥70000元", "principal")],
        ),
        ("载明：今借到陈某1现金壹万元整", [("10000.00", "壹万元整", "principal")]),
        (
            "今借到程某1壹拾伍万肆仟贰佰元（15420",
            [("154200.00", "壹拾伍万肆仟贰佰元", "principal")],
        ),
        (
            "今借人：余某1借到钟某144300大写肆万肆千叁百元。",
            [("44300.00", "肆万肆千叁百元", "principal")],
        ),
        ("丁某1今借到谬某1人民币大写贰万元正。", [("20000.00", "贰万元正", "principal")]),
        ("2016年支付利息1500元、", [("1500.00", "1500元", "interest")]),
        ("判令被告支付违约金90000元；", [("90000.00", "90000元", "compensation")]),
        ("暂算至2025年2月26日为20518.2元）", [("20518.20", "20518.2元", "other")]),
        # 大写 with 角/分
        (
            "大写金额叁万叁仟叁佰伍拾肆元伍角叁分",
            [("33354.53", "叁万叁仟叁佰伍拾肆元伍角叁分", "other")],
        ),
        (
            "合计人民币贰万贰仟捌佰壹拾叁元叁角",
            [("22813.30", "人民币贰万贰仟捌佰壹拾叁元叁角", "other")],
        ),
        (
            "存款本利壹万贰仟玖佰伍拾叁元贰角壹分12953.21",
            [("12953.21", "壹万贰仟玖佰伍拾叁元贰角壹分", "other")],
        ),
        # criminal facts and operative parts (cail2018, full_dev)
        ("以人民币1200元的价格将一袋“冰毒”贩卖给他人", [("1200.00", "人民币1200元", "other")]),
        ("判处有期徒刑一年零十个月，并处罚金人民币2000元。", [("2000.00", "人民币2000元", "fine")]),
        ("判处拘役一个月，罚金人民币一千元。", [("1000.00", "人民币一千元", "fine")]),
        (
            "被告人杨1某赔偿被害人朱某人民币31万元，取得了对方的谅解。",
            [("310000.00", "人民币31万元", "compensation")],
        ),
        ("共花医疗费13823.04元，", [("13823.04", "13823.04元", "compensation")]),
        ("被毁玻璃的鉴定价值为人民币470元。", [("470.00", "人民币470元", "other")]),
        ("行ATM机取现18,000元。", [("18000.00", "18,000元", "other")]),
        ("计人民币4,294,660元，涉及", [("4294660.00", "人民币4,294,660元", "other")]),
        ("骗取陈某现金共计18.6万余元。", [("186000.00", "18.6万余元", "other")]),
        ("2013年8月31日被告人李某退赔王某8000元", [("8000.00", "8000元", "recovery")]),
        ("崔某支付给于成某人民币九万五千元整,以及", [("95000.00", "人民币九万五千元整", "other")]),
        ("骗取刘XX61800元人民币、", [("61800.00", "61800元人民币", "other")]),
        (
            "处以每平方米20元的罚款，罚款金额合计20400元(已交款)",
            [("20.00", "20元", "fine"), ("20400.00", "20400元", "fine")],
        ),
        ("骗取人民币81余万元。", [("810000.00", "人民币81余万元", "other")]),
    ],
)
def test_amounts_real_sentences(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "（2015）金民初字第01022号",  # case number
        "2000年7月18日16时许，被告人王明武见其停放",  # dates
        "依照《中华人民共和国刑法》第一百三十三条之一、第六十七条第三款之规定",  # articles
        "身份证号1201**********1528。电话138****1234",  # masked ID and phone
        "约定按月利息5%标准支付利息",  # percentage
        "我买了以后挣五六千元。都是凌",  # a range, not a sum
        "被害人家属获赔数万元，上万元，几十万元，十几万元",  # vague quantities
        "天津市电器元件厂下岗职工，住三元区",  # 元 inside words
        "以小额美元进行兑换；兑换美元20万某",  # foreign currency
        "一张面值500港元的钞票，港币100元",
        "住蓟县商业新楼4号楼1单元202",
        "2015元月",
    ],
)
def test_amounts_no_false_positives(text: str) -> None:
    assert _found(text) == []


def test_amounts_offsets_point_into_raw_text() -> None:
    raw = "被告人黄恨犯贩卖毒品罪，判处有期徒刑一年零十个月，并处罚金人民币２０００元。"
    t = make_text(raw)
    (amount,) = find_amounts(t)
    assert amount.value == Decimal("2000.00")
    assert amount.raw == "人民币２０００元" == raw[amount.start : amount.end]


def test_amounts_range_limits_the_search() -> None:
    t = make_text("本金8000元，利息2000元")
    assert [a.value for a in find_amounts(t, 7)] == [Decimal("2000.00")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("人民币伍万元整", "50000.00"),
        ("3万余元", "30000.00"),
        ("人民币10万", "100000.00"),
        ("元", None),
    ],
)
def test_amounts_parse_money(text: str, value: str | None) -> None:
    assert parse_money(text) == (None if value is None else Decimal(value))


@given(st.integers(min_value=1, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_amounts_round_trip(n: int, cents: int) -> None:
    for written in (
        f"{n}元",
        f"{n:,}元",
        f"人民币{to_chinese(n)}元",
        f"{to_chinese(n, upper=True)}元整",
    ):
        (amount,) = find_amounts(make_text(f"被告支付原告{written}。"))
        assert amount.value == n
    jiao, fen = divmod(cents, 10)
    written = f"{to_chinese(n, upper=True)}元" + (
        f"{'零壹贰叁肆伍陆柒捌玖'[jiao]}角" if jiao else ""
    )
    written += f"{'零壹贰叁肆伍陆柒捌玖'[fen]}分" if fen else ""
    (amount,) = find_amounts(make_text(written))
    assert amount.value == Decimal(n) + Decimal(cents) / 100
    (amount,) = find_amounts(make_text(f"{n}.{cents:02d}元"))
    assert amount.value == Decimal(n) + Decimal(cents) / 100


_SOUP = (
    "0123456789.,，一二三四五六七八九十百千万亿两壹贰叁拾佰仟零〇元圆角分整余多"
    + "人民币￥罚金借款利息 \n。；"
)


@given(st.one_of(st.text(max_size=80), st.text(alphabet=_SOUP, max_size=80)))
def test_amounts_never_raise_and_raw_matches(text: str) -> None:
    t = make_text(text)
    for amount in find_amounts(t):
        assert amount.raw == t.raw[amount.start : amount.end]
        assert amount.value == amount.value.quantize(Decimal("0.01"))
