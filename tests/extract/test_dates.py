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

DOCS: dict[str, str] = {
    "fd-008": (
        "黑龙江省嫩江县人民法院\n"
        "民事裁定书\n"
        "（2017）黑1121民初2345号\n"
        "原告：中国邮政储蓄银行股份有限公司嫩江县支行，住所地黑龙江省黑河市嫩江县墨尔"
        "根大街400号。\n"
        "负责人：杨春华，职务行长。\n"
        "委托诉讼代理人：崔立娜，女，1978年1月11日出生，现住黑龙江省嫩江县。\n"
        "被告：高海龙，男，1980年3月7日出生，原住黑龙江省嫩江县，现下落不明。\n"
        "原告中国邮政储蓄银行股份有限公司嫩江县支行与被告高海龙信用卡纠纷一案，本院于"
        "2017年8月17日立案。原告于2017年10月30日以无法找到被告为由，向"
        "本院提出撤诉申请。\n"
        "本院认为，原告申请撤诉理由正当，符合有关法律规定。依照《中华人民共和国民事诉"
        "讼法》第一百四十五条第一款规定，裁定如下：\n"
        "准许原告中国邮政储蓄银行股份有限公司嫩江县支行撤诉。\n"
        "案件受理费50元，减半收取25元，由原告负担。\n"
        "审判员\u3000\u3000杨艳红\n"
        "二0一七年十月三十日\n"
        "书记员\u3000\u3000崔雯雯"
    ),
    "fd-019": (
        "蓟县人民法院\n"
        "民事裁定书\n"
        "\n"
        "(2009)蓟民初字第4329号 \n"
        "\n"
        "  \n"
        "原告张春旺，男，1962年3月21日出生，汉族，职工，住蓟县渔阳镇土楼村6区"
        "100号。\n"
        "    被告王立宇，女，1964年3月22日出生，汉族，居民，住蓟县渔阳镇康"
        "宏新村。\n"
        "    本院在审理原告张春旺与被告王立宇同居关系析产纠纷一案中，原告于200"
        "9年8月18日向本院提出财产保全的申请，并已提供担保。\n"
        "    本院认为，原告张春旺的申请符合法律规定。依照《中华人民共和国民事诉讼"
        "法》第九十二条、第九十四条和第一百四十条第四项的规定，裁定如下：\n"
        "    依法查封被告王立宇名下的坐落在蓟县渔阳镇府君里供热站旁的商贸楼房。\n"
        "    本裁定书送达后立即执行。    \n"
        "    如不服本裁定，可以向本院申请复议一次。复议期间不停止裁定的执行。\n"
        "\n"
        "\n"
        "\n"
        "审  判  长\u3000  汪玉忠    \n"
        "\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000审\u3000判\u3000员\u3000刘继源\n"
        "\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000人民陪审员\u3000王淑兰\n"
        "\n"
        "二○○九年八月二十六日   \n"
        "   \n"
        "书  记  员  刘\u3000兰"
    ),
    "page-01": (
        "浙江省新昌县人民法院民 事 判 决 书(2015)绍新商初字第195号原告:"
        "何锴,农民。被告:陈晓春。原告何锴为与被告陈晓春民间借贷纠纷一案,于2015"
        "年1月26日向本院起诉,本院于同日立案受理后,依法由审判员秦妙独任审判,于2"
        "015年2月11日依法公开开庭进行了审理。原告何锴到庭参加诉讼,被告陈晓春经"
        "本院传票传唤无正当理由拒不到庭应诉。本案现已审理终结。原告何锴起诉称:201"
        "4年9月14日,被告陈晓春向原告借款8000元,并出具借款凭据一份,约定借款"
        "利息按每月银行同期利息的四倍计算。嗣后,经原告多次催讨,被告未支付借款本息,"
        "致该纠纷产生。庭审中,原告明确利息计算标准为按中国人民银行同期同档次贷款基准"
        "利率的四倍计算,故明确诉讼请求为:1、判令被告陈晓春归还原告借款本金8000"
        "元,并支付自2014年9月14日起至款项付清日止按中国人民银行同期同档次贷款"
        "基准利率的四倍计算的利息;2、本案诉讼费由被告承担。原告何锴为证明自己的主张"
        "成立,向本院提供了借款凭据一份,证明被告陈晓春于2014年9月14日向原告借"
        "款8000元,并约定利息的事实。被告陈晓春未作答辩,亦未向本院提供相关证据。"
        "上述证据经当庭出示,经本院审核认为:被告陈晓春经本院传票传唤,拒不到庭应诉,"
        "视为自动放弃对上述证据的"
    ),
    "page-11": (
        "锡林浩特市兴盛建筑安装有限责任公司\n"
        "\n"
        "锡林浩特市兴盛建筑安装有限责任公司与多伦县人力资源和社会保障局、多伦县人民政"
        "府行政裁决一审行政判决书\n"
        "\n"
        "来源:中国裁判文书网\n"
        "内蒙古自治区多伦县人民法院\n"
        "\n"
        "p t ” > 行 政 判 决 书\n"
        "\n"
        "(2017)内2531行初3号\n"
        "\n"
        "原告:锡林浩特市兴盛建筑安装有限责任公司,住所:锡市杭办区。\n"
        "\n"
        "法定代表人:盛福山,职务:公司总经理。\n"
        "\n"
        "委托代理人:张金泉,多伦县148协调指挥中心法律工作者。\n"
        "\n"
        "委托代理人:马新,职务:锡林浩特市兴盛建筑安装有限责任公司职工。\n"
        "\n"
        "被告:多伦县人力资源和社会保障局,地址:多伦县党政办公楼127室。\n"
        "\n"
        "法定代表人:张立军,职务:局长。\n"
        "\n"
        "委托代理人:梁松林,职务:多伦县人力资源和社会保障局职工。\n"
        "\n"
        "委托代理人徐长祥,内蒙古恃法律师事务所律师。\n"
        "\n"
        "被告:多伦县人民政府,地址:多伦县诺尔镇党政办公楼。\n"
        "\n"
        "法定代表人:刘建军,职务:县长。\n"
        "\n"
        "委托代理人:任大为,职务:多伦县人民政府法制办主任。\n"
        "\n"
        "原告锡林浩特市兴盛建筑安装有限责任公司(以下简称兴盛公司)不服被告多伦县人力"
        "资源和社会保障局(以下简称多伦人社局)劳动行政裁决一案,于2013年8月1日"
        "向本院提起行政诉讼。本院依法组成合议庭进行了审理,于2013年10月21日作"
        "出行政判决,维持被告多伦人社局2013年4月1日作出的多人社监理字﹝2013"
        "﹞第8号劳动保障监察行政处理决定。原告不服向锡林郭勒盟中级人民法院提起上诉,"
        "二审法院经过审理驳回上诉,维持原判。该案发生法律效力后,原告兴盛公司向锡林郭"
        "勒盟中级人民法院申请再审,中院于2014年7月24日作出(2014)锡中法行"
        "监字第3号驳回再审申请通知书,申请人不服,向锡林郭勒盟检察分院申诉。锡林郭勒"
        "盟检察分院以内检锡分民(行)监〔2014〕 152XXXXXXXX号检察建议"
    ),
    "page-14": (
        "西部伟诚建设集团有限公司\n"
        "\n"
        "中建伟诚集团有限公司、某某追索劳动报酬纠纷民事一审民事判决书\n"
        "\n"
        "来源:中国裁判文书网\n"
        "四川省内江市市中区人民法院\n"
        "民 事 判 决 书\n"
        "(2021)川1002民初2898号\n"
        "原告:中建伟诚集团有限公司,住所地汶川县。\n"
        "法定代表人:廖登涛,系该公司执行董事。\n"
        "委托诉讼代理人:孙险峰(系公司员工),男,汉族,住成都金牛区。\n"
        "委托诉讼代理人:何成勇,四川君合律师事务所律师。\n"
        "被告:**,男,汉族,住四川省德阳市旌阳区。\n"
        "委托诉讼代理人:王文,资中县新桥法律服务所律师工作者。\n"
        "原告中建伟诚集团有限公司与被告**追索劳动报酬纠纷一案于2021年5月28日"
        "在四川省资中县人民法院立案后,该院于2021年6月22日依法适用简易程序对本"
        "案公开开庭进行了审理后,认为其没有管辖权将案件移送至本院。本院于2021年8"
        "月2日受理后,依法适用简易程序对本案公开开庭进行了审理。诉讼中,原告申请对案"
        "涉印章进行同一性鉴定,本院予以准许并扣减相应审限。鉴定结论作出后,本院恢复审"
        "理。原、被告及其委托诉讼代理人均到庭参加了诉讼。本案现已审理终结。\n"
        "原告中建伟诚集团有限公司向本院提出诉讼请求:1、请求判令原告无须向被告支付2"
        "020年12月1日至2021年4月11日期间的工资29693元;2、本案诉讼"
        "费由被告承担。原被告之间的劳动争议纠纷,经内江市劳动人事争议仲裁委员会审理,"
        "作出内劳人仲案〔2021〕75号仲裁裁决书(下称“裁决书”),原告认为裁决书"
        "认定实施错误、适用法律错误,依法应当予以撤销,理由如下:裁决书认定原被告之间"
        "存在劳动关系缺乏事实依据,适用法律错误。原告从未向**开具过介绍信,也未授权"
        "**到四川正久工程管理有限责任公司领取内江市第二社会福利院整体搬迁(一期工程"
        ")及新建精神病康复院供"
    ),
    "page-15": (
        "湖南省岳陽市中級人民法院\n"
        "刑 事 裁 定 書\n"
        "(2017)湘06刑終359號\n"
        "原公訴機關湖南省岳陽市云溪區人民檢察院。\n"
        "上訴人(原審被告人)賀清泉(曾用名:賀小牛),男,1971年9月1日出生于湖"
        "南省岳陽縣,漢族,本科文化,中共黨員,原系湖南省岳陽市環境保護局云溪區分局環"
        "境監察大隊副大隊長,現任湖南省岳陽市環境保護局經濟開發區分局環境監察大隊副大"
        "隊長,住湖南省岳陽市經開區。因涉嫌犯環境監管失職罪,于2017年4月22日被"
        "取保候審。現在家候審。\n"
        "辯護人盧四海,湖南民望律師事務所律師。\n"
        "辯護人趙民,湖南金駿律師事務所律師。\n"
        "原審被告人姚秋平,男,1960年7月20日出生于湖南省岳陽縣,漢族,本科文化"
        ",中共黨員,原系湖南省岳陽市環境保護局云溪區分局副局長兼環境監察大隊大隊長,"
        "現任湖南省岳陽市環境保護局云溪區分局副局長,住湖南省岳陽市云溪區云溪鎮。因涉"
        "嫌犯環境監管失職罪,于2017年4月19日被取保候審。現在家候審。\n"
        "湖南省岳陽市云溪區人民法院審理湖南省岳陽市云溪區人民檢察院指控原審被告人姚秋"
        "平、賀清泉犯環境監管失職罪一案,于二〇一七年十月十一日作出(2017)湘06"
        "03刑初54號刑事判決。原審被告人賀清泉不服,提出上訴。湖南省岳陽市云溪區人"
        "民法院于2017年11月14日將案卷移送本院。本院受理后,依法組成合議庭,于"
        "2018年3月15日公開開庭審理了本案。岳陽市人民檢察院指派檢察員羅某出庭履"
        "行職務。上訴人賀清泉及其辯護人盧四海、趙民到庭參加訴訟。現已審理終結。\n"
        "原審法院認定,2013年至2016年2月2日期間,被告人姚秋平任區環保分局副"
        "局長兼任環境監察大隊大隊長,其工作職責為分管及負責環境監察大隊的工作。同期,"
        "被告人賀清泉任區環保分局環境監察大隊副大隊長,分管一中隊。大洋廠屬于岳"
    ),
}

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
