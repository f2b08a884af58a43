"""Party extraction on real party blocks (assist.extract.parties, agents, party_roles).

Blocks are copied from the real dev documents (../shared/corpora/judgments), the CAIL2019-SCM
民间借贷 excerpts (names pseudonymised there) and two public judgment web pages; ID and phone
numbers are masked. Labels that none of those sources shows (再审申请人, 复议申请人, 案外人,
附带民事诉讼原告人, 集资参与人代表, 被告单位, 抗诉机关, 自诉人, 申请人/被申请人) are tested on
blocks written in the layout of real documents, with placeholder names (某某), marked below.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.document import AgentKind, Party, PartyKind, Role
from assist.extract.agents import agent_targets, describe_agent
from assist.extract.parties import find_parties, locate_party_block
from assist.extract.party_roles import party_kind, prior_role
from assist.text.normalize import make_text

AgentRow = tuple[str, AgentKind, str | None]
Row = tuple[str, Role, PartyKind, Role | None, tuple[AgentRow, ...]]


def P(
    name: str,
    role: Role,
    kind: PartyKind = "person",
    prior: Role | None = None,
    agents: tuple[AgentRow, ...] = (),
) -> Row:
    return (name, role, kind, prior, agents)


def A(name: str, kind: AgentKind = "citizen", firm: str | None = None) -> AgentRow:
    return (name, kind, firm)


def rows(text: str) -> list[Row]:
    return [
        (p.name, p.role, p.kind, p.prior_role, tuple((a.name, a.kind, a.firm) for a in p.agents))
        for p in find_parties(make_text(text))
    ]


REAL_BLOCKS: list[tuple[str, str, list[Row]]] = [
    (
        "fd-006 execution ruling",
        "临夏市人民法院\n执行裁定书\n（2017）甘2901执162号\n"
        "申请执行人胡加党，男，汉族，1974年11月28日出生，身份号码×××，住临夏市。\n"
        "被执行人马军，男，回族，1982年2月4日出生，身份号码×××，住临夏市。\n"
        "本院在执行申请执行人胡加党与被执行人马军装饰装修合同纠纷一案中，被执行人马军下落不明。",
        [P("胡加党", "enforcement_applicant"), P("马军", "enforcement_respondent")],
    ),
    (
        "fd-007 commutation: narrative starts with the court",
        "辽宁省大连市中级人民法院\n刑事裁定书\n（2017）辽02刑更392号\n"
        "罪犯蔡恒涛，男，1988年8月10日出生，汉族，辽宁省庄河市人，初中文化，现在辽宁省瓦房店监狱服"
        "刑。\n"
        "辽宁省大连市中级人民法院于2008年6月19日作出（2008）大刑一初字第101号刑事附带民事判决，"
        "以罪犯蔡恒涛犯故意伤害罪，判处无期徒刑。\n"
        "执行机关辽宁省瓦房店监狱于2017年3月27日提出减刑建议，报送本院审理。",
        [P("蔡恒涛", "convict")],
    ),
    (
        "fd-008 bank with 负责人 and a citizen agent",
        "黑龙江省嫩江县人民法院\n民事裁定书\n（2017）黑1121民初2345号\n"
        "原告：中国邮政储蓄银行股份有限公司嫩江县支行，住所地黑龙江省黑河市嫩江县墨尔根大街400号。"
        "\n"
        "负责人：杨春华，职务行长。\n"
        "委托诉讼代理人：崔立娜，女，1978年1月11日出生，现住黑龙江省嫩江县。\n"
        "被告：高海龙，男，1980年3月7日出生，原住黑龙江省嫩江县，现下落不明。\n"
        "原告中国邮政储蓄银行股份有限公司嫩江县支行与被告高海龙信用卡纠纷一案，本院于2017年8月17日"
        "立案。",
        [
            P(
                "中国邮政储蓄银行股份有限公司嫩江县支行",
                "plaintiff",
                "organization",
                None,
                (A("崔立娜"),),
            ),
            P("高海龙", "defendant"),
        ],
    ),
    (
        "fd-017 criminal, full-width indents",
        "天津市南开区人民法院\n刑  事  判   决  书\n\n(2001)南刑初字第26号 \n\n \n"
        "    公诉机关天津市南开区人民检察院。\n"
        "    被告人王明武，男，1970年11月14日出生，汉族，出生于天津市，初中文化，个体运输司机,"
        "住天津武清县汉沽港乡一街解放路国有胡同2号。2000年7月19日因本案被刑事拘留，同年7月25日被取"
        "保候审。\n"
        "    天津市南开区人民检察院以（2000）津南检诉第570号起诉书指控被告人王明武犯交通肇事罪。",
        [
            P("天津市南开区人民检察院", "prosecutor", "procuratorate"),
            P("王明武", "accused"),
        ],
    ),
    (
        "fd-018 counterclaim parenthesis is not a prior role",
        "天津市蓟县人民法院\n民  事  判  决  书\n（2008）蓟民初字第3354号\n"
        "原告（反诉被告）郭淑芹，女，1964年1月26日出生，汉族，下岗职工，住蓟县商业新楼4－403。\n"
        "委托代理人郭志东（原告朋友），男，住蓟县建材局家属院。\n"
        "被告（反诉原告）付合元，男，1959年5月8日出生，汉族，干部，住蓟县三府公寓6－1－101。\n"
        "委托代理人刘福来，正达律师事务所律师。\n"
        "    原告郭淑芹与被告付合元同居关系析产纠纷一案，本院于2008年6月12日立案受理。",
        [
            P("郭淑芹", "plaintiff", agents=(A("郭志东"),)),
            P("付合元", "defendant", agents=(A("刘福来", "lawyer", "正达律师事务所"),)),
        ],
    ),
    (
        "fd-020 lawyers and a legal worker",
        "天津市南开区人民法院\n民   事   判   决   书\n（2011）南民初字第5857号\n"
        "原告张焕生，女，1952年2月1日出生，汉族，无职业，住天津市南开区宾水道竹华里15-2-102。"
        "身份证号1201**********1528。\n"
        "委托代理人杨秀发，天津行通律师事务所律师。\n"
        "委托代理人郭霞东，广东环球经纬律师事务所律师。\n"
        "被告王明博，男，1956年12月24日出生，汉族，自由职业者，住天津市南开区红旗南路欣居园2-1-101"
        "。"
        "身份证号1201**********0713。\n"
        "委托代理人刘晟廷，天津寰平律师事务所律师。\n"
        "委托代理人王军，天津市南开区148专线法律服务所法律工作者。\n"
        "原告张焕生与被告王明博同居关系析产纠纷一案，本院受理后，依法由审判员阎忠民独任审判。",
        [
            P(
                "张焕生",
                "plaintiff",
                agents=(
                    A("杨秀发", "lawyer", "天津行通律师事务所"),
                    A("郭霞东", "lawyer", "广东环球经纬律师事务所"),
                ),
            ),
            P(
                "王明博",
                "defendant",
                agents=(
                    A("刘晟廷", "lawyer", "天津寰平律师事务所"),
                    A("王军", "legal_worker", "天津市南开区148专线法律服务所"),
                ),
            ),
        ],
    ),
    (
        "fd-022 third party company with 法定代表人",
        "天津市红桥区人民法院\n民    事    判    决    书\n　　　　           (2006)红民一初字第69"
        "6号\n"
        "原告窦少明，男，1949年9月2日出生，回族，天津市电器元件厂下岗职工，住址天津市南开区春畅里5"
        "号楼2门204号。\n"
        "原告钱成，男，1982年2月17日出生，回族，无职业，住址天津市和平区荣吉大街吉庆巷1号。\n"
        "被告窦玉萍，女，1958年10月15日出生，回族，第三自动化仪表厂退休，住址不详。\n"
        "委托代理人窦玉琴（姐妹关系），基本情况同前。\n"
        "第三人天津红桥拆迁有限公司，\n法定代表人张乃正，职务经理。\n委托代理人刘颐，职务该公司干"
        "部。\n"
        "原告窦少明、钱成与被告窦少琴等6人分家析产纠纷一案，本院于2006年3月30日立案受理。",
        [
            P("窦少明", "plaintiff"),
            P("钱成", "plaintiff"),
            P("窦玉萍", "defendant", agents=(A("窦玉琴"),)),
            P("天津红桥拆迁有限公司", "third_party", "organization", agents=(A("刘颐"),)),
        ],
    ),
    (
        "fd-025 三原告委托代理人 speaks for all three plaintiffs",
        "天津市南开区人民法院\n民   事   判   决   书（稿）\n（2003）南民初字第4666号\n"
        "原告陆学智，男，1944年4月9日出生，汉族，新疆奎屯农七师125团工人，住新疆奎屯农七师125团毛"
        "巾厂065号。\n"
        "委托代理人陆桂苓，女，1957年11月7日出生，汉族，天津市城西供电局工人，住天津市河北区南口路"
        "白庙变电站宿舍。\n"
        "原告陆桂兰，女，1947年11月16日出生，汉族，天津市绘图仪器厂退休工人，住天津市南开区西湖道"
        "卧龙北里9-3-405号。\n"
        "原告陆桂苓，基本情况同原告陆学智委托代理人陆桂苓。\n"
        "三原告委托代理人郑超言，天津市南开区148专线法律服务所法律工作者。\n"
        "被告陆学汉，男，1951年8月27日出生，汉族，天津市中环电子仪器厂工人，住天津市南开区雅安道云"
        "龙南里4-4-401号。\n"
        "委托代理人王九三，越达律师事务所律师。\n"
        "原告陆学智、陆桂兰、陆桂苓与被告陆学汉法定继承纠纷一案，本院受理后。",
        [
            P(
                "陆学智",
                "plaintiff",
                agents=(A("陆桂苓"), A("郑超言", "legal_worker", "天津市南开区148专线法律服务所")),
            ),
            P(
                "陆桂兰",
                "plaintiff",
                agents=(A("郑超言", "legal_worker", "天津市南开区148专线法律服务所"),),
            ),
            P(
                "陆桂苓",
                "plaintiff",
                agents=(A("郑超言", "legal_worker", "天津市南开区148专线法律服务所"),),
            ),
            P("陆学汉", "defendant", agents=(A("王九三", "lawyer", "越达律师事务所"),)),
        ],
    ),
    (
        "fd-031 paragraphs separated by spaces; two agents sharing a firm",
        "河北省张家口市中级人民法院 民事判决书 （2013）张商初字第145号 原告刘冶平。 "
        "委托代理人刘冶东，系刘冶平之弟。 原告刘冶东。 "
        "委托代理人刘轶，系宣化区南大街街道办事处东马道社区居民委员会推荐。 "
        "被告张家口市博杨房地产开发有限公司，住所地张家口宣化区。 法定代表人马开基，该公司董事长。 "
        "委托代理人蒋书锋、王瑞，河北海龙律师事务所律师。 被告宣化县农村信用合作联社，住所地宣化区"
        "。 "
        "法定代表人李培兴，该信用社理事长。 委托代理人张文河，河北天权律师事务所律师。 "
        "原告刘冶平、刘冶东与被告张家口市博杨房地产开发有限公司、宣化县农村信用合作联社商品房买卖"
        "合同纠纷一案，",
        [
            P("刘冶平", "plaintiff", agents=(A("刘冶东"),)),
            P("刘冶东", "plaintiff", agents=(A("刘轶"),)),
            P(
                "张家口市博杨房地产开发有限公司",
                "defendant",
                "organization",
                agents=(
                    A("蒋书锋", "lawyer", "河北海龙律师事务所"),
                    A("王瑞", "lawyer", "河北海龙律师事务所"),
                ),
            ),
            P(
                "宣化县农村信用合作联社",
                "defendant",
                "organization",
                agents=(A("张文河", "lawyer", "河北天权律师事务所"),),
            ),
        ],
    ),
    (
        "fd-033 firm branch office; in-house counsel is a citizen",
        "南京市玄武区人民法院 民事裁定书 （2013）玄民辖初字第21号 原告陈前，男。 "
        "委托代理人周文辉，南京正义法律服务所法律工作者。 "
        "被告上海通用汽车有限公司，住所地在上海市浦东新区申江路1500号。 "
        "法定代表人TIMOTHYEBYLEE，上海通用汽车有限公司董事长。 "
        "委托代理人童俊彦，上海通用汽车有限公司公司法律顾问。 委托代理人吴毅，康达律师事务所上海分"
        "所律师。 "
        "本院受理原告陈前与被告上海通用汽车有限公司买卖合同纠纷一案中，",
        [
            P("陈前", "plaintiff", agents=(A("周文辉", "legal_worker", "南京正义法律服务所"),)),
            P(
                "上海通用汽车有限公司",
                "defendant",
                "organization",
                agents=(A("童俊彦"), A("吴毅", "lawyer", "康达律师事务所上海分所")),
            ),
        ],
    ),
    (
        "fd-034 two defence lawyers in one line",
        "成都市武侯区人民法院 刑事判决书 （2014）武侯刑初字第277号 公诉机关成都市武侯区人民检察院"
        "。 "
        "被告人黄恨。 辩护人蔡军、陈余，四川维信律师事务所律师。 "
        "成都市武侯区人民检察院以成武检公诉刑诉（2014）196号起诉书指控被告人黄恨犯贩卖毒品罪，",
        [
            P("成都市武侯区人民检察院", "prosecutor", "procuratorate"),
            P(
                "黄恨",
                "accused",
                agents=(
                    A("蔡军", "lawyer", "四川维信律师事务所"),
                    A("陈余", "lawyer", "四川维信律师事务所"),
                ),
            ),
        ],
    ),
    (
        "page-01 no newlines at all",
        "浙江省新昌县人民法院民 事 判 决 书(2015)绍新商初字第195号原告:何锴,农民。被告:陈晓春。"
        "原告何锴为与被告陈晓春民间借贷纠纷一案,于2015年1月26日向本院起诉,本院于同日立案受理后,",
        [P("何锴", "plaintiff"), P("陈晓春", "defendant")],
    ),
    (
        "page-02 several accused, an intern lawyer, masked names",
        "福建省安溪县人民法院刑 事 判 决 书(2014)安刑初字第994号公诉机关福建省安溪县人民检察院。"
        "被告人陈志强,男,1991年3月2日出生,汉族,安溪县人,初中文化,无业,住安溪县。"
        "因本案于2014年5月15日被刑事拘留,同年6月21日被逮捕。现被羁押于安溪县看守所。"
        "辩护人赵志强、沈培兰(实习),福建联谊律师事务所律师。"
        "被告人田茂军,曾用名田伦军,男,1979年7月5日出生,汉族,贵州省桐梓县人,初中文化,无业,住安溪县。"
        "被告人王某某,女,1992年11月9日出生,汉族,安溪县人,初中文化,无业,住安溪县长坑乡南斗村石牌***"
        "号。"
        "因本案于2014年5月15日被刑事拘留,同年6月21日被逮捕,同年12月19日被本院取保候审。现在家。"
        "安溪县人民检察院以安检诉刑诉(2014)1572号起诉书指控被告人陈志强、田茂军、王某某、",
        [
            P("福建省安溪县人民检察院", "prosecutor", "procuratorate"),
            P(
                "陈志强",
                "accused",
                agents=(
                    A("赵志强", "lawyer", "福建联谊律师事务所"),
                    A("沈培兰", "lawyer", "福建联谊律师事务所"),
                ),
            ),
            P("田茂军", "accused"),
            P("王某某", "accused"),
        ],
    ),
    (
        "page-04 administrative: a government 运输管理所 is an agency",
        "淮安市淮阴区人民法院行 政 判 决 书(2014)淮行初字第0033号原告陈虎。"
        "委托代理人杨沫,江苏冠誉律师事务所律师。被告淮安市淮阴区运输管理所,住所地淮阴区北京西路**"
        "号。"
        "法定代表人陈如春,职务所长。委托代理人李赞军,淮安市运输管理处法制科科长。"
        "委托代理人张磊,江苏岸庆律师事务所律师。"
        "原告陈虎诉被告淮安市淮阴区运输管理所(以下称淮阴区运管所)不服运输行政处罚一案,",
        [
            P("陈虎", "plaintiff", agents=(A("杨沫", "lawyer", "江苏冠誉律师事务所"),)),
            P(
                "淮安市淮阴区运输管理所",
                "defendant",
                "agency",
                agents=(A("李赞军"), A("张磊", "lawyer", "江苏岸庆律师事务所")),
            ),
        ],
    ),
    (
        "page-05 public-interest plaintiff",
        "浙江海蓝化工集团有限公司环境污染责任纠纷一审民事判决书 江西省浮梁县人民法院 民 事 判 决 "
        "书 "
        "(2020)赣0222民初796号 公益诉讼起诉人:江西省浮梁县人民检察院。 "
        "被告:浙江海蓝化工集团有限公司,住所地浙江省衢州市。 法定代表人:叶明生,该公司总经理。 "
        "委托诉讼代理人:施向东,江西晨天律师事务所律师。 "
        "公益诉讼起诉人江西省浮梁县人民检察院(以下简称浮梁县检察院)与被告浙江海蓝化工集团有限公司"
        "(以下简称海蓝公司)环境污染民事公益诉讼一案,",
        [
            P("江西省浮梁县人民检察院", "public_interest_plaintiff", "procuratorate"),
            P(
                "浙江海蓝化工集团有限公司",
                "defendant",
                "organization",
                agents=(A("施向东", "lawyer", "江西晨天律师事务所"),),
            ),
        ],
    ),
    (
        "page-06 site clutter repeats the header; appellants with prior role accused",
        "您现在的位置:首页>广州刑事律师团队>律师动态\n  • (2014)粤高法刑一终字第95号\n\n"
        "广东省高级人民法院刑事判决书\n\n(2014)粤高法刑一终字第95号原公诉机关广东省广州市人民检察"
        "院。\n\n"
        "内容介绍 / introduce\n\n广东省高级人民法院\n\n刑 事 判 决 书\n\n来源广州刑事律师程林权亲"
        "办案件\n\n"
        "(2014)粤高法刑一终字第95号\n\n  原公诉机关广东省广州市人民检察院。\n\n"
        "  上诉人(原审被告人)翁××,又名翁××,男,1963年7月17日出生,汉族,浙江省台州市人,文化程度初中,"
        "农民,住浙江省台州市黄岩区。1986年7月20日因犯破坏电力设备罪被浙江省台州市黄岩县人民法院"
        "判处有期徒刑七年,1992年3月29日刑满释放。\n\n"
        "  辩护人马景泽、陈焕欢,广东润科律师事务所律师。\n\n"
        "  上诉人(原审被告人)夏××,男,1970年2月12日出生,汉族,浙江省台州市人,文化程度小学,农民。\n\n"
        "  辩护人程林权,广东执正律师事务所律师。\n\n"
        "  广东省广州市中级人民法院审理广东省广州市人民检察院指控原审被告人翁××、夏××犯故意伤害罪"
        "一案,",
        [
            P("广东省广州市人民检察院", "prosecutor", "procuratorate"),
            P(
                "翁××",
                "appellant",
                prior="accused",
                agents=(
                    A("马景泽", "lawyer", "广东润科律师事务所"),
                    A("陈焕欢", "lawyer", "广东润科律师事务所"),
                ),
            ),
            P(
                "夏××",
                "appellant",
                prior="accused",
                agents=(A("程林权", "lawyer", "广东执正律师事务所"),),
            ),
        ],
    ),
    (
        "page-08 non-litigation execution: agency against a company",
        "中华人民共和国\n山东省邹平市人民法院\n行 政 裁 定 书\n(2021)鲁1681行审18号\n"
        "申请执行人邹平市自然资源和规划局,住所地邹平市鹤伴二路599号。\n法定代表人丁峰,局长。\n"
        "被申请执行人邹平县江泉工贸有限公司,住所地邹平市长山镇官庄村。\n法定代表人梁玉坡,经理。\n"
        "邹平市自然资源和规划局向本院申请执行被申请执行人邹平县江泉工贸有限公司土地行政处罚一案,",
        [
            P("邹平市自然资源和规划局", "enforcement_applicant", "agency"),
            P("邹平县江泉工贸有限公司", "enforcement_respondent", "organization"),
        ],
    ),
    (
        "page-09 objector (利害关系人) and masked names",
        "安徽省巢湖市人民法院\n执 行 裁 定 书\n(2021)皖0181执异25号\n"
        "异议人(利害关系人):安徽广宏园林建设有限公司,住所地巢湖市健康西路丽景国际。\n"
        "法定代表人:童锋,该公司总经理。\n申请执行人:***,男,1962年3月8日出生,汉族,住巢湖市。\n"
        "被执行人:**,男,1971年10月1日出生,汉族,住巢湖市。\n"
        "在本院执行***与**民间借贷纠纷一案中,安徽广宏园林建设有限公司向本院提出书面异议。",
        [
            P("安徽广宏园林建设有限公司", "objector", "organization"),
            P("***", "enforcement_applicant"),
            P("**", "enforcement_respondent"),
        ],
    ),
    (
        "page-11 title line before the header; agencies; legal worker outside a 法律服务所",
        "锡林浩特市兴盛建筑安装有限责任公司\n\n锡林浩特市兴盛建筑安装有限责任公司与多伦县人力资源"
        "和社会保障局、"
        "多伦县人民政府行政裁决一审行政判决书\n\n来源:中国裁判文书网\n内蒙古自治区多伦县人民法院\n"
        "\n"
        "p t ” > 行 政 判 决 书\n\n(2017)内2531行初3号\n\n"
        "原告:锡林浩特市兴盛建筑安装有限责任公司,住所:锡市杭办区。\n\n"
        "法定代表人:盛福山,职务:公司总经理。\n\n委托代理人:张金泉,多伦县148协调指挥中心法律工作者"
        "。\n\n"
        "被告:多伦县人力资源和社会保障局,地址:多伦县党政办公楼127室。\n\n"
        "委托代理人徐长祥,内蒙古恃法律师事务所律师。\n\n被告:多伦县人民政府,地址:多伦县诺尔镇党政"
        "办公楼。\n\n"
        "法定代表人:刘建军,职务:县长。\n\n委托代理人:任大为,职务:多伦县人民政府法制办主任。\n\n"
        "原告锡林浩特市兴盛建筑安装有限责任公司(以下简称兴盛公司)不服被告多伦县人力资源和社会保障"
        "局劳动行政裁决一案,",
        [
            P(
                "锡林浩特市兴盛建筑安装有限责任公司",
                "plaintiff",
                "organization",
                agents=(A("张金泉", "legal_worker", "多伦县148协调指挥中心"),),
            ),
            P(
                "多伦县人力资源和社会保障局",
                "defendant",
                "agency",
                agents=(A("徐长祥", "lawyer", "内蒙古恃法律师事务所"),),
            ),
            P("多伦县人民政府", "defendant", "agency", agents=(A("任大为"),)),
        ],
    ),
    (
        "page-12 masked organisation; a village committee is an agency",
        "来源:中国裁判文书网\n浙江省东阳市人民法院\n民事判决书\n(2025)浙0783民初5039号\n"
        "原告:浙江某乙有限公司,住所地东阳市。\n法定代表人:吕某,董事长。\n委托诉讼代理人:金某某。\n"
        "被告:浙江省金华市东阳市某某委员会,住东阳市。\n法定代表人:周某。\n"
        "原告浙江某乙有限公司(以下简称某公司)为与被告浙江省金华市东阳市某某委员会(以下简称某某村)"
        "建设工程施工合同纠纷一案,",
        [
            P("浙江某乙有限公司", "plaintiff", "organization", agents=(A("金某某"),)),
            P("浙江省金华市东阳市某某委员会", "defendant", "agency"),
        ],
    ),
    (
        "page-13 以上二被告共同委托诉讼代理人; a firm name with a bracket",
        "广东省珠海市香洲区人民法院\n民 事 判 决 书\n(2021)粤0402民初6343号\n"
        "原告:***,男,1983年4月3日出生,汉族,身份证住址:湖南省江永县。\n"
        "委托诉讼代理人:林绮华,广东国晖(中山)律师事务所律师。\n"
        "被告:中交第二航务工程局有限公司珠海分公司,住所:珠海市香洲南香里二街1号2栋1单元302房。\n负"
        "责人:李浩。\n"
        "被告:中交第二航务工程局有限公司,住所:武汉市东西湖区金银湖路11号。\n法定代表人:由瑞凯,董事"
        "长。\n"
        "以上二被告共同委托诉讼代理人:熊茜,系公司员工。\n"
        "被告:大恒建设集团有限公司,住所:珠海市香洲区香洲银桦路8号1505房(1)。\n法定代表人:邱位能。\n"
        "委托诉讼代理人:吴文仪,广东嘉骏律师事务所律师。\n"
        "原告***诉被告中交第二航务工程局有限公司珠海分公司劳动争议一案,本院于2021年3月5日受理后,",
        [
            P("***", "plaintiff", agents=(A("林绮华", "lawyer", "广东国晖(中山)律师事务所"),)),
            P(
                "中交第二航务工程局有限公司珠海分公司",
                "defendant",
                "organization",
                agents=(A("熊茜"),),
            ),
            P("中交第二航务工程局有限公司", "defendant", "organization", agents=(A("熊茜"),)),
            P(
                "大恒建设集团有限公司",
                "defendant",
                "organization",
                agents=(A("吴文仪", "lawyer", "广东嘉骏律师事务所"),),
            ),
        ],
    ),
    (
        "page-14 a 法律服务所 worker who calls himself 律师工作者",
        "四川省内江市市中区人民法院\n民 事 判 决 书\n(2021)川1002民初2898号\n"
        "原告:中建伟诚集团有限公司,住所地汶川县。\n法定代表人:廖登涛,系该公司执行董事。\n"
        "委托诉讼代理人:孙险峰(系公司员工),男,汉族,住成都金牛区。\n"
        "委托诉讼代理人:何成勇,四川君合律师事务所律师。\n被告:**,男,汉族,住四川省德阳市旌阳区。\n"
        "委托诉讼代理人:王文,资中县新桥法律服务所律师工作者。\n"
        "原告中建伟诚集团有限公司与被告**追索劳动报酬纠纷一案于2021年5月28日在四川省资中县人民法院"
        "立案后,",
        [
            P(
                "中建伟诚集团有限公司",
                "plaintiff",
                "organization",
                agents=(A("孙险峰"), A("何成勇", "lawyer", "四川君合律师事务所")),
            ),
            P("**", "defendant", agents=(A("王文", "legal_worker", "资中县新桥法律服务所"),)),
        ],
    ),
    (
        "page-15 traditional characters",
        "湖南省岳陽市中級人民法院\n刑 事 裁 定 書\n(2017)湘06刑終359號\n原公訴機關湖南省岳陽市云溪"
        "區人民檢察院。\n"
        "上訴人(原審被告人)賀清泉(曾用名:賀小牛),男,1971年9月1日出生于湖南省岳陽縣,漢族,本科文化。"
        "\n"
        "辯護人盧四海,湖南民望律師事務所律師。\n辯護人趙民,湖南金駿律師事務所律師。\n"
        "原審被告人姚秋平,男,1960年7月20日出生于湖南省岳陽縣,漢族,本科文化,住湖南省岳陽市云溪區云"
        "溪鎮。\n"
        "湖南省岳陽市云溪區人民法院審理湖南省岳陽市云溪區人民檢察院指控原審被告人姚秋平、賀清泉犯"
        "環境監管失職罪一案,",
        [
            P("湖南省岳阳市云溪区人民检察院", "prosecutor", "procuratorate"),
            P(
                "贺清泉",
                "appellant",
                prior="accused",
                agents=(
                    A("卢四海", "lawyer", "湖南民望律师事务所"),
                    A("赵民", "lawyer", "湖南金骏律师事务所"),
                ),
            ),
            P("姚秋平", "accused"),
        ],
    ),
    (
        "web page (2013)南市民二终字第282号: 一审 roles, masked firms, no newlines",
        "广西壮族自治区南宁市中级人民法院民 事 判 决 书(2013)南市民二终字第282号上诉人(一审被告):"
        "王之贤。"
        "被上诉人(一审原告):吴艳。委托代理人:陆春霞,**律师事务所律师。被上诉人(一审原告):韦利民。"
        "被上诉人(一审原告):韦伟庆。一审被告:唐海盛。一审第三人:李盛德。"
        "上诉人王之贤因与被上诉人吴艳、韦利民、韦伟庆委托合同纠纷一案,不服南宁市良庆区人民法院"
        "(2011)良民二初字第302号民事判决,向本院提起诉讼。",
        [
            P("王之贤", "appellant", prior="defendant"),
            P(
                "吴艳",
                "appellee",
                prior="plaintiff",
                agents=(A("陆春霞", "lawyer", "**律师事务所"),),
            ),
            P("韦利民", "appellee", prior="plaintiff"),
            P("韦伟庆", "appellee", prior="plaintiff"),
            P("唐海盛", "defendant"),
            P("李盛德", "third_party"),
        ],
    ),
    (
        "web page (1999)沪一中知初字第60号: traditional, 以上两被告共同的委托代理人, 清算组",
        "中 華 人 民 共 和 國 上 海 市 第 一 中 級 人 民 法 院\n民 事 判 決 書\n(1999)滬一中知初字"
        "第60號\n"
        "原告上海嘉華大誠會計師事務所清算組,住所地:上海市嘉定區嘉定鎮塔城路316號。\n負責人黃金琦,"
        "清算組組長。\n"
        "委托代理人潘志強,鄭傳本律師事務所律師。\n被告上海中洲會計師事務所清算組,住所地:上海市康平"
        "路205號。\n"
        "被告沈衛,女,漢族,1950年2月10日出生,住址:上海市水城路45弄13號401室。\n"
        "以上兩被告共同的委托代理人徐申民、楊軍,上海市華誠律師事務所律師。\n"
        "原告上海嘉華大誠會計師事務所與被告上海中洲會計師事務所(下簡稱中洲所)、沈衛侵犯商業秘密糾"
        "紛一案,",
        [
            P(
                "上海嘉华大诚会计师事务所清算组",
                "plaintiff",
                "organization",
                agents=(A("潘志强", "lawyer", "郑传本律师事务所"),),
            ),
            P(
                "上海中洲会计师事务所清算组",
                "defendant",
                "organization",
                agents=(
                    A("徐申民", "lawyer", "上海市华诚律师事务所"),
                    A("杨军", "lawyer", "上海市华诚律师事务所"),
                ),
            ),
            P(
                "沈卫",
                "defendant",
                agents=(
                    A("徐申民", "lawyer", "上海市华诚律师事务所"),
                    A("杨军", "lawyer", "上海市华诚律师事务所"),
                ),
            ),
        ],
    ),
]

CAIL_BLOCKS: list[tuple[str, list[Row]]] = [
    # Labels glued to names, no punctuation at all.
    (
        "原告吴某被告吴某被告付某\n\n原告吴某诉称",
        [P("吴某", "plaintiff"), P("吴某", "defendant"), P("付某", "defendant")],
    ),
    (
        "原告：胡创国被告：杜栋杰\n\n原告胡创国向本院提出诉讼请求",
        [P("胡创国", "plaintiff"), P("杜栋杰", "defendant")],
    ),
    (
        "原告王某1，男，汉族，1970年12月7日出生，农民，现住内蒙古自治区鄂尔多斯市。公民身份号码×××"
        "被告贺某1，男，汉族，1972年12月7日出生，职工。公民身份号码×××"
        "被告吴玲（系贺某1妻子），女，汉族，1972年2月25日出生。公民身份号码×××\n\n原告王某1诉称",
        [P("王某1", "plaintiff"), P("贺某1", "defendant"), P("吴玲", "defendant")],
    ),
    (
        "原告李某1，汉族，1959年1月15日出生，福建省福州市鼓楼区。"
        "被告林玉贵男，汉族，1973年12月31日出生，住福建省福州市仓山区。\n\n原告李某1诉称",
        [P("李某1", "plaintiff"), P("林玉贵", "defendant")],
    ),
    (
        "原告张某1，1991年8月17日出生，汉族，住广东省东莞市，被告黎某1，男，1989年9月20日出生，汉"
        "族，"
        "住广东省高州市，\n\n原告张某1向本院提出诉讼请求",
        [P("张某1", "plaintiff"), P("黎某1", "defendant")],
    ),
    (
        "原告：牛某1，男，1972年11月10日出生，汉族，无业，住山西省太原市。"
        "委托诉讼代理人：李晓星，山西新国泰律师事务所律师。"
        "被告：山西智伟基业房地产开发有限公司，住山西省太原市小店区。法定代表人：李欣，总经理。"
        "被告：冯某1，男，1970年6月29日出生，汉族，住山西省太原市。"
        "以上被告共同委托诉讼代理人：李建业，男，1955年8月30日出生，汉族，山西智伟基业房地产开发有"
        "限公司职工。"
        "\n\n原告牛某1向本院提出诉讼请求",
        [
            P("牛某1", "plaintiff", agents=(A("李晓星", "lawyer", "山西新国泰律师事务所"),)),
            P("山西智伟基业房地产开发有限公司", "defendant", "organization", agents=(A("李建业"),)),
            P("冯某1", "defendant", agents=(A("李建业"),)),
        ],
    ),
    (
        "原告：付某1，女，1965年8月8日出生，汉族，居民。住商城县。原告：付某2，男，1987年9月7日出"
        "生，汉族，"
        "居民。住商城县（系原告付某1的儿子）。共同委托诉讼代理人：程晋科，男，河南太平律师事务所法"
        "律工作者。"
        "被告：匡某1，男，1963年9月21日出生，汉族，居民。住商城县。\n\n原告付某1向本院提出诉讼请求",
        [
            P("付某1", "plaintiff", agents=(A("程晋科", "legal_worker", "河南太平律师事务所"),)),
            P("付某2", "plaintiff", agents=(A("程晋科", "legal_worker", "河南太平律师事务所"),)),
            P("匡某1", "defendant"),
        ],
    ),
    (
        "原告：陶某1，男，1934年6月15日出生，汉族。委托诉讼代理人：余章谦，十堰市郧阳区城东法律服"
        "务所法律工作者。"
        "代理权限：特别授权，即代为承认、放弃、变更诉讼请求，进行调解，代收法律文书，提起上诉等。"
        "被告：杨某1，女，1967年9月10日出生，汉族。\n\n陶某1向本院提出诉讼请求",
        [
            P(
                "陶某1",
                "plaintiff",
                agents=(A("余章谦", "legal_worker", "十堰市郧阳区城东法律服务所"),),
            ),
            P("杨某1", "defendant"),
        ],
    ),
    (
        "原告杨某1，男，汉族，住所地：广东省珠海市香洲区，身份证号码：×××6517。"
        "诉讼代理人容浩，广东信广律师事务所律师。诉讼代理人江润凯。"
        "被告陈某1，女，汉族，住所地：广东省佛山市禅城区。\n\n原告杨某1诉称",
        [
            P(
                "杨某1",
                "plaintiff",
                agents=(A("容浩", "lawyer", "广东信广律师事务所"), A("江润凯")),
            ),
            P("陈某1", "defendant"),
        ],
    ),
    (
        "原告：王某1。委托代理人（特别授权）：赵某。被告：胡某1。被告：榆树市振邦房地产开发有限公"
        "司法定代表人：王某2，"
        "系经理。\n\n原告王某1诉称",
        [
            P("王某1", "plaintiff", agents=(A("赵某"),)),
            P("胡某1", "defendant"),
            P("榆树市振邦房地产开发有限公司", "defendant", "organization"),
        ],
    ),
    (
        "原告：叶某1，男，1988年1月12日出生，汉族，住浙江省淳安县。被告：车某1，男，1967年5月21日"
        "出生，汉族。"
        "第三人：石相林，男，1987年9月15日出生，汉族，住山东省郓城县。\n\n原告叶某1向本院提出诉讼"
        "请求",
        [P("叶某1", "plaintiff"), P("车某1", "defendant"), P("石相林", "third_party")],
    ),
    (
        "原告黄某1。被告昌邑市北孟镇常兴屯村村民委员会。法定代表人贺世魁，村主任。\n\n原告黄某1诉"
        "称",
        [P("黄某1", "plaintiff"), P("昌邑市北孟镇常兴屯村村民委员会", "defendant", "agency")],
    ),
]

# Written in the layout of real documents (placeholder names): labels the corpora lack.
CONSTRUCTED_BLOCKS: list[tuple[str, list[Row]]] = [
    (
        "最高人民法院\n民 事 裁 定 书\n（2016）最高法民申3081号\n"
        "再审申请人（一审被告、二审上诉人）：甘肃某某建设工程有限公司，住所地甘肃省兰州市城关区。\n"
        "法定代表人：张某，该公司董事长。\n委托诉讼代理人：李某，甘肃某某律师事务所律师。\n"
        "被申请人（一审原告、二审被上诉人）：王某某，男，1970年1月1日出生，汉族，住甘肃省兰州市。\n"
        "一审第三人：兰州某某房地产开发有限公司，住所地甘肃省兰州市。\n"
        "再审申请人甘肃某某建设工程有限公司因与被申请人王某某建设工程施工合同纠纷一案，不服甘肃省"
        "高级人民法院判决。",
        [
            P(
                "甘肃某某建设工程有限公司",
                "retrial_applicant",
                "organization",
                "defendant",
                (A("李某", "lawyer", "甘肃某某律师事务所"),),
            ),
            P("王某某", "retrial_respondent", prior="plaintiff"),
            P("兰州某某房地产开发有限公司", "third_party", "organization"),
        ],
    ),
    (
        "某某市中级人民法院\n执 行 裁 定 书\n（2020）某01执复12号\n"
        "复议申请人（利害关系人）：某某银行股份有限公司某某分行，住所地某某市。\n负责人：赵某，该"
        "分行行长。\n"
        "申请执行人：孙某，男，1980年1月1日出生，汉族，住某某市。\n被执行人：某某置业有限公司，住"
        "所地某某市。\n"
        "复议申请人某某银行股份有限公司某某分行不服某某区人民法院执行裁定，向本院申请复议。",
        [
            P("某某银行股份有限公司某某分行", "applicant", "organization"),
            P("孙某", "enforcement_applicant"),
            P("某某置业有限公司", "enforcement_respondent", "organization"),
        ],
    ),
    (
        "某某县人民法院\n执 行 裁 定 书\n（2019）某0102执异5号\n"
        "案外人：李某某，女，1975年3月1日出生，汉族，住某某县。\n"
        "委托诉讼代理人：周某，某某县某某法律服务所法律工作者。\n"
        "申请执行人：某某小额贷款有限公司，住所地某某县。\n"
        "在本院执行申请执行人某某小额贷款有限公司与被执行人王某民间借贷纠纷一案中，案外人李某某提"
        "出书面异议。",
        [
            P("李某某", "objector", agents=(A("周某", "legal_worker", "某某县某某法律服务所"),)),
            P("某某小额贷款有限公司", "enforcement_applicant", "organization"),
        ],
    ),
    (
        "某某市中级人民法院\n刑 事 判 决 书\n（2019）某01刑初5号\n公诉机关某某市人民检察院。\n"
        "附带民事诉讼原告人张甲，男，1960年1月1日出生，汉族，农民，系被害人张乙之父。\n"
        "集资参与人代表刘某某，男，1955年1月1日出生，汉族，住某某市。\n"
        "被告单位某某投资咨询有限公司，住所地某某市某某区。\n诉讼代表人陈某，该公司员工。\n"
        "被告人（附带民事诉讼被告人）吴某某，男，1975年1月1日出生，汉族，住某某市。"
        "因涉嫌非法吸收公众存款罪于2018年3月1日被刑事拘留。\n"
        "指定辩护人郑某，某某律师事务所律师。\n"
        "某某市人民检察院以某检刑诉（2019）3号起诉书指控被告单位某某投资咨询有限公司、被告人吴某某"
        "犯非法吸收公众存款罪。",
        [
            P("某某市人民检察院", "prosecutor", "procuratorate"),
            P("张甲", "other"),
            P("刘某某", "other"),
            P("某某投资咨询有限公司", "accused", "organization"),
            P("吴某某", "accused", agents=(A("郑某", "lawyer", "某某律师事务所"),)),
        ],
    ),
    (
        "某某省高级人民法院\n刑 事 判 决 书\n（2017）某刑再3号\n抗诉机关某某省人民检察院。\n"
        "原审被告人郭某，男，1966年6月6日出生，汉族，住某某市。\n"
        "某某市中级人民法院审理某某市人民检察院指控原审被告人郭某犯受贿罪一案，于2015年1月1日作出"
        "判决。",
        [P("某某省人民检察院", "prosecutor", "procuratorate"), P("郭某", "accused")],
    ),
    (
        "某某省某某市中级人民法院\n刑 事 裁 定 书\n（2018）某01刑更1234号\n"
        "罪犯陈某某，男，1980年4月4日出生，汉族，初中文化，现在某某监狱服刑。\n"
        "罪犯陈某某因犯抢劫罪，经某某市中级人民法院于2010年5月5日以刑事判决，判处有期徒刑十五年。",
        [P("陈某某", "convict")],
    ),
    (
        "某某县人民法院\n民 事 裁 定 书\n（2021）某0521财保10号\n"
        "申请人：某某建材有限公司，住所地某某县。\n被申请人：某某建筑工程有限公司，住所地某某县。\n"
        "申请人某某建材有限公司于2021年3月1日向本院提出诉前财产保全申请。",
        [
            P("某某建材有限公司", "applicant", "organization"),
            P("某某建筑工程有限公司", "respondent", "organization"),
        ],
    ),
    (
        "某某区人民法院\n刑 事 判 决 书\n（2018）某0105刑初300号\n"
        "自诉人黄某，女，1985年1月1日出生，汉族，住某某区。\n被告人杨某，男，1983年2月2日出生，汉"
        "族。\n"
        "自诉人黄某以被告人杨某犯侮辱罪，于2018年4月1日向本院提起控诉。",
        [P("黄某", "other"), P("杨某", "accused")],
    ),
    (
        "某某县人民法院\n行 政 判 决 书\n（2019）某0102行初15号\n原告张某，男，1970年1月1日出生，"
        "汉族。\n"
        "被告某某县自然资源局，住所地某某县。\n法定代表人李某，局长。\n出庭负责人王某，副局长。\n"
        "第三人某某县第三人民医院，住所地某某县。\n"
        "原告张某不服被告某某县自然资源局土地行政处罚，于2019年3月1日向本院提起行政诉讼。",
        [
            P("张某", "plaintiff"),
            P("某某县自然资源局", "defendant", "agency"),
            P("某某县第三人民医院", "third_party", "organization"),
        ],
    ),
]


CONSTRUCTED_BLOCKS += [
    (
        "某某县人民检察院起诉书某检刑诉〔2018〕184号被告人李某，男，1983年6月27日出生，汉族，住某某县。"
        "本案由某某县公安局侦查终结，以被告人李某涉嫌贩卖毒品罪，移送本院审查起诉。",
        [P("李某", "accused")],
    ),
    (
        "某某市市场监督管理局\n行政处罚决定书\n某市监罚〔2020〕12号\n当事人：某某食品有限公司，住所地某某市。\n"
        "法定代表人：王某\n经查，当事人于2020年5月1日销售不符合安全标准的食品。",
        [P("某某食品有限公司", "other", "organization")],
    ),
    # The last entry runs into the narrative after a blank instead of 。.
    (
        "(2019)某0101民初1号 原告：张三，男。 被告：李四，男，住某某县 "
        "原告张三与被告李四民间借贷纠纷一案，本院于2019年3月1日立案。",
        [P("张三", "plaintiff"), P("李四", "defendant")],
    ),
    # 经济技术开发区 courts open narratives too; a record with 一案 and 诉讼请求 in 代理权限 do not.
    (
        "(2019)吉0193刑初1号\n公诉机关长春经济技术开发区人民检察院。\n"
        "被告人王某，男，1980年1月1日出生。因涉嫌诈骗罪一案于2018年5月1日被刑事拘留。\n"
        "辩护人赵某，系被告人之兄。代理权限：代为承认、变更诉讼请求。\n"
        "被告人刘某，女，1982年2月2日出生。\n"
        "长春经济技术开发区人民检察院以长经开检刑诉(2019)1号起诉书指控被告人王某、刘某犯诈骗罪。",
        [
            P("长春经济技术开发区人民检察院", "prosecutor", "procuratorate"),
            P("王某", "accused", agents=(A("赵某"),)),
            P("刘某", "accused"),
        ],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), REAL_BLOCKS, ids=[c[0] for c in REAL_BLOCKS])
def test_parties_real_documents(case: str, text: str, expected: list[Row]) -> None:
    assert rows(text) == expected, case


@pytest.mark.parametrize(("text", "expected"), CAIL_BLOCKS)
def test_parties_cail_loan_excerpts(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), CONSTRUCTED_BLOCKS)
def test_parties_labels_missing_from_corpora(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


def test_parties_offsets_point_at_names_as_written() -> None:
    text = REAL_BLOCKS[-3][1]  # traditional characters
    t = make_text(text)
    parties = list(find_parties(t))
    assert [t.raw[p.start : p.end] for p in parties] == [
        "湖南省岳陽市云溪區人民檢察院",
        "賀清泉",
        "姚秋平",
    ]
    assert parties[1].role_label == "上訴人(原審被告人)"
    lawyer = parties[1].agents[0]
    assert t.raw[lawyer.start : lawyer.end] == "盧四海"


def test_parties_ignores_names_in_the_narrative() -> None:
    text = REAL_BLOCKS[0][1]
    t = make_text(text)
    block = locate_party_block(t)
    assert block is not None
    assert t.raw[block[1] :].startswith("本院在执行")
    assert all(p.end <= block[1] for p in find_parties(t))


@pytest.mark.parametrize(
    ("text", "narrative"),
    [
        (
            "（2017）甘2901执162号\n被执行人马军，男。\n本院在执行申请执行人胡加党与被执行人马军纠"
            "纷一案中",
            "本院在执行",
        ),
        (
            "(2015)绍新商初字第195号原告:何锴,农民。被告:陈晓春。原告何锴为与被告陈晓春民间借贷纠"
            "纷一案,",
            "原告何锴为与",
        ),
        (
            "（2011）宝刑初字第507号\n被告人马柱，男。\n天津市宝坻区人民检察院以津宝检刑诉［2011］"
            "418号起诉书指控",
            "天津市宝坻区",
        ),
        (
            "(2015)通行非执字第 78号\n被执行人周殿云,男,满族,住通化县\n申请执行人通化县国土资源局"
            "于2015年4月1日向本院申请强制执行",
            "申请执行人通化县国土资源局于",
        ),
        (
            "（2017）辽02刑更392号\n罪犯蔡恒涛，男。\n执行机关辽宁省瓦房店监狱于2017年3月27日提出"
            "减刑建议",
            "执行机关",
        ),
        (
            "原告：李某1。被告：夏某1。\n\n原告李某1向本院提出诉讼请求：1．偿还借款",
            "原告李某1向本院",
        ),
    ],
)
def test_locate_party_block_ends_at_the_narrative(text: str, narrative: str) -> None:
    t = make_text(text)
    block = locate_party_block(t)
    assert block is not None
    assert t.raw[block[1] :].startswith(narrative)


def test_parties_region_given_by_the_caller() -> None:
    text = "原告：何锴,农民。被告:陈晓春。原告何锴为与被告陈晓春民间借贷纠纷一案"
    t = make_text(text)
    only_plaintiff = list(find_parties(t, (0, text.index("被告"))))
    assert [(p.name, p.role) for p in only_plaintiff] == [("何锴", "plaintiff")]


def test_parties_same_name_and_role_listed_once() -> None:
    text = (
        "(2014)粤高法刑一终字第95号原公诉机关广东省广州市人民检察院。\n原公诉机关广东省广州市人民"
        "检察院。\n上诉人X因故意伤害一案"
    )
    assert [p.name for p in find_parties(make_text(text))] == ["广东省广州市人民检察院"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("何锴", "person"),
        ("***", "person"),
        ("李某1", "person"),
        ("申屠富春", "person"),
        ("买买提·艾力", "person"),
        ("中国人寿财产保险股份有限公司榆林中心支公司", "organization"),
        ("宣化县农村信用合作联社", "organization"),
        ("泰和县赣泰饲料厂", "organization"),
        ("某某县第三人民医院", "organization"),
        ("淮安市淮阴区运输管理所", "agency"),
        ("多伦县人民政府", "agency"),
        ("通化县国土资源局", "agency"),
        ("沅江市琼湖办事处保民垸村村民委员会", "agency"),
        ("辽宁省瓦房店监狱", "agency"),
        ("江西省浮梁县人民检察院", "procuratorate"),
    ],
)
def test_party_roles_kind_of_name(name: str, kind: PartyKind) -> None:
    assert party_kind(name) == kind


@pytest.mark.parametrize(
    ("paren", "prior"),
    [
        ("原审被告", "defendant"),
        ("原审原告", "plaintiff"),
        ("原审被告人", "accused"),
        ("一审被告、二审上诉人", "defendant"),
        ("一审原告、反诉被告", "plaintiff"),
        ("反诉被告", None),
        ("利害关系人", None),
        ("附带民事诉讼被告人", None),
        ("特别授权", None),
        (None, None),
    ],
)
def test_party_roles_prior_role(paren: str | None, prior: Role | None) -> None:
    assert prior_role(paren) == prior


@pytest.mark.parametrize(
    ("details", "kind", "firm"),
    [
        ("，四川维信律师事务所律师。", "lawyer", "四川维信律师事务所"),
        ("，河南依言律师事务所实习律师。", "lawyer", "河南依言律师事务所"),
        ("，均系湖北富川律师事务所律师。代理权限：特别授权。", "lawyer", "湖北富川律师事务所"),
        ("（特别授权），浙江凯旺律师事务所律师。", "lawyer", "浙江凯旺律师事务所"),
        (
            "，天津市宝坻区148专线法律服务所法律服务工作者。",
            "legal_worker",
            "天津市宝坻区148专线法律服务所",
        ),
        (
            "，株洲市法学会法律服务部法律工作者，代理权限：特别授权",
            "legal_worker",
            "株洲市法学会法律服务部",
        ),
        ("（原告朋友），男，住蓟县建材局家属院。", "citizen", None),
        ("，上海通用汽车有限公司公司法律顾问。", "citizen", None),
        ("，系宣化区南大街街道办事处东马道社区居民委员会推荐。", "citizen", None),
    ],
)
def test_agents_kind_and_firm(details: str, kind: AgentKind, firm: str | None) -> None:
    assert describe_agent(make_text(details).norm) == (kind, firm)


def test_agents_shared_agent_targets() -> None:
    roles: list[Role] = ["plaintiff", "defendant", "defendant", "defendant"]
    assert agent_targets(roles, None, None, False) == [3]
    assert agent_targets(roles, "defendant", 2, True) == [2, 3]
    assert agent_targets(roles, "defendant", None, True) == [1, 2, 3]
    assert agent_targets(roles, "plaintiff", None, False) == [0]
    assert agent_targets([], None, None, False) == []


_FRAGMENTS = [
    "原告",
    "被告",
    "被告人",
    "上诉人(原审被告)",
    "委托代理人",
    "以上二被告共同委托诉讼代理人:",
    "辩护人",
    "法定代表人",
    "罪犯",
    "第三人",
    "：",
    "，",
    "。",
    "、",
    "\n",
    " ",
    "（",
    "）",
    "张三",
    "某某有限公司",
    "律师事务所律师",
    "法律服务所法律工作者",
    "（2015）金民初字第01022号",
    "民事判决书",
    "一案",
    "本院",
    "×××",
    "男",
    "1980年1月1日出生",
]


def _check(text: str) -> list[Party]:
    t = make_text(text)
    parties = list(find_parties(t))
    for party in parties:
        assert 0 <= party.start < party.end <= len(text)
        assert t.norm[party.start : party.end] == party.name
        assert make_text(t.raw[party.start : party.end]).norm == party.name
        for agent in party.agents:
            assert t.norm[agent.start : agent.end] == agent.name
    block = locate_party_block(t)
    if block is not None:
        assert 0 <= block[0] < block[1] <= len(text)
    return parties


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_parties_never_raise_on_arbitrary_text(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=60))
def test_parties_offsets_hold_on_party_like_text(pieces: list[str]) -> None:
    _check("".join(pieces))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.integers(-5, 300), st.integers(-5, 300))
def test_parties_any_region_is_safe(text: str, lo: int, hi: int) -> None:
    t = make_text(text)
    for party in find_parties(t, (lo, hi)):
        assert t.norm[party.start : party.end] == party.name


# Found by training/sanity_scan.py on CAIL2018 / LeCaRD facts: without a heading or case
# number, labels in mid-sentence were read as a party block (被告人高某某在明知…虚开发票8张).
@pytest.mark.parametrize(
    "text",
    [
        "公诉机关指控，2014年2月23日9时许，被告人林某某在自家果园内与姜某某发生争吵。附带民事"
        "诉讼原告人姜某某要求被告人林某某赔偿其住院医疗费15334元、误工费47000元。",
        "2018年1月15日14时10分许，被告人莫某酒后驾驶湘A×××××号小型轿车行驶至某路段时被"
        "民警检查，被告人莫某主动投案。",
        "经审理查明：被告人赵2某、宋某谎称赵2某系土地局工作人员。被告人赵2某给被害人兰某甲办理了"
        "虚假的房产证。",
    ],
)
def test_parties_none_in_a_headerless_narrative(text: str) -> None:
    assert rows(text) == []


def test_parties_headerless_block_opening_with_a_label_is_kept() -> None:
    text = (
        "原告李某1。委托代理人蒋某，某某法律服务所法律工作者。被告夏某1。\n\n原告李某1诉称，借款。"
    )
    assert [(p.name, p.role) for p in find_parties(make_text(text))] == [
        ("李某1", "plaintiff"),
        ("夏某1", "defendant"),
    ]


@pytest.mark.parametrize(
    ("block", "kept"),
    [
        ("被告人袁某某在明知自己没有能力归还借款的情况下仍然向他人借款，", []),
        ("原告：李\n", []),
        ("被告的行为违反消费者权益保护法，", []),
        (
            "被告人阿卜杜热合曼·买买提·艾力江·阿不都热依木，男，",
            ["阿卜杜热合曼·买买提·艾力江·阿不都热依木"],
        ),
        ("被告和某某，男，", ["和某某"]),
    ],
)
def test_parties_clauses_are_not_names(block: str, kept: list[str]) -> None:
    t = make_text(block)
    assert [p.name for p in find_parties(t, (0, len(block)))] == kept


# A party line whose address ends in a digit (a room number) with the next party glued on: the
# line break was lost (HTML copies, joined PDF lines). Layout of a real Beijing block (…3-3-402
# 第三人赵士文,女,…), names placeholders.
_GLUED_HEAD = "北京市朝阳区人民法院\n民事判决书\n(2019)京0105民初123号\n"
_GLUED_NARRATIVE = "原告张某某与被告李某某、第三人赵某某房屋买卖合同纠纷一案,本院立案后依法审理。"


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (  # a personal record follows the label: a new entry
            "原告张某某,男,1970年1月1日出生,住北京市朝阳区某小区3-3-402第三人赵某某,女,"
            "1980年2月2日出生,住北京市朝阳区。\n被告李某某,男,1975年3月3日出生。\n",
            [("张某某", "plaintiff"), ("赵某某", "third_party"), ("李某某", "defendant")],
        ),
        (  # a company's seat ending in a digit
            "原告某某公司,住所地北京市朝阳区某路8号院2第三人赵某某,女,1980年2月2日出生,住北京市。"
            "\n被告李某某,男,1975年3月3日出生。\n",
            [("某某公司", "plaintiff"), ("赵某某", "third_party"), ("李某某", "defendant")],
        ),
        (  # running text: the label after the digit names where the plaintiff lives
            "原告张某某,男,1970年1月1日出生,现暂住3-3-402第三人赵某某名下房屋。\n"
            "被告李某某,男,1975年3月3日出生。\n",
            [("张某某", "plaintiff"), ("李某某", "defendant")],
        ),
        (  # the same, with the third party's own line further down
            "原告张某某,男,1970年1月1日出生,住北京市朝阳区某小区3-3-402第三人赵某某处。\n"
            "被告李某某,男,1975年3月3日出生。\n第三人赵某某,女,1980年2月2日出生。\n",
            [("张某某", "plaintiff"), ("李某某", "defendant"), ("赵某某", "third_party")],
        ),
    ],
    ids=["record", "company-seat", "running-text", "own-line-later"],
)
def test_parties_label_after_a_digit_opens_an_entry_with_a_record(
    block: str, expected: list[tuple[str, Role]]
) -> None:
    found = find_parties(make_text(_GLUED_HEAD + block + _GLUED_NARRATIVE))
    assert [(p.name, p.role) for p in found] == expected
