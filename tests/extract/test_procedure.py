"""Trial procedure from the procedural history (real sentences from the dev corpus and the
CAIL2018 facts; 小额诉讼 and 简易程序转普通程序 use the wording of 民事诉讼法 / 民诉法解释, which
the corpora's judgments do not show)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.document import Procedure
from assist.extract.procedure import find_procedure
from assist.text.normalize import make_text
from tests.conftest import dev_texts

DOCS: dict[str, str] = dev_texts("fd-008", "fd-019")

# (history sentence, procedure, the cue it rests on)
CASES: list[tuple[str, Procedure | None, str | None]] = [
    (
        "天津市南开区人民检察院以（2000）津南检诉第570号起诉书指控被告人王明武犯交通肇事罪，"
        "于2000年12月8日向本院提起公诉。本院依法适用简易程序，实行独任审判，公开开庭审理了本案。",
        "simple",
        "简易程序",
    ),
    (
        "本院于2008年6月12日立案受理。审理中，付合元提出反诉。本院依法由审判员张效平适用简易程序"
        "合并公开开庭进行了审理。",
        "simple",
        "简易程序",
    ),
    (
        "原告张焕生与被告王明博同居关系析产纠纷一案，本院受理后，依法由审判员阎忠民独任审判，"
        "公开开庭进行了审理。",
        "simple",
        "独任审判",
    ),
    (
        "原告赵立文诉被告赵印文、第三人赵美文分家析产纠纷一案，本院受理后，依法适用普通程序，"
        "公开开庭进行了审理。",
        "ordinary",
        "普通程序",
    ),
    (
        "原告窦少明、钱成与被告窦少琴等6人分家析产纠纷一案，本院于2006年3月30日立案受理。"
        "依法组成合议庭，公开开庭进行了审理。",
        "ordinary",
        "组成合议庭",
    ),
    (
        "本院于同日立案受理后,依法决定由审判员***适用普通程序独任审理,并于2025年5月22日公开开庭"
        "审理了本案。",
        "ordinary",
        "普通程序",
    ),
    (
        "成都市武侯区人民检察院以成武检公诉刑诉（2014）196号起诉书指控被告人黄恨犯贩卖毒品罪，"
        "于2014年4月17日向本院提起公诉，并建议本案适用简易程序审理，本院受理后经审查，符合简易程序"
        "审理的条件，并征得被告人同意，依法适用简易程序，实行独任审判，于2014年4月23日公开开庭审理"
        "了本案。",
        "simple",
        "简易程序",
    ),
    (
        "南京市高淳区人民检察院以宁高检诉刑诉〔2017〕373号起诉书指控被告人朱某犯销售有毒、有害食品"
        "罪。本案适用刑事案件速裁程序，实行独任审判，公开开庭审理了本案。",
        "fast_track",
        "速裁程序",
    ),
    (
        "被告人罗1某对公安机关指控其犯罪的事实和罪名均无异议，认罪认罚，请求从轻处罚。",
        None,
        None,
    ),
    (
        "原告不服向锡林郭勒盟中级人民法院提起上诉。本院依法组成合议庭进行了审理,于2013年10月21日"
        "作出行政判决,维持被告多伦人社局作出的劳动保障监察行政处理决定。",
        None,
        None,
    ),  # the earlier proceeding retold in page-11
    (
        "原告中建伟诚集团有限公司与被告**追索劳动报酬纠纷一案于2021年5月28日在四川省资中县人民法院"
        "立案后,该院于2021年6月22日依法适用简易程序对本案公开开庭进行了审理后,认为其没有管辖权将"
        "案件移送至本院。本院于2021年8月2日受理后,依法组成合议庭对本案公开开庭进行了审理。",
        "ordinary",
        "组成合议庭",
    ),  # page-14 with this court's panel changed: the last statement of this court counts
    (
        "本院于2019年3月1日立案后，依法适用小额诉讼程序，公开开庭进行了审理。",
        "small_claims",
        "小额诉讼",
    ),
    (
        "本院于2019年3月1日立案后，依法适用简易程序，后因案情复杂，裁定转为普通程序，依法组成合议庭"
        "公开开庭进行了审理。",
        "ordinary",
        "转为普通程序",
    ),
    ("本案不宜适用简易程序。", None, None),
    (  # a switch between any two procedures: the one switched to is final
        "本院于2021年5月10日立案后，依法适用小额诉讼程序，后因被告提出管辖异议，转为简易程序，"
        "于2021年5月13日公开开庭进行了审理。",
        "simple",
        "转为简易程序",
    ),
    (
        "本院受理后，依法适用简易程序，后因案情复杂，裁定转为普通程序，依法组成合议庭进行了审理。",
        "ordinary",
        "转为普通程序",
    ),
    (
        "本院立案后，依法适用简易程序，后依法变更为小额诉讼程序，公开开庭进行了审理。",
        "small_claims",
        "变更为小额诉讼程序",
    ),
]


@pytest.mark.parametrize(("text", "procedure", "cue"), CASES)
def test_procedure_from_history(text: str, procedure: Procedure | None, cue: str | None) -> None:
    found = find_procedure(make_text(text))
    if procedure is None:
        assert found is None
        return
    assert found is not None
    assert found[0] == procedure
    assert text[found[1] : found[2]] == cue


def test_procedure_collegiate_signature_means_ordinary() -> None:
    """fd-019 states no procedure, but 审判长 and 人民陪审员 sign it."""
    text = DOCS["fd-019"]
    found = find_procedure(make_text(text))
    assert found is not None and found[0] == "ordinary"
    assert text[found[1] : found[2]] == "审  判  长"


def test_procedure_single_judge_signature_says_nothing() -> None:
    """fd-008 (撤诉 ruling) is signed by one 审判员 and states no procedure."""
    assert find_procedure(make_text(DOCS["fd-008"])) is None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=8),
            st.sampled_from(
                ["简易程序", "普通程序", "组成合议庭", "独任审判", "转为", "不宜适用", "小额诉讼",
                 "速裁程序", "本院", "该院", "作出判决", "。", "\n", "审判长 张三\n", "一案"]
            ),
        ),
        max_size=30,
    ).map("".join)
)  # fmt: skip
def test_procedure_never_raises(raw: str) -> None:
    found = find_procedure(make_text(raw))
    if found is not None:
        assert 0 <= found[1] < found[2] <= len(raw)


_SIGNED = "\n审　判　长　俞某某\n审　判　员　孔某\n审　判　员　柏某某\n二〇二〇年九月二十九日\n书　记　员　汤某\n"


@pytest.mark.parametrize(
    ("head", "procedure"),
    [
        # 执行, 国家赔偿, 司法救助: a panel signs, but no trial procedure applies
        ("福建省厦门市思明区人民法院\n执行裁定书\n（2021）闽0203执7001号\n申请执行人：某某银行。\n"
         "被执行人：陈某某。\n申请执行人某某银行与被执行人陈某某金融借款合同纠纷一案，本院依法立案执行。\n"
         "裁定如下：\n终结本次执行程序。", None),
        ("江苏省南京市中级人民法院\n赔偿委员会\n国家赔偿决定书\n（2020）苏01委赔8号\n赔偿请求人：马某某。\n"
         "赔偿请求人马某某以玄武区检察院错误逮捕为由申请国家赔偿。本院赔偿委员会依法进行了审理。\n"
         "本院赔偿委员会决定如下：\n驳回赔偿请求人马某某的赔偿请求。", None),
        ("北京市第一中级人民法院\n司法救助决定书\n（2021）京01司救民5号\n救助申请人：王某，女。\n"
         "王某于2021年3月向本院申请司法救助。\n决定如下：\n给予救助申请人王某司法救助金人民币30000元。", None),
        # a first-instance trial signed by a panel: ordinary
        ("四川省成都市青羊区人民法院\n民事裁定书\n（2023）川0105民初4567号\n原告：刘某某。\n被告：某公司。\n"
         "原告刘某某与被告某公司劳动争议一案，本院于2023年5月4日立案。\n裁定如下：\n驳回原告的起诉。",
         "ordinary"),
    ],
)  # fmt: skip
def test_procedure_signature_only_for_first_instance(
    head: str, procedure: Procedure | None
) -> None:
    found = find_procedure(make_text(head + _SIGNED))
    assert (found[0] if found else None) == procedure
