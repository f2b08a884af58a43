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
from assist.parse import find_sections
from assist.text.normalize import make_text

SAMPLES: dict[str, str] = {
    # fd-006: execution ruling (终本), newline layout, spaced signature
    "fd-006": (
        "临夏市人民法院\n"
        "执行裁定书\n"
        "（2017）甘2901执162号\n"
        "申请执行人胡加党，男，汉族，1974年11月28日出生，身份号码×××，住临"
        "夏市。\n"
        "被执行人马军，男，回族，1982年2月4日出生，身份号码×××，住临夏市。\n"
        "本院在执行申请执行人胡加党与被执行人马军装饰装修合同纠纷一案中，被执行人马军"
        "下落不明，经通过四查，也无可供执行的财产。依据《最高人民法院关于适用<中华人"
        "民共和国民事诉讼法>的解释》第五百一十九条的规定，裁定如下：\n"
        "终结本次执行程序。\n"
        "申请执行人发现被执行人有可供执行财产的，可以再次申请执行全部债权。\n"
        "本裁定送达后即发生法律效力。\n"
        "审  判  员   康海龙\n"
        "二〇一七年九月十六日\n"
        "书  记  员   吴楠"
    ),
    # fd-007: 减刑 ruling: history retells the original judgment, Greek omicron in the date
    "fd-007": (
        "辽宁省大连市中级人民法院\n"
        "刑事裁定书\n"
        "（2017）辽02刑更392号\n"
        "罪犯蔡恒涛，男，1988年8月10日出生，汉族，辽宁省庄河市人，初中文化，现"
        "在辽宁省瓦房店监狱服刑。\n"
        "辽宁省大连市中级人民法院于2008年6月19日作出（2008）大刑一初字第1"
        "01号刑事附带民事判决，以罪犯蔡恒涛犯故意伤害罪，判处无期徒刑，剥夺政治权利"
        "终身，连带赔偿附带民事诉讼原告人经济损失。判决发生法律效力后交付执行，200"
        "8年9月26日被投入辽宁省瓦房店监狱服刑。2011年2月21日经辽宁省高级人"
        "民法院以（2011）辽刑执字第171号刑事裁定，对其减为有期徒刑十九年，剥夺"
        "政治权利七年；2014年6月30日经本院以（2014）大审刑执字第838号刑"
        "事裁定，对其减去有期徒刑一年二个月，剥夺政治权利七年不变。现刑期至2028年"
        "12月20日止。\n"
        "执行机关辽宁省瓦房店监狱于2017年3月27日提出减刑建议，报送本院审理。本"
        "院依法予以公示并组成合议庭进行了审理。本案现已审理终结。\n"
        "执行机关减刑建议称：罪犯蔡恒涛在服刑期间，能认罪服法，接受改造，劳动积极，遵"
        "规守纪，确有悔改表现，向本院提出减刑建议。\n"
        "经审理查明，该犯入监服刑以来，能认罪悔罪；遵守法律法规及监规，服从管理，接受"
        "教育改造。现累计兑现记功奖励5次，表扬奖励2次。上述事实，有罪犯蔡恒涛的认罪"
        "悔过书、证人证言、改造表现材料、罪犯评审鉴定表、积分表奖表、奖励审批表等材料"
        "予以证实。\n"
        "本院认为，罪犯蔡恒涛服刑期间，确有悔改表现，符合减刑条件。依照《中华人民共和"
        "国刑法》第七十八条、第七十九条，《中华人民共和国刑事诉讼法》第二百六十二条第"
        "二款，《最高人民法院关于办理减刑、假释案件具体应用法律的规定》第二条之规定，"
        "裁定如下：\n"
        "对罪犯蔡恒涛减去有期徒刑八个月，剥夺政治权利七年不变。\n"
        "（刑期自2011年2月21日起至2028年4月20日止）\n"
        "本裁定送达后即发生法律效力。\n"
        "审 判 长\u3000\u3000 \u3000 黄微\n"
        "审 判 员\u3000\u3000  夏红军\n"
        "审 判 员\u3000\u3000  李晓萃\n"
        "二Ο一七年四月二十五日\n"
        "书 记 员\u3000\u3000  刘丰采"
    ),
    # fd-008: 撤诉 ruling without claims or findings
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
    # fd-019: preservation ruling, full-width indents in the signature block
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
    # fd-030: criminal judgment with an appended 附相关法律条文
    "fd-030": (
        "天津市宝坻区人民法院\n"
        "刑  事  判  决  书\n"
        "（2011）宝刑初字第528号\n"
        "公诉机关天津市宝坻区人民检察院。\n"
        "被告人王金成，男，1967年1月29日出生，天津市宝坻区人，汉族，初中文化，"
        "农民，住宝坻区大口屯镇程马庄村南区31号。2011年8月31 日因涉嫌危险驾"
        "驶罪被天津市公安局宝坻分局取保候审。2011年11月17日经本院决定逮捕，2"
        "011年11月18日公安机关执行逮捕，现羁押于宝坻区看守所。\n"
        "天津市宝坻区人民检察院以津宝检刑诉[2011]427号起诉书指控被告人王金成"
        "犯危险驾驶罪，于2011年11月14日向本院提起公诉。本院于同日立案，并依法"
        "适用简易程序，实行独任审判，公开开庭审理了本案。被告人王金成到庭参加了诉讼。"
        "现已审理终结。\n"
        "天津市宝坻区人民检察院指控，2011年8月30日13时30分许，被告人王金成"
        "醉酒后驾驶津GE1851号灰色“松花江”牌小型客车，沿宝坻区环城东路自南向北"
        "行驶至与唐通公路交口处时，被执行交警查获。经检验，王金成血液中酒精含量为15"
        "2.7mg/100ml。 \n"
        "上述事实，被告人王金成在开庭审理过程中亦无异议，并有证人吴国付、李芳明证言笔"
        "录，血液酒精含量鉴定结论，案件来源，抓获经过、常住人口信息表及其他书证等证据"
        "证实，足以认定。\n"
        "本院认为，被告人王金成违反道路交通安全法，醉酒后驾驶机动车，其行为已构成危险"
        "驾驶罪。宝坻区人民检察院指控其罪名成立。被告人王金成归案后如实供述自己所犯罪"
        "行，庭审中能够自愿认罪，庭审后积极交纳罚金，依法可从轻处罚。依照《中华人民共"
        "和国刑法》第一百三十三条之一条、第六十七条第三款之规定，判决如下：\n"
        "被告人王金成犯危险驾驶罪，判处拘役一个月，罚金人民币一千元（已交纳）。\n"
        "（刑期从判决执行之日起计算。判决执行以前先行羁押的，羁押一日折抵刑期一日，即"
        "自2011年11月18日起至2011年12月17日止。） \n"
        "如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向天津市第一中"
        "级人民法院提出上诉。书面上诉的，应当提交上诉状正本一份、副本二份。\n"
        "   审  判  员  于德新\n"
        "                     二○一一年十一月十八日\n"
        "书  记  员  曾庆颖\n"
        "附相关法律条文：\n"
        "《中华人民共和国刑法》\n"
        "第一百三十三条之一  在道路上驾驶机动车追逐竟驶，情节恶劣的，或者在道路上醉"
        "酒驾驶机动车的，处拘役，并处罚金。\n"
        "有前款行为，同时构成其他犯罪的，依照处罚较重的规定定罪处罚。  \n"
        "第六十七条  犯罪以后自动投案，如实供述自己的罪行的，是自首。对于自首的犯罪"
        "分子，可以从轻或者减轻处罚。其中，犯罪较轻的，可以免除处罚。 \n"
        "被采取强制措施的犯罪嫌疑人、被告人和正在服刑的罪犯，如实供述司法机关还未掌握"
        "的本人其他罪行的，以自首论。\n"
        "犯罪嫌疑人虽不具有前两款规定的自首情节，但是如实供述自己罪行的，可以从轻处罚"
        ";因其如实供述自己罪行，避免特别严重后果发生的，可以减轻处罚。"
    ),
    # fd-033: jurisdiction ruling without newlines (paragraphs separated by spaces)
    "fd-033": (
        "南京市玄武区人民法院 民事裁定书 （2013）玄民辖初字第21号 原告陈前，"
        "男。 委托代理人周文辉，南京正义法律服务所法律工作者。 被告江苏天泓汽车服务"
        "有限公司，住所地在南京市玄武区红山路175号红森公寓8-12幢门面房。 法定"
        "代表人张丽娜，江苏天泓汽车服务有限公司董事长。 委托代理人吴佳，江苏永衡昭辉"
        "律师事务所律师。 委托代理人孙宪超，江苏永衡昭辉律师事务所律师。 被告上海通"
        "用汽车有限公司，住所地在上海市浦东新区申江路1500号。 法定代表人TIMO"
        "THYEBYLEE，上海通用汽车有限公司董事长。 委托代理人童俊彦，上海通用"
        "汽车有限公司公司法律顾问。 委托代理人吴毅，康达律师事务所上海分所律师。 本"
        "院受理原告陈前与被告江苏天泓汽车服务有限公司、上海通用汽车有限公司买卖合同纠"
        "纷一案中，被告上海通用汽车有限公司在提交答辩状期间对管辖权提出异议，认为根据"
        "法律规定，共同诉讼有着严格的前提条件，即必须要有共同的诉讼标的及同一法律关系"
        "。原告与被告江苏天泓汽车服务有限公司之间的纠纷系基于双方之间的汽车销售合同关"
        "系，而原告与被告上海通用汽车有限公司之间并无任何销售合同关系，上海通用汽车有"
        "限公司不应成为本案的共同被告，原告将上海通用汽车有限公司追加为共同被告，不符"
        "合法律规定。如果原告对上海通用汽车有限公司主张权利，应当单独提出，则该诉应由"
        "被告住所地法院管辖。事实上，就本案诉争车辆而言，上海通用汽车有限公司也不是该"
        "车的生产者。该车系美国通用生产的，故原告要求被告承担责任的诉请，玄武区人民法"
        "院无管辖权，不应受理或者依法将该案移送至被告住所地法院。 本院经审查认为，因"
        "合同纠纷提起的诉讼，由被告住所地或者合同履行地人民法院管辖。本案中，原告与被"
        "告江苏天泓汽车服务有限公司存在买卖合同关系，该被告住所地和合同履行地均在南京"
        "市玄武区，属本院辖区，故本院对此案有管辖权。上海通用汽车有限公司的管辖异议申"
        "请，涉及到原、被告实体权利的审查，并非管辖异议审理范围，本院不予采纳。据此，"
        "根据《中华人民共和国民事诉讼法》第二十三条、第一百二十七条第一款、第一百五十"
        "四条第一款第二项之规定，裁定如下： 驳回被告上海通用汽车有限公司对本案提出的"
        "管辖权异议。 如不服本裁定，可在裁定书送达之日起十日内，向本院递交上诉状，并"
        "按对方当事人的人数提交副本，上诉于江苏省南京市中级人民法院。 本案受理费80"
        "元，由被告上海通用汽车有限公司负担。 审判员石萍 二〇一三年六月八日 见习书"
        "记员凌玲 "
    ),
    # page-01: web page without any newline, cut off in the defence
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
    # page-06: law-firm page: navigation clutter repeats the case number and heading
    "page-06": (
        "您现在的位置:首页>广州刑事律师团队>律师动态\n"
        "  • (2014)粤高法刑一终字第95号\n"
        "  • (2014)粤高法刑一终字第95号\n"
        "\n"
        "广东省高级人民法院刑事判决书\n"
        "\n"
        "(2014)粤高法刑一终字第95号原公诉机关广东省广州市人民检察院。\n"
        "\n"
        "内容介绍 / introduce\n"
        "\n"
        "广东省高级人民法院\n"
        "\n"
        "刑 事 判 决 书\n"
        "\n"
        "来源广州刑事律师程林权亲办案件\n"
        "\n"
        "(2014)粤高法刑一终字第95号\n"
        "\n"
        "  原公诉机关广东省广州市人民检察院。\n"
        "\n"
        "  上诉人(原审被告人)翁××,又名翁××,男,1963年7月17日出生,汉"
        "族,浙江省台州市人,文化程度初中,农民,住浙江省台州市黄岩区。1986年7月"
        "20日因犯破坏电力设备罪被浙江省台州市黄岩县人民法院判处有期徒刑七年,199"
        "2年3月29日刑满释放。因本案于2013年3月21日被羁押,次日被刑事拘留,"
        "同年4月27日被逮捕。现羁押于广东省广州市白云区看守所。\n"
        "\n"
        "  辩护人马景泽、陈焕欢,广东润科律师事务所律师。\n"
        "\n"
        "  上诉人(原审被告人)夏××,男,1970年2月12日出生,汉族,浙江省台"
        "州市人,文化程度小学,农民,住浙江省台州市黄岩区。2003年8月12日因犯故"
        "意伤害罪被浙江省台州市黄岩区人民法院判处有期徒刑三年,缓刑四年。因本案于20"
        "13年4月13日被刑事拘留,同年5月21日被逮捕。现羁押于广东省广州市白云区"
        "看守所。\n"
        "\n"
        "  辩护人程林权,广东执正律师事务所律师。\n"
        "\n"
        "  广东省广州市中级人民法院审理广东省广州市人民检察院指控原审被告人翁××、"
        "夏××犯故意伤害罪及原审附带民事原告人李某一、李某二提起附带民事诉讼一案,于"
        "2013年11月27日作出(2013)穗中法刑一初字第291号刑事附带民事判"
        "决。宣判后,原审被告人翁××、夏××对刑事判决不服,在上诉期内提出上诉。本案"
        "附带民事判决已生效。本院受理后,依法组成合议庭,经过审阅卷宗材料和上诉材"
    ),
    # page-09: 执行异议 ruling (异议人称), cut off
    "page-09": (
        "安徽省巢湖市人民法院\n"
        "执 行 裁 定 书\n"
        "(2021)皖0181执异25号\n"
        "异议人(利害关系人):安徽广宏园林建设有限公司,住所地巢湖市健康西路丽景国际"
        "。\n"
        "法定代表人:童锋,该公司总经理。\n"
        "申请执行人:***,男,1962年3月8日出生,汉族,住巢湖市。\n"
        "被执行人:**,男,1971年10月1日出生,汉族,住巢湖市。\n"
        "在本院执行***与**民间借贷纠纷一案中,安徽广宏园林建设有限公司(以下简称"
        "广宏园林公司)向本院提出书面异议。本院受理后,依法组成合议庭进行了审查,现已"
        "审查终结。\n"
        "异议人广宏园林公司称:巢湖市人民法院在执行***与**民间借借贷纠纷一案中,"
        "于2020年6月16日向异议人送达(2019)皖0181执365号协助执行通"
        "知书和执行裁定书,要求冻结**在异议人处的工程款73万元。对此,异议人不服,"
        "特提出执行异议。事实与理由:1、异议人目前不欠实际施工人**任何工程款项。2"
        "017年10月前,业主单位巢湖市苏湾镇人民政府支付的工程款,异议人均已与**"
        "本人结算。**失联后,业主单位仅于2018年10月24日支付一笔工程款711"
        "330元,该笔款已用于支付该工程必须支付的前期各项费用,异议人支付的上述前期"
        "各项费用共计达981220.25元(具体见支付明细,共8项),已超出2018"
        "年10月24日业主单位汇至异议人公司的工程款711330元,**目前已无工程"
        "款在异议人公司。2、2018年10月24日之后,案涉项目无任何工程来款。涉案"
        "工程业主单位虽然还欠工程尾款,但**在执行法院有多个案件,执行法院多次下达协"
        "助执行通知书和执行裁定书给业主单位,已将业主单位所欠工程尾款冻结,业主单位无"
        "法支付工程尾款。**不仅没有工程款在异议人公司,而且异议人还为**垫付数十万"
        "元工程相关费用,所以执行法院2020年6月16日作出(2019)皖0181执"
        "365号协助执行通知书和执行裁定书无法律依据。综上所述,异议人公"
    ),
    # page-14: transferred case: another court filed and heard it first
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
    # page-15: traditional characters, second-instance ruling, cut off
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
