"""Interest rates: annual percent from real 民间借贷 sentences; the agreed rate is picked."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assist.extract.rates import find_interest_rates, pick_interest_rate
from assist.text.normalize import make_text


def _rates(text: str) -> list[tuple[str, str]]:
    return [(str(r.annual_percent), r.raw) for r in find_interest_rates(make_text(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pages_dev, cail2019-scm, cail2021-lblj (names as pseudonymised there)
        ("被告因生产所需向其借款1000000元，约定月息2分，", [("24.00", "月息2分")]),
        ("(从2014年11月1日起按月息2%计算至还款之日止)", [("24.00", "月息2%")]),
        ("于2011年4月19日，向原告借款32000元，约定按月利息5%标准支付利息", [("60.00", "月利息5%")]),
        ("双方约定按月利率2.5％计息，借款期限3个月", [("30.00", "月利率2.5％")]),
        ("均约定按月利率1.5％计息", [("18.00", "月利率1.5％")]),
        ("约定月利率为3％", [("36.00", "月利率为3％")]),
        ("并承诺发电后按月利率20‰支付利息。", [("24.00", "月利率20‰")]),
        ("一分伍的利息指的是月利率15‰", [("18.00", "一分伍的利息"), ("18.00", "月利率15‰")]),
        ("借款利息为1分二厘", [("14.40", "利息为1分二厘")]),
        ("万元给被告，月息1分8厘", [("21.60", "月息1分8厘")]),
        ("双方口头约定月息二分", [("24.00", "月息二分")]),
        ("款，当时借款利率为月息1.5分", [("18.00", "月息1.5分")]),
        ("借款人民币10万元，约定月息俩分肆厘", [("28.80", "月息俩分肆厘")]),
        ("约定年息1分8厘。", [("18.00", "年息1分8厘")]),
        ("清款时止按年利率24％支付利息", [("24.00", "年利率24％")]),
        ("判令被告按照年利率百分之六的四倍标准支付借款利息", [("24.00", "年利率百分之六的四倍")]),
        ("万元整，借款利息12％／年", [("12.00", "12％／年")]),
        ("借款利息按每日万分之二计算", [("7.30", "每日万分之二")]),
        ("元，口头约定利息为2分", [("24.00", "利息为2分")]),
        ("(息按每元每月1分计算)", [("12.00", "每月1分")]),
        ("并按照2％的月息支付至借款还清之日止", [("24.00", "2％的月息")]),
        ("借款期限52天，月利率0.7％", [("8.40", "月利率0.7％")]),
        ("声借款1亿元整，利息为年息8.4％", [("8.40", "年息8.4％")]),
        ("借款年利率为20％", [("20.00", "年利率为20％")]),
        ("日利率0.05%", [("18.25", "日利率0.05%")]),
        ("利息按日万分之五计算", [("18.25", "按日万分之五")]),
        ("月利率千分之五", [("6.00", "月利率千分之五")]),
        ("年息百分之二十四", [("24.00", "年息百分之二十四")]),
        ("利息按每月3分", [("36.00", "每月3分")]),
        ("月息1分5厘", [("18.00", "月息1分5厘")]),
        # not rates
        ("约定借款利息按每月银行同期利息的四倍计算", []),
        ("按一年期贷款市场报价利率四倍计算", []),
        ("逾期未付款按日万分之五计收违约金。", []),
        ("每逾期一日，按欠款本金总额的千分之五支付违约金；", []),
        ("被告逾期支付利息按日3％支付滞纳金。", []),
        ("按年36％的利率计算逾期违约金", []),
        ("如到期没还，邓某1将付违约金20％给予焦某1。", []),
        ("合同约定：工程竣工验收合格后付工程款的90%", []),
        ("被告支付借款本金的百分之三十", []),
        ("每月利息200元", []),
    ],
)
def test_rates_real_sentences(text: str, expected: list[tuple[str, str]]) -> None:
    assert _rates(text) == expected


@pytest.mark.parametrize(
    ("text", "annual"),
    [
        # page-03: the agreed rate, stated before the claim
        (
            "原告冷定华起诉称，被告因生产经营需要，于2011年4月19日，向原告借款32000元，约定按月利息5%"
            "标准支付利息，并向原告出具借条1张。请求依法判决被告偿还原告借款本金32000元及按约定月利率5%"
            "支付利息至归还完毕之日止",
            "60.00",
        ),
        # the agreed 2.5% beats the 2% claimed first
        (
            "请求判令被告偿还借款9万元及利息（按月利率2%计算）。事实和理由：2014年12月25日，潘某1因生意"
            "周转需要向翁某1借款9万元，双方约定按月利率2.5%计息，借款期限3个月",
            "30.00",
        ),
        # a legal cap is never the agreed rate
        (
            "借贷双方对逾期利率有约定的，从其约定，但以不超过年利率24％为限。双方约定月息3分。",
            "36.00",
        ),
        (
            "出借人主张的利息、违约金或者其他费用，也可以一并主张，但总计超过年利率24％的部分，人民法院"
            "不予支持。",
            None,
        ),
        # a bank benchmark is not the agreed rate; the claimed 6% is all there is
        (
            "当时的半年期贷款利率为年利率5.1％。原告请求按年利率6％支付资金占用期间利息。",
            "6.00",
        ),
        (
            "请求判令被告支付利息（自2021年4月26日起按全国银行间同业拆借中心公布的贷款市场报价利率计算）",
            None,
        ),
    ],
)
def test_rates_pick_agreed_rate(text: str, annual: str | None) -> None:
    picked = pick_interest_rate(make_text(text))
    assert (None if picked is None else str(picked.annual_percent)) == annual


def test_rates_offsets_point_into_raw_text() -> None:
    raw = "双方约定按月利率２％计息"
    t = make_text(raw)
    (rate,) = find_interest_rates(t)
    assert rate.annual_percent == Decimal("24.00")
    assert rate.raw == raw[rate.start : rate.end] == "月利率２％"


_SOUP = "月年日每按利率息利为百分之千万分0123456789.%‰一二三四五六七八九十分厘毛倍的违约金，。 "


@given(st.one_of(st.text(max_size=60), st.text(alphabet=_SOUP, max_size=60)))
def test_rates_never_raise_and_raw_matches(text: str) -> None:
    t = make_text(text)
    for rate in find_interest_rates(t):
        assert rate.raw == t.raw[rate.start : rate.end]
        assert rate.annual_percent > 0
    pick_interest_rate(t)
