"""§2.4 public-interest leads in criminal documents (real facts from CAIL2018 and LeCaRD)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from signal_helpers import ADMIN_HEAD, CIVIL_HEAD, CRIMINAL_HEAD, TAIL, codes, signals, texts

ECO_FACTS = (  # LeCaRD query (滥伐林木罪)
    "经审理查明，2016年2月被告人孙某某将其种植的位于赣榆区黑林镇沟屋村东河西岸林地内的杨树以38000元的价格"
    "出售给被告人万某某。经赣榆区林业局执法大队执法人员现场勘验，被告人万某某共无证滥伐杨树300株，"
    "折合林木蓄积30.8782立方米。\n"
)


def _eco(decision: str, extra: str = "") -> str:
    return (
        CRIMINAL_HEAD.replace("犯危险驾驶罪", "犯滥伐林木罪")
        + ECO_FACTS
        + "本院认为，被告人违反森林法的规定，滥伐林木，数量较大，其行为已构成滥伐林木罪。"
        + extra
        + "判决如下：\n"
        + decision
        + TAIL
    )


def test_public_interest_ecological_crime_without_restoration() -> None:
    found = [
        (s.code, s.text, s.section)
        for s in signals(_eco("被告人马柱犯滥伐林木罪，判处有期徒刑一年，并处罚金人民币五千元。"))
    ]
    assert ("ecological_damage", "滥伐林木罪", "decision") in found
    assert (
        "no_restoration_order",
        "被告人马柱犯滥伐林木罪，判处有期徒刑一年，并处罚金人民币五千元",
        "decision",
    ) in found


@pytest.mark.parametrize(
    ("decision", "extra"),
    [
        (
            "一、被告人马柱犯滥伐林木罪，判处有期徒刑一年。\n二、被告人马柱于判决生效后三个月内补植杨树900株。",
            "",
        ),
        (
            "被告人马柱犯滥伐林木罪，判处有期徒刑一年，缓刑一年。",
            "被告人已主动补植复绿，可酌情从轻处罚。",
        ),
    ],
)
def test_public_interest_restoration_ordered_or_done(decision: str, extra: str) -> None:
    found = codes(_eco(decision, extra))
    assert "ecological_damage" in found
    assert "no_restoration_order" not in found


def test_public_interest_not_in_civil_public_interest_suits() -> None:
    sentence = (  # page-05: the civil suit is itself the remedy
        "公益诉讼起诉人浮梁县检察院向本院提出诉讼请求:1、判令被告海蓝公司赔偿倾倒硫酸钠废液造成的环境污染修复费用2168000元。"
    )
    assert not codes(CIVIL_HEAD + sentence) & {"ecological_damage", "no_restoration_order"}


@pytest.mark.parametrize(
    ("fact", "evidence"),
    [
        (  # CAIL2018 ([生产、销售][有毒、有害]食品)
            "南京市秦淮区人民检察院指控，2016年1月至4月，被告人王某在本市秦淮区中和桥路91号无证经营成人用品店，"
            "明知性保健食品中可能掺有“西地那非”等非食品原料，仍然继续销售。",
            "西地那非",
        ),
        (
            "经审理查明，被告人枯某在四川省雷波县一石场内燃烧硫磺并引导硫磺产生的烟雾熏制新鲜竹笋，以达到保鲜竹笋的目的。",
            "硫磺并引导硫磺产生的烟雾熏",
        ),
    ],
)
def test_public_interest_food_drug_harm(fact: str, evidence: str) -> None:
    assert evidence in texts(fact, "food_drug_harm")


def test_public_interest_food_drug_charge() -> None:
    decision = (
        "判决如下：\n被告人马柱犯销售有毒、有害食品罪，判处有期徒刑六个月，并处罚金人民币二千元。"
    )
    assert "销售有毒、有害食品罪" in texts(CRIMINAL_HEAD + decision + TAIL, "food_drug_harm")


def test_public_interest_personal_info_charge() -> None:
    decision = (
        "判决如下：\n被告人马柱犯侵犯公民个人信息罪，判处有期徒刑一年，并处罚金人民币五千元。"
    )
    assert texts(CRIMINAL_HEAD + decision + TAIL, "personal_info_breach") == ["侵犯公民个人信息罪"]


def test_public_interest_heritage_charge() -> None:
    decision = (
        "判决如下：\n被告人马柱犯盗掘古文化遗址、古墓葬罪，判处有期徒刑三年，并处罚金人民币一万元。"
    )
    assert "盗掘古文化遗址、古墓葬罪" in texts(CRIMINAL_HEAD + decision + TAIL, "heritage_damage")


@pytest.mark.parametrize(
    ("fact", "evidence"),
    [  # CAIL2018
        (
            "公诉机关认为，被告人孙某奸淫不满十四周岁的幼女，其行为触犯了《中华人民共和国刑法》。",
            "奸淫不满十四周岁的幼女",
        ),
        (
            "2014年2月7日13时许，被告人高某某尾随被害人时某某（未满18周岁）进入大连市西岗区英华小区。",
            "被害人时某某（未满18周岁",
        ),
        (
            "被告人在自己家中看到被害人肖某辛（9周岁）和自己的女儿刘某正在玩耍。",
            "被害人肖某辛（9周岁",
        ),
        (
            "被告人曾某伙同向某甲持刀拦截隆昌二中学生秦某甲（女，17岁），并强行将其带至竹林。",
            "（女，17岁",
        ),
        (
            "被告人王某容留卖淫女杨某某、甘某某（未满18周岁）卖淫，并每次收取50元。",
            "（未满18周岁）",
        ),
    ],
)
def test_public_interest_minor_victim(fact: str, evidence: str) -> None:
    assert evidence in texts(fact, "minor_victim")


@pytest.mark.parametrize(
    "fact",
    [  # CAIL2018: adult victims, a minor offender
        "被告人王某与被害人韩某某（男，时年53岁）因玩扑克发生口角并互相撕打。",
        "2015年7月15日被告人在家中向被害人丁某（男，29岁）提供了伪造的身份证。",
        "被告人苏某作案时系未成年人，在共同犯罪中起次要作用。",
        "被告人张某（男，17岁）伙同他人盗窃电动车一辆。",
    ],
)
def test_public_interest_minor_victim_not_adults_or_offenders(fact: str) -> None:
    assert "minor_victim" not in codes(fact)


def test_public_interest_prior_conviction_is_not_the_charge() -> None:
    fact = "另查明，被告人韦某甲因犯盗伐林木罪，于2013年10月被判处有期徒刑一年。"  # CJRC
    assert "ecological_damage" not in codes(CRIMINAL_HEAD + fact + TAIL)


@pytest.mark.parametrize(
    ("head", "fact", "evidence"),
    [
        (  # an excerpt of facts, no charge named (LeCaRD 6652)
            "",
            "经审理查明，经忻城县林业局鉴定，被告人韦某甲滥伐桉树的总立木蓄积量为108立方米。",
            "滥伐桉树的总立木蓄积量为108立方米",
        ),
        (  # CJRC: 电鱼 (非法捕捞)
            CRIMINAL_HEAD,
            "被告人刘某、黎某携带背包式电鱼工具到码头附近水域捕鱼。",
            "电鱼",
        ),
        (  # an administrative case about a penalty for dumping
            ADMIN_HEAD,
            "经审理查明，原告在厂区外空地倾倒含油废液约3吨，被告对其作出罚款决定。",
            "倾倒含油废液",
        ),
        (  # a private pollution tort: the public's loss is not claimed by anyone yet
            CIVIL_HEAD,
            "经审理查明，被告的化工厂向河道偷排未经处理的废水，造成原告鱼塘水体污染。",
            "偷排未经处理的废水",
        ),
    ],
)
def test_public_interest_ecological_damage_told_in_the_facts(
    head: str, fact: str, evidence: str
) -> None:
    assert evidence in texts(head + fact + TAIL, "ecological_damage")


def test_public_interest_charge_name_is_not_a_fact() -> None:
    fact = "2012年被告人张某某因犯非法采矿罪被吉林省东丰县人民法院判处有期徒刑三年。"  # CJRC 820
    assert "ecological_damage" not in codes(fact)
