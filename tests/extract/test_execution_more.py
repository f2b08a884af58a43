"""Execution outcome: wordings of real 终本 / 执恢 / 执异 rulings found by a tester's stress
documents — a case named between 终结 and 执行, colon-labelled ledgers, 未执行金额, 支付了 / 未付,
and the parties' own claims in objection rulings (never the court's account)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assist.extract.execution import find_execution_outcome
from assist.pipeline import parse_document
from assist.text.normalize import make_text

Row = tuple[bool, str | None, str | None]


def _outcome(text: str) -> Row | None:
    got = find_execution_outcome(make_text(text))
    if got is None:
        return None
    executed = None if got.executed is None else str(got.executed)
    return got.terminated, executed, None if got.unpaid is None else str(got.unpaid)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("裁定如下：\n终结本院（2021）闽0203执7001号案件的本次执行程序。", (True, None, None)),
        ("裁定如下：\n終結本院（2019）粵0606執3333號案件的執行。", (True, None, None)),
        ("裁定如下：\n终结本院（2020）赣0102刑初233号刑事判决中罚金部分的执行。", (True, None, None)),
        ("裁定如下：\n终结（2014）西刑初字第00217号刑事判决书罚金及退赔部分的执行。", (True, None, None)),
        # a 执行异议 or 复议 about that case is no termination
        ("裁定如下：\n驳回申请人对（2021）闽0203执7001号案件的执行异议。", None),
        ("本案执行标的金额：1,035,600元；实际执行到位金额：48,000元；未执行到位金额：987,600元。",
         (False, "48000.00", "987600.00")),
        ("截至目前，本案已执行到位人民币12500元，未执行金额人民币667500元。",
         (False, "12500.00", "667500.00")),
        ("经查，被执行人仅按和解协议支付了第一期款项20000元，余款60000元至今未付。",
         (False, "20000.00", "60000.00")),
        ("执行过程中，被执行人罗某某缴纳罚金人民币5000元，尚有罚金人民币肆万伍仟元未缴纳。",
         (False, "5000.00", "45000.00")),
        ("执行中，本院冻结扣划银行存款48000元，未发现其他财产。", (False, "48000.00", None)),
        # ordered, not paid: 应缴纳 / 责令缴纳
        ("判决被执行人应缴纳罚金人民币5000元。", None),
        ("责令被执行人缴纳罚金人民币5000元。", None),
        # a shareholder's unpaid capital is no execution outcome
        ("追加张某为被执行人，在其未缴出资250万元的范围内承担责任。", None),
    ],
)  # fmt: skip
def test_execution_wordings(text: str, expected: Row | None) -> None:
    assert _outcome(text) == expected


_OBJECTION = (
    "江苏省苏州市吴中区人民法院\n执行裁定书\n（2022）苏0506执异88号\n"
    "案外人：徐某，女，1985年2月14日出生，汉族，住江苏省苏州市吴中区。\n"
    "申请执行人：苏州市吴中区某某农村小额贷款股份有限公司，住所地江苏省苏州市吴中区。\n"
    "被执行人：钱某，男，1979年10月2日出生，汉族，住江苏省苏州市吴中区。\n"
    "　　本院在执行申请执行人某某小贷公司与被执行人钱某借款合同纠纷一案中，案外人徐某对本院查封的"
    "位于苏州市吴中区某小区12幢302室房屋（以下简称案涉房屋）提出书面异议。本院受理后，依法组成合议庭"
    "进行审查，现已审查终结。\n"
    "　　徐某称，其于2019年8月与钱某签订《房屋买卖合同》，约定以100万元购买案涉房屋，其已支付购房款80万元，"
    "尚欠房款20万元未支付，约定待办理过户后付清。请求中止对案涉房屋的执行。\n"
    "　　某某小贷公司称，徐某与钱某之间的房屋买卖合同签订时间存疑，请求驳回徐某的异议。\n"
    "　　本院查明，本院于2021年6月11日立案执行，案号为（2021）苏0506执1234号。{findings}\n"
    "　　本院认为，徐某的异议不符合规定，本院不予支持。依照《中华人民共和国民事诉讼法》第二百三十四条规定，"
    "裁定如下：\n　　驳回案外人徐某的异议。\n"
    "审　判　长　陆某\n审　判　员　朱某某\n二〇二二年五月十九日\n书　记　员　戴某\n"
)


def test_objection_ruling_ignores_the_objectors_claims() -> None:
    doc = parse_document(_OBJECTION.format(findings=""))
    assert doc.execution is None


def test_objection_ruling_keeps_the_courts_own_account() -> None:
    findings = "执行中，已执行到位30万元，尚有20万元未执行到位。"
    doc = parse_document(_OBJECTION.format(findings=findings))
    assert doc.execution is not None
    assert (doc.execution.executed, doc.execution.unpaid) == (
        Decimal("300000.00"),
        Decimal("200000.00"),
    )


def test_added_respondent_ruling_takes_the_unpaid_sum_of_the_case() -> None:
    text = (
        "北京市朝阳区人民法院\n执行裁定书\n（2023）京0105执异1024号\n"
        "申请人（申请执行人）：北京某某建材有限公司，住所地北京市朝阳区。\n"
        "被申请人：张某，男，1972年4月8日出生，汉族，住北京市朝阳区。\n"
        "　　本院在执行申请执行人北京某某建材有限公司与被执行人北京某某装饰工程有限公司买卖合同纠纷一案中，"
        "申请人向本院提出书面申请，请求追加张某为被执行人。本院受理后，依法组成合议庭进行审查。\n"
        "　　申请人称，股东张某认缴出资300万元，仅实缴50万元，未缴出资250万元。\n"
        "　　本院查明，本院于2023年2月10日作出执行裁定，终结本次执行程序，该案尚有867540元未执行到位。\n"
        "　　本院认为，股东未届出资期限的出资应加速到期。依照《中华人民共和国公司法》第二十八条规定，裁定如下：\n"
        "　　追加被申请人张某为被执行人，在其未缴出资250万元的范围内对该案所涉债务承担责任。\n"
        "审　判　长　白某某\n二〇二三年六月二日\n书　记　员　姜某\n"
    )
    doc = parse_document(text)
    assert doc.execution is not None
    assert doc.execution.terminated is False
    assert doc.execution.unpaid == Decimal("867540.00")
