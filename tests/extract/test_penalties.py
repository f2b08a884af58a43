"""Penalties: only what the operative part of this document imposes, per person and kind."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assist.extract.penalties import find_penalties, locate_decision
from assist.text.normalize import make_text

Row = tuple[str | None, str, str | None]

# fd-028 (天津市宝坻区人民法院 (2011)宝刑初字第507号), operative part and tail as in the source.
FD028 = (
    "依照《中华人民共和国刑法》第一百三十三条之一、第六十七条第三款之规定，判决如下：\n"
    "被告人马柱犯危险驾驶罪，判处拘役一个月，罚金人民币一千元。\n"
    "（刑期从判决执行之日起计算。判决执行以前先行羁押的，羁押一日折抵刑期一日。"
    "即自2011年11月15日起至2011年12月14日止。罚金已交纳。）\n"
    "如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向天津市第一中级人民法院提出上诉。\n"
    "代理审判员   高会山\n二0一一年十一月二十一日\n书  记  员   陈  颖\n"
    "附本判决所依据的《中华人民共和国刑法》条文：\n"
    "　　第一百三十三条之一 在道路上驾驶机动车追逐竞驶，情节恶劣的，或者在道路上醉酒驾驶机动车的，"
    "处拘役，并处罚金。\n"
)
# fd-034 (成都市武侯区人民法院 (2014)武侯刑初字第277号): no newlines; drugs confiscated.
FD034 = (
    "据此，为保护国家对毒品的管理制度不受侵犯，惩罚犯罪，判决如下： 一、依照《中华人民共和国刑法》"
    "第三百四十七条第一款、第四款、第五十二条、第五十三条、第三百五十六条、第六十七条第三款之规定，"
    "被告人黄恨犯贩卖毒品罪，判处有期徒刑一年零十个月，并处罚金人民币2000元。 "
    "（刑期从判决执行之日起计算。判决执行以前先行羁押的，羁押一日折抵刑期一日，即从2014年1月3日起至2015年11月2日止。"
    "罚金于判决生效之日起十五日内缴纳。） 二、根据《中华人民共和国刑法》第六十四条之规定，"
    "对扣押在案的毒品予以没收。 如不服本判决，可在接到判决书的第二日起十日内，通过本院或直接向"
    "四川省成都市中级人民法院提出上诉。书面上诉的，应当提交上诉状正本一份、副本一份。 "
    "代理审判员施洪波 二〇一四年四月二十三日 书记员岑霜霜 "
)
# fd-007 (辽宁省大连市中级人民法院 (2017)辽02刑更392号): a 减刑 ruling; the history cites the
# original judgment. The parenthesis on the original fine is the fd-007 style variant of a 减刑
# ruling that mentions the 财产性判项.
FD007 = (
    "辽宁省大连市中级人民法院于2008年6月19日作出（2008）大刑一初字第101号刑事附带民事判决，"
    "以罪犯蔡恒涛犯故意伤害罪，判处无期徒刑，剥夺政治权利终身，并处罚金人民币五千元。"
    "本院认为，罪犯蔡恒涛服刑期间，确有悔改表现，符合减刑条件。依照《中华人民共和国刑法》第七十八条、"
    "第七十九条之规定，裁定如下：\n对罪犯蔡恒涛减去有期徒刑八个月，剥夺政治权利七年不变"
    "（原判罚金人民币五千元已缴纳）。\n（刑期自2011年2月21日起至2028年4月20日止）\n"
    "本裁定送达后即发生法律效力。\n审 判 长　　 　 黄微\n"
)
# cail2021-lblj: two and four defendants with different fines; a joint 退赔.
TWO = (
    "依照《中华人民共和国刑法》第二百六十四条、第二十五条第一款、第二十七条之规定，判决：被告人张某犯"
    "盗窃罪，判处有期徒刑三年九个月，并处罚金30000元；被告人刘某犯盗窃罪，判处有期徒刑三年三个月，"
    "并处罚金30000元。"
)
FOUR = (
    "第六十四条之规定，判决：一、被告人洪某气犯诈骗罪，判处有期徒刑六年，并处罚金人民币一万元；二、"
    "被告人郭某嵘犯诈骗罪，判处有期徒刑二年六个月，并处罚金人民币五千元；三、被告人张某林犯诈骗罪，"
    "判处有期徒刑二年，并处罚金人民币三千元；四、被告人洪某芳犯诈骗罪，判处有期徒刑二年六个月，并处"
    "罚金人民币五千元；五、责令被告人洪某气、郭某嵘、张某林、洪某芳退赔被害人牟某渊经济损失人民币"
    "39760元；退赔被害人张某代经济损失人民币13900元；退赔被害人潭某连经济损失人民币3900元。"
)
# cail2019-cjrc: 数罪并罚 — the 决定执行 fine is the one imposed.
COMBINED = (
    "判决如下：被告人游1某犯放火罪，判处死刑，剥夺政治权利终身；犯抢夺罪，判处有期徒刑二年，并处罚金"
    "人民币五千元，决定执行死刑，剥夺政治权利终身，并处罚金人民币五千元。"
)
# page-06 style second instance (广东省高级人民法院 (2014)粤高法刑一终字第95号 parties).
APPEAL_DISMISSED = (
    "原审法院据此判决：被告人翁××犯故意伤害罪，判处有期徒刑五年，并处罚金人民币一万元。宣判后，"
    "原审被告人翁××不服，提出上诉。本院认为，原判认定事实清楚，量刑适当。依照《中华人民共和国刑事"
    "诉讼法》第二百二十五条第一款第（一）项之规定，裁定如下：\n驳回上诉，维持原判。\n"
    "本裁定为终审裁定。\n审判长 某某\n"
)
APPEAL_RESENTENCED = (
    "判决如下：\n一、维持广州市中级人民法院(2013)穗中法刑一初字第291号刑事附带民事判决第一项中对"
    "被告人夏××的定罪部分，即被告人夏××犯故意伤害罪，并处罚金人民币一万元；\n二、撤销该判决第一项"
    "中对被告人夏××的量刑部分；\n三、上诉人(原审被告人)夏××犯故意伤害罪，判处有期徒刑三年，并处罚金"
    "人民币五千元。\n本判决为终审判决。\n"
)
PROPERTY = (
    "判决如下：一、被告人李某犯贩卖毒品罪，判处无期徒刑，剥夺政治权利终身，并处没收个人全部财产；二、"
    "被告人王某犯贩卖毒品罪，判处有期徒刑七年，并处没收个人财产人民币五万元；三、追缴被告人王某的违法"
    "所得人民币3000元，上缴国库；四、扣押在案的毒品、手机予以没收。"
)
UNIT = (
    "判决如下：一、被告单位某某科技有限公司犯单位行贿罪，判处罚金人民币五十万元；二、被告人陈某犯单位"
    "行贿罪，判处有期徒刑一年，缓刑二年。"
)
EACH = "判决如下：被告人王某某、李某某犯盗窃罪，分别判处有期徒刑一年，并处罚金人民币各二千元。"
UNQUANTIFIED = (
    "判决如下：一、被告人甲犯诈骗罪，判处有期徒刑三年，并处罚金人民币一万元；二、被告人乙犯诈骗罪，"
    "判处有期徒刑二年，并处罚金人民币五千元；三、继续追缴被告人甲、乙的违法所得，发还被害人。"
)
PAID = (
    "判决如下：被告人陆某犯开设赌场罪，判处有期徒刑六个月，缓刑一年，并处罚金人民币2000元"
    "（罚金人民币2000元已缴纳）。"
)


def _rows(text: str, accused: tuple[str, ...] = ()) -> list[Row]:
    t = make_text(text)
    return [
        (p.person, p.kind, None if p.amount is None else str(p.amount))
        for p in find_penalties(t, accused=accused)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FD028, [("马柱", "fine", "1000.00")]),
        (FD034, [("黄恨", "fine", "2000.00")]),
        (FD007, []),
        (TWO, [("张某", "fine", "30000.00"), ("刘某", "fine", "30000.00")]),
        (
            FOUR,
            [
                ("洪某气", "fine", "10000.00"),
                ("郭某嵘", "fine", "5000.00"),
                ("张某林", "fine", "3000.00"),
                ("洪某芳", "fine", "5000.00"),
                (None, "restitution", "57560.00"),  # joint: 共同退赔 of four people
            ],
        ),
        (COMBINED, [("游1某", "fine", "5000.00")]),
        (APPEAL_DISMISSED, []),
        (APPEAL_RESENTENCED, [("夏××", "fine", "5000.00")]),
        (
            PROPERTY,
            [
                ("李某", "confiscation_all", None),
                ("王某", "confiscation_part", "50000.00"),
                ("王某", "recovery", "3000.00"),
            ],
        ),
        (UNIT, [("某某科技有限公司", "fine", "500000.00")]),
        (EACH, [("王某某", "fine", "2000.00"), ("李某某", "fine", "2000.00")]),
        (
            UNQUANTIFIED,
            [("甲", "fine", "10000.00"), ("乙", "fine", "5000.00"), (None, "recovery", None)],
        ),
        (PAID, [("陆某", "fine", "2000.00")]),
        (
            "判决如下：一、被告人***犯危险驾驶罪，判处拘役二个月，并处罚金人民币三千元。",
            [("***", "fine", "3000.00")],
        ),
    ],
)
def test_penalties_operative_parts(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # fd-032 (civil): compensation and costs are not penalties
        "判决如下： 一、本判决生效后十日内，由被告中国人寿财产保险股份有限公司榆林中心支公司"
        "赔偿原告佳县铭泰运输有限公司机动车损失险保险金111108元、施救费7500元，共计118608元。"
        " 二、鉴定费3000元由原告负担。 案件受理费1680元，由原告负担390元。",
        # a civil 退还 and a forfeited deposit
        "判决如下：一、被告博杨公司于本判决生效后十日内退还原告已付的购房款269万元；二、原告交付的定金"
        "2万元由被告没收。",
        # an administrative 罚款 (generated 行政处罚决定书 layout) is not a 财产刑
        "依据《中华人民共和国食品安全法》第一百二十四条的规定，决定如下：罚款人民币10000元。",
        # 附带民事: damages are not a property penalty
        "判决如下：一、被告人王某犯故意伤害罪，判处有期徒刑一年；二、被告人王某赔偿附带民事诉讼原告人"
        "李某经济损失人民币26000元。",
    ],
)
def test_penalties_none_in_civil_or_damages(text: str) -> None:
    assert _rows(text) == []


def test_penalties_chinese_dates_inside_the_decision_do_not_end_it() -> None:
    text = (
        "判决如下：\n一、被告人黄某犯盗窃罪，判处有期徒刑一年，并处罚金人民币二千元（刑期自二〇一四年一月"
        "三日起至二〇一五年一月二日止）；\n二、追缴被告人黄某的违法所得人民币800元。\n审判员 某某\n"
        "二〇一四年四月二十三日\n"
    )
    assert _rows(text) == [("黄某", "fine", "2000.00"), ("黄某", "recovery", "800.00")]


def test_penalties_accused_resolve_short_names() -> None:
    text = "判决如下：被告人严某犯盗窃罪，判处有期徒刑一年，并处罚金人民币二千元。"
    assert _rows(text, accused=("严某某",)) == [("严某某", "fine", "2000.00")]


def test_penalties_single_accused_owns_an_unnamed_item() -> None:
    text = (
        "判决如下：一、被告人黄某犯盗窃罪，判处有期徒刑一年，并处罚金人民币二千元；"
        "二、扣押在案的赃款人民币800元予以没收。"
    )
    assert _rows(text) == [("黄某", "fine", "2000.00"), ("黄某", "recovery", "800.00")]


def test_penalties_span_is_evidence_in_raw_text() -> None:
    raw = "判决如下：被告人黄恨犯贩卖毒品罪，判处有期徒刑一年零十个月，并处罚金人民币２０００元。"
    t = make_text(raw)
    (penalty,) = find_penalties(t)
    assert raw[penalty.start : penalty.end] == "并处罚金人民币２０００元"
    assert penalty.amount == Decimal("2000.00")


def test_penalties_given_decision_span_limits_the_search() -> None:
    t = make_text(FD028)
    assert list(find_penalties(t, decision=(0, 10))) == []


@pytest.mark.parametrize(
    ("text", "starts_with"),
    [
        (FD028, "被告人马柱犯危险驾驶罪"),
        (FD034, "一、依照《中华人民共和国刑法》"),
        (TWO, "被告人张某犯盗窃罪"),
        (APPEAL_DISMISSED, "驳回上诉，维持原判"),
    ],
)
def test_penalties_locate_decision(text: str, starts_with: str) -> None:
    t = make_text(text)
    span = locate_decision(t)
    assert span is not None
    decision = t.raw[span[0] : span[1]]
    assert decision.startswith(starts_with)
    assert "审判" not in decision and "附本判决" not in decision


def test_penalties_locate_decision_rejects_a_quoted_lower_court() -> None:
    t = make_text("宣判后被告人不服。原审法院据此判决：被告人甲犯盗窃罪，并处罚金人民币二千元。")
    assert locate_decision(t) is None
    assert list(find_penalties(t)) == []


_SOUP = (
    "判决如下：被告人甲乙、犯罪，并处罚金没收个人全部财产"
    + "追缴违法所得退赔人民币一二千万元0123456789。；\n"
)


@given(
    st.one_of(st.text(max_size=120), st.text(alphabet=_SOUP, max_size=120)),
    st.lists(st.text(alphabet="甲乙丙某*", min_size=1, max_size=3), max_size=3),
)
def test_penalties_never_raise_and_spans_are_valid(text: str, accused: list[str]) -> None:
    t = make_text(text)
    locate_decision(t)
    for penalty in find_penalties(t, accused=accused):
        assert 0 <= penalty.start < penalty.end <= len(text)
        assert penalty.amount is None or penalty.amount >= 0
