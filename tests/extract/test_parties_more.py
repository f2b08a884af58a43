"""Party extraction on label forms and layouts found by stress-testing (tests/extract/
test_parties.py has the real blocks).

Blocks are written in the layout of real documents (文书样式, 裁判文书网 and agencies' pages),
with placeholder names (某某): names opening with a function word (无锡, 无为), joint labels
(被告人暨附带民事公益诉讼被告), numbered labels (被告一：), letter-spaced labels (当 事 人：),
penalty decisions with or without line breaks, and a party block that runs into a history line.
"""

from __future__ import annotations

import pytest

from assist.document import PartyKind, Role
from assist.extract.parties import find_parties, locate_party_block
from assist.extract.party_roles import org_marked, prior_role
from assist.pipeline import parse_document
from assist.text.normalize import make_text

Row = tuple[str, Role, PartyKind]
_CIVIL = "江苏省无锡市中级人民法院\n民事判决书\n（2020）苏02民初3号\n"
_ADMIN = "安徽省芜湖市中级人民法院\n行政判决书\n（2021）皖02行初15号\n"
_CRIMINAL = "湖北省荆州市沙市区人民法院\n刑事附带民事判决书\n（2022）鄂1002刑初88号\n"


def rows(text: str) -> list[Row]:
    return [(p.name, p.role, p.kind) for p in find_parties(make_text(text))]


def labels(text: str) -> list[tuple[str, str, Role | None]]:
    return [(p.name, p.role_label, p.prior_role) for p in find_parties(make_text(text))]


def pipeline_rows(text: str) -> list[Row]:
    """Through the pipeline: the party block comes from the sections."""
    return [(p.name, p.role, p.kind) for p in parse_document(text).parties]


# ---------------------------------------------------------------- names opening with 无 / 在 / 对


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "原告：无锡市惠山区某某农村小额贷款有限公司，住所地江苏省无锡市惠山区。\n"
            "法定代表人：华某某，董事长。\n被告：顾某某，男，1974年7月7日出生，汉族。\n",
            [
                ("无锡市惠山区某某农村小额贷款有限公司", "plaintiff", "organization"),
                ("顾某某", "defendant", "person"),
            ],
        ),
        (
            "原告：无为市某某种养殖专业合作社，住所地安徽省无为市。\n"
            "被告：无为市人民政府，住所地安徽省无为市。\n"
            "第三人：无棣县水利局，住所地山东省无棣县。\n",
            [
                ("无为市某某种养殖专业合作社", "plaintiff", "organization"),
                ("无为市人民政府", "defendant", "agency"),
                ("无棣县水利局", "third_party", "agency"),
            ],
        ),
        (
            "原告：对外经济贸易大学，住所地北京市朝阳区。\n被告：在线某某科技有限公司，住所地某市。\n",
            [
                ("对外经济贸易大学", "plaintiff", "organization"),
                ("在线某某科技有限公司", "defendant", "organization"),
            ],
        ),
    ],
    ids=["wuxi", "wuwei-wudi", "duiwai-zaixian"],
)
def test_parties_names_opening_with_a_function_word(block: str, expected: list[Row]) -> None:
    narrative = "原告与被告合同纠纷一案，本院于2020年3月2日立案后依法审理。"
    assert rows(_CIVIL + block + narrative) == expected


def test_parties_accused_company_opening_with_wu() -> None:
    text = (
        "江苏省无锡市滨湖区人民法院\n刑事判决书\n（2021）苏0211刑初300号\n"
        "公诉机关无锡市滨湖区人民检察院。\n"
        "被告单位无锡某某金属材料有限公司，住所地无锡市滨湖区。\n"
        "被告人童某某，男，1975年5月5日出生。\n"
        "无锡市滨湖区人民检察院以锡滨检刑诉（2021）200号起诉书指控被告单位无锡某某金属材料有限公司"
        "犯虚开增值税专用发票罪。"
    )
    assert rows(text) == [
        ("无锡市滨湖区人民检察院", "prosecutor", "procuratorate"),
        ("无锡某某金属材料有限公司", "accused", "organization"),
        ("童某某", "accused", "person"),
    ]


@pytest.mark.parametrize(
    "block",
    [
        "被告无正当理由拒不到庭参加诉讼，",
        "被告人无固定住所，",
        "被告系该公司的股东，",
        "被告与某某有限公司，",
        "第三人在某某有限公司工作期间，",
        "第三人对某某有限公司负有债务，",
    ],
)
def test_parties_function_word_clauses_are_not_names(block: str) -> None:
    assert list(find_parties(make_text(block), (0, len(block)))) == []


def test_parties_agent_field_left_empty() -> None:
    text = (
        _CIVIL
        + "原告：张某，男。\n委托诉讼代理人：无。\n被告：李某，女。\n原告张某与被告李某纠纷一案。"
    )
    parties = list(find_parties(make_text(text)))
    assert [(p.name, p.agents) for p in parties] == [("张某", ()), ("李某", ())]


@pytest.mark.parametrize(
    ("name", "marked"),
    [
        ("无锡某某金属材料有限公司", True),
        ("无为市人民政府", True),
        ("无棣县水利局", True),
        ("对外经济贸易大学", True),
        ("无固定住所", False),
        ("无正当理由拒不到庭", False),
        ("在家中", False),
        ("在某某有限公司工作期间", False),
    ],
)
def test_party_roles_org_marked(name: str, marked: bool) -> None:
    assert org_marked(name) is marked


# ---------------------------------------------------------------- joint labels (暨 / 兼)


def test_parties_joint_labels_take_the_first_role() -> None:
    text = (
        _CRIMINAL + "公诉机关暨附带民事公益诉讼起诉人湖北省荆州市沙市区人民检察院。\n"
        "被告人暨附带民事公益诉讼被告方某某，男，1966年3月3日出生，汉族，渔民。\n"
        "被告人兼附带民事诉讼被告人熊某，男，1970年11月12日出生，汉族，渔民。\n"
        "荆州市沙市区人民检察院以沙检刑诉〔2022〕61号起诉书指控被告人方某某、熊某犯非法捕捞水产品罪。"
    )
    assert rows(text) == [
        ("湖北省荆州市沙市区人民检察院", "prosecutor", "procuratorate"),
        ("方某某", "accused", "person"),
        ("熊某", "accused", "person"),
    ]
    assert [label for _, label, _ in labels(text)] == [
        "公诉机关暨附带民事公益诉讼起诉人",
        "被告人暨附带民事公益诉讼被告",
        "被告人兼附带民事诉讼被告人",
    ]


def test_parties_joint_label_before_a_colon() -> None:
    text = (
        _ADMIN + "原告：张某，男，1970年1月1日出生，住芜湖市。\n"
        "被告：芜湖市某某区自然资源局，住所地芜湖市。\n法定代表人：李某，局长。\n"
        "被告暨复议机关：芜湖市某某区人民政府，住所地芜湖市。\n法定代表人：王某，区长。\n"
        "原告张某不服被告芜湖市某某区自然资源局行政处罚及芜湖市某某区人民政府行政复议一案，"
        "本院于2021年3月1日立案后依法审理。"
    )
    assert rows(text) == [
        ("张某", "plaintiff", "person"),
        ("芜湖市某某区自然资源局", "defendant", "agency"),
        ("芜湖市某某区人民政府", "defendant", "agency"),
    ]
    assert labels(text)[-1] == ("芜湖市某某区人民政府", "被告暨复议机关", None)


def test_parties_joint_label_in_the_bracket_keeps_the_prior_role() -> None:
    text = (
        "陕西省西安市中级人民法院\n刑事附带民事裁定书\n（2022）陕01刑终100号\n"
        "上诉人（原审被告人暨附带民事诉讼被告人）晏某，男，1985年1月1日出生。\n"
        "上诉人晏某因故意伤害一案，不服西安市长安区人民法院刑事附带民事判决，提出上诉。"
    )
    assert labels(text) == [("晏某", "上诉人（原审被告人暨附带民事诉讼被告人）", "accused")]
    assert prior_role("原审被告人暨附带民事诉讼被告人") == "accused"


def test_parties_south_china_university_is_no_joint_label() -> None:
    text = (
        _CIVIL
        + "原告暨南大学，住所地广州市天河区。\n被告李某，女。\n原告暨南大学与被告李某纠纷一案。"
    )
    assert rows(text) == [
        ("暨南大学", "plaintiff", "organization"),
        ("李某", "defendant", "person"),
    ]


# ---------------------------------------------------------------- labels added to the role table


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("被罚款人：李某某，男，1976年8月8日出生，汉族。\n", [("李某某", "other", "person")]),
        ("被拘留人：刘某，男，1980年5月5日出生，汉族。\n", [("刘某", "other", "person")]),
        (
            "被罚款单位：某某建设有限公司，住所地某市。\n",
            [("某某建设有限公司", "other", "organization")],
        ),
    ],
    ids=["fine", "detention", "fined-company"],
)
def test_parties_judicial_sanction_decisions(block: str, expected: list[Row]) -> None:
    text = (
        "浙江省台州市椒江区人民法院\n决 定 书\n（2021）浙1002司惩15号\n"
        + block
        + "本院在审理原告李某某与被告王某某民间借贷纠纷一案中查明，李某某伪造证据。"
    )
    assert rows(text) == expected


def test_parties_public_interest_co_defendant_and_supporting_prosecutor() -> None:
    text = (
        "云南省昆明市中级人民法院\n民事判决书\n（2019）云01民初2021号\n"
        "原告：某某基金会，住所地北京市东城区。\n"
        "被告：云南某某水电开发有限公司，住所地云南省普洱市。\n"
        "附带民事公益诉讼被告单位：某某环保科技有限公司，住所地昆明市。\n"
        "支持起诉人：云南省昆明市人民检察院。\n"
        "原告某某基金会与被告云南某某水电开发有限公司环境污染责任纠纷一案，本院立案后依法审理。"
    )
    assert rows(text) == [
        ("某某基金会", "plaintiff", "organization"),
        ("云南某某水电开发有限公司", "defendant", "organization"),
        ("某某环保科技有限公司", "other", "organization"),
        ("云南省昆明市人民检察院", "other", "procuratorate"),
    ]


# ---------------------------------------------------------------- numbered and spaced labels


def test_parties_numbered_labels() -> None:
    text = (
        "广东省东莞市第一人民法院\n民事判决书\n（2021）粤1971民初28876号\n"
        "原告1：袁某，男，1970年1月1日出生。\n原告2：袁某某，女，1972年1月1日出生。\n"
        "被告一：东莞市正达塑胶科技有限公司，住所地广东省东莞市虎门镇。\n"
        "法定代表人：邝某，执行董事。\n"
        "被告二：邝某，男，1980年6月16日出生，汉族。\n"
        "第三被告：四川某某建设有限公司，住所地四川省成都市。\n"
        "第三人一：一汽某某销售有限公司，住所地长春市。\n"
        "原告袁某、袁某某与被告一东莞市正达塑胶科技有限公司、被告二邝某民间借贷纠纷一案，本院于2021年"
        "8月3日立案后依法审理。"
    )
    assert rows(text) == [
        ("袁某", "plaintiff", "person"),
        ("袁某某", "plaintiff", "person"),
        ("东莞市正达塑胶科技有限公司", "defendant", "organization"),
        ("邝某", "defendant", "person"),
        ("四川某某建设有限公司", "defendant", "organization"),
        ("一汽某某销售有限公司", "third_party", "organization"),
    ]
    assert [label for _, label, _ in labels(text)][2:5] == ["被告一", "被告二", "第三被告"]


@pytest.mark.parametrize(
    "name",
    [
        "四川某某建设有限公司",
        "三星(中国)投资有限公司",
        "一汽某某销售有限公司",
        "58同城某某有限公司",
    ],
)
def test_parties_numeral_opening_a_name_is_no_label_number(name: str) -> None:
    text = _CIVIL + f"原告：张某，男。\n被告{name}，住所地某市。\n原告张某与被告某公司纠纷一案。"
    assert rows(text)[1][0] == name


def test_parties_letter_spaced_labels() -> None:
    text = (
        "某某县人民法院\n民事判决书\n（2021）某0101民初5号\n"
        "原  告：张某，男，1970年1月1日出生，住某某县。\n"
        "被  告：李某某，女，1972年2月2日出生，住某某县。\n"
        "第三人：王某，男，1975年3月3日出生。\n"
        "原告张某与被告李某某、第三人王某合同纠纷一案，本院于2021年1月1日立案后依法审理。"
    )
    assert rows(text) == [
        ("张某", "plaintiff", "person"),
        ("李某某", "defendant", "person"),
        ("王某", "third_party", "person"),
    ]


def test_parties_blank_after_a_label_is_no_letter_spacing() -> None:
    text = (
        _CIVIL + "原告：张某，男。\n被告 人民日报社某某分社，住所地某市。\n"
        "原告张某与被告人民日报社某某分社纠纷一案，本院立案后依法审理。"
    )
    assert rows(text)[1] == ("人民日报社某某分社", "defendant", "organization")


def test_parties_latin_name_with_blanks() -> None:
    text = (
        "上海市浦东新区人民法院\n民事判决书\n（2021）沪0115民初100号\n"
        "原告：DAVID LEE，男，1975年1月1日出生，加拿大国籍。\n"
        "委托诉讼代理人：丁某，上海某某律师事务所律师。\n"
        "被告：上海浦江国际贸易有限公司，住所地上海市浦东新区。\n"
        "原告DAVID LEE与被告上海浦江国际贸易有限公司买卖合同纠纷一案，本院立案后依法审理。"
    )
    parties = list(find_parties(make_text(text)))
    assert [(p.name, p.kind) for p in parties] == [
        ("DAVID LEE", "person"),
        ("上海浦江国际贸易有限公司", "organization"),
    ]
    assert text[parties[0].start : parties[0].end] == "DAVID LEE"


# ---------------------------------------------------------------- penalty decisions

_PENALTY_HEAD = "某某市市场监督管理局\n行政处罚决定书\n某市监处罚〔2023〕15号\n"
_PENALTY_NARRATIVE = (
    "当事人涉嫌生产经营超过保质期的食品一案，本局于2023年3月1日立案调查。经查，当事人于2022年"
    "购进食品。\n当事人如不服本处罚决定，可以在六十日内申请行政复议。\n某某市市场监督管理局\n"
    "2023年5月6日"
)


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "当事人名称：某某食品有限公司\n统一社会信用代码：91XXXXXXXX\n法定代表人：张某\n",
            ("某某食品有限公司", "organization", "当事人名称"),
        ),
        (
            "当事人姓名：王某某\n身份证号码：3301**********1234\n住址：某某县某某镇\n",
            ("王某某", "person", "当事人姓名"),
        ),
        (
            "当 事 人：某某化工有限公司\n地    址：某某县工业园\n法定代表人：李某\n",
            ("某某化工有限公司", "organization", "当 事 人"),
        ),
        (
            "当事人名称（姓名）：某某超市\n经营场所：某某县某某镇\n经营者：钱某\n",
            ("某某超市", "organization", "当事人名称（姓名）"),
        ),
    ],
    ids=["company-field", "person-field", "spaced", "both-fields"],
)
def test_parties_penalty_decision_party(block: str, expected: tuple[str, PartyKind, str]) -> None:
    for parties in (
        list(find_parties(make_text(_PENALTY_HEAD + block + _PENALTY_NARRATIVE))),
        list(parse_document(_PENALTY_HEAD + block + _PENALTY_NARRATIVE).parties),
    ):
        assert [(p.name, p.kind, p.role_label) for p in parties] == [expected]
        assert parties[0].role == "other"


@pytest.mark.parametrize(
    "text",
    [
        (  # one line, entries set apart by full-width blanks
            "来源：洛阳市市场监督管理局网站\n洛阳市市场监督管理局行政处罚决定书洛市监处罚〔2022〕第216号"
            "当事人：马某某（个体工商户，字号：洛龙区某某建材经营部）\u3000经营场所：洛阳市洛龙区"
            "某某建材市场B区12号\u3000身份证号码：4103**********1234\u3000当事人涉嫌销售不合格产品一案，"
            "本局于2022年6月14日立案调查。经查，当事人共计销售电线电缆1860卷。本局认为，当事人的上述"
            "行为违法。当事人如不服本处罚决定，可以申请行政复议。洛阳市市场监督管理局二〇二二年十一月"
            "二十五日"
        ),
        (  # no blank at all: the narrative label follows the ID number
            "洛阳市市场监督管理局行政处罚决定书洛市监处罚〔2022〕第216号当事人：马某某，身份证号码："
            "4103**********1234当事人涉嫌销售不合格产品一案，本局于2022年6月14日立案调查。当事人如不服"
            "本处罚决定，可以申请行政复议。"
        ),
        (  # blanks, fields with colons and no comma before 一案
            "洛阳市生态环境局行政处罚决定书洛环罚〔2023〕9号当事人：马某某 统一社会信用代码：91330000XX "
            "法定代表人：赵某 当事人违反大气污染防治管理制度一案，我局于2023年1月5日立案调查。经查，"
            "当事人……当事人如不服本决定，可以申请行政复议。"
        ),
    ],
    ids=["blanks", "glued", "colons"],
)
def test_parties_glued_penalty_decision_stops_at_the_narrative(text: str) -> None:
    assert pipeline_rows(text) == [("马某某", "other", "person")]
    assert rows(text) == [("马某某", "other", "person")]


def test_parties_penalty_decision_addressed_to_its_party() -> None:
    text = (
        "山东省淄博市生态环境局\n行 政 处 罚 决 定 书\n淄环罚字〔2021〕第0315号\n\n"
        "淄博鲁泰化工科技有限公司：\n统一社会信用代码：91370303XXXXXXXXXX\n法定代表人：孟某某\n"
        "地址：山东省淄博市张店区某某工业园\n\n"
        "    我局于2021年5月19日对你公司进行了调查，发现你公司实施了以下环境违法行为：\n"
    )
    parties = list(parse_document(text).parties)
    assert [(p.name, p.role, p.kind) for p in parties] == [
        ("淄博鲁泰化工科技有限公司", "other", "organization")
    ]
    assert text[parties[0].start : parties[0].end] == "淄博鲁泰化工科技有限公司"


def test_parties_addressee_without_identity_lines_is_no_party() -> None:
    text = (
        "某某县人民检察院\n检察建议书\n某检行建〔2021〕3号\n\n某某县自然资源局：\n"
        "    本院在履行职责中发现，你局在土地执法中存在以下问题：\n"
    )
    assert list(parse_document(text).parties) == []


# ---------------------------------------------------------------- block running into the history

_APPEAL_HEAD = "浙江省温州市中级人民法院\n刑事判决书\n（2022）浙03刑终100号\n"
_APPEAL_BLOCK = (
    "上诉人（原审自诉人、反诉被告人）：林某某，男，1969年2月2日出生，汉族。\n"
    "委托诉讼代理人：应某，浙江某某律师事务所律师。\n"
    "被上诉人（原审被告人、反诉自诉人）：池某，男，1973年10月30日出生，汉族。\n"
    "辩护人：季某某，浙江某某律师事务所律师。\n"
)


@pytest.mark.parametrize(
    "history",
    [
        "上诉人林某某以被上诉人池某犯诽谤罪，向温州市鹿城区人民法院提起自诉；池某以林某某犯侮辱罪"
        "提起反诉。",
        "上诉人林某某以被上诉人池某侵害其名誉权为由，向温州市鹿城区人民法院提起诉讼。",
        "上诉人林某某诉被上诉人池某名誉权纠纷，温州市鹿城区人民法院作出判决。",
    ],
    ids=["private-prosecution", "yi-wei-you", "su"],
)
def test_parties_block_ends_at_a_history_line_opening_with_a_label(history: str) -> None:
    text = (
        _APPEAL_HEAD + _APPEAL_BLOCK + history + "\n温州市鹿城区人民法院于二〇二一年八月二日作出"
        "（2021）浙0302刑初455号刑事判决。宣判后，林某某不服，提出上诉。"
    )
    expected = [("林某某", "appellant", "person"), ("池某", "appellee", "person")]
    assert pipeline_rows(text) == expected
    assert rows(text) == expected
    block = locate_party_block(make_text(text))
    assert block is not None and text[block[1] :].startswith(history[:8])


def test_parties_caller_region_is_cut_at_the_narrative() -> None:
    text = "原告张某，男。\n被告李某，女。\n原告张某以被告李某拖欠货款为由，诉至本院。"
    parties = list(find_parties(make_text(text), (0, len(text))))
    assert [(p.name, p.role) for p in parties] == [("张某", "plaintiff"), ("李某", "defendant")]


def test_parties_agent_with_two_capacities() -> None:
    text = (
        "河北省某某县人民法院\n刑事附带民事判决书\n（2020）冀0101刑初12号\n"
        "公诉机关某某县人民检察院。\n附带民事诉讼原告人王某，男。\n被告人段某，男，1980年1月1日出生。\n"
        "辩护人兼附带民事诉讼委托代理人葛某，河北某某律师事务所律师。\n"
        "某某县人民检察院以冀某检刑诉〔2020〕1号起诉书指控被告人段某犯故意伤害罪，于2020年1月5日向本院提起公诉。\n"
    )
    accused = [p for p in parse_document(text).parties if p.name == "段某"]
    assert [(a.name, a.kind) for a in accused[0].agents] == [("葛某", "lawyer")]
