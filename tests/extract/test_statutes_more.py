"""Cited statutes: law names in the other brackets web sources write, spans of continued
款/项, hard-wrapped chains and a next sentence quoting another article of the same law."""

from __future__ import annotations

import pytest

from assist.extract.statutes import find_statutes
from assist.text.normalize import make_text

CRIM = "中华人民共和国刑法"
CIVPRO = "中华人民共和国民事诉讼法"
CIVPRO_INTERP = "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释"
LENDING = "最高人民法院关于审理民间借贷案件适用法律若干问题的规定"


def cites(text: str) -> list[tuple[str, int, int | None, int | None, str]]:
    t = make_text(text)
    return [
        (s.law, s.article_no, s.paragraph, s.item, t.raw[s.start : s.end]) for s in find_statutes(t)
    ]


@pytest.mark.parametrize(
    "law",
    [
        "【中华人民共和国刑法】",
        "［中华人民共和国刑法］",
        "〔中华人民共和国刑法〕",
        "〈中华人民共和国刑法〉",
        "〈〈中华人民共和国刑法〉〉",
        "<<中华人民共和国刑法>>",
        "＜＜中华人民共和国刑法＞＞",
        "﹤中华人民共和国刑法﹥",
        "“中华人民共和国刑法”",
        "“刑法”",
        "【刑法】",
    ],
)
def test_law_name_in_other_brackets(law: str) -> None:
    text = f"依照{law}第三百四十七条第二款第（一）项、第六十四条之规定，判决如下："
    assert cites(text) == [
        (CRIM, 347, 2, 1, "第三百四十七条第二款第（一）项"),
        (CRIM, 64, None, None, "第六十四条"),
    ]


def test_square_brackets_chain_over_several_laws() -> None:
    text = (
        "依照【中华人民共和国合同法】第二百零六条，【最高人民法院关于审理民间借贷案件适用法律若干"
        "问题的规定】第二十六条第一款，【中华人民共和国民事诉讼法】第一百四十四条之规定，判决如下："
    )
    assert [(law, no) for law, no, *_ in cites(text)] == [
        ("中华人民共和国合同法", 206),
        (LENDING, 26),
        (CIVPRO, 144),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "依照【最高人民法院关于适用《中华人民共和国民事诉讼法》的解释】第九十条之规定",
        "依照【最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释】第九十条之规定",
        "依照最高人民法院【关于适用《中华人民共和国民事诉讼法》的解释】第九十条之规定",
    ],
)
def test_square_brackets_holding_an_inner_title(text: str) -> None:
    assert cites(text) == [(CIVPRO_INTERP, 90, None, None, "第九十条")]


@pytest.mark.parametrize(
    "text",
    [
        "淄环罚告字〔2014〕第九条",  # a year in 〔〕, not a law
        "【第九条】规定的情形",  # an article in 【】 with no law named
        "【裁判要旨】第一条",  # a web page's heading
        "（以下简称民诉法）第一百条",  # a short-name note with no title before it
        "依照“某某公司章程”第三条",  # a quoted non-law title
        "“应当依法”第八条",  # a quoted phrase ending in 法: () and “” need a known law
        "依照【中华人民共和国刑法】的规定",  # no article after the name
    ],
)
def test_other_brackets_make_no_false_citation(text: str) -> None:
    assert cites(text) == []


def test_continued_item_span_names_its_article() -> None:
    # Each entry's evidence holds its article: 第六项 alone would not say which article.
    text = "依照《中华人民共和国民事诉讼法》第二百条第二项、第六项之规定，裁定如下："
    assert cites(text) == [
        (CIVPRO, 200, None, 2, "第二百条第二项"),
        (CIVPRO, 200, None, 6, "第二百条第二项、第六项"),
    ]


def test_continued_paragraph_span_names_its_article() -> None:
    text = "依照《中华人民共和国刑法》第二十六条第一款、第四款、第二十七条之规定"
    assert cites(text) == [
        (CRIM, 26, 1, None, "第二十六条第一款"),
        (CRIM, 26, 4, None, "第二十六条第一款、第四款"),
        (CRIM, 27, None, None, "第二十七条"),
    ]


def test_chain_goes_on_over_a_hard_line_break_at_the_separator() -> None:
    text = (
        "为均已构成开设赌场罪。依照《中华人民共和国刑法》第三百零三条第二款\n"
        "、第二十五条第一款、第二十七条、\n第六十七条第三款之规定，判决如下："
    )
    assert [no for _law, no, *_ in cites(text)] == [303, 25, 27, 67]


def test_next_sentence_quoting_another_article_of_the_same_law() -> None:
    text = (
        "本院认为，《中华人民共和国行政强制法》第三十五条规定，行政机关作出强制执行决定前，"
        "应当事先催告当事人履行义务。第四十四条规定，对违法的建筑物需要强制拆除的，应当由"
        "行政机关予以公告。本案中，被告未履行催告程序。"
    )
    law = "中华人民共和国行政强制法"
    assert cites(text) == [(law, 35, None, None, "第三十五条"), (law, 44, None, None, "第四十四条")]


@pytest.mark.parametrize(
    "text",
    [
        # a contract clause (约定), not a quoted article
        "依照《中华人民共和国合同法》第六十条规定，当事人应当全面履行义务。第八条约定，乙方付款。",
        # the next sentence names another article first: no carry-over
        "《中华人民共和国合同法》第六十条规定，依合同第五条处理。第八条规定，乙方付款。",
    ],
)
def test_next_sentence_without_a_quoted_article_is_not_carried(text: str) -> None:
    assert [no for _law, no, *_ in cites(text)] == [60]


def test_appendix_headed_by_a_title_in_square_brackets() -> None:
    text = (
        "依照《中华人民共和国刑法》第二百六十四条之规定，判决如下：\n一、被告人甲犯盗窃罪。\n"
        "附：相关法律条文\n【中华人民共和国刑法】\n第二百六十四条　盗窃公私财物……\n"
        "第五十二条　判处罚金，应当根据犯罪情节决定罚金数额。"
    )
    assert [(law, no) for law, no, *_ in cites(text)] == [(CRIM, 264), (CRIM, 264), (CRIM, 52)]
