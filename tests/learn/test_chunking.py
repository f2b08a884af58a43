"""Section-aware chunking (assist.learn.chunking)."""

from __future__ import annotations

import itertools
import json
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.learn.chunking import PRIORITY, Chunk, section_chunks
from assist.parse import find_sections
from assist.text.normalize import make_text

LABELS = Path(__file__).resolve().parents[2] / "corpora" / "labels" / "real_signals.jsonl"

# A real execution ruling (corpora/labels/real_signals.jsonl, real-jd-fd-006), personal data
# as masked there.
RULING = (
    "临夏市人民法院\n执行裁定书\n（2017）甘2901执162号\n"
    "申请执行人胡加党，男，汉族，1974年11月28日出生，身份号码×××，住临夏市。\n"
    "被执行人马军，男，回族，1982年2月4日出生，身份号码×××，住临夏市。\n"
    "本院在执行申请执行人胡加党与被执行人马军装饰装修合同纠纷一案中，被执行人马军下落不明，"
    "经通过四查，也无可供执行的财产。依据《最高人民法院关于适用<中华人民共和国民事诉讼法>的解释》"
    "第五百一十九条的规定，裁定如下：\n终结本次执行程序。\n"
    "申请执行人发现被执行人有可供执行财产的，可以再次申请执行全部债权。\n"
    "本裁定送达后即发生法律效力。\n审  判  员   康海龙\n二〇一七年九月十六日\n书  记  员   吴楠"
)


@cache
def long_texts() -> list[str]:
    """The five longest real labelled texts (5,000 to 8,000 characters)."""
    with LABELS.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    return sorted(texts, key=len)[-5:]


def check_spans(text: str, chunks: list[Chunk], max_chars: int, max_chunks: int) -> None:
    assert len(chunks) <= max(1, max_chunks)
    for c in chunks:
        assert 0 <= c.start < c.end <= len(text)
        assert c.end - c.start <= max(1, max_chars)
    for a, b in itertools.pairwise(chunks):
        assert a.end <= b.start  # in text order, no overlap


def test_chunking_short_text_is_one_window_with_its_sections() -> None:
    chunks = section_chunks(RULING, max_chars=1000, max_chunks=8)
    assert chunks == [Chunk(0, len(RULING), chunks[0].sections)]
    assert {"header", "decision"} <= set(chunks[0].sections)


def test_chunking_windows_cover_the_text_and_respect_the_budget() -> None:
    chunks = section_chunks(RULING, max_chars=60, max_chunks=100)
    check_spans(RULING, chunks, 60, 100)
    assert "".join(RULING[c.start : c.end] for c in chunks) == RULING  # nothing dropped
    assert len(chunks) > 1


def test_chunking_long_section_splits_at_sentence_ends() -> None:
    text = long_texts()[-1]
    chunks = section_chunks(text, max_chars=254, max_chunks=1000)
    check_spans(text, chunks, 254, 1000)
    # A cut falls after 。；！？ or a newline unless one sentence alone exceeds the budget.
    ends = [text[c.end - 1] for c in chunks[:-1]]
    at_sentence_end = sum(ch in "。；;！!？?\n" for ch in ends)
    assert at_sentence_end >= 0.9 * len(ends)


def test_chunking_window_sections_name_what_they_overlap() -> None:
    text = long_texts()[-2]
    sections = find_sections(make_text(text))
    for c in section_chunks(text, max_chars=254, max_chunks=1000):
        for name in c.sections:
            span = getattr(sections, name)
            assert span is not None and span[0] < c.end and c.start < span[1]


@pytest.mark.parametrize("index", range(5))
def test_chunking_keeps_priority_sections_when_over_budget(index: int) -> None:
    text = long_texts()[index]
    every = section_chunks(text, max_chars=254, max_chunks=10_000)
    kept = section_chunks(text, max_chars=254, max_chunks=4)
    assert len(every) > 4 and len(kept) == 4
    assert kept == sorted(kept, key=lambda c: c.start) and set(kept) <= set(every)
    present = [name for name in PRIORITY if any(name in c.sections for c in every)]
    covered = {name for c in kept for name in c.sections}
    # The four most important sections present each keep at least one window.
    assert set(present[:4]) <= covered


def test_chunking_decision_survives_a_budget_of_one() -> None:
    text = next(t for t in reversed(long_texts()) if "判决如下" in t)
    (only,) = section_chunks(text, max_chars=254, max_chunks=1)
    assert "decision" in only.sections


def test_chunking_plain_text_without_sections_gives_plain_windows() -> None:
    text = "甲乙丙丁" * 50
    chunks = section_chunks(text, max_chars=64, max_chunks=3)
    assert [(c.start, c.end) for c in chunks] == [(0, 64), (64, 128), (128, 192)]
    assert all(c.sections == () for c in chunks)


def test_chunking_degenerate_inputs() -> None:
    assert section_chunks("", 100, 8) == []
    (only,) = section_chunks("判决如下：驳回。", 0, 0)  # budgets below one act as one
    assert only.end - only.start == 1


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("本院认为判决如下原告诉称经审理查明。；！？\n，: 甲乙a1"))
    | st.text(),
    max_chars=st.integers(-3, 80),
    max_chunks=st.integers(-1, 6),
)
def test_chunking_never_raises_and_spans_are_valid(
    text: str, max_chars: int, max_chunks: int
) -> None:
    chunks = section_chunks(text, max_chars, max_chunks)
    check_spans(text, chunks, max_chars, max_chunks)
    assert bool(chunks) == bool(text)
