"""Charges whose names hold the word 犯罪 (掩饰、隐瞒犯罪所得罪, 帮助信息网络犯罪活动罪 …)."""

from __future__ import annotations

import pytest

from assist.extract.cause import find_cause, find_causes
from assist.text.normalize import make_text


@pytest.mark.parametrize(
    ("sentence", "cause"),
    [
        ("指控被告人胡某某犯掩饰、隐瞒犯罪所得罪，于2022年3月1日", "掩饰、隐瞒犯罪所得罪"),
        ("起诉书指控被告人彭某、龙某某犯帮助信息网络犯罪活动罪，", "帮助信息网络犯罪活动罪"),
        (
            "起诉书指控被告人王某犯掩饰、隐瞒犯罪所得、犯罪所得收益罪，",
            "掩饰、隐瞒犯罪所得、犯罪所得收益罪",
        ),
        ("起诉书指控被告人李某犯传授犯罪方法罪，", "传授犯罪方法罪"),
        ("起诉书指控被告人赵某犯包庇毒品犯罪分子罪，", "包庇毒品犯罪分子罪"),
        ("起诉书指控被告人钱某犯帮助犯罪分子逃避处罚罪，", "帮助犯罪分子逃避处罚罪"),
        ("起诉书指控被告人孙某犯放纵制售伪劣商品犯罪行为罪，", "放纵制售伪劣商品犯罪行为罪"),
        ("起诉书指控被告人周某犯资助危害国家安全犯罪活动罪，", "资助危害国家安全犯罪活动罪"),
        (
            "起诉书指控被告人吴某犯拒绝提供间谍犯罪、恐怖主义犯罪、极端主义犯罪证据罪，",
            "拒绝提供间谍犯罪、恐怖主义犯罪、极端主义犯罪证据罪",
        ),
        ("被告人郑某的行为已构成帮助信息网络犯罪活动罪。", "帮助信息网络犯罪活动罪"),
        ("被告人郑某涉嫌掩饰、隐瞒犯罪所得罪，", "掩饰、隐瞒犯罪所得罪"),
    ],
)
def test_a_charge_holding_the_word_crime(sentence: str, cause: str) -> None:
    found = find_cause(make_text(sentence))
    assert found is not None
    assert found[0] == cause
    assert sentence[found[1] : found[2]] == cause


@pytest.mark.parametrize(
    "sentence",
    [
        "被告人犯罪后主动投案，如实供述犯罪事实。",
        "被告人张某某犯罪以后逃往外地，后被抓获。",
        "其行为已构成犯罪，依法应予惩处。",
    ],
)
def test_the_word_crime_alone_is_no_charge(sentence: str) -> None:
    assert list(find_causes(make_text(sentence))) == []
