"""Interest rates from an independent tester's civil documents (civil2): a 违约金's terms set out
after the charge is named (the court's adjusted rate, the rate of a 违约金 on a base) are not an
interest rate; interest named in the same sentence still is."""

from __future__ import annotations

import pytest

from assist.extract.rates import find_interest_rates, pick_interest_rate
from assist.text.normalize import make_text


def _rates(text: str) -> list[str]:
    return [str(r.annual_percent) for r in find_interest_rates(make_text(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("合同约定的每日1%违约金标准明显过高，本院调整为按欠付租金的年利率15.4%计算。", []),
        ("被告于本判决生效之日起十日内向原告支付租金36,000元及违约金（以每期欠付租金为基数，按年利率15.4%，"
         "自每期租金应付之日起计算至实际付清之日止）。", []),
        ("原告主张的违约金过高，本院酌定按年利率24%计算。", []),
        # interest named after the charge: the rate is the interest's
        ("违约金不予支持，借款利息按年利率15.4%计算。", ["15.40"]),
        ("支付违约金及利息（以借款本金为基数，按年利率24%计算）。", ["24.00"]),
        # a 违约金 clause before an agreed rate that nobody adjusts
        ("逾期还款的，按日千分之一支付违约金，借期内月利率2%。", ["24.00"]),
    ],
)  # fmt: skip
def test_rates_of_a_charge_set_out_after_it(text: str, expected: list[str]) -> None:
    assert _rates(text) == expected


def test_a_court_set_penalty_rate_is_no_agreed_rate() -> None:
    text = (
        "本院认为，原、被告签订的房屋租赁合同合法有效。湘味坊餐馆应支付欠付租金54,000元。"
        "合同约定的每日1%违约金标准明显过高，本院调整为按欠付租金的年利率15.4%计算。"
    )
    assert pick_interest_rate(make_text(text)) is None
