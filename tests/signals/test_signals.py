"""find_signals as a whole: the real dev documents, evidence offsets, arbitrary input, speed."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.pipeline import parse_text
from assist.signals import find_signals
from assist.signals.common import _rows, cues
from assist.text.normalize import make_text

# The codes each real dev document shows (hand-checked; the others show none).
EXPECTED: dict[str, set[str]] = {
    "fd-008": {"withdrawal"},
    "fd-018": {"defense_alleges_false"},  # 原告谎称的“债务”
    "fd-028": {"fine_imposed"},
    "fd-029": {"fine_imposed"},
    "fd-030": {"fine_imposed"},
    "fd-031": {"default_judgment", "defense_alleges_false", "third_party_objection"},
    "fd-034": {"fine_imposed"},
    "page-01": {"default_judgment", "iou_only", "no_defense"},
    "page-03": {"high_interest"},
    "page-09": {"third_party_objection"},
    "page-10": {"cash_delivery", "default_judgment", "no_defense"},
    "page-12": {"default_judgment", "no_defense"},
}


def test_signals_real_dev_documents(real_texts: dict[str, str]) -> None:
    for doc_id, raw in real_texts.items():
        t = make_text(raw)
        found = find_signals(t, parse_text(t))
        assert {s.code for s in found} == EXPECTED.get(doc_id, set()), doc_id
        for s in found:
            assert t.raw[s.start : s.end] == s.text
            assert s.section is not None


def test_signals_every_cue_compiles() -> None:
    for code, role, _, _ in _rows():
        assert cues(code, role)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_signals_never_raise_on_arbitrary_text(raw: str) -> None:
    t = make_text(raw)
    for s in find_signals(t, parse_text(t)):
        assert t.raw[s.start : s.end] == s.text


_PIECES = st.sampled_from(
    [
        "原告", "被告", "第三人", "经本院合法传唤", "无正当理由拒不到庭", "缺席判决", "公告送达", "未作答辩",
        "对原告诉称事实无异议", "但", "已还", "经本院主持调解", "达成如下协议", "判决如下：", "裁定如下：",
        "准许原告撤回起诉", "以现金方式交付", "借款", "借条", "月利率3%", "系朋友关系", "虚假诉讼",
        "案外人执行异议", "罚金人民币一千元", "被告人", "犯污染环境罪", "违反法定程序", "本院认为", "，",
        "。", "\n", "（", "）", "2021年3月5日", "未满十四周岁", "“", "”", "行 政 判 决 书", "刑事判决书",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_signals_offsets_on_legal_phrase_soup(pieces: list[str]) -> None:
    t = make_text("".join(pieces))
    for s in find_signals(t, parse_text(t)):
        assert t.raw[s.start : s.end] == s.text
        assert 0 <= s.start < s.end <= len(t.raw)


@pytest.mark.slow
def test_signals_speed(real_texts: dict[str, str]) -> None:
    parsed = [(t, parse_text(t)) for t in (make_text(r) for r in real_texts.values())]
    chars = sum(len(t.raw) for t, _ in parsed) * 20
    start = time.perf_counter()
    for _ in range(20):
        for t, doc in parsed:
            find_signals(t, doc)
    rate = chars / (time.perf_counter() - start)
    assert rate > 1_000_000, f"{rate:.0f} chars/s"
