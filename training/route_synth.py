"""Written-in-court-style public-interest documents for training the router (TRAINING ONLY).

The real labelled texts hold 4 ecology and no personal-information texts, and no real
public-interest suit except one; the project's generator (``assist.synth``) writes no such
documents. These templates, written for this purpose after the style of real judgments, fill
that gap; every document is labelled from its template and counted apart ("template") in the
report. They are never used to measure accuracy on real text.

- ``ecology_judgment``: a 刑初 judgment for an ecological crime (污染环境, 非法采矿, 滥伐林木 …),
  with no remedy ordered, or in a 刑事附带民事公益诉讼 with a restoration order → ecology;
- ``personal_info_judgment``: 侵犯公民个人信息罪 → personal_info;
- ``civil_pi_suit``: a 民事公益诉讼 judgment brought by the procuratorate → ecology / food_drug /
  personal_info;
- ``admin_pi_suit``: a 行政公益诉讼 judgment against an agency that failed to act → ecology.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from assist.synth import criminal
from assist.synth.draft import Draft
from assist.synth.generator import new_draft
from assist.synth.pools import ar_date, random_date

WASTES = ("废矿物油", "含铬废液", "电镀污泥", "废酸", "含砷废渣", "医疗废物", "废有机溶剂")
METALS = ("铬", "镍", "铜", "锌", "砷", "铅", "镉")
TREES = ("杉木", "马尾松", "杨树", "桉树", "柏木", "栎树")
ANIMALS = ("野兔", "野鸡", "斑鸠", "麻雀", "刺猬")
RIVERS = ("长江", "赣江", "湘江", "汉江", "淮河", "嘉陵江", "闽江")
AGENCIES = ("自然资源局", "林业局", "水利局", "生态环境局", "农业农村局", "人民政府")
FOOD = (("猪肉", "盐酸克伦特罗"), ("豆芽", "6-苄基腺嘌呤"), ("卤肉", "罂粟壳"),
        ("减肥胶囊", "西布曲明"), ("白酒", "西地那非"), ("腐竹", "硼砂"))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Crime:
    name: str  # CAIL2018 style, without 罪
    article: int
    fact: Callable[[random.Random, str, str, int], str]  # (rng, accused, county, year)


def _when(rng: random.Random, year: int) -> str:
    """A date in the two years before the trial year."""
    return f"{rng.randint(year - 2, year - 1)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"


def _pollution(rng: random.Random, who: str, county: str, year: int) -> str:
    if rng.random() < 0.5:
        return (
            f"经审理查明：{_when(rng, year)}，被告人{who}在未取得危险废物经营许可证的情况下，将收集的"
            f"{rng.choice(WASTES)}约{rng.randint(2, 90)}吨，雇车倾倒于{county}{rng.choice('东西南北')}郊"
            f"一处废弃鱼塘内。经{county}环境监测站检测，倾倒点水体中{rng.choice(METALS)}含量超过"
            f"国家标准{rng.randint(3, 300)}倍。经鉴定，造成生态环境损害数额为人民币{rng.randint(5, 900)}万元。"
        )
    return (
        f"公诉机关指控：{_when(rng, year)}至案发，被告人{who}作为其经营的电镀作坊的实际负责人，指使工人"
        f"将生产中产生的含{rng.choice(METALS)}废水未经处理，通过私设的暗管直接排入厂外河沟，最终汇入"
        f"{rng.choice(RIVERS)}支流。经检测，外排废水中总{rng.choice(METALS)}浓度超过《污水综合排放标准》"
        f"{rng.randint(3, 80)}倍。"
    )


def _mining(rng: random.Random, who: str, county: str, year: int) -> str:
    return (
        f"经审理查明：{_when(rng, year)}至{_when(rng, year)}，被告人{who}在未取得采矿许可证的情况下，雇佣挖掘机、"
        f"运输车辆在{county}{rng.choice(RIVERS)}河道内非法采挖河砂共计{rng.randint(3, 90)}000立方米。"
        f"经自然资源主管部门认定，非法采出的矿产品价值人民币{rng.randint(20, 600)}万元。"
    )


def _felling(rng: random.Random, who: str, county: str, year: int) -> str:
    how = "未办理林木采伐许可证" if rng.random() < 0.5 else "超过林木采伐许可证规定的数量"
    return (
        f"经审理查明：{_when(rng, year)}，被告人{who}在{how}的情况下，雇请他人在{county}某村山场砍伐"
        f"{rng.choice(TREES)}{rng.randint(80, 3000)}株。经林业调查规划设计队鉴定，滥伐林木立木蓄积"
        f"{rng.randint(20, 400)}.{rng.randint(1, 99)}立方米。"
    )


def _theft_felling(rng: random.Random, who: str, county: str, year: int) -> str:
    return (
        f"公诉机关指控：{_when(rng, year)}，被告人{who}未经林木所有者同意，擅自在{county}集体林地内砍伐"
        f"{rng.choice(TREES)}{rng.randint(20, 300)}株并运走销售，获赃款{rng.randint(2, 60)}000元。经鉴定，"
        f"盗伐林木立木蓄积{rng.randint(5, 90)}.{rng.randint(1, 99)}立方米。"
    )


def _fishing(rng: random.Random, who: str, county: str, year: int) -> str:
    return (
        f"经审理查明：{_when(rng, year)}，被告人{who}在禁渔期内，驾驶小型渔船在{rng.choice(RIVERS)}{county}段"
        f"禁捕水域使用电鱼器具捕捞野生鱼类{rng.randint(5, 200)}公斤。经认定，电鱼系禁用方法，"
        "该行为对水生生物资源造成破坏。"
    )


def _hunting(rng: random.Random, who: str, county: str, year: int) -> str:
    return (
        f"经审理查明：{_when(rng, year)}，被告人{who}在{county}禁猎区内使用猎套、粘网等禁用工具，非法猎捕"
        f"野生{rng.choice(ANIMALS)}等野生动物共计{rng.randint(20, 300)}只。"
    )


def _farmland(rng: random.Random, who: str, county: str, year: int) -> str:
    use = rng.choice(("建设厂房", "堆放建筑垃圾", "开挖鱼塘", "采挖砂石"))
    return (
        f"公诉机关指控：{_when(rng, year)}起，被告人{who}未经国土资源部门批准，擅自在{county}某村承包的耕地上"
        f"{use}，非法占用耕地{rng.randint(6, 80)}.{rng.randint(1, 9)}亩，造成耕地种植条件严重毁坏。"
    )


def _personal_info(rng: random.Random, who: str, county: str, year: int) -> str:
    how = rng.choice(
        ("通过QQ群向他人购买", "利用其在快递公司工作的便利窃取", "通过网络爬虫非法获取")
    )
    return (
        f"经审理查明：{_when(rng, year)}至案发，被告人{who}{how}公民姓名、电话号码、住址等个人信息"
        f"{rng.randint(5, 900)}00余条，后通过网络出售给他人，违法所得人民币{rng.randint(3, 90)}000余元。"
    )


ECOLOGY = (
    Crime("污染环境", 338, _pollution),
    Crime("非法采矿", 343, _mining),
    Crime("滥伐林木", 345, _felling),
    Crime("盗伐林木", 345, _theft_felling),
    Crime("非法捕捞水产品", 340, _fishing),
    Crime("非法狩猎", 341, _hunting),
    Crime("非法占用农用地", 342, _farmland),
)
PERSONAL_INFO = Crime("侵犯公民个人信息", 253, _personal_info)


def _criminal(d: Draft, crime: Crime, year: int) -> str:
    """A 刑初 judgment through the project's generator; returns the accused's name."""
    who = d.names.person()
    row = {
        "fact": crime.fact(d.rng, who, d.place.local, year), "accusation": [crime.name],
        "criminals": [who], "punish_of_money": d.rng.choice([0, 5000, 10000, 30000]),
        "imprisonment": d.rng.randint(6, 48), "relevant_articles": [crime.article],
    }  # fmt: skip
    criminal.criminal_judgment(d, row, year)
    return who


def _insert_before(d: Draft, prefix: str, lines: list[str]) -> None:
    at = next(i for i, p in enumerate(d.paragraphs) if p.startswith(prefix))
    d.paragraphs[at:at] = lines


def ecology_judgment(d: Draft, year: int) -> str:
    crime = d.rng.choice(ECOLOGY)
    who = _criminal(d, crime, year)
    if d.rng.random() < 0.4:  # 刑事附带民事公益诉讼 with a restoration order
        at = next(i for i, p in enumerate(d.paragraphs) if p.startswith("公诉机关"))
        d.paragraphs.insert(at + 1, f"附带民事公益诉讼起诉人{d.place.procuratorate}。")
        remedy = d.rng.choice(
            (
                f"赔偿生态环境修复费用人民币{d.rng.randint(2, 90)}000元",
                f"在指定地点补植复绿{d.rng.randint(100, 3000)}株",
                f"增殖放流鱼苗{d.rng.randint(2, 50)}0000尾",
            )
        )
        _insert_before(d, "如不服", [f"被告人{who}于本判决生效之日起三个月内{remedy}。"])
    return "public_interest/ecology"


def personal_info_judgment(d: Draft, year: int) -> str:
    _criminal(d, PERSONAL_INFO, year)
    return "public_interest/personal_info"


_CIVIL_PI = {
    "ecology": ("环境污染民事公益诉讼", "倾倒{waste}，造成土壤和地下水污染",
                "承担生态环境修复费用人民币{amount}元，并在省级以上媒体公开赔礼道歉"),
    "food_drug": ("生产、销售有毒、有害食品民事公益诉讼", "在生产的{food}中添加{additive}并对外销售",
                  "支付销售价款十倍的惩罚性赔偿金人民币{amount}元，并在省级以上媒体公开赔礼道歉"),
    "personal_info": ("个人信息保护民事公益诉讼", "非法获取并出售公民个人信息{count}余条",
                      "删除所持有的公民个人信息，支付公益损害赔偿金人民币{amount}元"),
}  # fmt: skip


def civil_pi_suit(d: Draft, year: int) -> str:
    sub = d.rng.choice(sorted(_CIVIL_PI))
    cause, act, order = _CIVIL_PI[sub]
    food, additive = d.rng.choice(FOOD)
    slots = {"waste": d.rng.choice(WASTES), "food": food, "additive": additive,
             "count": d.rng.randint(1, 90) * 1000, "amount": d.rng.randint(2, 900) * 1000}  # fmt: skip
    act, order = act.format(**slots), order.format(**slots)
    filed = random_date(d.rng, date(year, 1, 5), date(year, 9, 30))
    who = d.names.company(d.place) if d.rng.random() < 0.5 else d.names.person()
    proc = d.place.procuratorate
    d.header("民事判决书", d.case_number(filed.year, "民初"))
    d.paragraphs += [
        f"公益诉讼起诉人：{proc}。",
        f"被告：{who}，住所地{d.place.province}{d.place.county}。",
        f"公益诉讼起诉人{proc}与被告{who}{cause}一案，本院于{ar_date(filed)}立案后，依法适用普通程序，"
        f"组成合议庭公开开庭进行了审理。{proc}指派检察员出庭履行职务。本案现已审理终结。",
        f"{proc}向本院提出诉讼请求：判令被告{order}。事实和理由：被告{act}，损害了社会公共利益。"
        "本院依法公告了案件受理情况，公告期内未有法律规定的机关和有关组织提起诉讼。",
        f"经审理查明，被告{act}，经鉴定，损害社会公共利益。",
        "本院认为，被告的行为损害了社会公共利益，应当承担相应的民事责任。依照《中华人民共和国民法典》"
        "第一千二百三十四条、第一千一百六十五条之规定，判决如下：",
        f"被告{who}于本判决生效之日起三十日内{order}。",
        f"如不服本判决，可以在判决书送达之日起十五日内提起上诉，上诉于{d.place.intermediate_court}。",
    ]
    d.tail(filed + timedelta(days=d.rng.randint(40, 150)), judges=3)
    return f"public_interest/{sub}"


def admin_pi_suit(d: Draft, year: int) -> str:
    agency = d.place.local + d.rng.choice(AGENCIES)
    proc = d.place.procuratorate
    filed = random_date(d.rng, date(year, 1, 5), date(year, 9, 30))
    harm = d.rng.choice(
        ("非法占用林地修建厂房", "在河道内非法采砂", "非法倾倒固体废物", "违法占用耕地")
    )
    d.header("行政判决书", d.case_number(filed.year, "行初"))
    d.paragraphs += [
        f"公益诉讼起诉人：{proc}。",
        f"被告：{agency}，住所地{d.place.local}。",
        f"公益诉讼起诉人{proc}诉被告{agency}不履行法定职责一案，本院于{ar_date(filed)}立案后，"
        "依法组成合议庭，公开开庭进行了审理。本案现已审理终结。",
        f"{proc}诉称：其在履行职责中发现，辖区内有人{harm}，生态环境遭受破坏。{proc}向被告发出诉前"
        "检察建议，督促其依法履行监管职责，被告逾期未依法全面履行，国家利益和社会公共利益仍处于受侵害状态。",
        "本院认为，被告对辖区内的上述违法行为负有监督管理职责，在收到检察建议后未依法全面履行职责。"
        "依照《中华人民共和国行政诉讼法》第七十二条之规定，判决如下：",
        f"责令被告{agency}于本判决生效之日起六十日内依法履行监督管理职责。",
    ]
    d.tail(filed + timedelta(days=d.rng.randint(40, 150)), judges=3)
    return "public_interest/ecology"


BUILDERS: dict[str, Callable[[Draft, int], str]] = {
    "pi_ecology_judgment": ecology_judgment,
    "pi_personal_info_judgment": personal_info_judgment,
    "pi_civil_suit": civil_pi_suit,
    "pi_admin_suit": admin_pi_suit,
}


@dataclass(frozen=True, slots=True)
class TemplateDoc:
    id: str
    kind: str
    text: str
    label: str


def generate_templates(per_kind: dict[str, int], seed: int = 0) -> Iterator[TemplateDoc]:
    """``per_kind[k]`` documents of each template kind ``k``; same seed, same documents."""
    for kind, n in per_kind.items():
        for i in range(n):
            rng = random.Random(f"route:{kind}:{seed}:{i}")
            d = new_draft(rng)
            label = BUILDERS[kind](d, rng.randint(2015, 2024))
            yield TemplateDoc(f"tpl-{kind}-{seed}-{i}", kind, d.text(), label)
