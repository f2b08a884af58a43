"""Reference data for party extraction: litigation roles of labels and kinds of names.

``assist/data/party_roles.tsv`` maps a label to its role (CONTRACT.md role table) and to the
earlier role it denotes inside a parenthesis; ``assist/data/org_suffixes.tsv`` tells
organisations, agencies and procuratorates from persons by how a name ends. Both are read
lazily, once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import cast, get_args

from assist.document import PartyKind, Role

_ROLES = frozenset(get_args(Role))
_KINDS = frozenset(get_args(PartyKind))
_PRIOR_PREFIX = re.compile(r"^(?:原一审|原二审|一审|二审|原审|再审|前审)")
# 暨/兼 join concurrent roles: （原审被告人暨附带民事诉讼被告人）.
_PAREN_SPLIT = re.compile(r"[、,，及和/;暨兼]")
# A place opening a name: 无棣县…, 对外…不是; the one-character suffixes count after one.
_PLACE_START = re.compile(r"^[^\s]{1,3}?[省市县区州旗]")
_LATIN = re.compile(r"[A-Za-z .'&-]+")
_LATIN_FIRM = re.compile(
    r"(?i)\b(?:ltd|limited|inc|corp|corporation|co|llc|gmbh|bank|company|group)\b"
)


def _data_lines(name: str) -> Iterator[list[str]]:
    text = resources.files("assist.data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _role(value: str) -> Role | None:
    if value == "-":
        return None
    if value not in _ROLES:
        raise ValueError(f"party_roles.tsv: unknown role {value!r}")
    return cast(Role, value)


@cache
def role_table() -> dict[str, tuple[Role, Role | None]]:
    """label → (role as a heading label, role as a parenthesised earlier role)."""
    table: dict[str, tuple[Role, Role | None]] = {}
    for label, role, prior in _data_lines("party_roles.tsv"):
        main = _role(role)
        if main is None:
            raise ValueError(f"party_roles.tsv: {label} needs a role")
        table[label] = (main, _role(prior))
    return table


@cache
def _kind_rules() -> tuple[tuple[tuple[str, PartyKind], ...], tuple[tuple[str, PartyKind], ...]]:
    """(contains rules in file order, suffix rules longest first)."""
    contains: list[tuple[str, PartyKind]] = []
    suffixes: list[tuple[str, PartyKind]] = []
    for pattern, kind, how in _data_lines("org_suffixes.tsv"):
        if kind not in _KINDS:
            raise ValueError(f"org_suffixes.tsv: unknown kind {kind!r}")
        (contains if how == "contains" else suffixes).append((pattern, cast(PartyKind, kind)))
    suffixes.sort(key=lambda row: len(row[0]), reverse=True)
    return tuple(contains), tuple(suffixes)


def party_kind(name: str) -> PartyKind:
    """person / organization / agency / procuratorate from the shape of a name."""
    contains, suffixes = _kind_rules()
    for pattern, kind in contains:
        if pattern in name:
            return kind
    if "·" in name:
        return "person"
    if _LATIN.fullmatch(name):
        return "organization" if _LATIN_FIRM.search(name) else "person"
    for suffix, kind in suffixes:
        # One-character suffixes (厂, 局, 店 …) also end personal names: ask for a longer name.
        if name.endswith(suffix) and len(name) >= len(suffix) + (4 if len(suffix) == 1 else 2):
            return kind
    return "organization" if len(name) >= 8 else "person"


def org_shaped(name: str) -> bool:
    """Whether a name carries an organisation's or agency's mark (a listed word or suffix);
    the length default of :func:`party_kind` does not count."""
    contains, suffixes = _kind_rules()
    return any(p in name for p, _ in contains) or any(name.endswith(x) for x, _ in suffixes)


def org_marked(name: str) -> bool:
    """Whether a name ends in an organisation's mark that a clause does not carry: a listed word
    (公司), a suffix of two or more characters (人民政府, 大学), or a one-character suffix after a
    place (无棣县水利局) — not 无固定住所 (所), nor 在某某公司工作期间."""
    contains, suffixes = _kind_rules()
    place = _PLACE_START.match(name) is not None
    return any(
        name.endswith(x) and len(name) > len(x) and (len(x) > 1 or place)
        for x, _ in (*contains, *suffixes)
    )


def prior_role(paren: str | None) -> Role | None:
    """The earlier role in a label's parenthesis: （原审被告） → defendant; （反诉被告） → None.

    Of several (一审被告、二审上诉人) the first earlier role counts: the party's side in the
    original suit.
    """
    if not paren:
        return None
    table = role_table()
    for piece in _PAREN_SPLIT.split(paren):
        piece = piece.strip()
        row = table.get(piece) or table.get(_PRIOR_PREFIX.sub("", piece))
        if row is not None and row[1] is not None:
            return row[1]
    return None
