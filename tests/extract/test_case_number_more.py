"""Case numbers with a division's subject in brackets (Shanghai/Beijing, 2008–2015), 民撤/民特.

Shapes as the courts wrote them: 上海 (2014)沪一中民二(民)终字第2031号, (2012)浦民一(民)初字;
北京 (2011)二中民(商)终字, (2013)朝民(商)初字, (2014)高民(知)终字, (2010)一中民终字.
"""

from __future__ import annotations

import pytest

from assist.extract.case_number import (
    case_types,
    find_case_numbers,
    find_cited_cases,
    parse_case_number,
    pick_own_case_number,
)
from assist.text.normalize import make_text

# raw, normalized, court_abbr, type_code, seq, case_type, stage
BRACKETED = [
    ("（2014）沪一中民二（民）终字第2031号", "(2014)沪一中民二(民)终字第2031号", "沪一中", "民终",
        2031, "civil", "second_instance"),
    ("（2013）沪二中民一(民)终字第1650号", "(2013)沪二中民一(民)终字第1650号", "沪二中", "民终",
        1650, "civil", "second_instance"),
    ("（2012）浦民一（民）初字第123号", "(2012)浦民一(民)初字第123号", "浦", "民初", 123, "civil",
        "first_instance"),
    ("(2011)二中民（商）终字第11434号", "(2011)二中民(商)终字第11434号", "二中", "民终", 11434,
        "civil", "second_instance"),
    ("（2013）朝民（商）初字第23255号", "(2013)朝民(商)初字第23255号", "朝", "民初", 23255,
        "civil", "first_instance"),
    ("（2014）高民（知）终字第1号", "(2014)高民(知)终字第1号", "高", "民终", 1, "civil",
        "second_instance"),
    ("〔2013〕沪一中刑（少）终字第12号", "(2013)沪一中刑(少)终字第12号", "沪一中", "刑终", 12,
        "criminal", "second_instance"),
    ("（2010）一中民终字第1234号", "(2010)一中民终字第1234号", "一中", "民终", 1234, "civil",
        "second_instance"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "normalized", "abbr", "code", "seq", "case_type", "stage"), BRACKETED
)
def test_bracketed_subject_in_the_letters(
    raw: str, normalized: str, abbr: str, code: str, seq: int, case_type: str, stage: str
) -> None:
    cn = parse_case_number(raw)
    assert cn is not None
    got = (cn.raw, cn.normalized, cn.year, cn.court_abbr, cn.type_code, cn.seq)
    assert got == (raw, normalized, int(normalized[1:5]), abbr, code, seq)
    assert (cn.case_type, cn.stage, cn.court_code) == (case_type, stage, None)


def test_bracketed_own_number_and_cited_first_instance() -> None:
    text = (
        "上海市第一中级人民法院\n民事裁定书\n（2014）沪一中民二（民）终字第2031号\n"
        "上诉人（原审被告）朱某某，男。\n被上诉人（原审原告）上海申城置业有限公司。\n"
        "上诉人朱某某因房屋买卖合同纠纷一案，不服上海市长宁区人民法院（2014）长民三（民）"
        "初字第877号民事判决，向本院提起上诉。"
    )
    t = make_text(text)
    own = pick_own_case_number(t)
    assert own is not None and own.normalized == "(2014)沪一中民二(民)终字第2031号"
    cited = [(c.case_number.normalized, c.relation) for c in find_cited_cases(t, own)]
    assert cited == [("(2014)长民三(民)初字第877号", "prior_instance")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a parenthetical after the number stays outside it
        ("（2014）沪一中民二终字第2031号（原审案号（2013）长民三（民）初字第1号）",
            ["(2014)沪一中民二终字第2031号", "(2013)长民三(民)初字第1号"]),
        # two numbers written back to back stay two
        ("(2013)海民(知)初字第1号(2014)一中民(知)终字第2号",
            ["(2013)海民(知)初字第1号", "(2014)一中民(知)终字第2号"]),
        # a bracket with no letters after it is no subject: no court number here
        ("(2014)某某(甲)第1号", []),
        ("(2014)沪一中民二(民)第1号", []),
    ],
)  # fmt: skip
def test_bracketed_subject_does_not_swallow(text: str, expected: list[str]) -> None:
    assert [cn.normalized for cn in find_case_numbers(make_text(text))] == expected


def test_case_types_third_party_revocation_and_special_procedure() -> None:
    # 2016 案件类型代字标准: 民撤 = 第三人撤销之诉 (a first-instance suit); 撤销仲裁裁决 is 民特.
    assert case_types()["民撤"] == ("civil", "first_instance")
    assert case_types()["民特"] == ("civil", "other")
    cn = parse_case_number("（2018）京04民特123号")
    assert cn is not None and (cn.type_code, cn.stage) == ("民特", "other")


@pytest.mark.parametrize(
    ("raw", "code", "abbr"),
    [
        ("（2013）浙甬商重字第2号", "商重", "浙甬"),
        ("（2013）东民重初字第05号", "民重初", "东"),
        ("（2015）鄂武汉中民商初字第00012号", "民商初", "鄂武汉中"),
        ("（2015）鄂武汉中民商重初字第00012号", "民商重初", "鄂武汉中"),
        ("（2016）京0105民初重字第3号", "民初重", "京"),
    ],
)
def test_case_number_pre_2016_retrial_and_civil_commercial_codes(raw: str, code: str, abbr: str) -> None:  # fmt: skip
    n = parse_case_number(raw)
    assert n is not None and (n.type_code, n.court_abbr) == (code, abbr)
    assert (n.case_type, n.stage) == ("civil", "first_instance")
