"""Dates on real text: every written format, the kinds filed / hearing / decided, and the
decided date taken only from the signature block.

Sentences and documents are from the real dev corpus (court documents are public; ID numbers
are masked by the source). ``2015-06-24`` and ``2015年2月30日`` are constructed format cases.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.document import Sections
from assist.extract.dates import find_dates, pick_dates
from assist.text.normalize import make_text
from tests.conftest import dev_texts

DOCS: dict[str, str] = dev_texts("fd-008", "fd-019", "page-01", "page-11", "page-14", "page-15")

# (text, the ISO dates found in it, in order)
FORMATS = [
    ("本院于2015年6月24日立案受理后", ["2015-06-24"]),
    ("二〇一七年九月十六日", ["2017-09-16"]),
    ("二O一五年十月二十八日", ["2015-10-28"]),
    ("二〇一五年十月二十八日", ["2015-10-28"]),
    ("二0一七年十月三十日", ["2017-10-30"]),  # Arabic zero
    ("二○○○年十二月十四日", ["2000-12-14"]),  # white circles
    ("二\u039f一七年四月二十五日", ["2017-04-25"]),  # Greek capital omicron
    ("二\u041e\u041e七年九月 三 日", ["2007-09-03"]),  # Cyrillic О, spaces around the day
    ("二Ｏ一一年十一月二十一日", ["2011-11-21"]),  # full-width Latin O
    ("2011年8月31 日因涉嫌危险驾驶罪被天津市公安局宝坻分局取保候审", ["2011-08-31"]),
    ("于2011年11月7向本院提起公诉", ["2011-11-07"]),  # 日 missing in the source
    ("２０１４年１月２日１４时许", ["2014-01-02"]),
    ("2015-06-24", ["2015-06-24"]),
    ("2000年7月19日因本案被刑事拘留，同年7月25日被取保候审。", ["2000-07-19", "2000-07-25"]),
    ("被告王凤来，男，1951年13月29日出生", []),  # impossible month in the source
    ("2015年2月30日", []),
    ("二○○八年九月   日", []),  # day left blank in the tail
    ("1998年、1999年去世", []),
    ("同年6月21日被逮捕", []),  # no earlier year to take
    ("公民身份号码120224**********22", []),
]


@pytest.mark.parametrize(("text", "expected"), FORMATS)
def test_dates_formats(text: str, expected: list[str]) -> None:
    t = make_text(text)
    found = list(find_dates(t, Sections()))
    assert [d.value for d in found] == expected
    for d in found:
        assert d.raw == text[d.start : d.end]
        assert d.kind == "other"


# (document, filed, hearing, decided)
PICKED = [
    ("fd-008", "2017-08-17", None, "2017-10-30"),  # 撤诉申请 date is not a filing date
    ("fd-019", None, None, "2009-08-26"),  # 财产保全 application is not a filing date
    ("page-01", "2015-01-26", "2015-02-11", None),  # cut off: no tail, no decided date
    ("page-11", None, None, None),  # the history retells the 2013 proceeding of a 2017 case
    ("page-14", "2021-08-02", None, None),  # filed and heard first at another court
    ("page-15", "2017-11-14", "2018-03-15", None),  # traditional; the 2017 lower-court date
]


@pytest.mark.parametrize(("doc", "filed", "hearing", "decided"), PICKED)
def test_dates_pick_filed_hearing_decided(
    doc: str, filed: str | None, hearing: str | None, decided: str | None
) -> None:
    text = DOCS[doc]
    dates, spans = pick_dates(make_text(text))
    assert (dates.filed, dates.hearing, dates.decided) == (filed, hearing, decided)
    for kind, (start, end) in spans.items():
        assert getattr(dates, kind) is not None
        assert "年" in text[start:end] or "-" in text[start:end]


def test_dates_birth_dates_are_other() -> None:
    text = DOCS["fd-008"]
    births = [d for d in find_dates(make_text(text)) if text[d.end : d.end + 2] == "出生"]
    assert [d.value for d in births] == ["1978-01-11", "1980-03-07"]
    assert {d.kind for d in births} == {"other"}


def test_dates_decided_needs_a_tail() -> None:
    """Without a signature block no date is the decided date, not even the last one."""
    cut = DOCS["fd-008"].split("审判员")[0]
    dates, _ = pick_dates(make_text(cut))
    assert dates.decided is None and dates.filed == "2017-08-17"


def test_dates_traditional_raw_is_the_text_as_received() -> None:
    text = DOCS["page-15"]
    mentions = list(find_dates(make_text(text)))
    assert "二〇一七年十月十一日" in [m.raw for m in mentions]
    for m in mentions:
        assert m.raw == text[m.start : m.end]


PIECES = [
    "年", "月", "日", "同年", "二〇", "一七", "十", "2015", "-", "本院于", "立案", "开庭",
    "审判员 张三\n", "判决如下：", "书记员", "。", "\n",
]  # fmt: skip
date_like = st.lists(st.one_of(st.text(max_size=6), st.sampled_from(PIECES)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), date_like.map("".join)))
def test_dates_never_raise_and_raw_matches(raw: str) -> None:
    t = make_text(raw)
    for d in find_dates(t):
        assert d.raw == raw[d.start : d.end]
        assert len(d.value) == 10 and d.value[4] == "-"
    _, spans = pick_dates(t)
    for start, end in spans.values():
        assert 0 <= start < end <= len(raw)
