"""§2.1 false_litigation signals on real sentences (judgments.jsonl, scm_triplets, lblj_focus)."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from signal_helpers import CIVIL_HEAD, CRIMINAL_HEAD, TAIL, codes, signals, texts

from assist.signals.false_litigation import lpr_at, rate_cap


@pytest.mark.parametrize(
    ("sentence", "evidence"),
    [
        (  # page-01
            "原告何锴到庭参加诉讼,被告陈晓春经本院传票传唤无正当理由拒不到庭应诉。本案现已审理终结。",
            "经本院传票传唤无正当理由拒不到庭应诉",
        ),
        (  # page-10
            "本院认为:被告经本院合法传唤,无正当理由拒不到庭,依法视为放弃对原告提供证据的质证权利。",
            "经本院合法传唤,无正当理由拒不到庭",
        ),
        (  # fd-031
            "被告宣化县农村信用合作联社经合法传唤未到庭参加诉讼。本案现已审理终结。",
            "经合法传唤未到庭参加诉讼",
        ),
        (  # lblj (C55BDA…)
            "徐茂栋经本院合法传唤，无正当理由拒不到庭应诉，视为其放弃了答辩和质证的权利，本院依法缺席判决。",
            "经本院合法传唤，无正当理由拒不到庭应诉",
        ),
        (
            "被告孔某1未到庭参加诉讼，亦未向法庭提交答辩意见及相关证据材料。",
            "未到庭参加诉讼",
        ),  # scm
        ("被告牛某1、王某1缺席未答辩。", "缺席"),  # scm-0047B
    ],
)
def test_false_litigation_default_judgment_found(sentence: str, evidence: str) -> None:
    assert evidence in texts(CIVIL_HEAD + sentence, "default_judgment")


@pytest.mark.parametrize(
    "sentence",
    [
        # the statute quoted in an appendix or in the reasoning (fd-031)
        "本院认为，第一百四十四条被告经传票传唤，无正当理由拒不到庭的，或者未经法庭许可中途退庭的，可以缺席判决。",
        # a third party, not the defendant (lblj 394210…)
        "本案在审理过程中，第三人经本院合法传唤，无正当理由拒不到庭参加本院庭审，故本院依法缺席判决。",
        # witnesses (fd-020)
        "其他证人邢军、马春燕、王鸿利、程美玉未出庭接受质证。",
    ],
)
def test_false_litigation_default_judgment_not_for_others(sentence: str) -> None:
    assert "default_judgment" not in codes(CIVIL_HEAD + sentence)


def test_false_litigation_default_judgment_party_note() -> None:
    text = (  # scm-0081B: the party block notes the defendant's absence
        "原告：肖某1。\n被告：筠连县筠昌木业有限责任公司，住所地四川省筠连县。（缺席）\n"
        "原告肖某1向本院提出诉讼请求，1、请求人民法院判令被告归还借款。"
    )
    assert texts(text, "default_judgment") == ["缺席"]


def test_false_litigation_service_by_publication() -> None:
    sentence = "被告胡某1、饶某1经本院公告传唤，无正当理由未到庭参加诉讼，亦未向本院提交书面答辩材料和证据材料。"
    assert texts(CIVIL_HEAD + sentence, "service_by_publication") == ["公告传唤"]


@pytest.mark.parametrize(
    "sentence",
    [
        # page-05: a public-interest suit's notice period
        "经查,浮梁县检察院于2020年7月2日公告了案件相关情况,公告期内未有法律规定的机关和有关组织提起民事公益诉讼。",
        "原告谭某1围绕诉讼请求依法提交了借条原件及公告费发票。",  # scm-0008C: a fee, not service
    ],
)
def test_false_litigation_service_by_publication_not_other_notices(sentence: str) -> None:
    assert "service_by_publication" not in codes(CIVIL_HEAD + sentence)


@pytest.mark.parametrize(
    ("sentence", "evidence"),
    [
        ("被告陈晓春未作答辩,亦未向本院提供相关证据。", "未作答辩"),  # page-01
        ("被告济源市隆升物资有限公司未答辩,也未向本院提供证据。", "未答辩"),  # page-10
        ("被告赵某1对原告的诉讼请求及事实理由均无异议。", "对原告的诉讼请求及事实理由均无异议"),
        ("刘某1辩称，原告所述属实，我确实欠原告23，000元。", "原告所述属实"),
        (  # a plea of hardship is no defence
            "被告金某1答辩称：对本案借款事实无异议，但目前经济困难，无法偿还。",
            "对本案借款事实无异议",
        ),
        ("被告李某1辩称，承认欠款事实，别人欠我的钱，现在在法院申请执行。", "承认欠款事实"),
        (
            "江安国经本院合法传唤无正当理由拒不到庭参加诉讼，未对上述债务进行抗辩。",
            "未对上述债务进行抗辩",
        ),
    ],
)
def test_false_litigation_no_defense_found(sentence: str, evidence: str) -> None:
    assert evidence in texts(CIVIL_HEAD + sentence, "no_defense")


@pytest.mark.parametrize(
    "sentence",
    [
        "被告楼某1辩称：被告对借款事实予以认可，但认为利息过高，请求法院依照法律规定依法调低。",
        "陆某1辩称，对向原告借款100000元并约定月利率3分的事实无异议，但是已向原告还过10000元。",
        "审理中，原告自认欠条出具后，被告已经归还500元，被告对此予以认可。",  # the plaintiff's
        "被告则对本院所查明的事实不持异议。",  # fd-020: the court's findings, not the claim
        "被告董平平在法定期间内未作书面答辩，但在庭审中口头答辩称：虽然原告提供的借款协议上的签名是被告所签。",
        "被告李振波辩称，即使借款属实，借款也未用于家庭开支。",
    ],
)
def test_false_litigation_no_defense_not_for_a_defence(sentence: str) -> None:
    assert "no_defense" not in codes(CIVIL_HEAD + sentence)


def test_false_litigation_no_defense_not_in_criminal_documents() -> None:
    sentence = (
        "被告人王明武对天津市南开区人民检察院的指控供认不讳，对起诉书指控的事实无异议。"  # fd-017
    )
    assert "no_defense" not in codes(CRIMINAL_HEAD + sentence + TAIL)


MEDIATION = (  # modelled on the standard 民事调解书 (no real mediation document in the corpora)
    "浙江省新昌县人民法院\n民 事 调 解 书\n(2015)绍新商初字第196号\n原告：何锴，农民。\n被告：陈晓春。\n"
    "原告何锴与被告陈晓春民间借贷纠纷一案，本院于2015年1月26日立案受理。本案在审理过程中，"
    "经本院主持调解，双方当事人自愿达成如下协议：\n一、被告陈晓春于2015年3月31日前归还原告何锴借款8000元。\n"
    "上述协议，不违反法律规定，本院予以确认。\n审  判  员  秦  妙\n二〇一五年二月十一日\n书  记  员  王  某\n"
)


def test_false_litigation_mediation_document() -> None:
    found = texts(MEDIATION, "mediation")
    assert found[0] == "民 事 调 解 书"  # the evidence as written
    assert "经本院主持调解" in found


@pytest.mark.parametrize(
    "sentence",
    [
        "案经调解未果。",  # fd-021
        "案经审理，因双方各持己见，致本院调解无效。",  # scm-0030B
        "经本院主持调解，双方未能达成调解协议。",
        # another court's mediation in an earlier case (scm-0240B)
        "还有7万元借款已在法院主持下达成调解协议，为此原告提供民事调解书一份。",
    ],
)
def test_false_litigation_mediation_not_failed_or_cited(sentence: str) -> None:
    assert "mediation" not in codes(CIVIL_HEAD + sentence)


def test_false_litigation_withdrawal_in_the_ruling() -> None:
    text = (  # fd-008
        "黑龙江省嫩江县人民法院\n民事裁定书\n（2017）黑1121民初2345号\n"
        "原告：中国邮政储蓄银行股份有限公司嫩江县支行。\n被告：高海龙，男，1980年3月7日出生。\n"
        "原告中国邮政储蓄银行股份有限公司嫩江县支行与被告高海龙信用卡纠纷一案，本院于2017年8月17日立案。"
        "原告于2017年10月30日以无法找到被告为由，向本院提出撤诉申请。\n"
        "本院认为，原告申请撤诉理由正当，符合有关法律规定。依照《中华人民共和国民事诉讼法》第一百四十五条第一款规定，"
        "裁定如下：\n准许原告中国邮政储蓄银行股份有限公司嫩江县支行撤诉。\n案件受理费50元，减半收取25元，由原告负担。\n"
        "审判员　　杨艳红\n二0一七年十月三十日\n书记员　　崔雯雯"
    )
    assert texts(text, "withdrawal") == ["准许原告中国邮政储蓄银行股份有限公司嫩江县支行撤诉"]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("原告于2016年3月诉至本院。因原告未交纳案件受理费，本院按撤诉处理。", True),  # scm-0070C
        ("原告分别于2017年1月、10月10日提起诉讼，后撤回起诉。", True),  # scm-021-C
        # an earlier suit named by its number, withdrawn under a settlement (cjrc-dev-298)
        (
            "甲方于乙方撤回东营区人民法院(2015)东商初字第768号案件之日起3日内支付乙方租金5万元。",
            True,
        ),
        ("原告撤回（2016）浙0683民初1234号的起诉后，又于同年再次起诉。", True),
        # one claim withdrawn, not the suit (fd-027, scm-0020B)
        ("庭审中，原告撤回要求被告给付10000元精神损害抚慰金的请求，本院依法准许。", False),
        ("庭审后，纵某1撤回了其中50000元借款本金及利息的诉讼请求。", False),
    ],
)
def test_false_litigation_withdrawal_of_the_suit_only(sentence: str, found: bool) -> None:
    assert ("withdrawal" in codes(CIVIL_HEAD + sentence)) is found


@pytest.mark.parametrize(
    ("sentence", "evidence"),
    [
        (
            "借款当日，原告以现金方式支付给被告2万元，已经按照借款合同履行了借款支付义务。",
            "以现金方式支付",
        ),
        ("原告将150000元现金交付被告，被告即向原告出具借条一张。", "将150000元现金交付"),
        ("原告通过中国农业银行向其转款3640000元，并向其交付现金360000元。", "交付现金"),
        (
            "收据今借到任德智现金壹佰万元整(月息2分)济源市隆升物资有限公司",
            "借到任德智现金",
        ),  # page-10
    ],
)
def test_false_litigation_cash_delivery_found(sentence: str, evidence: str) -> None:
    assert evidence in texts(CIVIL_HEAD + sentence, "cash_delivery")


@pytest.mark.parametrize(
    "sentence",
    [
        "王某2于2015年12月20日以现金方式归还利息2万元，又于2016年3月20日以转账方式归还8万元。",
        "邵某1写完借条后，董某1称暂无现金，隔一两天通过蔡原转给邵某1。",
        "欧钢陈述：其出具收条时未收到现金，童立新亦未将相应金额交付。",
    ],
)
def test_false_litigation_cash_delivery_not_repayment(sentence: str) -> None:
    assert "cash_delivery" not in codes(CIVIL_HEAD + sentence)


def test_false_litigation_cash_delivery_needs_a_loan() -> None:
    text = CIVIL_HEAD.replace("民间借贷纠纷", "同居关系析产纠纷") + (  # fd-018
        "请求法院依法判令被告给付原告三府公寓一半房产或等价值现金26万元，判令被告承担共同债务6万元。"
    )
    assert "cash_delivery" not in codes(text)


def test_false_litigation_iou_only_said() -> None:
    sentence = "被告湖南仁上正源中药饮片有限公司辩称：1、原告未提供相关的支付凭证，答辩人对上述借款完全不知情。"
    assert texts(CIVIL_HEAD + sentence, "iou_only") == ["未提供相关的支付凭证"]


def test_false_litigation_iou_only_shown() -> None:
    sentence = (  # page-01: the only evidence is an IOU, no transfer anywhere
        "原告何锴为证明自己的主张成立,向本院提供了借款凭据一份,证明被告陈晓春于2014年9月14日向原告借款8000元。"
    )
    assert texts(CIVIL_HEAD + sentence, "iou_only") == ["提供了借款凭据"]
    transfer = sentence + "原告通过银行转账将8000元汇入被告账户。"
    assert "iou_only" not in codes(CIVIL_HEAD + transfer)


def test_false_litigation_iou_only_not_a_quoted_rule() -> None:
    sentence = (  # lblj: the 民间借贷规定 quoted in the reasoning
        "本院认为，《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第十六条规定："
        "“原告仅依据借据、收据、欠条等债权凭证提起民间借贷诉讼，被告抗辩借贷行为尚未实际发生的”。"
        "原告通过银行转账交付了借款。"
    )
    assert "iou_only" not in codes(CIVIL_HEAD + sentence)


def _loan(filed: str, rate: str) -> str:
    year, month, day = filed.split("-")
    return (
        "浙江省新昌县人民法院\n民 事 判 决 书\n"
        f"({year})绍新商初字第195号\n原告：何锴，农民。\n被告：陈晓春。\n"
        f"原告何锴与被告陈晓春民间借贷纠纷一案，本院于{int(year)}年{int(month)}月{int(day)}日立案受理后，"
        "依法由审判员秦妙独任审判。本案现已审理终结。\n"
        f"原告何锴起诉称:被告陈晓春向原告借款8000元,约定{rate}。\n"
    )


@pytest.mark.parametrize(
    ("filed", "rate", "found"),
    [
        ("2013-10-12", "按月利息5%标准支付利息", True),  # page-03: 60 % before the change
        ("2015-01-16", "月息2分", False),  # page-10: 24 % is the cap itself
        ("2019-05-06", "月利率2.5%", True),  # 30 % > 24 %
        ("2021-03-05", "月利率2%", True),  # 24 % > 4 × 3.85 %
        ("2021-03-05", "年利率15%", False),  # under 15.40 %
        ("2025-03-13", "年利率13%", True),  # over 4 × 3.10 % = 12.40 %
    ],
)
def test_false_litigation_high_interest_cap_by_filing_date(
    filed: str, rate: str, found: bool
) -> None:
    assert ("high_interest" in codes(_loan(filed, rate))) is found


def test_false_litigation_high_interest_daily_overdue_charge() -> None:
    sentence = "违约责任：每逾期一日，按欠款本金总额的千分之五支付违约金。"  # scm-003-C
    assert "high_interest" in codes(_loan("2016-05-06", "月利率1%") + sentence)


@pytest.mark.parametrize(
    ("day", "lpr"),
    [
        ("2019-08-20", "4.25"),
        ("2020-08-20", "3.85"),
        ("2021-12-19", "3.85"),
        ("2021-12-20", "3.80"),
        ("2024-10-19", "3.35"),
        ("2024-10-21", "3.10"),
        ("2030-01-01", "3.00"),  # after the table: the last known rate
    ],
)
def test_false_litigation_lpr_table(day: str, lpr: str) -> None:
    assert lpr_at(day) == Decimal(lpr)


def test_false_litigation_rate_cap() -> None:
    assert rate_cap(None) == 24  # no date known: the old cap
    assert rate_cap("2020-08-19") == 24
    assert rate_cap("2020-08-20") == Decimal("15.40")


@pytest.mark.parametrize(
    ("sentence", "evidence"),
    [
        ("原告刘某1诉称，原、被告系老乡，同在成都做生意，平时交往较好。", "原、被告系老乡"),
        (
            "经审理查明：原告聂某1于被告张某1、施某1系朋友关系。",
            "原告聂某1于被告张某1、施某1系朋友关系",
        ),
        ("事实及理由：被告与原告之间是同学关系。", "被告与原告之间是同学关系"),
        (
            "原告及其委托代理人诉称，原告与被告之母系姐妹关系，被告于1992年7月23日出生。",
            "原告与被告之母系姐妹关系",
        ),
        (
            "经询，原告称其与被告系朋友关系，被告于2016年4月下旬向原告借款5万元。",
            "原告称其与被告系朋友关系",
        ),
        (
            "被告李桂云辩称，本案原告刘东杰与被告刘东生系亲兄弟关系。",
            "本案原告刘东杰与被告刘东生系亲兄弟关系",
        ),
    ],
)
def test_false_litigation_related_parties_across_sides(sentence: str, evidence: str) -> None:
    assert texts(CIVIL_HEAD + sentence, "related_parties") == [evidence]


@pytest.mark.parametrize(
    "sentence",
    [
        "经审理查明，二被告系夫妻关系，双方于2008年7月30日结婚。",  # co-defendants
        "另查明，被告陈某1向原告余某1借上述50800元时与被告蔡某1系夫妻关系。",
        "出庭接受质证的证人魏荣花、郭英春系母子关系，其中魏荣花系原告张焕生表姐。",  # fd-020
        "原告有理由相信被告谷某某作为被告宏源塑业公司的法定代表人，代表公司提供抵押担保。",
    ],
)
def test_false_litigation_related_parties_not_within_one_side(sentence: str) -> None:
    assert "related_parties" not in codes(CIVIL_HEAD + sentence)


def test_false_litigation_related_parties_not_in_family_disputes() -> None:
    text = (
        CIVIL_HEAD.replace("民间借贷纠纷", "分家析产纠纷")
        + "经审理查明，原告窦少明与被告系兄弟姐妹关系。"
    )
    assert "related_parties" not in codes(text)


def test_false_litigation_fast_resolution() -> None:
    head = (
        CIVIL_HEAD
        + "原告何锴起诉称:被告陈晓春向原告借款8000元。\n本院认为，借款应当归还。判决如下：\n被告陈晓春归还原告借款8000元。"
    )
    quick = head + "\n审  判  员  秦  妙\n二〇一五年一月三十日\n书  记  员  王  某\n"
    slow = head + "\n审  判  员  秦  妙\n二〇一五年二月十五日\n书  记  员  王  某\n"
    assert texts(quick, "fast_resolution") == ["2015年1月26日"]
    assert "fast_resolution" not in codes(slow)
    assert "fast_resolution" in {s.code for s in signals(slow, fast_days=30)}


@pytest.mark.parametrize(
    ("sentence", "evidence", "section"),
    [
        (
            "被告辩称：三、原告存在虚假诉讼嫌疑。类似本案诉讼在法院审理之中有7笔之多。",
            "虚假诉讼",
            "defense",
        ),
        ("被告辩称，本案是原告与李桂珍串通骗取二被告钱财的虚假诉讼。", "串通", "defense"),
        ("被告陈某1辩称，借据上的签名非本人所签。", "签名非本人", "defense"),  # scm-012-B, reworded
        (  # lblj 20BAC7…: the court's own finding
            "本院认为，原告张雪华与被告张淑芳共同制造、参与虚假诉讼的行为，应予制裁。",
            "虚假诉讼",
            "reasoning",
        ),
    ],
)
def test_false_litigation_defense_alleges_false(sentence: str, evidence: str, section: str) -> None:
    found = [s for s in signals(CIVIL_HEAD + sentence) if s.code == "defense_alleges_false"]
    assert (evidence, section) in [(s.text, s.section) for s in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "本院认为，李桂珍出具的欠条上加盖公章的真假，均不影响本案借款关系的成立，也不能证明该案为虚假诉讼。",
        "本院认为，本院认真审查证据，反复询问原告，并告知当事人虚假诉讼应承担的法律责任。",
    ],
)
def test_false_litigation_defense_alleges_false_not_negated_or_warning(sentence: str) -> None:
    assert "defense_alleges_false" not in codes(CIVIL_HEAD + sentence)


def test_false_litigation_forgery_in_a_criminal_case_is_no_allegation() -> None:
    sentence = "经审理查明，被告人马柱伪造公章，并持伪造的印章签订合同。"
    assert "defense_alleges_false" not in codes(CRIMINAL_HEAD + sentence + TAIL)


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        (  # fd-031 (claims)
            CIVIL_HEAD
            + "原告诉称，我方在贵院强制执行过程中，被告宣化县农信社提出了案外人执行异议，现我方申请的强制执行被中止。",
            "案外人执行异议",
        ),
        (  # page-09 (the objector's label in the party block)
            "安徽省巢湖市人民法院\n执 行 裁 定 书\n(2021)皖0181执异25号\n"
            "异议人(利害关系人):安徽广宏园林建设有限公司,住所地巢湖市健康西路丽景国际。\n申请执行人:***,男。\n被执行人:**,男。\n"
            "在本院执行***与**民间借贷纠纷一案中,安徽广宏园林建设有限公司向本院提出书面异议。",
            "异议人(利害关系人)",
        ),
    ],
)
def test_false_litigation_third_party_objection(text: str, evidence: str) -> None:
    assert evidence in texts(text, "third_party_objection")


@pytest.mark.parametrize(
    "sentence",
    [
        "孙道静接受案外人尹伯岑的委托向宁垦公司出借10万元，宁垦公司收到款项后未提出异议。",
        "本院认为，执行过程中，案外人对执行标的提出书面异议的，人民法院应当自收到书面异议之日起十五日内审查。",
    ],
)
def test_false_litigation_third_party_objection_not_other_outsiders(sentence: str) -> None:
    assert "third_party_objection" not in codes(CIVIL_HEAD + sentence)


_PENALTY_DECISION = (
    "上海市闵行区市场监督管理局\n行政处罚决定书\n闵市监案处〔2023〕1202023000123号\n"
    "当事人：上海某某超市有限公司\n当事人涉嫌经营超过保质期食品一案，本局于2023年2月8日立案调查。\n"
    "当事人应当自收到本行政处罚决定书之日起十五日内缴纳罚没款。{}\n"
    "上海市闵行区市场监督管理局\n2023年5月12日\n"
)


@pytest.mark.parametrize(
    "surcharge",
    [
        "逾期不缴纳罚款的，本局可以每日按罚款数额的百分之三加处罚款。",
        "逾期不缴纳罚款的，我局将每日按罚款数额的3%加处罚款。",
        "逾期缴纳税款的，从滞纳税款之日起，按日加收滞纳税款万分之五的滞纳金。",
    ],
)
def test_false_litigation_high_interest_not_an_agency_surcharge(surcharge: str) -> None:
    assert "high_interest" not in codes(_PENALTY_DECISION.format(surcharge))


def test_false_litigation_high_interest_still_a_contract_late_charge_in_the_same_words() -> None:
    sentence = "逾期还款的，每日按借款本金的千分之五支付违约金。"
    assert "high_interest" in codes(_loan("2019-05-06", "月利率1%") + sentence)


def test_false_litigation_high_interest_not_a_credit_card() -> None:
    text = (
        "重庆市渝北区人民法院\n民事判决书\n（2023）渝0112民初30211号\n"
        "原告：中国工商银行股份有限公司重庆渝北支行。\n被告：韩某某，男，1987年10月2日出生。\n"
        "原告工行渝北支行与被告韩某某信用卡纠纷一案，本院于2023年8月7日立案后，依法适用简易程序，"
        "公开开庭进行了审理。\n工行渝北支行向本院提出诉讼请求：1.韩某某偿还信用卡透支本金35,218.66元、"
        "利息4,102.37元；2.韩某某支付自2023年7月22日起至欠款付清之日止的利息（按日利率万分之五计算）。\n"
    )
    assert "high_interest" not in codes(text)
    assert "high_interest" in codes(
        text.replace("信用卡纠纷", "民间借贷纠纷").replace("信用卡透支", "")
    )


def test_false_litigation_high_interest_not_a_card_overdraft_without_a_cause() -> None:
    sentence = "被告使用信用卡透支消费，约定透支利息按日利率万分之五计算。"
    text = _loan("2023-08-07", "年利率10%").replace("民间借贷纠纷一案", "一案") + sentence
    assert "high_interest" not in codes(text)
