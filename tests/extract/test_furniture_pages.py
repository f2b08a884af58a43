"""Web-page furniture around a judgment (``assist.extract.furniture``): site lines, editor's
notes, sidebar lists of other cases and metadata tables above the header, footers below.

Only the document's own header block gives its kind, title, court and case number; statutes,
causes and cited cases come from its own text (its title line above the court included).
"""

from __future__ import annotations

import pytest

from assist.document import Document
from assist.pipeline import parse_document
from assist.text.normalize import make_text
from tests.test_layouts import DOCS, _analyzer, evidence_errors, summary

_HEADER = (
    "山东省济南市中级人民法院\n行政判决书\n（2022）鲁01行终210号\n"
    "上诉人（原审被告）济南市人力资源和社会保障局，住所地济南市历下区。\n"
    "被上诉人（原审原告）谭某某，女，住济南市天桥区。\n"
    "上诉人济南市人力资源和社会保障局因工伤认定一案，不服济南市历下区人民法院（2021）鲁0102行初388号"
    "行政判决，向本院提起上诉。\n"
)


def _header_fields(d: Document) -> tuple[str, str | None, str | None, str | None]:
    number = d.case_number.normalized if d.case_number else None
    return d.doc_kind, d.title, d.court, number


@pytest.mark.parametrize(
    "site",
    [
        "编者按：本案系我局败诉案件，现将二审判决书全文刊发，供参阅。\n",
        "欢迎阅读。\n",
        "作者：某某。来源：市人社局网站。\n",
        "您现在的位置：首页 > 以案释法\n本文转载判决书原文如下。\n",
    ],
)
def test_a_sentence_above_the_header_leaves_the_header(site: str) -> None:
    d = parse_document(site + _HEADER)
    assert _header_fields(d) == (
        "judgment",
        "行政判决书",
        "山东省济南市中级人民法院",
        "(2022)鲁01行终210号",
    )
    assert d.cause == "工伤认定"


def test_a_header_before_an_unknown_party_label_is_found_below_a_sentence() -> None:
    text = (
        "编者按：现将判决书全文刊发。\n山东省济南市中级人民法院\n行政判决书\n（2022）鲁01行终210号\n"
        "请求人谭某某，女，住济南市天桥区。\n"
    )
    assert _header_fields(parse_document(text)) == (
        "judgment",
        "行政判决书",
        "山东省济南市中级人民法院",
        "(2022)鲁01行终210号",
    )


_SIDEBAR_BULLETS = (
    "某某省第三监狱 — 狱务公开 — 减刑假释裁定公示\n相关案例：\n"
    "· (2023)湘07刑更1201号　罪犯王某某减刑刑事裁定书\n"
    "· (2023)湘07刑更1188号　罪犯赵某假释刑事裁定书\n"
    "发布人：刑罚执行科　发布日期：2023/12/05\n"
    "湖南省常德市中级人民法院\n刑 事 裁 定 书\n(2023)湘07刑更1215号\n"
    "罪犯周某某，男，1979年3月22日出生，现在湖南省某某监狱服刑。\n"
    "湖南省澧县人民法院于2019年9月10日作出(2019)湘0723刑初215号刑事判决，以被告人周某某犯诈骗罪，"
    "判处有期徒刑十年。执行机关于2023年11月6日提出减刑建议书，报送本院审理。\n"
)


def test_a_sidebar_of_bulleted_cases_does_not_hijack_the_header() -> None:
    d = parse_document(_SIDEBAR_BULLETS)
    assert _header_fields(d) == (
        "ruling",
        "刑事裁定书",
        "湖南省常德市中级人民法院",
        "(2023)湘07刑更1215号",
    )
    assert [c.case_number.normalized for c in d.cited_cases] == ["(2019)湘0723刑初215号"]


_SIDEBAR_TITLES = (
    "绿色环境公益网 | 公益诉讼案例库\n首页 / 案例库 / 行政公益诉讼 / 正文\n相关案例\n"
    "某某县人民检察院诉某某县水利局不履行河道监管职责一审行政判决书\n（2020）黔2722行初45号\n"
    "某某县人民检察院诉某某镇人民政府不履行垃圾处理职责一审行政判决书\n（2021）黔2725行初12号\n"
    "标签：行政公益诉讼 ｜ 非法占用林地\n"
    "贵州省黔南布依族苗族自治州中级人民法院\n行政判决书\n（2021）黔27行初89号\n"
    "公益诉讼起诉人：贵州省黔南布依族苗族自治州人民检察院。\n"
    "被告：贵州省某某县林业局，住所地贵州省某某县。\n"
    "公益诉讼起诉人诉被告不履行林业监管职责一案，本院于2021年6月10日立案后，依法组成合议庭。\n"
)


def test_sidebar_titles_above_the_court_are_not_the_title_nor_the_court() -> None:
    d = parse_document(_SIDEBAR_TITLES)
    assert _header_fields(d) == (
        "judgment",
        "行政判决书",
        "贵州省黔南布依族苗族自治州中级人民法院",
        "(2021)黔27行初89号",
    )
    assert d.cause != "行政公益诉讼"  # a breadcrumb, not the cause
    assert d.cited_cases == ()


def test_a_sidebar_title_right_above_a_court_less_header_is_no_title() -> None:
    text = (
        "相关案例\n某某县人民检察院诉某某县水利局不履行河道监管职责一审行政判决书\n"
        "行政判决书\n（2021）黔27行初89号\n公益诉讼起诉人：贵州省某某州人民检察院。\n"
        "被告：贵州省某某县林业局。\n"
    )
    d = parse_document(text)
    assert (d.title, d.court) == ("行政判决书", None)


@pytest.mark.parametrize("label", ["标题：", "文书名称：", "【案件名称】", "标题: "])
def test_a_site_label_before_the_page_title_is_not_part_of_it(label: str) -> None:
    text = (
        f"苏州法院网 >> 裁判文书 >> 刑事\n{label}许某某盗窃二审刑事裁定书\n"
        "作者：刑二庭　　更新时间：2016-08-02\n"
        "江苏省苏州市中级人民法院\n刑 事 裁 定 书\n（2016）苏05刑终321号\n"
        "原公诉机关江苏省张家港市人民检察院。\n上诉人（原审被告人）许某某，男，1984年2月11日出生。\n"
    )
    d = parse_document(text)
    assert d.title == "许某某盗窃二审刑事裁定书"
    start, end = d.field_spans["title"]
    assert text[start:end] == "许某某盗窃二审刑事裁定书"


_METADATA = (
    "聚法案例 > 裁判文书 > 民事 > 合同、准合同纠纷 > 买卖合同纠纷\n"
    "王某某与上海某某实业有限公司买卖合同纠纷一审民事判决书\n"
    "案　　号：（2022）沪0115民初45678号\n审理法院：上海市浦东新区人民法院\n"
    "案　　由：买卖合同纠纷\n文书类型：判决书\n"
    "相关法条：《中华人民共和国民法典》第五百七十七条；《中华人民共和国民事诉讼法》第一百四十七条\n"
    "──────────────\n上海市浦东新区人民法院\n民事判决书\n（2022）沪0115民初45678号\n"
    "原告：王某某，男，1979年10月2日出生。\n被告：上海某某实业有限公司，住所地上海市浦东新区。\n"
)


def test_a_metadata_table_gives_no_statutes_and_the_title_line_stays() -> None:
    body = "原告王某某与被告上海某某实业有限公司买卖合同纠纷一案，本院于2022年8月4日立案后。\n"
    d = parse_document(_METADATA + body)
    assert d.title == "王某某与上海某某实业有限公司买卖合同纠纷一审民事判决书"
    assert d.court == "上海市浦东新区人民法院"
    assert d.statutes == ()
    assert d.cause == "买卖合同纠纷"
    start = d.field_spans["cause"][0]  # the document's own words: its title line or its text
    assert not _METADATA.index("案　　号") < start < _METADATA.index("──")


def test_a_metadata_cause_is_used_when_the_document_states_none() -> None:
    text = _METADATA.replace("王某某与上海某某实业有限公司买卖合同纠纷一审民事判决书\n", "")
    d = parse_document(text + "原告向本院提出诉讼请求：判令被告支付货款。\n")
    assert d.cause == "买卖合同纠纷"
    assert d.field_spans["cause"][0] < text.index("──")


def test_a_related_statutes_sidebar_is_not_cited() -> None:
    text = (
        "首页 | 律所简介 | 成功案例\n相关法条：\n《中华人民共和国民法典》第六百七十九条\n"
        "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第十五条\n"
        "江苏省无锡市中级人民法院\n民 事 判 决 书\n（2021）苏02民终1872号\n"
        "上诉人（原审被告）：钱某某，男，1975年出生。\n被上诉人（原审原告）：孙某，女。\n"
        "上诉人钱某某因与被上诉人孙某民间借贷纠纷一案，不服一审判决，向本院提起上诉。"
        "依照《中华人民共和国民事诉讼法》第一百七十七条第一款第一项之规定，判决如下：\n"
    )
    d = parse_document(text)
    assert sorted((s.law, s.article_no) for s in d.statutes) == [("中华人民共和国民事诉讼法", 177)]


def test_a_title_line_above_the_court_gives_the_cause() -> None:
    text = (
        "浙江海蓝化工集团有限公司环境污染责任纠纷一审民事判决书 江西省浮梁县人民法院 民 事 判 决 书 "
        "(2020)赣0222民初796号 公益诉讼起诉人:江西省浮梁县人民检察院。 被告:浙江海蓝化工集团有限公司。 "
        "公益诉讼起诉人与被告环境污染民事公益诉讼一案,本院于2020年11月19日立案后。"
    )
    d = parse_document(text)
    assert (d.title, d.cause) == ("浙江海蓝化工集团有限公司环境污染责任纠纷一审民事判决书", "环境污染责任纠纷")  # fmt: skip


@pytest.mark.parametrize(
    "footer",
    [
        "上一篇：（2019）闽0203民初16002号案件调解结案\n下一篇：王某与李某房屋租赁合同纠纷案\n",
        "- END -\n来源：某某区人民法院\n往期推荐\n▶ （2019）闽0203民初16002号案件执行完毕\n",
        "（本文仅节选部分内容）\n【律师点评】法院依照《中华人民共和国民事诉讼法》第二百三十四条裁定中止执行。\n",
    ],
)
def test_a_page_footer_names_no_cited_case_and_no_statute(footer: str) -> None:
    text = (
        "福建省厦门市思明区人民法院\n民事判决书\n(2019)闽0203民初15820号\n原告：陈某某，男。\n"
        "被告：蔡某，女。\n原告陈某某与被告蔡某民间借贷纠纷一案，本院于2019年10月28日立案后。"
        "依照《中华人民共和国民法典》第六百七十四条之规定，判决如下：\n被告蔡某偿还借款。\n"
        "审判员　黄某某\n二〇一九年十一月二十六日\n书记员　吴某\n"
    )
    d = parse_document(text + footer)
    assert d.cited_cases == ()
    assert [(s.law, s.article_no) for s in d.statutes] == [("中华人民共和国民法典", 674)]


def test_furniture_bounds_on_a_page() -> None:
    from assist.extract.furniture import doc_end, doc_start

    t = make_text(_SIDEBAR_BULLETS + "上一篇：(2023)湘07刑更1100号\n")
    assert t.norm[doc_start(t) :].startswith("湖南省常德市中级人民法院\n刑 事 裁 定 书")
    assert t.norm[doc_end(t) :].startswith("上一篇")


def _site(text: str) -> str:
    """A judgment as a site shows it: breadcrumb, editor's note, a sidebar of other cases and
    laws, a tag line above; a 上一篇 link and a lawyer's comment below."""
    head = (
        "首页 > 裁判文书 > 正文\n编者按：本文系本站转载，仅供学习参考。\n相关案例\n"
        "· (2019)京0105民初12345号 王某某与李某某民间借贷纠纷一审民事判决书\n"
        "张某与某某公司买卖合同纠纷一审民事判决书\n(2020)沪0115民初9999号\n"
        "相关法条：\n《中华人民共和国民法典》第六百七十九条\n标签：判决 | 上诉\n"
    )
    tail = (
        "\n上一篇：(2018)京01民终7777号 赵某与钱某借款合同纠纷二审民事判决书\n"
        "【律师点评】本案依照《中华人民共和国民事诉讼法》第一百四十五条处理。\n"
    )
    return head + text + tail


@pytest.mark.parametrize("doc_id", list(DOCS))
def test_real_documents_inside_a_site_page_parse_alike(doc_id: str) -> None:
    base = _analyzer().analyze(DOCS[doc_id], doc_id)
    text = _site(DOCS[doc_id])
    got = _analyzer().analyze(text, doc_id)
    want, have = summary(base), summary(got)
    # Signals gate on words anywhere in the text (a sidebar's 民间借贷): not compared here.
    diff = {k: (want[k], have[k]) for k in want if want[k] != have[k]}
    diff.pop("signals", None)
    diff.pop("issues", None)
    assert diff == {}
    cited = [c.case_number.normalized for c in base.document.cited_cases]
    assert [c.case_number.normalized for c in got.document.cited_cases] == cited
    assert not evidence_errors(text, got)
