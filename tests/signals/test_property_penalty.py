"""§2.2 property-penalty signals: only what THIS document's operative part imposes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from signal_helpers import CRIMINAL_HEAD, TAIL, codes, signals, texts

FD_028_DECISION = (  # fd-028
    "本院认为，被告人马柱违反道路交通安全法，醉酒后在道路上驾驶机动车辆，危害公共安全，其行为已构成危险驾驶罪。"
    "依照《中华人民共和国刑法》第一百三十三条之一、第六十七条第三款之规定，判决如下：\n"
    "被告人马柱犯危险驾驶罪，判处拘役一个月，罚金人民币一千元。\n"
    "（刑期从判决执行之日起计算。罚金已交纳。）"
)


def test_property_penalty_fine_imposed() -> None:
    found = [s for s in signals(CRIMINAL_HEAD + FD_028_DECISION + TAIL) if s.code == "fine_imposed"]
    assert [(s.text, s.section) for s in found] == [("罚金人民币一千元", "decision")]


def test_property_penalty_contraband_is_no_recovery() -> None:
    decision = (  # fd-034
        "判决如下： 一、依照《中华人民共和国刑法》第三百四十七条第一款之规定，被告人马柱犯贩卖毒品罪，"
        "判处有期徒刑一年零十个月，并处罚金人民币2000元。 二、根据《中华人民共和国刑法》第六十四条之规定，"
        "对扣押在案的毒品予以没收。"
    )
    found = signals(
        CRIMINAL_HEAD + "本院认为，被告人马柱的行为已构成贩卖毒品罪。" + decision + TAIL
    )
    assert [(s.code, s.text) for s in found] == [("fine_imposed", "并处罚金人民币2000元")]


def test_property_penalty_two_defendants_two_fines() -> None:
    text = (  # modelled on page-02 (several accused) and fd-034's operative wording
        "福建省安溪县人民法院\n刑 事 判 决 书\n(2014)安刑初字第994号\n公诉机关福建省安溪县人民检察院。\n"
        "被告人陈志强,男,1991年3月2日出生。\n被告人田茂军,男,1979年7月5日出生。\n"
        "安溪县人民检察院以安检诉刑诉(2014)1572号起诉书指控被告人陈志强、田茂军犯诈骗罪,向本院提起公诉。现已审理终结。\n"
        "本院认为,被告人陈志强、田茂军以非法占有为目的,骗取他人财物,其行为均已构成诈骗罪。判决如下:\n"
        "一、被告人陈志强犯诈骗罪,判处有期徒刑三年,并处罚金人民币二万元。\n"
        "二、被告人田茂军犯诈骗罪,判处有期徒刑二年,并处罚金人民币一万元。\n"
        "三、责令被告人陈志强、田茂军共同退赔被害人经济损失人民币五万元。\n"
        "审  判  长  王  某\n二〇一五年八月十九日\n书  记  员  李  某\n"
    )
    found = signals(text)
    assert [s.text for s in found if s.code == "fine_imposed"] == [
        "并处罚金人民币二万元",
        "并处罚金人民币一万元",
    ]
    assert [s.text for s in found if s.code == "recovery_ordered"] == [
        "退赔被害人经济损失人民币五万元"
    ]


def test_property_penalty_confiscation() -> None:
    decision = (
        "判决如下：\n被告人马柱犯贩卖毒品罪，判处无期徒刑，剥夺政治权利终身，并处没收个人全部财产。"
    )
    assert texts(CRIMINAL_HEAD + decision + TAIL, "confiscation_imposed") == ["没收个人全部财产"]


COMMUTATION = (  # fd-007's frame; the unpaid-fine sentence is modelled on 减刑 rulings since 2024
    "辽宁省大连市中级人民法院\n刑事裁定书\n（2017）辽02刑更392号\n"
    "罪犯蔡恒涛，男，1988年8月10日出生，现在辽宁省瓦房店监狱服刑。\n"
    "辽宁省大连市中级人民法院于2008年6月19日作出（2008）大刑一初字第101号刑事判决，以罪犯蔡恒涛犯诈骗罪，"
    "判处有期徒刑十五年，并处罚金人民币五万元。判决发生法律效力后交付执行。\n"
    "执行机关辽宁省瓦房店监狱于2017年3月27日提出减刑建议，报送本院审理。本案现已审理终结。\n"
    "经审理查明，该犯入监服刑以来，能认罪悔罪。{facts}\n"
    "本院认为，罪犯蔡恒涛服刑期间，确有悔改表现，符合减刑条件。裁定如下：\n"
    "对罪犯蔡恒涛减去有期徒刑八个月。\n"
    "审 判 长　黄微\n二Ο一七年四月二十五日\n书 记 员　刘丰采"
)


def test_property_penalty_commutation_recites_no_fine() -> None:
    found = codes(COMMUTATION.format(facts="原判罚金已全部缴纳。"))
    assert not found & {"fine_imposed", "confiscation_imposed", "recovery_ordered"}
    assert "commutation_unpaid" not in found


@pytest.mark.parametrize(
    ("facts", "evidence"),
    [
        ("原判罚金人民币五万元尚未缴纳。", "罚金人民币五万元尚未缴纳"),
        ("该犯未履行财产性判项，确有履行能力而不履行。", "未履行财产性判项"),
        # shown, not said: 2,000 of the 50,000 yuan fine paid in prison
        ("该犯在服刑期间缴纳罚金人民币二千元。", "缴纳罚金人民币二千元"),
        ("服刑期间交纳罚金人民币5000元，退赔被害人经济损失人民币3000元。", "交纳罚金人民币5000元"),
    ],
)
def test_property_penalty_commutation_unpaid(facts: str, evidence: str) -> None:
    assert evidence in texts(COMMUTATION.format(facts=facts), "commutation_unpaid")


@pytest.mark.parametrize(
    "facts",
    ["该犯在服刑期间缴纳罚金人民币五万元。", "该犯在服刑期间已全部缴纳罚金人民币二千元。", ""],
)
def test_property_penalty_commutation_fine_paid_in_full(facts: str) -> None:
    assert "commutation_unpaid" not in codes(COMMUTATION.format(facts=facts))


def test_property_penalty_commutation_real_ruling_without_unpaid_items() -> None:
    text = (
        COMMUTATION.format(facts="")
        .replace("犯诈骗罪", "犯故意伤害罪")
        .replace("并处罚金人民币五万元", "连带赔偿附带民事诉讼原告人经济损失")
    )  # fd-007 as it is
    assert not codes(text)


def test_property_penalty_execution_ruling_imposes_nothing() -> None:
    text = (  # fd-006 with the executed judgment named, as execution rulings often do
        "临夏市人民法院\n执行裁定书\n（2017）甘2901执162号\n申请执行人胡加党，男。\n被执行人马军，男。\n"
        "本院在执行申请执行人胡加党与被执行人马军装饰装修合同纠纷一案中，依据（2016）甘2901民初88号民事判决，"
        "被执行人马军应给付申请执行人胡加党工程款人民币五万元，并处罚款人民币一千元。被执行人马军下落不明，"
        "也无可供执行的财产。裁定如下：\n终结本次执行程序。\n审  判  员   康海龙\n二〇一七年九月十六日\n书  记  员   吴楠"
    )
    assert not codes(text) & {"fine_imposed", "confiscation_imposed", "recovery_ordered"}
