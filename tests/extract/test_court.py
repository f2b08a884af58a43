"""Court names and the issuing court (assist.extract.court).

Headers and sentences are copied from the real dev documents (../shared/corpora/judgments) and
the other corpora; the layouts none of them shows (letter-spaced court line, 起诉书, 检察建议书,
行政处罚决定书 headers, 中华人民共和国最高人民法院 on one line) are written in the layout of real
documents and marked below.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.extract.court import find_courts, pick_court
from assist.text.normalize import make_text

HEADERS = [
    ("fd-006", "临夏市人民法院\n执行裁定书\n（2017）甘2901执162号\n申请执行人胡加党，男，汉族。",
        "临夏市人民法院"),
    ("fd-007", "辽宁省大连市中级人民法院\n刑事裁定书\n（2017）辽02刑更392号\n罪犯蔡恒涛，男。\n"
        "辽宁省大连市中级人民法院于2008年6月19日作出", "辽宁省大连市中级人民法院"),
    ("fd-017", "天津市南开区人民法院\n刑  事  判   决  书\n\n(2001)南刑初字第26号 \n\n \n    "
        "公诉机关天津市南开区人民检察院。", "天津市南开区人民法院"),
    ("fd-019", "蓟县人民法院\n民事裁定书\n\n(2009)蓟民初字第4329号 \n\n  \n原告张春旺，男。",
        "蓟县人民法院"),
    ("fd-031", "河北省张家口市中级人民法院 民事判决书 （2013）张商初字第145号 原告刘冶平。",
        "河北省张家口市中级人民法院"),
    ("fd-034", "成都市武侯区人民法院 刑事判决书 （2014）武侯刑初字第277号 "
        "公诉机关成都市武侯区人民检察院。", "成都市武侯区人民法院"),
    ("page-01", "浙江省新昌县人民法院民 事 判 决 书(2015)绍新商初字第195号原告:何锴,农民。",
        "浙江省新昌县人民法院"),
    ("page-02", "福建省安溪县人民法院刑 事 判 决 书(2014)安刑初字第994号公诉机关福建省安溪县人"
        "民检察院。", "福建省安溪县人民法院"),
    ("page-05", "浙江海蓝化工集团有限公司环境污染责任纠纷一审民事判决书 江西省浮梁县人民法院 "
        "民 事 判 决 书 (2020)赣0222民初796号 公益诉讼起诉人:江西省浮梁县人民检察院。",
        "江西省浮梁县人民法院"),
    ("page-06", "您现在的位置:首页>广州刑事律师团队>律师动态\n  • (2014)粤高法刑一终字第95号\n"
        "\n广东省高级人民法院刑事判决书\n\n(2014)粤高法刑一终字第95号原公诉机关广东省广州市人民"
        "检察院。", "广东省高级人民法院"),
    ("page-08", "中华人民共和国\n山东省邹平市人民法院\n行 政 裁 定 书\n(2021)鲁1681行审18号\n"
        "申请执行人邹平市自然资源和规划局。", "山东省邹平市人民法院"),
    ("page-11", "锡林浩特市兴盛建筑安装有限责任公司\n\n锡林浩特市兴盛建筑安装有限责任公司与多伦"
        "县人力资源和社会保障局、多伦县人民政府行政裁决一审行政判决书\n\n来源:中国裁判文书网\n"
        "内蒙古自治区多伦县人民法院\n\np t ” > 行 政 判 决 书\n\n(2017)内2531行初3号\n\n原告:"
        "锡林浩特市兴盛建筑安装有限责任公司。", "内蒙古自治区多伦县人民法院"),
    ("page-13", "大恒建设集团有限公司\n\n某某、中交第二航务工程局有限公司珠海分公司等劳动争议民"
        "事一审民事判决书\n\n来源:中国裁判文书网\n广东省珠海市香洲区人民法院\n民 事 判 决 书\n"
        "(2021)粤0402民初6343号\n原告:***,男。", "广东省珠海市香洲区人民法院"),
    ("page-14", "来源:中国裁判文书网\n四川省内江市市中区人民法院\n民 事 判 决 书\n(2021)"
        "川1002民初2898号\n原告:中建伟诚集团有限公司。", "四川省内江市市中区人民法院"),
    ("page-15", "湖南省岳陽市中級人民法院\n刑 事 裁 定 書\n(2017)湘06刑終359號\n"
        "原公訴機關湖南省岳陽市云溪區人民檢察院。", "湖南省岳阳市中级人民法院"),
    # Layouts of real documents, not in the corpora:
    ("glued-source", "来源:中国裁判文书网临夏市人民法院 执行裁定书 (2017)甘2901执162号 "
        "申请执行人胡加党", "临夏市人民法院"),
    ("glued-title", "张金国与伏玉梅民间借贷纠纷一审民事判决书江苏省金湖县人民法院民事判决书(201"
        "5)金民初字第01022号原告张金国。", "江苏省金湖县人民法院"),
    ("spaced", "临 夏 市 人 民 法 院\n执 行 裁 定 书\n（2017）甘2901执162号\n申请执行人胡加党，"
        "男。", "临夏市人民法院"),
    ("spc", "中华人民共和国最高人民法院\n民事裁定书\n（2017）最高法民辖终81号\n"
        "上诉人（原审被告）：某公司。", "中华人民共和国最高人民法院"),
    ("indictment", "北京市人民检察院第一分院\n起 诉 书\n京检一分刑诉〔2019〕12号\n被告人张某，"
        "男。", "北京市人民检察院第一分院"),
    ("recommendation", "浙江省金华市人民检察院\n检察建议书\n金检民（行）建〔2020〕3号\n"
        "东阳市人民法院：\n本院在履行职责中发现。", "浙江省金华市人民检察院"),
    ("penalty", "东阳市市场监督管理局\n行政处罚决定书\n东市监罚处〔2020〕123号\n当事人："
        "某某有限公司。", "东阳市市场监督管理局"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "text", "court"), HEADERS, ids=[h[0] for h in HEADERS])
def test_pick_court_issuing_court(case: str, text: str, court: str) -> None:
    t = make_text(text)
    got = pick_court(t)
    assert got is not None and got[0] == court
    assert t.norm[got[1] : got[2]].replace(" ", "") == court


NO_COURT = [
    # CAIL2019-SCM excerpt: the party block comes first, no header.
    "原告：施某1。被告：丁某1。委托诉讼代理人：丁银素，系丁某1之姐。被告：金某1。\n\n原告施某1向本院提出诉讼请求",
    # CAIL2018 fact with a court in the narrative only.
    "经审理查明，2014年1月20日朔城区人民法院对支某开始执行（2014）朔民初字第404号判决书后",
]


@pytest.mark.parametrize("text", NO_COURT)
def test_pick_court_none_without_a_header(text: str) -> None:
    assert pick_court(make_text(text)) is None


MENTIONS = [
    ("2011年2月21日经辽宁省高级人民法院以（2011）辽刑执字第171号刑事裁定",
        ['辽宁省高级人民法院']),
    ("原告不服向锡林郭勒盟中级人民法院提起上诉", ['锡林郭勒盟中级人民法院']),
    ("经江西省景德镇市中级人民法院报请江西省高级人民法院批准,指定本院管辖",
        ['江西省景德镇市中级人民法院', '江西省高级人民法院']),
    ("1986年7月20日因犯破坏电力设备罪被浙江省台州市黄岩县人民法院判处有期徒刑七年",
        ['浙江省台州市黄岩县人民法院']),
    ("与北湖区人民法院（2015）郴北刑初字第318号刑事判决所认定的", ['北湖区人民法院']),
    ("2014年1月20日朔城区人民法院对支某开始执行", ['朔城区人民法院']),
    ("口登记卡和一份小店区人民法院(2017)晋0105刑初734号刑事判决书", ['小店区人民法院']),
    ("公诉机关成都市武侯区人民检察院。", ['成都市武侯区人民检察院']),
    ("兰州铁路运输中级法院二审认为，兰州铁路运输法院一审认为",
        ['兰州铁路运输中级法院', '兰州铁路运输法院']),
    ("湖南省岳陽市云溪區人民法院審理湖南省岳陽市云溪區人民檢察院指控",
        ['湖南省岳阳市云溪区人民法院', '湖南省岳阳市云溪区人民检察院']),
    ("以夫妻名义共同居住在本市和平区山西路耀华里40号，经沈阳市和平区人民法院审理",
        ['沈阳市和平区人民法院']),
    ("向呼和浩特市中级人民法院提起上诉", ['呼和浩特市中级人民法院']),
    ("住江西省于都县，于都县人民法院受理", ['于都县人民法院']),
    ("长春经济技术开发区人民法院", ['长春经济技术开发区人民法院']),
    ("杭州互联网法院、北京知识产权法院、宁波海事法院",
        ['杭州互联网法院', '北京知识产权法院', '宁波海事法院']),
    ("经最高人民法院核准", ['最高人民法院']),
    # Generic references are no court names.
    ("收养行为被人民法院确认无效的", []),
    ("受胁迫的一方可以向婚姻登记机关或人民法院请求撤销该婚姻", []),
    ("可以自裁定送达之日起十五日内向人民法院提起诉讼", []),
    ("由被告住所地或者合同履行地人民法院管辖", []),
    ("专门人民法院、人民法庭不审理行政案件", []),
    ("向有管辖权的海事法院提起民事公益诉讼的", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "names"), MENTIONS, ids=[m[0][:16] for m in MENTIONS])
def test_find_courts_names_without_preceding_words(text: str, names: list[str]) -> None:
    t = make_text(text)
    found = list(find_courts(t))
    assert [name for name, _, _ in found] == names
    assert all(t.norm[s:e] == name for name, s, e in found)


def _check(text: str) -> None:
    t = make_text(text)
    for name, start, end in find_courts(t):
        assert t.norm[start:end] == name
    court = pick_court(t)
    if court is not None:
        assert t.norm[court[1] : court[2]].replace(" ", "") == court[0]


_PIECES = [
    "人民法院", "中级", "高级", "最高", "省", "市", "县", "区", "浙江省", "新昌", "经", "向", "和",
    "民事判决书", "民 事 判 决 书", "\n", " ", "(2015)绍新商初字第195号", "原告:", "。", "检察院",
    "人民法庭", "局", "行政处罚决定书", "中华人民共和国", "来源:中国裁判文书网", "海事法院",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_court_never_raises_on_arbitrary_text(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=50))
def test_court_offsets_hold_on_header_like_text(pieces: list[str]) -> None:
    _check("".join(pieces))
