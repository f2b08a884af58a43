"""Penalties: lists of sums and people, names before 所得/个人财产, 数罪并罚 absorption, 赌资."""

from __future__ import annotations

from assist.extract.penalties import find_penalties
from assist.text.normalize import make_text

Row = tuple[str | None, str, str | None]
_HEAD = "判决如下：\n"


def _rows(text: str, accused: tuple[str, ...] = ()) -> list[Row]:
    return [
        (p.person, p.kind, None if p.amount is None else str(p.amount))
        for p in find_penalties(make_text(text), accused=accused)
    ]


def test_a_thousands_comma_does_not_end_the_restitution_clause() -> None:
    raw = (
        _HEAD
        + "四、责令被告人黄某甲、黄某乙共同退赔被害人张某某人民币56,000元、李某人民币32,500元、"
        "王某某人民币41,260元，共计人民币129,760元。\n"
    )
    assert _rows(raw) == [(None, "restitution", "129760.00")]


def test_thousands_commas_in_a_list_for_one_accused_add_up() -> None:
    raw = _HEAD + "三、责令被告人张某某退赔被害人王某某人民币12,500元、被害人赵某某人民币8,800元。"
    assert _rows(raw) == [("张某某", "restitution", "21300.00")]


def test_a_restitution_list_goes_on_after_a_comma() -> None:
    raw = _HEAD + "三、责令被告人张某某退赔被害人王某某人民币五万元，被害人赵某人民币三万元。"
    rows = list(find_penalties(make_text(raw)))
    assert _rows(raw) == [("张某某", "restitution", "80000.00")]
    assert raw[rows[0].start : rows[0].end].endswith("被害人赵某人民币三万元")


def test_a_recovered_sum_returned_to_victims_is_not_added() -> None:
    raw = (
        _HEAD + "三、追缴被告人张某某违法所得人民币八万元，发还被害人王某某人民币五万元，"
        "被害人赵某人民币三万元。"
    )
    assert _rows(raw) == [("张某某", "recovery", "80000.00")]


def test_the_name_stops_before_the_crime_whose_proceeds_are_recovered() -> None:
    for crime in ("盗窃", "贪污", "受贿"):
        raw = _HEAD + f"三、追缴被告人张某某{crime}所得人民币6000元，发还被害人。"
        assert _rows(raw) == [("张某某", "recovery", "6000.00")]
    raw = _HEAD + "二、继续追缴被告人林某某受贿所得赃款人民币二百五十九万元，上缴国库。"
    assert _rows(raw) == [("林某某", "recovery", "2590000.00")]


def test_confiscating_part_of_a_named_accuseds_property() -> None:
    raw = (
        _HEAD + "一、被告人章某某犯组织、领导传销活动罪，判处有期徒刑六年，"
        "并处没收被告人章某某个人财产人民币五十万元。"
    )
    assert _rows(raw) == [("章某某", "confiscation_part", "500000.00")]


def test_confiscating_all_property_absorbs_the_fine_of_another_crime() -> None:
    raw = (
        _HEAD
        + "一、被告人钟某某犯贩卖毒品罪，判处无期徒刑，剥夺政治权利终身，并处没收个人全部财产；"
        "犯容留他人吸毒罪，判处有期徒刑一年，并处罚金人民币五千元；决定执行无期徒刑，"
        "剥夺政治权利终身，并处没收个人全部财产。\n"
        "二、追缴被告人钟某某违法所得人民币三十一万五千元。"
    )
    rows = list(find_penalties(make_text(raw)))
    assert _rows(raw) == [("钟某某", "confiscation_all", None), ("钟某某", "recovery", "315000.00")]
    assert raw[rows[0].start : rows[0].end] == "没收个人全部财产"
    assert rows[0].start > raw.index("决定执行")


def test_decided_fine_and_confiscation_both_kept() -> None:
    raw = (
        _HEAD
        + "一、被告人林某某犯贪污罪，判处有期徒刑五年，并处罚金人民币三十万元；犯受贿罪，判处有期"
        "徒刑十年，并处没收个人财产人民币五十万元；决定执行有期徒刑十三年，并处罚金人民币三十万元，"
        "没收个人财产人民币五十万元。"
    )
    assert _rows(raw) == [
        ("林某某", "fine", "300000.00"),
        ("林某某", "confiscation_part", "500000.00"),
    ]


def test_without_a_decided_property_penalty_the_fines_add_up() -> None:
    raw = (
        _HEAD
        + "一、被告人甲犯盗窃罪，判处有期徒刑一年，并处罚金人民币三千元；犯诈骗罪，判处有期徒刑"
        "一年，并处罚金人民币二千元；决定执行有期徒刑一年十个月。"
    )
    assert _rows(raw) == [("甲", "fine", "5000.00")]


def test_respectively_pairs_sums_of_different_kinds() -> None:
    raw = (
        _HEAD + "二、被告人彭某甲、彭某乙犯贩卖毒品罪，分别判处有期徒刑十五年、八年，"
        "并分别处没收个人财产人民币五万元、罚金人民币二万元。"
    )
    assert _rows(raw) == [
        ("彭某甲", "confiscation_part", "50000.00"),
        ("彭某乙", "fine", "20000.00"),
    ]


def test_respectively_for_the_prison_terms_only_gives_each_both_kinds() -> None:
    raw = (
        _HEAD + "二、被告人彭某甲、彭某乙犯贩卖毒品罪，分别判处有期徒刑十五年、八年，"
        "并处罚金人民币二万元，没收个人财产人民币五万元。"
    )
    assert sorted(_rows(raw), key=str) == sorted(
        [
            ("彭某甲", "fine", "20000.00"),
            ("彭某乙", "fine", "20000.00"),
            ("彭某甲", "confiscation_part", "50000.00"),
            ("彭某乙", "confiscation_part", "50000.00"),
        ],
        key=str,
    )


def test_n_people_and_a_bare_list_of_n_sums_are_paired() -> None:
    raw = _HEAD + "三、被告人彭某、龙某某退缴的违法所得人民币五千元、三千元予以没收，上缴国库。"
    assert _rows(raw) == [("彭某", "recovery", "5000.00"), ("龙某某", "recovery", "3000.00")]
    raw = _HEAD + "三、对被告人张某某、李某的违法所得人民币八千元、六千元予以追缴。"
    assert _rows(raw) == [("张某某", "recovery", "8000.00"), ("李某", "recovery", "6000.00")]


def test_sums_for_listed_victims_are_not_paired_with_the_accused() -> None:
    raw = (
        _HEAD + "三、责令被告人张某某、李某共同退赔被害人王某人民币五千元、被害人赵某人民币三千元。"
    )
    assert _rows(raw) == [(None, "restitution", "8000.00")]


def test_the_accused_together_without_names_is_a_joint_order() -> None:
    raw = (
        _HEAD + "被告人张某某犯盗窃罪，判处有期徒刑一年，并处罚金人民币三千元；被告人李某犯盗窃罪，"
        "判处有期徒刑十个月，并处罚金人民币二千元；责令二被告人共同退赔被害人经济损失人民币一万元。"
    )
    assert _rows(raw)[-1] == (None, "restitution", "10000.00")


def test_each_of_the_accused_without_names() -> None:
    raw = (
        _HEAD
        + "一、被告人张某某犯盗窃罪，判处有期徒刑一年。二、被告人李某犯盗窃罪，判处有期徒刑十个月。"
        "三、二被告人退缴的违法所得人民币五千元、三千元予以没收。"
    )
    assert _rows(raw) == [("张某某", "recovery", "5000.00"), ("李某", "recovery", "3000.00")]


def test_gambling_stakes_are_forfeited_as_an_instrument_not_recovered() -> None:
    raw = (
        _HEAD + "四、被告人顾某退缴的违法所得人民币二万六千元予以没收，上缴国库。\n"
        "五、扣押在案的赌资人民币五万二千三百元予以没收，上缴国库。\n"
    )
    assert _rows(raw) == [("顾某", "recovery", "26000.00")]
    raw = _HEAD + "三、扣押在案的被告人顾某的违法所得及赌资共计人民币二万元予以没收。"
    assert _rows(raw) == [("顾某", "recovery", "20000.00")]
