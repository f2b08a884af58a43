"""Chinese and Arabic numerals to exact numbers.

Handles 一二三…十百千万亿, 大写 壹贰叁…拾佰仟, 零/〇/O, 两, Arabic digits with thousands
separators and decimals, mixes such as ``8.26万`` or ``3万5千``, and digit-by-digit
strings such as 二〇一四 (years). Input is expected to be normalised text.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "O": 0, "o": 0, "0": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "两": 2, "貳": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}

#: Characters that may appear in a Chinese numeral (for building regexes).
NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)


def _arabic(token: str) -> Decimal | None:
    try:
        return Decimal(token.replace(",", ""))
    except InvalidOperation:
        return None


def _digit_string(s: str) -> int | None:
    """二〇一四 → 2014: digits only, no units."""
    if not s or any(ch not in CN_DIGITS for ch in s):
        return None
    return int("".join(str(CN_DIGITS[ch]) for ch in s))


def parse_number(s: str) -> Decimal | None:
    """Parse a numeral (Chinese, Arabic or mixed) into an exact ``Decimal``; None if not one."""
    s = s.strip()
    if not s:
        return None
    if not any(ch in SMALL_UNITS or ch in BIG_UNITS for ch in s):
        if all(ch.isdigit() or ch in ",." for ch in s):
            return _arabic(s)
        plain = _digit_string(s)
        return None if plain is None else Decimal(plain)
    return _with_units(s)


def _with_units(s: str) -> Decimal | None:
    total = Decimal(0)  # everything above the current 万/亿 group
    section = Decimal(0)  # the current group below 万
    number: Decimal | None = None
    i = 0
    while i < len(s):
        ch = s[i]
        if ch.isdigit() or ch == "." or ch == ",":
            j = i
            while j < len(s) and (s[j].isdigit() or s[j] in ".,"):
                j += 1
            number = _arabic(s[i:j])
            if number is None:
                return None
            i = j
            continue
        if ch in CN_DIGITS:
            number = Decimal(CN_DIGITS[ch]) if number is None or ch in "零〇Oo" else number * 10 + CN_DIGITS[ch]
            if ch in "零〇Oo":
                number = None
        elif ch in SMALL_UNITS:
            section += (number if number is not None else Decimal(1)) * SMALL_UNITS[ch]
            number = None
        elif ch in BIG_UNITS:
            unit = BIG_UNITS[ch]
            group = section + (number or 0)
            if group == 0 and total == 0:
                group = Decimal(1)
            total = (total + group) * unit if unit > 10_000 else total + group * unit
            section, number = Decimal(0), None
        else:
            return None
        i += 1
    return total + section + (number or 0)


def parse_int(s: str) -> int | None:
    """Parse an integer numeral (第一百四十四条 → 144 via ``parse_int("一百四十四")``)."""
    value = parse_number(s)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)
