"""Catalogue causes of the 2008/2011 versions still written in judgments (assist/data/causes.tsv):
each is kept whole, not cut back to the generic 合同纠纷 / 服务合同纠纷 it ends with."""

from __future__ import annotations

import pytest

from assist.extract.cause import find_cause
from assist.text.normalize import make_text


@pytest.mark.parametrize(
    "cause",
    [
        "网络购物合同纠纷",
        "电视购物合同纠纷",
        "邮寄服务合同纠纷",
        "土地承包经营权转包合同纠纷",
        "土地承包经营权出租合同纠纷",
        "企业借贷纠纷",
        "雇员受害赔偿纠纷",
    ],
)
def test_legacy_cause_kept_whole(cause: str) -> None:
    text = f"原告沈某与被告杭州某某电子商务有限公司{cause}一案，本院于2021年3月2日立案后，依法适用简易程序。"
    found = find_cause(make_text(text))
    assert found is not None and found[0] == cause
