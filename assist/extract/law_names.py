"""Law names as cited → official full names (《民诉法》 → 中华人民共和国民事诉讼法).

The alias table is ``assist/data/law_aliases.tsv`` (read lazily); names are compared
normalised, without blanks or version notes, with inner titles in 《》.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from assist.data import tsv_rows
from assist.text.normalize import normalize

# Brackets a title may be written in inside another title (…适用〈中华人民共和国民事诉讼法〉…).
_OPEN, _CLOSE = "《<〈﹤【", "》>〉﹥】"
_VERSION = re.compile(r"\((?:\d{4}年[^()]{0,8}|[^()]{0,8}(?:修正|修订|修改|年版))\)")


@cache
def aliases() -> dict[str, str]:
    """alias → full name, both normalised (lazily read from the package data)."""
    table: dict[str, str] = {}
    for alias, full in tsv_rows("law_aliases.tsv"):
        table[clean_law_name(alias)] = clean_law_name(full)
    return table


@lru_cache(maxsize=4096)  # the same law names recur in every document
def clean_law_name(name: str) -> str:
    """Normalised characters, no blanks, inner titles in 《》, no version note."""
    s = re.sub(r"\s+", "", normalize(name))
    if len(s) > 2 and s[0] == "《" and s[-1] == "》":
        s = s[1:-1]
    s = re.sub(f"[{_OPEN}]", "《", s)
    s = re.sub(f"[{_CLOSE}]", "》", s)
    return _VERSION.sub("", s)


# A mistyped state prefix: 中国人民共和国合同法, 中华人民共和合同法, 中华共和国公司法.
_PRC_TYPO = re.compile(r"^(?:中国人民共和国|中华人民共和(?!国)|中华共和国|中华人民国)")
# An SPC title naming a national law without its inner 《》: …关于适用中华人民共和国担保法若干….
_BARE_INNER = re.compile(
    r"(?<=适用)(中华人民共和国[\u4e00-\u9fff]{1,14}?(?:法典|法|通则|总则))(?=若干|的)"
)


def _full(name: str) -> str:
    name = _PRC_TYPO.sub("中华人民共和国", name)
    if name.startswith("最高人民") and "《" not in name:
        name = _BARE_INNER.sub(r"《\1》", name)
    full = aliases().get(name)
    if full is not None:
        return full
    prc_law = re.fullmatch(
        r"[\u4e00-\u9fff]{1,14}(?:法|法典)(?:修正案\([一二三四五六七八九十]+\))?", name
    )
    if prc_law and not name.startswith("中华人民共和国") and not re.search(r"办法|方法", name):
        return "中华人民共和国" + name
    return name


@cache
def alias_before() -> re.Pattern[str]:
    """A known short name (2 to 16 characters) ending where the search ends."""
    names = sorted((a for a in aliases() if 2 <= len(a) <= 16), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, names))})\\Z" if names else "(?!)")


@cache
def known_laws() -> frozenset[str]:
    """Every full law name the alias table maps to (normalised, inner titles in 《》)."""
    return frozenset(aliases().values())


def _repair(name: str) -> str:
    """A national law's or SPC title's name with one character dropped (土地管法, 适用法若干,
    最高人民法院最高人民检察院 without its 、) → the known full name."""
    if name in known_laws() or not name.startswith(("中华人民共和国", "最高人民")):
        return name
    close = [k for k in known_laws() if len(k) == len(name) + 1 and _drops_one(name, k)]
    return close[0] if len(close) == 1 else name


def _drops_one(short: str, full: str) -> bool:
    i = next((j for j, (a, b) in enumerate(zip(short, full, strict=False)) if a != b), len(short))
    return short[i:] == full[i + 1 :]


@cache
def normalize_law_name(name: str) -> str:
    """The official full name of a cited law (《民诉法》 → 中华人民共和国民事诉讼法)."""
    s = clean_law_name(name)
    s = re.sub(r"《([^《》]+)》", lambda m: "《" + _full(m.group(1)) + "》", s)
    return _repair(_full(s))
