"""Dates: 同日 / 当日 / 次日 after a dated sentence, the 移送执行 filing, a hearing without 开庭."""

from __future__ import annotations

import pytest

from assist.document import Sections
from assist.extract.dates import find_dates, pick_dates
from assist.text.normalize import make_text

_HEAD = (
    "福建省晋江市人民法院\n民 事 调 解 书\n（2018）闽0582民初5678号\n原告：施某某。\n被告：施某。\n"
)
_TAIL = (
    "\n本院认为，当事人的请求于法有据。依照《中华人民共和国民事诉讼法》第一百四十五条之规定，"
    "裁定如下：\n终结本次执行程序。\n审判员 洪某某\n二〇一八年六月二十日\n书记员 许某\n"
)


def _picked(
    history: str, head: str = _HEAD
) -> tuple[str | None, str | None, str | None, dict[str, str]]:
    text = head + history + _TAIL
    dates, spans = pick_dates(make_text(text))
    evidence = {kind: text[start:end] for kind, (start, end) in spans.items()}
    return dates.filed, dates.hearing, dates.decided, evidence


def test_same_day_hearing() -> None:
    history = (
        "原告施某某与被告施某民间借贷纠纷一案，本院于2018年6月4日立案受理，依法适用简易程序于同日"
        "进行了审理。本案现已审理终结。"
    )
    filed, hearing, decided, evidence = _picked(history)
    assert (filed, hearing, decided) == ("2018-06-04", "2018-06-04", "2018-06-20")
    assert evidence["hearing"] == "同日"


def test_same_day_filing_after_a_transfer_to_execution() -> None:
    history = (
        "因被执行人黎某某未缴纳罚金，本院刑事审判庭于2023年2月16日移送执行，本院于同日立案执行。"
        "本院依法向被执行人发出执行通知书。"
    )
    filed, _, _, evidence = _picked(history)
    assert filed == "2023-02-16"
    assert evidence["filed"] == "2023年2月16日"


def test_transfer_to_execution_is_a_filing() -> None:
    history = (
        "本院于2014年6月30日作出的（2014）西刑初字第00217号刑事判决书已经发生法律效力，该判决判处"
        "被执行人鲍某某犯集资诈骗罪，并处罚金人民币三十万元。本院刑事审判庭于2015年3月3日将该判决"
        "财产部分移送执行。"
    )
    head = "河北省石家庄市桥西区人民法院\n执行裁定书\n（2015）西执字第03412号\n被执行人：鲍某某。\n"
    assert _picked(history, head)[0] == "2015-03-03"


def test_next_day_hearing() -> None:
    history = (
        "原告施某某与被告施某民间借贷纠纷一案，本院于2018年6月4日立案受理后，依法适用简易程序，"
        "于次日公开开庭进行了审理。本案现已审理终结。"
    )
    _, hearing, _, evidence = _picked(history)
    assert hearing == "2018-06-05"
    assert evidence["hearing"] == "次日"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018年12月31日立案，次日开庭", ["2018-12-31", "2019-01-01"]),
        ("2000年7月19日被刑事拘留，同日被逮捕", ["2000-07-19", "2000-07-19"]),
        ("2016年10月6日下午，杨某酒后到王某家吵闹。当日19时许，杨某再次到王某家", None),
        ("同日被逮捕", []),  # nothing to refer to
        ("罚金于判决生效之次日起十日内缴纳", []),  # counts from an event, not a date
        ("2018年6月4日立案。" + "本案" * 100 + "于同日开庭", ["2018-06-04"]),  # too far back
    ],
)
def test_relative_dates_resolve_to_the_date_before(text: str, expected: list[str] | None) -> None:
    t = make_text(text)
    found = list(find_dates(t, Sections()))
    if expected is None:
        expected = ["2016-10-06", "2016-10-06"]
    assert [d.value for d in found] == expected
    for d in found:
        assert d.raw == text[d.start : d.end]


_RESUMED_HEAD = (
    "陕西省西安市雁塔区人民法院\n执行裁定书\n（2023）陕0113执恢88号\n"
    "申请执行人：西安某某商贸有限公司。\n被执行人：西安某某装饰设计有限公司。\n"
)


def test_resumed_execution_is_filed_when_resumption_is_applied_for() -> None:
    """The earlier 执 case's 立案 date (its own number given) is not this 执恢 case's filing."""
    history = (
        "申请执行人西安某某商贸有限公司与被执行人西安某某装饰设计有限公司买卖合同纠纷一案，本院作出的"
        "（2022）陕0113民初1212号民事判决已经发生法律效力。本院于2022年9月5日立案执行，案号为"
        "（2022）陕0113执6060号。执行中，双方于2022年10月8日达成执行和解协议。\n"
        "2023年2月20日，申请执行人以被执行人不履行和解协议为由，向本院申请恢复执行原生效法律文书。"
    )
    filed, _, _, evidence = _picked(history, _RESUMED_HEAD)
    assert filed == "2023-02-20"
    assert evidence["filed"] == "2023年2月20日"


def test_filing_under_the_documents_own_number_counts() -> None:
    history = (
        "申请执行人西安某某商贸有限公司与被执行人西安某某装饰设计有限公司买卖合同纠纷一案，"
        "本院于2023年2月21日立案执行，案号为（2023）陕0113执恢88号。"
    )
    assert _picked(history, _RESUMED_HEAD)[0] == "2023-02-21"


_COMMUTATION_HEAD = (
    "湖南省常德市中级人民法院\n刑 事 裁 定 书\n(2023)湘07刑更1215号\n罪犯周某某，男。\n"
)


@pytest.mark.parametrize(
    ("history", "filed"),
    [
        # the court's own 立案 date wins over the prison's proposal
        ("执行机关湖南省某某监狱于2023年11月6日提出减刑建议书，报送本院审理。本院依法组成合议庭，"
         "于2023年11月15日立案，并将减刑建议书予以公示。现已审理终结。", "2023-11-15"),
        # no 立案 date of its own (fd-007): the proposal's date; 立案公示 is a publication
        ("执行机关浙江省某监狱于2023年8月15日提出减刑建议书，报送本院审理。本院依法组成合议庭，"
         "并于2023年8月18日至8月24日在本院立案公示。", "2023-08-15"),
    ],
)  # fmt: skip
def test_commutation_filing_date(history: str, filed: str) -> None:
    assert _picked(history, _COMMUTATION_HEAD)[0] == filed
