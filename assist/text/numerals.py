"""Chinese and Arabic numerals to exact numbers.

Handles 一二三…十百千万亿, 大写 壹贰叁…拾佰仟, 零/〇/O, 两, Arabic digits with thousands
separators and decimals, mixes such as ``8.26万`` or ``3万5千``, and digit-by-digit
strings such as 二〇一四 (years), 点 decimals (一点五万) and the colloquial trailing digit
(三千五 = 3500, 一万二 = 12000). Input is expected to be normalised text. Never raises.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "O": 0, "o": 0, "0": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "两": 2, "貳": 2, "俩": 2,
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
    if token.count(".") > 1 or token.startswith((".", ",")):
        return None
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
    if "点" in s:
        return _with_point(s)
    if not any(ch in SMALL_UNITS or ch in BIG_UNITS for ch in s):
        if all(ch in _ASCII_DIGITS or ch in ",." for ch in s):
            return _arabic(s)
        plain = _digit_string(s)
        return None if plain is None else Decimal(plain)
    return _with_units(s)


_ASCII_DIGITS = frozenset("0123456789")


def _with_point(s: str) -> Decimal | None:
    """一点五 → 1.5, 十二点五 → 12.5, 一点五万 → 15000: 点 takes digit-only decimals."""
    head, _, tail = s.partition("点")
    digits = tail.rstrip("".join(BIG_UNITS))
    units = tail[len(digits) :]
    whole = parse_number(head) if head else Decimal(0)
    frac = _digit_string(digits)
    if whole is None or frac is None or not digits:
        return None
    value = whole + Decimal(f"0.{''.join(str(CN_DIGITS[ch]) for ch in digits)}")
    for ch in units:
        value *= BIG_UNITS[ch]
    return value


def _with_units(s: str) -> Decimal | None:
    total = Decimal(0)  # everything above the current 万/亿 group
    section = Decimal(0)  # the current group below 万
    number: Decimal | None = None
    last_unit = 0  # the unit just before ``number`` (0 once a 零 or a second digit intervenes)
    i = 0
    while i < len(s):
        ch = s[i]
        if ch in _ASCII_DIGITS or ch == "." or ch == ",":
            j = i
            while j < len(s) and (s[j] in _ASCII_DIGITS or s[j] in ".,"):
                j += 1
            number = _arabic(s[i:j])
            if number is None:
                return None
            if j - i > 1:
                last_unit = 0
            i = j
            continue
        if ch in CN_DIGITS:
            if CN_DIGITS[ch] == 0:
                number, last_unit = None, 0
            elif number is None:
                number = Decimal(CN_DIGITS[ch])
            else:
                number, last_unit = number * 10 + CN_DIGITS[ch], 0
        elif ch in SMALL_UNITS:
            section += (number if number is not None else Decimal(1)) * SMALL_UNITS[ch]
            number, last_unit = None, SMALL_UNITS[ch]
        elif ch in BIG_UNITS:
            unit = BIG_UNITS[ch]
            group = section + (number or 0)
            if group == 0 and total == 0:
                group = Decimal(1)
            total = (total + group) * unit if unit > 10_000 else total + group * unit
            section, number, last_unit = Decimal(0), None, unit
        else:
            return None
        i += 1
    if number is not None and last_unit >= 100:
        number *= last_unit // 10  # 三千五 = 3500, 一万二 = 12000 (colloquial)
    return total + section + (number or 0)


def parse_int(s: str) -> int | None:
    """Parse an integer numeral (第一百四十四条 → 144 via ``parse_int("一百四十四")``)."""
    value = parse_number(s)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)
