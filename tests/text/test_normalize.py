"""Length-preserving normalisation: the rules, idempotence and offsets valid for both texts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.text.normalize import Text, make_text, normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("（2015）金民初字第01022号", "(2015)金民初字第01022号"),  # full-width brackets, digits
        ("〔2014〕152号", "(2014)152号"),
        ("原告：何锴，农民；被告", "原告:何锴,农民;被告"),
        ("审判员\u3000\u3000杨艳红", "审判员  杨艳红"),  # ideographic spaces
        ("二○○○年十二月十四日", "二〇〇〇年十二月十四日"),  # white circle → 〇
        ("二Ｏ一一年", "二O一一年"),  # full-width Latin O
        ("10—7—602室", "10-7-602室"),  # dashes
        ("一\r\n二", "一\n\n二"),
        ("湖南省岳陽市中級人民法院刑 事 裁 定 書", "湖南省岳阳市中级人民法院刑 事 裁 定 书"),
        ("原審法院認定，現已審理終結", "原审法院认定,现已审理终结"),
    ],
)
def test_normalize_rules(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_keeps_offsets_for_raw_evidence() -> None:
    t = make_text("（2017）湘06刑終359號原公訴機關")
    start = t.norm.index("刑终")
    assert t.raw_span(start, start + 2) == "刑終"


def test_normalize_text_rejects_a_different_length() -> None:
    with pytest.raises(ValueError):
        Text(raw="（2015）", norm="(2015")


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_normalize_idempotent_and_same_length(raw: str) -> None:
    once = normalize(raw)
    assert len(once) == len(raw)
    assert normalize(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("（）〔〕：，；　○Ｏ０１２審判員書記號終結陽訴\r—–")))
def test_normalize_idempotent_on_the_mapped_characters(raw: str) -> None:
    once = normalize(raw)
    assert len(once) == len(raw) and normalize(once) == once
