"""§2.1 wordings from an independent tester's civil documents (civil2, 27 judgments): defamation
told as 捏造, a party's denial, a third party known by a short name, daily late charges of
non-loan contracts, a bank's loan under 借款合同纠纷, an admission that shifts liability to an
insurer."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from signal_helpers import TAIL, codes, texts

from assist.signals.common import short_names


def _doc(
    cause: str, parties: str, intro: str, body: str, number: str = "(2023)沪0112民初1234号"
) -> str:
    return (
        f"上海市闵行区人民法院\n民 事 判 决 书\n{number}\n{parties}\n{intro}{cause}一案，本院于2023年3月6日"
        "立案后，依法适用简易程序，于2023年4月11日公开开庭进行了审理。本案现已审理终结。\n"
        f"{body}{TAIL}"
    )


_PERSONS = "原告：俞某某，男，1970年5月1日出生，汉族。\n被告：包某，男，1975年8月2日出生，汉族。"
_PERSONS_INTRO = "原告俞某某与被告包某"
_DEFAMATION = (
    "俞某某向本院提出诉讼请求：判令包某赔礼道歉并赔偿精神损害抚慰金10,000元。事实和理由：包某在业主群中"
    "多次发布信息，捏造俞某某“侵吞小区公共收益二十余万元”等事实，导致俞某某社会评价降低。\n"
    "包某辩称，其发布的内容系基于合理怀疑，属于业主行使监督权，并非虚构事实，不构成侵权。\n"
    "本院认为，民事主体享有名誉权。行为人为公共利益实施新闻报道、舆论监督等行为，捏造、歪曲事实的，"
    "应当承担民事责任。\n"
)


def test_defamation_told_as_fabrication_is_no_false_litigation() -> None:
    doc = _doc("名誉权纠纷", _PERSONS, _PERSONS_INTRO, _DEFAMATION)
    assert "defense_alleges_false" not in codes(doc)


def test_the_same_words_in_a_loan_case_still_count() -> None:
    body = "包某辩称，借条系俞某某捏造，双方之间没有借贷关系。\n"
    assert texts(_doc("民间借贷纠纷", _PERSONS, _PERSONS_INTRO, body), "defense_alleges_false") == [
        "捏造"
    ]


def test_forged_evidence_counts_even_in_a_defamation_case() -> None:
    body = "包某辩称，俞某某提交的聊天记录系伪造证据。\n"
    assert "defense_alleges_false" in codes(_doc("名誉权纠纷", _PERSONS, _PERSONS_INTRO, body))


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("本院认为，行为人为公共利益实施新闻报道、舆论监督等行为，捏造、歪曲事实的，应当承担民事责任。", False),
        ("本院认为，行为人与相对人恶意串通，损害他人合法权益的民事法律行为无效。", False),
        ("本院认为，被告与第三人之间的房屋买卖合同系恶意串通，损害原告的合法权益，应属无效。", True),
    ],
)  # fmt: skip
def test_a_statute_restated_by_the_court(sentence: str, found: bool) -> None:
    doc = _doc("房屋买卖合同纠纷", _PERSONS, _PERSONS_INTRO, sentence + "\n")
    assert ("defense_alleges_false" in codes(doc)) is found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("第三人毕某甲述称，其购买涉案房屋是为了给儿子结婚使用，已支付购房款，不存在恶意串通。", False),
        ("包某辩称，其发布的内容属实，并非虚构事实。", False),
        ("被告辩称，其与原告之间不存在任何恶意串通。", False),
        ("被告辩称，原告与案外人恶意串通，虚构借款事实。", True),
        ("被告辩称，原告在没有借款的情况下虚构借款事实。", True),
    ],
)  # fmt: skip
def test_a_denial_is_no_allegation(sentence: str, found: bool) -> None:
    doc = _doc("房屋买卖合同纠纷", _PERSONS, _PERSONS_INTRO, sentence + "\n")
    assert ("defense_alleges_false" in codes(doc)) is found


_WITH_THIRD = (
    "上诉人（原审被告）：李某某，男，1978年4月2日出生，汉族。\n"
    "被上诉人（原审原告）：上海安居房屋租赁有限公司，住所地上海市闵行区。\n"
    "原审第三人：上海七宝物业管理有限公司，住所地上海市闵行区。"
)
_WITH_THIRD_INTRO = (
    "上诉人李某某因与被上诉人上海安居房屋租赁有限公司（以下简称安居公司）、原审第三人上海七宝物业管理"
    "有限公司（以下简称七宝物业）"
)


def test_an_absent_third_party_known_by_a_short_name() -> None:
    body = "安居公司辩称，不同意李某某的上诉请求。\n七宝物业未到庭，亦未提交书面意见。\n"
    found = codes(
        _doc("房屋租赁合同纠纷", _WITH_THIRD, _WITH_THIRD_INTRO, body, "(2023)沪01民终4417号")
    )
    assert not found & {"default_judgment", "no_defense"}


def test_an_absent_defendant_known_by_a_short_name_still_counts() -> None:
    parties = (
        "原告：夏某某，女，1992年3月11日出生。\n被告：南京云帆网络科技有限公司，住所地南京市。"
    )
    intro = "原告夏某某与被告南京云帆网络科技有限公司（以下简称云帆公司）"
    body = "云帆公司未到庭，亦未提交书面答辩意见。\n"
    found = codes(_doc("劳动争议", parties, intro, body))
    assert {"default_judgment", "no_defense"} <= found


def test_short_names_take_their_party_side() -> None:
    norm = (
        "原告上海安居房屋租赁有限公司(以下简称“安居公司”)与被告李某某、第三人上海七宝物业管理有限公司"
        "(下称七宝物业)、被告王某(以下简称原告)"
    )
    full = (
        ("上海安居房屋租赁有限公司", "P"),
        ("李某某", "D"),
        ("上海七宝物业管理有限公司", "T"),
        ("王某", "D"),
    )
    assert short_names(norm, full) == (("安居公司", "P"), ("七宝物业", "T"))


@pytest.mark.parametrize(
    ("cause", "sentence"),
    [
        (
            "物业服务合同纠纷",
            "《前期物业服务合同》约定，业主逾期缴纳的，按每日千分之三支付滞纳金。",
        ),
        ("买卖合同纠纷", "双方约定，逾期付款的，按每日千分之五支付违约金。"),
        ("房屋租赁合同纠纷", "合同约定，承租人逾期支付租金的，每日按欠付租金的1%支付违约金。"),
    ],
)
def test_daily_late_charges_of_other_contracts_are_no_loan_interest(
    cause: str, sentence: str
) -> None:
    assert "high_interest" not in codes(_doc(cause, _PERSONS, _PERSONS_INTRO, sentence + "\n"))


@pytest.mark.parametrize(
    ("cause", "sentence"),
    [
        ("民间借贷纠纷", "借条约定，逾期还款的，按每日千分之五支付违约金。"),
        (
            "保证合同纠纷",
            "借款合同约定，借款逾期的，按每日千分之五支付违约金，包某为该笔借款提供担保。",
        ),
    ],
)
def test_daily_late_charges_of_a_loan_still_count(cause: str, sentence: str) -> None:
    assert "high_interest" in codes(_doc(cause, _PERSONS, _PERSONS_INTRO, sentence + "\n"))


_BANK = (
    "原告：中国建设银行股份有限公司南昌西湖支行，住所地南昌市西湖区。\n"
    "被告：胡某某，男，1980年1月1日出生，汉族。"
)
_BANK_INTRO = "原告中国建设银行股份有限公司南昌西湖支行与被告胡某某"
_OVERDUE = (
    "借款合同约定，借款年利率为6.09%，逾期还款的，按日利率万分之五计收罚息，月利率3%计收复利。\n"
)


def test_a_bank_loan_under_a_loan_contract_cause_is_outside_the_cap() -> None:
    assert "high_interest" not in codes(_doc("借款合同纠纷", _BANK, _BANK_INTRO, _OVERDUE))


def test_a_private_lender_under_a_loan_contract_cause_is_not() -> None:
    assert "high_interest" in codes(_doc("借款合同纠纷", _PERSONS, _PERSONS_INTRO, _OVERDUE))


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("易某辩称，对事故事实无异议，车辆已在某保险公司投保交强险及商业三者险，应由保险公司赔偿。", False),
        ("被告辩称，对事故事实无异议，原告横穿马路自身存在过错，应自行承担次要责任。", False),
        ("被告辩称，对借款事实无异议。", True),
    ],
)  # fmt: skip
def test_an_admission_that_shifts_liability_is_a_defence(sentence: str, found: bool) -> None:
    parties = "原告：孙某某，男。\n被告：易某，男。" if "易某" in sentence else _PERSONS
    intro = "原告孙某某与被告易某" if "易某" in sentence else _PERSONS_INTRO
    doc = _doc("机动车交通事故责任纠纷", parties, intro, sentence + "\n")
    assert ("no_defense" in codes(doc)) is found
