"""The faster scans find exactly what the plain regex scans they replace would find.

Texts are drawn from the words the patterns care about (cue words, brackets, numerals,
sentence ends, blanks), so that matches, near-misses and overlaps are frequent.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from assist import parse
from assist.extract import case_number, court, parties

_WORDS = [
    # cue phrases, whole and in pieces
    "本院认为", "综上,本院认为", "本院", "认为", "原告张某与被告李某纠纷一案", "一案", "起诉书指控",
    "提起公诉", "作出(2015)民初1号判决", "提请减刑", "本院于2016年受理", "经审理查明", "查明",
    "认定事实如下", "确认", "被告辩称", "答辩", "原告诉称", "诉讼请求", "无异议", "经审查",
    "判决如下", "裁 定 如 下", "达成如下协议", "规定,判决:", "民事判决书", "刑 事 裁 定 书", "书",
    # courts and numbers
    "上海市第一中级人民法院", "人民检察院", "海事法院", "检察分院", "中级", "省", "县", "的",
    "检刑诉(2016)18号", "津宝检刑诉[2011]418号", "(2016)粤0304民初18号", "张仲(2011)民调字第34号",
    "(二〇一五)", "(", ")", "第", "号", "18",
    # separators and filler
    "。", "。", "!", "?", ",", ":", " ", "\n", "甲", "乙丙", "原告", "被告人",
]  # fmt: skip
_TEXT = st.lists(st.sampled_from(_WORDS), max_size=40).map("".join)
_COURT_RE = re.compile(rf"[\u4e00-\u9fff]{{0,30}}?(?P<suffix>{court._SUFFIX})")


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_equivalence_court_runs_are_the_regex_matches(s: str) -> None:
    expected = [(m.start(), m.start("suffix"), m.end()) for m in _COURT_RE.finditer(s)]
    assert list(court._runs(s)) == expected


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_equivalence_document_numbers_are_the_regex_matches(s: str) -> None:
    expected = [m.span() for m in case_number._DOCUMENT.finditer(s)]
    assert [m.span() for m in case_number._document_matches(s)] == expected


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.integers(0, 12), st.integers(0, 400))
@example("甲?本院认为", 0, 400)
@example("乙丙!综上,本院认为", 1, 400)
@example("本院认为。本院认为", 1, 400)
@example("被告李某纠纷一案\n本院于2016年受理", 3, 12)
def test_equivalence_sentence_cues_are_the_regex_matches(s: str, start: int, size: int) -> None:
    end = min(len(s), start + size)
    for name in sorted(parse._BOUNDED & set(parse.needles())):
        expected = parse._cues()[name].search(s, start, end) if start < end else None
        found = parse._sentence_cue(name, s, start, end) if start < end else None
        assert (found.span() if found else None) == (expected.span() if expected else None)


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.integers(0, 80))
def test_equivalence_needle_checks_keep_every_match(s: str, start: int) -> None:
    for name in sorted(parse.needles()):
        if parse._cues()[name].search(s, start) is not None:
            assert parse._has(s, start, len(s), name), name


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_equivalence_header_prefilters_keep_every_header(s: str) -> None:
    if parse._patterns()["header"].search(s) is not None:
        assert parse._patterns()["header_end"].search(s) is not None
    end = min(len(s), 1500)
    if parties._HEADING.search(s, 0, end) is not None:
        assert parties._HEADING_END.search(s, 0, end) is not None
