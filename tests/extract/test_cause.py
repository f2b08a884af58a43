"""Cause (案由): sentences copied from the real corpora (../shared/corpora), person names masked."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.extract.cause import CONTEXT, STATED, WEAK, find_cause, find_causes
from assist.text.normalize import make_text, normalize


@pytest.mark.parametrize(
    ("text", "cause", "evidence"),
    [
        (  # full_dev fd-006: execution ruling names the executed case's cause
            "本院在执行申请执行人胡某某与被执行人马某装饰装修合同纠纷一案中，被执行人马某下落不明，"
            "经通过四查，也无可供执行的财产。",
            "装饰装修合同纠纷",
            "装饰装修合同纠纷",
        ),
        (  # pages_dev page-01, no newlines
            "浙江省新昌县人民法院民 事 判 决 书(2015)绍新商初字第195号原告:何某,农民。被告:陈某某。"
            "原告何某为与被告陈某某民间借贷纠纷一案,于2015年1月26日向本院起诉",
            "民间借贷纠纷",
            "民间借贷纠纷",
        ),
        (  # page-10: 借款合同纠纷, never the generic 合同纠纷
            "原告任某某与被告济源市隆升物资有限公司借款合同纠纷一案，本院于2015年1月16日立案受理",
            "借款合同纠纷",
            "借款合同纠纷",
        ),
        (  # fd-032: (以下简称…) between the party and the cause
            "原告佳县铭泰运输有限公司与被告中国人寿财产保险股份有限公司榆林中心支公司（以下简称人寿"
            "财险榆林支公司）保险合同纠纷一案，本院于2017年4月1日立案受理后",
            "保险合同纠纷",
            "保险合同纠纷",
        ),
        (  # fd-031: two defendants joined by 、
            "原告刘某某、刘某某与被告张家口市博杨房地产开"
            "发有限公司、宣化县农村信用合作联社商品房买卖"
            "合同纠纷一案，本院受理后，依法组成合议庭",
            "商品房买卖合同纠纷",
            "商品房买卖合同纠纷",
        ),
        (  # fd-008
            "原告中国邮政储蓄银行股份有限公司嫩江县支行与被告高"
            "某某信用卡纠纷一案，本院于2017年8月17日立案。",
            "信用卡纠纷",
            "信用卡纠纷",
        ),
        (  # fd-018: 反诉 in the roles
            "    原告郭某某与被告付某某同居关系析产纠纷一案，本院于2008年6月12日立案受理。",
            "同居关系析产纠纷",
            "同居关系析产纠纷",
        ),
        (  # fd-033: a later generic mention (因合同纠纷提起的诉讼) does not win
            "本院受理原告陈某与被告江苏天泓汽车服务有限公"
            "司、上海通用汽车有限公司买卖合同纠纷一案中，"
            "被告上海通用汽车有限公司在提交答辩状期间对管"
            "辖权提出异议。本院经审查认为，因合同纠纷提起的"
            "诉讼，由被告住所地或者合同履行地人民法院管辖。",
            "买卖合同纠纷",
            "买卖合同纠纷",
        ),
        (  # page-09 (执异): masked parties, the executed case's cause
            "在本院执行***与**民间借贷纠纷一案中,安徽广宏园林建设有限公司(以下简称广宏园林公司)"
            "向本院提出书面异议。",
            "民间借贷纠纷",
            "民间借贷纠纷",
        ),
        (  # fd-034: the charge of the indictment
            "成都市武侯区人民检察院以成武检公诉刑诉（2014）196号起诉书指控被告人黄某犯贩卖毒品罪，"
            "于2014年4月17日向本院提起公诉",
            "贩卖毒品罪",
            "贩卖毒品罪",
        ),
        (  # fd-017
            "天津市南开区人民检察院以（2000）津南检诉第570号起诉书指控被告人王某某犯交通肇事罪，"
            "于2000年12月8日向本院提起公诉。",
            "交通肇事罪",
            "交通肇事罪",
        ),
        (  # fd-028: a prior conviction in the party block comes first but is not the cause
            "被告人马某（曾用名：马某某），男，1975年5月1"
            "2日出生。1994年因犯盗窃罪被本院判处有期徒刑一年"
            "缓刑二年。2011年7月26日因涉嫌犯危险驾驶罪被天津市公安局宝坻分局取保候审。\n"
            "天津市宝坻区人民检察院以津宝检刑诉［2011］418号起诉书指控被告人马某犯危险驾驶罪，"
            "于2011年11月7向本院提起公诉。",
            "危险驾驶罪",
            "危险驾驶罪",
        ),
        (  # page-06: prior conviction, then the appealed charge
            "上诉人(原审被告人)翁××,男,1963年7月17日出生。1986年7月20日因犯破坏电力设备罪被浙江省"
            "台州市黄岩县人民法院判处有期徒刑七年。\n  广"
            "东省广州市中级人民法院审理广东省广州市人民检察院"
            "指控原审被告人翁××、夏××犯故意伤害罪及原审附"
            "带民事原告人李某一、李某二提起附带民事诉讼一案,",
            "故意伤害罪",
            "故意伤害罪",
        ),
        (  # fd-007 (减刑): the crime of the original judgment
            "辽宁省大连市中级人民法院于2008年6月19日作出（2008）大刑一初字第101号刑事附带民事判决，"
            "以罪犯蔡某某犯故意伤害罪，判处无期徒刑，剥夺政治权利终身。",
            "故意伤害罪",
            "故意伤害罪",
        ),
        (  # page-15: traditional characters; evidence as written
            "湖南省岳陽市云溪區人民法院審理湖南省岳陽市云溪區人民檢察院指控原審被告人姚某某、賀某某"
            "犯環境監管失職罪一案,于二〇一七年十月十一日作出(2017)湘0603刑初54號刑事判決。",
            "环境监管失职罪",
            "環境監管失職罪",
        ),
        (  # page-04 (行政): 不服 … 行政处罚
            "原告陈某诉被告淮安市淮阴区运输管理所(以下称淮阴区运管所)不服运输行政处罚一案,"
            "于2014年8月28日向本院提起行政诉讼。",
            "运输行政处罚",  # 管理范围 + 行为种类, as the court states it
            "运输行政处罚",
        ),
        (  # page-08 (行审)
            "邹平市自然资源和规划局向本院申请执行被申请执"
            "行人邹平县江泉工贸有限公司土地行政处罚一案,"
            "本院受理后依法组成合议庭,书面审查了本案。",
            "土地行政处罚",
            "土地行政处罚",
        ),
        (  # page-07 (行非执): the decision to enforce is named, no cause is stated
            "申请执行人通化县国土资源局于2015年4月1日向本院申请强制执行通县国土资处字[2014]第51号"
            "行政处罚决定书。本院受理后,依法组成合议庭进行了审查。",
            None,
            None,
        ),
        (  # page-11's narrative: the field (劳动) after the agency's short name
            "原告锡林浩特市兴盛建筑安装有限责任公司(以下简称兴盛公司)不服被告多伦县人力资源和社会"
            "保障局(以下简称多伦人社局)劳动行政裁决一案,于2013年8月1日向本院提起行政诉讼。",
            "劳动行政裁决",
            "劳动行政裁决",
        ),
        (  # page-11: the title line
            "锡林浩特市兴盛建筑安装有限责任公司与多伦县人力资源和社会保障局、多伦县人民政府行政裁决"
            "一审行政判决书\n\n来源:中国裁判文书网\n内蒙古自治区多伦县人民法院\n",
            "行政裁决",
            "行政裁决",
        ),
        (  # page-05: the title before the narrative's 公益诉讼
            "浙江海蓝化工集团有限公司环境污染责任纠纷一审民事"
            "判决书 江西省浮梁县人民法院 民 事 判 决 书 "
            "(2020)赣0222民初796号 公益诉讼起诉人江西省浮梁县人民检察院(以下简称浮梁县检察院)与被告"
            "浙江海蓝化工集团有限公司(以下简称海蓝公司)环境污染民事公益诉讼一案,",
            "环境污染责任纠纷",
            "环境污染责任纠纷",
        ),
        (  # page-13: 劳动争议 in the title
            "大恒建设集团有限公司\n\n某某、中交第二航务"
            "工程局有限公司珠海分公司等劳动争议民事一审民事"
            "判决书\n\n来源:中国裁判文书网\n",
            "劳动争议",
            "劳动争议",
        ),
        (  # page-02: truncated before the charge → no cause
            "安溪县人民检察院以安检诉刑诉(2014)1572号起诉书指控被告人陈某某、田某某、王某某、",
            None,
            None,
        ),
    ],
)
def test_cause_real_sentences(text: str, cause: str | None, evidence: str | None) -> None:
    t = make_text(text)
    found = find_cause(t)
    if cause is None:
        assert found is None
        return
    assert found is not None
    assert found[0] == cause
    assert t.raw[found[1] : found[2]] == evidence


def test_cause_find_causes_keeps_all_mentions_ranked() -> None:
    # fd-028 party block and indictment
    text = (
        "1994年因犯盗窃罪被本院判处有期徒刑一年缓刑二年。指控被告人马某犯危险驾驶罪。"
        "被告人马某犯危险驾驶罪，判处拘役一个月。曾因吸毒被行政处罚。"
    )
    mentions = list(find_causes(make_text(text)))
    assert [(m.cause, m.rank) for m in mentions] == [
        ("盗窃罪", WEAK),
        ("危险驾驶罪", STATED),
        ("危险驾驶罪", 1),
        ("行政处罚", CONTEXT),
    ]


def test_cause_unknown_dispute_phrase_kept_as_written() -> None:
    # page-09's typo: not in the catalogue, kept without the party names before it
    mentions = list(
        find_causes(make_text("巢湖市人民法院在执行***与**民间借借贷纠纷一案中,于2020年6月16日"))
    )
    assert [(m.cause, m.rank) for m in mentions] == [("民间借借贷纠纷", STATED)]


def test_cause_criminal_title_case_name() -> None:
    # pages_dev page-02's site title: 诈骗案 → 诈骗罪
    t = make_text("田某某、陈某某、王某某、王某诈骗案一审刑事判决书\n福建省安溪县人民法院")
    start = t.raw.index("诈骗")
    assert find_cause(t) == ("诈骗罪", start, start + 2)


_PIECES = [
    "纠纷", "一案", "争议", "犯", "罪", "指控", "被告人", "原告", "与", "被告", "民间借贷",
    "合同", "借款", "行政处罚", "不服", "因", "被", "判处", "判决,以", "案", "一审", "民事判决书",
    "\n", " ", "、", "(", ")", "，", "。", "***", "某某", "危险驾驶", "盗窃", "環境", "案由:",
]  # fmt: skip
_TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(_PIECES), max_size=60).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_cause_never_raises_and_evidence_matches(raw: str) -> None:
    t = make_text(raw)
    for m in find_causes(t):
        assert 0 <= m.start < m.end <= len(raw)
        assert m.cause.startswith(normalize(t.raw[m.start : m.end]))
    found = find_cause(t)
    if found is not None:
        assert 0 <= found[1] < found[2] <= len(raw)


@pytest.mark.parametrize(
    "text",
    [
        # a page joined into one line: the title follows the site's text after a blank
        "首页 裁判文书 张某与李某某民间借贷纠纷一审民事判决书 浙江省新昌县人民法院 "
        "民 事 判 决 书 (2015)绍新商初字第195号 原告:张某,男。",
        # the title on its own line (page-05 layout)
        "张某与李某某民间借贷纠纷一审民事判决书\n浙江省新昌县人民法院\n民事判决书\n"
        "(2015)绍新商初字第195号\n原告:张某,男。",
    ],
    ids=["after-blank", "line-start"],
)
def test_cause_title_line_after_any_blank(text: str) -> None:
    title = [m for m in find_causes(make_text(text)) if m.source == "title"]
    start = text.index("民间借贷纠纷")
    assert [(m.cause, m.start, m.end, m.rank) for m in title] == [
        ("民间借贷纠纷", start, start + 6, STATED)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # glued after a case number (a judgment cited in the history), no blank before it
        "浙江省新昌县人民法院 民事判决书 (2016)浙06民终12号 本院作出(2015)绍新商初字第195号"
        "张某与李某某民间借贷纠纷一审民事判决书 后,张某不服,提起上诉。",
        # the heading word runs on into a sentence: a mention, not a title line
        "浙江省新昌县人民法院 民事裁定书 (2016)浙06民终12号 张某与李某某民间借贷纠纷一审民事"
        "判决书已发生法律效力。",
    ],
    ids=["after-case-number", "runs-on"],
)
def test_cause_no_title_line_without_a_blank_before_and_after(text: str) -> None:
    assert [m for m in find_causes(make_text(text)) if m.source == "title"] == []


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        # administrative subjects as judgments write them (not the catalogue's wording)
        ("上诉人黄某某因工伤认定一案，不服某某市人民法院行政判决，向本院提起上诉。", "工伤认定"),
        (
            "再审申请人张某因诉被申请人某某市人民政府土地征收及行政复议一案，不服本院判决。",
            "土地征收",
        ),
        ("原告不服被告作出的责令限期拆除决定，向本院提起行政诉讼。", "责令限期拆除"),
        # the dispute stated before the suit's form
        (
            "原告某某环保协会与被告某某化工有限公司环境污染责任纠纷民事公益诉讼一案，本院立案。",
            "环境污染责任纠纷",
        ),
        # non-dispute (非讼) causes
        ("申请人某某银行与被申请人李某申请支付令一案，本院于2020年1月2日受理。", "申请支付令"),
        (
            "申请人某某公司于2020年6月2日向本院申请支付令。申请人称：被申请人借款未还。",
            "申请支付令",
        ),
        # a preservation applied for inside a suit is not the suit's cause
        (
            "原告张某与被告李某民间借贷纠纷一案。原告于2020年6月2日向本院申请诉中财产保全。",
            "民间借贷纠纷",
        ),
    ],
)
def test_cause_forms_beyond_disputes(text: str, cause: str) -> None:
    found = find_cause(make_text(text))
    assert found is not None and found[0] == cause
    assert text[found[1] : found[2]] == cause


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("原告刘某不服被告某某大队道路交通管理行政处罚一案，向本院起诉。", "道路交通管理行政处罚"),
        ("原告不服被告土地行政处罚一案", "土地行政处罚"),
        ("上诉人黄某某因工伤认定一案，不服一审判决。", "工伤认定"),  # a subject takes no field
        (
            "某县人民检察院诉被告某县林业局不履行林业行政监管法定职责一案",
            "不履行林业行政监管法定职责",
        ),
    ],
)
def test_cause_administrative_fields_and_duties(text: str, cause: str) -> None:
    found = find_cause(make_text(text))
    assert found is not None and found[0] == cause and text[found[1] : found[2]] == cause
