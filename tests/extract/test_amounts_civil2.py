"""Amount kinds from an independent tester's civil documents (civil2): 滞纳金, the base of a
charge (以…为基数), a total with a list of its own, a net value."""

from __future__ import annotations

import pytest

from assist.extract.amounts import find_amounts
from assist.text.normalize import make_text


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(str(a.value), a.kind) for a in find_amounts(make_text(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the base of a charge is the debt itself, whatever the charge
        ("判令锦绣公司支付货款386,540元及逾期付款损失（以386,540元为基数，自2021年10月1日起按LPR的1.5倍计算）。",
         [("386540.00", "principal"), ("386540.00", "principal")]),
        ("支付工程款8,763,215.40元及利息（以8,763,215.40元为基数，自2021年1月1日起计算）。",
         [("8763215.40", "principal"), ("8763215.40", "principal")]),
        ("并支付自2022年3月11日起的罚息、复利（以3,000,000元为基数按年利率6.525%计算）。",
         [("3000000.00", "principal")]),
        # a base that names its own kind keeps it
        ("支付违约金（以欠付租金12,000元为基数，按年利率15.4%计算）。", [("12000.00", "other")]),
        # the words of a base say nothing of the sum after it
        ("判令熊某某支付逾期付款滞纳金（以欠付物业费为基数，自每期应付之日起按每日千分之三计算至付清之日止，"
         "暂计至2023年6月30日为9,845.66元）。", [("9845.66", "compensation")]),
        ("被告应支付滞纳金1,200元。", [("1200.00", "compensation")]),
        # a total with a list of its own after the principal's sum
        ("判令瓯江公司归还借款本金3,000,000元，支付截至2022年3月10日的利息、罚息、复利合计86,742.35元。",
         [("3000000.00", "principal"), ("86742.35", "interest")]),
        ("归还借款本金150,000元及截至2016年3月20日的利息、罚息共计11,836.50元。",
         [("150000.00", "principal"), ("11836.50", "interest")]),
        # …but a total of several kinds stays other
        ("偿还借款本金伍万捌仟元及利息捌仟元，共计陆万陆仟元。",
         [("58000.00", "principal"), ("8000.00", "interest"), ("66000.00", "other")]),
        ("确认尚欠借款本金人民币120万元及利息人民币10.8万元，合计人民币1308000元。",
         [("1200000.00", "principal"), ("108000.00", "interest"), ("1308000.00", "other")]),
        ("偿还借款本金10万元及利息共计12万元。", [("100000.00", "principal"), ("120000.00", "other")]),
        # a net value is a value, not the loan deducted from it
        ("涉案房屋扣除尚欠银行贷款后的净值为173.6万元。", [("1736000.00", "other")]),
    ],
)  # fmt: skip
def test_amount_kinds_civil2(text: str, expected: list[tuple[str, str]]) -> None:
    assert _kinds(text) == expected
