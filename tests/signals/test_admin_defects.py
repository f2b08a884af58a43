"""§2.3 administrative defect signals: only the court's own finding counts.

The corpora hold only truncated administrative documents (page-04, page-07, page-08, page-11),
so the positive reasoning sentences below are written in the standard wording of 行政判决书 /
非诉执行审查裁定 (行政诉讼法 第七十条, 行政强制法 第五十四条); the negatives include the real
sentences that must not fire (page-07, fd-032, page-14).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from signal_helpers import ADMIN_HEAD, CIVIL_HEAD, TAIL, codes, signals, texts

LOST = (
    "本院认为，被告在作出被诉处罚决定前，未依法告知原告陈述、申辩的权利，违反法定程序。"
    "依照《中华人民共和国行政诉讼法》第七十条第（三）项的规定，判决如下：\n"
    "撤销被告淮安市淮阴区运输管理所作出的淮阴交道罚字(2014)第0705016号行政处罚决定。\n案件受理费50元，由被告负担。"
)


def test_admin_defects_agency_lost_and_procedure() -> None:
    found = [(s.code, s.text, s.section) for s in signals(ADMIN_HEAD + LOST + TAIL)]
    assert ("procedure_violation", "未依法告知原告陈述、申辩的权利", "reasoning") in found
    assert ("procedure_violation", "违反法定程序", "reasoning") in found
    assert (
        "agency_lost",
        "撤销被告淮安市淮阴区运输管理所作出的淮阴交道罚字(2014)第0705016号行政处罚决定",
        "decision",
    ) in found


@pytest.mark.parametrize(
    ("reasoning", "code", "evidence"),
    [
        (
            "本院认为，被诉处罚决定认定事实不清，主要证据不足。",
            "insufficient_evidence",
            "主要证据不足",
        ),
        (
            "本院认为，被告作出的处罚决定适用法律、法规错误，依法应予撤销。",
            "wrong_law",
            "适用法律、法规错误",
        ),
        ("本院认为，被告对该事项无处罚权，其作出的处罚决定超越职权。", "ultra_vires", "超越职权"),
        (
            "本院认为，被告收到原告的申请后，在法定期限内不履行法定职责，构成行政不作为。",
            "inaction",
            "不履行法定职责",
        ),
        (
            "本院认为，被诉处罚决定的罚款数额明显不当，本院依法予以变更。",
            "clearly_improper",
            "明显不当",
        ),
    ],
)
def test_admin_defects_court_findings(reasoning: str, code: str, evidence: str) -> None:
    assert evidence in texts(ADMIN_HEAD + reasoning + "判决如下：\n撤销被诉处罚决定。" + TAIL, code)


@pytest.mark.parametrize(
    "reasoning",
    [
        # alleged by the plaintiff, then rejected
        "本院认为，原告主张被告适用法律错误、违反法定程序的理由不能成立，本院不予支持。",
        # negated
        "本院认为，被告作出的处罚决定认定事实清楚，程序合法，不存在违反法定程序的情形，处罚幅度亦无明显不当。",
        # a question
        "本院认为，本案的争议焦点是被告作出的处罚决定是否超越职权。",
        # a statute's condition quoted
        "本院认为，《中华人民共和国行政诉讼法》第七十条规定：“行政行为有下列情形之一的，人民法院判决撤销：（三）违反法定程序的”。",
        # page-07 (real): the agency's act is lawful
        "本院认为,通化县国土资源局作出的通县国土资处字[2014]第51号行政处罚决定依据充分合理,适用法律、法规正确,符合法定程序。",
    ],
)
def test_admin_defects_not_alleged_negated_or_quoted(reasoning: str) -> None:
    found = codes(ADMIN_HEAD + reasoning + "判决如下：\n驳回原告陈虎的诉讼请求。" + TAIL)
    assert not found


def test_admin_defects_claims_do_not_count() -> None:
    claims = (
        "原告陈虎诉称，被告作出处罚决定前未告知原告陈述、申辩的权利，违反法定程序，请求撤销。\n"
    )
    assert not codes(ADMIN_HEAD + claims)


def test_admin_defects_refused_claim_is_no_loss() -> None:
    decision = "本院认为，原告的诉讼请求缺乏依据。判决如下：\n驳回原告陈虎要求撤销被告作出的淮阴交道罚字(2014)第0705016号行政处罚决定的诉讼请求。"
    assert "agency_lost" not in codes(ADMIN_HEAD + decision + TAIL)


def test_admin_defects_premature_enforcement_refused() -> None:
    text = (  # page-07's frame; the reasoning in the wording of 行政强制法 第五十四条
        "吉林省通化县人民法院\n行政裁定书\n(2015)通行非执字第 78号\n申请执行人通化县国土资源局。\n被执行人周殿云,男。\n"
        "申请执行人通化县国土资源局于2015年4月1日向本院申请强制执行通县国土资处字[2014]第51号行政处罚决定书。"
        "本院受理后,依法组成合议庭进行了审查。\n"
        "本院认为,申请执行人作出行政处罚决定后未催告被执行人履行义务,且在被执行人的起诉期限届满前即申请强制执行。"
        "裁定如下:\n对通县国土资处字[2014]第51号行政处罚决定书不准予强制执行。" + TAIL
    )
    found = [(s.code, s.text) for s in signals(text)]
    assert ("premature_enforcement", "未催告") in found
    assert ("premature_enforcement", "起诉期限届满前即申请强制执行") in found
    assert ("agency_lost", "不准予强制执行") in found


@pytest.mark.parametrize(
    "sentence",
    [
        # fd-032 (civil defence): 程序违法 said by an insurer
        "被告人寿财险榆林支公司辩称：原告的车辆损失鉴定过高，系单方委托，并未通知我公司参与此次鉴定，程序违法。",
        # page-14 (civil claims)
        "原告认为裁决书认定实施错误、适用法律错误，依法应当予以撤销。",
        # fd-027 (civil operative part): 撤销 a marriage, not an agency's act
        "本院认为，原告要求撤销婚姻关系理由正当。判决如下：\n撤销原告曲晓英与被告黄东婚姻关系。",
    ],
)
def test_admin_defects_not_in_civil_documents(sentence: str) -> None:
    assert not codes(CIVIL_HEAD + sentence + TAIL)
