"""Amounts: ¥ figures without 元, numerals across a hard line wrap, totals of several kinds."""

from __future__ import annotations

import pytest

from assist.extract.amounts import find_amounts, parse_money
from assist.text.normalize import make_text


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(str(a.value), a.raw, a.kind) for a in find_amounts(make_text(text))]


def test_a_yen_sign_stands_for_yuan() -> None:
    text = "被申请人何某某向申请人借款人民币壹拾贰万叁仟肆佰伍拾陆元柒角（￥123,456.70），约定于2019年10月10日前归还。"
    assert _found(text) == [
        ("123456.70", "人民币壹拾贰万叁仟肆佰伍拾陆元柒角", "principal"),
        ("123456.70", "￥123,456.70", "principal"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [("¥860000", "860000.00"), ("￥460000.00", "460000.00"), ("RMB 5000", "5000.00")],
)
def test_a_sign_without_yuan_parses(text: str, value: str) -> None:
    assert parse_money(text) is not None and str(parse_money(text)) == value


@pytest.mark.parametrize("text", ["房号1202", "编号：A123456", "￥", "第3组"])
def test_bare_numbers_are_still_no_amounts(text: str) -> None:
    assert _found(text) == []


def test_a_chinese_numeral_across_a_hard_wrap() -> None:
    raw = "并处罚金人民币十二\n万元。"
    assert _found(raw) == [("120000.00", "人民币十二\n万元", "fine")]


def test_a_wrap_between_two_numbers_joins_nothing() -> None:
    assert _found("判处有期徒刑十二\n二、被告人乙罚金三千元") == [("3000.00", "三千元", "fine")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("偿还原告借款本金伍万捌仟元及利息捌仟元，共计陆万陆仟元；", "other"),  # two kinds
        (
            "赔偿房屋损失人民币叁拾贰万陆仟元、屋内物品损失人民币贰万元，合计叁拾肆万陆仟元。",
            "compensation",
        ),
    ],
)
def test_a_total_of_several_kinds_is_other(text: str, kind: str) -> None:
    assert _found(text)[-1][2] == kind


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # paid toward / left of a debt of several kinds: other, not the last keyword (利息)
        ("该案执行标的为货款210000元及利息，已执行到位5000元，尚有205000元未执行到位。",
         ["principal", "other", "other"]),
        # a debt of one kind keeps its kind
        ("没收个人财产部分已履行人民币3,000元，尚有人民币97,000元未履行。",
         ["confiscation", "confiscation"]),
        ("责令退赔的经济损失人民币386万元，已退赔人民币5万元，尚有381万元未退赔。",
         ["compensation", "recovery", "recovery"]),
        ("以200000元为基数，按年利率12%计至实际清偿之日止，已支付的12000元予以扣减。",
         ["other", "interest"]),
        ("被告已偿还借款本金50000元及利息，已支付利息3000元。", ["principal", "interest"]),
    ],
)  # fmt: skip
def test_payment_clause_kinds(text: str, kinds: list[str]) -> None:
    assert [kind for _, _, kind in _found(text)] == kinds
