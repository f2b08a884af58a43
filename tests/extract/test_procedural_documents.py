"""国家赔偿 and 司法救助 decisions end to end: the party block stops at the history line that opens
with a label but no colon (赔偿请求人X以…为由申请国家赔偿), the 赔偿委员会's 立案 date is the filing
date, and 救助申请人 is a party label (wordings of a tester's stress documents)."""

from __future__ import annotations

import pytest

from assist.pipeline import parse_document

_ZHEJIANG = (
    "浙江省高级人民法院\n赔偿委员会\n决 定 书\n（2020）浙委赔12号\n"
    "赔偿请求人：沈某某，男，1966年9月14日出生，汉族，住浙江省湖州市吴兴区。\n"
    "委托代理人：钱某，浙江某某律师事务所律师。\n"
    "赔偿义务机关：浙江省湖州市中级人民法院，住所地浙江省湖州市吴兴区。\n"
    "法定代表人：冯某某，该院院长。\n"
    "赔偿请求人沈某某以浙江省湖州市中级人民法院（以下简称湖州中院）错误执行为由申请国家赔偿，湖州中院于"
    "2020年6月30日作出（2020）浙05法赔1号国家赔偿决定，决定不予赔偿。沈某某不服，向本院赔偿委员会申请"
    "作出赔偿决定。本院赔偿委员会于2020年8月21日立案，依法进行了审理。本案现已审理终结。\n"
    "赔偿请求人沈某某申请称：湖州中院错误拍卖其房屋，请求赔偿房屋差价损失人民币1,860,000元。\n"
)
_NANJING = (
    "江苏省南京市中级人民法院\n赔偿委员会\n国家赔偿决定书\n（2020）苏01委赔8号\n"
    "赔偿请求人：马某某，男，1977年2月2日出生，回族，住江苏省南京市玄武区。\n"
    "委托代理人：殷某，江苏某某律师事务所律师。\n"
    "赔偿义务机关：南京市玄武区人民检察院，住所地江苏省南京市玄武区某某路9号。\n"
    "法定代表人：褚某，该院检察长。\n"
    "　　赔偿请求人马某某以南京市玄武区人民检察院（以下简称玄武区检察院）错误逮捕为由申请国家赔偿，"
    "玄武区检察院于2019年11月4日作出刑事赔偿决定，决定不予赔偿。马某某遂于2020年3月2日向本院赔偿委员会"
    "申请作出赔偿决定。本院赔偿委员会依法进行了审理，现已审理终结。\n"
    "　　本院赔偿委员会认为，马某某有权取得赔偿。本院赔偿委员会决定如下：\n"
    "　　南京市玄武区人民检察院支付赔偿请求人马某某人身自由赔偿金64495.50元。\n"
    "审　判　长　俞某某\n审　判　员　孔某\n二〇二〇年九月二十九日\n书　记　员　汤某\n"
)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (_ZHEJIANG, ["沈某某", "浙江省湖州市中级人民法院"]),
        (_NANJING, ["马某某", "南京市玄武区人民检察院"]),
    ],
)
def test_state_compensation_history_line_is_no_party(text: str, names: list[str]) -> None:
    doc = parse_document(text)
    assert [p.name for p in doc.parties] == names
    assert doc.sections.history is not None
    assert "申请国家赔偿" in text[doc.sections.history[0] : doc.sections.history[1]]


def test_state_compensation_committee_filing_date() -> None:
    doc = parse_document(_ZHEJIANG)
    assert doc.dates.filed == "2020-08-21"
    start, end = doc.field_spans["dates.filed"]
    assert _ZHEJIANG[start:end] == "2020年8月21日"


def test_state_compensation_has_no_trial_procedure() -> None:
    assert parse_document(_NANJING).procedure is None


def test_judicial_aid_applicant_is_a_party() -> None:
    text = (
        "北京市第一中级人民法院\n司法救助决定书\n（2021）京01司救民5号\n"
        "救助申请人：王某，女，1958年3月3日出生，汉族，住北京市石景山区。\n"
        "　　救助申请人王某因其子李某在交通事故中死亡，于2019年向北京市石景山区人民法院提起诉讼。"
        "王某于2021年3月向本院申请司法救助。\n"
        "　　本院认为，救助申请人王某符合救助条件。决定如下：\n"
        "　　给予救助申请人王某司法救助金人民币30000元。\n"
        "审　判　长　马某\n二〇二一年六月二十一日\n书　记　员　陶某\n"
    )
    doc = parse_document(text)
    assert [(p.name, p.role, p.role_label) for p in doc.parties] == [
        ("王某", "applicant", "救助申请人")
    ]
    assert doc.procedure is None
