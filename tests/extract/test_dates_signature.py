"""The decided date of an agency document whose dated signature is followed by 抄送, 附件 or a note."""

from __future__ import annotations

import pytest

from assist.extract.dates import pick_dates
from assist.text.normalize import make_text

_DECISION = (
    "上海市闵行区市场监督管理局\n行政处罚决定书\n闵市监案处〔2023〕1202023000123号\n"
    "当事人：上海某某超市有限公司\n当事人涉嫌经营超过保质期食品一案，本局于2023年2月8日立案调查。\n"
    "依据《中华人民共和国食品安全法》第一百二十四条的规定，本局决定对当事人作出如下行政处罚：\n"
    "罚款人民币50,000.00元。\n当事人如对本处罚决定不服，可以在收到本处罚决定书之日起六十日内申请行政复议。\n\n"
    "上海市闵行区市场监督管理局\n2023年5月12日\n"
)


@pytest.mark.parametrize(
    "after",
    [
        "（市场监督管理部门将依法向社会公示本行政处罚决定信息）\n",
        "抄送：上海市闵行区人民检察院\n",
        "（此件公开发布）\n抄送：宜昌市夷陵区人民政府、宜昌市市场监督管理局\n",
        "附件：检查笔录\n联系人：张某 联系电话：021-5555****\n",
    ],
)
def test_decided_before_after_signature_lines(after: str) -> None:
    assert pick_dates(make_text(_DECISION + after))[0].decided == "2023-05-12"


def test_a_cut_off_sentence_is_still_no_signature() -> None:
    text = _DECISION.replace(
        "上海市闵行区市场监督管理局\n2023年5月12日\n", "本局于2023年5月12日\n（完）\n"
    )
    assert pick_dates(make_text(text))[0].decided is None
