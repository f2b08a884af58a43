"""Heading, title and document kind (assist.extract.title).

Headers are copied from the real dev documents (../shared/corpora/judgments); the kinds none
of them shows (起诉书, 检察建议书, 行政处罚决定书, 通知书, 决定书, 调解书) are tested on headers
written in the layout of real documents, marked below.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.document import DocKind
from assist.extract.title import doc_kind_of, find_title
from assist.text.normalize import make_text

REAL = [
    ("fd-006", "临夏市人民法院\n执行裁定书\n（2017）甘2901执162号\n申请执行人胡加党，男。",
        "ruling", "执行裁定书"),
    ("fd-007", "辽宁省大连市中级人民法院\n刑事裁定书\n（2017）辽02刑更392号\n罪犯蔡恒涛，男。",
        "ruling", "刑事裁定书"),
    ("fd-017", "天津市南开区人民法院\n刑  事  判   决  书\n\n(2001)南刑初字第26号 \n\n \n    "
        "公诉机关天津市南开区人民检察院。", "judgment", "刑事判决书"),
    ("fd-022", "天津市红桥区人民法院\n民    事    判    决    书\n\u3000\u3000\u3000\u3000     "
        "      (2006)红民一初字第696号\n原告窦少明，男。", "judgment", "民事判决书"),
    ("fd-025", "天津市南开区人民法院\n民   事   判   决   书（稿）\n（2003）南民初字第4666号\n"
        "原告陆学智，男。", "judgment", "民事判决书"),
    ("fd-031", "河北省张家口市中级人民法院 民事判决书 （2013）张商初字第145号 原告刘冶平。",
        "judgment", "民事判决书"),
    ("fd-033", "南京市玄武区人民法院 民事裁定书 （2013）玄民辖初字第21号 原告陈前，男。",
        "ruling", "民事裁定书"),
    ("page-01", "浙江省新昌县人民法院民 事 判 决 书(2015)绍新商初字第195号原告:何锴,农民。",
        "judgment", "民事判决书"),
    ("page-04", "淮安市淮阴区人民法院行 政 判 决 书(2014)淮行初字第0033号原告陈虎。", "judgment",
        "行政判决书"),
    ("page-05", "浙江海蓝化工集团有限公司环境污染责任纠纷一审民事判决书 江西省浮梁县人民法院 "
        "民 事 判 决 书 (2020)赣0222民初796号 公益诉讼起诉人:江西省浮梁县人民检察院。",
        "judgment", "浙江海蓝化工集团有限公司环境污染责任纠纷一审民事判决书"),
    ("page-06", "您现在的位置:首页>广州刑事律师团队>律师动态\n  • (2014)粤高法刑一终字第95号\n"
        "\n广东省高级人民法院刑事判决书\n\n(2014)粤高法刑一终字第95号原公诉机关广东省广州市人民"
        "检察院。\n\n内容介绍 / introduce\n\n广东省高级人民法院\n\n刑 事 判 决 书\n\n",
        "judgment", "刑事判决书"),
    ("page-07", "吉林省通化县人民法院\n行政裁定书\n(2015)通行非执字第 78号\n行 政 裁 定 书\n"
        "申请执行人通化县国土资源局。", "ruling", "行政裁定书"),
    ("page-09", "安徽省巢湖市人民法院\n执 行 裁 定 书\n(2021)皖0181执异25号\n异议人(利害关系人)"
        ":安徽广宏园林建设有限公司。", "ruling", "执行裁定书"),
    ("page-11", "锡林浩特市兴盛建筑安装有限责任公司\n\n锡林浩特市兴盛建筑安装有限责任公司与多伦"
        "县人力资源和社会保障局、多伦县人民政府行政裁决一审行政判决书\n\n来源:中国裁判文书网\n"
        "内蒙古自治区多伦县人民法院\n\np t ” > 行 政 判 决 书\n\n(2017)内2531行初3号\n\n原告:"
        "锡林浩特市兴盛建筑安装有限责任公司。", "judgment", "锡林浩特市兴盛建筑安装有限责任公司"
        "与多伦县人力资源和社会保障局、多伦县人民政府行政裁决一审行政判决书"),
    ("page-13", "大恒建设集团有限公司\n\n某某、中交第二航务工程局有限公司珠海分公司等劳动争议民"
        "事一审民事判决书\n\n来源:中国裁判文书网\n广东省珠海市香洲区人民法院\n民 事 判 决 书\n"
        "(2021)粤0402民初6343号\n原告:***,男。", "judgment", "某某、"
        "中交第二航务工程局有限公司珠海分公司等劳动争议民事一审民事判决书"),
    ("page-15", "湖南省岳陽市中級人民法院\n刑 事 裁 定 書\n(2017)湘06刑終359號\n"
        "原公訴機關湖南省岳陽市云溪區人民檢察院。", "ruling", "刑事裁定书"),
    # Layouts of real documents, not in the corpora:
    ("title-only", "张金国与伏玉梅、徐锦桂民间借贷纠纷一审民事判决书\n（2015）"
        "金民初字第01022号\n原告张金国。", "judgment", "张金国与伏玉梅、"
        "徐锦桂民间借贷纠纷一审民事判决书"),
    ("title-names-parties", "原告陈虎诉被告淮安市淮阴区运输管理所不服运输行政处罚一案行政判决书"
        "\n淮安市淮阴区人民法院\n行 政 判 决 书\n(2014)淮行初字第0033号\n原告陈虎。", "judgment",
        "原告陈虎诉被告淮安市淮阴区运输管理所不服运输行政处罚一案行政判决书"),
    ("mediation", "江苏省金湖县人民法院\n民 事 调 解 书\n（2015）金民初字第01022号\n"
        "原告张金国。", "mediation", "民事调解书"),
    ("indictment", "北京市人民检察院第一分院\n起 诉 书\n京检一分刑诉〔2019〕12号\n被告人张某，"
        "男。", "indictment", "起诉书"),
    ("recommendation", "浙江省金华市人民检察院\n检察建议书\n金检民（行）建〔2020〕3号\n"
        "东阳市人民法院：", "recommendation", "检察建议书"),
    ("penalty", "东阳市市场监督管理局\n行政处罚决定书\n东市监罚处〔2020〕123号\n当事人："
        "某某有限公司。", "penalty_decision", "行政处罚决定书"),
    ("notice", "浙江省东阳市人民检察院\n纠正违法通知书\n东检纠违〔2020〕2号\n东阳市人民法院：",
        "notice", "纠正违法通知书"),
    ("decision", "浙江省东阳市人民检察院\n不起诉决定书\n东检刑不诉〔2020〕15号\n"
        "被不起诉人张某，男。", "decision", "不起诉决定书"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "text", "kind", "title"), REAL, ids=[r[0] for r in REAL])
def test_find_title_heading_kind_and_title(case: str, text: str, kind: DocKind, title: str) -> None:
    t = make_text(text)
    m = find_title(t)
    assert m is not None
    assert (m.doc_kind, m.title) == (kind, title)
    assert doc_kind_of(t) == kind
    assert t.norm[m.title_start : m.title_end].replace(" ", "") == title
    assert "书" in t.norm[m.heading_start : m.heading_end]


def test_find_title_heading_span_keeps_the_draft_mark() -> None:
    text = (
        "天津市南开区人民法院\n民   事   判   决   书（稿）\n（2003）南民初字第4666号\n原告陆学智。"
    )
    t = make_text(text)
    m = find_title(t)
    assert (
        m is not None and t.raw[m.heading_start : m.heading_end] == "民   事   判   决   书（稿）"
    )
    assert m.title == "民事判决书"


INFERRED = [
    # fd-006 body without its header.
    ("ruling", "本院在执行申请执行人胡加党与被执行人马军装饰装修合同纠纷一案中，"
        "被执行人马军下落不明。依据《最高人民法院关于适用<中华人民共和国民事诉讼法>的解释》第五"
        "百一十九条的规定，裁定如下：\n终结本次执行程序。"),
    # fd-029 body without its header.
    ("judgment", "依据《中华人民共和国刑法》第一百三十三条之一第一款、第六十七条第三款之规定，"
        "判决如下：\n被告人靳宝忠犯危险驾驶罪，判处拘役一个月，罚金人民"),
    ("mediation", "原告张金国与被告伏玉梅民间借贷纠纷一案，经本院主持调解，"
        "双方当事人自愿达成如下协议："),
    # CAIL2019-SCM excerpt: no operative part.
    ("other", "原告：施某1。被告：丁某1。\n\n原告施某1向本院提出诉讼请求：1．判令被告丁某1、"
        "金某1即时归还借款500000元"),
    # A ruling that quotes the judgment it reviews.
    ("ruling", "原审法院判决如下：驳回原告的诉讼请求。上诉人不服。本院认为，"
        "原审判决认定事实清楚。裁定如下：驳回上诉，维持原判。"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "text"), INFERRED, ids=[f"{k}-{i}" for i, (k, _) in enumerate(INFERRED)]
)
def test_doc_kind_of_without_a_heading(kind: DocKind, text: str) -> None:
    t = make_text(text)
    assert find_title(t) is None
    assert doc_kind_of(t) == kind


def test_find_title_ignores_cited_judgments_in_the_narrative() -> None:
    text = "经审理查明，2014年1月20日朔城区人民法院对支某开始执行（2014）朔民初字第404号判决书后"
    assert find_title(make_text(text)) is None


def _check(text: str) -> None:
    t = make_text(text)
    m = find_title(t)
    doc_kind_of(t)
    if m is not None:
        assert 0 <= m.heading_start < m.heading_end <= len(t.raw)
        assert 0 <= m.title_start < m.title_end <= len(t.raw)
        evidence = t.norm[m.title_start : m.title_end]
        assert evidence.replace(" ", "").endswith(m.title[-3:])


_PIECES = [
    "民", "事", "刑", "行政", "判", "决", "书", "裁定书", "调解书", "起诉书", "检察建议书",
    "行政处罚", "决定书", "通知书", " ", "\n", "(稿)", "（稿）", "人民法院", "浙江省新昌县",
    "(2015)绍新商初字第195号", "原告:", "。", "纠纷一审", "与", "判决如下", "裁定如下",
    "达成如下协议", "p t ” >",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_title_never_raises_on_arbitrary_text(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=50))
def test_title_offsets_hold_on_header_like_text(pieces: list[str]) -> None:
    _check("".join(pieces))


# A web page joined into one line keeps one blank where each line ended; site text before the
# title (breadcrumbs, source) ends at the last blank between two Chinese characters. Layout of
# page-05 / page-11 (中国裁判文书网 copies), parties masked.
_LOAN_TITLE = "张某与李某某民间借贷纠纷一审民事判决书"


@pytest.mark.parametrize(
    "text",
    [
        f"首页 裁判文书 {_LOAN_TITLE} 浙江省新昌县人民法院 民 事 判 决 书 (2015)绍新商初字第195号 "
        "原告:张某,男。",
        f"来源:中国裁判文书网 {_LOAN_TITLE}\n(2015)绍新商初字第195号\n原告:张某,男。",
        f"{_LOAN_TITLE}\n浙江省新昌县人民法院\n民事判决书\n(2015)绍新商初字第195号\n原告:张某,男。",
        f"{_LOAN_TITLE} 浙江省新昌县人民法院 民事判决书 (2015)绍新商初字第195号 原告:张某,男。",
    ],
    ids=["breadcrumbs-joined", "source-line", "title-line", "title-joined"],
)
def test_find_title_site_text_ends_at_a_blank_between_chinese(text: str) -> None:
    t = make_text(text)
    found = find_title(t)
    assert found is not None and found.title == _LOAN_TITLE
    assert text[found.title_start : found.title_end] == _LOAN_TITLE


def test_find_title_without_blanks_is_kept_whole() -> None:
    # page-13 with its first two lines joined: the site's name before the blank goes, the
    # title (、 and 等, no blank) stays whole
    title = "某某、中交第二航务工程局有限公司珠海分公司等劳动争议民事一审民事判决书"
    t = make_text(
        f"大恒建设集团有限公司 {title}\n广东省珠海市香洲区人民法院\n民 事 判 决 书\n"
        "(2021)粤0402民初6343号\n原告:***,男。"
    )
    found = find_title(t)
    assert found is not None and found.title == title


def test_find_title_spaced_heading_is_not_a_segment_break() -> None:
    # The blanks of a spaced heading (民 事 判 决 书) lie after the title's case words: the
    # whole title is kept, not only what follows the heading's last blank.
    t = make_text("张某与李某某民间借贷纠纷一审民 事 判 决 书\n(2015)绍新商初字第195号\n原告张某。")
    found = find_title(t)
    assert found is not None and found.title == _LOAN_TITLE
