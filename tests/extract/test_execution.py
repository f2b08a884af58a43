"""Execution outcome: 终结本次执行程序, the sums executed and unpaid, with one evidence span."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assist.extract.execution import find_execution_outcome, pick_execution
from assist.pipeline import parse_document
from assist.text.normalize import make_text

# fd-006 (临夏市人民法院 (2017)甘2901执162号), complete: a 终本 ruling that states no sums.
FD006 = (
    "临夏市人民法院\n执行裁定书\n（2017）甘2901执162号\n"
    "申请执行人胡加党，男，汉族，1974年11月28日出生，身份号码×××，住临夏市。\n"
    "被执行人马军，男，回族，1982年2月4日出生，身份号码×××，住临夏市。\n"
    "本院在执行申请执行人胡加党与被执行人马军装饰装修合同纠纷一案中，被执行人马军下落不明，经通过四查，"
    "也无可供执行的财产。依据《最高人民法院关于适用<中华人民共和国民事诉讼法>的解释》第五百一十九条的规定，"
    "裁定如下：\n终结本次执行程序。\n申请执行人发现被执行人有可供执行财产的，可以再次申请执行全部债权。\n"
    "本裁定送达后即发生法律效力。\n审  判  员   康海龙\n二〇一七年九月十六日\n书  记  员   吴楠\n"
)
# fd-007 (辽宁省大连市中级人民法院 (2017)辽02刑更392号), abridged: a 减刑 ruling silent on money.
FD007 = (
    "辽宁省大连市中级人民法院\n刑事裁定书\n（2017）辽02刑更392号\n"
    "罪犯蔡恒涛，男，1988年8月10日出生，汉族，辽宁省庄河市人，初中文化，现在辽宁省瓦房店监狱服刑。\n"
    "辽宁省大连市中级人民法院于2008年6月19日作出（2008）大刑一初字第101号刑事附带民事判决，以罪犯蔡恒涛"
    "犯故意伤害罪，判处无期徒刑，剥夺政治权利终身，连带赔偿附带民事诉讼原告人经济损失。\n"
    "本院认为，罪犯蔡恒涛服刑期间，确有悔改表现，符合减刑条件。依照《中华人民共和国刑法》第七十八条、"
    "第七十九条之规定，裁定如下：\n对罪犯蔡恒涛减去有期徒刑八个月，剥夺政治权利七年不变。\n"
    "本裁定送达后即发生法律效力。\n审 判 长　　 　 黄微\n二Ο一七年四月二十五日\n"
)
# page-09 (安徽省巢湖市人民法院 (2021)皖0181执异25号), opening: an objection, no outcome.
PAGE09 = (
    "安徽省巢湖市人民法院\n执 行 裁 定 书\n(2021)皖0181执异25号\n"
    "异议人(利害关系人):安徽广宏园林建设有限公司,住所地巢湖市健康西路丽景国际。\n"
    "申请执行人:***,男,1962年3月8日出生,汉族,住巢湖市。\n被执行人:**,男,1971年10月1日出生,汉族,住巢湖市。\n"
    "在本院执行***与**民间借贷纠纷一案中,安徽广宏园林建设有限公司(以下简称广宏园林公司)向本院提出书面异议。"
    "本院受理后,依法组成合议庭进行了审查,现已审查终结。\n"
)

Row = tuple[bool, str | None, str | None, str]  # terminated, executed, unpaid, evidence contains

# Court-style sentences of 终本 rulings, 结案通知书 and 减刑 rulings.
CASES: list[tuple[str, Row]] = [
    ("本案申请执行标的为人民币10000元，执行中已执行到位人民币3000元，尚有7000元未执行到位。裁定如下：\n终结本次执行程序。",
     (True, "3000.00", "7000.00", "已执行到位人民币3000元")),
    ("被执行人张某应缴纳罚金人民币20000元。经网络查控，被执行人名下无可供执行的财产，本案执行到位0元。",
     (False, "0.00", None, "执行到位0元")),
    ("罪犯李某已缴纳罚金人民币2000元，尚欠罚金人民币8000元未缴纳。",
     (False, "2000.00", "8000.00", "尚欠罚金人民币8000元")),
    ("经查，罪犯王某原判财产性判项罚金人民币10000元已全部履行。",
     (False, "10000.00", "0.00", "10000元已全部履行")),
    ("本院执行的（2020）浙0602刑初600号刑事判决书罚金一案，被执行人吴某已缴纳罚金人民币8000元，本案已执行完毕。",
     (False, "8000.00", "0.00", "已缴纳罚金人民币8000元")),
    ("罚金人民币伍仟元已于2019年3月1日缴纳。", (False, "5000.00", None, "伍仟元已于2019年3月1日缴纳")),
    ("截至目前，被执行人共履行了15000元，剩余35000元，因被执行人暂无财产可供执行，本案终结执行。",
     (True, "15000.00", "35000.00", "剩余35000元")),
    ("本案执行标的款8000元，其中3000元未能执行到位，裁定终结本次执行程序。",
     (True, None, "3000.00", "3000元未能执行到位")),
    ("原判罚金人民币3万元，该犯服刑期间缴纳了5000元，余款2.5万元尚未缴纳。",
     (False, "5000.00", "25000.00", "缴纳了5000元")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_execution_outcome(text: str, expected: Row) -> None:
    t = make_text(text)
    got = find_execution_outcome(t)
    assert got is not None
    terminated, executed, unpaid, evidence = expected
    assert got.terminated is terminated
    assert got.executed == (None if executed is None else Decimal(executed))
    assert got.unpaid == (None if unpaid is None else Decimal(unpaid))
    assert evidence in t.raw[got.start : got.end]


@pytest.mark.parametrize(
    "text",
    [
        "被执行人未全部履行生效法律文书确定的义务。",  # no sum, nothing paid in full
        "被执行人未履行判决确定的给付罚金10000元的义务。",  # the sum owed, not an outcome
        "判处有期徒刑三年，并处罚金人民币五千元。",
        "其刑期执行完毕。",  # the prison term, not the money
        "申请执行人请求终结执行，本院不予终结执行。",
    ],
)
def test_execution_no_outcome(text: str) -> None:
    assert find_execution_outcome(make_text(text)) is None


def test_execution_restored_case_is_not_terminated() -> None:
    text = "本院于2018年3月裁定终结本次执行程序。现申请执行人申请恢复执行。裁定如下：\n恢复执行。"
    t = make_text(text)
    decision = (text.index("裁定如下"), len(text))
    assert find_execution_outcome(t, decision) is None


def test_execution_real_terminated_ruling() -> None:
    t = make_text(FD006)
    got = pick_execution(t, parse_document(FD006))
    assert got is not None and got.terminated and got.executed is None and got.unpaid is None
    assert t.raw[got.start : got.end] == "终结本次执行程序"


@pytest.mark.parametrize("text", [FD007, PAGE09])
def test_execution_real_documents_without_outcome(text: str) -> None:
    assert pick_execution(make_text(text), parse_document(text)) is None


def test_execution_only_for_execution_documents() -> None:
    civil = (
        "浙江省杭州市西湖区人民法院\n民事判决书\n（2021）浙0106民初1203号\n原告：王某，男。\n被告：李某，男。\n"
        "经审理查明，被告尚欠原告借款本金13.5万元。\n"
    )
    assert find_execution_outcome(make_text(civil)) is not None  # the bare finder reads any text
    assert pick_execution(make_text(civil), parse_document(civil)) is None


@given(st.text(max_size=300))
def test_execution_never_raises_and_spans_are_valid(text: str) -> None:
    t = make_text(text)
    got = find_execution_outcome(t, (0, len(text)))
    if got is not None:
        assert 0 <= got.start <= got.end <= len(text)


@given(
    st.lists(
        st.sampled_from(
            ["已执行到位", "尚欠", "人民币", "3000元", "未执行到位", "终结本次执行程序", "，", "。",
             "罚金", "已全部履行", "贰万元", "本案", "\n", "剩余"]
        ),
        max_size=30,
    )
)  # fmt: skip
def test_execution_property_on_court_words(words: list[str]) -> None:
    text = "".join(words)
    t = make_text(text)
    got = find_execution_outcome(t)
    if got is not None:
        assert t.raw[got.start : got.end] == text[got.start : got.end]
        assert got.start < got.end
        assert got.executed is None or got.executed >= 0
