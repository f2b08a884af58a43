"""Case numbers on real examples (assist.extract.case_number, data/case_types.tsv).

Numbers and texts are copied from the real dev documents (../shared/corpora/judgments), the
other corpora (CAIL2018/2019, LeCaRD facts that cite earlier cases) and the brief; the Chinese
year forms （二〇一五）/（二O一五） are the brief's, written on real numbers.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.document import CaseNumber, Relation
from assist.extract.case_number import (
    case_types,
    find_case_numbers,
    find_cited_cases,
    find_document_numbers,
    header_end,
    parse_case_number,
    pick_own_case_number,
)
from assist.text.normalize import make_text

# raw, normalized, year, court_abbr, court_code, type_code, seq, seq_end, suffix, case_type, stage
Row = tuple[str, str, int, str | None, str | None, str, int, int | None, str | None, str, str]
PARSED: list[Row] = [
    ("（2015）金民初字第01022号", "(2015)金民初字第01022号", 2015, "金", None, "民初", 1022,
        None, None, "civil", "first_instance"),
    ("（2021）豫0927民初89号", "(2021)豫0927民初89号", 2021, "豫", "豫0927", "民初", 89, None,
        None, "civil", "first_instance"),
    ("(2017)黑1083执121号", "(2017)黑1083执121号", 2017, "黑", "黑1083", "执", 121, None, None,
        "execution", "execution"),
    ("（2017）甘2901执162号", "(2017)甘2901执162号", 2017, "甘", "甘2901", "执", 162, None, None,
        "execution", "execution"),
    ("（2017）辽02刑更392号", "(2017)辽02刑更392号", 2017, "辽", "辽02", "刑更", 392, None, None,
        "criminal", "other"),
    ("（2017）黑1121民初2345号", "(2017)黑1121民初2345号", 2017, "黑", "黑1121", "民初", 2345,
        None, None, "civil", "first_instance"),
    ("（2016）最高法民申3081号", "(2016)最高法民申3081号", 2016, "最高法", "最高法", "民申",
        3081, None, None, "civil", "retrial_review"),
    ("（2017）最高法民辖终81号", "(2017)最高法民辖终81号", 2017, "最高法", "最高法", "民辖终",
        81, None, None, "civil", "second_instance"),
    ("（2012）刑监字第182-1号", "(2012)刑监字第182-1号", 2012, None, None, "刑监", 182, None,
        "-1", "criminal", "retrial_review"),
    ("（2016）粤0304民初18775-18776号之一", "(2016)粤0304民初18775-18776号之一", 2016, "粤",
        "粤0304", "民初", 18775, 18776, "之一", "civil", "first_instance"),
    ("（2014）粤高法刑一终字第95号", "(2014)粤高法刑一终字第95号", 2014, "粤高法", None, "刑终",
        95, None, None, "criminal", "second_instance"),
    ("(2015)通行非执字第 78号", "(2015)通行非执字第78号", 2015, "通", None, "行非执", 78, None,
        None, "administrative", "non_litigation_review"),
    ("( 2013 )张商初字第145号", "(2013)张商初字第145号", 2013, "张", None, "商初", 145, None,
        None, "civil", "first_instance"),
    ("（二〇一五）金民初字第01022号", "(2015)金民初字第01022号", 2015, "金", None, "民初", 1022,
        None, None, "civil", "first_instance"),
    ("（二O一五）绍新商初字第195号", "(2015)绍新商初字第195号", 2015, "绍新", None, "商初", 195,
        None, None, "civil", "first_instance"),
    ("〔2015〕绍新商初字第195号", "(2015)绍新商初字第195号", 2015, "绍新", None, "商初", 195,
        None, None, "civil", "first_instance"),
    ("(2017)湘06刑終359號", "(2017)湘06刑终359号", 2017, "湘", "湘06", "刑终", 359, None, None,
        "criminal", "second_instance"),
    ("(2001)南刑初字第26号", "(2001)南刑初字第26号", 2001, "南", None, "刑初", 26, None, None,
        "criminal", "first_instance"),
    ("(2006)红民一初字第696号", "(2006)红民一初字第696号", 2006, "红", None, "民初", 696, None,
        None, "civil", "first_instance"),
    ("（2013）玄民辖初字第21号", "(2013)玄民辖初字第21号", 2013, "玄", None, "民辖初", 21, None,
        None, "civil", "first_instance"),
    ("（2014）武侯刑初字第277号", "(2014)武侯刑初字第277号", 2014, "武侯", None, "刑初", 277,
        None, None, "criminal", "first_instance"),
    ("(2014)淮行初字第0033号", "(2014)淮行初字第0033号", 2014, "淮", None, "行初", 33, None,
        None, "administrative", "first_instance"),
    ("(2021)鲁1681行审18号", "(2021)鲁1681行审18号", 2021, "鲁", "鲁1681", "行审", 18, None,
        None, "administrative", "non_litigation_review"),
    ("(2021)皖0181执异25号", "(2021)皖0181执异25号", 2021, "皖", "皖0181", "执异", 25, None,
        None, "execution", "execution"),
    ("(2017)内2531行初3号", "(2017)内2531行初3号", 2017, "内", "内2531", "行初", 3, None, None,
        "administrative", "first_instance"),
    ("(2016)粤1302财保1016-1号", "(2016)粤1302财保1016-1号", 2016, "粤", "粤1302", "财保", 1016,
        None, "-1", "civil", "preservation"),
    ("（2011）辽刑执字第171号", "(2011)辽刑执字第171号", 2011, "辽", None, "刑执", 171, None,
        None, "criminal", "other"),
    ("（2014）大审刑执字第838号", "(2014)大审刑执字第838号", 2014, "大审", None, "刑执", 838,
        None, None, "criminal", "other"),
    ("（2014）朔民初字404－Ⅲ号", "(2014)朔民初字404-Ⅲ号", 2014, "朔", None, "民初", 404, None,
        "-Ⅲ", "civil", "first_instance"),
    ("(2016)渝刑终112号", "(2016)渝刑终112号", 2016, "渝", "渝", "刑终", 112, None, None,
        "criminal", "second_instance"),
    ("（2016）黑刑核13779013号", "(2016)黑刑核13779013号", 2016, "黑", "黑", "刑核", 13779013,
        None, None, "criminal", "other"),
    ("(2014)锡中法行监字第3号", "(2014)锡中法行监字第3号", 2014, "锡中法", None, "行监", 3, None,
        None, "administrative", "retrial_review"),
    ("（2013年）贺八刑初字第865号", "(2013)贺八刑初字第865号", 2013, "贺八", None, "刑初", 865,
        None, None, "criminal", "first_instance"),
    ("（2015）民一他字第9号", "(2015)民一他字第9号", 2015, None, None, "民他", 9, None, None,
        "civil", "other"),
    ("（2012）陕民一终字第00050号", "(2012)陕民一终字第00050号", 2012, "陕", None, "民终", 50,
        None, None, "civil", "second_instance"),
    ("（2015）宁法商清预字第6号", "(2015)宁法商清预字第6号", 2015, "宁法", None, "商清预", 6,
        None, None, "civil", "other"),
    ("（2012）张法执异字第7号", "(2012)张法执异字第7号", 2012, "张法", None, "执异", 7, None,
        None, "execution", "execution"),
    ("（2015）渝一中法刑初字第00173号", "(2015)渝一中法刑初字第00173号", 2015, "渝一中法", None,
        "刑初", 173, None, None, "criminal", "first_instance"),
    ("（2015）新刑二核字第22号", "(2015)新刑二核字第22号", 2015, "新", None, "刑核", 22, None,
        None, "criminal", "other"),
    ("(2015)深中法劳终字第4755号", "(2015)深中法劳终字第4755号", 2015, "深中法", None, "劳终",
        4755, None, None, "civil", "second_instance"),
    ("(2010)泰兴少刑初字第122号", "(2010)泰兴少刑初字第122号", 2010, "泰兴", None, "少刑初", 122,
        None, None, "criminal", "first_instance"),
    ("［2015］东商初字第768号", "(2015)东商初字第768号", 2015, "东", None, "商初", 768, None,
        None, "civil", "first_instance"),
]  # fmt: skip


@pytest.mark.parametrize("row", PARSED, ids=[r[0] for r in PARSED])
def test_case_number_parses_every_field(row: Row) -> None:
    raw, normalized, year, abbr, code, type_code, seq, seq_end, suffix, case_type, stage = row
    cn = parse_case_number(raw)
    assert cn is not None
    got = (cn.raw, cn.normalized, cn.year, cn.court_abbr, cn.court_code, cn.type_code, cn.seq)
    assert got == (raw, normalized, year, abbr, code, type_code, seq)
    assert (cn.seq_end, cn.suffix, cn.case_type, cn.stage) == (seq_end, suffix, case_type, stage)
    assert (cn.start, cn.end) == (0, len(raw))


def test_case_number_parse_offsets_shift_by_start() -> None:
    cn = parse_case_number("（2017）甘2901执162号", start=15)
    assert cn is not None and (cn.start, cn.end) == (15, 31)


NOT_NUMBERS = [
    "依照《中华人民共和国民事诉讼法》第一百四十四条的规定",
    "于2015年1月26日向本院起诉",
    "（二〇一五年十月二十八日）",
    "榆方评报自（2017）第203号资产评估报告书",
    "最高人民法院法释〔2015〕16号",
    "(2015)沪普证经字第4694-4696号公证书",
    "张仲（2011）民调字第34号调解书",
    "娄中司鉴所(2016)临鉴字第250号鉴定意见",
    "深圳市公证处(2013)深证字第148744号公证书",
    "(2012)个借字第0142号借款合同",
    "内劳人仲案〔2021〕75号仲裁裁决书",
    "(2014)第6号",
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_case_number_no_false_positives(text: str) -> None:
    assert list(find_case_numbers(make_text(text))) == []


# fd-007 (a 减刑 ruling): header and history, as published.
FD007 = (
    "辽宁省大连市中级人民法院\n刑事裁定书\n（2017）辽02刑更392号\n罪犯蔡恒涛，男，"
    "1988年8月10日出生，汉族，辽宁省庄河市人，初中文化，现在辽宁省瓦房店监狱服刑。\n"
    "辽宁省大连市中级人民法院于2008年6月19日作出（2008）大刑一初字第101号刑事附带民事判决，"
    "以罪犯蔡恒涛犯故意伤害罪，判处无期徒刑，剥夺政治权利终身，连带赔偿附带民事诉讼原告人经济损失"
    "。判决发生法律效力后交付执行，2008年9月26日被投入辽宁省瓦房店监狱服刑。2011年2月21日经辽宁省"
    "高级人民法院以（2011）辽刑执字第171号刑事裁定，对其减为有期徒刑十九年，剥夺政治权利七年；"
    "2014年6月30日经本院以（2014）大审刑执字第838号刑事裁定，对其减去有期徒刑一年二个月，"
    "剥夺政治权利七年不变。现刑期至2028年12月20日止。\n"
)
# fd-006 (终本 execution ruling), complete.
FD006 = (
    "临夏市人民法院\n执行裁定书\n（2017）甘2901执162号\n申请执行人胡加党，男，汉族，"
    "1974年11月28日出生，身份号码×××，住临夏市。\n被执行人马军，男，回族，1982年2月4日出生，"
    "身份号码×××，住临夏市。\n本院在执行申请执行人胡加党与被执行人马军装饰装修合同纠纷一案中，"
    "被执行人马军下落不明，经通过四查，也无可供执行的财产。"
)
# page-15 (appeal ruling, traditional characters).
PAGE15 = (
    "湖南省岳陽市中級人民法院\n刑 事 裁 定 書\n(2017)湘06刑終359號\n原公訴機關湖南省岳陽市云溪區"
    "人民檢察院。\n湖南省岳陽市云溪區人民法院審理湖南省岳陽市云溪區人民檢察院指控原審被告人姚秋平"
    "、賀清泉犯環境監管失職罪一案,于二〇一七年十月十一日作出(2017)湘0603刑初54號刑事判決。"
    "原審被告人賀清泉不服,提出上訴。"
)
# page-06 (law-firm page: the own number repeated in the navigation before the heading).
PAGE06 = (
    "您现在的位置:首页>广州刑事律师团队>律师动态\n  • (2014)粤高法刑一终字第95号\n  • (2014)"
    "粤高法刑一终字第95号\n\n广东省高级人民法院刑事判决书\n\n(2014)粤高法刑一终字第95号原公诉机关"
    "广东省广州市人民检察院。\n\n  广东省广州市中级人民法院审理广东省广州市人民检察院指控原审被告"
    "人翁××、夏××犯故意伤害罪及原审附带民事原告人李某一、李某二提起附带民事诉讼一案,"
    "于2013年11月27日作出(2013)穗中法刑一初字第291号刑事附带民事判决。宣判后,原审被告人翁××、"
    "夏××对刑事判决不服,在上诉期内提出上诉。"
)
# page-09 (执行异议 ruling citing the execution case objected to).
PAGE09 = (
    "安徽省巢湖市人民法院\n执 行 裁 定 书\n(2021)皖0181执异25号\n异议人(利害关系人):"
    "安徽广宏园林建设有限公司,住所地巢湖市健康西路丽景国际。\n异议人广宏园林公司称:"
    "巢湖市人民法院在执行***与**民间借借贷纠纷一案中,于2020年6月16日向异议人送达(2019)"
    "皖0181执365号协助执行通知书和执行裁定书,要求冻结**在异议人处的工程款73万元。"
)
# page-01 (no newlines: court, spaced heading, number and party block run together).
PAGE01 = (
    "浙江省新昌县人民法院民 事 判 决 书(2015)绍新商初字第195号原告:何锴,农民。被告:陈晓春。"
    "原告何锴为与被告陈晓春民间借贷纠纷一案,于2015年1月26日向本院起诉"
)
# fd-031 (paragraphs separated by spaces).
FD031 = (
    "河北省张家口市中级人民法院 民事判决书 （2013）张商初字第145号 原告刘冶平。 "
    "委托代理人刘冶东，系刘冶平之弟。 原告刘冶东。"
)
# CAIL2019-SCM excerpt: party block first, cites another case only.
CAIL = (
    "原告：王某1，现住壶关县。被告：刘某1，壶关县人。\n\n王某1向本院提出诉讼请求：本院作出(2015)"
    "朝民初字第285号民事判决,驳回王x2的诉请王x2不服上诉至长春市中级人民法院,"
    "长春市中级人民法院作出(2015)长民终字第393号民事判决,驳回王x2的上诉,维持原判"
)

OWN = [
    ("fd-007", FD007, "（2017）辽02刑更392号"),
    ("fd-006", FD006, "（2017）甘2901执162号"),
    ("page-15", PAGE15, "(2017)湘06刑終359號"),
    ("page-06", PAGE06, "(2014)粤高法刑一终字第95号"),
    ("page-09", PAGE09, "(2021)皖0181执异25号"),
    ("page-01", PAGE01, "(2015)绍新商初字第195号"),
    ("fd-031", FD031, "（2013）张商初字第145号"),
    ("cail", CAIL, None),
]


@pytest.mark.parametrize(("case", "text", "raw"), OWN, ids=[o[0] for o in OWN])
def test_pick_own_case_number_real_headers(case: str, text: str, raw: str | None) -> None:
    t = make_text(text)
    own = pick_own_case_number(t)
    assert (own.raw if own else None) == raw
    if own is not None:
        assert t.raw[own.start : own.end] == own.raw


CITED: list[tuple[str, str, list[tuple[str, Relation]]]] = [
    (
        "fd-007",
        FD007,
        [
            ("(2008)大刑一初字第101号", "original_judgment"),
            ("(2011)辽刑执字第171号", "commutation"),
            ("(2014)大审刑执字第838号", "commutation"),
        ],
    ),
    (
        "page-15",
        PAGE15,
        [
            ("(2017)湘0603刑初54号", "prior_instance"),
        ],
    ),
    (
        "page-06",
        PAGE06,
        [
            ("(2013)穗中法刑一初字第291号", "prior_instance"),
        ],
    ),
    (
        "page-09",
        PAGE09,
        [
            ("(2019)皖0181执365号", "related"),
        ],
    ),
    (
        "fd-006",
        FD006,
        [
        ],
    ),
    (
        "cail",
        CAIL,
        [
            ("(2015)朝民初字第285号", "prior_instance"),
            ("(2015)长民终字第393号", "related"),
        ],
    ),
    # CAIL2018 fact: the judgment whose execution was applied for.
    (
        "cail2018",
        "该案经江川县人民法院审理后作出了（2014）江民一初字第31号民事判决，后蒋某申请强制执行。",
        [
            ("(2014)江民一初字第31号", "executed_judgment"),
        ],
    ),
    # An execution ruling: a judgment cited in an 执 case is the one executed.
    (
        "exec",
        "临夏市人民法院\n执行裁定书\n（2017）甘2901执162号\n申请执行人胡加党。\n"
        "申请执行人胡加党与被执行人马军装饰装修合同纠纷一案，本院（2017）甘2901民初1200号民事判决"
        "已经发生法律效力。",
        [
            ("(2017)甘2901民初1200号", "executed_judgment"),
        ],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("case", "text", "expected"), CITED, ids=[c[0] for c in CITED])
def test_find_cited_cases_relations(
    case: str, text: str, expected: list[tuple[str, Relation]]
) -> None:
    t = make_text(text)
    cited = list(find_cited_cases(t, pick_own_case_number(t)))
    assert [(c.case_number.normalized, c.relation) for c in cited] == expected
    assert all(t.raw[c.start : c.end] == c.case_number.raw for c in cited)


def test_find_cited_cases_skips_repeats_of_own_and_cited() -> None:
    text = PAGE06 + "(2013)穗中法刑一初字第291号刑事附带民事判决认定"
    t = make_text(text)
    cited = list(find_cited_cases(t, pick_own_case_number(t)))
    assert [c.case_number.normalized for c in cited] == ["(2013)穗中法刑一初字第291号"]


# fd-028 / fd-034: procuratorate indictment numbers.
INDICTMENTS = [
    ("天津市宝坻区人民检察院以津宝检刑诉［2011］418号起诉书指控被告人马柱犯危险驾驶罪",
        "津宝检刑诉(2011)418号"),
    ("成都市武侯区人民检察院以成武检公诉刑诉（2014）196号起诉书指控被告人黄恨犯贩卖毒品罪",
        "成武检公诉刑诉(2014)196号"),
    ("天津市南开区人民检察院以（2000）津南检诉第570号起诉书指控被告人王明武犯交通肇事罪",
        "(2000)津南检诉第570号"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "normalized"), INDICTMENTS)
def test_find_document_numbers_procuratorate(text: str, normalized: str) -> None:
    t = make_text(text)
    docs = list(find_document_numbers(t))
    assert [d.normalized for d in docs] == [normalized]
    assert list(find_cited_cases(t, None, documents=False)) == []
    cited = list(find_cited_cases(t, None))
    assert [(c.case_number.normalized, c.relation) for c in cited] == [(normalized, "related")]


# fd-031: an arbitral mediation, named plainly first, later as the instrument being executed.
FD031_ARBITRATION = (
    "张家口仲裁委员会根据我方与被告博杨公司《商品房买卖合同》约定的仲裁条款，组织双方达成了调解，"
    "并于2012年4月25日作出仲裁（2011）民调字第34号调解书。在调解书确定的履行期限内，我方多次与"
    "被告博杨公司经办人武占俊联系。现因本院在依法执行张仲（2011）民调字第34号仲裁调解书过程中，"
    "被告宣化县农信社提出异议。"
)
# page-14: an arbitral award under challenge, not executed.
PAGE14_ARBITRATION = (
    "原被告之间的劳动争议纠纷,经内江市劳动人事争议仲裁委员会审理,作出内劳人仲案〔2021〕75号"
    "仲裁裁决书(下称“裁决书”),原告认为裁决书认定实施错误"
)


def test_find_cited_cases_arbitration_only_when_executed() -> None:
    t = make_text(FD031_ARBITRATION)
    cited = [(c.case_number.normalized, c.relation) for c in find_cited_cases(t, None)]
    assert cited == [("仲裁(2011)民调字第34号", "executed_judgment")]
    assert list(find_cited_cases(make_text(PAGE14_ARBITRATION), None)) == []


def test_pick_own_case_number_of_a_procuratorate_document() -> None:
    # Layout of a real 起诉书 header; number shape as in 京检一分刑诉 documents.
    t = make_text("北京市人民检察院第一分院\n起 诉 书\n京检一分刑诉〔2019〕12号\n被告人张某，男。")
    own = pick_own_case_number(t)
    assert own is not None and own.normalized == "京检一分刑诉(2019)12号"
    assert own.case_type == "other"


def test_header_end_stops_at_party_block_not_at_a_title_naming_parties() -> None:
    title = "原告陈虎诉被告淮安市淮阴区运输管理所不服运输行政处罚一案行政判决书\n"
    t = make_text(
        title + "淮安市淮阴区人民法院\n行 政 判 决 书\n(2014)淮行初字第0033号\n原告陈虎。"
    )
    assert t.norm[header_end(t) :].startswith("原告陈虎。")


def test_case_types_table_covers_the_brief() -> None:
    table = case_types()
    codes = [
        *("民初", "民终", "民申", "民再", "民监", "民抗", "民辖", "民辖初", "民辖终", "民特"),
        *("民督", "民催", "民破", "民撤", "刑初", "刑终", "刑申", "刑再", "刑监", "刑更"),
        *("刑抗", "刑执", "刑核", "刑医", "行初", "行终", "行申", "行再", "行审", "行审复"),
        *("行非执", "行监", "行赔", "执", "执恢", "执异", "执复", "执保", "执监", "执协"),
        *("执他", "财保", "诉前调", "司救", "国赔", "委赔", "法赔", "赔", "商初", "商终"),
    ]
    assert [c for c in codes if c not in table] == []
    assert table["民辖初"] == ("civil", "first_instance")
    assert table["执保"] == ("execution", "preservation")
    assert table["国赔"] == ("compensation", "other")


def _check(text: str) -> list[CaseNumber]:
    t = make_text(text)
    found = [*find_case_numbers(t), *find_document_numbers(t)]
    own = pick_own_case_number(t)
    found += [c.case_number for c in find_cited_cases(t, own, documents=True)]
    found += [own] if own is not None else []
    for cn in found:
        assert t.raw[cn.start : cn.end] == cn.raw
    return found


_PIECES = [
    "（", "）", "(", ")", "〔", "〕", "[", "]", "2015", "二〇一五", "二O一五", "年", "金",
    "民", "初", "字", "第", "01022", "号", "之一", "-", "－", "1", " ", "\u3000", "\n",
    "甘2901", "执", "刑一终", "號", "終", "作出", "不服", "判决", "裁定", "。", "，", "原告",
    "检刑诉", "仲", "减为",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_case_number_never_raises_on_arbitrary_text(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_case_number_offsets_hold_on_number_like_text(pieces: list[str]) -> None:
    _check("".join(pieces))
