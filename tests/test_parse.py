"""Sections of real court documents: start cues, absent sections, order, speed, robustness.

The texts below are real documents and web-page excerpts from the dev corpus (court documents
are public and not subject to copyright; ID numbers in them are already masked by the source).
"""

from __future__ import annotations

import time
from dataclasses import fields

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.document import Sections
from assist.parse import content_end, find_sections
from assist.text.normalize import make_text
from tests.conftest import dev_texts

SAMPLES: dict[str, str] = dev_texts(
    "fd-006",
    "fd-007",
    "fd-008",
    "fd-019",
    "fd-030",
    "fd-033",
    "page-01",
    "page-06",
    "page-09",
    "page-14",
    "page-15",
)

SECTION_NAMES = tuple(f.name for f in fields(Sections))


def _sections(doc: str) -> Sections:
    return find_sections(make_text(SAMPLES[doc]))


def _assert_well_formed(sections: Sections, length: int) -> None:
    """Spans lie inside the text, are non-empty, in text order and never overlap."""
    previous_end = 0
    for name in SECTION_NAMES:
        span = getattr(sections, name)
        if span is None:
            continue
        start, end = span
        assert 0 <= start < end <= length, (name, span)
        assert start >= previous_end, (name, span, previous_end)
        previous_end = end


# (document, section, what the section starts with in the raw text)
STARTS = [
    ("fd-006", "header", "临夏市人民法院\n执行裁定书"),
    ("fd-006", "parties", "申请执行人胡加党"),
    ("fd-006", "history", "本院在执行申请执行人"),
    ("fd-006", "decision", "裁定如下：\n终结本次执行程序"),
    ("fd-006", "tail", "审  判  员   康海龙"),
    ("fd-007", "parties", "罪犯蔡恒涛"),
    ("fd-007", "history", "辽宁省大连市中级人民法院于2008年"),
    ("fd-007", "claims", "执行机关减刑建议称"),
    ("fd-007", "findings", "经审理查明"),
    ("fd-007", "reasoning", "本院认为，罪犯蔡恒涛"),
    ("fd-007", "decision", "裁定如下"),
    ("fd-007", "tail", "审 判 长"),
    ("fd-008", "history", "原告中国邮政储蓄银行"),
    ("fd-008", "reasoning", "本院认为，原告申请撤诉"),
    ("fd-008", "tail", "审判员\u3000\u3000杨艳红"),
    ("fd-019", "parties", "原告张春旺"),
    ("fd-019", "history", "本院在审理原告张春旺"),
    ("fd-019", "tail", "审  判  长\u3000  汪玉忠"),
    ("fd-030", "parties", "公诉机关天津市宝坻区人民检察院"),
    ("fd-030", "history", "天津市宝坻区人民检察院以津宝检刑诉"),
    ("fd-030", "claims", "天津市宝坻区人民检察院指控，"),
    ("fd-030", "reasoning", "本院认为，被告人王金成"),
    ("fd-030", "decision", "判决如下：\n被告人王金成"),
    ("fd-030", "tail", "审  判  员  于德新"),
    ("fd-030", "appendix", "附相关法律条文"),
    ("fd-033", "header", "南京市玄武区人民法院 民事裁定书 （2013）"),
    ("fd-033", "parties", "原告陈前，男。"),
    ("fd-033", "history", "本院受理原告陈前"),
    ("fd-033", "reasoning", "本院经审查认为"),
    ("fd-033", "decision", "裁定如下： 驳回被告"),
    ("fd-033", "tail", "审判员石萍 二〇一三年六月八日"),
    ("page-01", "header", "浙江省新昌县人民法院民 事 判 决 书(2015)"),
    ("page-01", "parties", "原告:何锴,农民。被告:陈晓春。"),
    ("page-01", "history", "原告何锴为与被告陈晓春"),
    ("page-01", "claims", "原告何锴起诉称"),
    ("page-01", "defense", "被告陈晓春未作答辩"),
    ("page-06", "header", "广东省高级人民法院\n\n刑 事 判 决 书"),
    ("page-06", "parties", "原公诉机关广东省广州市人民检察院。\n\n  上诉人"),
    ("page-06", "history", "广东省广州市中级人民法院审理"),
    ("page-09", "parties", "异议人(利害关系人)"),
    ("page-09", "history", "在本院执行***与**"),
    ("page-09", "claims", "异议人广宏园林公司称"),
    ("page-14", "history", "原告中建伟诚集团有限公司与被告**"),
    ("page-14", "claims", "原告中建伟诚集团有限公司向本院提出诉讼请求"),
    ("page-15", "header", "湖南省岳陽市中級人民法院\n刑 事 裁 定 書"),
    ("page-15", "parties", "原公訴機關"),
    ("page-15", "history", "湖南省岳陽市云溪區人民法院審理"),
    ("page-15", "findings", "原審法院認定"),
]

# Sections a document does not have (cut-off pages, rulings without claims): None, never a guess.
ABSENT = [
    ("fd-006", "claims"),
    ("fd-006", "reasoning"),
    ("fd-006", "appendix"),
    ("fd-008", "claims"),
    ("fd-008", "findings"),
    ("fd-033", "claims"),
    ("fd-033", "findings"),
    ("page-01", "findings"),
    ("page-01", "reasoning"),
    ("page-01", "decision"),
    ("page-01", "tail"),
    ("page-06", "decision"),
    ("page-06", "tail"),
    ("page-09", "decision"),
    ("page-15", "claims"),
    ("page-15", "decision"),
    ("page-15", "tail"),
]


@pytest.mark.parametrize(("doc", "section", "opening"), STARTS)
def test_parse_section_starts_at_its_cue(doc: str, section: str, opening: str) -> None:
    span = getattr(_sections(doc), section)
    assert span is not None, f"{doc}: {section} not found"
    assert SAMPLES[doc][span[0] :].startswith(opening)


@pytest.mark.parametrize(("doc", "section"), ABSENT)
def test_parse_absent_section_is_none(doc: str, section: str) -> None:
    assert getattr(_sections(doc), section) is None


@pytest.mark.parametrize("doc", sorted(SAMPLES))
def test_parse_sections_ordered_and_disjoint(doc: str) -> None:
    _assert_well_formed(_sections(doc), len(SAMPLES[doc]))


@pytest.mark.parametrize(
    ("doc", "section", "closing"),
    [
        ("fd-006", "tail", "书  记  员   吴楠"),
        ("fd-006", "decision", "本裁定送达后即发生法律效力。"),
        ("fd-030", "tail", "书  记  员  曾庆颖"),
        ("fd-030", "decision", "上诉状正本一份、副本二份。"),
        ("fd-030", "history", "现已审理终结。"),
        ("fd-033", "tail", "见习书记员凌玲"),
        ("fd-033", "header", "（2013）玄民辖初字第21号"),
        ("page-01", "history", "本案现已审理终结。"),
    ],
)
def test_parse_section_ends_before_the_next(doc: str, section: str, closing: str) -> None:
    span = getattr(_sections(doc), section)
    assert span is not None
    assert SAMPLES[doc][: span[1]].endswith(closing)


def test_parse_appendix_runs_to_the_end() -> None:
    text = SAMPLES["fd-030"]
    span = _sections("fd-030").appendix
    assert span is not None and span[1] == len(text.rstrip())


def test_parse_newlines_do_not_matter() -> None:
    """The same document with its newlines turned into spaces keeps its section starts."""
    text = SAMPLES["fd-007"]
    flat = text.replace("\n", " ")
    a, b = find_sections(make_text(text)), find_sections(make_text(flat))
    for name in ("parties", "history", "claims", "findings", "reasoning", "decision", "tail"):
        span_a, span_b = getattr(a, name), getattr(b, name)
        assert span_a is not None and span_b is not None
        assert span_a[0] == span_b[0], name


def test_parse_excerpt_without_header() -> None:
    """A CAIL2019-SCM 民间借贷 excerpt: party block, claims, defence and findings, no header."""
    text = (
        "原告：陈某1，女，1965年11月12日出生，汉族，住河南省沁阳市。被告：崔某1，男，"
        "1965年8月25日出生，汉族，住河南省温县，现住河南省沁阳市。\n\n原告陈某1向本院提出"
        "诉讼请求：1、判令被告立即偿还原告本金60000元及利息。2、诉讼费由被告承担。"
        "被告崔某1未作答辩。本案当事人围绕诉讼请求依法提交了证据，本院组织当事人对原告方"
        "提供的证据进行了质证。经审理，本院可以确认以下案件事实：被告崔某1、张某1系夫妻关系。"
    )
    sections = find_sections(make_text(text))
    assert sections.header is None and sections.history is None
    assert sections.parties is not None and text[sections.parties[0] :].startswith("原告：陈某1")
    for name, opening in [
        ("claims", "原告陈某1向本院提出诉讼请求"),
        ("defense", "被告崔某1未作答辩"),
        ("findings", "本案当事人围绕诉讼请求"),
    ]:
        span = getattr(sections, name)
        assert span is not None and text[span[0] :].startswith(opening), name


def test_parse_quoted_lower_court_operative_part_is_not_this_decision() -> None:
    """page-06 (a second-instance page) continued with the lower court's operative sentence, as
    such pages go on (constructed continuation): no decision of this court is visible yet."""
    text = (
        SAMPLES["page-06"]
        + "一审法院认为，被告人翁××犯故意伤害罪。"
        + "依照《中华人民共和国刑法》第二百三十四条之规定，判决如下："
    )
    assert find_sections(make_text(text)).decision is None


def test_parse_is_fast() -> None:
    texts = [make_text(t + f"\n{i}") for i, t in enumerate(SAMPLES.values())] * 5
    chars = sum(len(t) for t in texts)
    begin = time.perf_counter()
    for t in texts:
        find_sections(t)
    assert chars / (time.perf_counter() - begin) > 400_000  # chars per second


# Which sections each of the 36 real dev documents has (H header, P parties, Y history,
# C claims, D defence, F findings, R reasoning, J decision, T tail, A appendix), inspected by eye.
DEV_SECTIONS = {
    "fd-006": "HPYJT", "fd-007": "HPYCFRJT", "fd-008": "HPYRJT", "fd-017": "HPYCDFRJT",
    "fd-018": "HPYCDFRJT", "fd-019": "HPYRJT", "fd-020": "HPYCDFRJTA", "fd-021": "HPYCDFRJTA",
    "fd-022": "HPYCDFRJT", "fd-023": "HPYCDFRJT", "fd-024": "HPYCDFRJT", "fd-025": "HPYCDFRJT",
    "fd-026": "HPYCDFRJT", "fd-027": "HPYCDFRJTA", "fd-028": "HPYCRJTA", "fd-029": "HPYCRJTA",
    "fd-030": "HPYCRJTA", "fd-031": "HPYCDFRJTA", "fd-032": "HPYCDFRJT", "fd-033": "HPYRJT",
    "fd-034": "HPYCDFRJT", "page-01": "HPYCD", "page-02": "HPY", "page-03": "HPYCD",
    "page-04": "HPY", "page-05": "HPYC", "page-06": "HPY", "page-07": "HPYR", "page-08": "HPYCF",
    "page-09": "HPYC", "page-10": "HPYCDFR", "page-11": "HPY", "page-12": "HPYCDF",
    "page-13": "HPYC", "page-14": "HPYC", "page-15": "HPYF",
}  # fmt: skip
LETTERS = dict(zip(SECTION_NAMES, "HPYCDFRJTA", strict=True))


def test_parse_all_real_dev_documents(real_texts: dict[str, str]) -> None:
    found = {}
    for doc, text in real_texts.items():
        sections = find_sections(make_text(text))
        _assert_well_formed(sections, len(text))
        found[doc] = "".join(LETTERS[n] for n in SECTION_NAMES if getattr(sections, n))
    assert found == DEV_SECTIONS


FRAGMENTS = [
    "。", "\n", " ", "\u3000", "（2015）金民初字第01022号", "(2017)甘2901执162号", "民 事 判 决 书",
    "刑事裁定书", "浙江省新昌县人民法院", "原告", "被告", "公诉机关", "上诉人（原审被告）", "：",
    "张三，男，1970年1月1日出生，", "纠纷一案，本院于2015年6月24日立案后，", "向本院提起公诉",
    "依法适用简易程序", "本案现已审理终结。", "原告诉称，", "被告辩称，", "经审理查明，",
    "本院认为，", "判决如下：", "裁定如下：", "双方当事人自愿达成如下协议：", "审判员 张三\n",
    "审 判 长　李四", "二〇一五年十月二十八日", "书记员 王五", "附相关法律条文：",
    "《中华人民共和国刑法》第六十七条", "PAGE\n7", "審理終結", "一审法院认为",
]  # fmt: skip
texts_like_documents = st.lists(
    st.one_of(st.text(max_size=12), st.sampled_from(FRAGMENTS)), max_size=60
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), texts_like_documents))
def test_parse_never_raises_and_spans_are_well_formed(raw: str) -> None:
    _assert_well_formed(find_sections(make_text(raw)), len(raw))


# page-07 (通化县 非诉执行) with its lines joined into one, as a scraper hands it over: the last
# party line has no full stop and runs into the history after a blank.
_JOINED_EXECUTION = (
    "吉林省通化县人民法院 行政裁定书 (2015)通行非执字第78号 申请执行人通化县国土资源局。 "
    "被执行人周某某,住通化县 申请执行人通化县国土资源局于2015年5月6日向本院申请强制执行。"
    "本院经审查认为,该决定认定事实清楚。裁定如下: 准予强制执行。 审判员 张某 二〇一五年六月一日"
)


@pytest.mark.parametrize(
    "text",
    [_JOINED_EXECUTION, _JOINED_EXECUTION.replace("住通化县 申请", "住通化县。\n申请")],
    ids=["run-in", "own-line"],
)
def test_parse_run_in_party_line_moves_the_history_start(text: str) -> None:
    sections = find_sections(make_text(text))
    assert sections.parties is not None and sections.history is not None
    assert text[sections.history[0] :].startswith("申请执行人通化县国土资源局于2015年")
    assert text[: sections.parties[1]].rstrip("。").endswith("被执行人周某某,住通化县")
    _assert_well_formed(sections, len(text))


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        (  # 与 before the blank: the cue's own parties, not a party line ending
            "浙江省新昌县人民法院 民事判决书 (2015)绍新商初字第195号 原告张某。 被告李某某。 "
            "原告张某与 被告李某某民间借贷纠纷一案,本院于2015年1月26日立案受理。本院认为,"
            "事实清楚。判决如下: 驳回原告张某的诉讼请求。",
            "原告张某与 被告李某某",
        ),
        (  # the cue starts with no party label: nothing to move
            "南京市玄武区人民法院 民事裁定书 (2013)玄民辖初字第21号 原告陈某,男。 被告某某公司。 "
            "本院受理原告陈某诉 被告某某公司买卖合同纠纷一案后,被告在答辩期内提出管辖权异议。"
            "本院经审查认为,异议成立。裁定如下: 本案移送南京市鼓楼区人民法院处理。",
            "本院受理原告陈某诉 被告",
        ),
    ],
    ids=["joined-by-yu", "court-opens"],
)
def test_parse_blank_party_label_inside_the_history_is_no_run_in(text: str, opening: str) -> None:
    history = find_sections(make_text(text)).history
    assert history is not None and text[history[0] :].startswith(opening)


_LAST_LINE = "书记员 王某"
_DOCUMENT = (
    "浙江省新昌县人民法院\n民 事 判 决 书\n(2015)绍新商初字第195号\n原告:张某,农民。\n被告:李某某。\n"
    "原告张某与被告李某某民间借贷纠纷一案,本院于2015年1月26日立案受理。本案现已审理终结。\n"
    "本院认为,被告应当归还借款。判决如下:\n被告李某某归还原告张某借款8000元。\n"
    f"审判员 秦某\n二〇一五年三月二日\n{_LAST_LINE}"
)


@pytest.mark.parametrize(
    "footer",
    [
        "关注公众号", "分享到:微信 微博 QQ空间", "扫一扫 在手机上查看", "扫码关注", "返回顶部",
        "打印本页 关闭窗口", "责任编辑:王某", "上一篇:某某公司买卖合同纠纷案", "下一篇:某某案",
        "版权所有 浙江法院网", "Copyright © 2020 浙江法院网", "ICP备05023036号",
        "浙ICP备05023036号",  # the province's short name before ICP备, as sites print it
        "  7", "PAGE 7",
    ],
)  # fmt: skip
def test_parse_site_footer_lines_are_trimmed(footer: str) -> None:
    text = f"{_DOCUMENT}\n\n{footer}\n返回顶部\n"
    end = content_end(make_text(text).norm)
    assert text[:end].endswith(_LAST_LINE) and end == len(_DOCUMENT)
    tail = find_sections(make_text(text)).tail
    assert tail is not None and tail[1] == end


@pytest.mark.parametrize(
    "text",
    [
        _DOCUMENT,
        # a footer word opening a line inside the body, with the document after it
        _DOCUMENT.replace("本院认为,", "关注到被告未按期还款,本院认为,"),
        _DOCUMENT.replace(_LAST_LINE, f"责任编辑之外\n{_LAST_LINE}"),
        # the document's last line starts with a footer word but is a sentence, not a site line
        _DOCUMENT
        + "\n关注到原告提交的借条系被告亲笔书写且被告对借款事实无异议本院对借款事实予以确认并依法判决。",
        # 微信 is evidence here, not a share button
        _DOCUMENT + "\n原告通过微信向被告转账8000元。",
    ],
    ids=["plain", "inside", "before-last", "long-last-line", "wechat"],
)
def test_parse_footer_words_in_the_body_are_kept(text: str) -> None:
    assert content_end(make_text(text).norm) == len(text)


# A second-instance block whose first history line opens with a party's label and is missed by
# the history cues (the first-instance court, not 本院): the party block must end before it.
_PRIVATE_APPEAL = (
    "浙江省温州市中级人民法院\n刑事判决书\n（2022）浙03刑终100号\n"
    "上诉人（原审自诉人、反诉被告人）：林某某，男，1969年2月2日出生，汉族。\n"
    "被上诉人（原审被告人、反诉自诉人）：池某，男，1973年10月30日出生，汉族。\n"
    "辩护人：季某某，浙江某某律师事务所律师。\n"
    "{line}\n"
    "温州市鹿城区人民法院于二〇二一年八月二日作出（2021）浙0302刑初455号刑事判决，宣告池某无罪。"
    "宣判后，林某某不服，提出上诉。本院依法组成合议庭审理了本案。\n"
    "本院认为，原判正确。判决如下：\n驳回上诉，维持原判。\n审判长 王某\n二〇二二年三月一日\n书记员 李某"
)


@pytest.mark.parametrize(
    "line",
    [
        "上诉人林某某以被上诉人池某犯诽谤罪，向温州市鹿城区人民法院提起自诉；池某提起反诉。",
        "上诉人林某某诉被上诉人池某侵害名誉权，向温州市鹿城区人民法院提起诉讼。",
    ],
    ids=["yi", "su"],
)
def test_parse_party_line_about_both_parties_opens_the_history(line: str) -> None:
    text = _PRIVATE_APPEAL.format(line=line)
    sections = find_sections(make_text(text))
    assert sections.parties is not None and sections.history is not None
    assert text[: sections.parties[1]].endswith("浙江某某律师事务所律师。")
    assert text[sections.history[0] :].startswith(line)
    _assert_well_formed(sections, len(text))


def test_parse_party_entry_naming_another_party_is_no_history() -> None:
    text = _PRIVATE_APPEAL.format(line="原审第三人：王某与某某有限公司，住所地温州市。")
    sections = find_sections(make_text(text))
    assert sections.history is not None
    assert text[sections.history[0] :].startswith("温州市鹿城区人民法院于")
