"""Numerals: Chinese (小写, 大写), Arabic and mixed forms parse to exact Decimals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assist.text.numerals import parse_int, parse_number

_LOWER = "零一二三四五六七八九"
_UPPER = "零壹贰叁肆伍陆柒捌玖"
_UNITS_LOWER = ("", "十", "百", "千")
_UNITS_UPPER = ("", "拾", "佰", "仟")


def _below_10000(n: int, upper: bool) -> str:
    digits, units = (_UPPER, _UNITS_UPPER) if upper else (_LOWER, _UNITS_LOWER)
    out, zero = "", False
    for place in (3, 2, 1, 0):
        d = n // 10**place % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out, zero = out + digits[0], False
        out += digits[d] + units[place]
    return out


def to_chinese(n: int, upper: bool = False) -> str:
    """The standard written form: 10500 → 一万零五百, 100030000 → 一亿零三万, 10 → 十."""
    if n == 0:
        return (_UPPER if upper else _LOWER)[0]
    zero = (_UPPER if upper else _LOWER)[0]
    out = _group(n, upper, zero)
    if not upper and out.startswith("一十"):
        out = out[1:]  # 十五, not 一十五 (大写 keeps 壹拾伍)
    return out


def _group(n: int, upper: bool, zero: str) -> str:
    for size, unit in ((10**8, "亿"), (10**4, "万")):
        if n >= size:
            high, low = divmod(n, size)
            out = _group(high, upper, zero) + unit
            if low:
                out += (zero if low < size // 10 else "") + _group(low, upper, zero)
            return out
    return _below_10000(n, upper)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("壹拾贰万叁仟肆佰伍拾陆", "123456"),  # the 大写 of a 借条
        ("叁万叁仟叁佰伍拾肆", "33354"),  # 大写金额叁万叁仟叁佰伍拾肆元伍角叁分
        ("肆万肆千叁百", "44300"),  # 大写肆万肆千叁百元 (mixed 大写/小写 in a real 借条)
        ("8.26万", "82600"),
        ("101.3471万", "1013471"),  # 拟证明收到原告101.3471万元的首付款
        ("1,000", "1000"),
        ("4,294,660", "4294660"),  # 计人民币4,294,660元
        ("5000.00", "5000"),
        ("一千", "1000"),
        ("二千", "2000"),
        ("两万", "20000"),
        ("3万5千", "35000"),
        ("一万零五百", "10500"),
        ("一亿零三万", "100030000"),
        ("十二亿三千万", "1230000000"),
        ("二〇一四", "2014"),
        ("二Ο一七", None),  # Greek omicron is not a zero
        ("三千五", "3500"),  # colloquial: the trailing digit takes the next lower unit
        ("一万二", "12000"),
        ("1万2", "12000"),
        ("10万500", "100500"),
        ("一百零五", "105"),
        ("二十四", "24"),
        ("一点五", "1.5"),
        ("二点五", "2.5"),
        ("一点五万", "15000"),
        ("俩", "2"),
        ("", None),
        ("..", None),
        ("1.2.3", None),
        ("元", None),
        ("点", None),
    ],
)
def test_numerals_parse_number_table(text: str, value: str | None) -> None:
    result = parse_number(text)
    assert result == (None if value is None else Decimal(value))


@pytest.mark.parametrize(("text", "value"), [("一百四十四", 144), ("十七", 17), ("1.5", None)])
def test_numerals_parse_int(text: str, value: int | None) -> None:
    assert parse_int(text) == value


@given(st.integers(min_value=0, max_value=10**15))
def test_numerals_chinese_round_trip(n: int) -> None:
    assert parse_number(to_chinese(n)) == n
    assert parse_number(to_chinese(n, upper=True)) == n


@given(st.integers(min_value=0, max_value=10**15))
def test_numerals_arabic_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.text(max_size=40))
def test_numerals_never_raise(text: str) -> None:
    parse_number(text)
    parse_int(text)


@given(st.text(alphabet="0123456789.,零〇一二三四五六七八九十百千万亿两壹贰拾佰仟点", max_size=20))
def test_numerals_never_raise_on_numeral_soup(text: str) -> None:
    parse_number(text)
