"""§2.1 wordings found by an independent tester's stress documents (tests/golden/stress,
/tmp/stress2/signals at the time): relations with a qualifier, subsidiaries, publication on a
website, earlier suits withdrawn, cash counted out, an oral defence, the court's warnings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from signal_helpers import CIVIL_HEAD, TAIL, codes

CLAIM = "原告诉称，被告向原告借款50000元。"


@pytest.mark.parametrize(
    ("sentence", "code", "found"),
    [
        ("本院提醒：当事人应当诚信诉讼，如有虚假诉讼行为，本院将依法予以罚款、拘留。", "defense_alleges_false", False),
        ("双方当事人签署了承诺不进行虚假诉讼的保证书。", "defense_alleges_false", False),
        ("本院向当事人宣读了虚假诉讼的法律责任。", "defense_alleges_false", False),
        ("被告辩称，原告与案外人恶意串通，虚构借款事实。", "defense_alleges_false", True),
        ("原告与被告周某系多年朋友。", "related_parties", True),
        ("原、被告系大学同学。", "related_parties", True),
        ("原告与被告的法定代表人均为王某某。", "related_parties", True),
        ("被告系原告持股60%的控股子公司。", "related_parties", True),
        ("原告曾就同一借款起诉，后以双方和解为由申请撤诉。", "withdrawal", True),
        ("原告于2019年提起诉讼，后又撤回。", "withdrawal", True),
        ("被告于2019年提起上诉，后又撤回上诉。", "withdrawal", False),
        ("原告从银行取现50000元后当面交付被告。", "cash_delivery", True),
        ("原告当场点付现金50000元。", "cash_delivery", True),
        ("原告将50000元现金交到被告手中。", "cash_delivery", True),
        ("被告乙某在答辩期内未提交答辩状，庭审中辩称借款已还清。", "no_defense", False),
        ("被告甲未答辩，被告乙辩称借款已还清。", "no_defense", True),
    ],
)  # fmt: skip
def test_false_litigation_stress_wordings(sentence: str, code: str, found: bool) -> None:
    assert (code in codes(CIVIL_HEAD + CLAIM + sentence + TAIL)) is found


@pytest.mark.parametrize(
    "sentence",
    [
        "本院在《人民法院报》刊登公告，向其送达起诉状副本。",
        "本院通过人民法院公告网向被告送达起诉状副本。",
    ],
)
def test_false_litigation_publication_with_a_comma_or_on_a_website(sentence: str) -> None:
    head = CIVIL_HEAD.replace("本案现已审理终结。", sentence + "本案现已审理终结。")
    assert "service_by_publication" in codes(head + CLAIM + TAIL)


_EXEC_HEAD = (
    "江苏省苏州市吴中区人民法院\n执行裁定书\n（2022）苏0506执异88号\n{party}\n"
    "申请执行人：苏州市吴中区某某农村小额贷款股份有限公司，住所地江苏省苏州市吴中区。\n"
    "被执行人：钱某，男，1979年10月2日出生，汉族，住江苏省苏州市吴中区。\n"
)


@pytest.mark.parametrize(
    ("party", "history", "found"),
    [
        # the objection told with a long description of the property
        ("", "本院在执行某某小贷公司与被执行人钱某借款合同纠纷一案中，案外人徐某对本院查封的位于苏州市吴中区"
         "长桥街道某小区12幢302室房屋（以下简称案涉房屋）提出书面异议。", True),
        # an outsider listed in the party block
        ("案外人：徐某，女，1985年2月14日出生，汉族，住江苏省苏州市吴中区。",
         "本院在执行某某小贷公司与被执行人钱某借款合同纠纷一案中，徐某向本院提出书面异议。", True),
        # the appeal-rights notice of a 追加被执行人 ruling
        ("", "本院在执行某某小贷公司与被执行人钱某借款合同纠纷一案中，申请人请求追加张某为被执行人。"
         "裁定如下：\n追加张某为被执行人。\n如不服本裁定，可以自本裁定书送达之日起十五日内，"
         "向本院提起执行异议之诉。", False),
    ],
)  # fmt: skip
def test_third_party_objection_in_execution_rulings(party: str, history: str, found: bool) -> None:
    text = _EXEC_HEAD.format(party=party) + history + TAIL
    assert ("third_party_objection" in codes(text)) is found


def test_a_suit_on_a_third_party_objection_still_counts() -> None:
    history = (
        "原告何锴不服本院（2014）绍新执异字第5号执行裁定，向本院提起案外人执行异议之诉。本院于2015年1月26日"
        "立案受理。\n"
    )
    assert "third_party_objection" in codes(CIVIL_HEAD + history + TAIL)


def test_false_litigation_withdrawal_against_one_defendant_while_the_suit_goes_on() -> None:
    decision = (
        "判决如下：\n准许原告何锴撤回对被告孙某乙的起诉。本案对被告陈晓春继续审理。\n"
        "被告陈晓春于本判决生效之日起十日内偿还原告借款50000元。"
    )
    assert "withdrawal" not in codes(CIVIL_HEAD + CLAIM + decision + TAIL)
    alone = "裁定如下：\n准许原告何锴撤回对被告陈晓春的起诉。"
    assert "withdrawal" in codes(CIVIL_HEAD + CLAIM + alone + TAIL)


def test_false_litigation_none_in_administrative_documents() -> None:
    from signal_helpers import ADMIN_HEAD

    text = ADMIN_HEAD + (
        "被告经本院合法传唤，无正当理由拒不到庭。被告直接采用公告方式送达行政处罚告知书。" + TAIL
    )
    assert not codes(text) & {"default_judgment", "service_by_publication", "no_defense"}


def test_false_litigation_iou_only_not_from_the_rule_recited() -> None:
    reasoning = (
        "本院认为，《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第十五条规定，"
        "原告仅依据借据、收据、欠条等债权凭证提起民间借贷诉讼，被告抗辩已经偿还借款的，被告应当提供证据。"
        "本案原告提供了银行转账记录。"
    )
    assert "iou_only" not in codes(CIVIL_HEAD + CLAIM + reasoning + TAIL)


def test_false_litigation_iou_only_despite_interest_paid_by_transfer() -> None:
    facts = "经审理查明，原告提交了借条一张。被告曾通过微信转账支付利息3000元。"
    assert "iou_only" in codes(CIVIL_HEAD + CLAIM + facts + TAIL)
